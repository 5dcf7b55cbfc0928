use std::rc::Rc;

use sanctuary_core::i18n::{ui, Lang, Ui};
use sanctuary_core::markup::Markup;
use sanctuary_core::panels::{write_not_reviewed, Panels};
use sanctuary_core::parts::{write_tier_badge, write_time};
use sanctuary_core::policy::{Dataset, Jurisdiction, Kind, Layer, Tier};
use sanctuary_core::table::kind_label;
use yew::prelude::*;

use super::sources::{raw, written};
use super::Shared;

/// The id of the panel's heading, for the lead's `aria-labelledby` and focus.
pub const DETAIL_TITLE_ID: &str = "se-detail-title";

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    /// The data, or its outline ([`Dataset::outline`]): names, kinds and tiers.
    pub data: Shared<Dataset>,
    /// The laws and facts, written ([`Panels`]), in the reader's language: `None` until they
    /// are there (the panel says they are loading).
    #[prop_or_default]
    pub panels: Option<Shared<Panels>>,
    /// The selected jurisdiction's id.
    pub id: AttrValue,
    pub lang: Lang,
    /// Questions of the Q&A that mention this jurisdiction: (question id, question text).
    #[prop_or_default]
    pub questions: Rc<Vec<(AttrValue, AttrValue)>>,
    /// The reader chose a question: the caller opens it in the Q&A.
    #[prop_or_default]
    pub on_question: Callback<AttrValue>,
    #[prop_or_default]
    pub on_close: Callback<()>,
    /// Some for a state whose counties view can be opened ("Show counties and cities").
    #[prop_or_default]
    pub on_zoom: Option<Callback<AttrValue>>,
    /// While `panels` is `None`: `None` as they load, a callback that tries again once their
    /// download failed.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// In place of the laws and sources before their panels are there: that they are on their way, or
/// that they could not be had, with a way to try again. The panel's and the table's.
pub(super) fn pending(lang: Lang, retry: Option<&Callback<()>>) -> Html {
    let t = ui(lang);
    match retry {
        None => html! {
            <p class="se-pending" role="status" aria-busy="true">{ t.loading_details }</p>
        },
        Some(retry) => html! {
            <div class="se-pending" role="status">
                <p>{ t.details_failed }</p>
                <button type="button" class="se-button" onclick={retry.reform(|_| ())}>{ t.retry }</button>
            </div>
        },
    }
}

pub(super) fn tier_badge(tier: Tier, lang: Lang, tag: &'static str) -> Html {
    let mut m = Markup::new();
    write_tier_badge(&mut m, tier, lang, tag);
    raw(m)
}

/// One layer of law: the jurisdiction's own (index 0) or its state's. Its laws come written
/// ([`Panels`]); a county on the map but not in the data has none, and was not reviewed.
fn layer_section(panels: &Panels, layer: &Layer<'_>, own: bool, lang: Lang, t: &Ui) -> Html {
    let j = layer.jurisdiction;
    let heading_id = format!("se-detail-layer-{}", if own { "own" } else { "state" });
    let heading = if own {
        t.own_policies.to_string()
    } else {
        format!("{}: {}", t.state_layer, j.name_in(lang))
    };
    let body = match panels.laws_of(&j.id) {
        Some(laws) => written(laws.to_owned()),
        None => {
            let mut m = Markup::new();
            write_not_reviewed(&mut m, t);
            raw(m)
        }
    };
    html! {
        <section
            class="se-layer" data-layer={if own { "own" } else { "state" }}
            aria-labelledby={heading_id.clone()}
        >
            <h4 class="se-layer__title" id={heading_id}>{ heading }</h4>
            if !own {
                { tier_badge(layer.tier, lang, "p") }
            }
            { body }
        </section>
    }
}

