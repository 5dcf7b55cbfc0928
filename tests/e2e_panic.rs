//! End to end: a panic in one widget. With `panic = "abort"` a panic stops the page's one wasm
//! instance; embed.js must give that widget a "Try again", bring the other widgets back in a new
//! instance of the already downloaded wasm, write one console message naming the widget, and
//! leave the page's own error handling alone. Run by `cargo xtask test`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{asset, in_shadow, Browser, Page, Server, CONSOLE_PROBE};

/// The host page's own error handling, set before the embed loads (served after
/// `CONSOLE_PROBE`, in the same external file).
const PAGE_HANDLERS: &str = r#"
window.__probe.onerror = 0;
window.__probe.listener = 0;
window.__pageOnerror = function (m) { window.__probe.onerror++; window.__probe.seen = String(m); return false; };
window.onerror = window.__pageOnerror;
window.addEventListener("error", function () { window.__probe.listener++; });
"#;

const PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Panic</title>
<script src="/probe.js"></script></head><body>
<div id="a" data-sanctuary-explainer data-view="qa"></div>
<div id="b" data-sanctuary-explainer data-view="qa"></div>
<div id="c" data-sanctuary-explainer data-view="map"></div>
<script async src="/sanctuary-explainer/embed.js"></script></body></html>"#;

/// `/page.html` in a new browser, once its three widgets are ready; with the URLs of the
/// widget's wasm and glue in this dist.
async fn open_page(server: &Server) -> (Browser, String, String) {
    let wasm = asset("sanctuary_explainer_bg", "wasm");
    let glue = asset("sanctuary_explainer", "js");
    let b = Browser::start(1024, 4000).await;
    b.client.goto(&server.url("/page.html")).await.unwrap();
    for id in ["a", "b", "c"] {
        b.wait_until(&ready(id, 1), &format!("widget {id}")).await;
    }
    (b, wasm, glue)
}

fn ready(id: &str, times: usize) -> String {
    format!(
        "window.__probe.ready.filter(function (r) {{ return r === {id:?}; }}).length >= {times}"
    )
}

/// The browser's console as ChromeDriver logged it (`se/log`), uncaught errors included.
async fn browser_log(b: &Browser) -> Vec<String> {
    #[derive(Debug)]
    struct Log;
    impl fantoccini::wd::WebDriverCompatibleCommand for Log {
        fn endpoint(
            &self,
            base: &url::Url,
            session: Option<&str>,
        ) -> Result<url::Url, url::ParseError> {
            base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
        }
        fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
            (
                http::Method::POST,
                Some(json!({ "type": "browser" }).to_string()),
            )
        }
    }
    let v = b.client.issue_cmd(Log).await.expect("the browser log");
    v.as_array()
        .unwrap_or_else(|| panic!("a log: {v}"))
        .iter()
        .map(|e| format!("{} {}", e["level"], e["message"]))
        .collect()
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_panic_in_one_widget_leaves_the_others_and_the_page_alone() {
    let server = Server::start(vec![
        Page::js("/probe.js", format!("{CONSOLE_PROBE}{PAGE_HANDLERS}")),
        Page::html("/page.html", PAGE),
    ]);
    let (b, wasm, glue) = open_page(&server).await;
    let before = browser_log(&b).await;

    // Widget a panics inside yew's event handling when a reader opens a question.
    b.js(&format!(
        "import({glue:?}).then(function (m) {{ m.__test_panic(document.querySelector('#a')); window.__armed = true; }}); return null;"
    ))
    .await;
    b.wait_until("window.__armed", "the test panic armed").await;
    b.click_nth("#a", ".se-qa__trigger", 0).await;

    // a: a message for the reader and a way to try again, never a blank box.
    b.wait_until(&in_shadow("#a", "[role=alert] button"), "a's Try again")
        .await;
    let message = b.text("#a", "[role=alert]").await;
    assert!(message.contains("stopped working"), "{message}");

    // b and c come back (a new instance) and respond.
    b.wait_until(&ready("b", 2), "widget b again").await;
    b.wait_until(&ready("c", 2), "widget c again").await;
    b.open_first_question("#b").await;
    b.wait_until(&in_shadow("#c", "[data-jurisdiction='06']"), "c's map")
        .await;
    b.click_nth("#c", "[data-jurisdiction='06']", 0).await;
    b.wait_until(
        &format!(
            "{}.getAttribute('aria-selected') === 'true'",
            in_shadow("#c", "[data-jurisdiction='06']")
        ),
        "California selected in c",
    )
    .await;

    // One console message from us, naming the widget; the trap itself is not reported again.
    let errors = b.js("return window.__probe.errors;").await;
    let errors: Vec<&str> = errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert_eq!(errors.len(), 1, "one console error: {errors:?}");
    assert!(
        errors[0].starts_with(
            "sanctuary-explainer: internal error in the widget #a (placeholder 1 of 3)"
        ),
        "{errors:?}"
    );
    let log: Vec<String> = browser_log(&b)
        .await
        .into_iter()
        .filter(|l| !before.contains(l))
        .collect();
    let severe: Vec<&String> = log.iter().filter(|l| l.contains("SEVERE")).collect();
    assert_eq!(
        severe.len(),
        1,
        "one error in the browser's console: {log:#?}"
    );
    assert!(
        severe[0].contains("sanctuary-explainer") && !severe[0].contains("Uncaught"),
        "{log:#?}"
    );

    // The page's own error handling is still its own. It hears of the trap once: a wasm trap
    // unwinds to the browser, which reports it on `window` to the listeners in the order they
    // were added (for a target of `window` Chromium does not run capturing listeners first),
    // and the page's came before the embed's; the embed only keeps it out of the console.
    assert_eq!(
        b.js("return window.onerror === window.__pageOnerror;")
            .await,
        json!(true),
        "window.onerror is the page's"
    );
    assert_eq!(
        b.js("return [window.__probe.onerror, window.__probe.listener, window.__probe.seen];")
            .await,
        json!([1, 1, "Uncaught RuntimeError: unreachable"]),
        "the page's onerror and error listener heard of the trap once"
    );

    // The wasm was downloaded once; the new instance came from the compiled module.
    assert_eq!(server.count(&wasm), 1, "{:?}", server.requests());
    assert!(server.count(&glue) >= 2, "{:?}", server.requests());

    // "Try again" brings a back, in the new instance.
    b.click_nth("#a", "[role=alert] button", 0).await;
    b.wait_until(&ready("a", 2), "widget a after Try again")
        .await;
    b.open_first_question("#a").await;
    assert_eq!(server.count(&wasm), 1, "{:?}", server.requests());
    let errors: Value = b.js("return window.__probe.errors.length;").await;
    assert_eq!(errors, json!(1), "no further console errors");
    b.close().await;
}

