//! The default content, built in. `build.rs` validated the TOML and wrote it in its packed form
//! (`sanctuary_core::packed`: the same serde model in postcard), which decodes without a text
//! parser (no JSON in the wasm). Each file is decoded once per page, on first use, and shared by
//! every widget. The widget itself uses only the dataset's outline from here
//! ([`Dataset::outline`]: names, points and tiers, for the first view): it fetches its story in
//! the reader's language (`assets::load_story`: the head, then the whole story after its first
//! render) and the map's panels (the laws, facts and table, written as markup by `build.rs`:
//! `sanctuary_core::panels`) after its first render (`hooks::panels_from`), from the files
//! `cargo xtask dist` copies, so the linker leaves the stories and the full data out of its
//! wasm; server-side rendering and the tests use them.

use std::cell::OnceCell;
use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::i18n::Lang;
use sanctuary_core::packed::{unpack, Content};
use sanctuary_core::panels::Panels;
use sanctuary_core::policy::Dataset;

/// The rules of the map's laws and table (`styles/laws.css`, minified), which their panels
/// carry ([`Panels::css`]).
pub const LAWS_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/laws.css"));

/// The panels of `data` in `lang` as the build writes them, with their rules (tests, and the
/// widget's components used directly).
pub fn panels_for(data: &Dataset, lang: Lang) -> Panels {
    sanctuary_core::panels::write(data, lang, LAWS_CSS)
}

const DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/jurisdictions.bin"));
const OUTLINE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/outline.bin"));
const STORY_EN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.en.bin"));
const STORY_ES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.es.bin"));

thread_local! {
    static EN: OnceCell<Rc<Story>> = const { OnceCell::new() };
    static ES: OnceCell<Rc<Story>> = const { OnceCell::new() };
    static DATASET: OnceCell<Rc<Dataset>> = const { OnceCell::new() };
    static DATASET_OUTLINE: OnceCell<Rc<Dataset>> = const { OnceCell::new() };
}

/// The default story in `lang`. `build.rs` checked that the Spanish has the English story's
/// questions, in the same order, with the same sources.
/// The bytes were produced from a validated `Story` by the build, so a failure here is a build
/// bug, not an editor's mistake.
pub fn default_story(lang: Lang) -> Rc<Story> {
    let (cell, bytes) = match lang {
        Lang::En => (&EN, STORY_EN),
        Lang::Es => (&ES, STORY_ES),
    };
    cell.with(|c| {
        c.get_or_init(|| match unpack(bytes) {
            Ok(Content::Story(story)) => Rc::new(story),
            _ => unreachable!("build.rs packs a valid story"),
        })
        .clone()
    })
}

/// The map's data: every state and DC, and the counties and cities recorded.
pub fn default_dataset() -> Rc<Dataset> {
    DATASET.with(|c| c.get_or_init(|| data(DATA)).clone())
}

/// The outline of [`default_dataset`], which the widget starts with ([`Dataset::outline`]).
pub fn default_outline() -> Rc<Dataset> {
    DATASET_OUTLINE.with(|c| c.get_or_init(|| data(OUTLINE)).clone())
}

fn data(bytes: &[u8]) -> Rc<Dataset> {
    match unpack(bytes) {
        Ok(Content::Data(data)) => Rc::new(data),
        _ => unreachable!("build.rs packs a valid dataset"),
    }
}
