//! The Q&A accordion's state and keyboard rules (WAI-ARIA Authoring Practices, accordion
//! pattern): any number of panels open; Up/Down move between headers and wrap, Home/End
//! go to the first/last; "next question" closes the current panel and opens the next.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Accordion {
    /// Whether each panel is open, by question (a list: a set type costs the wasm more).
    open: Vec<bool>,
}

impl Accordion {
    pub fn new(len: usize, open: Option<usize>) -> Accordion {
        Accordion {
            open: {
                let mut all = vec![false; len];
                if let Some(slot) = open.and_then(|i| all.get_mut(i)) {
                    *slot = true;
                }
                all
            },
        }
    }

    pub fn len(&self) -> usize {
        self.open.len()
    }

    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    pub fn is_open(&self, i: usize) -> bool {
        self.open.get(i).copied().unwrap_or(false)
    }

    /// Whether any panel is open.
    pub fn any_open(&self) -> bool {
        self.open.contains(&true)
    }

    pub fn all_open(&self) -> bool {
        !self.open.is_empty() && self.open.iter().all(|&o| o)
    }

    pub fn toggle(&mut self, i: usize) {
        if let Some(o) = self.open.get_mut(i) {
            *o = !*o;
        }
    }

    pub fn open(&mut self, i: usize) {
        if let Some(o) = self.open.get_mut(i) {
            *o = true;
        }
    }

    /// Opens every panel, or closes every panel when all are open.
    pub fn toggle_all(&mut self) {
        let to = !self.all_open();
        self.open.iter_mut().for_each(|o| *o = to);
    }

    /// Closes panel `i` and opens the one after it, returning the index to focus.
    /// After the last question it goes back to the first.
    pub fn step_next(&mut self, i: usize) -> Option<usize> {
        let len = self.len();
        if len == 0 {
            return None;
        }
        if let Some(o) = self.open.get_mut(i) {
            *o = false;
        }
        let next = (i + 1) % len;
        self.open[next] = true;
        Some(next)
    }
}

/// Which header a key moves focus to from header `current`, if the key is one the pattern uses.
pub fn focus_target(key: &str, current: usize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    match key {
        "ArrowDown" => Some((current + 1) % len),
        "ArrowUp" => Some((current + len - 1) % len),
        "Home" => Some(0),
        "End" => Some(len - 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggles_independently() {
        let mut a = Accordion::new(3, Some(1));
        assert!(a.is_open(1));
        a.toggle(0);
        assert!(a.is_open(0) && a.is_open(1));
        a.toggle(1);
        assert!(!a.is_open(1));
        a.toggle(7);
        assert!(!a.is_open(7));
    }

    #[test]
    fn ignores_an_initial_index_out_of_range() {
        assert_eq!(Accordion::new(2, Some(5)), Accordion::new(2, None));
    }

    #[test]
    fn steps_to_the_next_question_and_wraps() {
        let mut a = Accordion::new(3, Some(1));
        assert_eq!(a.step_next(1), Some(2));
        assert!(!a.is_open(1) && a.is_open(2));
        assert_eq!(a.step_next(2), Some(0));
        assert!(a.is_open(0) && !a.is_open(2));
    }

    #[test]
    fn toggles_all() {
        let mut a = Accordion::new(3, Some(0));
        assert!(a.any_open() && !a.all_open());
        a.toggle_all();
        assert!(a.all_open());
        a.toggle_all();
        assert!((0..3).all(|i| !a.is_open(i)));
        assert!(!a.any_open());
    }

    #[test]
    fn keys_move_focus_per_the_pattern() {
        assert_eq!(focus_target("ArrowDown", 0, 3), Some(1));
        assert_eq!(focus_target("ArrowDown", 2, 3), Some(0));
        assert_eq!(focus_target("ArrowUp", 0, 3), Some(2));
        assert_eq!(focus_target("Home", 2, 3), Some(0));
        assert_eq!(focus_target("End", 0, 3), Some(2));
        assert_eq!(focus_target("Enter", 0, 3), None);
        assert_eq!(focus_target("ArrowDown", 0, 0), None);
    }
}
