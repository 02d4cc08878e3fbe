//! The best exact scores the first pass's threads have found between them. Each thread also
//! keeps its own, but a query whose good hits are few (`sharaa mos`: about as many as the
//! limit) may give no thread `limit` of them alone, and then no thread could rule anything
//! out until the second pass.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, PoisonError};

/// No floor published yet.
const NONE: i64 = i64::MIN;

pub(super) struct SharedFloor {
    limit: usize,
    best: Mutex<BinaryHeap<Reverse<i64>>>,
    /// The `limit`-th best exact score offered, less one; `NONE` until there are `limit`. It
    /// only rises, so a thread reading an old value holds its candidates to a lower floor,
    /// which is safe.
    floor: AtomicI64,
}

impl SharedFloor {
    pub(super) fn new(limit: usize) -> SharedFloor {
        SharedFloor {
            limit,
            best: Mutex::new(BinaryHeap::with_capacity(limit + 1)),
            floor: AtomicI64::new(NONE),
        }
    }

    /// A bound at most this cannot rank: `limit` candidates score more. Less one than the
    /// `limit`-th best score, because that one may have come from another thread's higher
    /// id, and a candidate with its score and a lower id would rank above it.
    pub(super) fn get(&self) -> Option<i64> {
        let floor = self.floor.load(Ordering::Relaxed);
        (floor != NONE).then_some(floor)
    }

    /// One candidate's exact score; each candidate's is offered once.
    pub(super) fn offer(&self, score: i64) {
        if self.limit == 0 || self.get().is_some_and(|floor| score <= floor + 1) {
            return;
        }
        let mut best = self.best.lock().unwrap_or_else(PoisonError::into_inner);
        best.push(Reverse(score));
        if best.len() > self.limit {
            best.pop();
        }
        if best.len() == self.limit {
            if let Some(Reverse(worst)) = best.peek() {
                self.floor.store(worst - 1, Ordering::Relaxed);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_is_the_limit_th_best_less_one_once_there_are_that_many() {
        let shared = SharedFloor::new(3);
        shared.offer(10);
        shared.offer(30);
        assert_eq!(shared.get(), None);
        shared.offer(20);
        assert_eq!(shared.get(), Some(9));
        shared.offer(5);
        assert_eq!(shared.get(), Some(9));
        shared.offer(25);
        assert_eq!(shared.get(), Some(19));
        assert_eq!(SharedFloor::new(0).get(), None);
    }

    #[test]
    fn scores_offered_from_threads_all_count() {
        let shared = SharedFloor::new(100);
        std::thread::scope(|scope| {
            for part in 0..4 {
                let shared = &shared;
                scope.spawn(move || (0..1000).for_each(|i| shared.offer(i * 4 + part)));
            }
        });
        assert_eq!(shared.get(), Some(3900 - 1));
    }
}
