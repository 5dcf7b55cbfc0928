//! The map of jurisdictional protections: states on the national map, a state's counties and
//! cities when zoomed in, shaded by tier with a pattern as a second cue. One tab stop: the SVG
//! is a listbox whose options are the places; arrow keys move to the nearest place that way,
//! Enter or Space selects, Escape backs out (closes the selection, then leaves the state).

use std::rc::Rc;

use sanctuary_core::geometry::Layer;
use sanctuary_core::i18n::{ui, Lang};
use sanctuary_core::mapnav::{fit, fixed2, nearest, Direction, View};
use sanctuary_core::markup::Markup;
use sanctuary_core::policy::{state_by_fips, Dataset, Kind, Tier};
use sanctuary_core::projection::{US_ATLAS_HEIGHT, US_ATLAS_WIDTH};
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::sources::raw;
use super::Shared;
use crate::assets::GeoResult;
use crate::hooks::{use_after_render, use_flag, use_id, use_node_ref};
use sanctuary_core::parts::write_swatch;

/// One place on the map: a shape (state, county) or a point (city).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: AttrValue,
    pub name: AttrValue,
    /// SVG path for a shape; `None` for a city point.
    pub path: Option<AttrValue>,
    /// Label point (shapes) or projected position (cities), in the 975×610 view.
    pub at: [f32; 2],
    pub tier: Tier,
}

/// The places shown for a view: the states and cities (national), or one state's counties and
/// cities. Cities without coordinates that project are left off the map (they stay in the table).
pub fn places(
    data: &Dataset,
    lang: Lang,
    view: &View,
    states: &Layer,
    counties: Option<&Layer>,
) -> Vec<Place> {
    let tier = |id: &str| data.tier(id).unwrap_or(Tier::Unknown);
    // A place's name: the data's; else, for a state (`states.bin` carries no names), the
    // core's table; else the geometry's (a county not in the data).
    let name = |f: &sanctuary_core::geometry::Feature| -> String {
        match (data.jurisdiction(&f.id), state_by_fips(&f.id)) {
            (Some(j), _) => j.name_in(lang).to_owned(),
            (None, Some(s)) if f.name.is_empty() => s.name_in(lang).to_owned(),
            _ => f.name.clone(),
        }
    };
    let shape = |f: &sanctuary_core::geometry::Feature| Place {
        id: f.id.clone().into(),
        name: name(f).into(),
        path: Some(f.path.clone().into()),
        at: f.label,
        tier: tier(&f.id),
    };
    // The national map shows the states; a zoomed map its state's counties (once loaded).
    let layer = match (&view.zoom, counties) {
        (Some(_), Some(counties)) => &counties.features[..],
        (Some(_), None) => &[],
        (None, _) => &states.features[..],
    };
    let mut out = Vec::with_capacity(layer.len());
    for f in layer {
        out.push(shape(f));
    }
    for city in data.jurisdictions.iter().filter(|j| j.kind == Kind::City) {
        if view
            .zoom
            .as_deref()
            .is_some_and(|z| city.state_fips() != Some(z))
        {
            continue;
        }
        // Projected when the data was packed (`Dataset::with_points`).
        let Some(at) = city.at else {
            continue;
        };
        out.push(Place {
            id: city.id.clone().into(),
            name: city.name_in(lang).to_owned().into(),
            path: None,
            at,
            tier: city.tier(),
        });
    }
    out
}

/// The viewBox for a view: the nation, or the zoomed state's box with a margin.
pub fn view_box(view: &View, states: &Layer) -> [f32; 4] {
    let aspect = (US_ATLAS_WIDTH / US_ATLAS_HEIGHT) as f32;
    match view.zoom.as_deref().and_then(|z| states.get(z)) {
        Some(state) => fit(state.bbox, 0.04, aspect),
        None => [0.0, 0.0, US_ATLAS_WIDTH as f32, US_ATLAS_HEIGHT as f32],
    }
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub data: Shared<Dataset>,
    pub lang: Lang,
    pub view: View,
    /// The states layer: `None` while loading.
    pub states: Option<GeoResult>,
    /// The zoomed state's counties: `None` while loading or when not zoomed.
    #[prop_or_default]
    pub counties: Option<GeoResult>,
    pub on_select: Callback<AttrValue>,
    pub on_back: Callback<()>,
    #[prop_or_default]
    pub on_retry: Callback<()>,
}

