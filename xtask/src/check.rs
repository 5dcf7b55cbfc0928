//! `cargo xtask check [--json] <file>...`: the editors' check. Validates story and data files
//! as the build and the widget's `data-content` do, and prints every problem as
//! `file:line:column: field.path: message`.
//!
//! - A file is TOML (`content/*.toml`), or JSON if its name ends in `.json` (the form
//!   `data-content` takes). What it is comes from its content: `questions` makes it a story,
//!   `jurisdictions` a data file.
//! - A story's `jurisdictions` must exist in the map's data: a data file named on the same
//!   command line that loads, else `content/jurisdictions.toml`.
//! - Every string is checked for invisible and bidi control characters (each field's own
//!   rules, e.g. `must not be empty`, come from `Story::validate` and `Dataset::validate`).
//! - Exit status: 0 when every file is fine (one `file: ok: …` line each), 1 when there is any
//!   problem, 2 for a usage error. With `--json` (one file), the validated content goes to
//!   stdout as JSON, ready for `data-content`; problems and the `ok` line go to stderr.

use std::fmt::Write as _;
use std::path::{Path as FsPath, PathBuf};
use std::process::ExitCode;

use sanctuary_core::content::Story;
use sanctuary_core::policy::Dataset;
use sanctuary_core::problem::{escape_invisible, Path, Problem, Problems, Seg};
use sanctuary_core::toml_file::{self, line_column, Diagnostic};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::root;

pub const USAGE: &str = "usage: cargo xtask check [--json] <file>...

Checks story and data files (TOML, or JSON for files ending in .json) and prints every
problem as file:line:column: field: message. Exits 1 if there is any problem.
  --json   write the checked file (one) as JSON, the form data-content takes, to stdout";

/// `cargo xtask check`'s entry point.
pub fn command(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => return usage(&format!("unknown option `{flag}`")),
            file => files.push(PathBuf::from(file)),
        }
    }
    if files.is_empty() {
        return usage("name at least one file");
    }
    if json && files.len() > 1 {
        return usage("--json writes one file: name one");
    }
    let report = check(&files, json, &root().join("content/jurisdictions.toml"));
    print!("{}", report.stdout);
    eprint!("{}", report.stderr);
    ExitCode::from(report.status)
}

