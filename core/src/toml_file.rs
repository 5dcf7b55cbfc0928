//! Reading human-edited TOML content files, with `file:line:column` on every problem.
//! Build-time only (feature `build`): the wasm reads the JSON the build writes.

use std::fmt;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::problem::{Path, Problem, Seg};

/// A problem located in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The field path, empty when the problem is not in one field (e.g. a syntax error).
    pub path: String,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Parses `text` as `T`, then runs `validate`. Returns the value, or every problem located.
pub fn load<T: DeserializeOwned>(
    file: &str,
    text: &str,
    validate: impl FnOnce(&T) -> Vec<Problem>,
) -> Result<T, Vec<Diagnostic>> {
    let value: T = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
        // The toml error's Display repeats the source line; its message alone is clearer here.
        vec![Diagnostic {
            file: file.into(),
            line,
            column,
            path: String::new(),
            message: e.message().trim().into(),
        }]
    })?;
    let problems = validate(&value);
    if problems.is_empty() {
        return Ok(value);
    }
    let doc = DeTable::parse(text).ok();
    Err(problems
        .into_iter()
        .map(|p| {
            let span = doc
                .as_ref()
                .and_then(|d| locate(d, &p.path))
                .unwrap_or(0..0);
            let (line, column) = line_column(text, span.start);
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

/// The span of the deepest value on `path` that exists in the document.
fn locate(doc: &Spanned<DeTable<'_>>, path: &Path) -> Option<Range<usize>> {
    let mut span = None;
    let mut table: Option<&DeTable<'_>> = Some(doc.get_ref());
    let mut array: Option<&toml::de::DeArray<'_>> = None;
    for seg in &path.0 {
        let next: Option<&Spanned<DeValue<'_>>> = match seg {
            Seg::Key(k) => table
                .and_then(|t| {
                    t.iter()
                        .find(|(key, _)| key.get_ref().as_ref() == k.as_str())
                })
                .map(|(_, v)| v),
            Seg::Index(i) => array.and_then(|a| a.get(*i)),
        };
        let Some(v) = next else { break };
        span = Some(v.span());
        table = None;
        array = None;
        match v.get_ref() {
            DeValue::Table(t) => table = Some(t),
            DeValue::Array(a) => array = Some(a),
            _ => {}
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Story;

    const GOOD: &str = r#"id = "s"
lang = "en"
title = "T"
as_of = "2024-12-09"

[[questions]]
id = "a"
question = "Q?"
answer = "A."
sources = ["x"]

[[questions]]
id = "b"
question = "Q2?"
answer = "B."
sources = ["x"]

[[sources]]
id = "x"
publisher = "P"
title = "T"
date = "2024-11-20"
"#;

    fn errors(text: &str) -> Vec<String> {
        load::<Story>("story.toml", text, Story::validate)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn loads_a_good_file() {
        let s = load::<Story>("story.toml", GOOD, Story::validate).unwrap();
        assert_eq!(s.questions.len(), 2);
    }

    #[test]
    fn locates_validation_problems_by_line() {
        let text = GOOD.replace("id = \"b\"", "id = \"a\"");
        assert_eq!(
            errors(&text),
            ["story.toml:13:6: questions[1].id: duplicate question id \"a\" (also questions[0])"]
        );
        let text = GOOD.replace("answer = \"B.\"", "answer = \"\"");
        assert_eq!(
            errors(&text),
            ["story.toml:15:10: questions[1].answer: must not be empty"]
        );
    }

    #[test]
    fn locates_serde_problems_by_line() {
        let text = GOOD.replace("date = \"2024-11-20\"", "date = \"20 Nov 2024\"");
        let e = errors(&text);
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("story.toml:22:8: "), "{e:?}");
        assert!(e[0].contains("not an ISO 8601 date"), "{e:?}");

        let text = GOOD.replace("publisher = \"P\"\n", "");
        let e = errors(&text);
        assert!(e[0].contains("missing field `publisher`"), "{e:?}");

        let text = GOOD.replace("answer = \"A.\"", "answer = \"A.\"\ncolour = \"red\"");
        let e = errors(&text);
        assert!(e[0].starts_with("story.toml:10:1: "), "{e:?}");
        assert!(e[0].contains("unknown field `colour`"), "{e:?}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
        assert_eq!(line_column("x", 99), (1, 2));
    }
}
