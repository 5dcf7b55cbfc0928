use sanctuary_core::content::Story;
use sanctuary_core::deeplink::Target;
use sanctuary_core::i18n::ui;
use sanctuary_core::markup::Markup;
use sanctuary_core::policy::Dataset;
use sanctuary_core::qa::{focus_target, Accordion};
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::detail::pending;
use super::source_list;
use super::sources::raw;
use super::Shared;
use crate::hooks::{use_id, use_idle, use_node_ref};

#[derive(Properties, PartialEq)]
pub struct QaProps {
    pub story: Shared<Story>,
    /// Names the places an answer links to the map.
    pub data: Shared<Dataset>,
    /// Which questions are open (the caller's state, so the map can open one).
    pub accordion: Accordion,
    pub on_accordion: Callback<Accordion>,
    /// "Show on the map" for a place an answer mentions; `None` when there is no map.
    #[prop_or_default]
    pub on_show: Option<Callback<AttrValue>>,
    /// Copies a link to a question (the host knows the page's URL); `None`: no copy control.
    #[prop_or_default]
    pub on_copy: Option<Callback<Target, bool>>,
    /// While `story` is its head ([`Story::head`]) and its answers could not be had: tries
    /// again. (While they are on their way an open question says so.)
    #[prop_or_default]
    pub answers_retry: Option<Callback<()>>,
}

