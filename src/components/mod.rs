//! The widget's yew components. Each takes its state as props and reports up through
//! callbacks; none reads the host page, so all of them also render server-side.

mod detail;
mod explainer;
mod map;
mod map_section;
mod qa;
mod sources;
mod static_view;
mod table;

pub use detail::{Detail, DetailProps};
pub use explainer::{Explainer, ExplainerProps, WidgetEvent};
pub use map::{legend, places, view_box, Place, UsMap};
pub use map_section::{MapSection, MapSectionProps};
pub use qa::{QaCard, QaProps};
pub use sources::source_list;
pub use static_view::{StaticExplainer, StaticProps};
pub use table::{JurisdictionTable, TableProps};

/// A read-only model shared between components (the story, the dataset), equal in props only to
/// itself: the same allocation. A new story or dataset is a new `Rc`, so nothing is missed, and
/// yew's check of a component's props stays one comparison instead of a walk through every
/// jurisdiction (which also put that walk's code in the wasm). Props take an `Rc<T>` for it.
pub struct Shared<T>(std::rc::Rc<T>);

impl<T> Shared<T> {
    /// Where the value is: a key for memos that follow it.
    pub fn as_ptr(&self) -> *const T {
        std::rc::Rc::as_ptr(&self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<std::rc::Rc<T>> for Shared<T> {
    fn from(rc: std::rc::Rc<T>) -> Self {
        Self(rc)
    }
}

impl<T> yew::html::IntoPropValue<Shared<T>> for std::rc::Rc<T> {
    fn into_prop_value(self) -> Shared<T> {
        Shared(self)
    }
}

/// Focuses the first element matching `selector` inside `root` (HTML or SVG).
pub(crate) fn focus_in(root: &yew::NodeRef, selector: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = root
        .cast::<web_sys::Element>()
        .and_then(|r| r.query_selector(selector).ok().flatten())
    else {
        return;
    };
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
}