fn usage(message: &str) -> ExitCode {
    eprintln!("xtask check: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// What a run printed and its exit status.
#[derive(Debug, Default)]
pub struct Report {
    pub status: u8,
    pub stdout: String,
    pub stderr: String,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that loaded and validated.
enum Content {
    Story(Story),
    Data(Dataset),
}

impl Content {
    fn summary(&self) -> String {
        match self {
            Content::Story(s) => format!(
                "{} questions, {} sources",
                s.questions.len(),
                s.sources.len()
            ),
            Content::Data(d) => format!(
                "{} jurisdictions, {} policies, {} sources",
                d.jurisdictions.len(),
                d.jurisdictions
                    .iter()
                    .map(|j| j.policies.len())
                    .sum::<usize>(),
                d.sources.len()
            ),
        }
    }

    fn to_json(&self) -> String {
        match self {
            Content::Story(s) => serde_json::to_string_pretty(s),
            Content::Data(d) => serde_json::to_string_pretty(d),
        }
        .expect("validated content serializes")
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Toml,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Story,
    Data,
}

/// Checks `files`; `reference` is the data file whose ids a story's `jurisdictions` must use
/// when no data file on the command line loads.
pub fn check(files: &[PathBuf], json: bool, reference: &FsPath) -> Report {
    // Read each file and tell what it is.
    let inputs: Vec<(String, Identified)> = files
        .iter()
        .map(|f| (f.display().to_string(), identify(f)))
        .collect();

    // Data files first: a story is checked against the data named with it, if it loads.
    let mut results: Vec<Option<Result<Content, Vec<Diagnostic>>>> =
        inputs.iter().map(|_| None).collect();
    for (i, (name, input)) in inputs.iter().enumerate() {
        if let Ok((format, Kind::Data, text)) = input {
            results[i] = Some(load::<Dataset>(name, text, *format, |d| {
                let mut p = d.validate();
                p.extend(invisible_strings(d, &p));
                p
            }));
        }
    }
    let known: Result<Dataset, String> = results
        .iter()
        .flatten()
        .find_map(|r| match r {
            Ok(Content::Data(d)) => Some(d.clone()),
            _ => None,
        })
        .map_or_else(|| read_reference(reference), Ok);
    for (i, (name, input)) in inputs.iter().enumerate() {
        results[i] = Some(match input {
            Err(d) => Err(vec![d.clone()]),
            Ok((_, Kind::Data, _)) => continue,
            Ok((format, Kind::Story, text)) => load::<Story>(name, text, *format, |s| {
                let mut p = s.validate();
                match &known {
                    Ok(data) => {
                        p.extend(s.validate_jurisdictions(|id| data.jurisdiction(id).is_some()))
                    }
                    Err(why) if s.questions.iter().any(|q| !q.jurisdictions.is_empty()) => {
                        p.push(Problem::new(
                            Path::root().key("questions"),
                            format!("cannot check the jurisdiction ids: {why}"),
                        ))
                    }
                    Err(_) => {}
                }
                p.extend(invisible_strings(s, &p));
                p
            }),
        });
    }

    let mut report = Report::default();
    for ((name, _), result) in inputs.iter().zip(results) {
        match result.expect("every file was checked") {
            Ok(content) => {
                let ok = format!("{}: ok: {}\n", escape_invisible(name), content.summary());
                if json {
                    report.stdout.push_str(&content.to_json());
                    report.stdout.push('\n');
                    report.stderr.push_str(&ok);
                } else {
                    report.stdout.push_str(&ok);
                }
            }
            Err(diagnostics) => report.diagnostics.extend(diagnostics),
        }
    }
    for d in &report.diagnostics {
        // A message may quote the file (a TOML error does): no raw bidi controls on a terminal.
        let _ = writeln!(report.stderr, "{}", escape_invisible(&d.to_string()));
    }
    if !report.diagnostics.is_empty() {
        let n = report.diagnostics.len();
        if json {
            report.stdout.clear();
            let _ = writeln!(report.stderr, "{n} problem(s): no JSON was written");
        } else {
            let _ = writeln!(report.stderr, "{n} problem(s)");
        }
        report.status = 1;
    }
    report
}

/// A diagnostic for the whole file (no field).
fn whole_file(file: &str, line: usize, column: usize, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        file: file.into(),
        line,
        column,
        path: String::new(),
        message: message.into(),
    }
}

/// A file's format, kind and text, or why it could not be read or told.
type Identified = Result<(Format, Kind, String), Diagnostic>;

/// Reads `file` and tells its format (by name) and kind (by its top-level keys).
fn identify(file: &FsPath) -> Identified {
    let name = file.display().to_string();
    let text = std::fs::read_to_string(file)
        .map_err(|e| whole_file(&name, 1, 1, format!("cannot read the file: {e}")))?;
    let json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    // The top-level keys (a syntax error is reported here, where it is found).
    let keys: Vec<String> = if json {
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
            Ok(_) => Vec::new(),
            Err(e) => return Err(json_error(&name, &text, &e)),
        }
    } else {
        match toml::from_str::<toml::Table>(&text) {
            Ok(table) => table.keys().cloned().collect(),
            Err(e) => {
                let (line, column) = e.span().map_or((1, 1), |s| line_column(&text, s.start));
                return Err(whole_file(&name, line, column, e.message().trim()));
            }
        }
    };
    let has = |key: &str| keys.iter().any(|k| k == key);
    let kind = if has("questions") {
        Kind::Story
    } else if has("jurisdictions") {
        Kind::Data
    } else {
        return Err(whole_file(
            &name,
            1,
            1,
            "neither a story (it has no `questions`) nor a data file (it has no `jurisdictions`)",
        ));
    };
    let format = if json { Format::Json } else { Format::Toml };
    Ok((format, kind, text))
}

/// The map's data for checking a story's jurisdiction ids: only its ids matter, so a data file
/// with problems of its own still serves, as long as it parses.
fn read_reference(file: &FsPath) -> Result<Dataset, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    toml::from_str(&text).map_err(|e| {
        format!(
            "{} does not load (run `cargo xtask check {}`): {}",
            file.display(),
            file.display(),
            e.message().trim()
        )
    })
}

/// Parses and validates one file; every problem located.
fn load<T>(
    file: &str,
    text: &str,
    format: Format,
    validate: impl FnOnce(&T) -> Vec<Problem>,
) -> Result<Content, Vec<Diagnostic>>
where
    T: DeserializeOwned + Into<Content>,
{
    match format {
        Format::Toml => toml_file::load::<T>(file, text, validate).map(Into::into),
        Format::Json => {
            let value: T =
                serde_json::from_str(text).map_err(|e| vec![json_error(file, text, &e)])?;
            let problems = validate(&value);
            if problems.is_empty() {
                return Ok(value.into());
            }
            Err(problems
                .into_iter()
                .map(|p| {
                    let (line, column) = line_column(text, locate_json(text, &p.path));
                    Diagnostic {
                        file: file.into(),
                        line,
                        column,
                        path: p.path.to_string(),
                        message: p.message,
                    }
                })
                .collect())
        }
    }
}

impl From<Story> for Content {
    fn from(s: Story) -> Content {
        Content::Story(s)
    }
}

impl From<Dataset> for Content {
    fn from(d: Dataset) -> Content {
        Content::Data(d)
    }
}

/// A serde_json error at its line and column (in characters, as for TOML).
fn json_error(file: &str, text: &str, e: &serde_json::Error) -> Diagnostic {
    let full = e.to_string();
    // serde_json's message ends with " at line L column C": the position goes in front.
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    let line = e.line().max(1);
    // serde_json counts bytes in the line; count characters.
    let line_start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    let offset = (line_start + e.column().saturating_sub(1)).min(text.len());
    let (line, column) = line_column(text, floor_char_boundary(text, offset));
    whole_file(file, line, column, message)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every string in `value` (its JSON form, so the field names are the file's) that holds an
/// invisible or bidi control character, unless a problem is already reported for that field.
/// Ids and required text are checked by `validate` itself; this reaches optional text
/// (`kicker`, `dek`, `summary_es`…) and references.
fn invisible_strings<T: Serialize>(value: &T, already: &[Problem]) -> Vec<Problem> {
    let value = serde_json::to_value(value).expect("content serializes");
    let mut p = Problems::default();
    walk(&value, Path::root(), &mut p);
    p.0.into_iter()
        .filter(|found| !already.iter().any(|a| a.path == found.path))
        .collect()
}

fn walk(value: &serde_json::Value, at: Path, p: &mut Problems) {
    match value {
        serde_json::Value::String(s) => p.require_visible(at, s),
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, at.index(i), p);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                walk(v, at.key(k), p);
            }
        }
        _ => {}
    }
}