/// Focuses the `i`-th question's button in the list.
fn focus(list: &NodeRef, i: usize) {
    use wasm_bindgen::JsCast;
    if let Some(el) = list
        .cast::<web_sys::Element>()
        .and_then(|l| l.query_selector_all(".se-qa__trigger").ok())
        .and_then(|all| all.item(i as u32))
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// An answer's paragraphs: only text, so markup ([`Markup`]).
fn paragraphs(paragraphs: &[String]) -> Html {
    let mut m = Markup::new();
    for p in paragraphs {
        m.element("p", &[], p);
    }
    raw(m)
}

/// The Q&A accordion (WAI-ARIA Authoring Practices: accordion). Each question is a button
/// inside a heading; Enter/Space toggle, Up/Down/Home/End move between questions.
///
/// The widget's `Explainer` keeps the card's state ([`use_qa`]) and calls [`qa_view`] inside
/// its render (a component is its own copy of yew's code in the wasm). This component is the
/// same view for tests and for pages that use the components directly.
#[function_component]
pub fn QaCard(props: &QaProps) -> Html {
    qa_view(props, &use_qa())
}

/// The Q&A card's own state.
pub struct QaState {
    /// The list, for moving focus between its questions (a node ref per question would be a
    /// memo of its own type: more of yew's code in the wasm).
    list: NodeRef,
    /// The question whose link was just copied, for the "Link copied" note.
    copied: UseStateHandle<Option<AttrValue>>,
    /// A closed answer's content (two thirds of the widget's nodes, none of them on screen) is
    /// built once the browser is idle after the first render, not before the widget is ready;
    /// it is there after that for printing. An answer opened earlier is built at once.
    idle: bool,
}

impl QaState {
    /// Whether the browser has been idle since the first render.
    pub fn idle(&self) -> bool {
        self.idle
    }
}

#[hook]
pub fn use_qa() -> QaState {
    QaState {
        list: use_node_ref(),
        copied: use_id(),
        idle: use_idle(),
    }
}

/// The Q&A card's view ([`QaCard`]), with its state from [`use_qa`].
pub fn qa_view(props: &QaProps, qa: &QaState) -> Html {
    let story = &props.story;
    let t = ui(story.lang);
    let len = story.questions.len();
    let state = &props.accordion;
    let (list, copied, idle) = (&qa.list, &qa.copied, qa.idle);
    // The answers are still to come (the first view has the story's head).
    let head = story.is_head();

    let toggle_all = {
        let (state, set) = (state.clone(), props.on_accordion.clone());
        Callback::from(move |_| {
            let mut next = state.clone();
            next.toggle_all();
            set.emit(next);
        })
    };

    // Each item from a closure in a plain loop: an iterator chain is its own functions in the
    // wasm, which V8 compiles one by one at the first render (as is each `{ for … }`).
    let item = |i: usize, q: &sanctuary_core::content::Question| {
        let open = state.is_open(i);
        // Whether the answer's content is in the DOM (see `idle` above).
        let built = open || idle;
        let qid = format!("se-q-{}", q.id);
        let aid = format!("se-a-{}", q.id);
        let onclick = {
            let (state, set) = (state.clone(), props.on_accordion.clone());
            Callback::from(move |_| {
                let mut next = state.clone();
                next.toggle(i);
                set.emit(next);
            })
        };
        let onkeydown = {
            let list = list.clone();
            Callback::from(move |e: KeyboardEvent| {
                if let Some(target) = focus_target(&e.key(), i, len) {
                    e.prevent_default();
                    focus(&list, target);
                }
            })
        };
        let on_next = {
            let (state, set) = (state.clone(), props.on_accordion.clone());
            let list = list.clone();
            Callback::from(move |_| {
                let mut next = state.clone();
                if let Some(n) = next.step_next(i) {
                    set.emit(next);
                    focus(&list, n);
                }
            })
        };
        let next_label = match story.questions.get(i + 1) {
            Some(nq) => {
                html! { <>{ t.next_question }{ ": " }<span class="se-qa__next-q">{ &nq.question }</span></> }
            }
            None => html! { { t.back_to_first } },
        };
        html! {
            <li class="se-qa__item" data-open={open.then_some("")} key={q.id.clone()}>
                <h3 class="se-qa__heading">
                    <button
                        type="button"
                        class="se-qa__trigger"
                        id={qid.clone()}
                        aria-expanded={open.to_string()}
                        aria-controls={aid.clone()}
                        {onclick}
                        {onkeydown}
                    >
                        <span class="se-qa__num" aria-hidden="true">{ i + 1 }</span>
                        <span class="se-qa__q">{ &q.question }</span>
                        <span class="se-qa__icon" aria-hidden="true"></span>
                    </button>
                </h3>
                <div class="se-qa__panel" id={aid} hidden={!open}>
                    if head {
                        if open {
                            { pending(story.lang, true, props.answers_retry.as_ref()) }
                        }
                    } else if built {
                        { paragraphs(&q.paragraphs()) }
                        if let Some(on_show) = props.on_show.as_ref().filter(|_| !q.jurisdictions.is_empty()) {
                            <div class="se-onmap">
                                <p class="se-onmap__label">{ t.show_on_map }</p>
                                <ul class="se-onmap__list">
                                    { for q.jurisdictions.iter().filter_map(|id| props.data.jurisdiction(id)).map(|j| {
                                        let id = AttrValue::from(j.id.clone());
                                        html! {
                                            <li><button type="button" class="se-chip" onclick={on_show.reform(move |_| id.clone())}>
                                                { j.name_in(story.lang) }
                                            </button></li>
                                        }
                                    }) }
                                </ul>
                            </div>
                        }
                        { source_list(q.sources.iter().filter_map(|id| story.source(id)), story.lang, t.sources) }
                        <div class="se-qa__actions">
                            if len > 1 {
                                <button type="button" class="se-qa__next" onclick={on_next}>
                                    { next_label }<span aria-hidden="true">{ " →" }</span>
                                </button>
                            }
                            if let Some(on_copy) = &props.on_copy {
                                <button type="button" class="se-copy" onclick={{
                                    let (on_copy, copied, id) = (on_copy.clone(), copied.clone(), q.id.clone());
                                    Callback::from(move |_| {
                                        if on_copy.emit(Target::Question(id.clone())) {
                                            copied.set(Some(id.clone().into()));
                                        }
                                    })
                                }}>{ t.copy_link }</button>
                                <span class="se-copy__done" role="status">
                                    { if copied.as_deref() == Some(q.id.as_str()) { t.link_copied } else { "" } }
                                </span>
                            }
                        </div>
                    }
                </div>
            </li>
        }
    };
    let mut items = Vec::with_capacity(len);
    for (i, q) in story.questions.iter().enumerate() {
        items.push(item(i, q));
    }

    html! {
        <section class="se-qa" aria-label={t.questions_label}>
            <div class="se-qa__bar">
                <button type="button" class="se-qa__all" onclick={toggle_all}>
                    { if state.all_open() { t.collapse_all } else { t.expand_all } }
                </button>
            </div>
            <ol class="se-qa__list" ref={list.clone()}>{ items }</ol>
        </section>
    }
}
