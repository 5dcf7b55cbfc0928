//! Validates the human-edited content files under `content/` and writes them as JSON for the
//! wasm to embed. A content problem stops the build with `file:line:column: field: message`.
//!
//! A story's translations (`story.es` beside `story.en`) must keep the English structure:
//! the same id and `as_of`, the same questions in the same order, each citing the same sources
//! and jurisdictions, and the same `[[sources]]` entries (ids, publishers, dates, links). Only
//! the words change. A translation that drifts is a build error naming the file and the field.

use std::collections::HashMap;
use std::path::Path as FsPath;

use sanctuary_core::content::Story;
use sanctuary_core::i18n::Lang;
use sanctuary_core::packed;
use sanctuary_core::panels;
use sanctuary_core::policy::Dataset;
use sanctuary_core::problem::{Path, Problem};
use sanctuary_core::toml_file::load;

/// The stories built into the wasm, by file stem under `content/`: `<name>.<lang>`. Each
/// translation needs its English original (`<name>.en`) in this list.
const STORIES: &[&str] = &["story.en", "story.es"];

/// The language every translation is checked against.
const ORIGINAL: &str = "en";

/// The widget's stylesheets, in cascade order: joined and minified into `OUT_DIR/widget.css`,
/// the one constructable stylesheet every shadow root adopts (`host::CSS`).
const STYLES: &[&str] = &["styles/widget.css", "styles/map.css", "styles/panels.css"];

