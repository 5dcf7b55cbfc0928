//! The story: a Q&A explainer, as an editor writes it in `content/story.<lang>.toml`.
//!
//! Text is plain text. Answers are paragraphs separated by a blank line; nothing in a content
//! file is ever read as HTML or markup. Every question cites sources by id from the file's
//! `[[sources]]` list, and every source has a publisher, a title and a date.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::i18n::Lang;
use crate::problem::{Path, Problem, Problems};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Stable id of the story (a slug).
    pub id: String,
    pub lang: Lang,
    /// The short label above the title ("Explainer").
    #[serde(default)]
    pub kicker: String,
    pub title: String,
    /// One or two sentences under the title.
    #[serde(default)]
    pub dek: String,
    /// The date up to which the answers are checked.
    pub as_of: Date,
    pub questions: Vec<Question>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// A slug, unique in the story; used by `data-open` and in links.
    pub id: String,
    pub question: String,
    /// Plain text; paragraphs separated by a blank line.
    pub answer: String,
    /// Ids of entries in `[[sources]]`.
    pub sources: Vec<String>,
    /// Ids of jurisdictions on the map that this answer is about.
    #[serde(default)]
    pub jurisdictions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub date: Date,
    #[serde(default)]
    pub url: Option<String>,
}

impl Question {
    /// The answer's paragraphs: split on blank lines, lines inside a paragraph joined by a space.
    pub fn paragraphs(&self) -> Vec<String> {
        paragraphs(&self.answer)
    }
}

/// Splits plain text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

/// Checks a `[[sources]]` list (ids, publisher, title, link) and returns its ids with their
/// positions, for checking references. Shared by stories and data files.
pub(crate) fn check_sources<'a>(
    p: &mut Problems,
    sources: &'a [Source],
) -> HashMap<&'a str, usize> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, s) in sources.iter().enumerate() {
        let at = Path::root().key("sources").index(i);
        p.require_slug(at.key("id"), &s.id);
        if let Some(first) = ids.insert(&s.id, i) {
            p.push(
                at.key("id"),
                format!("duplicate source id \"{}\" (also sources[{first}])", s.id),
            );
        }
        p.require_text(at.key("publisher"), &s.publisher);
        p.require_text(at.key("title"), &s.title);
        if let Some(url) = &s.url {
            p.require_web_url(at.key("url"), url);
        }
    }
    ids
}

impl Story {
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// What the widget's first view shows of the story: everything but the answers and their
    /// sources (the questions, the headline, the date, and the places each answer is about,
    /// which the map's detail panel lists). The widget fetches the whole story after its first
    /// view, or at once when a question is open at start.
    pub fn head(&self) -> Story {
        Story {
            questions: self
                .questions
                .iter()
                .map(|q| Question {
                    answer: String::new(),
                    sources: Vec::new(),
                    ..q.clone()
                })
                .collect(),
            sources: Vec::new(),
            ..self.clone()
        }
    }

    /// Whether this is a [`Story::head`]: its answers are still to come (a valid story has
    /// none empty).
    pub fn is_head(&self) -> bool {
        self.questions.iter().all(|q| q.answer.is_empty()) && !self.questions.is_empty()
    }

