//! Host integration: the only code that touches the page the widget is embedded in.
//! `embed.js` (beside this file) finds the placeholders, loads this wasm once per page, and
//! calls [`mount`] for each placeholder; [`unmount`] takes a widget down again.
//!
//! - options: `data-*` attributes (parsed in `sanctuary_core::options`), console warnings;
//! - the shadow root, the shared stylesheet, the accent colour;
//! - events to the page (`sanctuary-explainer:ready|question|jurisdiction|language`);
//! - deep links in the URL fragment and "copy link";
//! - `data-content`: a newsroom's own story or data file, validated like ours.

mod content;
mod options;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::deeplink::{self, Target};
use sanctuary_core::i18n::Lang;
use sanctuary_core::packed::Content;
use sanctuary_core::policy::Dataset;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, Callback};

use crate::assets;
use crate::bundle::default_outline;
use crate::components::{Explainer, ExplainerProps, WidgetEvent};
pub use options::Options;

/// The widget's stylesheet, adopted by every shadow root (no request, no `<style>` element):
/// `styles/*.css` as build.rs joined and minified them (see `STYLES` there).
/// (Public so the browser tests style components exactly as a mounted widget is styled.)
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// Name of the event a host element dispatches once its widget is interactive.
pub const READY_EVENT: &str = "sanctuary-explainer:ready";
pub const QUESTION_EVENT: &str = "sanctuary-explainer:question";
pub const JURISDICTION_EVENT: &str = "sanctuary-explainer:jurisdiction";
pub const LANGUAGE_EVENT: &str = "sanctuary-explainer:language";

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    static APPS: RefCell<Vec<(HtmlElement, Option<AppHandle<Explainer>>)>> = const { RefCell::new(Vec::new()) };
}

/// Adds the rules of the map's laws and table ([`sanctuary_core::panels::Panels::css`]) to the
/// stylesheet every widget on the page shares, once: they come with the panels, after the
/// first view, so the wasm does not carry them.
pub fn add_rules(css: &str) {
    thread_local! {
        static ADDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if css.is_empty() || ADDED.with(|a| a.replace(true)) {
        return;
    }
    if let Ok(sheet) = stylesheet() {
        let _ = sheet.replace_sync(&[CSS, css].concat());
    }
}

fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    if let Some(root) = host.shadow_root() {
        return Ok(root);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
}

fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn warn(message: &str) {
    gloo::console::warn!(format!("sanctuary-explainer: {message}"));
}

/// The widget's name in deep links: its element id, or its position among the placeholders.
fn widget_key(host: &HtmlElement) -> String {
    let position = host
        .owner_document()
        .and_then(|d| d.query_selector_all("[data-sanctuary-explainer]").ok())
        .and_then(|list| {
            (0..list.length()).position(|i| list.item(i).is_some_and(|n| n == ***host))
        })
        .map_or(1, |i| i + 1);
    deeplink::widget_key(&host.id(), position)
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the URL fragment without scrolling or adding a history entry.
fn set_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// The page's URL with the fragment for `target`, copied to the clipboard.
fn copy_link(key: &str, target: &Target) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let href = window.location().href().unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    let url = format!("{page}{}", deeplink::format(key, target));
    let clipboard = window.navigator().clipboard();
    let _ = clipboard.write_text(&url);
    true
}

/// The language at start: `data-lang`, else the page's language when it is Spanish, else English.
fn start_lang(options: &Options, host: &HtmlElement) -> Lang {
    options.lang.unwrap_or_else(|| {
        let page = host
            .owner_document()
            .and_then(|d| d.document_element())
            .map(|e| e.get_attribute("lang"));
        match page.flatten() {
            Some(l) if l.to_ascii_lowercase().starts_with("es") => Lang::Es,
            _ => Lang::En,
        }
    })
}

thread_local! {
    /// Set by the panic hook. With `panic = "abort"` a panic traps the whole wasm instance, and
    /// its memory may be mid-update: every entry point the page can still reach (`mount`,
    /// `unmount`, listeners on host elements) reads only this and returns at once.
    static POISONED: Cell<bool> = const { Cell::new(false) };
    /// embed.js's crash callback ([`on_crash`]); a `Cell`, so the panic hook never meets a borrow.
    static ON_CRASH: Cell<Option<js_sys::Function>> = const { Cell::new(None) };
    /// The host whose next widget event panics ([`test_panic`]).
    static ARMED: Cell<Option<HtmlElement>> = const { Cell::new(None) };
}

fn poisoned() -> bool {
    POISONED.with(Cell::get)
}

/// Our panic hook, set instead of yew's default. It marks this instance dead and tells embed.js
/// (which names the widget in one console message, shows it a "Try again" and restarts the other
/// widgets in a new instance); without embed.js it writes one console message itself. Nothing of
/// the host page's own error handling is touched.
#[cfg(not(panic_runs_no_hook))]
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            let first = !POISONED.with(|p| p.replace(true));
            let message = info.to_string();
            let callback = ON_CRASH.with(Cell::take);
            let told = callback
                .as_ref()
                .is_some_and(|f| f.call1(&JsValue::NULL, &message.as_str().into()).is_ok());
            ON_CRASH.with(|c| c.set(callback));
            if first && !told {
                gloo::console::error!(format!(
                    "sanctuary-explainer: internal error, the explainer stopped responding (the rest of the page is not affected): {message}"
                ));
            }
        }));
    });
}

