//! The default content, built into the wasm. `build.rs` validated the TOML and wrote JSON.

use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::policy::Dataset;

const DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/jurisdictions.json"));
const STORY_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/story.en.json"));

/// The default story. The JSON was produced from a validated `Story` by the build, so a
/// failure here is a build bug, not an editor's mistake.
pub fn default_story() -> Rc<Story> {
    Rc::new(serde_json::from_str(STORY_EN).expect("build.rs wrote a valid story"))
}

/// The map's data: every state and DC, and the counties and cities recorded.
pub fn default_dataset() -> Rc<Dataset> {
    Rc::new(serde_json::from_str(DATA).expect("build.rs wrote a valid dataset"))
}
