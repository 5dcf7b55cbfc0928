//! The `data-content` validator: a second wasm, apart from the widget's, that embed.js loads
//! only when a placeholder names a content file of its own. It parses the newsroom's JSON and
//! validates it exactly as the build validates ours ([`sanctuary_core::packed::from_json`]),
//! then hands the widget the packed bytes its built-in content also uses. The JSON parser and
//! the editor-facing validation stay off the critical path of every other page.

use wasm_bindgen::prelude::*;

/// The rules of the map's laws and table (the widget's `styles/laws.css`, minified by
/// `build.rs`), which a data file's panels carry.
const LAWS_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/laws.css"));

/// The packed content (a `Uint8Array` in JS), or the editor's problems, one per line (thrown
/// as a string).
#[wasm_bindgen]
pub fn check(text: &str) -> Result<Vec<u8>, String> {
    sanctuary_core::packed::from_json_with(text, LAWS_CSS).map_err(|problems| problems.join("\n"))
}
