//! Deep links: the URL fragment that restores an open question or a selected place.
//!
//! `#sanctuary-explainer=<widget>/<kind>/<id>` where `<widget>` is the placeholder's `id`
//! attribute when it has one, else its position among the page's placeholders (1, 2, …),
//! `<kind>` is `q` (a question) or `j` (a jurisdiction), and `<id>` the question or
//! jurisdiction id. Ids are slugs and FIPS codes, so nothing needs escaping; anything else
//! is ignored when read.

const PREFIX: &str = "#sanctuary-explainer=";

/// What a link opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Question(String),
    Place(String),
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The fragment for `target` in the widget called `widget`.
pub fn format(widget: &str, target: &Target) -> String {
    let (kind, id) = match target {
        Target::Question(id) => ("q", id),
        Target::Place(id) => ("j", id),
    };
    format!("{PREFIX}{widget}/{kind}/{id}")
}

/// The target in `hash` (as `location.hash` gives it) for the widget called `widget`, if any.
pub fn parse(hash: &str, widget: &str) -> Option<Target> {
    let rest = hash.strip_prefix(PREFIX)?;
    let mut parts = rest.splitn(3, '/');
    let (w, kind, id) = (parts.next()?, parts.next()?, parts.next()?);
    if w != widget || !is_token(id) {
        return None;
    }
    match kind {
        "q" => Some(Target::Question(id.to_owned())),
        "j" => Some(Target::Place(id.to_owned())),
        _ => None,
    }
}

/// The widget's name in links: its element id if that is a plain token, else its position.
pub fn widget_key(element_id: &str, position: usize) -> String {
    if is_token(element_id) {
        element_id.to_owned()
    } else {
        position.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for t in [
            Target::Question("what-passed".into()),
            Target::Place("06037".into()),
        ] {
            let hash = format("2", &t);
            assert_eq!(parse(&hash, "2"), Some(t));
        }
        assert_eq!(
            format("la", &Target::Place("los-angeles-ca".into())),
            "#sanctuary-explainer=la/j/los-angeles-ca"
        );
    }

    #[test]
    fn ignores_other_widgets_and_junk() {
        let hash = format("1", &Target::Question("a".into()));
        assert_eq!(parse(&hash, "2"), None, "another widget's link");
        for junk in [
            "",
            "#top",
            "#sanctuary-explainer=1/x/a",
            "#sanctuary-explainer=1/q/",
            "#sanctuary-explainer=1/q/<script>",
            "#sanctuary-explainer=1/q/a/b",
        ] {
            assert_eq!(parse(junk, "1"), None, "{junk}");
        }
    }

    #[test]
    fn names_widgets_by_id_or_position() {
        assert_eq!(widget_key("explainer", 3), "explainer");
        assert_eq!(widget_key("", 3), "3");
        assert_eq!(widget_key("has space", 2), "2");
    }
}
