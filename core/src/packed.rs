//! Content in its compact, already-validated form: a tag byte, then the model in
//! [postcard](https://docs.rs/postcard) (serde's fields in order, varint lengths, no names),
//! written by postcard and read by [`read`] (postcard's format for our types only, without
//! serde's generic code in the wasm).
//!
//! The widget's wasm reads only this form, so it carries no text parser: `build.rs` validates
//! the TOML under `content/` and packs it; for a newsroom's own `data-content` JSON, the small
//! validator wasm (`validator/`, loaded only on such pages) parses and validates it with
//! [`from_json`] and hands the widget the packed bytes.
//!
//! Packed bytes are trusted to be valid: only those two producers write them. They are still
//! decoded with errors, not panics, should a mismatched build ever meet them.

use serde::Serialize;

use crate::content::Story;
use crate::i18n::Lang;
use crate::panels::{self, Panels};
use crate::policy::Dataset;

mod read;

/// The first byte of packed content: which model follows.
const STORY: u8 = b'S';
const DATA: u8 = b'D';
/// A map's data in outline ([`Dataset::outline`]): the same model, read with `outline` set.
const OUTLINE: u8 = b'O';
/// The panels of a data file in one language ([`Panels`]).
const PANELS: u8 = b'P';
/// A newsroom's data file: its outline and its panels in each language.
const NEWSROOM_DATA: u8 = b'N';

/// A story, a map's data, or a data file's panels.
#[derive(Debug, PartialEq)]
pub enum Content {
    Story(Story),
    Data(Dataset),
    Panels(Panels),
    /// A newsroom's data file as the validator hands it to the widget: the outline (`outline`
    /// set) and the panels in every language ([`Lang::ALL`]'s order).
    NewsroomData(Dataset, Vec<Panels>),
}

/// Packs a story or a data file (call it on validated content only).
pub fn pack(content: &Content) -> Vec<u8> {
    match content {
        Content::Story(s) => pack_story(s),
        Content::Data(d) => pack_data(d),
        Content::Panels(p) => pack_panels(p),
        Content::NewsroomData(d, p) => tagged(NEWSROOM_DATA, &(d, p)),
    }
}

pub fn pack_panels(panels: &Panels) -> Vec<u8> {
    tagged(PANELS, panels)
}

/// Packs a newsroom's data file (validated) for the widget: its outline, and its panels in
/// every language with their stylesheet `css`, written here so that the widget's wasm needs no
/// code to write them.
pub fn pack_newsroom_data(data: &Dataset, css: &str) -> Vec<u8> {
    let panels = Lang::ALL
        .iter()
        .map(|&l| panels::write(data, l, css))
        .collect();
    pack(&Content::NewsroomData(data.with_points().outline(), panels))
}

pub fn pack_story(story: &Story) -> Vec<u8> {
    tagged(STORY, story)
}

/// Packs a data file, with its cities' points projected ([`Dataset::with_points`]); an outline
/// as an outline.
pub fn pack_data(data: &Dataset) -> Vec<u8> {
    let tag = if data.outline { OUTLINE } else { DATA };
    tagged(tag, &data.with_points())
}

/// Packs the outline of a data file ([`Dataset::outline`]), points projected.
pub fn pack_outline(data: &Dataset) -> Vec<u8> {
    pack_data(&data.with_points().outline())
}

fn tagged<T: Serialize>(tag: u8, value: &T) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(postcard::to_allocvec(value).expect("the content model serializes"));
    out
}

/// Unpacks what [`pack`] wrote. `Err` names what is wrong; it means the bytes were not made by
/// this build (a stale cache or a mismatched validator), never an editor's mistake.
/// The bytes are read by [`read`], not serde: the widget's wasm needs nothing else of serde.
pub fn unpack(bytes: &[u8]) -> Result<Content, &'static str> {
    match bytes.split_first() {
        Some((&STORY, rest)) => read::read_all(rest).map(Content::Story),
        Some((&DATA, rest)) => read::read_all(rest).map(Content::Data),
        Some((&OUTLINE, rest)) => read::read_all(rest).map(|data| Content::Data(outlined(data))),
        Some((&PANELS, rest)) => read::read_all(rest).map(Content::Panels),
        Some((&NEWSROOM_DATA, rest)) => {
            read::read_all(rest).map(|(data, panels)| Content::NewsroomData(outlined(data), panels))
        }
        Some(_) => Err("packed content: unknown kind"),
        None => Err("packed content: empty"),
    }
}

fn outlined(data: Dataset) -> Dataset {
    Dataset {
        outline: true,
        ..data
    }
}

/// Parses a newsroom's content file (JSON of the same schema as `content/*.toml`): a story if
/// it has `questions`, a data file if it has `jurisdictions`. Validates it like the build
/// validates ours and packs it (a data file as its outline and panels:
/// [`pack_newsroom_data`]). Every problem is one line for the editor.
#[cfg(feature = "json")]
pub fn from_json(text: &str) -> Result<Vec<u8>, Vec<String>> {
    from_json_with(text, "")
}