/// Arms a panic in `host`'s widget through the glue of instance `n` (embed.js imports the glue
/// as `<glue>?instance=<n>` for the n-th instance after the first) and opens a question there.
async fn crash(b: &Browser, glue: &str, n: usize, host: &str) {
    let url = if n == 0 {
        glue.to_owned()
    } else {
        format!("{glue}?instance={n}")
    };
    b.js(&format!(
        "window.__armed = false; import({url:?}).then(function (m) {{ m.__test_panic(document.querySelector({host:?})); window.__armed = true; }}); return null;"
    ))
    .await;
    b.wait_until("window.__armed", "the test panic armed").await;
    b.click_nth(host, ".se-qa__trigger", 0).await;
    b.wait_until(
        &in_shadow(host, "[role=alert] button"),
        &format!("{host}'s Try again"),
    )
    .await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn after_three_recoveries_every_widget_offers_try_again() {
    let server = Server::start(vec![
        Page::js("/probe.js", format!("{CONSOLE_PROBE}{PAGE_HANDLERS}")),
        Page::html(
            "/page.html",
            PAGE.replace("data-view=\"map\"", "data-view=\"qa\""),
        ),
    ]);
    let (b, wasm, glue) = open_page(&server).await;
    // Three crashes, each in a new instance: each takes down only its widget.
    crash(&b, &glue, 0, "#a").await;
    b.wait_until(&ready("c", 2), "c again").await;
    crash(&b, &glue, 1, "#b").await;
    b.wait_until(&ready("c", 3), "c again").await;
    crash(&b, &glue, 2, "#c").await;
    // a and b come back by "Try again" (instance 3); the fourth crash is one too many.
    for host in ["#a", "#b"] {
        b.click_nth(host, "[role=alert] button", 0).await;
    }
    b.wait_until(&ready("a", 2), "a after Try again").await;
    b.wait_until(&ready("b", 2), "b after Try again").await;
    crash(&b, &glue, 3, "#a").await;
    b.wait_until(&in_shadow("#b", "[role=alert] button"), "b's Try again")
        .await;
    // No fifth instance started by itself, and still one download of the wasm.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(b.js("return window.__probe.ready.length;").await, json!(8));
    assert_eq!(server.count(&wasm), 1, "{:?}", server.requests());
    let errors = b.js("return window.__probe.errors;").await;
    let errors = errors.as_array().unwrap();
    assert_eq!(errors.len(), 4, "one console error per crash: {errors:#?}");
    assert!(
        errors[3].as_str().unwrap().contains("too many"),
        "{errors:#?}"
    );
    b.close().await;
}
