//! Rules about the widget's own source that the compiler does not check (ARCHITECTURE.md,
//! "Decisions"). Each costs bytes or safety when broken, silently.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// Every `.rs` file under `src/`, with its text.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    assert!(out.len() > 10, "the sources: {out:?}");
    out
}

/// `file:line: text` for each line of the sources where `bad` says yes.
fn offending(bad: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for (file, text) in sources() {
        for (n, line) in text.lines().enumerate() {
            if bad(line) {
                found.push(format!("{file}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

/// yew turns any `class` that is not a string literal into its `Classes` set (an `IndexSet`,
/// hashed, per element and render): 4 kB gzip of wasm for a few state classes. A state is an
/// attribute instead (`data-open`, `aria-current`, `data-tier`…), which the stylesheet selects.
fn computes_a_class(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or_default();
    code.contains("classes!(")
        || code
            .match_indices("class={")
            .any(|(i, m)| !code[i + m.len()..].starts_with('"'))
}

#[test]
fn no_computed_class_attributes() {
    let found = offending(computes_a_class);
    assert!(
        found.is_empty(),
        "a computed `class` brings back yew's Classes (see this test's docs):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_class_rule_catches_what_it_should() {
    assert!(computes_a_class(
        r#"<li class={classes!("a", open.then_some("b"))}>"#
    ));
    assert!(computes_a_class(r#"<path class={class} d={d} />"#));
    assert!(!computes_a_class(
        r#"<li class="a" data-open={open.then_some("")}>"#
    ));
    assert!(!computes_a_class(r#"<div class={"a"}>"#));
    assert!(!computes_a_class(r#"// an old class={x} in a comment"#));
}

/// Markup written as text reaches the DOM in one place only (`components/sources.rs`'s `raw`,
/// for strings the escaping `core::markup` builder wrote).
#[test]
fn raw_html_enters_in_one_place() {
    let found = offending(|line| line.contains("from_html_unchecked"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("components/sources.rs"), "{found:#?}");
}

/// Each distinct effect closure, and each type kept with yew's `use_state`, is its own copy of
/// yew's hook code in the wasm (about 1 to 1.5 KB raw each): effects go through
/// `hooks::use_after_render` (one boxed closure type), node refs through `hooks::use_node_ref`
/// (a cell, not a state).
fn runs_an_effect(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or_default();
    ["use_effect(", "use_effect_with(", "use_layout_effect"]
        .iter()
        .any(|h| code.contains(h))
}

#[test]
fn effects_and_node_refs_go_through_the_widgets_hooks() {
    let effects: Vec<String> = offending(runs_an_effect)
        .into_iter()
        .filter(|l| !l.contains("hooks/mod.rs:"))
        .collect();
    assert!(
        effects.is_empty(),
        "use hooks::use_after_render:\n{}",
        effects.join("\n")
    );
    let yews_node_refs: Vec<String> = sources()
        .into_iter()
        .filter(|(file, text)| {
            text.contains("use_node_ref()")
                && !file.ends_with("hooks/mod.rs")
                && !text.split("use crate::hooks").skip(1).any(|import| {
                    let import = import.split(';').next().unwrap_or_default();
                    import.contains("use_node_ref")
                })
        })
        .map(|(file, _)| file)
        .collect();
    assert!(
        yews_node_refs.is_empty(),
        "import hooks::use_node_ref in {yews_node_refs:?}"
    );
    // The rule catches what it should.
    assert!(runs_an_effect("        use_effect_with((), move |_| {"));
    assert!(runs_an_effect("use_effect(move || place_labels(&frame));"));
    assert!(!runs_an_effect(
        "use_after_render(Box::new(move || place_labels(&frame)));"
    ));
}
