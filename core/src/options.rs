//! The placeholder's `data-*` options, parsed without a browser: the host passes a lookup
//! function. An invalid value yields a warning that names the attribute and the accepted
//! values, and the default is used.

/// What the widget shows (`data-view`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// The Q&A card only.
    Qa,
    /// The map only.
    Map,
    /// Both, the Q&A first.
    #[default]
    Both,
}

impl Layout {
    pub fn has_qa(self) -> bool {
        self != Layout::Map
    }
    pub fn has_map(self) -> bool {
        self != Layout::Qa
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `data-open`: the id of the question open at start (checked against the story by the caller).
    pub open: Option<String>,
    /// `data-view`: qa | map | both.
    pub layout: Layout,
}

/// Reads the options through `attr` (an attribute's value, if present). Returns the options
/// and one warning per invalid value.
pub fn parse(attr: impl Fn(&str) -> Option<String>) -> (Options, Vec<String>) {
    let mut warnings = Vec::new();
    let mut options = Options {
        open: attr("data-open").filter(|v| !v.trim().is_empty()),
        ..Options::default()
    };
    if let Some(v) = attr("data-view") {
        match v.trim() {
            "qa" => options.layout = Layout::Qa,
            "map" => options.layout = Layout::Map,
            "both" | "" => options.layout = Layout::Both,
            other => warnings.push(format!(
                "data-view=\"{other}\" is not valid; accepted values: qa, map, both (using both)"
            )),
        }
    }
    (options, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> (Options, Vec<String>) {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        parse(|name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn defaults_to_both_and_nothing_open() {
        assert_eq!(with(&[]), (Options::default(), vec![]));
        assert_eq!(Options::default().layout, Layout::Both);
    }

    #[test]
    fn reads_view_and_open() {
        let (o, w) = with(&[("data-view", "map"), ("data-open", "what-passed")]);
        assert_eq!(o.layout, Layout::Map);
        assert_eq!(o.open.as_deref(), Some("what-passed"));
        assert!(w.is_empty());
        assert!(!o.layout.has_qa() && o.layout.has_map());
    }

    #[test]
    fn warns_on_an_invalid_view_and_uses_the_default() {
        let (o, w) = with(&[("data-view", "maps")]);
        assert_eq!(o.layout, Layout::Both);
        assert_eq!(
            w,
            ["data-view=\"maps\" is not valid; accepted values: qa, map, both (using both)"]
        );
    }
}
