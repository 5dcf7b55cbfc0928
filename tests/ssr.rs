//! The static fallback, rendered natively with yew's server-side rendering from the same
//! components (feature `ssr`; `cargo xtask test` runs the workspace with all features).
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use sanctuary_core::i18n::Lang;
use sanctuary_core::options::Layout;
use sanctuary_explainer::bundle::{default_dataset, default_story};
use sanctuary_explainer::ssr::fallback;

fn render(lang: Lang, layout: Layout) -> String {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    tokio::task::LocalSet::new().block_on(&rt, fallback(lang, layout))
}

#[test]
fn the_fallback_has_every_answer_and_every_jurisdiction_as_text() {
    let html = render(Lang::En, Layout::Both);
    let story = default_story(Lang::En);
    assert!(
        html.contains(&story.title.replace('\'', "&#39;")) || html.contains(&story.title),
        "title"
    );
    assert_eq!(
        html.matches("<details class=\"se-static__q\"").count(),
        story.questions.len()
    );
    for q in &story.questions {
        let first = &q.paragraphs()[0];
        let words: String = first.chars().take(30).collect();
        assert!(
            html.contains(&words.replace('"', "&quot;")) || html.contains(&words),
            "answer of {}",
            q.id
        );
    }
    let data = default_dataset();
    assert_eq!(
        html.matches("<th scope=\"row\">").count(),
        data.jurisdictions.len()
    );
    assert!(html.contains("California Values Act"));
    assert!(!html.contains("<script"), "the fallback runs nothing");
}

#[test]
fn the_fallback_follows_language_and_view() {
    let es = render(Lang::Es, Layout::Qa);
    assert!(es.contains("lang=\"es\""));
    assert!(es.contains(&default_story(Lang::Es).questions[0].question));
    assert!(!es.contains("<table"), "the Q&A view has no table");
    let map = render(Lang::En, Layout::Map);
    assert!(
        !map.contains("se-static__q"),
        "the map view has no questions"
    );
    assert!(map.contains("<table"));
}
