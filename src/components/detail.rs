use std::rc::Rc;

use sanctuary_core::content::Source;
use sanctuary_core::i18n::{ui, Lang, Ui};
use sanctuary_core::markup::Markup;
use sanctuary_core::policy::{
    Confidence, Dataset, Designation, Jurisdiction, Kind, Layer, Note, Policy, Status, Tier,
};
use sanctuary_core::table::kind_label;
use yew::prelude::*;

use super::sources::{raw, source_list, write_sources, write_swatch, write_time};
use super::Shared;

/// The id of the panel's heading, for the lead's `aria-labelledby` and focus.
pub const DETAIL_TITLE_ID: &str = "se-detail-title";

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub data: Shared<Dataset>,
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
    /// While `data` is an outline ([`Dataset::outline`]): `None` as the full data loads, a
    /// callback that tries again once its download failed.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// In place of what an outline lacks (the laws and sources): that they are on their way, or
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

/// The sources with these ids, once each, in order; unknown ids (refused by validation) are
/// skipped.
fn sources<'a>(data: &'a Dataset, ids: impl IntoIterator<Item = &'a String>) -> Vec<&'a Source> {
    let mut seen: Vec<&str> = Vec::new();
    ids.into_iter()
        .filter(|id| {
            let new = !seen.contains(&id.as_str());
            if new {
                seen.push(id);
            }
            new
        })
        .filter_map(|id| data.source(id))
        .collect()
}

/// The swatch and label of a tier.
fn write_tier_badge(m: &mut Markup, tier: Tier, lang: Lang, tag: &'static str) {
    m.open(tag, &[("class", "se-tier")]);
    write_swatch(m, tier);
    m.element("span", &[("class", "se-tier__label")], tier.label(lang))
        .close(tag);
}

pub(super) fn tier_badge(tier: Tier, lang: Lang, tag: &'static str) -> Html {
    let mut m = Markup::new();
    write_tier_badge(&mut m, tier, lang, tag);
    raw(m)
}

/// Content from the data set is written in English: mark it so when the interface is not.
fn data_lang(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[],
        _ => &[("lang", "en")],
    }
}

fn write_flag(m: &mut Markup, t: &Ui) {
    m.element("span", &[("class", "se-flag")], t.secondary);
}

/// One law or policy: name and number, what it is about and when, a summary, its timeline and
/// its sources. Text only, so written as markup ([`Markup`]).
fn write_policy(m: &mut Markup, data: &Dataset, p: &Policy, lang: Lang, t: &Ui) {
    let law: &[_] = match data_lang(lang) {
        [] => &[("class", "se-policy__law")],
        _ => &[("class", "se-policy__law"), ("lang", "en")],
    };
    m.open("li", &[("class", "se-policy")])
        .open("h5", law)
        .element("span", &[("class", "se-policy__name")], &p.law);
    if let Some(number) = &p.number {
        m.text(" ")
            .element("span", &[("class", "se-policy__num")], number);
    }
    m.close("h5")
        .open("p", &[("class", "se-policy__meta")])
        .element(
            "span",
            &[("class", "se-policy__dim")],
            p.dimension.label(lang),
        )
        .open("span", &[("class", "se-policy__date")])
        .text(p.date_is.label(lang))
        .text(" ");
    write_time(m, None, &p.date, lang);
    m.close("span")
        .close("p")
        .element("p", &[("class", "se-policy__summary")], p.summary_in(lang));
    if p.confidence == Confidence::Secondary {
        m.open("p", &[("class", "se-policy__flag")]);
        write_flag(m, t);
        m.close("p");
    }
    if !p.events.is_empty() {
        m.element("p", &[("class", "se-policy__tl")], t.timeline)
            .open("ol", &[("class", "se-events")]);
        for e in &p.events {
            m.open("li", &[("class", "se-events__item")]);
            write_time(m, Some("se-events__date"), &e.date, lang);
            m.text(" ")
                .element("span", &[("class", "se-events__what")], e.what_in(lang));
            if e.confidence == Confidence::Secondary {
                m.text(" ");
                write_flag(m, t);
            }
            m.close("li");
        }
        m.close("ol");
    }
    let cited = sources(
        data,
        p.sources
            .iter()
            .chain(p.events.iter().flat_map(|e| &e.sources)),
    );
    write_sources(m, cited, lang, t.sources);
    m.close("li");
}

