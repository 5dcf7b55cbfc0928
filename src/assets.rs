//! Geometry files from the widget's asset directory: fetched once per page, decoded once,
//! shared by every widget on the page (one wasm instance serves them all).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use sanctuary_core::geometry::Layer;
use yew::Callback;

/// A decoded layer, or a reader-facing reason it could not be had.
pub type GeoResult = Result<Rc<Layer>, String>;

enum Entry {
    Loading(Vec<Callback<GeoResult>>),
    Done(Rc<Layer>),
}

thread_local! {
    static CACHE: RefCell<HashMap<String, Entry>> = RefCell::new(HashMap::new());
}

/// Calls `done` with the layer at `url`, fetching it only if no widget has asked for it yet.
/// A failure is not cached: the next call fetches again (the reader's "try again").
pub fn load(url: &str, done: Callback<GeoResult>) {
    let start = CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        match cache.get_mut(url) {
            Some(Entry::Done(layer)) => {
                done.emit(Ok(layer.clone()));
                false
            }
            Some(Entry::Loading(waiting)) => {
                waiting.push(done);
                false
            }
            None => {
                cache.insert(url.to_owned(), Entry::Loading(vec![done]));
                true
            }
        }
    });
    if start {
        let url = url.to_owned();
        spawn(async move {
            let result = fetch(&url).await.map(Rc::new);
            let waiting = CACHE.with(|cache| {
                let mut cache = cache.borrow_mut();
                let entry = match &result {
                    Ok(layer) => cache.insert(url.clone(), Entry::Done(layer.clone())),
                    Err(_) => cache.remove(&url),
                };
                match entry {
                    Some(Entry::Loading(waiting)) => waiting,
                    _ => Vec::new(),
                }
            });
            for w in waiting {
                w.emit(result.clone());
            }
        });
    }
}

/// Puts an already decoded layer in the cache (tests, and server-side rendering).
pub fn preload(url: &str, layer: Layer) {
    CACHE.with(|cache| {
        cache
            .borrow_mut()
            .insert(url.to_owned(), Entry::Done(Rc::new(layer)))
    });
}

#[cfg(target_arch = "wasm32")]
fn spawn(f: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(f);
}

#[cfg(not(target_arch = "wasm32"))]
fn spawn(_: impl std::future::Future<Output = ()> + 'static) {
    // Server-side rendering fetches nothing: the map renders its loading state.
}

/// How long a geometry download may take before the reader is offered "try again".
#[cfg(target_arch = "wasm32")]
const TIMEOUT_MS: i32 = 20_000;

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// embed.js's `SanctuaryExplainer._take(url)`: the response promise of a download it started
    /// early for this url (once), else `undefined`. Throws when the widget runs without embed.js.
    #[wasm_bindgen(catch, js_namespace = SanctuaryExplainer, js_name = _take)]
    fn prefetched(url: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

#[cfg(target_arch = "wasm32")]
async fn fetch(url: &str) -> Result<Layer, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    // Abort a download that hangs, so the map shows its message instead of loading forever.
    let abort = web_sys::AbortController::new().map_err(|_| "no AbortController")?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&abort.signal()));
    let on_timeout = wasm_bindgen::closure::Closure::once_into_js({
        let abort = abort.clone();
        move || abort.abort()
    });
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.unchecked_ref(),
            TIMEOUT_MS,
        )
        .ok();
    let result = async {
        // embed.js may have started this download already (the states, beside the wasm).
        let pending = prefetched(url)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            .unwrap_or_else(|| window.fetch_with_str_and_init(url, &init));
        let response: web_sys::Response = JsFuture::from(pending)
            .await
            .map_err(|_| format!("network error or timeout loading {url}"))?
            .unchecked_into();
        if !response.ok() {
            return Err(format!("{url}: HTTP {}", response.status()));
        }
        let buffer = JsFuture::from(
            response
                .array_buffer()
                .map_err(|_| format!("{url}: unreadable body"))?,
        )
        .await
        .map_err(|_| format!("{url}: the download was interrupted"))?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        sanctuary_core::geometry::decode(&bytes).map_err(|e| format!("{url}: {e}"))
    }
    .await;
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    result
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch(url: &str) -> Result<Layer, String> {
    Err(format!("{url}: no network outside the browser"))
}
