//! Browser tests: the widget mounted by `host::mount` in headless Chromium (wasm-bindgen-test).
//! Run by `cargo xtask test`.
#![cfg(target_arch = "wasm32")]

mod web;

use std::cell::Cell;
use std::rc::Rc;

use sanctuary_explainer::bundle::default_story;
use sanctuary_explainer::host::{mount, READY_EVENT};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web::{all, document, expanded, press, tick, until, widget};
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn triggers(root: &ShadowRoot) -> Vec<HtmlElement> {
    all(root, ".se-qa__trigger")
}

fn panel_of(root: &ShadowRoot, trigger: &Element) -> HtmlElement {
    let id = trigger
        .get_attribute("aria-controls")
        .expect("aria-controls");
    root.get_element_by_id(&id)
        .expect("the controlled panel exists")
        .unchecked_into()
}

fn focused(root: &ShadowRoot) -> Option<Element> {
    root.active_element()
}

#[wasm_bindgen_test]
async fn renders_the_story_in_a_shadow_root() {
    let story = default_story(sanctuary_explainer::core::i18n::Lang::En);
    let (host, root) = widget(&[]).await;
    assert_eq!(
        host.child_element_count(),
        0,
        "nothing is added to the light DOM"
    );
    let title = root.query_selector(".se-title").unwrap().expect("a title");
    assert_eq!(title.text_content().unwrap(), story.title);
    let buttons = triggers(&root);
    assert_eq!(buttons.len(), story.questions.len());
    for (b, q) in buttons.iter().zip(&story.questions) {
        assert!(b.text_content().unwrap().contains(&q.question));
        assert!(!expanded(b), "all questions start closed");
        assert!(panel_of(&root, b).hidden());
        assert_eq!(
            b.parent_element().unwrap().tag_name(),
            "H3",
            "the button sits in a heading"
        );
    }
    assert!(
        root.adopted_style_sheets().length() >= 1,
        "the stylesheet is adopted"
    );
}

/// A widget, with `at_ready(host)` called by a listener of its ready event (the first render:
/// the browser cannot have been idle yet).
async fn widget_seen_at_ready(at_ready: impl FnMut(Element) + 'static) -> ShadowRoot {
    let mut at_ready = at_ready;
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        at_ready(e.target().unwrap().unchecked_into())
    });
    document()
        .add_event_listener_with_callback(READY_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    let (_, root) = widget(&[]).await;
    document()
        .remove_event_listener_with_callback(READY_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    root
}

/// How many elements in `host`'s shadow root match `css`.
fn count(host: &Element, css: &str) -> u32 {
    let root = host.shadow_root().unwrap();
    root.query_selector_all(css).unwrap().length()
}

#[wasm_bindgen_test]
async fn closed_answers_are_built_after_the_first_render() {
    // Panels, and elements inside them, when the ready event fires.
    let seen = Rc::new(Cell::new(None::<(u32, u32)>));
    let at_ready = seen.clone();
    let root = widget_seen_at_ready(move |host| {
        at_ready.set(Some((
            count(&host, ".se-qa__panel"),
            count(&host, ".se-qa__panel > *"),
        )))
    })
    .await;
    let (panels, built) = seen.get().expect("the ready event was seen");
    assert!(panels > 1, "one panel per question");
    assert_eq!(
        built, 0,
        "no closed answer is built before the widget is ready"
    );
    // Then, once the browser is idle, every answer is there (still closed), ready to print.
    until("the closed answers to be built", || {
        all(&root, ".se-qa__panel[hidden] > p").len() >= panels as usize
    })
    .await;
    assert_eq!(all(&root, ".se-qa__panel[hidden]").len(), panels as usize);
}

#[wasm_bindgen_test]
async fn printing_builds_the_closed_answers_at_once() {
    // The browser is never idle here (requestIdleCallback is held), so the closed answers wait
    // for the print. A browser fires beforeprint, then lays the page out for print after the
    // microtasks: counted in a microtask after the event.
    let run = |js: &str| {
        js_sys::Function::new_no_args(js)
            .call0(&JsValue::NULL)
            .unwrap()
    };
    run("window.__idle = window.requestIdleCallback; window.requestIdleCallback = function () { return 0; };");
    let (host, root) = widget(&[]).await;
    tick().await; // yew has finished rendering (it yields to the browser during long renders)
    let closed = count(&host, ".se-qa__panel[hidden]");
    assert!(closed > 1);
    assert_eq!(
        count(&host, ".se-qa__panel[hidden]:not(:empty)"),
        0,
        "no closed answer is built before the browser is idle or prints"
    );
    let seen = Rc::new(Cell::new(None::<u32>));
    let at_print = seen.clone();
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("beforeprint").unwrap())
        .unwrap();
    let then = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        at_print.set(Some(count(&host, ".se-qa__panel[hidden]:not(:empty)")))
    });
    let _ = js_sys::Promise::resolve(&JsValue::NULL).then(&then);
    tick().await;
    run("window.requestIdleCallback = window.__idle; delete window.__idle;");
    assert_eq!(
        seen.get(),
        Some(closed),
        "every closed answer is built before the print"
    );
    assert_eq!(all(&root, ".se-qa__panel[hidden]").len() as u32, closed);
}

