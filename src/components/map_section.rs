//! The map section: the map or the table, the legend, the credit, the live region and the
//! detail panel. Loads the geometry it needs (states; a state's counties when zoomed in).

use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::deeplink::Target;
use sanctuary_core::i18n::{ui, Lang};
use sanctuary_core::mapnav::View;
use sanctuary_core::markup::Markup;
use sanctuary_core::policy::{Dataset, Jurisdiction, Kind};
use yew::prelude::*;

use super::detail::{detail_view, pending};
use super::map::{legend, UsMap};
use super::sources::raw;
use super::table::{table_view, use_table};
use super::Shared;
use super::{DetailProps, TableProps};
use crate::assets;
use crate::hooks::{
    panels_from, use_file, use_flag, use_focus_after, use_geometry, use_id, use_idle, use_node_ref,
};
use sanctuary_core::parts::write_time;

#[derive(Properties, PartialEq)]
pub struct MapSectionProps {
    pub data: Shared<Dataset>,
    pub story: Shared<Story>,
    pub lang: Lang,
    pub view: View,
    pub on_view: Callback<View>,
    /// The geometry directory's URL, ending in `/` (where `states.bin` is).
    pub geo: AttrValue,
    /// The directory of the map's panels (the laws, facts and table as markup:
    /// `<details>panels.<lang>.bin`): fetched once the browser is idle after the first render,
    /// or at once when a place or the table is shown before that. `None`: the panel and the
    /// table say the laws are loading.
    #[prop_or_default]
    pub details: Option<AttrValue>,
    /// A question chosen in the detail panel: the caller opens it in the Q&A.
    #[prop_or_default]
    pub on_question: Callback<AttrValue>,
    /// Copies a link to the selected place; `None`: no copy control.
    #[prop_or_default]
    pub on_copy: Option<Callback<Target, bool>>,
}

/// Where the map comes from and the date of the data: only text, so markup.
fn credit(data: &Dataset, lang: Lang) -> Html {
    let t = ui(lang);
    let mut m = Markup::new();
    m.open("p", &[("class", "se-credit")])
        .text(t.credit)
        .text(" · ")
        .text(t.as_of)
        .text(" ");
    write_time(&mut m, None, &data.as_of, lang);
    m.close("p");
    raw(m)
}

