//! Validates the human-edited content files under `content/` and writes them as JSON for the
//! wasm to embed. A content problem stops the build with `file:line:column: field: message`.

use std::path::Path;

use sanctuary_core::content::Story;
use sanctuary_core::toml_file::load;

/// The stories built into the wasm, by file stem under `content/`.
const STORIES: &[&str] = &["story.en"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut failed = Vec::new();
    for name in STORIES {
        let file = format!("content/{name}.toml");
        println!("cargo:rerun-if-changed={file}");
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        match load::<Story>(&file, &text, Story::validate) {
            Ok(story) => {
                let json = serde_json::to_string(&story).expect("a story serializes");
                std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
                    .expect("OUT_DIR is writable");
            }
            Err(diagnostics) => failed.extend(diagnostics),
        }
    }
    if !failed.is_empty() {
        for d in &failed {
            eprintln!("{d}");
        }
        panic!(
            "{} problem(s) in content files (listed above)",
            failed.len()
        );
    }
}