#[wasm_bindgen_test]
async fn click_expands_and_collapses_one_question() {
    let (_, root) = widget(&[]).await;
    let buttons = triggers(&root);
    buttons[1].click();
    tick().await;
    assert!(expanded(&buttons[1]));
    assert!(!panel_of(&root, &buttons[1]).hidden());
    let text = panel_of(&root, &buttons[1]).text_content().unwrap();
    assert!(!text.trim().is_empty(), "the answer is shown");
    assert!(
        !expanded(&buttons[0]) && !expanded(&buttons[2]),
        "other questions stay closed"
    );
    buttons[1].click();
    tick().await;
    assert!(!expanded(&buttons[1]));
    assert!(panel_of(&root, &buttons[1]).hidden());
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_focus() {
    let (_, root) = widget(&[]).await;
    let buttons = triggers(&root);
    let last = buttons.len() - 1;
    buttons[0].focus().unwrap();
    press(&buttons[0], "ArrowDown");
    assert_eq!(
        focused(&root).as_ref(),
        Some(buttons[1].unchecked_ref::<Element>())
    );
    press(&buttons[1], "End");
    assert_eq!(
        focused(&root).as_ref(),
        Some(buttons[last].unchecked_ref::<Element>())
    );
    press(&buttons[last], "ArrowDown");
    assert_eq!(
        focused(&root).as_ref(),
        Some(buttons[0].unchecked_ref::<Element>()),
        "Down wraps"
    );
    press(&buttons[0], "ArrowUp");
    assert_eq!(
        focused(&root).as_ref(),
        Some(buttons[last].unchecked_ref::<Element>()),
        "Up wraps"
    );
    press(&buttons[last], "Home");
    assert_eq!(
        focused(&root).as_ref(),
        Some(buttons[0].unchecked_ref::<Element>())
    );
    assert!(
        buttons.iter().all(|b| !expanded(b)),
        "moving focus opens nothing"
    );
}

#[wasm_bindgen_test]
async fn next_question_steps_through_the_card() {
    let (_, root) = widget(&[]).await;
    let buttons = triggers(&root);
    buttons[0].click();
    tick().await;
    let next: HtmlElement = panel_of(&root, &buttons[0])
        .query_selector(".se-qa__next")
        .unwrap()
        .expect("a next-question button")
        .unchecked_into();
    next.click();
    tick().await;
    assert!(!expanded(&buttons[0]) && expanded(&buttons[1]));
    assert_eq!(
        focused(&root).as_ref(),
        Some(buttons[1].unchecked_ref::<Element>())
    );
}

#[wasm_bindgen_test]
async fn data_open_opens_that_question() {
    let story = default_story(sanctuary_explainer::core::i18n::Lang::En);
    let id = &story.questions[2].id;
    let (_, root) = widget(&[("data-open", id)]).await;
    let buttons = triggers(&root);
    assert!(expanded(&buttons[2]));
    assert_eq!(buttons.iter().filter(|b| expanded(b)).count(), 1);

    let (_, root) = widget(&[("data-open", "no-such-question")]).await;
    assert!(
        triggers(&root).iter().all(|b| !expanded(b)),
        "an unknown id opens nothing"
    );
}

#[wasm_bindgen_test]
async fn widgets_are_independent_and_mount_once() {
    let (host_a, a) = widget(&[]).await;
    let (_, b) = widget(&[]).await;
    triggers(&a)[0].click();
    tick().await;
    assert!(expanded(&triggers(&a)[0]));
    assert!(!expanded(&triggers(&b)[0]), "the other widget is unchanged");
    mount(
        host_a.clone(),
        web::ASSETS.into(),
        None,
        None,
        web::on_failure().0,
    )
    .unwrap();
    tick().await;
    assert_eq!(
        a.query_selector_all(".se-root").unwrap().length(),
        1,
        "a second mount is a no-op"
    );
    assert!(expanded(&triggers(&a)[0]), "and keeps the widget's state");
}

/// A placeholder in the page, mounted with its default story in `/test-assets/<content>`;
/// waits until it has rendered, or `mount` said why it could not.
async fn mount_with_stories(content: &str) -> (HtmlElement, Option<String>) {
    web::preload_geometry();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute("data-sanctuary-explainer", "").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let (failed, reason) = web::on_failure();
    mount(
        host.clone(),
        web::ASSETS.into(),
        None,
        Some(content.into()),
        failed,
    )
    .unwrap();
    until("the widget or its failure", || {
        reason.borrow().is_some()
            || host
                .shadow_root()
                .is_some_and(|root| web::one(&root, ".se-title").is_some())
    })
    .await;
    let reason = reason.borrow().clone();
    (host, reason)
}

/// [`mount_with_stories`] with only the English story in `/test-assets/<content>` (the other
/// language is not on the test server, or the test stubs its download); it mounts in English.
async fn mount_in_english_only(content: &str) -> HtmlElement {
    use sanctuary_explainer::assets::{head_url, preload, story_url};
    use sanctuary_explainer::core::i18n::Lang;
    let dir = format!("{}{content}", web::ASSETS);
    preload(&head_url(&dir, Lang::En), default_story(Lang::En).head());
    preload(
        &story_url(&dir, Lang::En),
        (*default_story(Lang::En)).clone(),
    );
    let (host, failed) = mount_with_stories(content).await;
    assert_eq!(failed, None);
    host
}

#[wasm_bindgen_test]
async fn a_language_is_fetched_when_the_reader_switches_to_it() {
    use sanctuary_explainer::assets::{preload, story_url};
    use sanctuary_explainer::core::i18n::Lang;
    // Only the English story is there: the Spanish one is not on the test server (404).
    let host = mount_in_english_only("only-en/").await;
    let dir = format!("{}only-en/", web::ASSETS);
    let root = host.shadow_root().unwrap();
    let article = || web::one(&root, "article").unwrap();
    let spanish = web::one(&root, ".se-lang__btn[lang='es']").expect("both languages offered");
    assert_eq!(article().get_attribute("lang").as_deref(), Some("en"));

    spanish.click();
    until("the failure message", || {
        web::one(&root, ".se-lang__error").is_some()
    })
    .await;
    let error = web::one(&root, ".se-lang__error").unwrap();
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        error
            .text_content()
            .unwrap()
            .starts_with("Español: could not be loaded."),
        "{:?}",
        error.text_content()
    );
    assert_eq!(
        article().get_attribute("lang").as_deref(),
        Some("en"),
        "still in English"
    );
    assert_eq!(
        spanish.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(spanish.get_attribute("aria-busy"), None);

    // The reader tries again, and this time the story is there.
    preload(
        &story_url(&dir, Lang::Es),
        (*default_story(Lang::Es)).clone(),
    );
    spanish.click();
    until("Spanish", || {
        article().get_attribute("lang").as_deref() == Some("es")
    })
    .await;
    assert!(
        web::one(&root, ".se-lang__error").is_none(),
        "the message goes"
    );
    assert_eq!(
        spanish.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let title = web::one(&root, ".se-title")
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(title, default_story(Lang::Es).title);
}

#[wasm_bindgen_test]
async fn mount_fails_naming_the_story_it_could_not_have() {
    let (host, failed) = mount_with_stories("no-stories-here/").await;
    let err = failed.expect("no story, no widget");
    assert!(
        err.contains("/test-assets/no-stories-here/head.en.bin"),
        "{err}"
    );
    assert!(
        host.shadow_root().is_none(),
        "nothing was put in the placeholder (a pasted static fallback stays visible)"
    );

    // The host was let go of: "Try again" mounts it anew, and this time the story is there.
    web::preload_stories();
    let (failed, reason) = web::on_failure();
    mount(host.clone(), web::ASSETS.into(), None, None, failed).unwrap();
    until("the widget", || {
        host.shadow_root()
            .is_some_and(|root| web::one(&root, ".se-title").is_some())
    })
    .await;
    assert_eq!(*reason.borrow(), None);
}

#[wasm_bindgen_test]
async fn an_answer_opened_before_the_whole_story_says_so_and_can_try_again() {
    use sanctuary_explainer::assets::{head_url, preload, story_url};
    use sanctuary_explainer::core::i18n::Lang;
    let run = |js: &str| {
        js_sys::Function::new_no_args(js)
            .call0(&JsValue::NULL)
            .unwrap();
    };
    // Only the story's head is there; the whole story's download fails (embed.js's loader,
    // stubbed) until the test puts it in the page's cache.
    run("window.SanctuaryExplainer = { _get: function (url) { return Promise.reject(url + ': failed'); } };");
    let dir = format!("{}answers-later/", web::ASSETS);
    preload(&head_url(&dir, Lang::En), default_story(Lang::En).head());
    let (host, failed) = mount_with_stories("answers-later/").await;
    assert_eq!(failed, None);
    let root = host.shadow_root().unwrap();
    assert_eq!(
        web::all(&root, ".se-qa__trigger").len(),
        default_story(Lang::En).questions.len(),
        "every question is there without the answers"
    );
    web::all(&root, ".se-qa__trigger")[0].click();
    until("the answer's retry", || {
        web::one(&root, ".se-qa__panel div.se-pending[role=status] button").is_some()
    })
    .await;
    let note = web::one(&root, ".se-qa__panel .se-pending").unwrap();
    assert!(
        note.text_content()
            .unwrap()
            .contains("The answer could not be loaded."),
        "{:?}",
        note.text_content()
    );
    assert!(web::one(&root, ".se-qa__panel .se-sources").is_none());

    preload(
        &story_url(&dir, Lang::En),
        (*default_story(Lang::En)).clone(),
    );
    web::one(&root, ".se-qa__panel div.se-pending button")
        .unwrap()
        .click();
    until("the answer", || {
        web::one(&root, ".se-qa__panel .se-sources").is_some()
    })
    .await;
    assert!(web::one(&root, ".se-pending").is_none(), "the note goes");
    let first = &default_story(Lang::En).questions[0];
    let shown = web::one(&root, ".se-qa__panel")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(shown.contains(&first.paragraphs()[0]), "{shown}");
    run("delete window.SanctuaryExplainer;");
}

#[wasm_bindgen_test]
async fn a_reader_who_changes_their_mind_keeps_the_language_chosen_last() {
    let host = mount_in_english_only("held/").await;
    // embed.js's loader, held: the Spanish story's download fails only when the test says so.
    js_sys::Function::new_no_args(
        "window.SanctuaryExplainer = { _get: function (url) {
           return new Promise(function (_, reject) { window.__fail = function () { reject(url + ': failed'); }; });
         } };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let root = host.shadow_root().unwrap();
    let button = |lang: &str| web::one(&root, &format!(".se-lang__btn[lang='{lang}']")).unwrap();
    button("es").click();
    until("Español busy", || {
        button("es").get_attribute("aria-busy").as_deref() == Some("true")
    })
    .await;
    assert_eq!(
        button("en").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );

    // Back to English before Spanish arrives: the switch is off, and its failure says nothing.
    button("en").click();
    until("Español no longer busy", || {
        button("es").get_attribute("aria-busy").is_none()
    })
    .await;
    js_sys::Function::new_no_args(
        "window.__fail(); delete window.SanctuaryExplainer; delete window.__fail;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    tick().await;
    tick().await;
    assert!(
        web::one(&root, ".se-lang__error").is_none(),
        "no message for a switch called off"
    );
    let article = web::one(&root, "article").unwrap();
    assert_eq!(article.get_attribute("lang").as_deref(), Some("en"));
}
