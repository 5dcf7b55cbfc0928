//! The widget's yew components. Each takes its state as props and reports up through
//! callbacks; none reads the host page, so all of them also render server-side.

mod detail;
mod explainer;
mod map;
mod map_section;
mod qa;
mod sources;
mod table;

pub use detail::{Detail, DetailProps};
pub use explainer::{Explainer, ExplainerProps};
pub use map::{places, view_box, Legend, Place, UsMap};
pub use map_section::{MapSection, MapSectionProps};
pub use qa::{QaCard, QaProps};
pub use sources::SourceList;
pub use table::{JurisdictionTable, TableProps};
