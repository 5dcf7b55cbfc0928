//! The placeholder's `data-*` options, parsed without a browser: the host passes a lookup
//! function. An invalid value yields a warning that names the attribute and the accepted
//! values, and the default is used.

use crate::i18n::Lang;

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

/// Colour scheme (`data-theme`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    /// The widget root's `data-theme`, which the stylesheet selects (`[data-theme=dark]`).
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `data-open`: the id of the question open at start (checked against the story by the caller).
    pub open: Option<String>,
    /// `data-view`: qa | map | both.
    pub layout: Layout,
    /// `data-lang`: en | es; `None` when absent (the host then follows the page's language).
    pub lang: Option<Lang>,
    /// `data-theme`: light | dark | auto.
    pub theme: Theme,
    /// `data-accent`: the host's brand colour as `#rrggbb`, when it is readable on white.
    pub accent: Option<String>,
    /// `data-content`: URL of a story or data file (JSON) to use instead of the default.
    pub content: Option<String>,
}

/// Parses `#rgb` or `#rrggbb` into RGB.
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => Some([
            u8::from_str_radix(&hex[0..2], 16).ok()?,
            u8::from_str_radix(&hex[2..4], 16).ok()?,
            u8::from_str_radix(&hex[4..6], 16).ok()?,
        ]),
        _ => None,
    }
}

/// WCAG 2.x contrast ratio between two colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    fn luminance(c: [u8; 3]) -> f64 {
        let lin = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                pow_2_4((s + 0.055) / 1.055)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `x^2.4` for `x` in `[0, 1]` without libm's `pow` (1.4 KB of wasm for this one call):
/// `x² · (x²)^(1/5)`, the fifth root by Newton's method from 1, which decreases monotonically
/// to it, so the loop ends when a step no longer decreases.
fn pow_2_4(x: f64) -> f64 {
    let x2 = x * x;
    if x2 <= 0.0 {
        return 0.0;
    }
    let mut y = 1.0f64;
    loop {
        let next = (4.0 * y + x2 / (y * y * y * y)) / 5.0;
        if next >= y {
            return x2 * y;
        }
        y = next;
    }
}

/// The accent is used for text and controls on white: it needs 4.5:1 (WCAG 2.2 AA).
pub const MIN_ACCENT_CONTRAST: f64 = 4.5;

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
    if let Some(v) = attr("data-lang") {
        match Lang::parse(v.trim()) {
            Some(lang) => options.lang = Some(lang),
            None => warnings.push(format!(
                "data-lang=\"{v}\" is not valid; accepted values: en, es (using en)"
            )),
        }
    }
    if let Some(v) = attr("data-theme") {
        match v.trim() {
            "light" => options.theme = Theme::Light,
            "dark" => options.theme = Theme::Dark,
            "auto" => options.theme = Theme::Auto,
            other => warnings.push(format!(
                "data-theme=\"{other}\" is not valid; accepted values: light, dark, auto (using light)"
            )),
        }
    }
    if let Some(v) = attr("data-accent") {
        let v = v.trim().to_ascii_lowercase();
        match parse_hex_color(&v) {
            Some(rgb) if contrast(rgb, [255, 255, 255]) >= MIN_ACCENT_CONTRAST => {
                options.accent = Some(format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]))
            }
            Some(rgb) => {
                // One decimal without float formatting (it would add ~20 KB to the wasm).
                let tenths = (contrast(rgb, [255, 255, 255]) * 10.0).round() as u32;
                warnings.push(format!(
                    "data-accent=\"{v}\" has a contrast of {}.{}:1 on white; accepted values: a #rrggbb colour with at least 4.5:1 (using the default accent)",
                    tenths / 10,
                    tenths % 10
                ))
            }
            None => warnings.push(format!(
                "data-accent=\"{v}\" is not valid; accepted values: a colour as #rgb or #rrggbb (using the default accent)"
            )),
        }
    }
    if let Some(v) = attr("data-content")
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
    {
        if v.starts_with("javascript:") || v.starts_with("data:") {
            warnings.push(format!(
                "data-content=\"{v}\" is not valid; accepted values: the URL of a JSON story or data file (using the default content)"
            ));
        } else {
            options.content = Some(v);
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
    fn reads_lang_theme_accent_and_content() {
        let (o, w) = with(&[
            ("data-lang", "es"),
            ("data-theme", "auto"),
            ("data-accent", "#1A4D2E"),
            ("data-content", "https://news.example/story.json"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.lang, Some(Lang::Es));
        assert_eq!(o.theme, Theme::Auto);
        assert_eq!(o.accent.as_deref(), Some("#1a4d2e"));
        assert_eq!(
            o.content.as_deref(),
            Some("https://news.example/story.json")
        );
        assert_eq!(
            with(&[("data-accent", "#c00")]).0.accent.as_deref(),
            Some("#cc0000")
        );
    }

    #[test]
    fn warns_on_each_invalid_value() {
        let (o, w) = with(&[
            ("data-lang", "fr"),
            ("data-theme", "blue"),
            ("data-accent", "#ffee00"),
            ("data-content", "javascript:alert(1)"),
        ]);
        assert_eq!(o, Options::default());
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(w[0].starts_with("data-lang=\"fr\" is not valid; accepted values: en, es"));
        assert!(w[1]
            .starts_with("data-theme=\"blue\" is not valid; accepted values: light, dark, auto"));
        assert!(
            w[2].starts_with("data-accent=\"#ffee00\" has a contrast of 1.2:1 on white"),
            "{}",
            w[2]
        );
        assert!(w[3].starts_with("data-content=\"javascript:alert(1)\" is not valid"));
        let (_, w) = with(&[("data-accent", "red")]);
        assert!(w[0].contains("accepted values: a colour as #rgb or #rrggbb"));
    }

    #[test]
    fn pow_2_4_matches_powf_on_every_channel_value() {
        for v in 0..=255u8 {
            let x = (f64::from(v) / 255.0 + 0.055) / 1.055;
            let (ours, libm) = (pow_2_4(x), x.powf(2.4));
            assert!((ours - libm).abs() <= 1e-14 * libm, "{v}: {ours} vs {libm}");
        }
        assert_eq!(pow_2_4(0.0), 0.0);
        assert_eq!(pow_2_4(1.0), 1.0);
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast([118, 118, 118], [255, 255, 255]) - 4.54).abs() < 0.01);
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
