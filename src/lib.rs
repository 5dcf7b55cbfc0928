//! sanctuary-explainer: the widget crate.
//!
//! - [`bundle`]: the content built into the wasm (validated at build time by `build.rs`).
//! - [`assets`]: geometry files fetched once per page and shared by every widget.
//! - [`hooks`]: the `use_geometry` hook.
//! - `ssr` (feature `ssr`): the static fallback, rendered at build time from the same components.
//! - [`components`]: yew components; state in, html out, callbacks up. No host concerns.
//! - [`host`]: everything that touches the host page: shadow roots, options, events
//!   (with `host/embed.js`, the loader a newsroom's page includes).
//!
//! The pure model, validation and rules live in the `sanctuary-core` crate (`core/`).

pub mod assets;
pub mod bundle;
pub mod components;
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod host;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use sanctuary_core as core;

/// Talc instead of the default dlmalloc: a few KB smaller and faster (single-threaded wasm).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
