//! Hooks: component-side state that outlives a render.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use sanctuary_core::content::Story;
use sanctuary_core::i18n::Lang;
use sanctuary_core::panels::Panels;

use crate::assets::{self, Decoded, GeoResult};
use crate::components::{focus_in, Shared};

/// A `bool` state that starts `false`. yew's state code is a copy per initial-value closure
/// (about 0.2 KB raw each), so the widget's flags all start here.
#[hook]
pub fn use_flag() -> UseStateHandle<bool> {
    use_state(|| false)
}

/// An id state (a question's, a place's) that starts empty ([`use_flag`]'s reason).
#[hook]
pub fn use_id() -> UseStateHandle<Option<AttrValue>> {
    use_state(|| None)
}

/// A `bool` in a cell (no re-render when it changes) that starts `false` ([`use_flag`]'s
/// reason: one initial-value closure for the widget).
#[hook]
pub fn use_cell_flag() -> Rc<RefCell<bool>> {
    use_mut_ref(|| false)
}

/// Where focus goes after the next render of the component whose root is `root`: a CSS
/// selector to set (the map after zooming, so focus is not lost; a question opened from the
/// detail panel). The `Explainer` and the map section share this, so the wasm holds its code once.
#[hook]
pub fn use_focus_after(root: &NodeRef) -> Rc<RefCell<Option<String>>> {
    let focus_after = use_mut_ref(|| None::<String>);
    {
        let (root, focus_after) = (root.clone(), focus_after.clone());
        use_after_render(Box::new(move || {
            if let Some(selector) = focus_after.borrow_mut().take() {
                focus_in(&root, &selector);
            }
        }));
    }
    focus_after
}

/// Runs `f` after this render, as yew's `use_effect` does, through one closure type for the
/// whole widget: each distinct effect closure is its own copy of yew's effect code in the wasm
/// (about 1 KB raw each), so every effect of the widget goes through here.
#[hook]
pub fn use_after_render(f: Box<dyn FnOnce()>) {
    use_effect(f);
}

/// Runs `f` once, after the component's first render (yew's `use_effect_with((), …)`), through
/// [`use_after_render`]. `f` is built at every render, and dropped unrun after the first.
#[hook]
pub fn use_after_first_render(f: Box<dyn FnOnce()>) {
    let done = use_cell_flag();
    use_after_render(Box::new(move || {
        if !done.replace(true) {
            f();
        }
    }));
}

/// Runs `f` once, as soon as the component's first render is in the document: in the
/// microtask after yew's render pass, before yew's effects. yew runs its effects after a render
/// pass that took longer than 16 ms only once the browser has laid out and painted (its
/// scheduler yields), so what waits for the first render only (the ready event) does not wait
/// for that frame too. On the server (no `wasm32`): never.
#[hook]
pub fn use_after_first_commit(f: Box<dyn FnOnce()>) {
    let done = use_cell_flag();
    if !done.replace(true) {
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(async move { f() });
        #[cfg(not(target_arch = "wasm32"))]
        drop(f);
    }
}

/// A [`NodeRef`] for the component's life, as yew's `use_node_ref` gives, kept in a plain
/// cell: yew's keeps it in a state (`use_state`), and the wasm holds a copy of a state's code
/// per type of state (1.5 KB raw for `NodeRef` alone); setting a node ref re-renders nothing
/// either way.
#[hook]
pub fn use_node_ref() -> NodeRef {
    use_mut_ref(NodeRef::default).borrow().clone()
}

/// The file at `url` as `decode` makes it (`None`: nothing wanted). Returns the result once
/// known and a callback that fetches again after a failure (which goes to the console too).
/// One copy of the hook's code for every kind of file (the callers downcast).
///
/// A new url (or a retry) is asked for during the render, not in an effect after it: a file
/// the page has already (the states, which the host asks for beside the story; a state's
/// counties seen before) is then drawn in this very render, not in a second one after the
/// browser has painted the first.
///
/// `wanted`: the file is asked for from the first render at which this is true on (and kept
/// asked for after it: a file for later, such as the map's panels or the answers, asked for
/// once the browser is idle or at once when the reader needs it).
#[hook]
pub fn use_file(
    url: Option<AttrValue>,
    decode: assets::Decode,
    wanted: bool,
) -> (Option<Decoded>, Callback<()>) {
    let asked = use_cell_flag();
    if wanted {
        *asked.borrow_mut() = true;
    }
    let url = url.filter(|_| *asked.borrow());
    // The result is kept in a cell, and a flag flipped to re-render (a `bool` state, a type the
    // widget has anyway): a state of the result's own type would be another copy of yew's state
    // code in the wasm (1.5 KB raw).
    let result = use_mut_ref(|| None::<Decoded>);
    let rerender = use_flag();
    // Flipped by a retry, which asks again.
    let attempt = use_flag();
    // The url a response belongs to: a late answer for a previous url is dropped.
    let current = use_mut_ref(|| None::<AttrValue>);
    // The attempt the last download was for.
    let tried = use_cell_flag();
    // True while `load_any` may answer at once, in this render: no second render for that.
    let asking = use_cell_flag();
    let same_attempt = tried.replace(*attempt) == *attempt;
    if !same_attempt || *current.borrow() != url {
        *current.borrow_mut() = url.clone();
        result.borrow_mut().take();
        if let Some(url) = url.clone() {
            let (result, rerender, current, now) = (
                result.clone(),
                rerender.clone(),
                current.clone(),
                asking.clone(),
            );
            let wanted = url.clone();
            *asking.borrow_mut() = true;
            assets::load_any(
                &url,
                decode,
                Callback::from(move |r: Decoded| {
                    if let Err(e) = &r {
                        // For the newsroom's developers: which file, and why.
                        gloo::console::warn!(format!("sanctuary-explainer: {e}"));
                    }
                    if current.borrow().as_ref() == Some(&wanted) {
                        *result.borrow_mut() = Some(r);
                        if !*now.borrow() {
                            rerender.set(!*rerender);
                        }
                    }
                }),
            );
            *asking.borrow_mut() = false;
        }
    }
    let retry = Callback::from(move |()| attempt.set(!*attempt));
    let now = result.borrow().clone();
    (now, retry)
}

