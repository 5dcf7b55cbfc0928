//! Browser tests of the map: select by click and by keyboard, zoom in and out, the table view,
//! and the links between the Q&A and the map. Geometry is a small stand-in preloaded into the
//! page-wide cache (the real files are exercised end to end in e2e.rs).
#![cfg(target_arch = "wasm32")]

mod web;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web::{all, click, expanded, mouse, one, press, tick, until, widget};
use web_sys::{Element, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn place(root: &ShadowRoot, id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-jurisdiction=\"{id}\"]"))
        .unwrap()
}

fn detail_title(root: &ShadowRoot) -> Option<String> {
    one(root, "#se-detail-title").map(|h| h.text_content().unwrap())
}

fn has_class(el: &Element, class: &str) -> bool {
    el.get_attribute("class")
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == class)
}

fn svg(root: &ShadowRoot) -> Element {
    root.query_selector(".se-map__svg")
        .unwrap()
        .expect("the map's svg")
}

#[wasm_bindgen_test]
async fn draws_states_and_cities_by_tier() {
    let (_, root) = widget(&[("data-view", "map")]).await;
    until("the states", || place(&root, "06").is_some()).await;
    assert!(one(&root, ".se-qa").is_none(), "data-view=map shows no Q&A");
    let ca = place(&root, "06").unwrap();
    assert_eq!(ca.tag_name(), "path");
    let tier = |el: &Element| el.get_attribute("data-tier").unwrap_or_default();
    assert_eq!(tier(&ca), "broad", "California");
    assert!(has_class(&ca, "se-shape"));
    assert_eq!(tier(&place(&root, "48").unwrap()), "bans");
    assert_eq!(tier(&place(&root, "32").unwrap()), "unknown");
    assert_eq!(ca.get_attribute("role").as_deref(), Some("option"));
    assert!(ca
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("California: "));
    let la = place(&root, "los-angeles-ca").expect("Los Angeles is a point");
    assert_eq!(la.tag_name(), "circle");
    assert!(place(&root, "new-york-ny").is_some());
    assert!(
        place(&root, "06037").is_none(),
        "no counties on the national map"
    );
    assert_eq!(
        all(&root, ".se-legend__item").len(),
        5,
        "one legend entry per tier"
    );
    assert!(
        root.text_content().unwrap().contains("US Census Bureau")
            || root.text_content().unwrap().contains("U.S. Census Bureau")
    );
}