/// The place a pointer event is on: its target's `data-jurisdiction` (a shape or a city's point;
/// `None` on the map's background or an outline, which takes no pointer events anyway).
fn place_at(e: &MouseEvent) -> Option<AttrValue> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    target
        .get_attribute("data-jurisdiction")
        .map(AttrValue::from)
}

fn option_id(id: &str) -> String {
    format!("se-j-{id}")
}

/// The map itself. Keeps only the keyboard cursor (the active place); the view is the caller's.
#[function_component]
pub fn UsMap(props: &MapProps) -> Html {
    let t = ui(props.lang);
    let active = use_id();
    let hover = use_id();
    let focused = use_flag();
    let frame = use_node_ref();
    // Labels are positioned by CSSOM writes (allowed by a strict CSP; style attributes are not).
    {
        let frame = frame.clone();
        use_after_render(Box::new(move || place_labels(&frame)));
    }

    // The places depend on the data, the language, the zoom and the loaded layers only, not on
    // hover or the keyboard cursor: computed once per change of those (pointer identity for the
    // shared layers), not on every render.
    let loaded = |g: &Option<GeoResult>| match g {
        Some(Ok(layer)) => Some(layer.clone()),
        _ => None,
    };
    let (states_now, counties_now) = (loaded(&props.states), loaded(&props.counties));
    let key = (
        props.lang,
        props.view.zoom.clone(),
        props.data.as_ptr() as usize,
        states_now.as_ref().map(|l| Rc::as_ptr(l) as usize),
        counties_now.as_ref().map(|l| Rc::as_ptr(l) as usize),
    );
    let memo_places = {
        let (data, lang, view) = (props.data.clone(), props.lang, props.view.clone());
        use_memo(key, move |_| match &states_now {
            Some(states) => places(&data, lang, &view, states, counties_now.as_deref()),
            None => Vec::new(),
        })
    };
    let states = match &props.states {
        Some(Ok(states)) => states.clone(),
        Some(Err(_)) => {
            let retry = props.on_retry.reform(|_| ());
            return html! {
                <div class="se-map__frame se-map__frame--message" role="status">
                    <p>{ t.map_failed }</p>
                    <button type="button" class="se-button" onclick={retry}>{ t.retry }</button>
                </div>
            };
        }
        None => {
            return html! { <div class="se-map__frame se-map__frame--loading" aria-busy="true"></div> }
        }
    };
    let zoom_failed = props.view.zoom.is_some() && matches!(props.counties, Some(Err(_)));
    let zoom_loading = props.view.zoom.is_some() && props.counties.is_none();
    let places = memo_places;
    let vb = view_box(&props.view, &states);
    let scale = vb[2] / US_ATLAS_WIDTH as f32;

    // The active place must be on this map; otherwise start from the selection.
    let active_id: Option<AttrValue> = (*active)
        .clone()
        .filter(|a| places.iter().any(|p| &p.id == a))
        .or_else(|| {
            props
                .view
                .selected
                .clone()
                .map(AttrValue::from)
                .filter(|s| places.iter().any(|p| &p.id == s))
        });

    let onkeydown = {
        let places = places.clone();
        let active = active.clone();
        let active_id = active_id.clone();
        let on_select = props.on_select.clone();
        let on_back = props.on_back.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let current = active_id
                .as_ref()
                .and_then(|a| places.iter().position(|p| &p.id == a));
            if let Some(dir) = Direction::from_key(&key) {
                e.prevent_default();
                let next = match current {
                    Some(i) => {
                        let points: Vec<[f32; 2]> = places.iter().map(|p| p.at).collect();
                        nearest(&points, i, dir).or(Some(i))
                    }
                    None => first_place(&places),
                };
                if let Some(n) = next {
                    active.set(Some(places[n].id.clone()));
                }
            } else if key == "Enter" || key == " " {
                e.prevent_default();
                if let Some(i) = current {
                    on_select.emit(places[i].id.clone());
                }
            } else if key == "Escape" {
                e.prevent_default();
                on_back.emit(());
            } else if key == "Home" || key == "End" {
                e.prevent_default();
                let pick = if key == "Home" {
                    first_place(&places)
                } else {
                    (0..places.len()).max_by(|&a, &b| places[a].name.cmp(&places[b].name))
                };
                if let Some(n) = pick {
                    active.set(Some(places[n].id.clone()));
                }
            }
        })
    };
    let onfocus = {
        let focused = focused.clone();
        let active = active.clone();
        let places = places.clone();
        let active_id = active_id.clone();
        Callback::from(move |_: FocusEvent| {
            focused.set(true);
            if active_id.is_none() {
                if let Some(i) = first_place(&places) {
                    active.set(Some(places[i].id.clone()));
                }
            }
        })
    };
    let onblur = {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(false))
    };

    let selected = props.view.selected.as_deref();
    let shape = |p: &Place| {
        let id = p.id.clone();
        let is_active = active_id.as_ref() == Some(&id) && *focused;
        let is_selected = selected == Some(id.as_str());
        // Literal classes; the tier and states are attributes (a computed `class` costs
        // yew's `Classes` set, per place and render).
        let tier = p.tier.key();
        let active = is_active.then_some("");
        let label = format!("{}: {}", p.name, p.tier.label(props.lang));
        match &p.path {
            Some(d) => html! {
                <path key={id.to_string()} id={option_id(&id)} role="option" aria-selected={is_selected.to_string()}
                    aria-label={label} data-jurisdiction={id.clone()} class="se-shape" data-tier={tier}
                    data-active={active} d={d.clone()} />
            },
            None => html! {
                <circle key={id.to_string()} id={option_id(&id)} role="option" aria-selected={is_selected.to_string()}
                    aria-label={label} data-jurisdiction={id.clone()} class="se-city" data-tier={tier}
                    data-active={active}
                    cx={fixed2(p.at[0])} cy={fixed2(p.at[1])} r={fixed2(6.0 * scale)}
                    stroke-width={fixed2(1.5 * scale)} />
            },
        }
    };
    // Plain loops, not iterator chains or `{ for … }` (see `qa_view`).
    let (mut shapes, mut cities) = (Vec::new(), Vec::new());
    for p in places.iter() {
        match p.path {
            Some(_) => shapes.push(shape(p)),
            None => cities.push(shape(p)),
        }
    }
    // The selected and active places are outlined again on top, so no neighbour covers the
    // outline: a line over a halo, visible on any fill. A city gets a ring around its point.
    let outline = |id: Option<&str>, kind: &'static str| {
        id.and_then(|id| places.iter().find(|p| p.id.as_str() == id))
            .map(|p| {
                let mark = |kind: &'static str| match &p.path {
                    Some(d) => html! { <path class="se-outline" data-outline={kind} d={d.clone()} /> },
                    None => html! {
                        <circle class="se-outline" data-outline={kind} cx={fixed2(p.at[0])} cy={fixed2(p.at[1])}
                            r={fixed2(10.0 * scale)} />
                    },
                };
                html! {
                    <g class="se-outlines" aria-hidden="true">
                        { mark("halo") }{ mark(kind) }
                    </g>
                }
            })
    };
    // One click and one hover listener for every place, on the SVG (events bubble from the
    // place's shape or point): no two closures per place on each render.
    let onclick = {
        let on_select = props.on_select.clone();
        let active = active.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = place_at(&e) {
                active.set(Some(id.clone()));
                on_select.emit(id);
            }
        })
    };
    let onmouseover = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| {
            let id = place_at(&e);
            if *hover != id {
                hover.set(id);
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };

    // A floating label (HTML, crisp at any zoom) for the hovered or keyboard-active place.
    let tip_id = (*hover)
        .clone()
        .or_else(|| if *focused { active_id.clone() } else { None });
    let tip = tip_id
        .and_then(|id| places.iter().find(|p| p.id == id))
        .map(|p| {
            let left = (p.at[0] - vb[0]) / vb[2] * 100.0;
            let top = (p.at[1] - vb[1]) / vb[3] * 100.0;
            html! {
                <div class="se-tip"
                    data-left={fixed2(left)} data-top={fixed2(top)} aria-hidden="true">
                    <span class="se-swatch" data-tier={p.tier.key()}></span>
                    <strong>{ &p.name }</strong>{ " · " }{ p.tier.label(props.lang) }
                </div>
            }
        });
    let mut city_labels = Vec::new();
    for p in places.iter().filter(|p| p.path.is_none()) {
        let left = (p.at[0] - vb[0]) / vb[2] * 100.0;
        let top = (p.at[1] - vb[1]) / vb[3] * 100.0;
        city_labels.push(html! {
            <span class="se-city-label" data-side={(left > 75.0).then_some("left")} data-left={fixed2(left)} data-top={fixed2(top)}
                aria-hidden="true">{ &p.name }</span>
        });
    }

    let view_box = format!(
        "{} {} {} {}",
        fixed2(vb[0]),
        fixed2(vb[1]),
        fixed2(vb[2]),
        fixed2(vb[3])
    );
    html! {
        <div class="se-map__frame" data-focused={(*focused).then_some("")} ref={frame.clone()}>
            <svg class="se-map__svg" viewBox={view_box} role="listbox" tabindex="0"
                aria-label={t.map_label} aria-describedby="se-map-help"
                aria-activedescendant={active_id.as_ref().map(|a| option_id(a))}
                preserveAspectRatio="xMidYMid meet"
                {onkeydown} {onfocus} {onblur} {onclick} {onmouseover} {onmouseleave}>
                { patterns(scale) }
                <g role="none" class="se-map__shapes">{ shapes }</g>
                <g role="none" class="se-map__cities">{ cities }</g>
                { outline(selected, "selected").unwrap_or_default() }
                if *focused {
                    { outline(active_id.as_deref(), "active").unwrap_or_default() }
                }
            </svg>
            // One element around the labels, whose number changes with the view: the frame's
            // children stay the same, so the focused SVG is kept (not replaced) on zoom.
            <div class="se-map__labels" aria-hidden="true">{ city_labels }</div>
            { tip.unwrap_or_default() }
            if zoom_loading {
                <p class="se-map__status" role="status">{ t.loading_counties }</p>
            }
            if zoom_failed {
                <div class="se-map__status" role="status">
                    { t.counties_failed }{ " " }
                    <button type="button" class="se-button" onclick={props.on_retry.reform(|_| ())}>{ t.retry }</button>
                </div>
            }
        </div>
    }
}

