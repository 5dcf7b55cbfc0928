//! End to end: the built dist/ served on loopback, a host page with the script tag and two
//! placeholders, driven over WebDriver in headless Chromium. Run by `cargo xtask test`
//! (which builds dist/ first); ignored by a plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{Browser, Page, Server};

const WASM: &str = "/sanctuary-explainer/sanctuary_explainer_bg.wasm";
const GLUE: &str = "/sanctuary-explainer/sanctuary_explainer.js";

fn two_widgets_page() -> Page {
    Page {
        path: "/two.html",
        headers: vec![],
        html: r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title></head>
<body>
<h1>Host page</h1>
<div id="a" data-sanctuary-explainer></div>
<p>Between the two widgets.</p>
<div id="b" data-sanctuary-explainer></div>
<script>
  window.__ready = [];
  document.addEventListener("sanctuary-explainer:ready", function (e) { window.__ready.push(e.target.id); });
</script>
<script async src="/sanctuary-explainer/embed.js"></script>
</body></html>"#
            .into(),
    }
}

async fn expanded(b: &Browser, host: &str) -> Vec<bool> {
    let mut out = Vec::new();
    for t in b.shadow_all(host, ".se-qa__trigger").await {
        out.push(t.attr("aria-expanded").await.unwrap().as_deref() == Some("true"));
    }
    out
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
    let server = Server::start(vec![two_widgets_page()]);
    let b = Browser::start(1280, 900).await;
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
        server.count(WASM),
        1,
        "the wasm is requested once per page: {:?}",
        server.requests()
    );
    assert_eq!(server.count(GLUE), 1, "the glue is requested once per page");

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
