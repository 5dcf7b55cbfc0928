//! End to end: network faults. The wasm, the story, the full map data or a geometry file fails (404, 500, a hang, a
//! truncated body, a wrong content type): readers keep the static text or get a short message
//! with a way to try again, and the other widgets on the page keep working. Run by `cargo xtask test`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{in_shadow, Browser, Fault, Page, Server, CONSOLE_PROBE};

fn page(body: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faults</title>
<script src="/probe.js"></script></head><body>{body}
<script async src="/sanctuary-explainer/embed.js"></script></body></html>"#
    )
}

const TWO: &str = r#"<div id="plain" data-sanctuary-explainer data-view="qa"></div>
<div id="fallback" data-sanctuary-explainer data-view="qa"><p id="static-text">The static text of the explainer.</p></div>"#;

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn when_the_wasm_or_the_story_fails_readers_keep_the_text_or_get_a_retry() {
    for (file, fault) in [
        (".wasm", Fault::Status(404)),
        (".wasm", Fault::Status(500)),
        (".wasm", Fault::Truncate),
        ("/head.en.bin", Fault::Status(404)),
        ("/head.en.bin", Fault::Truncate),
    ] {
        let fault = (file, fault);
        let server = Server::with_faults(
            vec![
                Page::js("/probe.js", CONSOLE_PROBE),
                Page::html("/two.html", page(TWO)),
            ],
            vec![(fault.0, fault.1.clone(), 1)],
        );
        let b = Browser::start(1024, 1600).await;
        b.client.goto(&server.url("/two.html")).await.unwrap();
        b.wait_until(
            &in_shadow("#plain", "[role=alert] button"),
            &format!("the retry message ({fault:?})"),
        )
        .await;
        // The placeholder with a static fallback keeps showing it.
        let visible = b
            .js("const p = document.querySelector('#static-text'); return !!p && p.getClientRects().length > 0;")
            .await;
        assert_eq!(
            visible,
            json!(true),
            "{fault:?}: the static fallback stays visible"
        );
        let message = b.text("#plain", "[role=alert]").await;
        assert!(message.contains("could not load"), "{message}");
        let errors = b.js("return window.__probe.errors.length;").await;
        assert!(
            errors.as_u64().unwrap() <= 2,
            "{fault:?}: the console is not flooded: {errors}"
        );

        // The fault was one-off: "Try again" loads the widget.
        b.click_nth("#plain", "[role=alert] button", 0).await;
        b.wait_until(
            "window.__probe.ready.includes('plain')",
            "the widget after retrying",
        )
        .await;
        b.close().await;
    }
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_wasm_served_with_the_wrong_content_type_still_loads() {
    let server = Server::with_faults(
        vec![
            Page::js("/probe.js", CONSOLE_PROBE),
            Page::html("/two.html", page(TWO)),
        ],
        vec![(".wasm", Fault::ContentType("text/plain"), 1)],
    );
    let b = Browser::start(1024, 1600).await;
    b.client.goto(&server.url("/two.html")).await.unwrap();
    b.wait_until("window.__probe.ready.length >= 2", "both widgets")
        .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn when_another_language_fails_the_reader_is_told_and_can_try_again() {
    let server = Server::with_faults(
        vec![
            Page::js("/probe.js", CONSOLE_PROBE),
            Page::html(
                "/page.html",
                page(r#"<div id="w" data-sanctuary-explainer data-view="qa"></div>"#),
            ),
        ],
        vec![("/story.es.bin", Fault::Status(500), 1)],
    );
    let b = Browser::start(1024, 1600).await;
    b.client.goto(&server.url("/page.html")).await.unwrap();
    b.wait_until("window.__probe.ready.includes('w')", "the widget")
        .await;
    let spanish = in_shadow("#w", ".se-lang__btn[lang='es']");
    b.js(&format!("{spanish}.click(); return true;")).await;
    b.wait_until(&in_shadow("#w", ".se-lang__error"), "the failure message")
        .await;
    let message = b.text("#w", ".se-lang__error").await;
    assert!(message.contains("could not be loaded"), "{message}");
    let lang = format!(
        "return {}.getAttribute('lang');",
        in_shadow("#w", "article")
    );
    assert_eq!(
        b.js(&lang).await,
        json!("en"),
        "the reader keeps the English"
    );

    // The fault was one-off: choosing Español again loads it.
    b.js(&format!("{spanish}.click(); return true;")).await;
    b.wait_until(
        &format!(
            "{}.getAttribute('lang') === 'es'",
            in_shadow("#w", "article")
        ),
        "Spanish after trying again",
    )
    .await;
    assert_eq!(
        b.js(&format!("return !{};", in_shadow("#w", ".se-lang__error")))
            .await,
        json!(true),
        "the message goes"
    );
    let es = format!("{}story.es.bin", support::content_dir());
    assert_eq!(server.count(&es), 2, "{:?}", server.requests());
    b.close().await;
}

const MAP_AND_QA: &str = r#"<div id="map" data-sanctuary-explainer data-view="map"></div>
<div id="qa" data-sanctuary-explainer data-view="qa"></div>"#;

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn when_geometry_fails_the_map_offers_a_retry_and_the_rest_works() {
    for fault in [Fault::Status(500), Fault::Truncate, Fault::Status(404)] {
        let server = Server::with_faults(
            vec![
                Page::js("/probe.js", CONSOLE_PROBE),
                Page::html("/page.html", page(MAP_AND_QA)),
            ],
            vec![("states", fault.clone(), 1)],
        );
        let b = Browser::start(1024, 2400).await;
        b.client.goto(&server.url("/page.html")).await.unwrap();
        b.wait_until("window.__probe.ready.length >= 2", "both widgets")
            .await;
        b.wait_until(
            &in_shadow("#map", ".se-map__frame--message button"),
            &format!("the map's retry ({fault:?})"),
        )
        .await;
        // The Q&A widget is unaffected.
        b.open_first_question("#qa").await;
        b.click_nth("#map", ".se-map__frame--message button", 0)
            .await;
        b.wait_until(
            &in_shadow("#map", "[data-jurisdiction='06']"),
            "the map after retrying",
        )
        .await;
        b.close().await;
    }
}

const MAP_ONLY: &str = r#"<div id="map" data-sanctuary-explainer data-view="map"></div>
<script>
document.addEventListener("sanctuary-explainer:ready", function () { window.__readyAt = performance.now(); });
</script>"#;

/// The requests so far for the map's panels in English (the laws, facts and table).
fn data_requests(server: &Server) -> usize {
    server
        .requests()
        .iter()
        .filter(|p| p.ends_with("/panels.en.bin"))
        .count()
}

/// A page with `widgets` whose first request for a file ending in `file` meets `fault`;
/// returns once `until` (a script expression) is true, `what` naming it if it never is.
async fn page_with_fault(
    widgets: &str,
    file: &'static str,
    fault: Fault,
    until: &str,
    what: &str,
) -> (Server, Browser) {
    let server = Server::with_faults(
        vec![
            Page::js("/probe.js", CONSOLE_PROBE),
            Page::html("/page.html", page(widgets)),
        ],
        vec![(file, fault, 1)],
    );
    let b = Browser::start(1024, 2400).await;
    b.client.goto(&server.url("/page.html")).await.unwrap();
    b.wait_until(until, what).await;
    (server, b)
}

/// A page with one map widget whose first request for the panels meets `fault`; returns
/// once the map is drawn.
async fn map_only_with(fault: Fault) -> (Server, Browser) {
    let drawn = in_shadow("#map", "[data-jurisdiction='06']");
    page_with_fault(MAP_ONLY, "panels.en.bin", fault, &drawn, "the map").await
}

/// Waits until the page has asked for the file whose path ends in `file`, and checks it did so
/// after the ready event (`window.__readyAt`), without any reader action.
async fn asked_for_after_ready(b: &Browser, file: &str) {
    let entry =
        format!("performance.getEntriesByType('resource').find(e => e.name.endsWith('{file}'))");
    b.wait_until(&format!("!!{entry}"), &format!("the download of {file}"))
        .await;
    let after_ready = b
        .js(&format!("return {entry}.startTime >= window.__readyAt;"))
        .await;
    assert_eq!(
        after_ready,
        json!(true),
        "{file} was asked for before ready"
    );
}

/// In `host`'s `part` (the detail panel, an answer): the note says the download failed, and
/// its "Try again" brings the content (`shown`, inside `part`).
async fn says_failed_then_retries(b: &Browser, host: &str, part: &str, shown: &str) {
    let button = format!("{part} div.se-pending button");
    b.wait_until(&in_shadow(host, &button), &format!("{part}'s retry"))
        .await;
    let note = b.text(host, &format!("{part} .se-pending")).await;
    assert!(note.contains("could not be loaded"), "{note}");
    b.click_nth(host, &button, 0).await;
    b.wait_until(
        &in_shadow(host, &format!("{part} {shown}")),
        &format!("{shown} after retrying"),
    )
    .await;
}

async fn click_california(b: &Browser) {
    b.click_nth("#map", "[data-jurisdiction='06']", 0).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_laws_load_after_the_first_view_and_say_so_while_late_or_failed() {
    // A slow download: fetched once, after ready; the panel and the table say they are
    // loading, then show the laws.
    let (server, b) = map_only_with(Fault::Delay(2500)).await;
    click_california(&b).await;
    b.wait_until(
        &in_shadow(
            "#map",
            ".se-detail .se-pending[aria-busy='true'][role='status']",
        ),
        "the panel's loading note",
    )
    .await;
    assert_eq!(
        b.text("#map", ".se-detail__title").await,
        "California",
        "the name and tier are there at once"
    );
    assert_eq!(
        b.js(&format!("return !!{};", in_shadow("#map", ".se-policy")))
            .await,
        json!(false)
    );
    b.click_nth("#map", ".se-switch__btn", 1).await;
    b.wait_until(
        "document.querySelector('#map').shadowRoot.querySelectorAll('.se-pending').length === 2",
        "the table's loading note too",
    )
    .await;
    b.wait_until(&in_shadow("#map", ".se-table__row"), "the table")
        .await;
    b.wait_until(&in_shadow("#map", ".se-detail .se-policy"), "the laws")
        .await;
    assert!(
        b.text("#map", ".se-detail .se-policy__name")
            .await
            .contains("California Values Act"),
        "the panel shows the laws"
    );
    // Their rules came with them (they are not in the wasm): a layer has its rule line.
    assert_eq!(
        b.style("#map", ".se-layer[data-layer=own]", "borderTopStyle")
            .await,
        "solid",
        "the laws' rules are in the widget's stylesheet"
    );
    assert_eq!(
        b.js(&format!("return !!{};", in_shadow("#map", ".se-pending")))
            .await,
        json!(false)
    );
    assert_eq!(data_requests(&server), 1, "fetched once");
    b.close().await;

    // A failed download: the panel says so, and "Try again" fetches it.
    let (server, b) = map_only_with(Fault::Status(500)).await;
    // Asked for without any reader action, once the widget is ready: not on the first view's
    // path.
    asked_for_after_ready(&b, "/panels.en.bin").await;
    click_california(&b).await;
    says_failed_then_retries(&b, "#map", ".se-detail", ".se-policy").await;
    assert_eq!(data_requests(&server), 2);
    b.close().await;
}

const QA_ONLY: &str = r#"<div id="qa" data-sanctuary-explainer data-view="qa"></div>
<script>
document.addEventListener("sanctuary-explainer:ready", function () { window.__readyAt = performance.now(); });
</script>"#;

/// A page with one Q&A widget whose first request for the whole English story (the answers)
/// meets `fault`; returns once the widget is ready.
async fn qa_only_with(fault: Fault) -> (Server, Browser) {
    let ready = "window.__probe.ready.includes('qa')";
    page_with_fault(QA_ONLY, "/story.en.bin", fault, ready, "the widget").await
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_answers_load_after_the_first_view_and_say_so_while_late_or_failed() {
    let story = format!("{}story.en.bin", support::content_dir());
    let head = format!("{}head.en.bin", support::content_dir());
    // A slow download: the questions are there at ready; an answer opened meanwhile says it
    // is loading, then shows.
    let (server, b) = qa_only_with(Fault::Delay(2500)).await;
    assert_eq!(server.count(&head), 1, "{:?}", server.requests());
    b.click_nth("#qa", ".se-qa__trigger", 0).await;
    let pending = in_shadow(
        "#qa",
        ".se-qa__panel .se-pending[aria-busy='true'][role='status']",
    );
    b.wait_until(&pending, "the answer's loading note").await;
    assert!(b
        .text("#qa", ".se-qa__panel .se-pending")
        .await
        .contains("Loading the answer"));
    b.wait_until(&in_shadow("#qa", ".se-qa__panel .se-sources"), "the answer")
        .await;
    assert!(
        b.text("#qa", ".se-qa__panel")
            .await
            .contains("City Council"),
        "the first answer is shown"
    );
    assert_eq!(
        b.js(&format!("return !{};", in_shadow("#qa", ".se-pending")))
            .await,
        json!(true),
        "the note goes"
    );
    assert_eq!(server.count(&story), 1, "fetched once");
    b.close().await;

    // A failed download, asked for without any reader action once the widget is ready (not
    // on the first view's path): an open question says so, and "Try again" fetches it.
    let (server, b) = qa_only_with(Fault::Status(500)).await;
    asked_for_after_ready(&b, "/story.en.bin").await;
    b.click_nth("#qa", ".se-qa__trigger", 0).await;
    says_failed_then_retries(&b, "#qa", ".se-qa__panel", ".se-sources").await;
    assert_eq!(server.count(&story), 2);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test` (waits for the 20 s download timeout)"]
async fn a_hanging_county_download_times_out_into_a_retry() {
    let server = Server::with_faults(
        vec![
            Page::js("/probe.js", CONSOLE_PROBE),
            Page::html("/page.html", page(MAP_AND_QA)),
        ],
        vec![("counties/06", Fault::Hang, 1)],
    );
    let b = Browser::start(1024, 2400).await;
    b.client.goto(&server.url("/page.html")).await.unwrap();
    b.wait_until(&in_shadow("#map", "[data-jurisdiction='06']"), "the states")
        .await;
    b.click_nth("#map", "[data-jurisdiction='06']", 0).await;
    b.wait_until(&in_shadow("#map", ".se-detail__zoom"), "the zoom button")
        .await;
    b.click_nth("#map", ".se-detail__zoom", 0).await;
    b.wait_until(&in_shadow("#map", ".se-map__status"), "the loading note")
        .await;
    // Within the timeout the map says it is loading; after it, it offers a retry.
    let mut waited = 0;
    while b
        .js(&format!(
            "return !!{};",
            in_shadow("#map", ".se-map__status button")
        ))
        .await
        != json!(true)
    {
        assert!(waited < 40, "no retry offered after 40 s");
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        waited += 1;
    }
    b.click_nth("#map", ".se-map__status button", 0).await;
    b.wait_until(
        &in_shadow("#map", "[data-jurisdiction='06037']"),
        "the counties after retrying",
    )
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn when_the_content_checker_fails_the_editor_is_told_and_a_later_widget_retries() {
    let story = json!({
        "id": "ours", "lang": "en", "title": "Our own explainer", "as_of": "2025-01-02",
        "questions": [{ "id": "one", "question": "What is this?", "answer": "Ours.", "sources": ["s"] }],
        "sources": [{ "id": "s", "publisher": "Our Paper", "title": "Our report", "date": "2025-01-02" }]
    });
    let body = r#"<div id="custom" data-sanctuary-explainer data-view="qa" data-content="/ours.json"></div>
<div id="plain" data-sanctuary-explainer data-view="qa"></div>"#;
    let server = Server::with_faults(
        vec![
            Page::js("/probe.js", CONSOLE_PROBE),
            Page::html("/page.html", page(body)),
            Page::json("/ours.json", story.to_string()),
        ],
        vec![("sanctuary_validator_bg", Fault::Status(404), 1)],
    );
    let b = Browser::start(1024, 2400).await;
    b.client.goto(&server.url("/page.html")).await.unwrap();
    b.wait_until(&in_shadow("#custom", ".se-error"), "the editor's box")
        .await;
    let text = b.text("#custom", ".se-error").await;
    assert!(text.contains("could not be checked"), "{text}");
    // The widget without data-content is unaffected.
    b.wait_until("window.__probe.ready.includes('plain')", "the other widget")
        .await;
    // A widget added later loads the checker again (the failure was not kept) and shows the file.
    b.js(r#"var el = document.createElement("div"); el.id = "later";
        el.setAttribute("data-sanctuary-explainer", ""); el.setAttribute("data-view", "qa");
        el.setAttribute("data-content", "/ours.json"); document.body.appendChild(el); return null;"#)
        .await;
    b.wait_until("window.__probe.ready.includes('later')", "the later widget")
        .await;
    assert_eq!(b.text("#later", ".se-title").await, "Our own explainer");
    assert_eq!(
        server
            .requests()
            .iter()
            .filter(|r| r.contains("/sanctuary_validator_bg."))
            .count(),
        2,
        "one failed download, one retry"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_language_switch_brings_the_laws_in_that_language_with_it() {
    // The Spanish story is slow, so the switch waits for it; the Spanish panels are asked for
    // beside it, not after the switch, so the laws are there when the switch is.
    let server = Server::with_faults(
        vec![
            Page::js("/probe.js", CONSOLE_PROBE),
            Page::html("/page.html", page(MAP_ONLY)),
        ],
        vec![("/story.es.bin", Fault::Delay(1500), 1)],
    );
    let b = Browser::start(1024, 2400).await;
    b.client.goto(&server.url("/page.html")).await.unwrap();
    b.wait_until(&in_shadow("#map", "[data-jurisdiction='06']"), "the map")
        .await;
    click_california(&b).await;
    b.wait_until(&in_shadow("#map", ".se-detail .se-policy"), "the laws")
        .await;
    let panels_es = format!("{}panels.es.bin", support::content_dir());
    assert_eq!(server.count(&panels_es), 0, "not before a reader asks");
    let spanish = in_shadow("#map", ".se-lang__btn[lang='es']");
    b.js(&format!("{spanish}.click(); return true;")).await;
    let asked = Instant::now();
    while server.count(&panels_es) == 0 {
        assert!(
            asked.elapsed() < Duration::from_millis(1200),
            "the Spanish panels were not asked for while the story was on its way: {:?}",
            server.requests()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        b.js(&format!("return {spanish}.getAttribute('aria-pressed');"))
            .await,
        json!("false"),
        "the switch is still waiting for the story"
    );
    b.wait_until(
        &format!("{spanish}.getAttribute('aria-pressed') === 'true'"),
        "the switch to Spanish",
    )
    .await;
    assert_eq!(
        b.js(&format!(
            "return !{} && !!{};",
            in_shadow("#map", ".se-detail .se-pending"),
            in_shadow("#map", ".se-detail .se-policy")
        ))
        .await,
        json!(true),
        "the laws are there at once, in Spanish, with no loading note"
    );
    assert_eq!(server.count(&panels_es), 1, "{:?}", server.requests());
    b.close().await;
}