/// The byte offset of the deepest value on `path` that exists in JSON `text` (which parsed),
/// as `toml_file` does for TOML: a missing field points at the object that lacks it.
fn locate_json(text: &str, path: &Path) -> usize {
    let mut s = Scan {
        text,
        b: text.as_bytes(),
        i: 0,
    };
    s.find(&path.0).unwrap_or(0)
}

/// A minimal JSON scanner that only finds where values start.
struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Skips a string starting at the `"` under the cursor; returns its raw text with quotes.
    fn string(&mut self) -> Option<&str> {
        let start = self.i;
        self.i += 1;
        loop {
            match self.peek()? {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return self.text.get(start..self.i);
                }
                _ => self.i += 1,
            }
        }
    }

    /// Skips the value under the cursor (nesting is counted, not recursed into).
    fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.i += 1;
                }
            }
        }
        Some(())
    }

    /// The offset of the value on `path` from the cursor, or of the deepest one that exists.
    fn find(&mut self, path: &[Seg]) -> Option<usize> {
        self.ws();
        let start = self.i;
        let Some((seg, rest)) = path.split_first() else {
            return Some(start);
        };
        match (self.peek(), seg) {
            (Some(b'{'), Seg::Key(want)) => {
                self.i += 1;
                loop {
                    self.ws();
                    if self.peek() != Some(b'"') {
                        return Some(start);
                    }
                    let raw = self.string()?;
                    let key: String = serde_json::from_str(raw).ok()?;
                    self.ws();
                    self.i += 1; // ':'
                    if key == *want {
                        return self.find(rest).or(Some(start));
                    }
                    self.ws();
                    self.skip()?;
                    self.ws();
                    if self.peek() != Some(b',') {
                        return Some(start);
                    }
                    self.i += 1;
                }
            }
            (Some(b'['), Seg::Index(want)) => {
                self.i += 1;
                let mut n = 0;
                loop {
                    self.ws();
                    if matches!(self.peek(), Some(b']') | None) {
                        return Some(start);
                    }
                    if n == *want {
                        return self.find(rest).or(Some(start));
                    }
                    self.skip()?;
                    self.ws();
                    if self.peek() != Some(b',') {
                        return Some(start);
                    }
                    self.i += 1;
                    n += 1;
                }
            }
            _ => Some(start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use sanctuary_core::policy::STATES;

    /// A fresh directory for one test.
    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-check-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn reference() -> PathBuf {
        root().join("content/jurisdictions.toml")
    }

    /// Writes `files` (name, text) to a temp dir and checks them.
    fn run(test: &str, files: &[(&str, &str)], json: bool) -> (Report, PathBuf) {
        let dir = temp_dir(test);
        let paths: Vec<PathBuf> = files
            .iter()
            .map(|(name, text)| {
                let p = dir.join(name);
                std::fs::write(&p, text).unwrap();
                p
            })
            .collect();
        (check(&paths, json, &reference()), dir)
    }

    /// The problems printed, with the temp dir taken off the file names.
    fn problems(report: &Report, dir: &FsPath) -> Vec<String> {
        let prefix = format!("{}/", dir.display());
        report
            .stderr
            .lines()
            .filter(|l| !l.contains(" problem(s)"))
            .map(|l| l.replace(&prefix, ""))
            .collect()
    }

    /// One problem, expected exactly.
    fn fails_with(test: &str, name: &str, text: &str, want: &str) {
        let (report, dir) = run(test, &[(name, text)], false);
        assert_eq!(report.status, 1, "{report:?}");
        assert_eq!(
            report.stdout, "",
            "nothing on stdout when there are problems"
        );
        assert_eq!(problems(&report, &dir), [want], "{test}");
    }

    /// 1-based line and column of the first occurrence of `needle` in `text`.
    fn at(text: &str, needle: &str) -> (usize, usize) {
        line_column(
            text,
            text.find(needle).unwrap_or_else(|| panic!("{needle}")),
        )
    }

    const STORY: &str = r#"id = "s"
lang = "en"
title = "T"
as_of = "2024-12-09"

[[questions]]
id = "a"
question = "Q?"
answer = "A."
sources = ["x"]
jurisdictions = ["06", "los-angeles-ca"]

[[questions]]
id = "b"
question = "Q2?"
answer = "B."
sources = ["x", "y"]

[[sources]]
id = "x"
publisher = "P"
title = "T"
date = "2024-11-20"
url = "https://example.org/a"

[[sources]]
id = "y"
publisher = "P"
title = "No link"
date = "2023-06"
"#;

    #[test]
    fn a_good_story_passes() {
        let (report, dir) = run("good", &[("story.toml", STORY)], false);
        assert_eq!(report.status, 0, "{report:?}");
        assert_eq!(
            report.stdout,
            format!("{}/story.toml: ok: 2 questions, 2 sources\n", dir.display())
        );
        assert_eq!(report.stderr, "");
    }

    #[test]
    fn names_a_duplicate_question_id() {
        fails_with(
            "duplicate",
            "story.toml",
            &STORY.replace("id = \"b\"", "id = \"a\""),
            "story.toml:14:6: questions[1].id: duplicate question id \"a\" (also questions[0])",
        );
    }

    #[test]
    fn names_an_unknown_jurisdiction() {
        fails_with(
            "jurisdiction",
            "story.toml",
            &STORY.replace("\"los-angeles-ca\"", "\"atlantis-ca\""),
            "story.toml:11:24: questions[0].jurisdictions[1]: unknown jurisdiction \"atlantis-ca\"",
        );
    }

    #[test]
    fn a_source_needs_a_date_but_not_a_link() {
        let undated = STORY.replace("date = \"2023-06\"\n", "");
        let (report, dir) = run("undated", &[("story.toml", &undated)], false);
        assert_eq!(report.status, 1);
        let p = problems(&report, &dir);
        assert_eq!(p.len(), 1, "{p:?}");
        // toml reports a missing field at the table that lacks it.
        assert_eq!(p, ["story.toml:26:1: missing field `date`"]);
        // Source "y" has no url: that is fine (checked in a_good_story_passes).
        assert!(!STORY[STORY.find("id = \"y\"").unwrap()..].contains("url"));
    }

    #[test]
    fn names_a_date_that_is_not_iso_8601() {
        let text = STORY.replace("\"2024-11-20\"", "\"Nov. 20, 2024\"");
        let (report, dir) = run("date", &[("story.toml", &text)], false);
        assert_eq!(report.status, 1);
        assert_eq!(
            problems(&report, &dir),
            ["story.toml:23:8: \"Nov. 20, 2024\" is not an ISO 8601 date: write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day"]
        );
    }

    #[test]
    fn names_links_that_are_not_web_links() {
        for (bad, why) in [
            (
                "javascript:alert(1)",
                "links must start with https:// or http://, then a host",
            ),
            (
                "data:text/html,x",
                "links must start with https:// or http://, then a host",
            ),
            (
                "ftp://example.org/a",
                "links must start with https:// or http://, then a host",
            ),
            (
                "https://example.org/a b",
                "it contains a space or a line break",
            ),
        ] {
            fails_with(
                "link",
                "story.toml",
                &STORY.replace("https://example.org/a", bad),
                &format!("story.toml:24:7: sources[0].url: \"{bad}\" is not a web link: {why}"),
            );
        }
    }

    #[test]
    fn names_bidi_controls_in_text_and_ids() {
        let text = STORY
            .replace("question = \"Q2?\"", "question = \"Q2\u{202E}?\"")
            .replace("id = \"y\"", "id = \"y\u{200B}\"")
            .replace("\"y\"]", "\"y\u{200B}\"]");
        let (report, dir) = run("bidi", &[("story.toml", &text)], false);
        assert_eq!(report.status, 1);
        assert!(!report.stderr.contains('\u{202E}'), "printed escaped");
        assert_eq!(
            problems(&report, &dir),
            [
                "story.toml:27:6: sources[1].id: \"y<U+200B>\" is not a valid id: it contains U+200B ZERO WIDTH SPACE at character 2: use lower-case letters, digits and hyphens",
                "story.toml:15:12: questions[1].question: contains invisible or bidi control characters: U+202E RIGHT-TO-LEFT OVERRIDE at character 3: remove them (they can make the text read differently from what it holds)",
                // A reference is checked too (it would otherwise look like a known id).
                "story.toml:17:17: questions[1].sources[1]: contains invisible or bidi control characters: U+200B ZERO WIDTH SPACE at character 2: remove them (they can make the text read differently from what it holds)",
            ]
        );
    }

    #[test]
    fn finds_invisible_characters_in_optional_text() {
        let text = STORY.replacen(
            "title = \"T\"\n",
            "title = \"T\"\ndek = \"\u{2066}x\u{2069}\"\n",
            1,
        );
        fails_with(
            "dek",
            "story.toml",
            &text,
            "story.toml:4:7: dek: contains invisible or bidi control characters: U+2066 LEFT-TO-RIGHT ISOLATE at character 1, U+2069 POP DIRECTIONAL ISOLATE at character 3: remove them (they can make the text read differently from what it holds)",
        );
    }

    #[test]
    fn prints_every_problem() {
        let text = STORY
            .replace("id = \"b\"", "id = \"a\"")
            .replace("answer = \"A.\"", "answer = \" \"")
            .replace("\"06\"", "\"99\"");
        let (report, dir) = run("every", &[("story.toml", &text)], false);
        assert_eq!(report.status, 1);
        assert_eq!(
            problems(&report, &dir),
            [
                "story.toml:9:10: questions[0].answer: must not be empty",
                "story.toml:14:6: questions[1].id: duplicate question id \"a\" (also questions[0])",
                "story.toml:11:18: questions[0].jurisdictions[0]: unknown jurisdiction \"99\"",
            ]
        );
        assert!(report.stderr.ends_with("\n3 problem(s)\n"));
    }

    #[test]
    fn a_file_that_is_neither_is_named() {
        fails_with(
            "neither",
            "x.toml",
            "title = \"T\"\n",
            "x.toml:1:1: neither a story (it has no `questions`) nor a data file (it has no `jurisdictions`)",
        );
        let (report, dir) = run("syntax", &[("x.toml", "questions = [\n")], false);
        assert_eq!(report.status, 1);
        let p = problems(&report, &dir);
        assert_eq!(p, ["x.toml:1:14: unclosed array, expected `]`"]);
    }

    /// Every state unknown, `sources = []`; `extra` replaces California's record.
    fn dataset(california: &str) -> String {
        let mut text = String::from("as_of = \"2025-08-05\"\nsources = []\n");
        for s in &STATES {
            if s.fips == "06" {
                text.push_str(california);
            } else {
                let _ = write!(
                    text,
                    "\n[[jurisdictions]]\nid = \"{}\"\nkind = \"state\"\nname = \"{}\"\nstatus = \"unknown\"\n",
                    s.fips, s.name
                );
            }
        }
        text
    }

    const CALIFORNIA: &str = "\n[[jurisdictions]]\nid = \"06\"\nkind = \"state\"\nname = \"California\"\nstatus = \"unknown\"\n";

    #[test]
    fn a_good_data_file_passes() {
        let (report, dir) = run("data", &[("data.toml", &dataset(CALIFORNIA))], false);
        assert_eq!(report.status, 0, "{report:?}");
        assert_eq!(
            report.stdout,
            format!(
                "{}/data.toml: ok: 51 jurisdictions, 0 policies, 0 sources\n",
                dir.display()
            )
        );
    }

    #[test]
    fn names_a_tier_that_cannot_be_derived() {
        let text = dataset(&CALIFORNIA.replace("\"unknown\"", "\"reviewed\""));
        let (line, _) = at(&text, "status = \"reviewed\"");
        let i = STATES.iter().position(|s| s.fips == "06").unwrap();
        fails_with(
            "tier",
            "data.toml",
            &text,
            &format!("data.toml:{line}:10: jurisdictions[{i}].status: the tier cannot be derived: status is \"reviewed\" but no policies are listed: list them, or use status = \"none_found\" (with status_sources) or \"unknown\""),
        );
    }

    #[test]
    fn a_story_is_checked_against_a_data_file_named_with_it() {
        let data = dataset(CALIFORNIA);
        // The data named here has no Los Angeles: the story's reference to it is unknown.
        let (report, dir) = run(
            "with-data",
            &[("story.toml", STORY), ("data.toml", &data)],
            false,
        );
        assert_eq!(
            problems(&report, &dir),
            ["story.toml:11:24: questions[0].jurisdictions[1]: unknown jurisdiction \"los-angeles-ca\""]
        );
        assert_eq!(report.status, 1);
        assert_eq!(
            report.stdout,
            format!(
                "{}/data.toml: ok: 51 jurisdictions, 0 policies, 0 sources\n",
                dir.display()
            ),
            "the good file is still named"
        );
    }

    fn json_story() -> String {
        let story: Story = toml::from_str(STORY).unwrap();
        serde_json::to_string_pretty(&story).unwrap()
    }

    #[test]
    fn json_files_are_checked_with_line_and_column() {
        let good = json_story();
        let (report, dir) = run("json-good", &[("story.json", &good)], false);
        assert_eq!(report.status, 0, "{report:?}");
        assert_eq!(
            report.stdout,
            format!("{}/story.json: ok: 2 questions, 2 sources\n", dir.display())
        );

        let text = good
            .replace("\"id\": \"b\"", "\"id\": \"a\"")
            .replace("https://example.org/a", "javascript:alert(1)");
        let (dup, url) = (
            at(&text, "\"id\": \"a\",\n      \"question\": \"Q2?\""),
            at(&text, "\"url\""),
        );
        let (report, dir) = run("json-bad", &[("story.json", &text)], false);
        assert_eq!(
            problems(&report, &dir),
            [
                format!("story.json:{}:{}: sources[0].url: \"javascript:alert(1)\" is not a web link: links must start with https:// or http://, then a host", url.0, url.1 + 7),
                format!("story.json:{}:{}: questions[1].id: duplicate question id \"a\" (also questions[0])", dup.0, dup.1 + 6),
            ]
        );
    }

    #[test]
    fn json_syntax_and_schema_errors_have_a_position() {
        fails_with(
            "json-syntax",
            "story.json",
            "{\"questions\": [1,}\n",
            "story.json:1:18: expected value",
        );
        let text = "{\"questions\": [],\n \"sources\": [], \"colour\": 1}";
        let (report, dir) = run("json-schema", &[("story.json", text)], false);
        let p = problems(&report, &dir);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("story.json:2:"), "{p:?}");
        assert!(p[0].contains("unknown field `colour`"), "{p:?}");
    }

    #[test]
    fn locates_json_paths() {
        let text = "{\"a\": [1, {\"b\": \"x,]}\"}, [2]],\n \"c\": {\"d\": true}, \"e\\u0066\": 3}";
        let path = |segs: &[Seg]| Path(segs.to_vec());
        let key = |k: &str| Seg::Key(k.into());
        let off = |p: Path| locate_json(text, &p);
        assert_eq!(
            off(path(&[key("a"), Seg::Index(1), key("b")])),
            text.find("\"x").unwrap()
        );
        assert_eq!(
            off(path(&[key("a"), Seg::Index(2), Seg::Index(0)])),
            text.find("2]").unwrap()
        );
        assert_eq!(off(path(&[key("c"), key("d")])), text.find("true").unwrap());
        assert_eq!(off(path(&[key("ef")])), text.find("3}").unwrap());
        // Missing: the deepest value that exists.
        assert_eq!(
            off(path(&[key("c"), key("zz")])),
            text.find("{\"d\"").unwrap()
        );
        assert_eq!(
            off(path(&[key("a"), Seg::Index(9)])),
            text.find('[').unwrap()
        );
        assert_eq!(off(path(&[key("nope")])), 0);
    }

    #[test]
    fn json_output_is_the_validated_content() {
        let (report, _) = run("json-out", &[("story.toml", STORY)], true);
        assert_eq!(report.status, 0, "{report:?}");
        let story: Story = serde_json::from_str(&report.stdout).unwrap();
        assert_eq!(story, toml::from_str::<Story>(STORY).unwrap());
        assert!(report.stderr.contains("ok: 2 questions, 2 sources"));

        let (report, _) = run(
            "json-none",
            &[("story.toml", &STORY.replace("\"Q?\"", "\"\""))],
            true,
        );
        assert_eq!(report.status, 1);
        assert_eq!(report.stdout, "", "no JSON for a file with problems");
        assert!(report
            .stderr
            .ends_with("1 problem(s): no JSON was written\n"));
    }

    #[test]
    fn the_real_content_passes() {
        let files: Vec<PathBuf> = ["story.en.toml", "story.es.toml", "jurisdictions.toml"]
            .iter()
            .map(|f| root().join("content").join(f))
            .collect();
        let report = check(&files, false, &reference());
        assert_eq!(report.status, 0, "{}", report.stderr);
        assert_eq!(report.stdout.lines().count(), 3, "{}", report.stdout);
        for (json, file) in [(true, &files[0]), (true, &files[2])] {
            let report = check(std::slice::from_ref(file), json, &reference());
            assert_eq!(report.status, 0, "{}", report.stderr);
            assert!(serde_json::from_str::<serde_json::Value>(&report.stdout).is_ok());
        }
    }
}
