use std::rc::Rc;

use sanctuary_core::i18n::{ui, Lang, Ui};
use sanctuary_core::markup::Markup;
use sanctuary_core::panels::{write_unlisted_layer, Panels};
use sanctuary_core::parts::{write_tier_badge, write_time};
use sanctuary_core::policy::{Dataset, Jurisdiction, Kind, Tier};
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
    /// The jurisdiction when `id` is not in `data`: a county on the map but not in the data
    /// ([`Jurisdiction::unreviewed`]), shown as not reviewed, under its state's law.
    #[prop_or_default]
    pub unlisted: Option<Rc<Jurisdiction>>,
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

/// The button a click landed on, if any: the widget's written parts answer their buttons with
/// one listener each.
pub(super) fn on_button(e: &MouseEvent) -> Option<web_sys::Element> {
    e.target_dyn_into::<web_sys::Element>()?
        .closest("button")
        .ok()
        .flatten()
}

/// In place of the laws and sources before their panels are there (the panel's and the
/// table's), or of an answer before the whole story is (`answer`): that they are on their way,
/// or that they could not be had, with a way to try again.
pub(super) fn pending(lang: Lang, answer: bool, retry: Option<&Callback<()>>) -> Html {
    let t = ui(lang);
    let (loading, failed) = match answer {
        true => (t.loading_answer, t.answer_failed),
        false => (t.loading_details, t.details_failed),
    };
    let mut m = Markup::new();
    match retry {
        None => {
            m.element(
                "p",
                &[
                    ("class", "se-pending"),
                    ("role", "status"),
                    ("aria-busy", "true"),
                ],
                loading,
            );
            raw(m)
        }
        Some(retry) => {
            m.element("p", &[], failed).element(
                "button",
                &[("type", "button"), ("class", "se-button")],
                t.retry,
            );
            // The box's one button: a click on the message itself does nothing.
            let retry = retry.clone();
            let onclick = Callback::from(move |e: MouseEvent| {
                if on_button(&e).is_some() {
                    retry.emit(());
                }
            });
            html! {
                <div class="se-pending" role="status" {onclick}>{ raw(m) }</div>
            }
        }
    }
}

/// "County · California" for a county or city, "State" for a state; then its category.
fn write_kind_and_tier(m: &mut Markup, j: &Jurisdiction, tier: Tier, lang: Lang, t: &Ui) {
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
    write_tier_badge(m, tier, lang, "p");
    m.close("div");
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
    let Some(own) = data
        .jurisdiction(&props.id)
        .or(props.unlisted.as_deref().filter(|j| j.id == props.id))
    else {
        return Html::default();
    };
    let layers = data.layers_of(own);
    let own = layers[0];
    let j = own.jurisdiction;

    // Text and buttons, written as markup; one listener answers the buttons by their data-*.
    let mut head = Markup::new();
    head.open("div", &[("class", "se-detail__head")])
        .element(
            "h3",
            &[
                ("class", "se-detail__title"),
                ("id", DETAIL_TITLE_ID),
                ("tabindex", "-1"),
            ],
            j.name_in(lang),
        )
        .open(
            "button",
            &[
                ("type", "button"),
                ("class", "se-detail__close"),
                ("data-close", ""),
            ],
        )
        .element(
            "span",
            &[("class", "se-detail__x"), ("aria-hidden", "true")],
            "",
        )
        .element("span", &[("class", "se-detail__close-text")], t.close)
        .close("button")
        .close("div");
    write_kind_and_tier(&mut head, j, own.tier, lang, t);
    if props.on_zoom.is_some() {
        head.element(
            "button",
            &[
                ("type", "button"),
                ("class", "se-detail__zoom"),
                ("data-zoom", ""),
            ],
            t.show_counties,
        );
    }

    // The laws and facts, as the build (or the validator) wrote them.
    let laws = props.panels.as_ref().map(|panels| {
        let mut written_layers = String::new();
        for (i, layer) in layers.iter().enumerate() {
            let id = &layer.jurisdiction.id;
            let section = match i {
                0 => panels.laws_of(id),
                _ => panels.state_layer_of(id),
            };
            match section {
                Some(section) => written_layers.push_str(section),
                // A county on the map but not in the data: not reviewed.
                None if i == 0 => {
                    let mut m = Markup::new();
                    write_unlisted_layer(&mut m, lang, t);
                    written_layers.push_str(&m.into_string());
                }
                None => {}
            }
        }
        written_layers.push_str(panels.extra_of(&j.id));
        written(written_layers)
    });

    let mut tail = Markup::new();
    if !props.questions.is_empty() {
        tail.open(
            "section",
            &[
                ("class", "se-detail__extra"),
                ("aria-labelledby", "se-detail-questions"),
            ],
        )
        .element(
            "h4",
            &[("class", "se-layer__title"), ("id", "se-detail-questions")],
            t.mentioned_in,
        )
        .open("ul", &[("class", "se-detail__questions")]);
        for (id, text) in props.questions.iter() {
            tail.open("li", &[])
                .open(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "se-detail__question"),
                        ("data-question", id),
                    ],
                )
                .text(text)
                .element(
                    "span",
                    &[("class", "se-detail__arrow"), ("aria-hidden", "true")],
                    " →",
                )
                .close("button")
                .close("li");
        }
        tail.close("ul").close("section");
    }
    tail.open("p", &[("class", "se-detail__asof")])
        .text(t.as_of)
        .text(" ");
    write_time(&mut tail, None, &data.as_of, lang);
    tail.close("p");

    let onclick = {
        let (id, close, zoom, question) = (
            props.id.clone(),
            props.on_close.clone(),
            props.on_zoom.clone(),
            props.on_question.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            let Some(button) = on_button(&e) else {
                return;
            };
            if button.has_attribute("data-close") {
                close.emit(());
            } else if let (true, Some(zoom)) = (button.has_attribute("data-zoom"), &zoom) {
                zoom.emit(id.clone());
            } else if let Some(q) = button.get_attribute("data-question") {
                question.emit(q.into());
            }
        })
    };

    html! {
        <section class="se-detail" aria-labelledby={DETAIL_TITLE_ID} {onclick}>
            { raw(head) }
            if let Some(laws) = laws {
                { laws }
            } else {
                { pending(lang, false, props.on_retry.as_ref()) }
            }
            { raw(tail) }
        </section>
    }
}
