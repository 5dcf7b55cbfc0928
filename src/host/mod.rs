//! Host integration: the only code that touches the page the widget is embedded in.
//! `embed.js` (beside this file) finds the placeholders, loads this wasm once per page, and
//! calls [`mount`] for each placeholder.

mod options;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, Callback};

use crate::components::{Explainer, ExplainerProps};
pub use options::Options;

/// The widget's stylesheet, adopted by every shadow root (no request, no `<style>` element).
const CSS: &str = concat!(
    include_str!("../../styles/widget.css"),
    include_str!("../../styles/map.css"),
    include_str!("../../styles/panels.css"),
);

/// Name of the event a host element dispatches once its widget is interactive.
pub const READY_EVENT: &str = "sanctuary-explainer:ready";

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    static APPS: RefCell<Vec<(HtmlElement, AppHandle<Explainer>)>> = const { RefCell::new(Vec::new()) };
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

/// Mounts one widget into `host`: an open shadow root, the stylesheet, and the yew app.
/// `assets` is the widget's asset directory (where embed.js was served from), ending in `/`.
/// Mounting a host twice does nothing the second time.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, assets: String) -> Result<(), JsValue> {
    if APPS.with(|apps| apps.borrow().iter().any(|(h, _)| h == &host)) {
        return Ok(());
    }
    let story = crate::bundle::default_story();
    let data = crate::bundle::default_dataset();
    let options = Options::read(&host, &story);
    let root = shadow_root(&host)?;
    let sheet: JsValue = stylesheet()?.into();
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    root.set_inner_html("");
    let container = host
        .owner_document()
        .ok_or("host is not in a document")?
        .create_element("div")?;
    container.set_class_name("se-root");
    root.append_child(&container)?;

    let ready_host = host.clone();
    let props = ExplainerProps {
        story,
        data,
        layout: options.layout,
        assets: assets.into(),
        initial_open: options.open,
        on_ready: Callback::from(move |()| dispatch(&ready_host, READY_EVENT, &JsValue::NULL)),
    };
    let app = yew::Renderer::<Explainer>::with_root_and_props(container, props).render();
    APPS.with(|apps| apps.borrow_mut().push((host, app)));
    Ok(())
}
