//! Files from the widget's asset directory (geometry, the default story in each language, the
//! map's panels): downloaded once per page (by embed.js, which starts the first ones beside the
//! wasm and times out a download that hangs), decoded once, shared by every widget on the page
//! (one wasm instance serves them all).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::geometry::Layer;
use sanctuary_core::i18n::Lang;
use sanctuary_core::packed::{unpack, Content};
use yew::Callback;

/// A decoded layer, or a reader-facing reason it could not be had.
pub type GeoResult = Result<Rc<Layer>, String>;
/// A decoded story, or the reason it could not be had.
pub type StoryResult = Result<Rc<Story>, String>;

/// A decoded file of any kind; [`load`] and [`downcast`] give each caller its own type back.
pub type Decoded = Result<Rc<dyn Any>, String>;
/// Bytes to a decoded file (a reason when they are not one).
pub type Decode = fn(&[u8]) -> Decoded;

enum Entry {
    Loading(Vec<Callback<Decoded>>),
    Done(Rc<dyn Any>),
    /// A download started ahead ([`prefetch`]) that failed before anyone asked: the reason,
    /// handed to the first who asks (the map then offers "Try again"), then forgotten.
    Failed(String),
}

/// The page's files by URL: a few dozen at most (states, a story or two, the counties of the
/// states a reader opens), so a list, which costs the wasm less than a hash map.
#[derive(Default)]
struct Cache(Vec<(String, Entry)>);

impl Cache {
    fn get_mut(&mut self, url: &str) -> Option<&mut Entry> {
        self.0.iter_mut().find(|(u, _)| u == url).map(|(_, e)| e)
    }

    fn remove(&mut self, url: &str) -> Option<Entry> {
        let at = self.0.iter().position(|(u, _)| u == url)?;
        Some(self.0.swap_remove(at).1)
    }

    /// Sets `url`'s entry; returns the one it replaces.
    fn insert(&mut self, url: String, entry: Entry) -> Option<Entry> {
        let old = self.remove(&url);
        self.0.push((url, entry));
        old
    }
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The default story's file in `lang`, in the content directory `dir` (ending in `/`).
pub fn story_url(dir: &str, lang: Lang) -> String {
    format!("{dir}story.{}.bin", lang.code())
}

/// The first view's part of the default story in `lang` ([`Story::head`]: no answers), in the
/// content directory `dir`.
pub fn head_url(dir: &str, lang: Lang) -> String {
    format!("{dir}head.{}.bin", lang.code())
}

/// Calls `done` with the default story in `lang` from the content directory `dir` (its
/// [`Story::head`] when `head`), fetched once per page like the geometry (embed.js starts the
/// reader's language beside the wasm).
pub fn load_story(dir: &str, lang: Lang, head: bool, done: Callback<StoryResult>) {
    let url = match head {
        true => head_url(dir, lang),
        false => story_url(dir, lang),
    };
    let named = url.clone();
    let done = done.reform(move |r: StoryResult| {
        r.and_then(|story| match story.lang == lang {
            true => Ok(story),
            false => Err(format!("{named}: not the story in {}", lang.name())),
        })
    });
    load(&url, decode_story, done);
}

/// The national map's file in the geometry directory `dir` (ending in `/`).
pub fn states_url(dir: &str) -> String {
    format!("{dir}states.bin")
}

/// The map's panels in `lang` (`content-<hash>/panels.<lang>.bin`, which the map section
/// loads) in the directory `dir` (ending in `/`, or in `#` for a newsroom's data file, whose
/// panels the host puts in the cache: [`preload`]).
pub fn panels_url(dir: &str, lang: Lang) -> String {
    format!("{dir}panels.{}.bin", lang.code())
}

/// The panels' bytes: panels in the language their url names.
pub(crate) fn decode_panels(bytes: &[u8]) -> Decoded {
    match unpack(bytes)? {
        Content::Panels(panels) => Ok(Rc::new(panels)),
        _ => Err("not the map's panels".to_owned()),
    }
}

pub(crate) fn decode_geometry(bytes: &[u8]) -> Decoded {
    match sanctuary_core::geometry::decode(bytes) {
        Ok(layer) => Ok(Rc::new(layer)),
        Err(e) => Err(e.to_string()),
    }
}

pub(crate) fn decode_story(bytes: &[u8]) -> Decoded {
    match unpack(bytes)? {
        Content::Story(story) => Ok(Rc::new(story)),
        _ => Err("not a story".to_owned()),
    }
}

/// Calls `done` with the file at `url` as `decode` makes it, fetching it only if no widget has
/// asked for it yet. A failure is not cached (unless it was a [`prefetch`] nobody had asked
/// for yet): the next call fetches again (the reader's "try again"). Every kind of file shares
/// one cache and one fetch (no copy of it per type).
fn load<T: 'static>(url: &str, decode: Decode, done: Callback<Result<Rc<T>, String>>) {
    let named = url.to_owned();
    let done = done.reform(move |r: Decoded| downcast(&named, r));
    load_any(url, decode, done);
}