#[wasm_bindgen_test]
async fn click_selects_and_opens_the_detail() {
    let (_, root) = widget(&[("data-view", "map")]).await;
    until("the states", || place(&root, "06").is_some()).await;
    click(&place(&root, "06").unwrap());
    until("the detail panel", || detail_title(&root).is_some()).await;
    assert_eq!(detail_title(&root).as_deref(), Some("California"));
    assert_eq!(
        place(&root, "06")
            .unwrap()
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    let live = one(&root, ".se-live").unwrap().text_content().unwrap();
    assert!(
        live.contains("California"),
        "the live region announces it: {live:?}"
    );
    let detail = one(&root, ".se-detail")
        .expect("detail")
        .text_content()
        .unwrap();
    assert!(detail.contains("SB 54"), "California's law is listed");
}

#[wasm_bindgen_test]
async fn the_pointer_over_a_place_shows_its_name_and_category() {
    let (_, root) = widget(&[("data-view", "map")]).await;
    until("the states", || place(&root, "48").is_some()).await;
    let tip = || one(&root, ".se-tip").map(|t| t.text_content().unwrap());
    assert_eq!(tip(), None);
    mouse(&place(&root, "48").unwrap(), "mouseover", true);
    until("the label", || tip().is_some()).await;
    assert_eq!(tip().as_deref(), Some("Texas · Bans sanctuary policies"));
    mouse(&place(&root, "06").unwrap(), "mouseover", true);
    until("the next label", || {
        tip().is_some_and(|t| t.starts_with("California"))
    })
    .await;
    // Off the places (the map's background), then out of the map: no label.
    mouse(&svg(&root), "mouseover", true);
    until("no label on the background", || tip().is_none()).await;
    mouse(&place(&root, "06").unwrap(), "mouseover", true);
    until("the label again", || tip().is_some()).await;
    mouse(&svg(&root), "mouseleave", false);
    until("no label after leaving", || tip().is_none()).await;
    assert!(detail_title(&root).is_none(), "hovering selects nothing");
}

#[wasm_bindgen_test]
async fn keyboard_moves_selects_and_backs_out() {
    let (_, root) = widget(&[("data-view", "map")]).await;
    until("the states", || place(&root, "06").is_some()).await;
    let map = svg(&root);
    assert_eq!(
        map.get_attribute("tabindex").as_deref(),
        Some("0"),
        "the map is one tab stop"
    );
    assert_eq!(map.get_attribute("role").as_deref(), Some("listbox"));
    map.unchecked_ref::<web_sys::HtmlElement>().focus().ok();
    // SVG elements focus through the HTMLOrSVGElement mixin; dispatch focus for older engines.
    tick().await;
    let active = || svg(&root).get_attribute("aria-activedescendant");
    until("an active place", || active().is_some()).await;
    // Home goes to the first place by name: California (of California, Los Angeles, Nevada…).
    press(&svg(&root), "Home");
    tick().await;
    assert_eq!(active().as_deref(), Some("se-j-06"));
    press(&svg(&root), "ArrowRight");
    tick().await;
    assert_eq!(
        active().as_deref(),
        Some("se-j-32"),
        "Nevada is east of California"
    );
    press(&svg(&root), "ArrowLeft");
    tick().await;
    assert_eq!(active().as_deref(), Some("se-j-06"));
    press(&svg(&root), "Enter");
    until("the detail panel", || detail_title(&root).is_some()).await;
    assert_eq!(detail_title(&root).as_deref(), Some("California"));
    press(&svg(&root), "Escape");
    until("the selection to close", || detail_title(&root).is_none()).await;
}

#[wasm_bindgen_test]
async fn zooms_into_a_state_and_back_out() {
    let (_, root) = widget(&[("data-view", "map")]).await;
    until("the states", || place(&root, "06").is_some()).await;
    click(&place(&root, "06").unwrap());
    until("the detail panel", || detail_title(&root).is_some()).await;
    let zoom = all(&root, ".se-detail button")
        .into_iter()
        .find(|b| b.text_content().unwrap().contains("counties"))
        .expect("a zoom button for a state");
    zoom.click();
    until("the counties", || place(&root, "06037").is_some()).await;
    assert!(
        place(&root, "48").is_none(),
        "other states are not drawn in the state view"
    );
    assert!(
        place(&root, "los-angeles-ca").is_some(),
        "the state's cities are"
    );
    assert_ne!(
        svg(&root).get_attribute("viewBox").as_deref(),
        Some("0 0 975 610"),
        "the view is zoomed"
    );
    click(&place(&root, "06019").unwrap());
    until("Fresno's detail", || {
        detail_title(&root).as_deref() == Some("Fresno")
    })
    .await;
    let text = one(&root, ".se-detail").unwrap().text_content().unwrap();
    assert!(
        text.contains("SB 54"),
        "a county not in the data still shows its state's law"
    );
    let own = one(&root, ".se-layer[data-layer=own]").unwrap();
    assert!(
        own.text_content().unwrap().contains("Not reviewed"),
        "and its own layer as not reviewed"
    );
    assert_eq!(
        one(&root, ".se-detail__tier .se-tier__label")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Not reviewed")
    );
    // Escape: closes the county, then leaves the state.
    press(&svg(&root), "Escape");
    until("the county to close", || {
        detail_title(&root).as_deref() != Some("Fresno")
    })
    .await;
    press(&svg(&root), "Escape");
    until("the national map", || place(&root, "48").is_some()).await;
    assert_eq!(
        svg(&root).get_attribute("viewBox").as_deref(),
        Some("0 0 975 610")
    );
    assert_eq!(
        detail_title(&root).as_deref(),
        Some("California"),
        "backing out selects the state"
    );
}

#[wasm_bindgen_test]
async fn table_lists_every_jurisdiction_and_keeps_its_sort_and_filter() {
    let data = sanctuary_explainer::bundle::default_dataset();
    let (_, root) = widget(&[("data-view", "map")]).await;
    let table_button = all(&root, ".se-switch__btn").pop().unwrap();
    table_button.click();
    until("the table", || one(&root, "table").is_some()).await;
    assert_eq!(
        table_button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(all(&root, "tbody tr").len(), data.jurisdictions.len());
    assert!(
        one(&root, ".se-map__svg").is_none(),
        "the table replaces the map"
    );

    // Counties only, by category descending; then the map, then the table again: the same.
    let click_on = |root: &ShadowRoot, css: &str| {
        one(root, css)
            .unwrap_or_else(|| panic!("nothing matches {css}"))
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };
    click_on(&root, "input[type=radio][value=county]");
    click_on(&root, "button[data-sort=tier]");
    tick().await;
    click_on(&root, "button[data-sort=tier]");
    tick().await;
    let shown = |root: &ShadowRoot| -> Vec<String> {
        all(root, "tbody tr:not([hidden])")
            .iter()
            .map(|r| r.get_attribute("data-id").unwrap())
            .collect()
    };
    let counties = shown(&root);
    assert!(!counties.is_empty() && counties.iter().all(|id| id.len() == 5));
    let sorted = |root: &ShadowRoot| {
        one(root, "button[data-sort=tier]")
            .unwrap()
            .parent_element()
            .unwrap()
            .get_attribute("aria-sort")
    };
    assert_eq!(sorted(&root).as_deref(), Some("descending"));
    all(&root, ".se-switch__btn")[0].click();
    until("the map", || one(&root, ".se-map__svg").is_some()).await;
    all(&root, ".se-switch__btn").pop().unwrap().click();
    until("the table again", || one(&root, "table").is_some()).await;
    tick().await;
    assert_eq!(shown(&root), counties, "the filter and the order last");
    assert_eq!(sorted(&root).as_deref(), Some("descending"));
    let checked = js_sys::Reflect::get(
        &one(&root, "input[type=radio][value=county]").unwrap(),
        &"checked".into(),
    )
    .unwrap();
    assert_eq!(
        checked.as_bool(),
        Some(true),
        "and the filter's radio says so"
    );

    // A name opens its details; its row is marked.
    click_on(
        &root,
        &format!("tr[data-id='{}'] .se-table__name", counties[0]),
    );
    until("the details", || detail_title(&root).is_some()).await;
    let marked = all(&root, "tr[aria-current]");
    assert_eq!(marked.len(), 1);
    assert_eq!(
        marked[0].get_attribute("data-id").as_deref(),
        Some(counties[0].as_str())
    );
}

#[wasm_bindgen_test]
async fn an_answer_shows_its_places_on_the_map_and_back() {
    let story =
        sanctuary_explainer::bundle::default_story(sanctuary_explainer::core::i18n::Lang::En);
    let (qi, q) = story
        .questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.jurisdictions.iter().any(|j| j == "06037"))
        .expect("a question about Los Angeles County");
    let (_, root) = widget(&[("data-open", &q.id)]).await;
    let chip = all(&root, ".se-chip")
        .into_iter()
        .find(|c| c.text_content().unwrap().contains("Los Angeles County"))
        .expect("a 'show on the map' link for Los Angeles County");
    chip.click();
    until("the county on the map", || place(&root, "06037").is_some()).await;
    until("its detail", || {
        detail_title(&root).as_deref() == Some("Los Angeles County")
    })
    .await;
    assert_eq!(
        place(&root, "06037")
            .unwrap()
            .get_attribute("aria-selected")
            .as_deref(),
        Some("true")
    );
    let active = root.active_element().expect("focus moved into the widget");
    assert!(has_class(&active, "se-map__svg"), "focus is on the map");

    // From the detail panel back to the question: it opens and takes focus.
    let triggers = all(&root, ".se-qa__trigger");
    triggers[qi].click(); // close it first
    tick().await;
    assert!(!expanded(&triggers[qi]));
    let link = all(&root, ".se-detail button")
        .into_iter()
        .find(|b| b.text_content().unwrap().contains(&q.question))
        .expect("the detail lists the question");
    link.click();
    until("the question to open", || {
        expanded(&all(&root, ".se-qa__trigger")[qi])
    })
    .await;
    assert_eq!(
        root.active_element().unwrap().id(),
        format!("se-q-{}", q.id)
    );
}