/// The rules of the map's laws and table, minified into `OUT_DIR/laws.css` and written into
/// their panels (`Panels::css`): the widget adds them to its stylesheet when the panels come.
const LAWS_CSS: &str = "styles/laws.css";

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // `-Cpanic=immediate-abort` (the nightly release build): a panic runs no hook, so none is
    // compiled in; the glue's trap guard tells embed.js instead (xtask/src/dist/guard.rs).
    println!("cargo::rustc-check-cfg=cfg(panic_runs_no_hook)");
    if std::env::var("CARGO_CFG_PANIC").is_ok_and(|p| p.split(',').any(|v| v == "immediate-abort"))
    {
        println!("cargo::rustc-cfg=panic_runs_no_hook");
    }
    let mut failed = Vec::new();

    let mut css = String::new();
    for file in STYLES {
        println!("cargo:rerun-if-changed={file}");
        css.push_str(
            &std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}")),
        );
        css.push('\n');
    }
    let css = sanctuary_core::css::with_auto_dark(&css);
    std::fs::write(FsPath::new(&out).join("widget.css"), minify_css(&css))
        .expect("OUT_DIR is writable");
    // The rules of the map's laws and table: they come with them, in their panels.
    println!("cargo:rerun-if-changed={LAWS_CSS}");
    let laws_css = minify_css(
        &std::fs::read_to_string(LAWS_CSS)
            .unwrap_or_else(|e| panic!("cannot read {LAWS_CSS}: {e}")),
    );
    std::fs::write(FsPath::new(&out).join("laws.css"), &laws_css).expect("OUT_DIR is writable");

    let data_file = "content/jurisdictions.toml";
    println!("cargo:rerun-if-changed={data_file}");
    let text = std::fs::read_to_string(data_file)
        .unwrap_or_else(|e| panic!("cannot read {data_file}: {e}"));
    let data = match load::<Dataset>(data_file, &text, Dataset::validate) {
        Ok(data) => {
            write_outputs(&out, "jurisdictions", packed::pack_data(&data), &data);
            // The panels in each language (the laws, facts and table as markup): what the
            // widget fetches instead of the full data (`content-<hash>/panels.<lang>.bin`).
            for lang in Lang::ALL {
                std::fs::write(
                    FsPath::new(&out).join(format!("panels.{}.bin", lang.code())),
                    packed::pack_panels(&panels::write(&data, lang, &laws_css)),
                )
                .expect("OUT_DIR is writable");
            }
            // The outline the widget's wasm embeds for the first view; the full data above is
            // fetched later (`cargo xtask dist` copies it as content-<hash>/data.bin).
            std::fs::write(
                FsPath::new(&out).join("outline.bin"),
                packed::pack_outline(&data),
            )
            .expect("OUT_DIR is writable");
            Some(data)
        }
        Err(diagnostics) => {
            failed.extend(diagnostics);
            None
        }
    };

    // Originals first, so that each translation can be compared with its original.
    let (originals, translations): (Vec<&str>, Vec<&str>) = STORIES
        .iter()
        .partition(|name| split_name(name).1 == ORIGINAL);
    // Loaded originals by stem; an original with problems is absent (its problems are listed).
    let mut loaded: HashMap<&str, (String, Story)> = HashMap::new();
    for name in originals.into_iter().chain(translations) {
        let (stem, lang) = split_name(name);
        let file = format!("content/{name}.toml");
        println!("cargo:rerun-if-changed={file}");
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        if lang != ORIGINAL && !STORIES.contains(&format!("{stem}.{ORIGINAL}").as_str()) {
            panic!("{file} is a translation, but STORIES in build.rs has no {stem}.{ORIGINAL} to check it against");
        }
        let original = loaded.get(stem);
        let validate = |story: &Story| {
            let mut problems = story.validate();
            // A story's jurisdiction references must exist in the map's data.
            if let Some(data) = &data {
                problems.extend(story.validate_jurisdictions(|id| data.jurisdiction(id).is_some()));
            }
            if story.lang.code() != lang {
                problems.push(Problem::new(
                    Path::root().key("lang"),
                    format!(
                        "lang = \"{}\" but the file is {name}.toml: use lang = \"{lang}\"",
                        story.lang.code()
                    ),
                ));
            }
            if let Some((original_file, original)) = original {
                problems.extend(same_structure(original_file, original, story));
            }
            problems
        };
        match load::<Story>(&file, &text, validate) {
            Ok(story) => {
                write_outputs(&out, name, packed::pack_story(&story), &story);
                // The widget's first view: the story without its answers (`Story::head`).
                let head = format!("head.{lang}.bin");
                std::fs::write(
                    FsPath::new(&out).join(head),
                    packed::pack_story(&story.head()),
                )
                .expect("OUT_DIR is writable");
                if lang == ORIGINAL {
                    loaded.insert(stem, (file, story));
                }
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

fn minify_css(css: &str) -> String {
    minifier::css::minify(css)
        .unwrap_or_else(|e| panic!("styles/*.css: the minifier refused them: {e}"))
        .to_string()
}

/// Writes a validated file twice into OUT_DIR: `<name>.bin`, packed (`sanctuary_core::packed`),
/// which the wasm embeds and decodes without a text parser, and `<name>.json`, for people and
/// for the benchmark's peer.
fn write_outputs<T: serde::Serialize>(out: &str, name: &str, bin: Vec<u8>, value: &T) {
    std::fs::write(FsPath::new(out).join(format!("{name}.bin")), bin).expect("OUT_DIR is writable");
    let json = serde_json::to_string(value).expect("validated content serializes");
    std::fs::write(FsPath::new(out).join(format!("{name}.json")), json)
        .expect("OUT_DIR is writable");
}

/// "story.es" → ("story", "es").
fn split_name(name: &str) -> (&str, &str) {
    name.rsplit_once('.').unwrap_or((name, ""))
}

/// Where a translation departs from its original's structure: id, `as_of`, question ids and
/// order, each question's sources and jurisdictions, and the `[[sources]]` entries (all but
/// the title, which a translation may translate when it is our own description).
fn same_structure(original_file: &str, original: &Story, story: &Story) -> Vec<Problem> {
    let mut p = Vec::new();
    let root = Path::root();
    let mut push = |at: Path, message: String| p.push(Problem::new(at, message));
    let f = original_file;

    if story.id != original.id {
        push(
            root.key("id"),
            format!(
                "\"{}\" but {f} has id \"{}\": a translation keeps the story's id",
                story.id, original.id
            ),
        );
    }
    if story.as_of != original.as_of {
        push(
            root.key("as_of"),
            format!(
                "{} but {f} has as_of {}: a translation is checked up to the same date",
                story.as_of, original.as_of
            ),
        );
    }

    let n = original.questions.len().max(story.questions.len());
    for i in 0..n {
        let at = root.key("questions").index(i);
        match (original.questions.get(i), story.questions.get(i)) {
            (Some(o), Some(q)) if o.id == q.id => {
                if q.sources != o.sources {
                    push(
                        at.key("sources"),
                        format!(
                            "question \"{}\" cites {:?} but in {f} it cites {:?}: a translation cites the same sources in the same order",
                            q.id, q.sources, o.sources
                        ),
                    );
                }
                if q.jurisdictions != o.jurisdictions {
                    push(
                        at.key("jurisdictions"),
                        format!(
                            "question \"{}\" lists jurisdictions {:?} but in {f} it lists {:?}: a translation lists the same ones in the same order",
                            q.id, q.jurisdictions, o.jurisdictions
                        ),
                    );
                }
            }
            (Some(o), Some(q)) => push(
                at.key("id"),
                format!(
                    "question \"{}\" is where {f} has question \"{}\" (questions[{i}]): a translation has the same questions in the same order",
                    q.id, o.id
                ),
            ),
            (Some(o), None) => push(
                root.key("questions"),
                format!(
                    "question \"{}\" (questions[{i}] in {f}) is missing: a translation has the same questions in the same order",
                    o.id
                ),
            ),
            (None, Some(q)) => push(
                at.key("id"),
                format!(
                    "question \"{}\" is not in {f}: a translation has the same questions in the same order",
                    q.id
                ),
            ),
            (None, None) => unreachable!("i < the longer list's length"),
        }
    }

    for (i, s) in story.sources.iter().enumerate() {
        let at = root.key("sources").index(i);
        let Some(o) = original.source(&s.id) else {
            push(
                at.key("id"),
                format!(
                    "source \"{}\" is not in {f}: a translation has the same sources",
                    s.id
                ),
            );
            continue;
        };
        if s.publisher != o.publisher {
            push(
                at.key("publisher"),
                format!(
                    "source \"{}\": publisher \"{}\" but {f} has \"{}\": a translation keeps publishers as they are",
                    s.id, s.publisher, o.publisher
                ),
            );
        }
        if s.date != o.date {
            push(
                at.key("date"),
                format!(
                    "source \"{}\": date {} but {f} has {}: a translation keeps the dates",
                    s.id, s.date, o.date
                ),
            );
        }
        if s.url != o.url {
            let show = |url: &Option<String>| url.as_deref().unwrap_or("no url").to_owned();
            push(
                at.key("url"),
                format!(
                    "source \"{}\": {} but {f} has {}: a translation keeps the links",
                    s.id,
                    show(&s.url),
                    show(&o.url)
                ),
            );
        }
    }
    for o in &original.sources {
        if story.source(&o.id).is_none() {
            push(
                root.key("sources"),
                format!(
                    "source \"{}\" in {f} is missing: a translation has the same sources",
                    o.id
                ),
            );
        }
    }
    p
}
