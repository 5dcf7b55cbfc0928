//! End to end, as a news site uses it: strict CSP, hostile page CSS, several configured widgets,
//! no layout shift, lazy start, options and their warnings, events, deep links, the JS API and a
//! newsroom's own content file. Run by `cargo xtask test` (which builds dist/ first).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{in_shadow, Browser, Page, Server};

/// The wasm's request path (a content-hashed name: see `support::asset`).
fn wasm() -> String {
    support::asset("sanctuary_explainer_bg", "wasm")
}

/// The CSP line from EMBEDDING.md: no inline script, no inline style.
const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/// Records what the tests read: ready events, every widget event, CSP violations, layout
/// shifts and console warnings. An external file, since the CSP forbids inline scripts.
const PROBE: &str = r##"
window.__probe = { ready: [], events: [], violations: [], shifts: [], warnings: [] };
document.addEventListener("securitypolicyviolation", function (e) {
  window.__probe.violations.push(e.violatedDirective + " " + e.blockedURI);
});
["ready", "question", "jurisdiction", "language"].forEach(function (name) {
  document.addEventListener("sanctuary-explainer:" + name, function (e) {
    if (name === "ready") window.__probe.ready.push(e.target.id);
    else window.__probe.events.push({ type: name, target: e.target.id, detail: e.detail });
  });
});
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    if (e.hadRecentInput) return;
    var what = (e.sources || []).map(function (s) {
      return s.node ? (s.node.nodeName + "#" + (s.node.id || "") + " " + JSON.stringify(s.previousRect) + "->" + JSON.stringify(s.currentRect)) : "?";
    });
    window.__probe.shifts.push({ value: e.value, sources: what });
  });
}).observe({ type: "layout-shift", buffered: true });
window.__probe.copied = [];
if (navigator.clipboard) {
  navigator.clipboard.writeText = function (text) { window.__probe.copied.push(text); return Promise.resolve(); };
}
window.__probe.errors = [];
var error = console.error;
console.error = function () {
  window.__probe.errors.push(Array.prototype.join.call(arguments, " "));
  return error.apply(console, arguments);
};
var warn = console.warn;
console.warn = function () {
  window.__probe.warnings.push(Array.prototype.join.call(arguments, " "));
  return warn.apply(console, arguments);
};
"##;

/// Everything a careless global stylesheet does to text and controls.
const HOSTILE_CSS: &str = r#"
* { font-family: "Comic Sans MS", cursive !important; letter-spacing: 3px !important; }
html, body { font-size: 24px !important; line-height: 3 !important; color: #f0f !important;
             text-align: right !important; direction: rtl; text-transform: uppercase !important;
             word-spacing: 12px !important; font-style: italic !important; font-weight: 900 !important; }
div { text-indent: 40px !important; white-space: pre !important; }
button { background: yellow !important; border: 5px dashed red !important; }
"#;

fn page(body: &str, css: bool) -> String {
    let css = if css {
        r#"<link rel="stylesheet" href="/hostile.css">"#
    } else {
        ""
    };
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test</title>{css}
<script src="/probe.js"></script></head><body>{body}
<script async src="/sanctuary-explainer/embed.js"></script></body></html>"#
    )
}

fn files(pages: Vec<Page>) -> Vec<Page> {
    let mut all = vec![
        Page::js("/probe.js", PROBE),
        Page::css("/hostile.css", HOSTILE_CSS),
    ];
    all.extend(pages);
    all
}

async fn probe(b: &Browser, what: &str) -> Value {
    b.js(&format!("return window.__probe.{what};")).await
}

