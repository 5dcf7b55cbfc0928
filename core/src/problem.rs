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
    /// A problem at `path`. Invisible and bidi control characters in the message (quoted from
    /// the file) are written as `<U+202E>`, so a message shows what the file holds and cannot
    /// reorder the terminal line it is printed on.
    pub fn new(path: Path, message: impl Into<String>) -> Problem {
        let message = message.into();
        let message = if message.chars().any(|c| invisible(c).is_some()) {
            escape_invisible(&message)
        } else {
            message
        };
        Problem { path, message }
    }
}

/// The name of a character that does not show, or that reorders the text around it (a bidi
/// control): `None` for every other character. Tab, line feed and carriage return are allowed
/// in text; other control characters are not.
///
/// - bidi controls: U+202A–U+202E (embeddings, overrides, pop), U+2066–U+2069 (isolates),
///   U+200E/U+200F and U+061C (marks): they can make text read differently from what it holds
///   ("Trojan Source"), in the widget and in an editor's terminal;
/// - invisible characters: U+200B–U+200D (zero-width space, non-joiner, joiner),
///   U+2060–U+2064 (word joiner, invisible operators), U+FEFF (zero-width no-break space,
///   a stray byte order mark);
/// - control characters (U+0000–U+001F but tab, LF and CR; U+007F–U+009F).
pub fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\t' | '\n' | '\r' => return None,
        c if c.is_control() => "control character",
        _ => return None,
    })
}

/// `text` with every [`invisible`] character written as `<U+XXXX>`.
pub fn escape_invisible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if invisible(c).is_some() {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// "U+202E RIGHT-TO-LEFT OVERRIDE at character 7, U+200B ZERO WIDTH SPACE at character 9":
/// each distinct [`invisible`] character in `text` (at most four, then "and N more"), with the
/// 1-based position of its first occurrence; `None` if there is none.
fn describe_invisible(text: &str) -> Option<String> {
    let mut seen: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if invisible(c).is_some() && !seen.iter().any(|&(s, _)| s == c) {
            seen.push((c, i + 1));
        }
    }
    if seen.is_empty() {
        return None;
    }
    const SHOWN: usize = 4;
    let mut parts: Vec<String> = seen
        .iter()
        .take(SHOWN)
        .map(|&(c, at)| {
            let name = invisible(c).unwrap_or_default();
            format!("U+{:04X} {name} at character {at}", u32::from(c))
        })
        .collect();
    if seen.len() > SHOWN {
        parts.push(format!("and {} more", seen.len() - SHOWN));
    }
    Some(parts.join(", "))
}

