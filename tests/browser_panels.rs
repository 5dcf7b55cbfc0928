//! Browser tests of the detail panel and the table view, each rendered on its own in a shadow
//! root with the widget's stylesheet, in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

mod web;

use std::cell::RefCell;
use std::rc::Rc;

use sanctuary_explainer::bundle::{default_dataset, default_story};
use sanctuary_explainer::components::{Detail, DetailProps, JurisdictionTable, Shared, TableProps};
use sanctuary_explainer::core::i18n::Lang;
use sanctuary_explainer::core::panels::Panels;
use sanctuary_explainer::core::policy::{Dataset, Kind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web::{styled_shadow, tick};
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::prelude::*;
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted<C: BaseComponent> {
    host: HtmlElement,
    root: ShadowRoot,
    _app: AppHandle<C>,
}

impl<C: BaseComponent> Mounted<C> {
    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    fn maybe(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    fn click(&self, selector: &str) {
        self.one(selector).unchecked_into::<HtmlElement>().click();
    }
}

impl<C: BaseComponent> Drop for Mounted<C> {
    fn drop(&mut self) {
        self.host.remove();
    }
}

async fn mount<C: BaseComponent>(props: C::Properties, width: Option<u32>) -> Mounted<C> {
    let (host, root, div) = styled_shadow(width);
    let app = yew::Renderer::<C>::with_root_and_props(div, props).render();
    tick().await;
    Mounted {
        host,
        root,
        _app: app,
    }
}

/// A callback that records what it is called with.
fn recorder<T: 'static>() -> (Callback<T>, Rc<RefCell<Vec<T>>>) {
    let got = Rc::new(RefCell::new(Vec::new()));
    let sink = got.clone();
    (Callback::from(move |v| sink.borrow_mut().push(v)), got)
}

/// The panels the build writes for `data` in `lang` (none for an outline: the widget would
/// still be fetching them).
fn panels_of(data: &Dataset, lang: Lang) -> Option<Shared<Panels>> {
    (!data.outline).then(|| Rc::new(sanctuary_explainer::bundle::panels_for(data, lang)).into())
}

fn detail_props(data: Rc<Dataset>, id: &str) -> DetailProps {
    yew::props!(DetailProps {
        panels: panels_of(&data, Lang::En),
        data,
        id: AttrValue::from(id.to_string()),
        lang: Lang::En,
    })
}

async fn detail(id: &str) -> Mounted<Detail> {
    mount(detail_props(default_dataset(), id), None).await
}

/// The questions of the default story that mention `id`, as the lead passes them.
fn questions_about(id: &str) -> Rc<Vec<(AttrValue, AttrValue)>> {
    let story = default_story(Lang::En);
    Rc::new(
        story
            .questions
            .iter()
            .filter(|q| q.jurisdictions.iter().any(|j| j == id))
            .map(|q| {
                (
                    AttrValue::from(q.id.clone()),
                    AttrValue::from(q.question.clone()),
                )
            })
            .collect(),
    )
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `getComputedStyle(el)[prop]`, without a web-sys feature for it.
fn computed(el: &Element, prop: &str) -> String {
    let window = web_sys::window().unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&window, &"getComputedStyle".into())
        .unwrap()
        .unchecked_into();
    let style = f.call1(&window, el).unwrap();
    js_sys::Reflect::get(&style, &prop.into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

// ------------------------------------------------------------------------------------------
// Detail panel

#[wasm_bindgen_test]
async fn a_state_shows_its_laws_dates_and_sources() {
    let d = detail("06").await;
    let title = d.one("#se-detail-title");
    assert_eq!(title.tag_name(), "H3");
    assert_eq!(title.text_content().unwrap(), "California");
    assert_eq!(title.get_attribute("tabindex").as_deref(), Some("-1"));
    title.unchecked_ref::<HtmlElement>().focus().unwrap();
    assert_eq!(
        d.root.active_element().as_ref(),
        Some(&title),
        "the heading takes focus"
    );

    assert_eq!(d.text(".se-detail__kind"), "State");
    let swatch = d.one(".se-detail__tier .se-swatch");
    assert_eq!(swatch.get_attribute("data-tier").as_deref(), Some("broad"));
    assert_eq!(swatch.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(d
        .text(".se-detail__tier")
        .contains("Broad limits on cooperation"));

    assert_eq!(d.all(".se-layer").len(), 1, "a state has one layer");
    assert_eq!(
        d.text(".se-layer[data-layer=own] h4"),
        "Its own laws and policies"
    );
    let policy = d.one(".se-layer[data-layer=own] .se-policy");
    let law = squash(
        &policy
            .query_selector("h5")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
    );
    assert_eq!(law, "California Values Act SB 54 (Gov. Code 7284 ff.)");
    let meta = squash(&d.text(".se-policy__meta"));
    assert!(meta.contains("Help with immigration enforcement"), "{meta}");
    assert!(meta.contains("Signed Oct. 5, 2017"), "{meta}");
    assert_eq!(
        d.one(".se-policy__meta time")
            .get_attribute("datetime")
            .as_deref(),
        Some("2017-10-05")
    );
    assert!(d.text(".se-policy__summary").starts_with("Limits how far"));
    let event = squash(&d.text(".se-events__item"));
    assert_eq!(event, "Jan. 1, 2018 Took effect.");
    let sources = d.text(".se-policy .se-sources");
    assert!(
        sources.contains("Office of the Governor of California"),
        "{sources}"
    );
    assert!(sources.contains("Signing message for SB 54"), "{sources}");
    assert!(
        d.maybe(".se-policy .se-flag").is_none(),
        "SB 54 is vetted: no secondary flag"
    );

    let extra = d.text(".se-detail__extra");
    assert!(extra.contains("US Department of Justice: Named on its list"));
    assert!(extra.contains("Aug. 5, 2025"));
    assert!(
        d.text(".se-detail").contains("Trump-proof"),
        "the note is shown"
    );
    assert_eq!(squash(&d.text(".se-detail__asof")), "As of Aug. 5, 2025");
    assert!(d.maybe(".se-detail__zoom").is_none());
    assert!(
        d.maybe(".se-detail__questions").is_none(),
        "no questions passed, no list"
    );
}

#[wasm_bindgen_test]
async fn a_county_shows_its_own_layer_unknown_and_its_state_layer() {
    let d = detail("06037").await;
    assert_eq!(d.text("#se-detail-title"), "Los Angeles County");
    assert_eq!(squash(&d.text(".se-detail__kind")), "County · California");
    assert_eq!(
        d.one(".se-detail__tier .se-swatch")
            .get_attribute("data-tier")
            .as_deref(),
        Some("unknown")
    );
    let layers = d.all(".se-layer");
    assert_eq!(layers.len(), 2);
    assert_eq!(
        layers[0].get_attribute("data-layer").as_deref(),
        Some("own"),
        "own layer first"
    );
    let own = layers[0].text_content().unwrap();
    assert!(own.contains("Not reviewed"), "{own}");
    assert!(!own.contains("SB 54"));
    let state = &layers[1];
    assert_eq!(
        state
            .query_selector("h4")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "State law that applies here: California"
    );
    assert!(state
        .query_selector(".se-swatch[data-tier=broad]")
        .unwrap()
        .is_some());
    let text = state.text_content().unwrap();
    assert!(
        text.contains("SB 54") && text.contains("Oct. 5, 2017"),
        "{text}"
    );
    assert!(d.text(".se-detail").contains("CHIRLA"), "the county's note");
    assert!(
        !d.text(".se-detail").contains("Trump-proof"),
        "the state's notes stay with the state"
    );
}

#[wasm_bindgen_test]
async fn a_city_lists_its_ordinance_and_its_history() {
    let d = detail("los-angeles-ca").await;
    assert_eq!(squash(&d.text(".se-detail__kind")), "City · California");
    let own = d.one(".se-layer[data-layer=own]");
    let policies = own.query_selector_all(".se-policy").unwrap();
    assert_eq!(policies.length(), 2);
    let first = policies.item(0).unwrap().text_content().unwrap();
    assert!(first.contains("Sanctuary city ordinance"), "{first}");
    assert!(squash(&first).contains("Adopted Dec. 4, 2024"), "{first}");
    let events: Vec<String> = d
        .all(".se-layer[data-layer=own] .se-policy:first-child .se-events__item")
        .iter()
        .map(|e| squash(&e.text_content().unwrap()))
        .collect();
    assert_eq!(events.len(), 5);
    assert!(events[0].starts_with("June 2023 "), "{events:?}");
    assert!(
        events[4].starts_with("June 30, 2025 The US Department of Justice sued"),
        "{events:?}"
    );
    let sources = d
        .all(".se-layer[data-layer=own] .se-policy:first-child .se-sources li")
        .len();
    assert_eq!(
        sources, 7,
        "the ordinance's and its events' sources, once each"
    );
    let second = squash(&policies.item(1).unwrap().text_content().unwrap());
    assert!(second.contains("LAPD Special Order 40"));
    assert!(second.contains("Issued 1979"), "{second}");
    assert!(d
        .text(".se-layer[data-layer=state] h4")
        .ends_with(": California"));
}

#[wasm_bindgen_test]
async fn question_close_and_zoom_buttons_call_back() {
    let questions = questions_about("los-angeles-ca");
    assert!(questions.len() >= 2, "the story mentions Los Angeles");
    let (on_question, asked) = recorder::<AttrValue>();
    let (on_close, closed) = recorder::<()>();
    let props = yew::props!(DetailProps {
        data: default_dataset(),
        panels: panels_of(&default_dataset(), Lang::En),
        id: AttrValue::from("los-angeles-ca"),
        lang: Lang::En,
        questions: questions.clone(),
        on_question,
        on_close,
    });
    let d = mount::<Detail>(props, None).await;
    let buttons = d.all(".se-detail__question");
    assert_eq!(buttons.len(), questions.len());
    assert_eq!(
        d.text(".se-detail__extra:last-of-type h4"),
        "In the questions"
    );
    assert!(buttons[1]
        .text_content()
        .unwrap()
        .contains(questions[1].1.as_str()));
    buttons[1].unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(*asked.borrow(), [questions[1].0.clone()]);
    d.click(".se-detail__close");
    assert_eq!(closed.borrow().len(), 1);
    assert!(
        d.maybe(".se-detail__zoom").is_none(),
        "no zoom button without on_zoom"
    );

    let (on_zoom, zoomed) = recorder::<AttrValue>();
    let props = yew::props!(DetailProps {
        data: default_dataset(),
        id: AttrValue::from("06"),
        lang: Lang::En,
        on_zoom: Some(on_zoom),
    });
    let d = mount::<Detail>(props, None).await;
    assert_eq!(d.text(".se-detail__zoom"), "Show counties and cities");
    d.click(".se-detail__zoom");
    assert_eq!(*zoomed.borrow(), [AttrValue::from("06")]);
}

#[wasm_bindgen_test]
async fn with_the_outline_the_panel_has_the_name_and_tier_and_says_the_laws_are_loading() {
    use sanctuary_explainer::bundle::default_outline;
    let d = mount::<Detail>(detail_props(default_outline(), "06037"), None).await;
    assert_eq!(d.text(".se-detail__title"), "Los Angeles County");
    assert_eq!(d.text(".se-detail__tier .se-tier__label"), "Not reviewed");
    let note = d.one(".se-pending");
    assert_eq!(note.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(note.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(
        squash(&d.text(".se-pending")),
        "Loading the laws and sources…"
    );
    assert!(
        d.maybe(".se-layer").is_none()
            && d.maybe(".se-policy").is_none()
            && d.maybe(".se-detail__extra").is_none(),
        "no layer, law or fact is shown from the outline (it has none of their words)"
    );
    assert!(d.maybe(".se-pending button").is_none());

    // The download failed: it says so, and "Try again" calls back.
    let (on_retry, retried) = recorder::<()>();
    let props = yew::props!(DetailProps {
        data: default_outline(),
        id: AttrValue::from("06"),
        lang: Lang::Es,
        on_retry: Some(on_retry),
    });
    let d = mount::<Detail>(props, None).await;
    assert_eq!(d.text(".se-detail__title"), "California");
    assert_eq!(
        squash(&d.text(".se-pending p")),
        "No se pudieron cargar las leyes y las fuentes."
    );
    assert!(d.one(".se-pending").get_attribute("aria-busy").is_none());
    d.click(".se-pending button");
    assert_eq!(retried.borrow().len(), 1);

    // The full data: the laws, no note.
    let d = detail("06").await;
    assert!(d.maybe(".se-pending").is_none() && d.maybe(".se-policy").is_some());
}

#[wasm_bindgen_test]
async fn an_unknown_id_renders_nothing() {
    let d = detail("no-such-place").await;
    assert!(d.maybe(".se-detail").is_none());
    assert_eq!(d.one(".se-root").child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn data_is_rendered_as_text() {
    let mut data = (*default_dataset()).clone();
    let ca = data
        .jurisdictions
        .iter_mut()
        .find(|j| j.id == "06")
        .unwrap();
    ca.name = "<img src=x>California".into();
    ca.policies[0].summary = "<b>bold</b>".into();
    let d = mount::<Detail>(detail_props(Rc::new(data), "06"), None).await;
    assert!(d.maybe("img").is_none() && d.maybe("b").is_none());
    assert_eq!(d.text("#se-detail-title"), "<img src=x>California");
    assert_eq!(d.text(".se-policy__summary"), "<b>bold</b>");
}

#[wasm_bindgen_test]
async fn spanish_labels_and_spanish_data() {
    let props = yew::props!(DetailProps {
        data: default_dataset(),
        panels: panels_of(&default_dataset(), Lang::Es),
        id: AttrValue::from("06037"),
        lang: Lang::Es,
    });
    let d = mount::<Detail>(props, None).await;
    assert_eq!(squash(&d.text(".se-detail__kind")), "Condado · California");
    assert!(d
        .text(".se-layer[data-layer=own]")
        .starts_with("Sus propias leyes"));
    assert_eq!(
        d.text(".se-layer[data-layer=state] h4"),
        "Ley estatal que se aplica aquí: California"
    );
    assert!(squash(&d.text(".se-policy__meta")).contains("Firma: 5 de octubre de 2017"));
    // The data's summaries are translated; law names stay as enacted, marked as English.
    let ca = default_dataset();
    let sb54 = &ca.jurisdiction("06").unwrap().policies[0];
    assert_eq!(d.text(".se-policy__summary"), sb54.summary_in(Lang::Es));
    assert_ne!(
        sb54.summary_in(Lang::Es),
        sb54.summary,
        "a Spanish summary exists"
    );
    assert_eq!(d.one(".se-policy__summary").get_attribute("lang"), None);
    assert_eq!(
        d.one(".se-policy__law").get_attribute("lang").as_deref(),
        Some("en")
    );
    assert_eq!(
        squash(&d.text(".se-detail__asof")),
        "Actualizado al 5 de agosto de 2025"
    );
}

// ------------------------------------------------------------------------------------------
// Table view

fn table_props(selected: Option<&str>, on_select: Callback<AttrValue>) -> TableProps {
    yew::props!(TableProps {
        panels: panels_of(&default_dataset(), Lang::En).unwrap(),
        lang: Lang::En,
        selected: selected.map(|s| AttrValue::from(s.to_string())),
        on_select,
    })
}

async fn table() -> Mounted<JurisdictionTable> {
    mount(table_props(None, Callback::noop()), None).await
}

/// The rows shown (the filter hides the others), in order.
const SHOWN: &str = "tbody tr:not([hidden])";

fn row_ids(t: &Mounted<JurisdictionTable>) -> Vec<String> {
    t.all(SHOWN)
        .iter()
        .map(|r| r.get_attribute("data-id").unwrap())
        .collect()
}

fn row_names(t: &Mounted<JurisdictionTable>) -> Vec<String> {
    t.all(&format!("{SHOWN} .se-table__name"))
        .iter()
        .map(|b| b.text_content().unwrap())
        .collect()
}

fn row_tiers(t: &Mounted<JurisdictionTable>) -> Vec<String> {
    t.all(&format!("{SHOWN} .se-table__cell--tier"))
        .iter()
        .map(|c| c.get_attribute("data-tier").unwrap())
        .collect()
}

/// The sort icons the stylesheet draws after each sortable header's `aria-sort`.
fn icons(t: &Mounted<JurisdictionTable>) -> Vec<String> {
    let window = web_sys::window().unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&window, &"getComputedStyle".into())
        .unwrap()
        .unchecked_into();
    t.all(".se-sort__icon")
        .iter()
        .map(|icon| {
            let style = f.call2(&window, icon, &"::after".into()).unwrap();
            let content = js_sys::Reflect::get(&style, &"content".into())
                .unwrap()
                .as_string()
                .unwrap_or_default();
            content.trim_matches('"').to_owned()
        })
        .collect()
}

fn sorted_case_insensitively(mut names: Vec<String>) -> Vec<String> {
    names.sort_by_key(|n| n.to_lowercase());
    names
}

#[wasm_bindgen_test]
async fn the_table_has_a_row_per_jurisdiction() {
    let data = default_dataset();
    let t = table().await;
    let ids = row_ids(&t);
    assert_eq!(ids.len(), data.jurisdictions.len());
    assert_eq!(ids.len(), 58);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "each jurisdiction once");
    assert_eq!(
        squash(&t.text("caption")),
        "Showing 58 of 58 jurisdictions Column headings with buttons sort the table."
    );
    let headers: Vec<String> = t
        .all("thead th")
        .iter()
        .map(|h| squash(&h.text_content().unwrap()))
        .collect();
    assert_eq!(headers, ["Name", "Kind", "Category", "Laws"]);
    assert_eq!(icons(&t), ["▲", "↕"], "sorted by name");
    for row in t.all("tbody tr") {
        let name = row.query_selector("th").unwrap().unwrap();
        assert_eq!(name.get_attribute("scope").as_deref(), Some("row"));
        assert!(name.query_selector("button").unwrap().is_some());
    }

    let ca = t.one("tr[data-id='06']");
    let laws = squash(
        &ca.query_selector(".se-table__cell--laws")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
    );
    assert_eq!(
        laws,
        "California Values Act · SB 54 (Gov. Code 7284 ff.) · Oct. 5, 2017"
    );
    assert!(ca
        .query_selector(".se-swatch[data-tier=broad][aria-hidden='true']")
        .unwrap()
        .is_some());
    let al = t.one("tr[data-id='01']");
    let none = al.query_selector(".se-table__cell--laws").unwrap().unwrap();
    assert!(squash(&none.text_content().unwrap()).starts_with('—'));
    assert_eq!(t.text("tr[data-id='01'] .se-vh"), "None recorded");
    assert_eq!(
        squash(&t.text("tr[data-id='06037'] .se-table__cell--kind")),
        "County · California"
    );
    let la = squash(&t.text("tr[data-id='los-angeles-ca'] .se-table__cell--laws"));
    assert!(
        la.contains("Sanctuary city ordinance · Dec. 4, 2024"),
        "{la}"
    );
    assert!(la.contains("LAPD Special Order 40 · 1979"), "{la}");
}

#[wasm_bindgen_test]
async fn the_name_header_sorts_and_reverses() {
    let t = table().await;
    let name_th = t.one("thead th:nth-child(1)");
    let tier_th = t.one("thead th:nth-child(3)");
    assert_eq!(
        name_th.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert_eq!(tier_th.get_attribute("aria-sort"), None);
    for th in t.all("thead th:nth-child(2), thead th:nth-child(4)") {
        assert_eq!(th.get_attribute("aria-sort"), None, "not sortable");
        assert!(th.query_selector("button").unwrap().is_none());
    }
    let asc = row_names(&t);
    assert_eq!(asc, sorted_case_insensitively(asc.clone()));
    assert_eq!(asc[0], "Alabama");

    t.click("thead th:nth-child(1) button");
    tick().await;
    assert_eq!(
        name_th.get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    let desc = row_names(&t);
    assert_eq!(desc[0], "Wyoming");
    assert_eq!(icons(&t), ["▼", "↕"]);
    let mut back = desc.clone();
    back.reverse();
    assert_eq!(back, asc);

    t.click("thead th:nth-child(1) button");
    tick().await;
    assert_eq!(
        name_th.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert_eq!(row_names(&t), asc);
}

#[wasm_bindgen_test]
async fn the_category_header_sorts_broad_first_and_unknown_last() {
    let t = table().await;
    t.click("thead th:nth-child(3) button");
    tick().await;
    let name_th = t.one("thead th:nth-child(1)");
    let tier_th = t.one("thead th:nth-child(3)");
    assert_eq!(
        tier_th.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert_eq!(
        name_th.get_attribute("aria-sort"),
        None,
        "only the sorted column has aria-sort"
    );
    let tiers = row_tiers(&t);
    assert_eq!(tiers.first().unwrap(), "broad");
    assert_eq!(tiers.last().unwrap(), "unknown");
    assert_eq!(row_ids(&t)[0], "06", "California: broad, first by name");
    let order = ["broad", "limited", "none_known", "bans", "unknown"];
    let ranks: Vec<usize> = tiers
        .iter()
        .map(|k| order.iter().position(|o| o == k).unwrap())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{tiers:?}");
    let names = row_names(&t);
    let unknown: Vec<String> = names
        .iter()
        .zip(&tiers)
        .filter(|(_, k)| *k == "unknown")
        .map(|(n, _)| n.clone())
        .collect();
    assert_eq!(
        unknown,
        sorted_case_insensitively(unknown.clone()),
        "ties by name"
    );
    let bans: Vec<String> = names
        .iter()
        .zip(&tiers)
        .filter(|(_, k)| *k == "bans")
        .map(|(n, _)| n.clone())
        .collect();
    assert!(bans.iter().any(|n| n == "Texas"), "{bans:?}");
    assert_eq!(bans, sorted_case_insensitively(bans.clone()));

    t.click("thead th:nth-child(3) button");
    tick().await;
    assert_eq!(
        tier_th.get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    let tiers = row_tiers(&t);
    assert_eq!(tiers.first().unwrap(), "unknown");
    assert_eq!(tiers.last().unwrap(), "broad");
    assert_eq!(icons(&t), ["↕", "▼"]);
}

#[wasm_bindgen_test]
async fn the_kind_filter_shows_only_counties() {
    let data = default_dataset();
    let counties = data
        .jurisdictions
        .iter()
        .filter(|j| j.kind == Kind::County)
        .count();
    let t = table().await;
    assert_eq!(t.text("legend"), "Show");
    let labels: Vec<String> = t
        .all(".se-filter__option")
        .iter()
        .map(|l| squash(&l.text_content().unwrap()))
        .collect();
    assert_eq!(
        labels,
        [
            "All (58)".to_string(),
            "States (51)".into(),
            format!("Counties ({counties})"),
            "Cities (2)".into()
        ]
    );
    let radios = t.all("input[type='radio']");
    let name = radios[0].get_attribute("name").unwrap();
    assert!(radios
        .iter()
        .all(|r| r.get_attribute("name").as_deref() == Some(name.as_str())));
    let checked = |r: &Element| {
        js_sys::Reflect::get(r, &"checked".into())
            .unwrap()
            .as_bool()
            .unwrap()
    };
    assert!(checked(&radios[0]));

    t.click("input[value='county']");
    tick().await;
    assert!(checked(&t.one("input[value='county']")));
    let ids = row_ids(&t);
    assert_eq!(ids.len(), counties);
    assert!(ids
        .iter()
        .all(|id| id.len() == 5 && id.bytes().all(|b| b.is_ascii_digit())));
    assert!(t
        .all(&format!("{SHOWN} .se-table__cell--kind"))
        .iter()
        .all(|c| c.text_content().unwrap().starts_with("County")));
    assert!(
        squash(&t.text("caption")).starts_with(&format!("Showing {counties} of 58 jurisdictions"))
    );

    t.click("thead th:nth-child(1) button");
    tick().await;
    assert_eq!(row_ids(&t).len(), counties, "sorting keeps the filter");

    t.click("input[value='all']");
    tick().await;
    assert_eq!(row_ids(&t).len(), 58);
}

#[wasm_bindgen_test]
async fn a_row_name_selects_and_the_selected_row_is_marked() {
    let (on_select, chosen) = recorder::<AttrValue>();
    let t = mount::<JurisdictionTable>(table_props(Some("48"), on_select), None).await;
    let current = t.all("tr[aria-current]");
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].get_attribute("data-id").as_deref(), Some("48"));
    assert_eq!(
        current[0].get_attribute("aria-current").as_deref(),
        Some("true")
    );

    t.click("tr[data-id='06037'] .se-table__name");
    t.click("tr[data-id='los-angeles-ca'] .se-table__name");
    assert_eq!(
        *chosen.borrow(),
        [AttrValue::from("06037"), AttrValue::from("los-angeles-ca")]
    );
}

// ------------------------------------------------------------------------------------------
// Layout

fn overflows(el: &Element) -> bool {
    el.scroll_width() > el.client_width()
}

#[wasm_bindgen_test]
async fn both_fit_300_px_without_scrolling_sideways() {
    let t = mount::<JurisdictionTable>(table_props(Some("06"), Callback::noop()), Some(300)).await;
    let table = t.one(".se-table");
    assert_eq!(table.client_width(), 300);
    assert!(!overflows(&table), "scrollWidth {}", table.scroll_width());
    assert!(!overflows(&t.one(".se-table__frame")));
    assert_eq!(
        computed(&t.one("tbody tr"), "display"),
        "flex",
        "rows stack when narrow"
    );
    let button = t.one("tbody tr .se-table__name");
    assert!(button.client_height() >= 44, "44 px touch targets");
    assert!(t.one(".se-filter__option").client_height() >= 42);
    assert!(t.one(".se-sort").client_height() >= 42);

    for id in ["06", "06037", "los-angeles-ca"] {
        let props = yew::props!(DetailProps {
            data: default_dataset(),
            panels: panels_of(&default_dataset(), Lang::En),
            id: AttrValue::from(id),
            lang: Lang::En,
            questions: questions_about(id),
            on_zoom: Some(Callback::noop()),
        });
        let d = mount::<Detail>(props, Some(300)).await;
        let panel = d.one(".se-detail");
        assert_eq!(panel.client_width(), 300);
        assert!(
            !overflows(&panel),
            "{id}: scrollWidth {}",
            panel.scroll_width()
        );
        assert!(d.one(".se-detail__close").client_height() >= 42);
    }
}

#[wasm_bindgen_test]
async fn the_table_has_columns_when_wide() {
    let t = table_props(None, Callback::noop());
    let t = mount::<JurisdictionTable>(t, Some(720)).await;
    assert_eq!(computed(&t.one("tbody tr"), "display"), "table-row");
    assert_eq!(
        computed(&t.one("thead th:nth-child(2)"), "position"),
        "static"
    );
    assert!(!overflows(&t.one(".se-table")));
}