#[function_component]
pub fn MapSection(props: &MapSectionProps) -> Html {
    let t = ui(props.lang);
    let view = &props.view;
    let as_table = use_flag();
    let idle = use_idle();
    let panels_url =
        (props.details.as_ref()).map(|dir| AttrValue::from(assets::panels_url(dir, props.lang)));
    let panels = use_file(
        panels_url.clone(),
        assets::decode_panels,
        idle || view.selected.is_some() || *as_table,
    );
    let (panels, details_retry) = panels_from(panels_url, props.lang, panels);
    let data = &props.data;
    let table = use_table();
    // The place whose link was just copied (one state type with the map's `Option<AttrValue>`s).
    let copied = use_id();
    let section = use_node_ref();
    // Where focus goes after the next render (the map after zooming, so it is not lost).
    let focus_after = use_focus_after(&section);

    let (states, retry_states) = use_geometry(Some(assets::states_url(&props.geo).into()));
    let counties_url = view
        .zoom
        .as_ref()
        .map(|z| AttrValue::from(format!("{}counties/{z}.bin", props.geo)));
    let (counties, retry_counties) = use_geometry(counties_url);

    let set_view = |f: Rc<dyn Fn(&mut View)>| {
        let on_view = props.on_view.clone();
        let view = view.clone();
        move || {
            let mut v = view.clone();
            f(&mut v);
            on_view.emit(v);
        }
    };
    let on_select = {
        let on_view = props.on_view.clone();
        let view = view.clone();
        Callback::from(move |id: AttrValue| {
            let mut v = view.clone();
            v.select(&id);
            on_view.emit(v);
        })
    };
    let on_back = {
        let back = set_view(Rc::new(|v: &mut View| {
            v.back();
        }));
        Callback::from(move |()| back())
    };
    let on_zoom_out = {
        let out = set_view(Rc::new(View::zoom_out));
        let focus_after = focus_after.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_after.borrow_mut() = Some(".se-map__svg".into());
            out();
        })
    };
    let on_table_select = {
        let on_view = props.on_view.clone();
        let view = view.clone();
        let data = data.clone();
        let focus_after = focus_after.clone();
        Callback::from(move |id: AttrValue| {
            let mut v = view.clone();
            v.show(&data, &id);
            *focus_after.borrow_mut() = Some("#se-detail-title".into());
            on_view.emit(v);
        })
    };
    let on_retry = {
        let zoomed = view.zoom.is_some();
        Callback::from(move |()| {
            if zoomed {
                retry_counties.emit(());
            } else {
                retry_states.emit(());
            }
        })
    };
    let switch = |table: bool| {
        let as_table = as_table.clone();
        Callback::from(move |_: MouseEvent| as_table.set(table))
    };

    // The selected place, also a county that is on the map but not in the data (not reviewed).
    let selected = view.selected.clone();
    let unlisted: Option<Rc<Jurisdiction>> = selected
        .as_deref()
        .filter(|id| data.jurisdiction(id).is_none())
        .and_then(|id| match &counties {
            Some(Ok(c)) => c.get(id),
            _ => None,
        })
        .map(|f| Rc::new(Jurisdiction::unreviewed(&f.id, Kind::County, &f.name)));
    let shown = selected
        .as_deref()
        .and_then(|id| data.jurisdiction(id).or(unlisted.as_deref()));
    let detail = match (&selected, shown) {
        (Some(id), Some(j)) => {
            let questions: Vec<(AttrValue, AttrValue)> = props
                .story
                .questions
                .iter()
                .filter(|q| q.jurisdictions.iter().any(|x| x == id))
                .map(|q| (q.id.clone().into(), q.question.clone().into()))
                .collect();
            let on_zoom = (j.kind == Kind::State && view.zoom.as_deref() != Some(id.as_str()))
                .then(|| {
                    let on_view = props.on_view.clone();
                    let view = view.clone();
                    let focus_after = focus_after.clone();
                    let as_table = as_table.clone();
                    Callback::from(move |state: AttrValue| {
                        let mut v = view.clone();
                        v.zoom_into(&state);
                        as_table.set(false);
                        *focus_after.borrow_mut() = Some(".se-map__svg".into());
                        on_view.emit(v);
                    })
                });
            let on_close = {
                let on_view = props.on_view.clone();
                let view = view.clone();
                let focus_after = focus_after.clone();
                Callback::from(move |()| {
                    let mut v = view.clone();
                    v.selected = None;
                    *focus_after.borrow_mut() = Some(".se-map__svg".into());
                    on_view.emit(v);
                })
            };
            let live = Some(format!(
                "{}: {}, {}",
                t.selected,
                j.name_in(props.lang),
                j.tier().label(props.lang)
            ));
            (
                detail_view(&DetailProps {
                    data: data.clone(),
                    unlisted: unlisted.clone(),
                    panels: panels.clone(),
                    id: AttrValue::from(id.clone()),
                    lang: props.lang,
                    questions: Rc::new(questions),
                    on_question: props.on_question.clone(),
                    on_close,
                    on_zoom,
                    on_retry: details_retry.clone(),
                }),
                live,
            )
        }
        _ => (Html::default(), None),
    };
    let zoom_name = view
        .zoom
        .as_deref()
        .and_then(|z| data.jurisdiction(z))
        .map(|j| j.name_in(props.lang).to_owned());

    html! {
        <section class="se-map" aria-labelledby="se-map-title" ref={section}>
            <div class="se-map__head">
                <h3 class="se-map__title" id="se-map-title">{ t.map_label }</h3>
                <div class="se-switch" role="group" aria-label={t.view_as}>
                    <button type="button" class="se-switch__btn" aria-pressed={(!*as_table).to_string()} onclick={switch(false)}>{ t.view_map }</button>
                    <button type="button" class="se-switch__btn" aria-pressed={as_table.to_string()} onclick={switch(true)}>{ t.view_table }</button>
                </div>
            </div>
            if let (true, Some(panels)) = (*as_table, &panels) {
                { table_view(&TableProps {
                    panels: panels.clone(),
                    lang: props.lang,
                    selected: selected.clone().map(AttrValue::from),
                    on_select: on_table_select,
                }, &table) }
            } else if *as_table {
                { pending(props.lang, false, details_retry.as_ref()) }
            } else {
                <p class="se-map__help" id="se-map-help">{ t.map_help }</p>
                if let Some(name) = zoom_name {
                    <div class="se-map__zoombar">
                        <button type="button" class="se-button se-button--back" onclick={on_zoom_out}>
                            <span aria-hidden="true">{ "← " }</span>{ t.back_to_us }
                        </button>
                        <span class="se-map__zoomname">{ name }</span>
                    </div>
                }
                <UsMap data={props.data.clone()} lang={props.lang} view={view.clone()} states={states}
                    counties={counties} {on_select} {on_back} {on_retry} />
                { legend(data, props.lang) }
            }
            { credit(data, props.lang) }
            <div class="se-live" aria-live="polite" aria-atomic="true">{ detail.1.unwrap_or_default() }</div>
            if let (Some(on_copy), Some(id)) = (&props.on_copy, selected.clone().filter(|_| shown.is_some())) {
                <div class="se-map__linkbar">
                    <button type="button" class="se-copy" onclick={{
                        let (on_copy, copied, id) = (on_copy.clone(), copied.clone(), id.clone());
                        Callback::from(move |_| {
                            if on_copy.emit(Target::Place(id.clone())) {
                                copied.set(Some(id.clone().into()));
                            }
                        })
                    }}>{ t.copy_link }</button>
                    <span class="se-copy__done" role="status">
                        { if copied.as_deref() == Some(id.as_str()) { t.link_copied } else { "" } }
                    </span>
                </div>
            }
            { detail.0 }
        </section>
    }
}
