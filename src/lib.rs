//! sanctuary-explainer: the widget crate.
//!
//! - [`bundle`]: the content built into the wasm (validated at build time by `build.rs`).
//! - [`components`]: yew components; state in, html out, callbacks up. No host concerns.
//! - [`host`]: everything that touches the host page: shadow roots, options, events
//!   (with `host/embed.js`, the loader a newsroom's page includes).
//!
//! The pure model, validation and rules live in the `sanctuary-core` crate (`core/`).

pub mod bundle;
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod host;

pub use sanctuary_core as core;