/// "County · California" for a county or city, "State" for a state; then its category.
fn kind_and_tier(j: &Jurisdiction, tier: Tier, lang: Lang, t: &Ui) -> Html {
    let mut m = Markup::new();
    m.open("p", &[("class", "se-detail__kind")])
        .text(kind_label(j.kind, t));
    if let (Kind::County | Kind::City, Some(state)) = (j.kind, j.state_info()) {
        m.text(" · ").text(state.name_in(lang));
    }
    m.close("p")
        .open("div", &[("class", "se-detail__tier")])
        .open("span", &[("class", "se-detail__tier-name")])
        .text(t.tier)
        .element("span", &[("class", "se-vh")], ": ")
        .close("span");
    write_tier_badge(&mut m, tier, lang, "p");
    m.close("div");
    raw(m)
}

/// The date the data is checked to.
fn as_of(data: &Dataset, lang: Lang, t: &Ui) -> Html {
    let mut m = Markup::new();
    m.open("p", &[("class", "se-detail__asof")])
        .text(t.as_of)
        .text(" ");
    write_time(&mut m, None, &data.as_of, lang);
    m.close("p");
    raw(m)
}

/// The detail panel for one jurisdiction: its category, every layer of law that applies (its
/// own, then its state's), lists that name it, other facts, and the questions that mention it.
/// Renders nothing for an id not in the data. Until the panels are there, the laws, lists and
/// facts are a note that they are loading ([`pending`]).
///
/// The widget calls [`detail_view`] inside the map section's render: the panel has no state of
/// its own, and a component is its own copy of yew's code in the wasm. This component is the
/// same view for tests and for pages that use the components directly.
#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
    detail_view(props)
}

/// The detail panel's view ([`Detail`]).
// Not inlined into the map section's render: V8 compiles each wasm function when it is first
// called, on the main thread, so code the first view does not run stays out of that compile.
#[inline(never)]
pub fn detail_view(props: &DetailProps) -> Html {
    let data = &props.data;
    let lang = props.lang;
    let t = ui(lang);
    let layers = data.layers(&props.id);
    let Some(own) = layers.first().copied() else {
        return Html::default();
    };
    let j = own.jurisdiction;

    let close = props.on_close.reform(|_: MouseEvent| ());
    let zoom = props.on_zoom.as_ref().map(|cb| {
        let id = props.id.clone();
        cb.reform(move |_: MouseEvent| id.clone())
    });

    html! {
        <section class="se-detail" aria-labelledby={DETAIL_TITLE_ID}>
            <div class="se-detail__head">
                <h3 class="se-detail__title" id={DETAIL_TITLE_ID} tabindex="-1">{ j.name_in(lang) }</h3>
                <button type="button" class="se-detail__close" onclick={close}>
                    <span class="se-detail__x" aria-hidden="true"></span>
                    <span class="se-detail__close-text">{ t.close }</span>
                </button>
            </div>
            { kind_and_tier(j, own.tier, lang, t) }
            if let Some(onclick) = zoom {
                <button type="button" class="se-detail__zoom" {onclick}>{ t.show_counties }</button>
            }
            if let Some(panels) = &props.panels {
                { for layers.iter().enumerate().map(|(i, l)| layer_section(panels, l, i == 0, lang, t)) }
                { written(panels.extra_of(&j.id).to_owned()) }
            } else {
                { pending(lang, props.on_retry.as_ref()) }
            }
            if !props.questions.is_empty() {
                <section class="se-detail__extra" aria-labelledby="se-detail-questions">
                    <h4 class="se-layer__title" id="se-detail-questions">{ t.mentioned_in }</h4>
                    <ul class="se-detail__questions">
                        { for props.questions.iter().map(|(id, text)| {
                            let onclick = {
                                let id = id.clone();
                                props.on_question.reform(move |_: MouseEvent| id.clone())
                            };
                            html! {
                                <li key={id.to_string()}>
                                    <button type="button" class="se-detail__question" data-question={id.clone()} {onclick}>
                                        { text }<span class="se-detail__arrow" aria-hidden="true">{ " →" }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            { as_of(data, lang, t) }
        </section>
    }
}
