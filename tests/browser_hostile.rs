//! Hostile content in real Chromium: the `Explainer` rendered directly (no validation on the
//! way) with markup, script URLs, 100 KB strings, bidi controls and 5,000 questions in every
//! text field. Nothing may execute, text must stay text, links must stay http(s) with
//! `rel="noopener noreferrer"`, and the layout must hold in a 320 px column.
//! Run by `cargo xtask test` (wasm-bindgen-test, headless Chromium).
#![cfg(target_arch = "wasm32")]

mod web;

use std::rc::Rc;

use sanctuary_explainer::bundle::{default_dataset, default_story};
use sanctuary_explainer::components::{Explainer, ExplainerProps};
use sanctuary_explainer::core::content::{Question, Source, Story};
use sanctuary_explainer::core::date::Date;
use sanctuary_explainer::core::deeplink::Target;
use sanctuary_explainer::core::i18n::Lang;
use sanctuary_explainer::core::policy::Dataset;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web::{document, preload_geometry, styled_shadow, tick, until, ASSETS};
use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::prelude::*;
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// The column the widget is put in: a phone.
const WIDTH: f64 = 320.0;

const SCRIPT: &str = "<script>window.__pwned=1</script>";
const IMG: &str = "<img src=x onerror=\"window.__pwned=1\">";
const BIDI: &str =
    "\u{202E}txet desrever\u{202C} \u{2067}isolate\u{2069} zero\u{200B}width\u{200F}";
const JS_URL: &str = "javascript:window.__pwned=1";
const DATA_URL: &str = "data:text/html,<script>window.__pwned=1</script>";

/// Every payload in one string, markup first (so a text match proves it stayed text).
fn hostile(label: &str) -> String {
    format!("{label} {SCRIPT} {IMG} {BIDI}")
}

/// 100 KB without a break opportunity, then the payloads.
fn huge(label: &str) -> String {
    format!("{label} {}{}", "W".repeat(100_000), hostile(""))
}

fn pwned() -> JsValue {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap()
}

/// A story with a payload in every text field, and sources whose links are script URLs.
fn hostile_story() -> Story {
    let mut story = (*default_story(Lang::En)).clone();
    story.kicker = hostile("kicker");
    story.title = huge("title");
    story.dek = hostile("dek");
    for (i, q) in story.questions.iter_mut().enumerate() {
        q.question = if i == 0 {
            huge("question")
        } else {
            hostile("question")
        };
        q.answer = format!("{}\n\n{}", huge("answer"), hostile("second paragraph"));
    }
    for (i, s) in story.sources.iter_mut().enumerate() {
        s.title = huge("source title");
        s.publisher = hostile("publisher");
        s.url = match i % 4 {
            0 => Some(JS_URL.into()),
            1 => Some(DATA_URL.into()),
            2 => Some(format!(" {JS_URL}")),
            _ => Some("https://example.org/fine".into()),
        };
    }
    story
}

/// The map's data with payloads in California's name, laws, numbers, summaries, timelines,
/// notes and lists, and in the sources.
fn hostile_data() -> Dataset {
    let mut data = (*default_dataset()).clone();
    for j in &mut data.jurisdictions {
        if j.id == "06" || j.id == "los-angeles-ca" {
            j.name = huge("name");
            for p in &mut j.policies {
                p.law = hostile("law");
                p.summary = huge("summary");
                p.summary_es = Some(hostile("summary_es"));
                p.number = Some(hostile("number"));
                for e in &mut p.events {
                    e.what = hostile("event");
                }
            }
            for n in &mut j.notes {
                n.text = hostile("note");
            }
            for d in &mut j.designations {
                d.what = hostile("designation");
                d.by = hostile("designated by");
            }
        }
    }
    for (i, s) in data.sources.iter_mut().enumerate() {
        s.title = hostile("data source");
        s.publisher = huge("publisher");
        s.url = match i % 3 {
            0 => Some(JS_URL.into()),
            1 => Some(DATA_URL.into()),
            _ => Some("http://example.org/ok".into()),
        };
    }
    data
}

