//! Accessibility audit (WCAG 2.2 AA), end to end on the built dist/: axe-core run against the
//! widget's shadow DOM in every view and theme, a keyboard-only walk through the widget, and
//! reflow at 320 and 640 CSS px (1280 px at 200% zoom). Run by `cargo xtask test` (which builds
//! dist/ first); ignored by a plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{Browser, Fault, Page, Server};

/// axe-core from node_modules (installed by `cargo xtask test` with the other npm packages).
fn axe_script() -> Page {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/node_modules/axe-core/axe.min.js"
    );
    let js = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run `npm ci` or `cargo xtask test`)"));
    Page::js("/axe.min.js", js)
}

/// A host page: a link before and after the widget (keyboard start and end points), axe, and
/// the embed snippet. Only embed.js is named: the other assets are the widget's business.
fn page(path: &'static str, attrs: &str) -> Page {
    Page::html(
        path,
        format!(
            r##"<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Accessibility</title>
<style>body {{ margin: 0 8px; font: 16px/1.5 Georgia, serif; }}</style>
<script src="/axe.min.js"></script></head><body>
<p><a id="before" href="#before">Before the widget</a></p>
<div id="w" data-sanctuary-explainer {attrs}></div>
<p><a id="after" href="#after">After the widget</a></p>
<script>
  window.__ready = [];
  document.addEventListener("sanctuary-explainer:ready", function (e) {{ window.__ready.push(e.target.id); }});
</script>
<script async src="/sanctuary-explainer/embed.js"></script>
</body></html>"##
        ),
    )
}

fn in_shadow(css: &str) -> String {
    format!("document.querySelector('#w').shadowRoot.querySelector({css:?})")
}

/// A browser whose layout viewport is `width` CSS px wide at `zoom` device pixels per CSS
/// pixel: a 1280 × 900 screen at 200% zoom is `browser_at(640, 2.0)`. (A headless window is
/// at least 500 px wide, so the viewport is emulated.)
async fn browser_at(width: u32, zoom: f64) -> Browser {
    let b = Browser::start(1280, 900).await;
    let height = (900.0 / zoom).round();
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": zoom, "mobile": false }),
    )
    .await;
    b
}

async fn load(b: &Browser, server: &Server, path: &str) {
    b.client.goto(&server.url(path)).await.unwrap();
    b.wait_until("window.__ready.length >= 1", "the widget")
        .await;
}

async fn click(b: &Browser, css: &str) {
    let found = b.shadow_all("#w", css).await;
    assert!(!found.is_empty(), "nothing matches {css}");
    found[0].click().await.unwrap();
}

/// Selects a place on the map with a click event on its shape (a WebDriver click aims at the
/// middle of the shape's box, where a city's point may be on top).
async fn pick(b: &Browser, id: &str) {
    let found = b
        .js(&format!(
            "const el = {};
             if (!el) return false;
             el.dispatchEvent(new MouseEvent('click', {{ bubbles: true, composed: true }}));
             return true;",
            in_shadow(&format!("[data-jurisdiction='{id}']"))
        ))
        .await;
    assert_eq!(found, json!(true), "no place {id} on the map");
}

