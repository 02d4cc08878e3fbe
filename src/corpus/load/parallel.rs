//! Running independent per-file work on every core, results in input order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Fewer items than this run on the calling thread: spawning would cost more than it saves.
const MIN_ITEMS_FOR_THREADS: usize = 8;

/// `f` over every item, on as many threads as there are cores. Items are handed out one at a
/// time (articles differ a lot in size), and the results come back in the items' order.
pub fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 || items.len() < MIN_ITEMS_FOR_THREADS {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut done = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    done.push((i, f(item)));
                }
                let mut slots = slots.lock().unwrap_or_else(|e| e.into_inner());
                for (i, result) in done {
                    slots[i] = Some(result);
                }
            });
        }
    });
    let slots = slots.into_inner().unwrap_or_else(|e| e.into_inner());
    // A worker that panicked left its slots empty; `scope` has already re-raised the panic.
    slots.into_iter().flatten().collect()
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
}