struct Mounted {
    host: HtmlElement,
    root: ShadowRoot,
    _app: AppHandle<Explainer>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.host.remove();
    }
}

impl Mounted {
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }
}

/// The Explainer in a `WIDTH` px host's shadow root, with the widget's stylesheet.
async fn mount(story: Story, data: Dataset, initial: Option<Target>) -> Mounted {
    preload_geometry();
    // A test that failed (a panic aborts, so nothing is dropped) leaves its widget behind:
    // take it away, so its 100 KB strings do not slow the next test down.
    let left = document()
        .query_selector_all("[data-hostile-test]")
        .unwrap();
    for i in 0..left.length() {
        left.item(i).unwrap().unchecked_into::<Element>().remove();
    }
    let (host, root, div) = styled_shadow(Some(WIDTH as u32));
    host.set_attribute("data-hostile-test", "").unwrap();
    // The data's panels, written as the validator writes a newsroom's, in the page's cache
    // where the widget looks for them (a directory of their own per mount).
    static MOUNTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let details = format!(
        "hostile-{}#",
        MOUNTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    for lang in Lang::ALL {
        sanctuary_explainer::assets::preload(
            &sanctuary_explainer::assets::panels_url(&details, lang),
            sanctuary_explainer::bundle::panels_for(&data, lang),
        );
    }
    let props = yew::props!(ExplainerProps {
        stories: Rc::new(vec![Rc::new(story)]),
        data: Rc::new(data),
        details: Some(AttrValue::from(details)),
        geo: AttrValue::from(format!("{ASSETS}geo/")),
        initial,
    });
    let app = yew::Renderer::<Explainer>::with_root_and_props(div, props).render();
    let mounted = Mounted {
        host,
        root,
        _app: app,
    };
    until("the widget renders", || {
        mounted.root.query_selector(".se-title").unwrap().is_some()
    })
    .await;
    tick().await;
    mounted
}

/// `el.getBoundingClientRect()`'s (left, right, width), without the DomRect web-sys feature.
fn rect(el: &Element) -> (f64, f64, f64) {
    let f: js_sys::Function = js_sys::Reflect::get(el, &"getBoundingClientRect".into())
        .unwrap()
        .unchecked_into();
    let r = f.call0(el).unwrap();
    let n = |k: &str| {
        js_sys::Reflect::get(&r, &k.into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    (n("left"), n("right"), n("width"))
}

/// Nothing ran, nothing from the content became an element.
fn assert_nothing_executed(w: &Mounted) {
    assert!(pwned().is_undefined(), "a payload executed");
    for tag in ["script", "img", "iframe", "object", "embed"] {
        assert_eq!(w.all(tag).len(), 0, "a <{tag}> was created from content");
    }
    // No event handler attribute anywhere (yew sets listeners, never `on*` attributes).
    for el in w.all("*") {
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap();
            assert!(
                !name.starts_with("on"),
                "<{}> has an {name} attribute",
                el.tag_name()
            );
        }
    }
}

/// Every link is a web link that opens without an opener.
fn assert_links_are_safe(w: &Mounted) -> usize {
    let links = w.all("a");
    for a in &links {
        let href = a.get_attribute("href").unwrap_or_default();
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "a link to {href:?}"
        );
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer"),
            "{href}"
        );
    }
    links.len()
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

/// The widget is no wider than its 320 px column, nothing in it is wider or sticks out, and no
/// text runs out of its box (the widget's scroll width). On failure, lists the innermost
/// culprits: boxes outside the column, and boxes whose text overflows them visibly.
fn assert_layout_holds(w: &Mounted) {
    let (h_left, h_right, h_width) = rect(&w.host);
    assert!((h_width - WIDTH).abs() < 0.5, "host width {h_width}");
    let article = w.one(".se");
    let (_, _, width) = rect(&article);
    let scroll = f64::from(article.scroll_width());
    let mut culprits: Vec<(Element, String)> = Vec::new();
    for el in w.all("*") {
        let (left, right, width) = rect(&el);
        // Hidden (a closed panel), or visually hidden for screen readers (1 px, clipped).
        if width <= 1.5 {
            continue;
        }
        let tag = el.tag_name().to_lowercase();
        let class = el.get_attribute("class").unwrap_or_default();
        if width > WIDTH + 0.5 || left < h_left - 0.5 || right > h_right + 0.5 {
            let line =
                format!("<{tag} class=\"{class}\"> box {left:.0}..{right:.0} ({width:.0}px)");
            culprits.push((el, line));
        } else if el.scroll_width() > el.client_width() + 1
            && left + f64::from(el.scroll_width()) > h_right + 0.5
            && computed(&el, "overflowX") == "visible"
        {
            let line = format!(
                "<{tag} class=\"{class}\"> content {}px wide in a {}px box",
                el.scroll_width(),
                el.client_width()
            );
            culprits.push((el, line));
        }
    }
    // The first 300 are enough to name the causes (the check is quadratic).
    let some = &culprits[..culprits.len().min(300)];
    let innermost: Vec<&str> = some
        .iter()
        .filter(|(el, _)| {
            !some
                .iter()
                .any(|(other, _)| other != el && el.contains(Some(other)))
        })
        .map(|(_, line)| line.as_str())
        .collect();
    let mut shown: Vec<&str> = Vec::new();
    for line in &innermost {
        if !shown.contains(line) && shown.len() < 20 {
            shown.push(line);
        }
    }
    assert!(
        width <= WIDTH + 0.5 && scroll <= WIDTH + 0.5 && culprits.is_empty(),
        "the widget is {width}px wide, its content {scroll}px, in a {WIDTH}px column; \
         {} element(s) stick out, innermost (distinct):\n{}",
        culprits.len(),
        shown.join("\n")
    );
}

#[wasm_bindgen_test]
fn validation_refuses_script_and_data_urls_and_bidi_controls() {
    let story = hostile_story();
    let problems: Vec<String> = story.validate().iter().map(ToString::to_string).collect();
    for i in [0, 1, 2] {
        let at = format!("sources[{i}].url: ");
        assert!(
            problems.iter().any(|p| p.starts_with(&at)),
            "{at} not refused: {problems:?}"
        );
    }
    assert!(
        !problems.iter().any(|p| p.starts_with("sources[3].url: ")),
        "https is fine"
    );
    for field in ["title", "questions[0].question", "questions[1].answer"] {
        let at = format!(
            "{field}: contains invisible or bidi control characters: U+202E RIGHT-TO-LEFT OVERRIDE"
        );
        assert!(
            problems.iter().any(|p| p.starts_with(&at)),
            "{at}: {problems:?}"
        );
    }

    let data = hostile_data();
    let problems: Vec<String> = data.validate().iter().map(ToString::to_string).collect();
    for (i, bad) in [(0, JS_URL), (1, DATA_URL)] {
        let at = format!("sources[{i}].url: \"{bad}\" is not a web link");
        assert!(
            problems.iter().any(|p| p.starts_with(&at)),
            "{at}: {problems:?}"
        );
    }
    let ca = data
        .jurisdictions
        .iter()
        .position(|j| j.id == "06")
        .unwrap();
    let at = format!("jurisdictions[{ca}].name: contains invisible or bidi control characters");
    assert!(
        problems.iter().any(|p| p.starts_with(&at)),
        "{at}: {problems:?}"
    );
}

#[wasm_bindgen_test]
async fn hostile_text_stays_text_and_nothing_executes() {
    let story = hostile_story();
    let w = mount(
        story.clone(),
        hostile_data(),
        Some(Target::Place("06".into())),
    )
    .await;
    // Open every question, so answers and sources are in the page too.
    w.one(".se-qa__all").unchecked_into::<HtmlElement>().click();
    tick().await;
    until("the detail panel", || {
        w.root.query_selector("#se-detail-title").unwrap().is_some()
    })
    .await;
    tick().await;
    // Let an `onerror` or a script have its chance.
    for _ in 0..5 {
        tick().await;
    }
    assert_nothing_executed(&w);

    // The text is there, as text: the markup shows as written, bidi controls included.
    let text = |sel: &str| w.one(sel).text_content().unwrap_or_default();
    assert_eq!(text(".se-title"), story.title);
    assert_eq!(text(".se-kicker"), story.kicker);
    assert_eq!(text(".se-dek"), story.dek);
    assert_eq!(text(".se-qa__item .se-qa__q"), story.questions[0].question);
    let first_answer = w.one(".se-qa__panel > p").text_content().unwrap();
    assert_eq!(first_answer, story.questions[0].paragraphs()[0]);
    assert!(first_answer.contains(SCRIPT) && first_answer.contains(IMG));
    assert!(text(".se-sources__list li").contains(&story.sources[0].publisher));
    let detail = text("#se-detail-title");
    assert!(
        detail.starts_with("name WWW") && detail.contains(SCRIPT) && detail.contains('\u{202E}')
    );
    let panel_text = text(".se-detail");
    assert!(panel_text.contains(&hostile("law")), "the law, as text");
    assert!(panel_text.contains("summary WWW"), "the summary, as text");

    // Links: only the http(s) sources are links; script and data URLs became plain titles.
    let links = assert_links_are_safe(&w);
    assert!(links > 0, "the https sources are still links");
    let html = w.root.inner_html();
    for bad in ["javascript:", "data:text"] {
        assert!(
            !w.all("[href]")
                .iter()
                .chain(&w.all("[src]"))
                .chain(&w.all("[action]"))
                .any(|e| e.outer_html().contains(bad)),
            "{bad} in an attribute"
        );
    }
    assert!(html.contains("&lt;script&gt;"), "markup is escaped text");

    assert_layout_holds(&w);
}

#[wasm_bindgen_test]
async fn the_table_shows_hostile_names_as_text_within_the_column() {
    let w = mount(hostile_story(), hostile_data(), None).await;
    let table_button = w
        .all(".se-switch__btn")
        .into_iter()
        .nth(1)
        .expect("a table switch");
    table_button.unchecked_into::<HtmlElement>().click();
    until("the table", || {
        w.root
            .query_selector("table, [role=table]")
            .unwrap()
            .is_some()
    })
    .await;
    tick().await;
    assert_nothing_executed(&w);
    let table = w.one("table, [role=table]");
    assert!(table.text_content().unwrap().contains(SCRIPT));
    assert_links_are_safe(&w);
    assert_layout_holds(&w);
}

#[wasm_bindgen_test]
async fn five_thousand_questions_render_and_hold_the_layout() {
    let mut story = (*default_story(Lang::En)).clone();
    let source = Source {
        id: "s".into(),
        publisher: hostile("publisher"),
        title: hostile("title"),
        date: Date::parse("2024-11-20").unwrap(),
        url: Some(JS_URL.into()),
    };
    story.sources = vec![source];
    story.questions = (0..5_000)
        .map(|i| Question {
            id: format!("q-{i}"),
            question: format!("{i}: {}", hostile("question")),
            answer: hostile("answer"),
            sources: vec!["s".into()],
            jurisdictions: vec!["06".into()],
        })
        .collect();
    assert!(story
        .validate()
        .iter()
        .any(|p| p.path.to_string() == "sources[0].url"));
    let started = js_sys::Date::now();
    // The map's data as shipped: each answer's "show on the map" chip names California.
    let w = mount(story, (*default_dataset()).clone(), None).await;
    assert_eq!(w.all(".se-qa__item").len(), 5_000);
    w.one(".se-qa__all").unchecked_into::<HtmlElement>().click();
    until("every answer open", || {
        w.all(".se-qa__panel[hidden]").is_empty()
    })
    .await;
    let elapsed = js_sys::Date::now() - started;
    gloo::console::log!(format!(
        "5,000 questions rendered and opened in {elapsed:.0} ms"
    ));
    assert_nothing_executed(&w);
    assert_eq!(
        assert_links_are_safe(&w),
        0,
        "the only source's link is a script URL"
    );
    assert_eq!(
        w.all(".se-qa__q").last().unwrap().text_content().unwrap(),
        format!("4999: {}", hostile("question"))
    );
    assert_layout_holds(&w);
}
