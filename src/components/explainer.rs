use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::deeplink::Target;
use sanctuary_core::i18n::{ui, Lang};
use sanctuary_core::mapnav::View;
use sanctuary_core::markup::Markup;
use sanctuary_core::options::{Layout, Theme};
use sanctuary_core::policy::Dataset;
use sanctuary_core::qa::Accordion;
use sanctuary_core::state::{Action, Switch, WidgetState};
use yew::prelude::*;

use super::qa::{qa_view, use_qa};
use super::sources::raw;
use super::Shared;
use super::{focus_in, MapSection, QaProps};
use crate::assets::{self, StoryResult};
use crate::hooks::{use_after_first_commit, use_file, use_focus_after, use_node_ref, whole_story};
use sanctuary_core::parts::write_time;

/// What the widget tells its host page (the host turns these into DOM events and URL fragments).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WidgetEvent {
    /// A question was opened or closed.
    Question { id: String, open: bool },
    /// A place was selected on the map or in the table.
    Jurisdiction { id: String },
    /// The reader switched language.
    Language { lang: Lang },
}

#[derive(Properties, PartialEq)]
pub struct ExplainerProps {
    /// The story in each language at hand (the first is the fallback).
    pub stories: Rc<Vec<Rc<Story>>>,
    /// Where the default story is in every language (`assets::story_url`; ends in `/`): a
    /// language the reader switches to is fetched from there. `None`: `stories` only.
    #[prop_or_default]
    pub content: Option<AttrValue>,
    pub data: Shared<Dataset>,
    /// The directory of the map's panels (`panels.<lang>.bin`: the laws, facts and table as
    /// markup; the map section fetches them after the first render). `None`: the panel and the
    /// table say the laws are loading.
    #[prop_or_default]
    pub details: Option<AttrValue>,
    /// The language at start (`data-lang`).
    #[prop_or_default]
    pub lang: Lang,
    /// What to show (`data-view`).
    #[prop_or_default]
    pub layout: Layout,
    #[prop_or_default]
    pub theme: Theme,
    /// What to open at start: `data-open`, or a deep link in the page's URL.
    #[prop_or_default]
    pub initial: Option<Target>,
    /// The geometry directory's URL, ending in `/`.
    #[prop_or_default]
    pub geo: AttrValue,
    /// Called once, when the first render is in the document and the widget is interactive
    /// (before the browser lays it out and paints it).
    #[prop_or_default]
    pub on_ready: Callback<()>,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
    /// Copies a link to a question or place; returns whether the copy was started.
    #[prop_or_default]
    pub on_copy: Option<Callback<Target, bool>>,
}

/// `<tag class="class">text</tag>` as markup.
fn text_element(tag: &'static str, class: &str, text: &str) -> Html {
    let mut m = Markup::new();
    m.element(tag, &[("class", class)], text);
    raw(m)
}

/// The title, the dek and the date the story is checked to: only text, so markup.
fn headline(story: &Story, as_of: &str) -> Html {
    let mut m = Markup::new();
    m.element(
        "h2",
        &[("class", "se-title"), ("id", "se-title")],
        &story.title,
    );
    if !story.dek.is_empty() {
        m.element("p", &[("class", "se-dek")], &story.dek);
    }
    m.open("p", &[("class", "se-asof")]).text(as_of).text(" ");
    write_time(&mut m, None, &story.as_of, story.lang);
    m.close("p");
    raw(m)
}

/// The widget's state for yew's `use_reducer` (the state and its rules are in the core).
struct Reducer(WidgetState);

impl Reducible for Reducer {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Reducer(self.0.reduce(action)))
    }
}

impl std::ops::Deref for Reducer {
    type Target = WidgetState;
    fn deref(&self) -> &WidgetState {
        &self.0
    }
}