/// The fills of the "bans" and "unknown" tiers (stripes and dots, scaled with the zoom so they
/// keep their size on screen): only markup, so written as text ([`Markup`]; yew parses it in the
/// SVG's namespace).
fn patterns(scale: f32) -> Html {
    let scale = fixed2(scale);
    let mut m = Markup::new();
    m.open("defs", &[])
        .open(
            "pattern",
            &[
                ("id", "se-pat-bans"),
                ("patternUnits", "userSpaceOnUse"),
                ("width", "6"),
                ("height", "6"),
                ("patternTransform", &format!("rotate(45) scale({scale})")),
            ],
        )
        .element(
            "rect",
            &[("width", "6"), ("height", "6"), ("class", "se-pat-bans-bg")],
            "",
        )
        .element(
            "rect",
            &[
                ("width", "2.2"),
                ("height", "6"),
                ("class", "se-pat-bans-line"),
            ],
            "",
        )
        .close("pattern")
        .open(
            "pattern",
            &[
                ("id", "se-pat-unknown"),
                ("patternUnits", "userSpaceOnUse"),
                ("width", "5"),
                ("height", "5"),
                ("patternTransform", &format!("scale({scale})")),
            ],
        )
        .element(
            "rect",
            &[
                ("width", "5"),
                ("height", "5"),
                ("class", "se-pat-unknown-bg"),
            ],
            "",
        )
        .element(
            "circle",
            &[
                ("cx", "2.5"),
                ("cy", "2.5"),
                ("r", "0.8"),
                ("class", "se-pat-unknown-dot"),
            ],
            "",
        )
        .close("pattern")
        .close("defs");
    raw(m)
}

