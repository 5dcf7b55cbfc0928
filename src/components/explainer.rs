use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::i18n::ui;
use yew::prelude::*;

use super::QaCard;

#[derive(Properties, PartialEq)]
pub struct ExplainerProps {
    pub story: Rc<Story>,
    /// Index of the question open at start (`data-open`).
    #[prop_or_default]
    pub initial_open: Option<usize>,
    /// Called once, after the first render, when the widget is interactive.
    #[prop_or_default]
    pub on_ready: Callback<()>,
}

/// The whole widget: header and Q&A card.
#[function_component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| on_ready.emit(()));
    }
    let story = &props.story;
    let t = ui(story.lang);
    html! {
        <article class="se" lang={story.lang.code()} aria-labelledby="se-title">
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
            <QaCard story={story.clone()} initial_open={props.initial_open} />
        </article>
    }
}