/// One layer of law: the jurisdiction's own (index 0) or its state's.
fn layer_section(data: &Dataset, layer: &Layer<'_>, own: bool, lang: Lang, t: &Ui) -> Html {
    let j = layer.jurisdiction;
    let heading_id = format!("se-detail-layer-{}", if own { "own" } else { "state" });
    let heading = if own {
        t.own_policies.to_string()
    } else {
        format!("{}: {}", t.state_layer, j.name_in(lang))
    };
    let body = match j.status {
        Status::Unknown => html! { <p class="se-layer__none">{ t.not_reviewed }</p> },
        Status::NoneFound => html! {
            <>
                <p class="se-layer__none">{ t.no_policies_recorded }</p>
                { source_list(sources(data, &j.status_sources), lang, t.sources) }
            </>
        },
        Status::Reviewed if j.policies.is_empty() => {
            html! { <p class="se-layer__none">{ t.no_policies_recorded }</p> }
        }
        Status::Reviewed => {
            let mut m = Markup::new();
            m.open("ul", &[("class", "se-layer__policies")]);
            for p in &j.policies {
                write_policy(&mut m, data, p, lang, t);
            }
            m.close("ul");
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

/// Opens a section of one-line facts ("Named on lists", "Other facts") and its list.
fn open_facts(m: &mut Markup, id: &'static str, title: &str) {
    m.open(
        "section",
        &[("class", "se-detail__extra"), ("aria-labelledby", id)],
    )
    .element("h4", &[("class", "se-layer__title"), ("id", id)], title)
    .open("ul", &[("class", "se-detail__facts")]);
}

fn designations_section(data: &Dataset, list: &[Designation], lang: Lang, t: &Ui) -> Html {
    let mut m = Markup::new();
    open_facts(&mut m, "se-detail-designations", t.designations);
    for d in list {
        m.open("li", &[("class", "se-fact")])
            .open("p", &[("class", "se-fact__text")])
            .open("span", &[])
            .element("span", data_lang(lang), &d.by)
            .text(": ")
            .text(d.what_in(lang))
            .close("span")
            .text(", ");
        write_time(&mut m, None, &d.date, lang);
        m.close("p");
        write_sources(&mut m, sources(data, &d.sources), lang, t.sources);
        m.close("li");
    }
    m.close("ul")
        .element("p", &[("class", "se-detail__aside")], t.designations_note)
        .close("section");
    raw(m)
}

fn notes_section(data: &Dataset, list: &[Note], lang: Lang, t: &Ui) -> Html {
    let mut m = Markup::new();
    open_facts(&mut m, "se-detail-notes", t.notes);
    for n in list {
        m.open("li", &[("class", "se-fact")]).element(
            "p",
            &[("class", "se-fact__text")],
            n.text_in(lang),
        );
        write_sources(&mut m, sources(data, &n.sources), lang, t.sources);
        m.close("li");
    }
    m.close("ul").close("section");
    raw(m)
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
/// Renders nothing for an id not in the data. With an outline of the data, the laws, lists and
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
            if data.outline {
                { pending(lang, props.on_retry.as_ref()) }
            } else {
                { for layers.iter().enumerate().map(|(i, l)| layer_section(data, l, i == 0, lang, t)) }
                if !j.designations.is_empty() {
                    { designations_section(data, &j.designations, lang, t) }
                }
                if !j.notes.is_empty() {
                    { notes_section(data, &j.notes, lang, t) }
                }
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