/// A build whose panics run no hook (`panic_runs_no_hook`, set by build.rs for nightly's
/// `-Cpanic=immediate-abort`) has none: the trap guard in the glue tells embed.js
/// (xtask/src/dist/guard.rs), without the panic's message.
#[cfg(panic_runs_no_hook)]
fn install_panic_hook() {}

/// embed.js registers `callback(message)`, called on every panic of this instance (the first
/// one kills it; embed.js then recovers in a new instance).
#[wasm_bindgen]
pub fn on_crash(callback: js_sys::Function) {
    install_panic_hook();
    ON_CRASH.with(|c| c.set(Some(callback)));
}

/// For the end-to-end fault tests (`tests/e2e_panic.rs`), not an API: the next event the widget
/// in `host` reports (a reader opening a question, selecting a place…) panics inside yew's event
/// handling, as a bug in a component would.
#[wasm_bindgen(js_name = __test_panic)]
pub fn test_panic(host: HtmlElement) {
    ARMED.with(|a| a.set(Some(host)));
}

/// Mounts one widget into `host`: an open shadow root, the stylesheet, and the yew app.
/// `assets` is the widget's asset directory (where embed.js was served from), ending in `/`;
/// `geo` and `content` the geometry and default-story directories inside it, ending in `/`
/// (embed.js passes the content-hashed `geo-<hash>/` and `content-<hash>/` of its build; `geo/`
/// and `content/` when absent). Mounting a host twice does nothing.
///
/// The widget renders once its story is there (the reader's language, fetched once per page:
/// embed.js starts that download beside the wasm's), at once if another widget has it already.
/// If the story cannot be had, the host is forgotten and `failed(reason)` is called (embed.js
/// then offers "Try again").
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    assets: String,
    geo: Option<String>,
    content: Option<String>,
    failed: js_sys::Function,
) -> Result<(), JsValue> {
    if poisoned() {
        return Err("sanctuary-explainer: stopped after an internal error".into());
    }
    let geo = format!("{assets}{}", geo.as_deref().unwrap_or("geo/"));
    let stories = format!("{assets}{}", content.as_deref().unwrap_or("content/"));
    if APPS.with(|apps| apps.borrow().iter().any(|(h, _)| h == &host)) {
        return Ok(());
    }
    install_panic_hook();
    APPS.with(|apps| apps.borrow_mut().push((host.clone(), None)));
    let options = options::read(&host);
    let lang = start_lang(&options, &host);
    let key = widget_key(&host);
    let link = deeplink::parse(&location_hash(), &key);
    let widget = Widget {
        host,
        options,
        lang,
        key,
        link,
        geo,
        details: stories.clone(),
        stories,
    };
    // The map's states are asked for before the story is waited for (embed.js started both
    // downloads beside the wasm's, and hands the story over once the states are there too, or
    // at most 250 ms later): when they are there with the story, they are decoded first, and
    // the first render draws the map with the Q&A (one render and one layout, not a second of
    // each); when they come later, the map section draws them then.
    if widget.options.layout.has_map() {
        assets::prefetch(&assets::states_url(&widget.geo), assets::decode_geometry);
    }
    let host = widget.host.clone();
    let settle = Callback::from(move |result: Result<(), String>| {
        if let Err(e) = result {
            forget(&host);
            let _ = failed.call1(&JsValue::NULL, &e.into());
        }
    });
    match widget.options.content.clone() {
        None => widget.with_default_story(default_outline(), settle),
        Some(url) => wasm_bindgen_futures::spawn_local(async move {
            match content::load(&url).await {
                Ok(Content::Story(story)) => {
                    settle.emit(widget.render(Rc::new(story), default_outline(), false))
                }
                Ok(Content::NewsroomData(data, panels)) => {
                    // Its panels, written by the validator, where the map section looks for
                    // them: in the page's cache, under the file's url.
                    let details = format!("{url}#");
                    for p in panels {
                        assets::preload(&assets::panels_url(&details, p.lang), p);
                    }
                    Widget { details, ..widget }.with_default_story(Rc::new(data), settle)
                }
                Ok(_) => settle.emit(Err(format!(
                    "{url}: the content checker answered with something else than a story or a data file"
                ))),
                Err(problems) => {
                    if let Some(Ok(root)) = widget.wanted().then(|| styled_root(&widget.host)) {
                        content::show_problems(&widget.host, &root, &url, &problems);
                    }
                }
            }
        }),
    }
    Ok(())
}