/// axe-core on the widget (its host element: axe walks into the shadow root), WCAG A and AA
/// rules up to 2.2, no best practices. Returns one line per violation and node.
async fn axe(b: &Browser, step: &str) -> Vec<String> {
    b.js(
        "window.__axe = null;
         axe.run(document.querySelector('#w'), {
           runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
           resultTypes: ['violations'],
         }).then(
           (r) => {
             // axe must have looked inside the shadow root: its targets there are paths.
             const inside = r.passes.concat(r.violations).some((x) => x.nodes.some((n) => Array.isArray(n.target[0])));
             window.__axe = inside ? r.violations
               : [{ id: 'axe-no-shadow', help: 'axe did not reach into the shadow root', nodes: [] }];
           },
           (e) => { window.__axe = [{ id: 'axe-error', help: String(e), nodes: [] }]; });
         return true;",
    )
    .await;
    b.wait_until("window.__axe", "axe to finish").await;
    let v = b
        .js(
            "return window.__axe.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) }));",
        )
        .await;
    let mut out = Vec::new();
    for violation in v.as_array().unwrap() {
        let head = format!(
            "[{step}] {} ({}): {}",
            violation["id"].as_str().unwrap_or("?"),
            violation["impact"].as_str().unwrap_or("?"),
            violation["help"].as_str().unwrap_or("?")
        );
        let nodes = violation["nodes"].as_array().cloned().unwrap_or_default();
        if nodes.is_empty() {
            out.push(head.clone());
        }
        for n in nodes {
            let summary = n["summary"].as_str().unwrap_or("").replace('\n', " / ");
            out.push(format!("{head}\n    at {}\n    {summary}", n["target"]));
        }
    }
    out
}

/// The Q&A with a question open, a state's detail, a county's detail in the zoomed state,
/// and the table with a selected row: axe after each.
async fn audit_every_view(b: &Browser, label: &str) -> Vec<String> {
    let mut found = Vec::new();
    b.wait_until(&in_shadow("[data-jurisdiction='06']"), "the states")
        .await;
    b.wait_until(
        &format!(
            "{}.getAttribute('aria-expanded') === 'true'",
            in_shadow("#se-q-federal-response")
        ),
        "the question open at start",
    )
    .await;
    found.extend(axe(b, &format!("{label}: Q&A, a question open")).await);

    click(b, "[data-jurisdiction='06']").await;
    b.wait_until(&in_shadow(".se-detail__zoom"), "California's detail")
        .await;
    found.extend(axe(b, &format!("{label}: map, California's detail")).await);

    click(b, ".se-detail__zoom").await;
    b.wait_until(&in_shadow("[data-jurisdiction='06037']"), "the counties")
        .await;
    pick(b, "06037").await;
    b.wait_until(
        &format!(
            "/Los [AÁ]ngeles/.test({}.textContent)",
            in_shadow("#se-detail-title")
        ),
        "Los Angeles County's detail",
    )
    .await;
    found.extend(axe(b, &format!("{label}: zoomed map, a county's detail")).await);

    let switch = b.shadow_all("#w", ".se-switch__btn").await;
    switch[1].click().await.unwrap();
    b.wait_until(&in_shadow(".se-table__row"), "the table")
        .await;
    found.extend(axe(b, &format!("{label}: table")).await);
    found
}

fn assert_none(found: Vec<String>) {
    assert!(
        found.is_empty(),
        "{} accessibility violation(s):\n{}",
        found.len(),
        found.join("\n")
    );
}

const OPEN: &str = r#"data-open="federal-response""#;

/// Serves `path` with the widget (`attrs` on its placeholder), loads it in `b`, checks that the
/// setting under test took effect (`setting`: a script returning true), then audits every view.
async fn audit_page(b: Browser, path: &'static str, attrs: &str, label: &str, setting: &str) {
    let server = Server::start(vec![axe_script(), page(path, attrs)]);
    load(&b, &server, path).await;
    assert_eq!(b.js(setting).await, json!(true), "{label}: {setting}");
    let found = audit_every_view(&b, label).await;
    b.close().await;
    assert_none(found);
}

