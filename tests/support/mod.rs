// Shared by several test binaries, each of which uses a part of it.
#![allow(dead_code)]

//! End-to-end harness: the built `dist/` served on loopback (with a log of every request),
//! ChromeDriver started on a free port, and a WebDriver session in headless Chromium.
//! `cargo xtask test` builds dist/ and sets SANCTUARY_DIST, CHROMEDRIVER and CHROMIUM.

use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

// The loopback server of `cargo xtask serve` (a test crate cannot depend on the xtask binary).
#[path = "../../xtask/src/http1.rs"]
mod http1;

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the end-to-end tests with `cargo xtask test`")
    }))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The names `cargo xtask dist` gives the widget's files: `<stem>.<hash>.<ext>` and
/// `geo-<hash>/` (a content hash of hex digits), embed.js being the only stable name.
fn is_content_hash(s: &str) -> bool {
    s.len() >= 8 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The names in dist/sanctuary-explainer/ that `matches` accepts; exactly one is expected.
fn one_asset(what: &str, matches: impl Fn(&str) -> bool) -> String {
    let dir = env_path("SANCTUARY_DIST").join("sanctuary-explainer");
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| matches(name))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one {what} in {}: {found:?}",
        dir.display()
    );
    format!("/sanctuary-explainer/{}", found.remove(0))
}

/// The request path of dist's `<prefix>.<hash>.<ext>`, e.g.
/// `asset("sanctuary_explainer_bg", "wasm")` → `/sanctuary-explainer/sanctuary_explainer_bg.3f9a1c2e4b.wasm`.
pub fn asset(prefix: &str, ext: &str) -> String {
    one_asset(&format!("{prefix}.<hash>.{ext}"), |name| {
        name.strip_prefix(prefix)
            .and_then(|n| n.strip_prefix('.'))
            .and_then(|n| n.strip_suffix(ext))
            .and_then(|n| n.strip_suffix('.'))
            .is_some_and(is_content_hash)
    })
}

/// The request path of dist's content-hashed geometry directory, ending in `/`:
/// `/sanctuary-explainer/geo-<hash>/` (holding `states.bin` and `counties/<FIPS>.bin`).
pub fn geo_dir() -> String {
    one_asset("geo-<hash>/", |name| {
        name.strip_prefix("geo-").is_some_and(is_content_hash)
    }) + "/"
}

/// The build's default-story directory, `/sanctuary-explainer/content-<hash>/`.
pub fn content_dir() -> String {
    one_asset("content-<hash>/", |name| {
        name.strip_prefix("content-").is_some_and(is_content_hash)
    }) + "/"
}

/// A script expression for the first element matching `css` in the shadow root of `host`.
pub fn in_shadow(host: &str, css: &str) -> String {
    format!("document.querySelector({host:?}).shadowRoot.querySelector({css:?})")
}

/// Records ready events (by host id) and console errors in `window.__probe`; served as an
/// external script (`Page::js("/probe.js", …)`), so it also runs under a strict CSP.
pub const CONSOLE_PROBE: &str = r#"
window.__probe = { ready: [], errors: [] };
document.addEventListener("sanctuary-explainer:ready", function (e) { window.__probe.ready.push(e.target.id); });
var error = console.error;
console.error = function () {
  window.__probe.errors.push(Array.prototype.join.call(arguments, " "));
  return error.apply(console, arguments);
};
"#;

/// A file the test serves itself, beside the files of dist/.
pub struct Page {
    pub path: &'static str,
    pub body: String,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
}

impl Page {
    pub fn html(path: &'static str, html: impl Into<String>) -> Page {
        Page {
            path,
            body: html.into(),
            content_type: "text/html; charset=utf-8",
            headers: vec![],
        }
    }
    pub fn js(path: &'static str, js: impl Into<String>) -> Page {
        Page {
            path,
            body: js.into(),
            content_type: "text/javascript; charset=utf-8",
            headers: vec![],
        }
    }
    pub fn css(path: &'static str, css: impl Into<String>) -> Page {
        Page {
            path,
            body: css.into(),
            content_type: "text/css; charset=utf-8",
            headers: vec![],
        }
    }
    pub fn json(path: &'static str, json: impl Into<String>) -> Page {
        Page {
            path,
            body: json.into(),
            content_type: "application/json",
            headers: vec![],
        }
    }
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Page {
        self.headers.push((name, value.into()));
        self
    }
}

