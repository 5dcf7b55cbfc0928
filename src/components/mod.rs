//! The widget's yew components. Each takes its state as props and reports up through
//! callbacks; none reads the host page, so all of them also render server-side.

mod explainer;
mod qa;
mod sources;

pub use explainer::{Explainer, ExplainerProps};
pub use qa::{QaCard, QaProps};
pub use sources::SourceList;