/// Moves every `[data-left][data-top]` element in the frame to its percentage position.
fn place_labels(frame: &NodeRef) {
    use wasm_bindgen::JsCast;
    let Some(frame) = frame.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(list) = frame.query_selector_all("[data-left]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let style = el.style();
        for (attr, prop) in [("data-left", "left"), ("data-top", "top")] {
            if let Some(v) = el.get_attribute(attr) {
                let _ = style.set_property(prop, &format!("{v}%"));
            }
        }
        // The tip slides along its point by the same fraction (map.css), so it stays inside
        // the frame at any width.
        if let Some(v) = el.get_attribute("data-left") {
            let _ = style.set_property("--se-x", &v);
        }
    }
}

/// Where the keyboard cursor starts: the first place by name.
fn first_place(places: &[Place]) -> Option<usize> {
    (0..places.len()).min_by(|&a, &b| places[a].name.cmp(&places[b].name))
}

/// The legend: every tier with its swatch (colour and pattern), its label and how many states.
/// Only text: written as markup ([`Markup`]), not as a component.
pub fn legend(data: &Dataset, lang: Lang) -> Html {
    let t = ui(lang);
    let mut m = Markup::new();
    m.open("div", &[("class", "se-legend")])
        .element("p", &[("class", "se-legend__title")], t.legend)
        .open("ul", &[("class", "se-legend__list")]);
    for tier in Tier::ALL {
        let count = data.states().filter(|j| j.tier() == tier).count();
        m.open("li", &[("class", "se-legend__item")]);
        write_swatch(&mut m, tier);
        m.text(tier.label(lang))
            .element(
                "span",
                &[("class", "se-legend__count")],
                &format!(" ({count})"),
            )
            .close("li");
    }
    m.close("ul").close("div");
    raw(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::default_dataset;
    use sanctuary_core::geometry::Feature;

    fn feature(id: &str, name: &str) -> Feature {
        Feature {
            id: id.into(),
            name: name.into(),
            path: "M0 0l1 0 0 1z".into(),
            bbox: [0.0, 0.0, 1.0, 1.0],
            label: [0.5, 0.5],
        }
    }

    /// `states.bin` has no names: a state is named from the data, else from the core's table,
    /// in the reader's language; a named feature the data lacks keeps its own name.
    #[test]
    fn a_nameless_state_is_named_in_the_readers_language() {
        let full = default_dataset();
        let mut data = (*full).clone();
        data.jurisdictions.retain(|j| j.id != "36");
        let states = Layer {
            features: vec![
                feature("36", ""),
                feature("06", ""),
                feature("98", "Elsewhere"),
            ],
        };
        let names = |lang| -> Vec<String> {
            places(&data, lang, &View::default(), &states, None)
                .into_iter()
                .filter(|p| p.path.is_some())
                .map(|p| p.name.to_string())
                .collect()
        };
        assert_eq!(names(Lang::En), ["New York", "California", "Elsewhere"]);
        assert_eq!(names(Lang::Es), ["Nueva York", "California", "Elsewhere"]);
    }
}
