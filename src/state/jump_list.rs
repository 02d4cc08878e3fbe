//! The jump list, as in vim: every jump records where the reader was; back and forward walk
//! the record.

/// A place in the corpus: an article and the cursor's source byte there.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub article: usize,
    pub cursor: usize,
}

/// Places jumped from, oldest first; `pos` is where back/forward stand (`places.len()` when
/// at the newest place).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JumpList {
    places: Vec<Place>,
    pos: usize,
    /// The article before the current one, for `'`.
    pub previous_article: Option<usize>,
}

const CAPACITY: usize = 100;

impl JumpList {
    /// Records `here` before a jump; forward history past the current position is dropped.
    pub fn record(&mut self, here: Place) {
        self.places.truncate(self.pos);
        if self.places.last() != Some(&here) {
            self.places.push(here);
        }
        if self.places.len() > CAPACITY {
            self.places.remove(0);
        }
        self.pos = self.places.len();
    }

    /// The place before the current one; `here` is kept so that forward can return to it.
    pub fn back(&mut self, here: Place) -> Option<Place> {
        if self.pos == self.places.len() {
            if self.places.last() != Some(&here) {
                self.places.push(here);
            }
            self.pos = self.places.len() - 1;
        }
        if self.pos == 0 {
            return None;
        }
        self.pos -= 1;
        Some(self.places[self.pos])
    }

    pub fn forward(&mut self) -> Option<Place> {
        if self.pos + 1 >= self.places.len() {
            return None;
        }
        self.pos += 1;
        Some(self.places[self.pos])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(article: usize) -> Place {
        Place { article, cursor: 0 }
    }

    #[test]
    fn back_and_forward_walk_the_record_like_vim() {
        let mut jumps = JumpList::default();
        jumps.record(at(0));
        jumps.record(at(1));
        // Now at 2.
        assert_eq!(jumps.back(at(2)), Some(at(1)));
        assert_eq!(jumps.back(at(1)), Some(at(0)));
        assert_eq!(jumps.back(at(0)), None);
        assert_eq!(jumps.forward(), Some(at(1)));
        assert_eq!(jumps.forward(), Some(at(2)));
        assert_eq!(jumps.forward(), None);
    }

    #[test]
    fn a_new_jump_drops_the_forward_history() {
        let mut jumps = JumpList::default();
        jumps.record(at(0));
        jumps.record(at(1));
        jumps.back(at(2));
        jumps.back(at(1));
        jumps.record(at(0));
        assert_eq!(jumps.forward(), None);
        assert_eq!(jumps.back(at(3)), Some(at(0)));
    }
}
