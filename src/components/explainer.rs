use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::i18n::ui;
use sanctuary_core::mapnav::View;
use sanctuary_core::options::Layout;
use sanctuary_core::policy::Dataset;
use sanctuary_core::qa::Accordion;
use yew::prelude::*;

use super::{focus_in, MapSection, QaCard};

#[derive(Properties, PartialEq)]
pub struct ExplainerProps {
    pub story: Rc<Story>,
    pub data: Rc<Dataset>,
    /// What to show (`data-view`).
    #[prop_or_default]
    pub layout: Layout,
    /// Index of the question open at start (`data-open`).
    #[prop_or_default]
    pub initial_open: Option<usize>,
    /// The widget's asset directory, ending in `/`.
    #[prop_or_default]
    pub assets: AttrValue,
    /// Called once, after the first render, when the widget is interactive.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}


/// The whole widget: header, Q&A card and map section, linked both ways.
#[function_component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let story = &props.story;
    let t = ui(story.lang);
    let accordion = use_state(|| Accordion::new(story.questions.len(), props.initial_open));
    let view = use_state(View::default);
    let root = use_node_ref();
    let focus_after = use_mut_ref(|| None::<String>);
    {
        let root = root.clone();
        let focus_after = focus_after.clone();
        use_effect(move || {
            if let Some(selector) = focus_after.borrow_mut().take() {
                focus_in(&root, &selector);
            }
        });
    }

    let on_accordion = {
        let accordion = accordion.clone();
        Callback::from(move |a: Accordion| accordion.set(a))
    };
    let on_view = {
        let view = view.clone();
        Callback::from(move |v: View| view.set(v))
    };
    // "Show on the map" in an answer: select the place, zoom to where it is, focus the map.
    let on_show = props.layout.has_map().then(|| {
        let view = view.clone();
        let data = props.data.clone();
        let focus_after = focus_after.clone();
        Callback::from(move |id: AttrValue| {
            let mut v = (*view).clone();
            if v.show(&data, &id) {
                *focus_after.borrow_mut() = Some(".se-map__svg".into());
                view.set(v);
            }
        })
    });
    // A question listed in the detail panel: open it and move to it.
    let on_question = {
        let accordion = accordion.clone();
        let story = story.clone();
        let focus_after = focus_after.clone();
        Callback::from(move |qid: AttrValue| {
            if let Some(i) = story.question_index(&qid) {
                let mut a = (*accordion).clone();
                a.open(i);
                *focus_after.borrow_mut() = Some(format!("#se-q-{qid}"));
                accordion.set(a);
            }
        })
    };

    html! {
        <article class="se" lang={story.lang.code()} aria-labelledby="se-title" ref={root}>
            <header class="se-head">
                if !story.kicker.is_empty() {
                    <p class="se-kicker">{ &story.kicker }</p>
                }
                <h2 class="se-title" id="se-title">{ &story.title }</h2>
                if !story.dek.is_empty() {
                    <p class="se-dek">{ &story.dek }</p>
                }
                <p class="se-asof">
                    { t.as_of }{ " " }
                    <time datetime={story.as_of.to_string()}>{ story.as_of.display(story.lang) }</time>
                </p>
            </header>
            if props.layout.has_qa() {
                <QaCard story={story.clone()} data={props.data.clone()} accordion={(*accordion).clone()}
                    {on_accordion} {on_show} />
            }
            if props.layout.has_map() {
                <MapSection data={props.data.clone()} story={story.clone()} lang={story.lang}
                    view={(*view).clone()} {on_view} assets={props.assets.clone()} {on_question} />
            }
        </article>
    }
}