/// A widget being mounted: what it needs once its content is there.
#[derive(Clone)]
struct Widget {
    host: HtmlElement,
    options: Options,
    lang: Lang,
    /// The geometry directory's URL.
    geo: String,
    /// The default story's directory's URL.
    stories: String,
    /// The map's panels' directory's URL (`panels.<lang>.bin` in it): `stories`, or for a
    /// newsroom's data file, its url and `#`.
    details: String,
    /// The widget's name in deep links, and what a deep link in the page's URL opens in it.
    key: String,
    link: Option<Target>,
}

impl Widget {
    /// Still wanted? (unmounted while its content loaded, or the instance died meanwhile)
    fn wanted(&self) -> bool {
        !poisoned() && APPS.with(|apps| apps.borrow().iter().any(|(h, _)| h == &self.host))
    }

    /// Renders with the default story in the reader's language, once it is there: its head
    /// (the answers come after the first view), or the whole story when a question is open at
    /// start (`data-open`, or a deep link to a question).
    fn with_default_story(self, data: Rc<Dataset>, settle: Callback<Result<(), String>>) {
        let dir = self.stories.clone();
        let open_at_start =
            self.options.open.is_some() || matches!(self.link, Some(Target::Question(_)));
        assets::load_story(
            &dir,
            self.lang,
            !open_at_start,
            Callback::from(move |story: assets::StoryResult| {
                settle.emit(story.and_then(|story| self.render(story, data.clone(), true)))
            }),
        );
    }

    /// The shadow root, the stylesheet, the accent, and the yew app. `ours`: the story is the
    /// default one, so the reader can switch to its other languages.
    fn render(&self, story: Rc<Story>, data: Rc<Dataset>, ours: bool) -> Result<(), String> {
        if !self.wanted() {
            return Ok(());
        }
        self.build(story, data, ours).map_err(|e| {
            format!(
                "could not set up the widget: {}",
                e.as_string().unwrap_or_default()
            )
        })
    }