/// The whole widget: header, language switch, Q&A card and map section, linked both ways.
#[function_component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let state = use_reducer(|| {
        Reducer(WidgetState::new(
            props.lang,
            props.stories.to_vec(),
            &props.data,
            props.initial.as_ref(),
        ))
    });
    // The language the reader asked for last while its story was on its way (read when it
    // arrives: a later click on the language shown cancels the switch).
    let wanted = use_mut_ref(|| None::<Lang>);
    let story = state.story().clone();
    let t = ui(story.lang);
    let root = use_node_ref();
    let focus_after = use_focus_after(&root);
    // The Q&A card's own state (its view renders inside this component's render).
    let qa = use_qa();
    // The first view has the story's head (no answers): the whole story is asked for once the
    // browser is idle after it, or at once when a question is opened.
    let whole_url = (props.content.as_ref())
        .filter(|_| story.is_head())
        .map(|dir| AttrValue::from(assets::story_url(dir, story.lang)));
    let whole = use_file(
        whole_url.clone(),
        assets::decode_story,
        qa.idle() || state.accordion.any_open(),
    );
    let (story, answers_retry) = whole_story(story, whole_url, whole);
    // Once, when the first render is in the document (the map's too, when the states were
    // there: see `host`): the widget is ready; a deep link's question or place is brought
    // into view.
    {
        let root = root.clone();
        let initial = props.initial.clone();
        let on_ready = props.on_ready.clone();
        use_after_first_commit(Box::new(move || {
            on_ready.emit(());
            let selector = match initial {
                Some(Target::Question(id)) => format!("#se-q-{id}"),
                Some(Target::Place(_)) => "#se-detail-title".to_owned(),
                None => return,
            };
            if let Some(el) = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector(&selector).ok().flatten())
            {
                el.scroll_into_view();
            }
        }));
    }

    let on_accordion = {
        let state = state.clone();
        let story = story.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |a: Accordion| {
            for (i, q) in story.questions.iter().enumerate() {
                if a.is_open(i) != state.accordion.is_open(i) {
                    on_event.emit(WidgetEvent::Question {
                        id: q.id.clone(),
                        open: a.is_open(i),
                    });
                }
            }
            state.dispatch(Action::Accordion(a));
        })
    };
    let on_view = {
        let state = state.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |v: View| {
            if let Some(id) = v
                .selected
                .as_ref()
                .filter(|id| state.view.selected.as_ref() != Some(*id))
            {
                on_event.emit(WidgetEvent::Jurisdiction { id: id.clone() });
            }
            state.dispatch(Action::View(v));
        })
    };
    // "Show on the map" in an answer: select the place, zoom to where it is, focus the map.
    let on_show = props.layout.has_map().then(|| {
        let state = state.clone();
        let on_view = on_view.clone();
        let data = props.data.clone();
        let focus_after = focus_after.clone();
        Callback::from(move |id: AttrValue| {
            let mut v = state.view.clone();
            if v.show(&data, &id) {
                *focus_after.borrow_mut() = Some(".se-map__svg".into());
                on_view.emit(v);
            }
        })
    });
    // A question listed in the detail panel: open it and move to it.
    let on_question = {
        let state = state.clone();
        let on_accordion = on_accordion.clone();
        let story = story.clone();
        let focus_after = focus_after.clone();
        let root = root.clone();
        Callback::from(move |qid: AttrValue| {
            if let Some(i) = story.question_index(&qid) {
                let mut a = state.accordion.clone();
                a.open(i);
                // Its button is already there: move to it now, so focus does not wait for a
                // long re-render (yew may yield to the browser before running effects).
                let selector = format!("#se-q-{qid}");
                focus_in(&root, &selector);
                *focus_after.borrow_mut() = Some(selector);
                on_accordion.emit(a);
            }
        })
    };
    let languages: Vec<Lang> = match props.content {
        Some(_) => Lang::ALL.to_vec(),
        None => state.stories.iter().map(|s| s.lang).collect(),
    };
    let switch_lang = |to: Lang| {
        let state = state.clone();
        let wanted = wanted.clone();
        let content = props.content.clone();
        let details = props.details.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |_: MouseEvent| {
            // The map's panels in that language, beside its story: the laws are there when
            // the switch is (the map section finds them in the page's cache).
            if let Some(dir) = &details {
                let url = assets::panels_url(dir, to);
                assets::prefetch(&url, assets::decode_panels);
            }
            let have = state.has(to);
            *wanted.borrow_mut() = (!have).then_some(to);
            if have {
                if state.lang != to {
                    on_event.emit(WidgetEvent::Language { lang: to });
                }
                state.dispatch(Action::Show(to));
                return;
            }
            let Some(dir) = &content else {
                return;
            };
            state.dispatch(Action::Loading(to));
            let (state, wanted, on_event) = (state.clone(), wanted.clone(), on_event.clone());
            assets::load_story(
                dir,
                to,
                false,
                Callback::from(move |result: StoryResult| {
                    if *wanted.borrow() != Some(to) {
                        return; // the reader chose otherwise meanwhile
                    }
                    *wanted.borrow_mut() = None;
                    match result {
                        Ok(story) => {
                            state.dispatch(Action::Loaded(to, story));
                            on_event.emit(WidgetEvent::Language { lang: to });
                        }
                        Err(e) => {
                            gloo::console::warn!(format!("sanctuary-explainer: {e}"));
                            state.dispatch(Action::Failed(to));
                        }
                    }
                }),
            );
        })
    };
    let busy = |l: Lang| state.switching == Some(Switch::Loading(l));
    // A plain loop, not `{ for … }` (see `qa_view`).
    let mut lang_buttons = Vec::with_capacity(languages.len());
    for &l in languages.iter() {
        lang_buttons.push(html! {
            <button type="button" class="se-lang__btn" lang={l.code()}
                aria-pressed={(l == state.lang).to_string()}
                aria-busy={busy(l).then_some("true")} onclick={switch_lang(l)}>
                { l.name() }
            </button>
        });
    }

    html! {
        <article class="se" data-theme={props.theme.key()} lang={story.lang.code()} aria-labelledby="se-title" ref={root}>
            <header class="se-head">
                <div class="se-head__top">
                    if !story.kicker.is_empty() {
                        { text_element("p", "se-kicker", &story.kicker) }
                    }
                    if languages.len() > 1 {
                        <div class="se-lang" role="group" aria-label={t.language}>
                            { lang_buttons }
                        </div>
                    }
                </div>
                if let Some(Switch::Failed(l)) = state.switching {
                    <p class="se-lang__error" role="alert">
                        <span lang={l.code()}>{ l.name() }</span>{ ": " }{ t.language_failed }
                    </p>
                }
                { headline(&story, t.as_of) }
            </header>
            if props.layout.has_qa() {
                { qa_view(&QaProps {
                    story: story.clone().into(),
                    data: props.data.clone(),
                    accordion: state.accordion.clone(),
                    on_accordion,
                    on_show,
                    on_copy: props.on_copy.clone(),
                    answers_retry,
                }, &qa) }
            }
            if props.layout.has_map() {
                <MapSection data={props.data.clone()} story={story.clone()} lang={story.lang}
                    view={state.view.clone()} {on_view} geo={props.geo.clone()} details={props.details.clone()} {on_question}
                    on_copy={props.on_copy.clone()} />
            }
        </article>
    }
}
