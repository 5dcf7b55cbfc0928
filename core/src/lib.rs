//! Pure core of sanctuary-explainer. No web-sys here: everything in this crate runs and is
//! tested natively, and is shared by the widget (wasm), the build script and `cargo xtask`.
//!
//! - [`date`]: partial ISO 8601 dates and their display in English and Spanish.
//! - [`i18n`]: languages and the widget's interface strings.
//! - [`problem`]: validation problems with field paths.
//! - [`deeplink`]: URL fragments that restore an open question or a selected place.
//! - [`content`]: the story (Q&A) model and its validation.
//! - [`qa`]: the accordion's state and keyboard rules.
//! - [`policy`]: jurisdictions, policies by dimension, and the derived tier.
//! - [`mapnav`]: the map's view (zoom, selection) and arrow-key rules.
//! - [`state`]: the widget's state (language, stories, open questions, map view) as one reducer.
//! - [`markup`]: HTML written as text, every value escaped, for the widget's text-only parts.
//! - [`parts`]: small pieces written as markup: dates, sources, a tier's badge.
//! - [`panels`]: the detail panel's laws and facts and the table, written as markup when
//!   content is packed (the widget inserts them, and carries no code to write them).
//! - [`options`]: the placeholder's `data-*` options, with warnings for invalid values.
//! - [`geometry`]: the compact geometry format the widget loads.
//! - [`projection`]: Albers USA, matching d3-geo's `geoAlbersUsa`.
//! - [`packed`]: validated content in its compact form, the only form the widget decodes;
//!   `packed::from_json` (feature `json`) parses and validates a newsroom's JSON file.
//! - [`toml_file`] (feature `build`): TOML content files with `file:line:column` errors.
//! - [`css`] (feature `build`): the dark theme's rules written again for `data-theme="auto"`.

pub mod content;
#[cfg(feature = "build")]
pub mod css;
pub mod date;
pub mod deeplink;
pub mod geometry;
pub mod i18n;
pub mod mapnav;
pub mod markup;
pub mod options;
pub mod packed;
pub mod panels;
pub mod parts;
pub mod policy;
pub mod problem;
pub mod projection;
pub mod qa;
pub mod state;
pub mod table;
#[cfg(feature = "build")]
pub mod toml_file;
