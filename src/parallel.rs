//! Running independent per-item work (files, articles) on every core, results in input order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Fewer items than this run on the calling thread: spawning would cost more than it saves.
const MIN_ITEMS_FOR_THREADS: usize = 8;

/// `f` over every item on all cores; the results in the items' order.
pub fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut results = Vec::with_capacity(items.len());
    for_each_in_order(items, f, |_, result| results.push(result));
    results
}

/// `f` over every item on all cores, handing each result to `emit` on the calling thread in
/// the items' order, as soon as it and every item before it are done: a consumer sees a
/// growing prefix, which is what lets the reader show the first articles while the rest load.
pub fn for_each_in_order<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(usize, R),
) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 || items.len() < MIN_ITEMS_FOR_THREADS {
        for (i, item) in items.iter().enumerate() {
            emit(i, f(item));
        }
        return;
    }
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, f) = (&next, &f);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                if tx.send((i, f(item))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Results that arrived ahead of their turn wait here; with items handed out in order
        // there are never more than a few per thread.
        let mut waiting: std::collections::BTreeMap<usize, R> = Default::default();
        let mut due = 0;
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&due) {
                emit(due, result);
                due += 1;
            }
        }
        // A worker that panicked left a gap; `scope` re-raises the panic when it returns.
    });
}

/// Makes the calling thread, and every thread it starts from now on, yield the cores to the
/// rest of the process: the reader's loading and analysis workers call it so that a key is
/// answered at once even while they keep every core busy. A Linux nice value of 10 on this
/// thread only (threads inherit it when created); elsewhere, or if refused, nothing changes.
pub fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: `gettid` has no preconditions; `setpriority` on our own thread id only changes
    // this thread's scheduling weight, and its failure is harmless.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order() {
        let items: Vec<usize> = (0..1000).collect();
        let squares = map_in_parallel(&items, |&i| i * i);
        assert_eq!(squares, items.iter().map(|i| i * i).collect::<Vec<_>>());
        assert_eq!(map_in_parallel(&items[..3], |&i| i + 1), vec![1, 2, 3]);
    }

    #[test]
    fn emitted_in_order_even_when_early_items_are_slow() {
        let items: Vec<u64> = (0..64).collect();
        let mut seen = Vec::new();
        for_each_in_order(
            &items,
            |&i| {
                // The first items take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros((64 - i) * 50));
                i
            },
            |index, value| seen.push((index, value)),
        );
        assert_eq!(
            seen,
            items.iter().map(|&i| (i as usize, i)).collect::<Vec<_>>()
        );
    }
}
