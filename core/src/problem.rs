//! Validation problems: what is wrong and where, as a field path (`questions[2].sources[0]`).
//! The path is format-neutral; [`crate::toml_file`] turns it into `file:line:column` for TOML.

use std::fmt;

/// One step of a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A field path from the root of a content file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }
    pub fn key(&self, key: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(key.to_owned()));
        p
    }
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A problem found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: Path,
    pub message: String,
}

impl Problem {
    pub fn new(path: Path, message: impl Into<String>) -> Problem {
        Problem {
            path,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.0.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Collects problems while walking a document.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, path: Path, message: impl Into<String>) {
        self.0.push(Problem::new(path, message));
    }

    /// A required text field: present and not blank.
    pub fn require_text(&mut self, path: Path, value: &str) {
        if value.trim().is_empty() {
            self.push(path, "must not be empty");
        }
    }

    /// An id: lower-case letters, digits and hyphens (it ends up in URLs and element ids).
    pub fn require_slug(&mut self, path: Path, value: &str) {
        if value.is_empty() {
            self.push(path, "must not be empty");
        } else if !value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            self.push(
                path,
                format!(
                    "\"{value}\" is not a valid id: use lower-case letters, digits and hyphens"
                ),
            );
        }
    }

    /// A link a reader may follow: only http(s).
    pub fn require_web_url(&mut self, path: Path, value: &str) {
        if !(value.starts_with("https://") || value.starts_with("http://"))
            || value.len() < "http://x".len()
            || value.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            self.push(
                path,
                format!("\"{value}\" is not a web link: links must start with https:// or http://"),
            );
        }
    }
}
