//! Build-time help for the widget's stylesheets (`build.rs`); nothing here is in the wasm.
//!
//! The dark theme's rules are written once, for `[data-theme=dark]`; [`with_auto_dark`] writes
//! each again for `[data-theme=auto]` inside `@media (prefers-color-scheme: dark)`, so `auto`
//! follows the reader's setting without a second copy of the palette to keep in step.

/// What marks a rule of the dark theme, and what its copy for `auto` says instead.
const DARK: &str = "[data-theme=dark]";
const AUTO: &str = "[data-theme=auto]";

/// `css` with every top-level rule whose selector names `[data-theme=dark]` followed by the same
/// rule for `[data-theme=auto]`, inside `@media (prefers-color-scheme: dark)`. Rules inside
/// at-rules, comments and everything else are left as they are.
pub fn with_auto_dark(css: &str) -> String {
    let mut out = String::with_capacity(css.len() * 2);
    let bytes = css.as_bytes();
    let (mut i, mut start, mut depth, mut open) = (0, 0, 0usize, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = css[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |end| i + 2 + end + 2);
                continue;
            }
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push_str(&css[start..=i]);
                    let selector = without_comments(&css[start..open]);
                    let selector = selector.trim();
                    if !selector.starts_with('@') && selector.contains(DARK) {
                        out.push_str("\n@media (prefers-color-scheme: dark) {\n");
                        out.push_str(&selector.replace(DARK, AUTO));
                        out.push(' ');
                        out.push_str(&css[open..=i]);
                        out.push_str("\n}");
                    }
                    start = i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&css[start.min(css.len())..]);
    out
}

fn without_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .find("*/")
            .map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dark_rule_is_followed_by_its_auto_copy_in_the_media_query() {
        let css = ".a { color: red; }\n/* dark { } */\n[data-theme=dark] {\n  --ink: #eee;\n}\n.b { x: y; }\n";
        let out = with_auto_dark(css);
        assert_eq!(
            out,
            ".a { color: red; }\n/* dark { } */\n[data-theme=dark] {\n  --ink: #eee;\n}\n\
             @media (prefers-color-scheme: dark) {\n[data-theme=auto] {\n  --ink: #eee;\n}\n}\n\
             .b { x: y; }\n"
        );
    }

    #[test]
    fn compound_selectors_and_lists_keep_their_other_parts() {
        let out = with_auto_dark(".se[data-theme=dark], .x[data-theme=dark] p { padding: 1px; }");
        assert!(
            out.ends_with(
                "@media (prefers-color-scheme: dark) {\n.se[data-theme=auto], .x[data-theme=auto] p { padding: 1px; }\n}"
            ),
            "{out}"
        );
    }

    #[test]
    fn rules_in_at_rules_strings_and_comments_are_left_alone() {
        let css = "@media print { [data-theme=dark] { a: b; } }\n\
                   .q::before { content: \"[data-theme=dark] {\"; }\n\
                   /* [data-theme=dark] { c: d; } */ .r { e: f; }";
        assert_eq!(with_auto_dark(css), css);
    }

    #[test]
    fn the_widgets_stylesheet_writes_the_dark_palette_once() {
        let css = include_str!("../../styles/widget.css");
        let rules = without_comments(css);
        assert!(
            !rules.contains(AUTO),
            "styles/widget.css: write the dark rules for {DARK} only"
        );
        let out = with_auto_dark(css);
        let dark = out
            .find("[data-theme=dark] {")
            .expect("the dark theme's palette");
        let auto = out.find("[data-theme=auto] {").expect("its copy for auto");
        let body = |at: usize| &out[at + DARK.len()..][..out[at + DARK.len()..].find('}').unwrap()];
        assert!(body(dark).contains("--se-paper"), "{}", body(dark));
        assert_eq!(body(dark), body(auto));
    }
}