/// [`from_json`], with `css` as the stylesheet of a data file's panels (the validator gives the
/// widget's `styles/laws.css`).
#[cfg(feature = "json")]
pub fn from_json_with(text: &str, css: &str) -> Result<Vec<u8>, Vec<String>> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| vec![format!("not valid JSON: {e}")])?;
    let lines = |problems: Vec<crate::problem::Problem>| -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    };
    let content = if value.get("questions").is_some() {
        let story: Story = serde_json::from_str(text).map_err(|e| vec![e.to_string()])?;
        let problems = story.validate();
        if !problems.is_empty() {
            return Err(lines(problems));
        }
        Content::Story(story)
    } else if value.get("jurisdictions").is_some() {
        let data: Dataset = serde_json::from_str(text).map_err(|e| vec![e.to_string()])?;
        let problems = data.validate();
        if !problems.is_empty() {
            return Err(lines(problems));
        }
        return Ok(pack_newsroom_data(&data, css));
    } else {
        return Err(vec![
            "neither a story (no \"questions\") nor a data file (no \"jurisdictions\")".into(),
        ]);
    };
    Ok(pack(&content))
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;

    const STORY_JSON: &str = r#"{
        "id": "s", "lang": "en", "title": "T", "as_of": "2024-11-20",
        "questions": [{"id": "q1", "question": "Why?", "answer": "Because.", "sources": ["a"]}],
        "sources": [{"id": "a", "publisher": "P", "title": "A title", "date": "2024-11-19",
                     "url": "https://example.org/a"}]
    }"#;

    #[test]
    fn a_valid_story_packs_and_unpacks_to_the_same_model() {
        let bytes = from_json(STORY_JSON).unwrap_or_else(|p| panic!("{p:?}"));
        let story: Story = serde_json::from_str(STORY_JSON).unwrap();
        assert_eq!(bytes[0], STORY);
        assert_eq!(unpack(&bytes), Ok(Content::Story(story)));
    }

    #[test]
    fn packed_bytes_from_elsewhere_are_an_error_not_a_panic() {
        let bytes = from_json(STORY_JSON).unwrap();
        assert_eq!(unpack(&[]), Err("packed content: empty"));
        assert_eq!(unpack(b"X"), Err("packed content: unknown kind"));
        assert_eq!(
            unpack(&bytes[..bytes.len() / 2]),
            Err("packed content: not this build's format")
        );
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(unpack(&longer), Err("packed content: bytes left over"));
        let mut as_data = bytes;
        as_data[0] = DATA;
        assert!(unpack(&as_data).is_err());
    }

    #[test]
    fn editors_get_every_problem_as_a_line() {
        let not_json = from_json("{\"questions\": [").unwrap_err();
        assert!(not_json[0].starts_with("not valid JSON: "), "{not_json:?}");
        assert!(not_json[0].contains("line 1"), "{not_json:?}");

        let neither = from_json("{\"title\": \"x\"}").unwrap_err();
        assert!(neither[0].starts_with("neither a story"), "{neither:?}");

        let bad = STORY_JSON
            .replace("\"Because.\"", "\"\"")
            .replace("https://example.org/a", "javascript:alert(1)");
        let problems = from_json(&bad).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems.iter().any(|p| p.contains("questions[0].answer")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("sources[0].url")),
            "{problems:?}"
        );

        let unknown =
            from_json(&STORY_JSON.replace("\"as_of\"", "\"colour\": 1, \"as_of\"")).unwrap_err();
        assert!(unknown[0].contains("unknown field `colour`"), "{unknown:?}");
    }

    #[test]
    #[cfg(feature = "build")]
    fn our_data_file_as_json_packs_as_outline_and_panels_and_a_broken_one_lists_its_problems() {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/jurisdictions.toml");
        let text = std::fs::read_to_string(file).unwrap();
        let data = crate::toml_file::load::<Dataset>(file, &text, Dataset::validate)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let json = serde_json::to_string(&data).unwrap();
        let bytes = pack_data(&data);
        assert_eq!(bytes[0], DATA);
        assert_eq!(unpack(&bytes), Ok(Content::Data(data.with_points())));

        // A newsroom's file: its outline, and its panels in every language.
        let newsroom = from_json_with(&json, ".se-layer{}").unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(newsroom[0], NEWSROOM_DATA);
        let Ok(Content::NewsroomData(o, panels)) = unpack(&newsroom) else {
            panic!("a newsroom's data unpacks as its outline and panels");
        };
        assert!(o.outline);
        assert_eq!(o, data.with_points().outline());
        assert_eq!(
            panels,
            [Lang::En, Lang::Es].map(|l| panels::write(&data, l, ".se-layer{}")),
            "the panels the build writes for the same data"
        );
        for p in &panels {
            let again = pack_panels(p);
            assert_eq!(again[0], PANELS);
            assert_eq!(unpack(&again), Ok(Content::Panels(p.clone())));
        }

        // The outline: tagged as one, read back as one, with the full data's tiers.
        let outline = pack_outline(&data);
        assert_eq!(outline[0], OUTLINE);
        let Ok(Content::Data(o)) = unpack(&outline) else {
            panic!("the outline unpacks as data");
        };
        assert!(o.outline);
        assert_eq!(o, data.with_points().outline());
        for j in &data.jurisdictions {
            assert_eq!(o.tier(&j.id), Some(j.tier()), "{}", j.id);
        }
        assert!(
            outline.len() * 4 < bytes.len(),
            "the outline is a fraction of the data: {} of {} bytes",
            outline.len(),
            bytes.len()
        );
        assert_eq!(pack(&Content::Data(o)), outline, "packed again, the same");

        let broken = json.replacen("\"as_of\":\"2025-08-05\"", "\"as_of\":\"5 Aug 2025\"", 1);
        assert_ne!(broken, json);
        let problems = from_json(&broken).unwrap_err();
        assert!(
            problems.iter().any(|p| p.contains("ISO 8601")),
            "{problems:?}"
        );
    }
}
