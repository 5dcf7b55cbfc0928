//! End to end: the built dist/ served on loopback, a host page with the script tag and two
//! placeholders, driven over WebDriver in headless Chromium. Run by `cargo xtask test`
//! (which builds dist/ first); ignored by a plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{in_shadow, Browser, Fault, Page, Server};

/// The request paths of the wasm and its glue (content-hashed names: see `support::asset`).
fn wasm() -> String {
    support::asset("sanctuary_explainer_bg", "wasm")
}
fn glue() -> String {
    support::asset("sanctuary_explainer", "js")
}

/// A host page in `lang` with `body`, the embed's script tag, and `window.__ready` (the ids of
/// the widgets that said they are ready).
fn host_page(path: &'static str, lang: &str, body: &str) -> Page {
    Page::html(
        path,
        format!(
            r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Host page</title></head>
<body>
{body}
<script>
  window.__ready = [];
  document.addEventListener("sanctuary-explainer:ready", function (e) {{ window.__ready.push(e.target.id); }});
</script>
<script async src="/sanctuary-explainer/embed.js"></script>
</body></html>"#
        ),
    )
}

fn two_widgets_page() -> Page {
    host_page(
        "/two.html",
        "en",
        r#"<h1>Host page</h1>
<div id="a" data-sanctuary-explainer></div>
<p>Between the two widgets.</p>
<div id="b" data-sanctuary-explainer></div>"#,
    )
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_spanish_page_fetches_only_the_spanish_story_beside_the_wasm() {
    // No data-lang: the page's language decides, in embed.js (which starts the download) and
    // in the wasm (which renders): both must pick Spanish.
    let page = host_page(
        "/es.html",
        "es-MX",
        r#"<div id="w" data-sanctuary-explainer data-view="qa"></div>"#,
    );
    let server = slow_wasm_server(page);
    let b = Browser::start(1024, 1200).await;
    b.client.goto(&server.url("/es.html")).await.unwrap();
    b.wait_until("window.__ready.length >= 1", "the widget")
        .await;
    assert_eq!(
        b.js("return document.querySelector('#w').shadowRoot.querySelector('article').getAttribute('lang');")
            .await,
        serde_json::json!("es")
    );
    assert_first_view_story(&server, &b, "es", "en").await;
    b.close().await;
}

async fn expanded(b: &Browser, host: &str) -> Vec<bool> {
    let mut out = Vec::new();
    for t in b.shadow_all(host, ".se-qa__trigger").await {
        out.push(t.attr("aria-expanded").await.unwrap().as_deref() == Some("true"));
    }
    out
}

/// A server whose wasm takes 400 ms to arrive (on loopback it would otherwise arrive within a
/// few ms, before a download started just after it), for [`assert_requested_before_the_wasm_arrived`].
fn slow_wasm_server(page: Page) -> Server {
    Server::with_faults(vec![page], vec![(".wasm", Fault::Delay(400), 1)])
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn with_its_files_there_the_first_render_draws_the_map_and_the_space_waits_for_the_reader() {
    // The wasm comes last, so the states and the story are there when it starts: the map is
    // drawn in the first render, with the Q&A, and is in the document when `ready` fires.
    let page = host_page(
        "/first.html",
        "en",
        r#"<div id="w" data-sanctuary-explainer></div>
<script>
  document.addEventListener("sanctuary-explainer:ready", function (e) {
    window.__atReady = {
      map: !!e.target.shadowRoot.querySelector('[data-jurisdiction="06"]'),
      questions: e.target.shadowRoot.querySelectorAll(".se-qa__trigger").length,
      reserved: e.target.style.minHeight
    };
  });
</script>"#,
    );
    let server = slow_wasm_server(page);
    let b = Browser::start(1024, 1200).await;
    b.client.goto(&server.url("/first.html")).await.unwrap();
    b.wait_until("window.__atReady", "the ready event").await;
    let at_ready = b.js("return window.__atReady;").await;
    assert_eq!(at_ready["map"], serde_json::json!(true), "{at_ready}");
    assert!(at_ready["questions"].as_u64().unwrap() > 0, "{at_ready}");
    // embed.js reserved the space; it stays (through the panels' arrival when the browser is
    // idle) until the reader's first interaction, then goes.
    let reserved = at_ready["reserved"].as_str().unwrap().to_owned();
    assert!(reserved.ends_with("px"), "{at_ready}");
    b.wait_until(
        "performance.getEntriesByType('resource').some(function (e) { return e.name.endsWith('/panels.en.bin'); })",
        "the panels, after ready",
    )
    .await;
    assert_eq!(
        b.js("return document.querySelector('#w').style.minHeight;")
            .await,
        serde_json::json!(reserved)
    );
    b.open_first_question("#w").await;
    assert_eq!(
        b.js("return document.querySelector('#w').style.minHeight;")
            .await,
        serde_json::json!(""),
        "the reservation goes at the reader's first interaction"
    );
    b.close().await;
}

/// Loads a page whose one widget's `states.bin` comes `delay_ms` late, until the widget is
/// ready; returns the browser (the page records when the map's first place comes into the
/// shadow root: `window.__mapAt`, ms after navigation start) and what the widget had at its
/// ready event: `{at, map, questions}`. The server must outlive the browser's use.
async fn ready_with_states_late(delay_ms: u64) -> (Server, Browser, serde_json::Value) {
    let page = host_page(
        "/late-states.html",
        "en",
        r#"<div id="w" data-sanctuary-explainer></div>
<script>
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (o) {
    var root = attach.call(this, o);
    new MutationObserver(function (_, seen) {
      if (root.querySelector('[data-jurisdiction="06"]')) { window.__mapAt = performance.now(); seen.disconnect(); }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
  document.addEventListener("sanctuary-explainer:ready", function (e) {
    window.__atReady = {
      at: performance.now(),
      map: !!e.target.shadowRoot.querySelector('[data-jurisdiction="06"]'),
      questions: e.target.shadowRoot.querySelectorAll(".se-qa__trigger").length
    };
  });
</script>"#,
    );
    let server = Server::with_faults(vec![page], vec![("/states.bin", Fault::Delay(delay_ms), 1)]);
    let b = Browser::start(1024, 1200).await;
    b.client
        .goto(&server.url("/late-states.html"))
        .await
        .unwrap();
    b.wait_until("window.__atReady", "the ready event").await;
    let at_ready = b.js("return window.__atReady;").await;
    assert!(at_ready["questions"].as_u64().unwrap() > 0, "{at_ready}");
    (server, b, at_ready)
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn when_the_states_come_just_after_the_story_the_first_render_still_draws_the_map() {
    // The states and the story download together; here the states come 150 ms after it. The
    // story is handed over once the states are there too, so the one first render has both.
    let (_server, b, at_ready) = ready_with_states_late(150).await;
    assert_eq!(at_ready["map"], serde_json::json!(true), "{at_ready}");
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn states_that_are_slow_do_not_hold_the_questions_back() {
    // The states take 3 s: the widget does not wait for them longer than a moment (250 ms after
    // the story); it is ready with its questions, and the map follows when they come.
    let (_server, b, at_ready) = ready_with_states_late(3000).await;
    assert_eq!(at_ready["map"], serde_json::json!(false), "{at_ready}");
    b.wait_until("window.__mapAt", "the map, when the states come")
        .await;
    let after = b.js("return window.__mapAt - window.__atReady.at;").await;
    assert!(
        after.as_f64().unwrap() > 1000.0,
        "the map came {after} ms after ready"
    );
    b.close().await;
}

/// The file whose URL ends in `name` was requested before the wasm had arrived.
/// The first view's part of the story in `lang` (its head, without the answers: the whole
/// story follows the first view) was fetched once, started by embed.js beside the wasm, not
/// after it; nothing in `other`.
async fn assert_first_view_story(server: &Server, b: &Browser, lang: &str, other: &str) {
    let file = |f: String| format!("{}{f}", support::content_dir());
    let head = file(format!("head.{lang}.bin"));
    assert_eq!(server.count(&head), 1, "{:?}", server.requests());
    for f in [format!("head.{other}.bin"), format!("story.{other}.bin")] {
        assert_eq!(
            server.count(&file(f.clone())),
            0,
            "{f}: {:?}",
            server.requests()
        );
    }
    assert_requested_before_the_wasm_arrived(b, &format!("/head.{lang}.bin")).await;
}

async fn assert_requested_before_the_wasm_arrived(b: &Browser, name: &str) {
    let started = b
        .js(&format!(
            r#"var r = performance.getEntriesByType("resource");
            var file = r.find(function (e) {{ return e.name.endsWith({name:?}); }});
            var wasm = r.find(function (e) {{ return e.name.endsWith(".wasm"); }});
            return [file.startTime, wasm.responseEnd];"#
        ))
        .await;
    let (start, wasm_end) = (started[0].as_f64().unwrap(), started[1].as_f64().unwrap());
    assert!(
        start < wasm_end,
        "{name} requested at {start} ms, after the wasm arrived at {wasm_end} ms"
    );
}

async fn focused_index(b: &Browser, host: &str) -> i64 {
    let script = format!(
        "const r = document.querySelector({host:?}).shadowRoot;
         return Array.from(r.querySelectorAll('.se-qa__trigger')).indexOf(r.activeElement);"
    );
    b.js(&script).await.as_i64().unwrap()
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn two_widgets_load_the_wasm_once_and_work_independently() {
    let server = slow_wasm_server(two_widgets_page());
    let b = Browser::start(1280, 4000).await;
    b.client.goto(&server.url("/two.html")).await.unwrap();
    b.wait_until("window.__ready.length >= 2", "both widgets to be ready")
        .await;

    let ready = b.js("return window.__ready.slice().sort();").await;
    assert_eq!(
        ready,
        serde_json::json!(["a", "b"]),
        "each host dispatched ready once"
    );
    assert_eq!(
        server.count(&wasm()),
        1,
        "the wasm is requested once per page: {:?}",
        server.requests()
    );
    assert_eq!(
        server.count(&glue()),
        1,
        "the glue is requested once per page"
    );
    // The story in the page's language, once for both widgets; no other language until a
    // reader asks for it.
    assert_first_view_story(&server, &b, "en", "es").await;

    // A real click inside widget a's shadow root changes only widget a.
    let a = b.shadow_all("#a", ".se-qa__trigger").await;
    assert!(a.len() >= 6, "the card has its questions");
    a[0].click().await.unwrap();
    b.wait_until(
        "document.querySelector('#a').shadowRoot.querySelector('.se-qa__trigger').getAttribute('aria-expanded') === 'true'",
        "widget a's first question to open",
    )
    .await;
    let in_a = expanded(&b, "#a").await;
    assert_eq!(in_a.iter().filter(|x| **x).count(), 1);
    assert!(in_a[0]);
    assert!(
        expanded(&b, "#b").await.iter().all(|x| !x),
        "widget b is untouched"
    );

    // Real keys in widget b: Down moves focus, Enter opens, Space closes, End goes last.
    let bt = b.shadow_all("#b", ".se-qa__trigger").await;
    bt[0].send_keys("\u{E015}").await.unwrap(); // ArrowDown
    assert_eq!(focused_index(&b, "#b").await, 1);
    bt[1].send_keys("\u{E007}").await.unwrap(); // Enter
    b.wait_until(
        "document.querySelector('#b').shadowRoot.querySelectorAll('.se-qa__trigger')[1].getAttribute('aria-expanded') === 'true'",
        "Enter to open widget b's second question",
    )
    .await;
    bt[1].send_keys(" ").await.unwrap();
    b.wait_until(
        "document.querySelector('#b').shadowRoot.querySelectorAll('.se-qa__trigger')[1].getAttribute('aria-expanded') === 'false'",
        "Space to close it again",
    )
    .await;
    bt[1].send_keys("\u{E010}").await.unwrap(); // End
    assert_eq!(focused_index(&b, "#b").await as usize, bt.len() - 1);
    let in_a_after = expanded(&b, "#a").await;
    assert_eq!(in_a, in_a_after, "keys in widget b leave widget a alone");

    // Nothing of the widget leaks into the host page's light DOM.
    let light = b
        .js("return document.querySelectorAll('#a *, #b *').length;")
        .await;
    assert_eq!(light, 0);
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_demo_article_embeds_the_widget_with_the_snippet() {
    let server = Server::start(vec![]);
    let b = Browser::start(390, 900).await;
    b.client.goto(&server.url("/")).await.unwrap();
    b.wait_until(
        "document.querySelector('[data-sanctuary-explainer]').shadowRoot && document.querySelector('[data-sanctuary-explainer]').shadowRoot.querySelector('.se-qa__trigger')",
        "the demo's widget to render",
    )
    .await;
    let title = b.js("return document.querySelector('[data-sanctuary-explainer]').shadowRoot.querySelector('.se-title').textContent;").await;
    assert!(
        title.as_str().is_some_and(|t| t.contains("Los Angeles")),
        "{title}"
    );
    let overflow = b
        .js("return document.documentElement.scrollWidth > window.innerWidth;")
        .await;
    assert_eq!(
        overflow,
        serde_json::json!(false),
        "no horizontal scroll at 390 px"
    );
    b.close().await;
}

fn two_maps_page() -> Page {
    host_page(
        "/maps.html",
        "en",
        r#"<div id="a" data-sanctuary-explainer data-view="map"></div>
<div id="b" data-sanctuary-explainer data-view="map"></div>"#,
    )
}

fn shape(host: &str, id: &str) -> String {
    format!(
        "document.querySelector('{host}').shadowRoot.querySelector('[data-jurisdiction=\"{id}\"]')"
    )
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn counties_are_fetched_lazily_once_for_every_widget() {
    let states = format!("{}states.bin", support::geo_dir());
    let ca_counties = format!("{}counties/06.bin", support::geo_dir());
    let server = slow_wasm_server(two_maps_page());
    let b = Browser::start(1280, 900).await;
    b.client.goto(&server.url("/maps.html")).await.unwrap();
    b.wait_until("window.__ready.length >= 2", "both widgets")
        .await;
    b.wait_until(
        &format!("{} && {}", shape("#a", "06"), shape("#b", "06")),
        "the states in both maps",
    )
    .await;
    assert_eq!(
        server.count(&states),
        1,
        "states are fetched once for the page"
    );
    // ...and beside the wasm (embed.js starts it), not after the first render.
    assert_requested_before_the_wasm_arrived(&b, "/states.bin").await;
    assert!(
        !server.requests().iter().any(|r| r.contains("/counties/")),
        "no county file before a reader zooms in: {:?}",
        server.requests()
    );

    // Widget a: click California, then "Show counties and cities".
    let ca = b.shadow_all("#a", "[data-jurisdiction=\"06\"]").await;
    ca[0].click().await.unwrap();
    b.wait_until(
        "document.querySelector('#a').shadowRoot.querySelector('#se-detail-title')",
        "California's detail in widget a",
    )
    .await;
    let zoom = b.shadow_all("#a", ".se-detail__zoom").await;
    assert_eq!(zoom.len(), 1, "a zoom button for a state");
    zoom[0].click().await.unwrap();
    b.wait_until(&shape("#a", "06037"), "Los Angeles County in widget a")
        .await;
    assert_eq!(server.count(&ca_counties), 1);
    assert!(
        b.js(&format!("return !{};", shape("#b", "06037"))).await == serde_json::json!(true),
        "widget b is still on the national map"
    );
    let b_selected = b.shadow_all("#b", "[aria-selected=\"true\"]").await;
    assert!(b_selected.is_empty(), "nothing is selected in widget b");

    // Widget b zooms into the same state: no second request.
    let ca_b = b.shadow_all("#b", "[data-jurisdiction=\"06\"]").await;
    ca_b[0].click().await.unwrap();
    b.wait_until(
        "document.querySelector('#b').shadowRoot.querySelector('.se-detail__zoom')",
        "the zoom button in widget b",
    )
    .await;
    b.click_nth("#b", ".se-detail__zoom", 0).await;
    b.wait_until(&shape("#b", "06037"), "Los Angeles County in widget b")
        .await;
    assert_eq!(
        server.count(&ca_counties),
        1,
        "the county file is shared: {:?}",
        server.requests()
    );

    // Selecting a county in b leaves a's selection alone.
    b.click_nth("#b", "[data-jurisdiction=\"06037\"]", 0).await;
    b.wait_until(
        "document.querySelector('#b').shadowRoot.querySelector('#se-detail-title').textContent.includes('Los Angeles County')",
        "Los Angeles County's detail in widget b",
    )
    .await;
    let a_title = b
        .js("return document.querySelector('#a').shadowRoot.querySelector('#se-detail-title').textContent;")
        .await;
    assert_eq!(
        a_title,
        serde_json::json!("California"),
        "widget a still shows California"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn a_reader_finds_los_angeles_by_keyboard_on_the_real_map() {
    let server = slow_wasm_server(two_maps_page());
    let b = Browser::start(1280, 900).await;
    b.client.goto(&server.url("/maps.html")).await.unwrap();
    b.wait_until(&shape("#a", "06"), "the states").await;
    // The city points (projected when the data was packed) sit inside their state's shape.
    let inside = |city: &str, state: &str| {
        format!(
            "const r = document.querySelector('#a').shadowRoot; \
             const at = r.querySelector('circle[data-jurisdiction=\"{city}\"]').getBoundingClientRect(); \
             const s = r.querySelector('path[data-jurisdiction=\"{state}\"]').getBoundingClientRect(); \
             const x = at.x + at.width / 2, y = at.y + at.height / 2; \
             return x > s.left && x < s.right && y > s.top && y < s.bottom;"
        )
    };
    for (city, state) in [("los-angeles-ca", "06"), ("new-york-ny", "36")] {
        assert_eq!(
            b.js(&inside(city, state)).await,
            serde_json::json!(true),
            "{city} is drawn inside {state}'s shape"
        );
    }
    let svg = &b.shadow_all("#a", ".se-map__svg").await[0];
    // Real key presses: focus the map (one tab stop), go to California by name, Enter.
    svg.send_keys("\u{E011}").await.unwrap(); // Home: first place by name (Alabama)
    let active = "document.querySelector('#a').shadowRoot.querySelector('.se-map__svg').getAttribute('aria-activedescendant')";
    assert_eq!(
        b.js(&format!("return {active};")).await,
        serde_json::json!("se-j-01")
    );
    // West from Alabama: the arrows cross the map to Los Angeles, a city point.
    for _ in 0..15 {
        if b.js(&format!("return {active};")).await == serde_json::json!("se-j-los-angeles-ca") {
            break;
        }
        svg.send_keys("\u{E012}").await.unwrap(); // ArrowLeft
    }
    assert_eq!(
        b.js(&format!("return {active};")).await,
        serde_json::json!("se-j-los-angeles-ca"),
        "the arrow keys reach Los Angeles"
    );
    svg.send_keys("\u{E007}").await.unwrap(); // Enter
    b.wait_until(
        "document.querySelector('#a').shadowRoot.querySelector('#se-detail-title').textContent === 'Los Angeles'",
        "Los Angeles's detail",
    )
    .await;
    // The laws come with the panels, after the first view: the detail says they are loading
    // until then (a busy machine can take a moment longer than the title does).
    b.wait_until(
        &in_shadow("#a", ".se-detail .se-policy"),
        "the laws in Los Angeles's detail",
    )
    .await;
    let text = b.js("return document.querySelector('#a').shadowRoot.querySelector('.se-detail').textContent;").await;
    let text = text.as_str().unwrap();
    assert!(
        text.contains("Sanctuary city ordinance") && text.contains("Special Order 40"),
        "{text}"
    );
    assert!(
        text.contains("SB 54"),
        "the state layer applies too: {text}"
    );
    svg.send_keys("\u{E00C}").await.unwrap(); // Escape
    b.wait_until(
        "!document.querySelector('#a').shadowRoot.querySelector('#se-detail-title')",
        "Escape to close the detail",
    )
    .await;
    b.close().await;
}