const THREE: &str = r#"
<h1>Three explainers</h1>
<div id="map" data-sanctuary-explainer data-lang="en" data-view="map"></div>
<div id="qa" data-sanctuary-explainer data-lang="es" data-view="qa"></div>
<div id="dark" data-sanctuary-explainer data-theme="dark" data-view="both"></div>
"#;

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_trusted_types_page_keeps_its_text_or_gets_the_message_unless_its_policy_allows() {
    const TT: &str = "require-trusted-types-for 'script'";
    const TWO: &str = r#"<div id="plain" data-sanctuary-explainer data-view="qa"></div>
<div id="fallback" data-sanctuary-explainer data-view="qa"><p id="static-text">The static text.</p></div>"#;
    // The page's own default policy, which lets markup through.
    const POLICY: &str =
        "trustedTypes.createPolicy('default', { createHTML: function (s) { return s; } });";
    let server = Server::start(files(vec![
        Page::html("/tt.html", page(TWO, false)).header("Content-Security-Policy", TT),
        Page::js("/policy.js", POLICY),
        Page::html(
            "/tt-policy.html",
            page(TWO, false).replace(
                "<script src=\"/probe.js\"></script>",
                "<script src=\"/probe.js\"></script><script src=\"/policy.js\"></script>",
            ),
        )
        .header("Content-Security-Policy", TT),
    ]));
    let b = Browser::start(1024, 2000).await;
    b.client.goto(&server.url("/tt.html")).await.unwrap();
    b.wait_until(
        &in_shadow("#plain", ".se-load-error[role='alert'] button"),
        "the message and its retry",
    )
    .await;
    assert_eq!(
        b.js("return document.getElementById('static-text') !== null && !document.getElementById('fallback').shadowRoot;")
            .await,
        json!(true),
        "the static fallback stays as it is"
    );
    let errors = probe(&b, "errors").await;
    let errors = errors.as_array().unwrap();
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.as_str().unwrap_or("").contains("Trusted Types"))
            .count(),
        1,
        "one console message says why: {errors:?}"
    );
    assert_eq!(server.count(&wasm()), 0, "nothing downloaded for nothing");
    b.close().await;

    let b = Browser::start(1024, 2000).await;
    b.client.goto(&server.url("/tt-policy.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 2", "both widgets")
        .await;
    b.open_first_question("#plain").await;
    assert_eq!(probe(&b, "errors").await, json!([]));
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn three_widgets_on_a_strict_csp_page_with_hostile_css() {
    let server = Server::start(files(vec![
        Page::html("/three.html", page(THREE, true)).header("Content-Security-Policy", CSP)
    ]));
    let b = Browser::start(1280, 4000).await;
    b.client.goto(&server.url("/three.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 3", "three widgets")
        .await;
    b.wait_until(
        &in_shadow("#map", "[data-jurisdiction='06']"),
        "the map's states",
    )
    .await;
    assert_eq!(server.count(&wasm()), 1, "one wasm for three widgets");

    // English map only; Spanish Q&A only; dark with both.
    assert_eq!(
        b.js(&format!("return !!{};", in_shadow("#map", ".se-qa")))
            .await,
        json!(false)
    );
    let es_title = b.text("#qa", ".se-title").await;
    let es = b
        .js(&format!(
            "return {}.getAttribute('lang');",
            in_shadow("#qa", "article")
        ))
        .await;
    assert_eq!(
        es,
        json!("es"),
        "the Spanish widget is in Spanish: {es_title}"
    );
    assert_eq!(
        b.js(&format!("return !!{};", in_shadow("#qa", ".se-map")))
            .await,
        json!(false)
    );
    let dark_bg = b.style("#dark", "article", "backgroundColor").await;
    assert_eq!(dark_bg, "rgb(22, 22, 22)", "the dark theme is dark");

    // Interact in each, then check the page's CSP and layout record.
    b.click_nth("#qa", ".se-qa__trigger", 0).await;
    b.click_nth("#map", "[data-jurisdiction='06']", 0).await;
    b.wait_until(&in_shadow("#map", "#se-detail-title"), "the detail panel")
        .await;
    assert_eq!(probe(&b, "violations").await, json!([]), "no CSP violation");
    let shifts = probe(&b, "shifts").await;
    let cls: f64 = shifts
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_f64)
        .sum();
    assert_eq!(cls, 0.0, "no layout shift: {shifts}");
    // The data-content validator is a second wasm that pages without data-content never fetch.
    let requests = server.requests();
    assert!(
        requests
            .iter()
            .any(|r| r.contains("/sanctuary_explainer_bg."))
            && !requests.iter().any(|r| r.contains("sanctuary_validator")),
        "{requests:?}"
    );
    b.close().await;
}

/// Computed styles of the widget's text and controls.
async fn widget_styles(b: &Browser) -> Value {
    b.js("const r = document.querySelector('#w').shadowRoot;
         const pick = (el) => { const s = getComputedStyle(el);
           return [s.fontFamily, s.fontSize, s.lineHeight, s.color, s.letterSpacing, s.textAlign,
                   s.direction, s.textTransform, s.wordSpacing, s.fontStyle, s.fontWeight,
                   s.textIndent, s.whiteSpace, s.backgroundColor, s.borderTopStyle].join('|'); };
         return ['.se-title', '.se-dek', '.se-qa__trigger', '.se-qa__all', '.se-switch__btn',
                 '.se-legend__item', '.se-credit'].map((c) => c + ' ' + pick(r.querySelector(c)));")
        .await
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn host_css_does_not_change_the_widget_and_the_widget_css_does_not_leak() {
    let body = r#"<p id="before">Host text before.</p><div id="w" data-sanctuary-explainer></div>
<button id="host-button">Host button</button><p class="se-title">A host element with a widget class name</p>"#;
    let server = Server::start(files(vec![
        Page::html("/clean.html", page(body, false)),
        Page::html("/hostile.html", page(body, true)),
    ]));
    let b = Browser::start(1024, 2000).await;
    let host_styles = "const s = (q) => getComputedStyle(document.querySelector(q));
        return [s('#before').fontSize, s('#host-button').backgroundColor, s('p.se-title').fontFamily,
                s('p.se-title').fontSize].join('|');";

    b.client.goto(&server.url("/clean.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 1", "the widget")
        .await;
    let clean = widget_styles(&b).await;
    let clean_host = b.js(host_styles).await;

    b.client.goto(&server.url("/hostile.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 1", "the widget")
        .await;
    let hostile = widget_styles(&b).await;
    assert_eq!(
        clean, hostile,
        "the host page's CSS reaches into the widget"
    );

    // And the other way: the widget's CSS does not style the host page, even its
    // elements that share a class name with the widget.
    b.client.goto(&server.url("/clean.html")).await.unwrap();
    let bare = Server::start(vec![Page::html(
        "/bare.html",
        format!("<!doctype html><html><body>{body}</body></html>"),
    )]);
    b.client.goto(&bare.url("/bare.html")).await.unwrap();
    let bare_host = b.js(host_styles).await;
    assert_eq!(
        clean_host, bare_host,
        "the widget's CSS leaks into the page"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_wasm_loads_only_when_a_placeholder_nears_the_viewport() {
    let body = r#"<h1>Long article</h1><div style="height:6000px">Text</div>
<div id="far" data-sanctuary-explainer data-view="qa"></div>"#;
    let server = Server::start(files(vec![Page::html("/long.html", page(body, false))]));
    let b = Browser::start(1024, 800).await;
    b.client.goto(&server.url("/long.html")).await.unwrap();
    b.wait_until(
        "window.SanctuaryExplainer && document.readyState === 'complete'",
        "the page",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        server.count(&wasm()),
        0,
        "nothing loads for a placeholder six screens down"
    );
    let reserved = b
        .js("return document.querySelector('#far').style.minHeight;")
        .await;
    assert_ne!(
        reserved,
        json!(""),
        "its space is reserved before the wasm arrives"
    );
    b.js("window.scrollTo(0, 5000); return true;").await;
    b.wait_until(
        "window.__probe.ready.length >= 1",
        "the widget after scrolling",
    )
    .await;
    assert_eq!(server.count(&wasm()), 1);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn invalid_options_warn_and_fall_back_to_defaults() {
    let body = r##"<div id="w" data-sanctuary-explainer data-view="maps" data-theme="neon" data-lang="fr"
    data-accent="#ffff00" data-open="no-such-question"></div>"##;
    let server = Server::start(files(vec![Page::html("/bad.html", page(body, false))]));
    let b = Browser::start(1024, 2000).await;
    b.client.goto(&server.url("/bad.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 1", "the widget")
        .await;
    let warnings = probe(&b, "warnings").await.to_string();
    for attr in [
        "data-view=\\\"maps\\\"",
        "data-theme=\\\"neon\\\"",
        "data-lang=\\\"fr\\\"",
        "data-accent",
        "data-open",
    ] {
        assert!(
            warnings.contains(attr),
            "a warning names {attr}: {warnings}"
        );
    }
    assert!(
        warnings.contains("accepted values: qa, map, both"),
        "{warnings}"
    );
    // The defaults: both views, English, light, nothing open.
    assert_eq!(
        b.js(&format!(
            "return !!({} && {});",
            in_shadow("#w", ".se-qa"),
            in_shadow("#w", ".se-map")
        ))
        .await,
        json!(true)
    );
    assert_eq!(
        b.js(&format!(
            "return {}.getAttribute('lang');",
            in_shadow("#w", "article")
        ))
        .await,
        json!("en")
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn events_deep_links_and_the_language_switch() {
    let body = r#"<div id="w" data-sanctuary-explainer></div>"#;
    let server = Server::start(files(vec![Page::html("/events.html", page(body, false))]));
    let b = Browser::start(1024, 2000).await;
    b.client.goto(&server.url("/events.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 1", "the widget")
        .await;
    b.wait_until(&in_shadow("#w", "[data-jurisdiction='06']"), "the states")
        .await;

    let q = b.shadow_all("#w", ".se-qa__trigger").await;
    q[1].click().await.unwrap();
    b.wait_until("window.__probe.events.length >= 1", "a question event")
        .await;
    let qid = b.js("return window.__probe.events[0].detail.id;").await;
    assert_eq!(
        b.js("return window.__probe.events[0].type;").await,
        json!("question")
    );
    assert_eq!(
        b.js("return window.__probe.events[0].detail.open;").await,
        json!(true)
    );
    let hash = b.js("return location.hash;").await;
    assert_eq!(
        hash,
        json!(format!(
            "#sanctuary-explainer=w/q/{}",
            qid.as_str().unwrap()
        ))
    );

    b.click_nth("#w", "[data-jurisdiction='48']", 0).await;
    b.wait_until(
        "window.__probe.events.some((e) => e.type === 'jurisdiction')",
        "a jurisdiction event",
    )
    .await;
    assert_eq!(
        b.js("return window.__probe.events.find((e) => e.type === 'jurisdiction').detail.id;")
            .await,
        json!("48")
    );
    assert_eq!(
        b.js("return location.hash;").await,
        json!("#sanctuary-explainer=w/j/48")
    );

    // A shared link restores the selection.
    b.js("location.reload(); return true;").await;
    b.wait_until(
        "window.__probe && window.__probe.ready.length >= 1",
        "the widget after reload",
    )
    .await;
    b.wait_until(
        &format!(
            "{}.textContent === 'Texas'",
            in_shadow("#w", "#se-detail-title")
        ),
        "Texas restored from the link",
    )
    .await;

    // The language switch.
    let es = b.shadow_all("#w", ".se-lang__btn[lang='es']").await;
    es[0].click().await.unwrap();
    b.wait_until(
        &format!(
            "{}.getAttribute('lang') === 'es'",
            in_shadow("#w", "article")
        ),
        "Spanish",
    )
    .await;
    b.wait_until(
        "window.__probe.events.some((e) => e.type === 'language' && e.detail.lang === 'es')",
        "a language event",
    )
    .await;
    // Spanish was fetched for the switch, once; back to English needs nothing new.
    let es_file = format!("{}story.es.bin", support::content_dir());
    assert_eq!(server.count(&es_file), 1, "{:?}", server.requests());
    let en = b.shadow_all("#w", ".se-lang__btn[lang='en']").await;
    en[0].click().await.unwrap();
    es[0].click().await.unwrap();
    b.wait_until(
        "window.__probe.events.filter((e) => e.type === 'language').length === 3",
        "two more switches",
    )
    .await;
    assert_eq!(server.count(&es_file), 1, "{:?}", server.requests());
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_js_api_and_placeholders_added_later() {
    let body = r#"<div id="slot"></div>"#;
    let server = Server::start(files(vec![Page::html("/spa.html", page(body, false))]));
    let b = Browser::start(1024, 2000).await;
    b.client.goto(&server.url("/spa.html")).await.unwrap();
    b.wait_until("window.SanctuaryExplainer", "the API").await;
    b.js("const el = document.createElement('div'); el.id = 'api';
          document.querySelector('#slot').append(el);
          window.SanctuaryExplainer.mount(el, { lang: 'es', view: 'qa' }); return true;")
        .await;
    b.wait_until(
        "window.__probe.ready.includes('api')",
        "the API-mounted widget",
    )
    .await;
    assert_eq!(
        b.js(&format!(
            "return {}.getAttribute('lang');",
            in_shadow("#api", "article")
        ))
        .await,
        json!("es")
    );

    // A placeholder added by the page later mounts by itself.
    b.js("const el = document.createElement('div'); el.id = 'late';
          el.setAttribute('data-sanctuary-explainer', ''); el.setAttribute('data-view', 'qa');
          document.body.prepend(el); return true;")
        .await;
    b.wait_until(
        "window.__probe.ready.includes('late')",
        "the late placeholder",
    )
    .await;

    b.js("window.SanctuaryExplainer.unmount(document.querySelector('#api')); return true;")
        .await;
    assert_eq!(
        b.js("return document.querySelector('#api').shadowRoot.childElementCount;")
            .await,
        json!(0)
    );
    assert_eq!(server.count(&wasm()), 1);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_newsroom_content_file_replaces_the_story_and_its_errors_are_shown() {
    let story = json!({
        "id": "our-story", "lang": "en", "title": "Our own explainer", "as_of": "2025-01-02",
        "questions": [{ "id": "one", "question": "What is this?", "answer": "Our answer.", "sources": ["s"] }],
        "sources": [{ "id": "s", "publisher": "Our Paper", "title": "Our report", "date": "2025-01-02" }]
    });
    let broken = r#"{ "id": "bad", "lang": "en", "title": "", "as_of": "2025-01-02",
  "questions": [{ "id": "one", "question": "Q?", "answer": "A.", "sources": ["missing"] }],
  "sources": [] }"#;
    let body = r#"<div id="good" data-sanctuary-explainer data-view="qa" data-content="/ours.json"></div>
<div id="bad" data-sanctuary-explainer data-view="qa" data-content="/broken.json"></div>
<div id="gone" data-sanctuary-explainer data-view="qa" data-content="/missing.json"></div>"#;
    let server = Server::start(files(vec![
        Page::html("/content.html", page(body, false)),
        Page::json("/ours.json", story.to_string()),
        Page::json("/broken.json", broken),
    ]));
    let b = Browser::start(1024, 2000).await;
    b.client.goto(&server.url("/content.html")).await.unwrap();
    b.wait_until(
        "window.__probe.ready.includes('good')",
        "the newsroom's explainer",
    )
    .await;
    assert_eq!(b.text("#good", ".se-title").await, "Our own explainer");
    b.wait_until(&in_shadow("#bad", ".se-error"), "the error box")
        .await;
    let text = b.text("#bad", ".se-error").await;
    assert!(text.contains("title: must not be empty"), "{text}");
    assert!(
        text.contains("questions[0].sources[0]: unknown source \"missing\""),
        "{text}"
    );
    // A file that is not there: the box names it and why.
    b.wait_until(&in_shadow("#gone", ".se-error"), "the missing file's box")
        .await;
    let text = b.text("#gone", ".se-error").await;
    assert!(
        text.contains("could not download the content file /missing.json: HTTP 404"),
        "{text}"
    );
    // The validator wasm was fetched once, for all the widgets; no geometry for Q&A-only widgets.
    let requests = server.requests();
    assert!(
        !requests.iter().any(|r| r.ends_with("/states.bin")),
        "{requests:?}"
    );
    assert_eq!(
        requests
            .iter()
            .filter(|r| r.contains("/sanctuary_validator_bg."))
            .count(),
        1,
        "{requests:?}"
    );
    // Both widgets bring their own story: none of ours is fetched.
    assert!(
        !requests.iter().any(|r| r.contains("/story.")),
        "{requests:?}"
    );
    // The widget asked for nothing but its own directory and the content files.
    for r in requests {
        assert!(
            r.starts_with("/sanctuary-explainer/")
                || [
                    "/content.html",
                    "/probe.js",
                    "/ours.json",
                    "/broken.json",
                    "/missing.json",
                    "/hostile.css",
                    "/favicon.ico"
                ]
                .contains(&r.as_str()),
            "unexpected request {r}"
        );
    }
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_newsroom_data_file_brings_its_own_laws_to_the_panel_and_the_table() {
    // Our data as a newsroom's JSON file, with California's law renamed and a payload in it.
    let mut data = (*sanctuary_explainer::bundle::default_dataset()).clone();
    let ca = data
        .jurisdictions
        .iter_mut()
        .find(|j| j.id == "06")
        .unwrap();
    ca.policies[0].law = "Our State Act <img src=x onerror=alert(1)>".into();
    ca.policies[0].summary_es = Some("Nuestro resumen.".into());
    for j in &mut data.jurisdictions {
        // Points are worked out when content is packed; a content file gives lon and lat.
        j.at = None;
    }
    let json = serde_json::to_string(&data).unwrap();
    let body = r#"<div id="w" data-sanctuary-explainer data-view="map" data-content="/our-data.json"></div>"#;
    let server = Server::start(files(vec![
        Page::html("/data.html", page(body, false)),
        Page::json("/our-data.json", json),
    ]));
    let b = Browser::start(1024, 2400).await;
    b.client.goto(&server.url("/data.html")).await.unwrap();
    b.wait_until(&in_shadow("#w", "[data-jurisdiction='06']"), "the map")
        .await;
    b.click_nth("#w", "[data-jurisdiction='06']", 0).await;
    b.wait_until(
        &in_shadow("#w", ".se-detail .se-policy"),
        "California's laws",
    )
    .await;
    assert_eq!(
        b.text("#w", ".se-detail .se-policy__name").await,
        "Our State Act <img src=x onerror=alert(1)>",
        "the file's law, as text"
    );
    assert_eq!(
        b.style("#w", ".se-layer[data-layer=own]", "borderTopStyle")
            .await,
        "solid",
        "the validator's panels bring the laws' rules"
    );
    b.click_nth("#w", ".se-switch__btn", 1).await;
    b.wait_until(
        &in_shadow("#w", ".se-table__row[data-id='06']"),
        "the table",
    )
    .await;
    assert!(b
        .text("#w", ".se-table__row[data-id='06'] .se-table__law")
        .await
        .starts_with("Our State Act"));
    assert_eq!(
        b.js("return document.querySelector('#w').shadowRoot.querySelectorAll('img').length;")
            .await,
        json!(0),
        "nothing in the file became markup"
    );
    // In Spanish: the panels the validator wrote in Spanish.
    b.click_nth("#w", ".se-lang__btn", 1).await;
    b.wait_until(
        "document.querySelector('#w').shadowRoot.querySelector('.se-table__count').textContent.startsWith('Se muestran')",
        "the table in Spanish",
    )
    .await;
    b.click_nth("#w", ".se-switch__btn", 0).await;
    b.click_nth("#w", "[data-jurisdiction='06']", 0).await;
    b.wait_until(
        "document.querySelector('#w').shadowRoot.querySelector('.se-policy__summary')?.textContent === 'Nuestro resumen.'",
        "the Spanish summary",
    )
    .await;
    // The panels came from the validator: none of ours was fetched.
    let requests = server.requests();
    assert!(
        !requests.iter().any(|r| r.contains("/panels.")),
        "{requests:?}"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn print_shows_every_answer_the_map_and_the_sources_as_text() {
    let body = r#"<div id="w" data-sanctuary-explainer></div>"#;
    let server = Server::start(files(vec![Page::html("/print.html", page(body, false))]));
    let b = Browser::start(1024, 2000).await;
    b.client.goto(&server.url("/print.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 1", "the widget")
        .await;
    b.wait_until(&in_shadow("#w", "[data-jurisdiction='06']"), "the map")
        .await;
    let hidden_panels = "return Array.from(document.querySelector('#w').shadowRoot.querySelectorAll('.se-qa__panel')).filter((p) => p.getClientRects().length === 0).length;";
    assert!(
        b.js(hidden_panels).await.as_u64().unwrap() > 0,
        "answers start closed on screen"
    );

    // A browser fires beforeprint before it lays the page out for print: the widget builds any
    // closed answer it has not built yet (it does so when idle after start-up).
    b.js("window.dispatchEvent(new Event('beforeprint'));")
        .await;
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    assert_eq!(b.js(hidden_panels).await, json!(0), "every answer prints");
    let shown = |css: &str| {
        format!("return Array.from(document.querySelector('#w').shadowRoot.querySelectorAll({css:?})).some((e) => e.getClientRects().length > 0);")
    };
    assert_eq!(
        b.js(&shown(".se-map__svg")).await,
        json!(true),
        "the map prints"
    );
    assert_eq!(
        b.js(&shown(".se-legend")).await,
        json!(true),
        "the legend prints"
    );
    assert_eq!(
        b.js(&shown(".se-sources__list li")).await,
        json!(true),
        "the sources print"
    );
    for control in [".se-qa__next", ".se-switch", ".se-copy", ".se-lang"] {
        assert_eq!(
            b.js(&shown(control)).await,
            json!(false),
            "{control} is not printed"
        );
    }
    b.close().await;
}

/// The placeholder as a newsroom pastes it with the static fallback from dist/fallback/.
fn with_fallback() -> String {
    let dist = std::env::var("SANCTUARY_DIST").expect("SANCTUARY_DIST");
    let fallback = std::fs::read_to_string(format!("{dist}/fallback/en-both.html"))
        .expect("dist/fallback/en-both.html");
    format!(
        r#"<p id="before">Article text.</p><div id="w" data-sanctuary-explainer>{fallback}</div><p id="after">More article text.</p>"#
    )
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn without_javascript_readers_get_the_static_text_and_with_it_the_widget() {
    let story = sanctuary_explainer::bundle::default_story(sanctuary_core::i18n::Lang::En);
    let server = Server::start(files(vec![
        // No script may run on this page: a reader with JavaScript off.
        Page::html("/nojs.html", page(&with_fallback(), false))
            .header("Content-Security-Policy", "script-src 'none'"),
        Page::html("/js.html", page(&with_fallback(), false)),
    ]));
    let b = Browser::start(1024, 1200).await;
    b.client.goto(&server.url("/nojs.html")).await.unwrap();
    let text = b.js("return document.querySelector('#w').innerText;").await;
    let text = text.as_str().unwrap();
    assert!(
        text.contains(&story.title),
        "the title is there without JavaScript"
    );
    for q in &story.questions {
        assert!(text.contains(&q.question), "question {} is there", q.id);
    }
    assert_eq!(
        b.js("return !!document.querySelector('#w').shadowRoot;")
            .await,
        json!(false),
        "nothing ran"
    );
    // Native <details> open without script.
    b.js("document.querySelector('#w details summary').click(); return true;")
        .await;
    let open = b
        .js("return document.querySelector('#w details').open;")
        .await;
    assert_eq!(open, json!(true));
    let answer = b
        .js("return document.querySelector('#w details').innerText;")
        .await;
    let first = story.questions[0].paragraphs()[0]
        .chars()
        .take(40)
        .collect::<String>();
    assert!(
        answer.as_str().unwrap().contains(&first),
        "the answer is readable without JavaScript"
    );
    let table_rows = b
        .js("return document.querySelectorAll('#w table tbody tr').length;")
        .await;
    let data = sanctuary_explainer::bundle::default_dataset();
    assert_eq!(
        table_rows,
        json!(data.jurisdictions.len()),
        "every jurisdiction is in the static table"
    );

    // With JavaScript the widget takes the placeholder over.
    b.client.goto(&server.url("/js.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 1", "the widget")
        .await;
    let title = b.text("#w", ".se-title").await;
    assert_eq!(title, story.title);
    let fallback_visible = b
        .js("return document.querySelector('#w .se-static').getClientRects().length > 0;")
        .await;
    assert_eq!(
        fallback_visible,
        json!(false),
        "the widget replaces the fallback"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn copy_link_copies_a_link_that_restores_the_answer() {
    let body = r#"<div id="w" data-sanctuary-explainer data-view="qa"></div>"#;
    let server = Server::start(files(vec![Page::html("/copy.html", page(body, false))]));
    let b = Browser::start(1024, 2000).await;
    b.client.goto(&server.url("/copy.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 1", "the widget")
        .await;
    b.click_nth("#w", ".se-qa__trigger", 2).await;
    b.wait_until(
        &in_shadow("#w", ".se-qa__panel:not([hidden]) .se-copy"),
        "the copy control",
    )
    .await;
    b.click_nth("#w", ".se-qa__panel:not([hidden]) .se-copy", 0)
        .await;
    b.wait_until("window.__probe.copied.length === 1", "a copied link")
        .await;
    let link = b.js("return window.__probe.copied[0];").await;
    let link = link.as_str().unwrap().to_owned();
    let qid = sanctuary_explainer::bundle::default_story(sanctuary_core::i18n::Lang::En).questions
        [2]
    .id
    .clone();
    assert_eq!(
        link,
        server.url(&format!("/copy.html#sanctuary-explainer=w/q/{qid}"))
    );
    let status = b
        .text("#w", ".se-qa__panel:not([hidden]) .se-copy__done")
        .await;
    assert_eq!(status, "Link copied");
    // The link opens that answer in a new visit.
    b.client.goto("about:blank").await.unwrap();
    b.client.goto(&link).await.unwrap();
    b.wait_until(
        "window.__probe.ready.length >= 1",
        "the widget from the link",
    )
    .await;
    let open = b.js("return Array.from(document.querySelector('#w').shadowRoot.querySelectorAll('.se-qa__trigger')).map((t) => t.getAttribute('aria-expanded'));").await;
    assert_eq!(open[2], json!("true"), "{open}");
    assert_eq!(
        open.as_array()
            .unwrap()
            .iter()
            .filter(|v| **v == json!("true"))
            .count(),
        1
    );
    b.close().await;
}
