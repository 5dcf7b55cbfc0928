//! The default content, built into the wasm. `build.rs` validated the TOML and wrote JSON.
//! Each file is parsed once per page, on first use, and shared by every widget.

use std::cell::OnceCell;
use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::i18n::Lang;
use sanctuary_core::policy::Dataset;

const DATA: &str = include_str!(concat!(env!("OUT_DIR"), "/jurisdictions.json"));
const STORY_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/story.en.json"));
const STORY_ES: &str = include_str!(concat!(env!("OUT_DIR"), "/story.es.json"));

thread_local! {
    static EN: OnceCell<Rc<Story>> = const { OnceCell::new() };
    static ES: OnceCell<Rc<Story>> = const { OnceCell::new() };
    static DATASET: OnceCell<Rc<Dataset>> = const { OnceCell::new() };
}

/// The default story in `lang`. Both languages are embedded; `build.rs` checked that the
/// Spanish has the English story's questions, in the same order, with the same sources.
/// The JSON was produced from a validated `Story` by the build, so a failure here is a build
/// bug, not an editor's mistake.
pub fn default_story(lang: Lang) -> Rc<Story> {
    let (cell, json) = match lang {
        Lang::En => (&EN, STORY_EN),
        Lang::Es => (&ES, STORY_ES),
    };
    cell.with(|c| {
        c.get_or_init(|| Rc::new(serde_json::from_str(json).expect("build.rs wrote a valid story")))
            .clone()
    })
}

/// The map's data: every state and DC, and the counties and cities recorded.
pub fn default_dataset() -> Rc<Dataset> {
    DATASET.with(|c| {
        c.get_or_init(|| {
            Rc::new(serde_json::from_str(DATA).expect("build.rs wrote a valid dataset"))
        })
        .clone()
    })
}
