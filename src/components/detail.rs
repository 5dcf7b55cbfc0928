use std::rc::Rc;

use sanctuary_core::content::Source;
use sanctuary_core::i18n::{ui, Lang, Ui};
use sanctuary_core::policy::{
    Confidence, Dataset, Designation, Jurisdiction, Kind, Layer, Note, Policy, Status, Tier,
};
use sanctuary_core::table::kind_label;
use yew::prelude::*;

use super::SourceList;

/// The id of the panel's heading, for the lead's `aria-labelledby` and focus.
pub const DETAIL_TITLE_ID: &str = "se-detail-title";

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub data: Rc<Dataset>,
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
}

/// The sources with these ids, once each, in order; unknown ids (refused by validation) are
/// skipped.
fn sources<'a>(data: &Dataset, ids: impl IntoIterator<Item = &'a String>) -> Vec<Source> {
    let mut seen: Vec<&str> = Vec::new();
    ids.into_iter()
        .filter(|id| {
            let new = !seen.contains(&id.as_str());
            if new {
                seen.push(id);
            }
            new
        })
        .filter_map(|id| data.source(id).cloned())
        .collect()
}

/// The swatch and label of a tier.
pub(super) fn tier_badge(tier: Tier, lang: Lang) -> Html {
    html! {
        <>
            <span class={format!("se-swatch se-swatch--{}", tier.key())} aria-hidden="true"></span>
            <span class="se-tier__label">{ tier.label(lang) }</span>
        </>
    }
}

/// Content from the data set is written in English: mark it so when the interface is not.
fn data_lang(lang: Lang) -> Option<AttrValue> {
    (lang != Lang::En).then_some(AttrValue::Static("en"))
}

fn secondary_flag(t: &Ui) -> Html {
    html! { <span class="se-flag">{ t.secondary }</span> }
}

fn policy_item(data: &Dataset, p: &Policy, lang: Lang, t: &Ui) -> Html {
    let dl = data_lang(lang);
    let cited = sources(
        data,
        p.sources
            .iter()
            .chain(p.events.iter().flat_map(|e| &e.sources)),
    );
    html! {
        <li class="se-policy">
            <h5 class="se-policy__law" lang={dl.clone()}>
                <span class="se-policy__name">{ &p.law }</span>
                if let Some(number) = &p.number {
                    { " " }<span class="se-policy__num">{ number }</span>
                }
            </h5>
            <p class="se-policy__meta">
                <span class="se-policy__dim">{ p.dimension.label(lang) }</span>
                <span class="se-policy__date">
                    { p.date_is.label(lang) }{ " " }
                    <time datetime={p.date.to_string()}>{ p.date.display(lang) }</time>
                </span>
            </p>
            <p class="se-policy__summary">{ p.summary_in(lang) }</p>
            if p.confidence == Confidence::Secondary {
                <p class="se-policy__flag">{ secondary_flag(t) }</p>
            }
            if !p.events.is_empty() {
                <p class="se-policy__tl">{ t.timeline }</p>
                <ol class="se-events">
                    { for p.events.iter().map(|e| html! {
                        <li class="se-events__item">
                            <time class="se-events__date" datetime={e.date.to_string()}>{ e.date.display(lang) }</time>
                            { " " }
                            <span class="se-events__what">{ e.what_in(lang) }</span>
                            if e.confidence == Confidence::Secondary {
                                { " " }{ secondary_flag(t) }
                            }
                        </li>
                    }) }
                </ol>
            }
            <SourceList sources={cited} {lang} label={t.sources} />
        </li>
    }
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
                <SourceList sources={sources(data, &j.status_sources)} {lang} label={t.sources} />
            </>
        },
        Status::Reviewed if j.policies.is_empty() => {
            html! { <p class="se-layer__none">{ t.no_policies_recorded }</p> }
        }
        Status::Reviewed => html! {
            <ul class="se-layer__policies">
                { for j.policies.iter().map(|p| policy_item(data, p, lang, t)) }
            </ul>
        },
    };
    html! {
        <section
            class={classes!("se-layer", if own { "se-layer--own" } else { "se-layer--state" })}
            aria-labelledby={heading_id.clone()}
        >
            <h4 class="se-layer__title" id={heading_id}>{ heading }</h4>
            if !own {
                <p class="se-tier">{ tier_badge(layer.tier, lang) }</p>
            }
            { body }
        </section>
    }
}

fn designations_section(data: &Dataset, list: &[Designation], lang: Lang, t: &Ui) -> Html {
    let dl = data_lang(lang);
    html! {
        <section class="se-detail__extra" aria-labelledby="se-detail-designations">
            <h4 class="se-layer__title" id="se-detail-designations">{ t.designations }</h4>
            <ul class="se-detail__facts">
                { for list.iter().map(|d| html! {
                    <li class="se-fact">
                        <p class="se-fact__text">
                            <span><span lang={dl.clone()}>{ &d.by }</span>{ ": " }{ d.what_in(lang) }</span>
                            { ", " }
                            <time datetime={d.date.to_string()}>{ d.date.display(lang) }</time>
                        </p>
                        <SourceList sources={sources(data, &d.sources)} {lang} label={t.sources} />
                    </li>
                }) }
            </ul>
            <p class="se-detail__aside">{ t.designations_note }</p>
        </section>
    }
}

fn notes_section(data: &Dataset, list: &[Note], lang: Lang, t: &Ui) -> Html {
    html! {
        <section class="se-detail__extra" aria-labelledby="se-detail-notes">
            <h4 class="se-layer__title" id="se-detail-notes">{ t.notes }</h4>
            <ul class="se-detail__facts">
                { for list.iter().map(|n| html! {
                    <li class="se-fact">
                        <p class="se-fact__text">{ n.text_in(lang) }</p>
                        <SourceList sources={sources(data, &n.sources)} {lang} label={t.sources} />
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// "County · California" for a county or city; "State" for a state.
fn kind_line(j: &Jurisdiction, lang: Lang, t: &Ui) -> String {
    let kind = kind_label(j.kind, t);
    match (j.kind, j.state_info()) {
        (Kind::State, _) | (_, None) => kind.to_string(),
        (_, Some(state)) => format!("{kind} · {}", state.name_in(lang)),
    }
}

/// The detail panel for one jurisdiction: its category, every layer of law that applies (its
/// own, then its state's), lists that name it, other facts, and the questions that mention it.
/// Renders nothing for an id not in the data.
#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
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
            <p class="se-detail__kind">{ kind_line(j, lang, t) }</p>
            <div class="se-detail__tier">
                <span class="se-detail__tier-name">{ t.tier }<span class="se-vh">{ ": " }</span></span>
                <p class="se-tier">{ tier_badge(own.tier, lang) }</p>
            </div>
            if let Some(onclick) = zoom {
                <button type="button" class="se-detail__zoom" {onclick}>{ t.show_counties }</button>
            }
            { for layers.iter().enumerate().map(|(i, l)| layer_section(data, l, i == 0, lang, t)) }
            if !j.designations.is_empty() {
                { designations_section(data, &j.designations, lang, t) }
            }
            if !j.notes.is_empty() {
                { notes_section(data, &j.notes, lang, t) }
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
            <p class="se-detail__asof">
                { t.as_of }{ " " }
                <time datetime={data.as_of.to_string()}>{ data.as_of.display(lang) }</time>
            </p>
        </section>
    }
}