/// Whether `value` is a link a reader may follow: `http://` or `https://` (lower case), a host,
/// and no whitespace, control, invisible or bidi control character. The widget renders no
/// other link, whatever the content says.
pub fn is_web_url(value: &str) -> bool {
    let Some(rest) = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || invisible(c).is_some())
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

    /// A required text field: present, not blank, and without [`invisible`] characters (bidi
    /// controls, zero-width characters, control characters), which are refused, naming each
    /// code point and where it is.
    pub fn require_text(&mut self, path: Path, value: &str) {
        if value.trim().is_empty() {
            self.push(path, "must not be empty");
        } else {
            self.require_visible(path, value);
        }
    }

    /// Text, possibly empty, without [`invisible`] characters (for optional text fields).
    pub fn require_visible(&mut self, path: Path, value: &str) {
        if let Some(found) = describe_invisible(value) {
            self.push(
                path,
                format!("contains invisible or bidi control characters: {found}: remove them (they can make the text read differently from what it holds)"),
            );
        }
    }

    /// An id: lower-case letters, digits and hyphens (it ends up in URLs and element ids).
    /// An invisible or bidi control character is named, as the id would look right without it.
    pub fn require_slug(&mut self, path: Path, value: &str) {
        if value.is_empty() {
            self.push(path, "must not be empty");
        } else if let Some(found) = describe_invisible(value) {
            self.push(
                path,
                format!("\"{value}\" is not a valid id: it contains {found}: use lower-case letters, digits and hyphens"),
            );
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

    /// A link a reader may follow: only http(s), see [`is_web_url`].
    pub fn require_web_url(&mut self, path: Path, value: &str) {
        if is_web_url(value) {
            return;
        }
        let why = if let Some(found) = describe_invisible(value) {
            format!("it contains {found}")
        } else if value.chars().any(char::is_whitespace) {
            "it contains a space or a line break".to_owned()
        } else {
            "links must start with https:// or http://, then a host".to_owned()
        };
        self.push(path, format!("\"{value}\" is not a web link: {why}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Vec<String> {
        let mut p = Problems::default();
        p.require_text(Path::root().key("title"), value);
        p.0.iter().map(ToString::to_string).collect()
    }

    fn slug(value: &str) -> Vec<String> {
        let mut p = Problems::default();
        p.require_slug(Path::root().key("id"), value);
        p.0.iter().map(ToString::to_string).collect()
    }

    fn url(value: &str) -> Vec<String> {
        let mut p = Problems::default();
        p.require_web_url(Path::root().key("url"), value);
        p.0.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn text_refuses_bidi_controls_naming_the_code_point() {
        assert_eq!(
            text("Paid \u{202E}3.99"),
            ["title: contains invisible or bidi control characters: U+202E RIGHT-TO-LEFT OVERRIDE at character 6: remove them (they can make the text read differently from what it holds)"]
        );
        for (c, name) in [
            ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
            ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
            ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
            ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
            ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
            ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
            ('\u{2068}', "FIRST STRONG ISOLATE"),
            ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
            ('\u{200B}', "ZERO WIDTH SPACE"),
            ('\u{200C}', "ZERO WIDTH NON-JOINER"),
            ('\u{200D}', "ZERO WIDTH JOINER"),
            ('\u{200E}', "LEFT-TO-RIGHT MARK"),
            ('\u{200F}', "RIGHT-TO-LEFT MARK"),
            ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
            ('\u{0007}', "control character"),
        ] {
            let m = text(&format!("ab{c}"));
            let want = format!("U+{:04X} {name} at character 3", u32::from(c));
            assert_eq!(m.len(), 1, "{want}: {m:?}");
            assert!(m[0].contains(&want), "{want}: {m:?}");
        }
    }

    #[test]
    fn text_lists_each_distinct_character_once() {
        let m = text("\u{200B}a\u{200B}b\u{2067}c\u{2069}d\u{202C}e\u{FEFF}");
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("U+200B ZERO WIDTH SPACE at character 1, U+2067 RIGHT-TO-LEFT ISOLATE at character 5, U+2069 POP DIRECTIONAL ISOLATE at character 7, U+202C POP DIRECTIONAL FORMATTING at character 9, and 1 more: "),
            "{m:?}"
        );
    }

    #[test]
    fn text_allows_tabs_line_breaks_and_ordinary_unicode() {
        assert!(text("Línea uno,\r\n\tdos — «tres» 13–0 ñ 日本").is_empty());
        assert_eq!(text(" \n "), ["title: must not be empty"]);
        // Blank but for an invisible character: empty is what the editor must fix first.
        assert_eq!(text("\u{200B}").len(), 1);
    }

    #[test]
    fn ids_refuse_invisible_characters_by_name_and_messages_escape_them() {
        assert_eq!(
            slug("los-angeles\u{200B}-ca"),
            ["id: \"los-angeles<U+200B>-ca\" is not a valid id: it contains U+200B ZERO WIDTH SPACE at character 12: use lower-case letters, digits and hyphens"]
        );
        let m = slug("a\u{202E}b");
        assert!(!m[0].contains('\u{202E}'), "{m:?}");
        assert!(m[0].contains("U+202E RIGHT-TO-LEFT OVERRIDE"), "{m:?}");
        assert_eq!(
            slug("Bad Id"),
            ["id: \"Bad Id\" is not a valid id: use lower-case letters, digits and hyphens"]
        );
        assert!(slug("los-angeles-ca").is_empty());
    }

    #[test]
    fn any_message_quoting_a_file_escapes_invisible_characters() {
        let p = Problem::new(Path::root().key("x"), "unknown source \"a\u{2066}b\"");
        assert_eq!(p.to_string(), "x: unknown source \"a<U+2066>b\"");
        assert_eq!(
            escape_invisible("a\u{0}b\tc\u{9F}"),
            "a<U+0000>b\tc<U+009F>"
        );
    }

    #[test]
    fn web_links_are_http_or_https_with_a_host() {
        for good in [
            "https://example.org",
            "http://example.org/a?b=c#d",
            "https://www.latimes.com/california/story/2024-11-19/x",
        ] {
            assert!(is_web_url(good), "{good}");
            assert!(url(good).is_empty(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example",
            "ftp://x.org",
            "https://",
            "http:///path",
            "https://a b",
            "https://example.org/\u{202E}gpj.exe",
            "https://exa\u{200B}mple.org",
            "https://example.org/\n",
            "",
        ] {
            assert!(!is_web_url(bad), "{bad:?}");
            assert_eq!(url(bad).len(), 1, "{bad:?}");
        }
        assert_eq!(
            url("https://example.org/\u{202E}gpj.exe"),
            ["url: \"https://example.org/<U+202E>gpj.exe\" is not a web link: it contains U+202E RIGHT-TO-LEFT OVERRIDE at character 21"]
        );
        assert_eq!(
            url("javascript:alert(1)"),
            ["url: \"javascript:alert(1)\" is not a web link: links must start with https:// or http://, then a host"]
        );
    }
}
