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
pub use map::{places, view_box, Legend, Place, UsMap};
pub use map_section::{MapSection, MapSectionProps};
pub use qa::{QaCard, QaProps};
pub use sources::{source_list, write_sources};
pub use static_view::{StaticExplainer, StaticProps};
pub use table::{JurisdictionTable, TableProps};

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
