//! The widget's state and the actions that change it, as one reducer (the shape of yew's
//! `function_todomvc`): the language shown, the stories at hand, a language switch on its way,
//! the open questions and the map's view.
//!
//! One state value instead of one `use_state` per part: every distinct state type brings its
//! own copy of yew's hook code into the wasm. And an action is applied to the state as it is
//! when it arrives, so a story that arrives late cannot undo a question opened meanwhile.

use std::rc::Rc;

use crate::content::Story;
use crate::deeplink::Target;
use crate::i18n::Lang;
use crate::mapnav::View;
use crate::policy::Dataset;
use crate::qa::Accordion;

/// A language switch that waits for its story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    Loading(Lang),
    Failed(Lang),
}

#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    /// The language the reader chose (shown once its story is at hand).
    pub lang: Lang,
    /// The stories at hand: those the widget started with, and the languages fetched since.
    pub stories: Vec<Rc<Story>>,
    /// A language switch whose story is on its way, or could not be had.
    pub switching: Option<Switch>,
    pub accordion: Accordion,
    pub view: View,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The questions open now.
    Accordion(Accordion),
    /// The map's view now.
    View(View),
    /// Show a language whose story is at hand.
    Show(Lang),
    /// The story of a language is on its way.
    Loading(Lang),
    /// The story of a language arrived: keep it and show it.
    Loaded(Lang, Rc<Story>),
    /// The story of a language could not be had.
    Failed(Lang),
}

impl WidgetState {
    /// The state at start: `stories` (at least one), `lang` the language asked for, and what
    /// a deep link or `data-open` opens.
    pub fn new(
        lang: Lang,
        stories: Vec<Rc<Story>>,
        data: &Dataset,
        initial: Option<&Target>,
    ) -> WidgetState {
        let mut state = WidgetState {
            lang,
            stories,
            switching: None,
            accordion: Accordion::default(),
            view: View::default(),
        };
        let story = state.story().clone();
        let open = match initial {
            Some(Target::Question(id)) => story.question_index(id),
            _ => None,
        };
        state.accordion = Accordion::new(story.questions.len(), open);
        if let Some(Target::Place(id)) = initial {
            state.view.show(data, id);
        }
        state
    }

    /// The story shown: the chosen language's, or the first at hand.
    pub fn story(&self) -> &Rc<Story> {
        self.stories
            .iter()
            .find(|s| s.lang == self.lang)
            .or_else(|| self.stories.first())
            .expect("a widget has at least one story")
    }

    /// Whether `lang` can be shown at once (it is shown, or its story is at hand).
    pub fn has(&self, lang: Lang) -> bool {
        self.lang == lang || self.stories.iter().any(|s| s.lang == lang)
    }

    pub fn reduce(&self, action: Action) -> WidgetState {
        let mut next = self.clone();
        match action {
            Action::Accordion(a) => next.accordion = a,
            Action::View(v) => next.view = v,
            Action::Show(lang) => (next.lang, next.switching) = (lang, None),
            Action::Loading(lang) => next.switching = Some(Switch::Loading(lang)),
            Action::Loaded(lang, story) => {
                next.stories.push(story);
                (next.lang, next.switching) = (lang, None);
            }
            Action::Failed(lang) => next.switching = Some(Switch::Failed(lang)),
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(lang: Lang, questions: &[&str]) -> Rc<Story> {
        let text = format!(
            r#"{{"id": "s", "lang": "{}", "title": "T", "as_of": "2024-11-20", "sources": [],
               "questions": [{}]}}"#,
            lang.code(),
            questions
                .iter()
                .map(|q| format!(
                    r#"{{"id": "{q}", "question": "?", "answer": "!", "sources": []}}"#
                ))
                .collect::<Vec<_>>()
                .join(",")
        );
        Rc::new(serde_json::from_str(&text).unwrap())
    }

    fn data() -> Dataset {
        serde_json::from_str(
            r#"{"as_of": "2025-08-05", "sources": [], "jurisdictions": [
                {"id": "06", "kind": "state", "name": "California", "status": "unknown"}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn state_starts_with_what_a_deep_link_opens() {
        let en = story(Lang::En, &["a", "b"]);
        let s = WidgetState::new(
            Lang::En,
            vec![en.clone()],
            &data(),
            Some(&Target::Question("b".into())),
        );
        assert!(!s.accordion.is_open(0) && s.accordion.is_open(1));
        assert_eq!(s.view, View::default());

        let s = WidgetState::new(
            Lang::En,
            vec![en],
            &data(),
            Some(&Target::Place("06".into())),
        );
        assert_eq!(s.view.selected.as_deref(), Some("06"));
        assert!(!s.accordion.is_open(0));
        assert_eq!(s.accordion.len(), 2);
    }

    #[test]
    fn state_shows_the_chosen_language_once_its_story_is_there() {
        let (en, es) = (story(Lang::En, &["a"]), story(Lang::Es, &["a"]));
        let s = WidgetState::new(Lang::Es, vec![en.clone()], &data(), None);
        // Spanish asked for, only English at hand: English is shown.
        assert!(Rc::ptr_eq(s.story(), &en));
        let s = WidgetState::new(Lang::En, vec![en.clone()], &data(), None);
        assert!(s.has(Lang::En) && !s.has(Lang::Es));

        let loading = s.reduce(Action::Loading(Lang::Es));
        assert_eq!(loading.switching, Some(Switch::Loading(Lang::Es)));
        assert!(Rc::ptr_eq(loading.story(), &en));

        // A question opened while the story is on its way stays open when it arrives.
        let mut a = loading.accordion.clone();
        a.open(0);
        let opened = loading.reduce(Action::Accordion(a));
        let arrived = opened.reduce(Action::Loaded(Lang::Es, es.clone()));
        assert!(Rc::ptr_eq(arrived.story(), &es));
        assert_eq!(arrived.switching, None);
        assert!(arrived.accordion.is_open(0));
        assert!(arrived.has(Lang::En) && arrived.has(Lang::Es));

        let back = arrived.reduce(Action::Show(Lang::En));
        assert!(Rc::ptr_eq(back.story(), &en));
        assert_eq!(back.stories.len(), 2);

        let failed = s.reduce(Action::Failed(Lang::Es));
        assert_eq!(failed.switching, Some(Switch::Failed(Lang::Es)));
        assert_eq!(failed.reduce(Action::Show(Lang::En)).switching, None);
    }

    #[test]
    fn state_keeps_the_maps_view() {
        let s = WidgetState::new(Lang::En, vec![story(Lang::En, &["a"])], &data(), None);
        let mut v = View::default();
        v.zoom_into("06");
        let next = s.reduce(Action::View(v.clone()));
        assert_eq!(next.view, v);
        assert_eq!(next.accordion, s.accordion);
    }
}