fn theme_is_dark(dark: bool) -> String {
    format!(
        "return {}.getAttribute('data-theme') === 'dark' === {dark};",
        in_shadow("article")
    )
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn axe_finds_no_violation_in_the_light_theme() {
    let b = Browser::start(1280, 1000).await;
    audit_page(b, "/light.html", OPEN, "light", &theme_is_dark(false)).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn axe_finds_no_violation_in_the_dark_theme() {
    let b = Browser::start(1280, 1000).await;
    let attrs = format!(r#"{OPEN} data-theme="dark""#);
    audit_page(b, "/dark.html", &attrs, "dark", &theme_is_dark(true)).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn axe_finds_no_violation_in_spanish() {
    let b = Browser::start(1280, 1000).await;
    let attrs = format!(r#"{OPEN} data-lang="es""#);
    let spanish = format!(
        "return {}.getAttribute('lang') === 'es';",
        in_shadow("article")
    );
    audit_page(b, "/es.html", &attrs, "es", &spanish).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn axe_finds_no_violation_while_an_answer_loads_or_fails() {
    // The answers come after the first view: an answer opened before they are there says it is
    // loading, and offers "Try again" when their download fails. Both, in both themes.
    for theme in ["light", "dark"] {
        let attrs = format!(r#"data-view="qa" data-theme="{theme}""#);
        for (fault, state, css) in [
            (
                Fault::Delay(4000),
                "loading",
                ".se-qa__panel .se-pending[aria-busy='true']",
            ),
            (
                Fault::Status(500),
                "failed",
                ".se-qa__panel div.se-pending button",
            ),
        ] {
            let server = Server::with_faults(
                vec![axe_script(), page("/answers.html", &attrs)],
                vec![("/story.en.bin", fault, 1)],
            );
            let b = Browser::start(1280, 1000).await;
            load(&b, &server, "/answers.html").await;
            click(&b, ".se-qa__trigger").await;
            b.wait_until(&in_shadow(css), &format!("the answer {state}"))
                .await;
            let found = axe(&b, &format!("{theme}: an answer {state}")).await;
            b.close().await;
            assert_none(found);
        }
    }
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn axe_finds_no_violation_at_320_px_in_the_dark_theme() {
    // The narrow layout (table rows as cards) has its own colours and controls.
    let b = browser_at(320, 1.0).await;
    let attrs = format!(r#"{OPEN} data-theme="dark""#);
    let narrow = format!(
        "return window.innerWidth === 320 && {}.getAttribute('data-theme') === 'dark';",
        in_shadow("article")
    );
    audit_page(b, "/narrow.html", &attrs, "dark, 320 px", &narrow).await;
}

// ------------------------------------------------------------------------------------------
// Keyboard only

/// The focused element, through shadow roots, as seen by the keyboard user: where it is in
/// the widget's tab order (`window.__tabbables`), whether it is in the widget, and whether
/// its focus indicator is visible and contrasts (≥ 3:1) with what is behind it.
const FOCUS_JS: &str = r#"
const deep = () => { let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el; };
const el = deep();
const root = document.querySelector('#w').shadowRoot;
const rgb = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
const up = (n) => n.parentElement || (n.getRootNode() && n.getRootNode().host) || null;
const bg = (n) => { for (; n; n = up(n)) { const c = rgb(getComputedStyle(n).backgroundColor);
  if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
// The map's SVG shows its focus on its frame (the SVG's own outline would be clipped).
const ring = el && el.matches && el.matches('.se-map__svg') ? el.parentElement : el;
let indicator = null;
if (ring && ring.getRootNode() === root) {
  const s = getComputedStyle(ring);
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) {
    const behind = parseFloat(s.outlineOffset) < 0 ? bg(ring) : bg(up(ring));
    indicator = { kind: 'outline', contrast: ratio(rgb(s.outlineColor), behind) };
  } else if (s.boxShadow && s.boxShadow !== 'none') {
    const c = rgb(s.boxShadow);
    indicator = { kind: 'box-shadow', contrast: c ? ratio(c, bg(ring)) : 0 };
  }
}
const r = el && el.getBoundingClientRect ? el.getBoundingClientRect() : null;
return {
  inWidget: !!el && el.getRootNode() === root,
  id: el ? el.id : '',
  what: el ? (el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '').split(' ')[0] + ' "' +
    (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 50) + '"') : 'nothing',
  index: window.__tabbables ? window.__tabbables.indexOf(el) : -1,
  indicator,
  onScreen: !!r && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
};
"#;

/// Every control a Tab press should reach in the widget, in document order (one stop per radio
/// group), kept in `window.__tabbables`; returns their descriptions.
const TABBABLES_JS: &str = r#"
const root = document.querySelector('#w').shadowRoot;
const all = Array.from(root.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'));
window.__tabbables = all.filter((el) => {
  if (el.disabled) return false;
  const t = el.getAttribute('tabindex');
  if (t !== null && Number(t) < 0) return false;
  if (el.closest('[hidden]') || el.getClientRects().length === 0) return false;
  if (getComputedStyle(el).visibility === 'hidden') return false;
  if (el.type === 'radio') {
    const group = all.filter((x) => x.type === 'radio' && x.name === el.name);
    return el === (group.find((x) => x.checked) || group[0]);
  }
  return true;
});
return window.__tabbables.map((el) => el.tagName.toLowerCase() + '.' +
  (el.getAttribute('class') || '').split(' ')[0] + ' "' +
  (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 50) + '"');
"#;

const TAB: &str = "\u{E004}";
const SHIFT_TAB: &str = "\u{E008}\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const HOME: &str = "\u{E011}";
const RIGHT: &str = "\u{E014}";
const DOWN: &str = "\u{E015}";

/// Real key presses (WebDriver Element Send Keys) to the focused element, through shadow roots.
async fn press(b: &Browser, keys: &str) {
    let v = b
        .js("let el = document.activeElement;
             while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
             return [el];")
        .await;
    let id = v[0]["element-6066-11e4-a52e-4f735466cecf"]
        .as_str()
        .unwrap_or_else(|| panic!("no focused element: {v}"))
        .to_owned();
    let el = fantoccini::elements::Element::from_element_id(
        b.client.clone(),
        fantoccini::elements::ElementRef::from(id),
    );
    el.send_keys(keys).await.unwrap();
    // Let yew render and move focus.
    tokio::time::sleep(std::time::Duration::from_millis(60)).await;
}

async fn focus_info(b: &Browser) -> Value {
    b.js(FOCUS_JS).await
}

/// A focus stop inside the widget must show a focus indicator of at least 3:1 and be on screen.
fn check_indicator(info: &Value) {
    if info["inWidget"] != json!(true) {
        return;
    }
    let what = &info["what"];
    assert!(
        !info["indicator"].is_null(),
        "no visible focus indicator on {what}: {info}"
    );
    let contrast = info["indicator"]["contrast"].as_f64().unwrap_or(0.0);
    assert!(
        contrast >= 3.0,
        "the focus indicator of {what} contrasts {contrast:.2}:1 with its background (< 3:1)"
    );
    assert_eq!(
        info["onScreen"],
        json!(true),
        "{what} is focused but scrolled out of view"
    );
}

/// Tab (or Shift+Tab) until `done` (a JS expression on `el`, the focused element) is true,
/// checking every stop on the way; panics after `max` presses.
async fn tab_to(b: &Browser, keys: &str, done: &str, max: usize) -> Value {
    let test = format!(
        "let el = document.activeElement;
         while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
         try {{ return !!({done}); }} catch (e) {{ return false; }}"
    );
    let mut seen = Vec::new();
    for _ in 0..max {
        press(b, keys).await;
        let info = focus_info(b).await;
        check_indicator(&info);
        seen.push(info["what"].to_string());
        if b.js(&test).await == json!(true) {
            return info;
        }
    }
    panic!("{max} presses did not reach {done}; stops: {seen:#?}");
}

/// From the link before the widget, Tab through it to the link after: every control once, in
/// document order, each with a visible focus indicator; then Shift+Tab back out the top.
async fn walk_through(b: &Browser, when: &str) {
    let expected = b.js(TABBABLES_JS).await;
    let expected: Vec<String> = serde_json::from_value(expected).unwrap();
    b.js("document.querySelector('#before').focus(); return true;")
        .await;
    let mut stops = Vec::new();
    for _ in 0..expected.len() + 5 {
        press(b, TAB).await;
        let info = focus_info(b).await;
        if info["id"] == json!("after") {
            break;
        }
        check_indicator(&info);
        assert_eq!(
            info["inWidget"],
            json!(true),
            "{when}: Tab left the widget early at {}",
            info["what"]
        );
        stops.push(info["index"].as_i64().unwrap());
    }
    let order: Vec<i64> = (0..expected.len() as i64).collect();
    assert_eq!(
        stops, order,
        "{when}: Tab reaches every control once, in document order: {expected:#?}"
    );
    assert_eq!(
        focus_info(b).await["id"],
        json!("after"),
        "{when}: Tab leaves the widget after its last control (no trap)"
    );
    // And back: Shift+Tab through the widget to the link before it.
    let mut back = Vec::new();
    for _ in 0..expected.len() + 5 {
        press(b, SHIFT_TAB).await;
        let info = focus_info(b).await;
        if info["id"] == json!("before") {
            break;
        }
        back.push(info["index"].as_i64().unwrap());
    }
    let reversed: Vec<i64> = order.iter().rev().copied().collect();
    assert_eq!(back, reversed, "{when}: Shift+Tab goes back the same way");
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn keyboard_only_walk_through() {
    let server = Server::start(vec![axe_script(), page("/keys.html", "")]);
    let b = Browser::start(1280, 900).await;
    load(&b, &server, "/keys.html").await;
    b.wait_until(&in_shadow("[data-jurisdiction='06']"), "the states")
        .await;
    let expanded = |i: usize| {
        format!(
            "{}.getAttribute('aria-expanded') === 'true'",
            format_args!(
                "document.querySelector('#w').shadowRoot.querySelectorAll('.se-qa__trigger')[{i}]"
            )
        )
    };

    // 1. Every control, in order, and out again; also with a question open.
    walk_through(&b, "at start").await;

    // 2. The Q&A: Tab to the first question, Enter opens it; "next question" opens the next
    //    and moves there; Down moves between questions.
    b.js("document.querySelector('#before').focus(); return true;")
        .await;
    tab_to(&b, TAB, "el.classList.contains('se-qa__trigger')", 10).await;
    press(&b, ENTER).await;
    b.wait_until(&expanded(0), "Enter to open the first question")
        .await;
    walk_through(&b, "a question open").await;
    b.js(&format!(
        "{}.focus(); return true;",
        in_shadow(".se-qa__trigger")
    ))
    .await;
    tab_to(&b, TAB, "el.classList.contains('se-qa__next')", 20).await;
    press(&b, ENTER).await;
    b.wait_until(&expanded(1), "\"Next question\" to open the second")
        .await;
    let info = focus_info(&b).await;
    assert!(
        info["what"].as_str().unwrap().contains("se-qa__trigger"),
        "focus moves to the next question: {info}"
    );
    press(&b, DOWN).await;
    assert_eq!(
        b.js("const r = document.querySelector('#w').shadowRoot;
              return Array.from(r.querySelectorAll('.se-qa__trigger')).indexOf(r.activeElement);")
            .await,
        json!(2),
        "Down moves to the third question"
    );

    // 3. The table: Space on "Table", Enter on a sort button, Enter on a row's name.
    tab_to(
        &b,
        TAB,
        "el.classList.contains('se-switch__btn') && el.nextElementSibling === null",
        60,
    )
    .await;
    press(&b, " ").await;
    b.wait_until(&in_shadow(".se-table__row"), "Space to show the table")
        .await;
    // The kind filter is one radio group: Tab to it, Right arrow to "States".
    tab_to(&b, TAB, "el.type === 'radio' && el.checked", 5).await;
    press(&b, RIGHT).await;
    b.wait_until(
        &format!(
            "{}.value === 'state' && document.querySelector('#w').shadowRoot.querySelectorAll('.se-table__row:not([hidden])').length === 51",
            in_shadow("input[type=radio]:checked")
        ),
        "Right to filter the table to states",
    )
    .await;
    let sort = tab_to(&b, TAB, "el.classList.contains('se-sort')", 10).await;
    let before = b
        .js(&format!(
            "return {}.closest('th').getAttribute('aria-sort');",
            in_shadow(".se-sort")
        ))
        .await;
    press(&b, ENTER).await;
    let after = b
        .js(&format!(
            "return {}.closest('th').getAttribute('aria-sort');",
            in_shadow(".se-sort")
        ))
        .await;
    assert_ne!(before, after, "Enter on {} sorts the column", sort["what"]);
    assert_ne!(after, Value::Null);
    // The first row's name: a state's details.
    tab_to(&b, TAB, "el.classList.contains('se-table__name')", 10).await;
    let row = b
        .js(&format!(
            "return {}.closest('tr').dataset.id;",
            in_shadow(".se-table__row:not([hidden]) .se-table__name")
        ))
        .await;
    press(&b, ENTER).await;
    b.wait_until(
        &in_shadow("#se-detail-title"),
        "Enter on a row's name to show its details",
    )
    .await;
    assert_eq!(
        b.js(&format!(
            "return {}.dataset.id;",
            in_shadow(".se-table__row[aria-current]")
        ))
        .await,
        row,
        "the row is selected"
    );
    let info = focus_info(&b).await;
    assert_eq!(
        info["id"],
        json!("se-detail-title"),
        "focus moves to the details"
    );

    // 4. Back to the map (Shift+Tab up to "Map", Enter), arrows move, Enter selects.
    tab_to(
        &b,
        SHIFT_TAB,
        "el.classList.contains('se-switch__btn') && el.previousElementSibling === null",
        400,
    )
    .await;
    press(&b, ENTER).await;
    b.wait_until(
        &in_shadow(".se-map__svg [data-jurisdiction]"),
        "the map again",
    )
    .await;
    tab_to(&b, TAB, "el.classList.contains('se-map__svg')", 5).await;
    let active = || {
        format!(
            "return {}.getAttribute('aria-activedescendant');",
            in_shadow(".se-map__svg")
        )
    };
    let start = b.js(&active()).await;
    assert!(
        start.is_string(),
        "the map has an active place when focused"
    );
    press(&b, RIGHT).await;
    assert_ne!(b.js(&active()).await, start, "Right moves to another place");
    press(&b, HOME).await;
    assert_eq!(
        b.js(&active()).await,
        json!("se-j-01"),
        "Home: the first place by name"
    );
    press(&b, ENTER).await;
    b.wait_until(
        &format!(
            "{}.textContent === 'Alabama'",
            in_shadow("#se-detail-title")
        ),
        "Enter to select Alabama",
    )
    .await;

    // 5. "Show counties and cities" by keyboard; focus returns to the map; Escape backs out.
    tab_to(&b, TAB, "el.classList.contains('se-detail__zoom')", 10).await;
    press(&b, ENTER).await;
    b.wait_until(
        &in_shadow("[data-jurisdiction='01001']"),
        "Alabama's counties",
    )
    .await;
    let info = focus_info(&b).await;
    assert!(
        info["what"]
            .as_str()
            .unwrap()
            .starts_with("svg.se-map__svg"),
        "focus is on the zoomed map: {info}"
    );
    check_indicator(&info);
    press(&b, DOWN).await;
    press(&b, ENTER).await;
    b.wait_until(
        &format!(
            "{}.textContent !== 'Alabama'",
            in_shadow("#se-detail-title")
        ),
        "Enter to select a county",
    )
    .await;
    walk_through(&b, "zoomed in, a county's detail open").await;
    b.js(&format!(
        "{}.focus(); return true;",
        in_shadow(".se-map__svg")
    ))
    .await;
    for _ in 0..3 {
        if b.js(&format!("return !{};", in_shadow(".se-map__zoombar")))
            .await
            == json!(true)
        {
            break;
        }
        press(&b, ESCAPE).await;
        let info = focus_info(&b).await;
        assert!(
            info["what"]
                .as_str()
                .unwrap()
                .starts_with("svg.se-map__svg"),
            "focus stays on the map after Escape: {info}"
        );
    }
    b.wait_until(
        &format!(
            "!{} && {}",
            in_shadow(".se-map__zoombar"),
            in_shadow("[data-jurisdiction='48']")
        ),
        "Escape to go back to the national map",
    )
    .await;
    let info = focus_info(&b).await;
    assert!(
        info["what"]
            .as_str()
            .unwrap()
            .starts_with("svg.se-map__svg"),
        "focus stays on the map: {info}"
    );
    // No trap: Tab leaves the widget.
    tab_to(&b, TAB, "el.id === 'after'", 40).await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn keyboard_focus_is_visible_in_the_dark_theme() {
    let server = Server::start(vec![
        axe_script(),
        page("/dark-keys.html", &format!(r#"{OPEN} data-theme="dark""#)),
    ]);
    let b = Browser::start(1280, 900).await;
    load(&b, &server, "/dark-keys.html").await;
    b.wait_until(&in_shadow("[data-jurisdiction='06']"), "the states")
        .await;
    walk_through(&b, "dark, a question open").await;
    pick(&b, "06").await;
    b.wait_until(&in_shadow(".se-detail__zoom"), "California's detail")
        .await;
    walk_through(&b, "dark, a state's detail open").await;
    b.click_nth("#w", ".se-switch__btn", 1).await;
    b.wait_until(&in_shadow(".se-table__row"), "the table")
        .await;
    // States only (51 rows), to keep the walk short.
    click(&b, "input[type=radio][value=state]").await;
    b.wait_until(
        "document.querySelector('#w').shadowRoot.querySelectorAll('.se-table__row:not([hidden])').length === 51",
        "the states in the table",
    )
    .await;
    walk_through(&b, "dark, the table").await;
    b.close().await;
}

// ------------------------------------------------------------------------------------------
// Reflow and zoom

/// Horizontal overflow of the page and of the widget, and clipped text in the shadow root.
const REFLOW_JS: &str = r#"
const host = document.querySelector('#w');
const root = host.shadowRoot;
const box = host.getBoundingClientRect();
const problems = [];
const page = document.documentElement;
if (page.scrollWidth > Math.min(window.innerWidth, page.clientWidth))
  problems.push('the page scrolls sideways: ' + page.scrollWidth + ' > ' + page.clientWidth);
const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\s+/).join('.') : '') +
  ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
// Visually hidden on purpose (text for screen readers only): a 1 px box.
const hidden = (el) => el.closest('.se-vh, .se-live, [hidden]') ||
  (el.clientWidth <= 1 && el.clientHeight <= 1 && /hidden|clip/.test(getComputedStyle(el).overflow));
for (const el of root.querySelectorAll('*')) {
  if (hidden(el)) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  // What is drawn: the box, cut by every ancestor that clips (an SVG viewport, a frame).
  let left = r.left, right = r.right;
  for (let a = el.parentElement; a; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') {
      const c = a.getBoundingClientRect();
      left = Math.max(left, c.left); right = Math.min(right, c.right);
    }
  }
  if (right > left && (left < box.left - 1 || right > box.right + 1))
    problems.push(name(el) + ' spans ' + Math.round(left) + '..' + Math.round(right) +
      ', outside the widget ' + Math.round(box.left) + '..' + Math.round(box.right));
  const s = getComputedStyle(el);
  const clips = /hidden|clip|auto|scroll/.test(s.overflowX) || /hidden|clip/.test(s.overflow);
  if (clips && el.scrollWidth > el.clientWidth + 1 && (el.textContent || '').trim())
    problems.push(name(el) + ' clips its content: ' + el.scrollWidth + ' > ' + el.clientWidth);
}
return { width: window.innerWidth, problems };
"#;

async fn reflow(b: &Browser, step: &str, width: u32, zoom: f64) -> Vec<String> {
    let v = b.js(REFLOW_JS).await;
    assert_eq!(
        b.js("return window.devicePixelRatio;").await.as_f64(),
        Some(zoom),
        "the zoom is {zoom}"
    );
    assert_eq!(
        v["width"],
        json!(width),
        "the viewport is {width} CSS px wide"
    );
    v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("[{width} px, {step}] {}", p.as_str().unwrap()))
        .collect()
}

async fn reflow_at(width: u32, zoom: f64, attrs: &str) -> Vec<String> {
    let server = Server::start(vec![axe_script(), page("/reflow.html", attrs)]);
    let b = browser_at(width, zoom).await;
    load(&b, &server, "/reflow.html").await;
    b.wait_until(&in_shadow("[data-jurisdiction='06']"), "the states")
        .await;
    let mut found = reflow(&b, "a question open", width, zoom).await;

    // "Show on the map" for a city: zoomed into its state, the city's detail (with the state's
    // layer); then a county's detail; then a state's on the national map.
    click(&b, ".se-qa__item[data-open] .se-chip").await;
    b.wait_until(
        &format!(
            "{} && {}",
            in_shadow("#se-detail-title"),
            in_shadow("[data-jurisdiction='06037']")
        ),
        "the city's detail, zoomed into its state",
    )
    .await;
    found.extend(reflow(&b, "zoomed in, a city's detail open", width, zoom).await);
    pick(&b, "06037").await;
    b.wait_until(
        &format!(
            "/Los [AÁ]ngeles/.test({}.textContent) && !{}",
            in_shadow("#se-detail-title"),
            in_shadow(".se-detail__zoom")
        ),
        "Los Angeles County's detail",
    )
    .await;
    found.extend(reflow(&b, "zoomed in, a county's detail open", width, zoom).await);
    click(&b, ".se-map__zoombar .se-button").await;
    b.wait_until(&in_shadow("[data-jurisdiction='06']"), "the states")
        .await;
    pick(&b, "06").await;
    b.wait_until(&in_shadow(".se-detail__zoom"), "California's detail")
        .await;
    found.extend(reflow(&b, "the map, a state's detail open", width, zoom).await);

    // The table, with a row's detail open.
    b.click_nth("#w", ".se-switch__btn", 1).await;
    b.wait_until(&in_shadow(".se-table__row"), "the table")
        .await;
    found.extend(reflow(&b, "the table", width, zoom).await);
    click(&b, ".se-table__row[data-id='06'] .se-table__name").await;
    b.wait_until(
        &format!(
            "{}.textContent === 'California'",
            in_shadow("#se-detail-title")
        ),
        "California's detail from the table",
    )
    .await;
    found.extend(reflow(&b, "the table, a row's detail open", width, zoom).await);
    b.close().await;
    found
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn reflows_at_320_css_px() {
    let mut found = reflow_at(320, 1.0, OPEN).await;
    found.extend(
        reflow_at(
            320,
            1.0,
            &format!(r#"{OPEN} data-lang="es" data-theme="dark""#),
        )
        .await,
    );
    assert_none(found);
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn reflows_at_1280_px_zoomed_to_200_percent() {
    // 1280 px at 200% zoom is a 640 CSS px layout viewport.
    let mut found = reflow_at(640, 2.0, OPEN).await;
    found.extend(reflow_at(640, 2.0, &format!(r#"{OPEN} data-lang="es""#)).await);
    assert_none(found);
}