    /// Checks everything serde cannot: ids, references, empty text, links.
    /// Returns every problem found, not just the first.
    pub fn validate(&self) -> Vec<Problem> {
        let mut p = Problems::default();
        let root = Path::root();
        p.require_slug(root.key("id"), &self.id);
        p.require_text(root.key("title"), &self.title);
        p.require_visible(root.key("kicker"), &self.kicker);
        p.require_visible(root.key("dek"), &self.dek);
        if self.questions.is_empty() {
            p.push(root.key("questions"), "a story needs at least one question");
        }

        let source_ids = check_sources(&mut p, &self.sources);

        let mut question_ids: HashMap<&str, usize> = HashMap::new();
        let mut cited: HashSet<&str> = HashSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            let at = root.key("questions").index(i);
            p.require_slug(at.key("id"), &q.id);
            if let Some(first) = question_ids.insert(&q.id, i) {
                p.push(
                    at.key("id"),
                    format!(
                        "duplicate question id \"{}\" (also questions[{first}])",
                        q.id
                    ),
                );
            }
            p.require_text(at.key("question"), &q.question);
            p.require_text(at.key("answer"), &q.answer);
            if q.sources.is_empty() {
                p.push(at.key("sources"), "every answer needs at least one source");
            }
            for (j, sid) in q.sources.iter().enumerate() {
                cited.insert(sid);
                if !source_ids.contains_key(sid.as_str()) {
                    p.push(
                        at.key("sources").index(j),
                        format!("unknown source \"{sid}\": add it to [[sources]] or fix the id"),
                    );
                }
            }
        }
        for (i, s) in self.sources.iter().enumerate() {
            if !cited.contains(s.id.as_str()) {
                p.push(
                    root.key("sources").index(i).key("id"),
                    format!("source \"{}\" is not cited by any question", s.id),
                );
            }
        }
        p.0
    }

    /// Checks the answers' jurisdiction references against the map's data.
    pub fn validate_jurisdictions(&self, known: impl Fn(&str) -> bool) -> Vec<Problem> {
        let mut p = Problems::default();
        for (i, q) in self.questions.iter().enumerate() {
            for (j, id) in q.jurisdictions.iter().enumerate() {
                if !known(id) {
                    p.push(
                        Path::root()
                            .key("questions")
                            .index(i)
                            .key("jurisdictions")
                            .index(j),
                        format!("unknown jurisdiction \"{id}\""),
                    );
                }
            }
        }
        p.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        serde_json::from_str(
            r#"{
              "id": "s", "lang": "en", "title": "T", "as_of": "2024-12-09",
              "questions": [
                {"id": "a", "question": "Q1?", "answer": "One.\n\nTwo\nlines.", "sources": ["x"]},
                {"id": "b", "question": "Q2?", "answer": "Three.", "sources": ["x", "y"]}
              ],
              "sources": [
                {"id": "x", "publisher": "P", "title": "T", "date": "2024-11-20", "url": "https://example.org/a"},
                {"id": "y", "publisher": "P", "title": "T", "date": "2023-06"}
              ]
            }"#,
        )
        .unwrap()
    }

    fn messages(s: &Story) -> Vec<String> {
        s.validate().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_story_head_keeps_all_but_the_answers_and_their_sources() {
        let mut whole = story();
        whole.questions[1].jurisdictions = vec!["los-angeles-ca".into()];
        let head = whole.head();
        assert!(head.is_head() && !whole.is_head());
        assert_eq!(
            (&head.id, &head.title, &head.as_of, head.lang),
            (&whole.id, &whole.title, &whole.as_of, whole.lang)
        );
        let asked: Vec<(&str, &str)> = head
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.question.as_str()))
            .collect();
        assert_eq!(asked, [("a", "Q1?"), ("b", "Q2?")]);
        assert!(head
            .questions
            .iter()
            .all(|q| q.answer.is_empty() && q.sources.is_empty()));
        assert!(head.sources.is_empty());
        assert_eq!(head.questions[1].jurisdictions, ["los-angeles-ca"]);
        // A story without questions is not a head (it is invalid).
        let empty = Story {
            questions: Vec::new(),
            ..whole.clone()
        };
        assert!(!empty.is_head());
    }

    #[test]
    fn a_good_story_has_no_problems() {
        assert_eq!(messages(&story()), Vec::<String>::new());
    }

    #[test]
    fn splits_paragraphs_at_blank_lines() {
        assert_eq!(story().questions[0].paragraphs(), ["One.", "Two lines."]);
    }

    #[test]
    fn names_duplicate_ids() {
        let mut s = story();
        s.questions[1].id = "a".into();
        assert_eq!(
            messages(&s),
            ["questions[1].id: duplicate question id \"a\" (also questions[0])"]
        );
    }

    #[test]
    fn names_empty_answers_and_unknown_sources() {
        let mut s = story();
        s.questions[0].answer = "  \n ".into();
        s.questions[1].sources[1] = "zz".into();
        assert_eq!(
            messages(&s),
            [
                "questions[0].answer: must not be empty",
                "questions[1].sources[1]: unknown source \"zz\": add it to [[sources]] or fix the id",
                "sources[1].id: source \"y\" is not cited by any question",
            ]
        );
    }

    #[test]
    fn refuses_links_that_are_not_web_links() {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "ftp://x.org",
            "https://a b",
        ] {
            let mut s = story();
            s.sources[0].url = Some(bad.into());
            let m = messages(&s);
            assert_eq!(m.len(), 1, "{bad}: {m:?}");
            assert!(m[0].starts_with("sources[0].url: "), "{m:?}");
        }
    }

    #[test]
    fn refuses_bad_ids() {
        let mut s = story();
        s.questions[0].id = "Bad Id".into();
        assert_eq!(
            messages(&s),
            ["questions[0].id: \"Bad Id\" is not a valid id: use lower-case letters, digits and hyphens"]
        );
    }

    #[test]
    fn checks_jurisdiction_references() {
        let mut s = story();
        s.questions[0].jurisdictions = vec!["06".into(), "nowhere".into()];
        let p = s.validate_jurisdictions(|id| id == "06");
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].to_string(),
            "questions[0].jurisdictions[1]: unknown jurisdiction \"nowhere\""
        );
    }

    #[test]
    fn serde_refuses_unknown_fields_and_missing_dates() {
        let unknown = r#"{"id":"x","publisher":"P","title":"T","date":"2024","colour":"red"}"#;
        let e = serde_json::from_str::<Source>(unknown)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field `colour`"), "{e}");
        let undated = r#"{"id":"x","publisher":"P","title":"T"}"#;
        let e = serde_json::from_str::<Source>(undated)
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing field `date`"), "{e}");
    }
}
