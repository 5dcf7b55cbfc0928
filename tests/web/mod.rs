//! Shared helpers for the browser tests (wasm-bindgen-test in headless Chromium).
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use sanctuary_core::geometry::{Feature, Layer};
use sanctuary_core::i18n::Lang;
use sanctuary_explainer::assets;
use sanctuary_explainer::bundle::{default_dataset, default_story};
use sanctuary_explainer::host::{mount, READY_EVENT};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CssStyleSheet, Element, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot,
    ShadowRootInit, ShadowRootMode,
};

/// The asset directory the test widgets use; geometry is preloaded into the page cache under it.
pub const ASSETS: &str = "/test-assets/";

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets yew's scheduler and the browser run (a macrotask).
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// A host `width` px wide (None: the page's width) in the page, with an open shadow root
/// holding the widget's stylesheet and a `.se-root` div to render a component into.
pub fn styled_shadow(width: Option<u32>) -> (HtmlElement, ShadowRoot, Element) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    if let Some(w) = width {
        host.set_attribute("style", &format!("width: {w}px"))
            .unwrap();
    }
    document().body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let sheet = CssStyleSheet::new().unwrap();
    // The widget's stylesheet with the rules that come with the panels (the components are
    // mounted here without the hook that adds them).
    sheet
        .replace_sync(
            &[
                sanctuary_explainer::host::CSS,
                sanctuary_explainer::bundle::LAWS_CSS,
            ]
            .concat(),
        )
        .unwrap();
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let div = document().create_element("div").unwrap();
    div.set_class_name("se-root");
    root.append_child(&div).unwrap();
    (host, root, div)
}

/// Ticks until `f` is true (at most ~2 s); panics naming `what`.
pub async fn until(what: &str, f: impl Fn() -> bool) {
    for _ in 0..200 {
        if f() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for {what}");
}

/// A square feature at (x, y), 50 units wide.
pub fn square(id: &str, name: &str, x: f32, y: f32) -> Feature {
    Feature {
        id: id.into(),
        name: name.into(),
        path: format!("M{x} {y}h50v50h-50z"),
        bbox: [x, y, x + 50.0, y + 50.0],
        label: [x + 25.0, y + 25.0],
    }
}

/// Small stand-ins for states.bin and counties/06.bin, in the 975×610 view: California in the
/// west, Nevada east of it, Texas south-east, New York far east; two California counties.
pub fn preload_geometry() {
    assets::preload(
        &format!("{ASSETS}geo/states.bin"),
        Layer {
            features: vec![
                square("06", "California", 50.0, 250.0),
                square("32", "Nevada", 150.0, 240.0),
                square("48", "Texas", 400.0, 450.0),
                square("36", "New York", 850.0, 150.0),
            ],
        },
    );
    assets::preload(
        &format!("{ASSETS}geo/counties/06.bin"),
        Layer {
            features: vec![
                square("06037", "Los Angeles", 100.0, 400.0),
                square("06075", "San Francisco", 60.0, 280.0),
                square("06019", "Fresno", 100.0, 330.0),
            ],
        },
    );
}

/// The default story and the map's panels in every language, in the page cache where the
/// widget looks for them (as if embed.js had fetched `content/head.<lang>.bin`, the widget
/// `content/story.<lang>.bin`, and
/// `content/panels.<lang>.bin`).
pub fn preload_stories() {
    for lang in Lang::ALL {
        assets::preload(
            &assets::story_url(&format!("{ASSETS}content/"), lang),
            (*default_story(lang)).clone(),
        );
        assets::preload(
            &assets::head_url(&format!("{ASSETS}content/"), lang),
            default_story(lang).head(),
        );
        assets::preload(
            &assets::panels_url(&format!("{ASSETS}content/"), lang),
            sanctuary_explainer::bundle::panels_for(&default_dataset(), lang),
        );
    }
}

/// `mount`'s `failed` argument for tests: the reason it gives lands in the cell.
pub fn on_failure() -> (js_sys::Function, Rc<RefCell<Option<String>>>) {
    let reason = Rc::new(RefCell::new(None));
    let cell = reason.clone();
    let failed = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        *cell.borrow_mut() = Some(e.as_string().unwrap_or_default())
    });
    (failed.into_js_value().unchecked_into(), reason)
}

/// A fresh placeholder with `data-*` attributes, mounted; waits for the ready event.
pub async fn widget(attrs: &[(&str, &str)]) -> (HtmlElement, ShadowRoot) {
    preload_geometry();
    preload_stories();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute("data-sanctuary-explainer", "").unwrap();
    for (k, v) in attrs {
        host.set_attribute(k, v).unwrap();
    }
    document().body().unwrap().append_child(&host).unwrap();
    let ready = Rc::new(Cell::new(0u32));
    let counter = ready.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        assert!(
            e.bubbles() && e.composed(),
            "ready must bubble and be composed"
        );
        counter.set(counter.get() + 1);
    });
    // Listen on the document: the event must bubble out of the host.
    document()
        .add_event_listener_with_callback(READY_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    let (failed, reason) = on_failure();
    mount(host.clone(), ASSETS.into(), None, None, failed).unwrap();
    until("the ready event", || {
        ready.get() > 0 || reason.borrow().is_some()
    })
    .await;
    assert_eq!(*reason.borrow(), None, "mount failed");
    document()
        .remove_event_listener_with_callback(READY_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(ready.get(), 1, "the ready event fired once");
    let root = host.shadow_root().expect("an open shadow root");
    (host, root)
}

pub fn all(root: &ShadowRoot, css: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

pub fn one(root: &ShadowRoot, css: &str) -> Option<HtmlElement> {
    root.query_selector(css)
        .unwrap()
        .map(JsCast::unchecked_into)
}

pub fn expanded(el: &Element) -> bool {
    el.get_attribute("aria-expanded").as_deref() == Some("true")
}

/// Dispatches a keydown (the widget's own key handling; native activation needs real keys).
pub fn press(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

/// Dispatches a click on an SVG element (which has no `click()` method).
pub fn click(el: &Element) {
    mouse(el, "click", true);
}

/// Dispatches a mouse event of type `kind` on `el` (bubbling or not, as the browser's own).
pub fn mouse(el: &Element, kind: &str, bubbles: bool) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(bubbles);
    init.set_cancelable(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&event).unwrap();
}
