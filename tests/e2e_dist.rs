//! End to end, the CDN directory as `cargo xtask dist` leaves it: content-hashed names (embed.js
//! the only stable one), `.gz` and `.br` beside every file that a browser decodes to the same
//! bytes, the snippet with Subresource Integrity, and a widget that asks only for hashed names.
//! Run by `cargo xtask test` (which builds dist/ first).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use serde_json::json;
use support::{Browser, Page, Server};

/// Where dist/snippet.html says embed.js is (the newsroom replaces it).
const SNIPPET_BASE: &str = "https://cdn.example.org/sanctuary-explainer/";

fn dist() -> PathBuf {
    PathBuf::from(std::env::var("SANCTUARY_DIST").expect("SANCTUARY_DIST: run `cargo xtask test`"))
}

fn assets() -> PathBuf {
    dist().join("sanctuary-explainer")
}

fn is_variant(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("gz" | "br"))
}

/// Every file of the CDN directory but the `.gz`/`.br` variants, relative, `/`-separated.
fn files() -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), out);
            } else if !is_variant(&path) {
                out.push(format!("{prefix}{name}"));
            }
        }
    }
    let mut out = Vec::new();
    walk(&assets(), "", &mut out);
    out.sort();
    out
}

/// A content hash in a name: a run of 8 or more lowercase hex digits between `.` or `-`.
fn has_hash(component: &str) -> bool {
    component
        .split(['.', '-'])
        .any(|p| p.len() >= 8 && p.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

#[test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
fn every_file_but_embed_js_has_a_content_hash_and_precompressed_siblings() {
    let files = files();
    assert!(files.contains(&"embed.js".to_owned()), "{files:?}");
    for file in &files {
        assert!(
            file == "embed.js" || file.split('/').any(has_hash),
            "{file}: no content hash in its name or its directory's"
        );
        let raw = std::fs::metadata(assets().join(file)).unwrap().len();
        for suffix in [".gz", ".br"] {
            let variant = assets().join(format!("{file}{suffix}"));
            let bytes =
                std::fs::read(&variant).unwrap_or_else(|e| panic!("{}: {e}", variant.display()));
            assert!(!bytes.is_empty(), "{}", variant.display());
            if raw > 1000 {
                assert!(
                    (bytes.len() as u64) < raw,
                    "{} is not smaller than {file}",
                    variant.display()
                );
            }
        }
        let gz = std::fs::read(assets().join(format!("{file}.gz"))).unwrap();
        assert_eq!(&gz[..2], &[0x1f, 0x8b], "{file}.gz is gzip");
    }
    // One build only: one wasm, one glue, one geometry directory (each helper asserts it).
    let wasm = support::asset("sanctuary_explainer_bg", "wasm");
    let glue = support::asset("sanctuary_explainer", "js");
    let geo = support::geo_dir();
    let content = support::content_dir();
    let stories = ["story.en.bin", "story.es.bin", "head.en.bin", "head.es.bin"]
        .map(|f| format!("{content}{f}"));
    let geometry =
        ["states.bin", "counties/06.bin", "counties/48.bin"].map(|f| format!("{geo}{f}"));
    for path in geometry.iter().chain(&stories) {
        assert!(
            files
                .iter()
                .any(|x| &format!("/sanctuary-explainer/{x}") == path),
            "{path}"
        );
    }

    // embed.js names exactly these files (it is minified: the names, not the line, are checked).
    let embed = std::fs::read_to_string(assets().join("embed.js")).unwrap();
    let name = |p: &str| p.trim_start_matches("/sanctuary-explainer/").to_owned();
    let check = support::asset("sanctuary_validator", "js");
    let check_wasm = support::asset("sanctuary_validator_bg", "wasm");
    for file in [&glue, &wasm, &geo, &content, &check, &check_wasm] {
        assert!(
            embed.contains(&format!("\"{}\"", name(file))),
            "embed.js does not name {file}"
        );
    }
    // V8's compile hint first (dist.rs, `COMPILE_HINT`), then the header.
    let embed = embed
        .strip_prefix("//# allFunctionsCalledOnLoad\n")
        .expect("embed.js starts with V8's compile hint");
    assert!(
        embed.starts_with("/*!")
            && embed
                .split_once("*/")
                .is_some_and(|(_, code)| code.trim().lines().count() <= 2),
        "embed.js is minified, its header comment kept"
    );

    // The snippet and the hosting headers.
    let snippet = std::fs::read_to_string(dist().join("snippet.html")).unwrap();
    assert!(
        snippet.contains(&format!(
            "src=\"{SNIPPET_BASE}embed.js\" integrity=\"sha384-"
        )),
        "{snippet}"
    );
    assert!(snippet.contains("crossorigin=\"anonymous\""));
    let headers = std::fs::read_to_string(dist().join("_headers")).unwrap();
    for path in [wasm, glue, format!("{geo}*"), format!("{content}*")] {
        assert!(
            headers.contains(&format!(
                "{path}\n  Cache-Control: public, max-age=31536000, immutable"
            )),
            "{path} in _headers:\n{headers}"
        );
    }
    assert!(headers.contains("/sanctuary-explainer/embed.js\n  Cache-Control: public, max-age=300"));
}

/// Serves `/raw/<file>` as it is and `/br/<file>`, `/gzip/<file>` from `<file>.br`, `<file>.gz`
/// with that Content-Encoding, as a CDN serving the precompressed files would.
fn encoding_server() -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let dir = assets();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let url = request.url().to_owned();
            let mut parts = url.trim_start_matches('/').splitn(2, '/');
            let (kind, file) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let header = |k: &str, v: &str| {
                tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap()
            };
            let safe = !file.split('/').any(|p| p == ".." || p.is_empty());
            let (path, encoding) = match kind {
                "raw" => (dir.join(file), None),
                "br" => (dir.join(format!("{file}.br")), Some("br")),
                "gzip" => (dir.join(format!("{file}.gz")), Some("gzip")),
                _ => (PathBuf::new(), None),
            };
            let response = match std::fs::read(&path) {
                Ok(body) if safe => {
                    let mut r = tiny_http::Response::from_data(body)
                        .with_header(header("Content-Type", "application/octet-stream"));
                    if let Some(enc) = encoding {
                        r = r.with_header(header("Content-Encoding", enc));
                    }
                    r
                }
                _ => {
                    let html = b"<!doctype html><title>encodings</title>".to_vec();
                    tiny_http::Response::from_data(html)
                        .with_header(header("Content-Type", "text/html; charset=utf-8"))
                }
            };
            let _ = request.respond(response);
        }
    });
    base
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_browser_decodes_every_gz_and_br_to_the_files_bytes() {
    let base = encoding_server();
    let files = files();
    let b = Browser::start(800, 600).await;
    b.client.goto(&format!("{base}/")).await.unwrap();
    // One request at a time, so a stuck one is named (window.__at) if this times out.
    let script = format!(
        r#"window.__result = null; window.__at = "";
const digest = async (url) => {{
  window.__at = url;
  const r = await fetch(url, {{ cache: "no-store" }});
  if (!r.ok) throw new Error(url + ": HTTP " + r.status);
  const buf = await r.arrayBuffer();
  const h = new Uint8Array(await crypto.subtle.digest("SHA-256", buf));
  return buf.byteLength + " " + Array.from(h, (x) => x.toString(16).padStart(2, "0")).join("");
}};
(async () => {{
  const bad = [];
  for (const f of {files}) {{
    const raw = await digest("/raw/" + f);
    const br = await digest("/br/" + f);
    const gz = await digest("/gzip/" + f);
    if (raw !== br || raw !== gz) bad.push(f + ": raw " + raw + ", br " + br + ", gzip " + gz);
  }}
  return bad;
}})().then((bad) => {{ window.__result = {{ bad }}; }},
         (e) => {{ window.__result = {{ error: String(e) }}; }});
return true;"#,
        files = json!(files)
    );
    b.js(&script).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
    while b.js("return !!window.__result;").await != json!(true) {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out fetching {}",
            b.js("return window.__at;").await
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let result = b.js("return window.__result;").await;
    assert_eq!(
        result,
        json!({ "bad": [] }),
        "each .br and .gz decodes to its file's bytes"
    );
    b.close().await;
}

/// dist/snippet.html in a page, pointed at the test server instead of the CDN placeholder;
/// `tamper` changes one character of the integrity hash.
fn snippet_page(path: &'static str, tamper: bool) -> Page {
    let snippet = std::fs::read_to_string(dist().join("snippet.html")).unwrap();
    assert!(snippet.contains(SNIPPET_BASE), "{snippet}");
    let mut snippet = snippet.replace(SNIPPET_BASE, "/sanctuary-explainer/");
    if tamper {
        let at = snippet.find("integrity=\"sha384-").unwrap() + "integrity=\"sha384-".len();
        let c = if &snippet[at..at + 1] == "A" {
            "B"
        } else {
            "A"
        };
        snippet.replace_range(at..at + 1, c);
    }
    Page::html(
        path,
        format!(
            r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Snippet</title></head><body>
<h1>An article</h1>
<script>
  window.__ready = 0; window.__blocked = false;
  document.addEventListener("sanctuary-explainer:ready", function () {{ window.__ready++; }});
  document.addEventListener("error", function (e) {{
    if (e.target && e.target.tagName === "SCRIPT") window.__blocked = true;
  }}, true);
</script>
{snippet}
</body></html>"#
        ),
    )
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_snippet_with_integrity_loads_the_widget_and_a_wrong_hash_is_refused() {
    let server = Server::start(vec![
        snippet_page("/snippet.html", false),
        snippet_page("/tampered.html", true),
    ]);
    let b = Browser::start(1024, 1600).await;
    b.client.goto(&server.url("/snippet.html")).await.unwrap();
    b.wait_until("window.__ready >= 1", "the widget from the snippet")
        .await;
    assert_eq!(b.js("return window.__blocked;").await, json!(false));

    b.client.goto(&server.url("/tampered.html")).await.unwrap();
    b.wait_until("window.__blocked", "the browser to refuse embed.js")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        b.js("return [window.__ready, typeof window.SanctuaryExplainer];")
            .await,
        json!([0, "undefined"]),
        "embed.js with another hash must not run"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run `cargo xtask test`"]
async fn the_widget_asks_only_for_content_hashed_names_but_embed_js() {
    let server = Server::start(vec![snippet_page("/snippet.html", false)]);
    let b = Browser::start(1280, 1600).await;
    b.client.goto(&server.url("/snippet.html")).await.unwrap();
    b.wait_until("window.__ready >= 1", "the widget").await;
    b.wait_until(
        "document.querySelector('[data-sanctuary-explainer]').shadowRoot.querySelector('[data-jurisdiction=\"06\"]')",
        "the map's states, from the hashed geometry directory",
    )
    .await;
    let requests = server.requests();
    let states = format!("{}states.bin", support::geo_dir());
    assert_eq!(server.count(&states), 1, "{requests:?}");
    for r in requests
        .iter()
        .filter_map(|r| r.strip_prefix("/sanctuary-explainer/"))
    {
        assert!(
            r == "embed.js" || r.split('/').any(has_hash),
            "{r}: requested by a name that is not content-hashed: {requests:?}"
        );
    }
    b.close().await;
}
