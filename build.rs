//! Validates the human-edited content files under `content/` and writes them as JSON for the
//! wasm to embed. A content problem stops the build with `file:line:column: field: message`.

use std::path::Path;

use sanctuary_core::content::Story;
use sanctuary_core::policy::Dataset;
use sanctuary_core::toml_file::load;

/// The stories built into the wasm, by file stem under `content/`.
const STORIES: &[&str] = &["story.en"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut failed = Vec::new();

    let data_file = "content/jurisdictions.toml";
    println!("cargo:rerun-if-changed={data_file}");
    let text = std::fs::read_to_string(data_file)
        .unwrap_or_else(|e| panic!("cannot read {data_file}: {e}"));
    let data = match load::<Dataset>(data_file, &text, Dataset::validate) {
        Ok(data) => {
            let json = serde_json::to_string(&data).expect("a dataset serializes");
            std::fs::write(Path::new(&out).join("jurisdictions.json"), json)
                .expect("OUT_DIR is writable");
            Some(data)
        }
        Err(diagnostics) => {
            failed.extend(diagnostics);
            None
        }
    };
    for name in STORIES {
        let file = format!("content/{name}.toml");
        println!("cargo:rerun-if-changed={file}");
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        // A story's jurisdiction references must exist in the map's data.
        let validate = |story: &Story| {
            let mut problems = story.validate();
            if let Some(data) = &data {
                problems.extend(story.validate_jurisdictions(|id| data.jurisdiction(id).is_some()));
            }
            problems
        };
        match load::<Story>(&file, &text, validate) {
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