/// A failure the server injects for requests whose path contains a pattern.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Answer with this HTTP status.
    Status(u16),
    /// Send only the first half of the file.
    Truncate,
    /// Never answer (the client must time out).
    Hang,
    /// Serve the file with this Content-Type.
    ContentType(&'static str),
    /// Serve the file this many milliseconds late (a slow download, on loopback).
    Delay(u64),
}

/// Serves dist/ plus test pages on 127.0.0.1 and records every request path.
pub struct Server {
    pub base: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start(pages: Vec<Page>) -> Server {
        Server::with_faults(pages, Vec::new())
    }

    /// Like `start`, failing the first `times` requests whose path contains `pattern`.
    pub fn with_faults(pages: Vec<Page>, faults: Vec<(&'static str, Fault, usize)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let log = Arc::new(Mutex::new(Vec::new()));
        let site = Site {
            dist: env_path("SANCTUARY_DIST"),
            pages: pages.into_iter().map(|p| (p.path, p)).collect(),
            faults: Mutex::new(faults),
            log: log.clone(),
        };
        std::thread::spawn(move || http1::accept(listener, move |r| site.answer(r.path())));
        Server { base, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// How many times a path was requested.
    pub fn count(&self, path: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|p| p.as_str() == path)
            .count()
    }

    pub fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

/// What the test server serves: dist/, the test's pages, and its faults.
struct Site {
    dist: PathBuf,
    pages: HashMap<&'static str, Page>,
    faults: Mutex<Vec<(&'static str, Fault, usize)>>,
    log: Arc<Mutex<Vec<String>>>,
}

type Body = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

impl Site {
    /// The response to a request for `path` (None: close the connection unanswered).
    fn answer(&self, path: &str) -> Option<Body> {
        self.log.lock().unwrap().push(path.to_owned());
        let fault = self
            .faults
            .lock()
            .unwrap()
            .iter_mut()
            .find(|(pattern, _, left)| *left > 0 && path.contains(pattern))
            .map(|f| {
                f.2 -= 1;
                f.1.clone()
            });
        if let Some(Fault::Delay(ms)) = fault {
            std::thread::sleep(Duration::from_millis(ms));
        }
        let file = http1::resolve(&self.dist, path);
        let served = |body: Vec<u8>, content_type: &str| {
            tiny_http::Response::from_data(body).with_header(header("Content-Type", content_type))
        };
        Some(match (fault, &file) {
            (Some(Fault::Status(code)), _) => {
                tiny_http::Response::from_data(b"injected failure".to_vec()).with_status_code(code)
            }
            (Some(Fault::Hang), _) => {
                // Hold the connection open without answering, longer than any client waits.
                std::thread::sleep(Duration::from_secs(90));
                return None;
            }
            (Some(Fault::Truncate), Some(f)) => {
                let mut body = std::fs::read(f).unwrap();
                body.truncate(body.len() / 2);
                served(body, content_type(f))
            }
            (Some(Fault::ContentType(ct)), Some(f)) => served(std::fs::read(f).unwrap(), ct),
            _ => {
                if let Some(page) = self.pages.get(path) {
                    let mut r = served(page.body.clone().into_bytes(), page.content_type);
                    for (k, v) in &page.headers {
                        r = r.with_header(header(k, v));
                    }
                    r
                } else if let Some(file) = file {
                    served(std::fs::read(&file).unwrap(), content_type(&file))
                } else {
                    tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404)
                }
            }
        })
    }
}

fn header(k: &str, v: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// ChromeDriver on a free port, stopped on drop.
pub struct Driver {
    child: Child,
    pub url: String,
}

impl Driver {
    pub fn start() -> Driver {
        let port = free_port();
        // Its own process group, so dropping the driver also ends the Chromium it started
        // (a test that fails before `close` must not leave browsers running).
        let child = Command::new(env_path("CHROMEDRIVER"))
            .process_group(0)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // `kill -s KILL -- -PGID`: procps reads `kill -KILL -1234` as `kill(-1, …)`, every process.
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--"])
            .arg(format!("-{}", self.child.id()))
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A headless Chromium session.
pub struct Browser {
    pub client: Client,
    _driver: Driver,
}

impl Browser {
    pub async fn start(width: u32, height: u32) -> Browser {
        let driver = Driver::start();
        let caps = json!({
            "goog:chromeOptions": {
                "binary": env_path("CHROMIUM"),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", format!("--window-size={width},{height}"),
                ]
            }
        });
        let caps: fantoccini::wd::Capabilities =
            caps.as_object().unwrap().clone().into_iter().collect();
        // ChromeDriver may accept connections a moment before it accepts sessions: retry.
        let mut attempt = 0;
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&driver.url)
                .await
            {
                Ok(client) => break client,
                Err(e) if attempt < 4 => {
                    attempt += 1;
                    eprintln!("WebDriver session attempt {attempt} failed: {e}; retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!("a WebDriver session: {e}"),
            }
        };
        Browser {
            client,
            _driver: driver,
        }
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls a JavaScript expression until it is truthy (a thrown error counts as false);
    /// panics with `what` after 20 s.
    pub async fn wait_until(&self, expr: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            // Not there yet (e.g. no shadow root) counts as false.
            let v = self
                .js(&format!(
                    "try {{ return !!({expr}); }} catch (e) {{ return false; }}"
                ))
                .await;
            if v == Value::Bool(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} ({expr})"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The elements matching `css` inside the shadow root of the host matching `host`.
    /// Clicks the first question of the widget in `host` and waits until it is open.
    pub async fn open_first_question(&self, host: &str) {
        self.shadow_all(host, ".se-qa__trigger").await[0]
            .click()
            .await
            .unwrap();
        self.wait_until(
            &format!(
                "{}.getAttribute('aria-expanded') === 'true'",
                in_shadow(host, ".se-qa__trigger")
            ),
            &format!("a question to open in {host}"),
        )
        .await;
    }

    /// The text of the first element matching `css` in `host`'s shadow root.
    pub async fn text(&self, host: &str, css: &str) -> String {
        let v = self
            .js(&format!("return {}.textContent;", in_shadow(host, css)))
            .await;
        v.as_str()
            .unwrap_or_else(|| panic!("no text at {host} {css}: {v}"))
            .to_owned()
    }

    /// The computed value of the CSS property `prop` (camelCase, as `CSSStyleDeclaration`
    /// names it) of the first element matching `css` in `host`'s shadow root.
    pub async fn style(&self, host: &str, css: &str, prop: &str) -> String {
        let v = self
            .js(&format!(
                "return getComputedStyle({})[{prop:?}];",
                in_shadow(host, css)
            ))
            .await;
        v.as_str()
            .unwrap_or_else(|| panic!("no {prop} at {host} {css}: {v}"))
            .to_owned()
    }

    pub async fn shadow_all(&self, host: &str, css: &str) -> Vec<Element> {
        let script = format!(
            "return Array.from(document.querySelector({host:?}).shadowRoot.querySelectorAll({css:?}));"
        );
        let v = self.js(&script).await;
        v.as_array()
            .unwrap_or_else(|| panic!("{host} {css}: {v}"))
            .iter()
            .map(|e| {
                let id = e[ELEMENT_KEY]
                    .as_str()
                    .expect("an element reference")
                    .to_owned();
                Element::from_element_id(self.client.clone(), ElementRef::from(id))
            })
            .collect()
    }

    /// Clicks the `n`-th element matching `css` in `host`'s shadow root, as a reader would
    /// (WebDriver's click: scrolled into view, at its centre). Panics naming the selector when
    /// there are not that many.
    pub async fn click_nth(&self, host: &str, css: &str, n: usize) {
        let all = self.shadow_all(host, css).await;
        let el = all
            .get(n)
            .unwrap_or_else(|| panic!("{host} {css}: {} match(es), no #{n}", all.len()));
        el.click()
            .await
            .unwrap_or_else(|e| panic!("{host} {css} #{n}: {e}"));
    }

    /// A Chrome DevTools Protocol command, through ChromeDriver's `goog/cdp/execute`.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        #[derive(Debug)]
        struct Cdp(Value);
        impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
            fn endpoint(
                &self,
                base: &url::Url,
                session: Option<&str>,
            ) -> Result<url::Url, url::ParseError> {
                base.join(&format!(
                    "session/{}/goog/cdp/execute",
                    session.unwrap_or_default()
                ))
            }
            fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
                (http::Method::POST, Some(self.0.to_string()))
            }
        }
        self.client
            .issue_cmd(Cdp(json!({ "cmd": cmd, "params": params })))
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}