/// The geometry at `url` (`None`: nothing wanted). Returns the result once known and a
/// callback that fetches again after a failure.
#[hook]
pub fn use_geometry(url: Option<AttrValue>) -> (Option<GeoResult>, Callback<()>) {
    let named = url.clone().unwrap_or_default();
    let (result, retry) = use_file(url, assets::decode_geometry, true);
    (result.map(|r| assets::downcast(&named, r)), retry)
}

/// The map's panels in `lang` (the laws, facts and table as markup: [`Panels`]) from
/// [`use_file`]'s answer for `url` (`<dir>panels.<lang>.bin`, asked for from the first render
/// at which the map section wants them on, and kept: the other language's on a switch).
/// Returns them once they are there; and, while they are missing because their download
/// failed, a callback that tries again. (Not a hook of its own: each is a copy of yew's hook
/// code in the wasm.)
pub fn panels_from(
    url: Option<AttrValue>,
    lang: Lang,
    (result, retry): (Option<Decoded>, Callback<()>),
) -> (Option<Shared<Panels>>, Option<Callback<()>>) {
    let named = url.unwrap_or_default();
    match result.map(|r| assets::downcast::<Panels>(&named, r)) {
        Some(Ok(panels)) if panels.lang == lang => {
            // Their rules join the widget's stylesheet before they are first shown.
            #[cfg(target_arch = "wasm32")]
            crate::host::add_rules(&panels.css);
            (Some(panels.into()), None)
        }
        Some(_) => (None, Some(retry)),
        None => (None, None),
    }
}

/// The story to show: `story`, or once [`use_file`] has it for `url`, the whole story
/// (answers and sources) of which `story` is the head ([`Story::head`]: what the first view
/// fetches). While its download has failed: also a callback that tries again.
pub fn whole_story(
    story: Rc<Story>,
    url: Option<AttrValue>,
    (result, retry): (Option<Decoded>, Callback<()>),
) -> (Rc<Story>, Option<Callback<()>>) {
    let named = url.unwrap_or_default();
    match result.map(|r| assets::downcast::<Story>(&named, r)) {
        Some(Ok(whole)) if whole.lang == story.lang && whole.id == story.id => (whole, None),
        Some(_) => (story, Some(retry)),
        None => (story, None),
    }
}

/// False for the first render, true once the browser has had a quiet moment after it
/// (`requestIdleCallback`, at most a second later; a timeout where there is none), or at once
/// when the reader prints. For work the first view does not show, such as the content of
/// closed answers: built then, not before the widget is ready.
#[hook]
pub fn use_idle() -> bool {
    let idle = use_flag();
    {
        let idle = idle.clone();
        use_after_first_render(Box::new(move || {
            if !*idle {
                when_idle(move || idle.set(true));
            }
        }));
    }
    *idle
}

/// Calls `f` once: when the browser is next idle, or before it prints (a print is laid out
/// straight after `beforeprint`; yew renders in the microtasks before that). The `beforeprint`
/// listener goes with the first call, so remounting widgets leaves nothing behind on `window`.
fn when_idle(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else {
        return;
    };
    let abort = web_sys::AbortController::new().ok();
    let listener = web_sys::AddEventListenerOptions::new();
    listener.set_once(true);
    if let Some(abort) = &abort {
        listener.set_signal(&abort.signal());
    }
    let f = Cell::new(Some(f));
    let f: js_sys::Function = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            if let Some(abort) = &abort {
                abort.abort();
            }
            f();
        }
    })
    .into_js_value()
    .unchecked_into();
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "beforeprint",
        &f,
        &listener,
    );
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window
        .request_idle_callback_with_options(&f, &options)
        .is_err()
    {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&f, 0);
    }
}