/// A decoded file as the type it was decoded to (an error if `url` was asked for as another).
pub fn downcast<T: 'static>(url: &str, r: Decoded) -> Result<Rc<T>, String> {
    r.and_then(|any| {
        any.downcast::<T>()
            .map_err(|_| format!("{url}: asked for as two kinds of file"))
    })
}

/// Starts the download of `url` (if no widget has asked for it yet) for a widget that will ask
/// for it soon: it is decoded when it comes, and a failure is kept for the first who asks.
pub(crate) fn prefetch(url: &str, decode: Decode) {
    ask(url, decode, None);
}

/// [`load`] for every type: the one copy of the cache and the download code.
pub(crate) fn load_any(url: &str, decode: Decode, done: Callback<Decoded>) {
    ask(url, decode, Some(done));
}

fn ask(url: &str, decode: Decode, done: Option<Callback<Decoded>>) {
    // `done` is called outside the cache's borrow: it may render a widget, which asks again.
    let (start, have) = CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        match cache.get_mut(url) {
            Some(Entry::Done(file)) => (false, Some(Ok(file.clone()))),
            Some(Entry::Loading(waiting)) => {
                waiting.extend(done.clone());
                (false, None)
            }
            Some(Entry::Failed(_)) if done.is_some() => match cache.remove(url) {
                Some(Entry::Failed(e)) => (false, Some(Err(e))),
                _ => (false, None),
            },
            Some(Entry::Failed(_)) => (false, None),
            None => {
                cache.insert(
                    url.to_owned(),
                    Entry::Loading(match &done {
                        Some(done) => vec![done.clone()],
                        None => Vec::new(),
                    }),
                );
                (true, None)
            }
        }
    });
    if let (Some(done), Some(file)) = (done, have) {
        done.emit(file);
    }
    if start {
        let url = url.to_owned();
        spawn(async move {
            let result = fetch(&url, decode).await;
            let waiting = CACHE.with(|cache| {
                let mut cache = cache.borrow_mut();
                let entry = match &result {
                    Ok(file) => cache.insert(url.clone(), Entry::Done(file.clone())),
                    Err(e) => {
                        let entry = cache.remove(&url);
                        if matches!(&entry, Some(Entry::Loading(w)) if w.is_empty()) {
                            cache.insert(url.clone(), Entry::Failed(e.clone()));
                        }
                        entry
                    }
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

/// Puts an already decoded file (a [`Layer`], a [`Story`]) in the cache, as if fetched (tests).
pub fn preload<T: 'static>(url: &str, value: T) {
    CACHE.with(|cache| {
        cache
            .borrow_mut()
            .insert(url.to_owned(), Entry::Done(Rc::new(value)))
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

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// embed.js's `SanctuaryExplainer._get(url)`: the download it started early for this url
    /// (once), else a new one, with a timeout; resolves to an `ArrayBuffer`, or rejects with the
    /// reason. Throws when the widget runs without embed.js.
    #[wasm_bindgen(catch, js_namespace = SanctuaryExplainer, js_name = _get)]
    fn download(url: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

#[cfg(target_arch = "wasm32")]
async fn fetch(url: &str, decode: Decode) -> Decoded {
    let pending = download(url).map_err(|_| format!("{url}: no embed.js to download it"))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(pending)
        .await
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| format!("{url}: not downloaded"))
        })?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode(&bytes).map_err(|e| format!("{url}: {e}"))
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch(url: &str, _: Decode) -> Decoded {
    Err(format!("{url}: no network outside the browser"))
}
