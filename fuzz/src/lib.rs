//! The fuzz targets' bodies, shared by the cargo-fuzz targets (`fuzz_targets/*.rs`) and by
//! `cargo xtask`'s corpus replay test (`xtask/src/fuzz.rs` includes this file), so both run
//! exactly the same code.
//!
//! A target fails by panicking. Besides "never panics", each checks one invariant the widget
//! relies on: content that validates survives the trip to the wasm (packed by `build.rs` or by
//! the validator wasm, unpacked by the widget, which `expect`s it to unpack).

use sanctuary_core::content::{paragraphs, Story};
use sanctuary_core::geometry;
use sanctuary_core::i18n::Lang;
use sanctuary_core::mapnav::View;
use sanctuary_core::packed::{self, Content};
use sanctuary_core::panels;
use sanctuary_core::policy::Dataset;
use sanctuary_core::table::{self, SortKey, TableQuery};
use sanctuary_core::toml_file;

/// Any bytes as a content file: JSON (`data-content`) and TOML (`content/*.toml`), as a story
/// and as a data file; then validation, and what the widget does with valid content.
pub fn content(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // What the validator wasm runs on a data-content file: what it accepts must unpack.
    if let Ok(bytes) = packed::from_json(text) {
        packed::unpack(&bytes).expect("the validator's output unpacks");
    }
    if let Ok(story) = serde_json::from_str::<Story>(text) {
        use_story(&story);
    }
    if let Ok(dataset) = serde_json::from_str::<Dataset>(text) {
        use_dataset(&dataset);
    }
    match toml_file::load::<Story>("fuzz.toml", text, Story::validate) {
        Ok(story) => use_story(&story),
        Err(diagnostics) => {
            for d in diagnostics {
                let _ = d.to_string();
            }
        }
    }
    match toml_file::load::<Dataset>("fuzz.toml", text, Dataset::validate) {
        Ok(dataset) => use_dataset(&dataset),
        Err(diagnostics) => {
            for d in diagnostics {
                let _ = d.to_string();
            }
        }
    }
}

fn use_story(story: &Story) {
    let problems = story.validate();
    for p in &problems {
        let _ = p.to_string();
    }
    let _ = story.validate_jurisdictions(|id| id.len() == 2);
    for q in &story.questions {
        let _ = q.paragraphs();
        let _ = story.question_index(&q.id);
        for sid in &q.sources {
            let _ = story.source(sid);
        }
    }
    for lang in [Lang::En, Lang::Es] {
        let _ = story.as_of.display(lang);
        for s in &story.sources {
            let _ = s.date.display(lang);
        }
    }
    let _ = paragraphs(&story.dek);
    if problems.is_empty() {
        // build.rs packs it; the wasm unpacks it and expects the same story.
        let back = packed::unpack(&packed::pack_story(story)).expect("a valid story unpacks");
        assert_eq!(
            back,
            Content::Story(story.clone()),
            "a valid story survives packing"
        );
    }
}

fn use_dataset(data: &Dataset) {
    let problems = data.validate();
    for p in &problems {
        let _ = p.to_string();
    }
    for j in &data.jurisdictions {
        let _ = j.derive_tier();
        let _ = data.layers(&j.id);
        let _ = (j.state_info(), j.limited_dimensions());
        for lang in [Lang::En, Lang::Es] {
            let _ = j.name_in(lang);
            for p in &j.policies {
                let _ = (p.summary_in(lang), p.date.display(lang));
                for e in &p.events {
                    let _ = e.what_in(lang);
                }
            }
            for d in &j.designations {
                let _ = d.what_in(lang);
            }
            for n in &j.notes {
                let _ = n.text_in(lang);
            }
        }
        let _ = table::laws(j);
        let mut view = View::default();
        if view.show(data, &j.id) {
            if let Some(state) = view.zoom.clone() {
                let _ = data.counties_of(&state).count();
                let _ = data.cities_of(&state).count();
            }
            view.back();
            view.zoom_out();
        }
    }
    for sort in [SortKey::Name, SortKey::Tier] {
        for descending in [false, true] {
            let q = TableQuery {
                sort,
                descending,
                kind: None,
            };
            let _ = table::rows(data, &q);
        }
    }
    if problems.is_empty() {
        // As for a story: the packed data must unpack in the wasm (not compared: a NaN in a
        // float is never equal to itself).
        packed::unpack(&packed::pack_data(data)).expect("a valid dataset unpacks");
        // Its panels, as build.rs and the validator write them: they unpack as written.
        for lang in [Lang::En, Lang::Es] {
            let written = panels::write(data, lang, "");
            let back = packed::unpack(&packed::pack_panels(&written)).expect("panels unpack");
            assert_eq!(back, Content::Panels(written), "panels survive packing");
        }
        packed::unpack(&packed::pack_newsroom_data(data, ""))
            .expect("a newsroom's data file unpacks");
    }
}

/// Any bytes through the geometry decoder, and what the map does with a decoded layer.
pub fn geometry(data: &[u8]) {
    if let Ok(layer) = geometry::decode(data) {
        let _ = layer.bbox();
        for f in &layer.features {
            let _ = layer.get(&f.id);
            assert!(
                f.bbox.iter().chain(&f.label).all(|v| v.is_finite()),
                "finite box and label"
            );
        }
    }
}