    fn build(&self, story: Rc<Story>, data: Rc<Dataset>, ours: bool) -> Result<(), JsValue> {
        let Widget {
            host,
            options,
            lang,
            geo,
            stories,
            details,
            key,
            link,
        } = self;
        let root = styled_root(host)?;
        if let Some(accent) = &options.accent {
            let style = host.style();
            style.set_property("--se-accent", accent)?;
            style.set_property("--se-focus", accent)?;
        }
        let initial = link.clone().or_else(|| {
            let id = options.open.clone()?;
            if story.question_index(&id).is_some() {
                Some(Target::Question(id))
            } else {
                let ids: Vec<&str> = story.questions.iter().map(|q| q.id.as_str()).collect();
                warn(&format!(
                    "data-open=\"{id}\" is not a question id; accepted: {}",
                    ids.join(", ")
                ));
                None
            }
        });

        // Replace whatever the placeholder's shadow root held (a static fallback) in one go.
        root.set_inner_html("");
        let container = host
            .owner_document()
            .ok_or("host is not in a document")?
            .create_element("div")?;
        container.set_class_name("se-root");
        root.append_child(&container)?;

        let ready_host = host.clone();
        let event_host = host.clone();
        let event_key = key.clone();
        let props = ExplainerProps {
            stories: Rc::new(vec![story]),
            content: ours.then(|| stories.clone().into()),
            details: Some(details.clone().into()),
            data: data.into(),
            lang: *lang,
            layout: options.layout,
            theme: options.theme,
            initial,
            geo: geo.clone().into(),
            on_ready: Callback::from(move |()| {
                dispatch(&ready_host, READY_EVENT, &JsValue::NULL);
                keep_reserved_space(&ready_host);
            }),
            on_event: Callback::from(move |e: WidgetEvent| {
                if let Some(armed) = ARMED.with(Cell::take) {
                    assert!(
                        armed != event_host,
                        "__test_panic: the panic the tests asked for"
                    );
                    ARMED.with(|a| a.set(Some(armed)));
                }
                match e {
                    WidgetEvent::Question { id, open } => {
                        if open {
                            set_fragment(&deeplink::format(
                                &event_key,
                                &Target::Question(id.clone()),
                            ));
                        }
                        let detail = object(&[("id", id.into()), ("open", open.into())]);
                        dispatch(&event_host, QUESTION_EVENT, &detail);
                    }
                    WidgetEvent::Jurisdiction { id } => {
                        set_fragment(&deeplink::format(&event_key, &Target::Place(id.clone())));
                        dispatch(
                            &event_host,
                            JURISDICTION_EVENT,
                            &object(&[("id", id.into())]),
                        );
                    }
                    WidgetEvent::Language { lang } => {
                        dispatch(
                            &event_host,
                            LANGUAGE_EVENT,
                            &object(&[("lang", lang.code().into())]),
                        );
                    }
                }
            }),
            on_copy: Some({
                let key = key.clone();
                Callback::from(move |target: Target| copy_link(&key, &target))
            }),
        };
        let app = yew::Renderer::<Explainer>::with_root_and_props(container, props).render();
        APPS.with(|apps| {
            if let Some(entry) = apps.borrow_mut().iter_mut().find(|(h, _)| h == host) {
                entry.1 = Some(app);
            }
        });
        Ok(())
    }
}

/// `host`'s shadow root, with the shared stylesheet adopted.
fn styled_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    let root = shadow_root(host)?;
    let sheet: JsValue = stylesheet()?.into();
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Ok(root)
}

/// Drops `host` from the widgets of this instance (a mount that could not finish).
fn forget(host: &HtmlElement) {
    APPS.with(|apps| apps.borrow_mut().retain(|(h, _)| h != host));
}

/// embed.js reserved the widget's space before the wasm arrived: the reservation stays until
/// the reader's first interaction with the widget (a layout change right after input is not a
/// layout shift). A widget as tall as it or taller is not held by it; a shorter one does not
/// shrink under the article. Nothing is measured here: at the ready event the page has not been
/// laid out with the widget yet, and a measure would lay it out then, before the browser does.
fn keep_reserved_space(host: &HtmlElement) {
    let target = host.clone();
    let release = Closure::<dyn FnMut()>::once(move || {
        if poisoned() {
            return;
        }
        let _ = target.style().remove_property("min-height");
    });
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_once(true);
    for event in ["pointerdown", "keydown"] {
        let _ = host.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            release.as_ref().unchecked_ref(),
            &opts,
        );
    }
    release.forget();
}

/// Takes the widget in `host` down: the yew app, the shadow root's content, the styles it set.
#[wasm_bindgen]
pub fn unmount(host: HtmlElement) {
    if poisoned() {
        return;
    }
    let app = APPS.with(|apps| {
        let mut apps = apps.borrow_mut();
        let i = apps.iter().position(|(h, _)| h == &host)?;
        Some(apps.remove(i).1)
    });
    if let Some(Some(app)) = app {
        app.destroy();
    }
    if let Some(root) = host.shadow_root() {
        root.set_inner_html("");
    }
    let style = host.style();
    for prop in ["--se-accent", "--se-focus", "min-height"] {
        let _ = style.remove_property(prop);
    }
}
