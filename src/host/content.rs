//! `data-content`: a newsroom's own story or data file (JSON of the same schema as
//! `content/*.toml`), downloaded by embed.js and validated exactly as the build validates ours, by the
//! validator wasm (`validator/`) that embed.js loads for such pages only.
//! Problems are shown to the editor in place of the card, and in the console.

use sanctuary_core::packed::{unpack, Content};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, ShadowRoot};

#[wasm_bindgen]
extern "C" {
    /// embed.js's `SanctuaryExplainer._check(url)`: downloads the content file, loads the
    /// validator wasm (`validator/`) once, on first use, and resolves to the packed content, or
    /// rejects with the problems, one per line (a failed download is one).
    #[wasm_bindgen(catch, js_namespace = SanctuaryExplainer, js_name = _check)]
    fn check(url: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Has embed.js download the file at `url` and the validator parse and validate it, and unpacks
/// the result. Every problem is a line for the editor.
pub async fn load(url: &str) -> Result<Content, Vec<String>> {
    let bytes = validate(url).await?;
    unpack(&bytes).map_err(|e| vec![e.into()])
}

async fn validate(url: &str) -> Result<Vec<u8>, Vec<String>> {
    let unavailable = |_| {
        vec!["the file could not be checked: the content checker (sanctuary_validator, beside embed.js) did not load or stopped".to_owned()]
    };
    let packed = JsFuture::from(check(url).map_err(unavailable)?)
        .await
        .map_err(|e| match e.as_string() {
            Some(problems) => problems.lines().map(str::to_owned).collect(),
            None => unavailable(e),
        })?;
    Ok(js_sys::Uint8Array::new(&packed).to_vec())
}

/// The editor-readable error box, built with text nodes only (nothing from the file is parsed
/// as HTML), and the same list in the console.
pub fn show_problems(host: &HtmlElement, root: &ShadowRoot, url: &str, problems: &[String]) {
    gloo::console::error!(format!(
        "sanctuary-explainer: the content file {url} has {} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    ));
    let Some(doc) = host.owner_document() else {
        return;
    };
    let build = || -> Result<(), wasm_bindgen::JsValue> {
        root.set_inner_html("");
        let box_ = doc.create_element("div")?;
        box_.set_class_name("se-root se-error");
        box_.set_attribute("role", "alert")?;
        let title = doc.create_element("p")?;
        title.set_class_name("se-error__title");
        title.set_text_content(Some(&format!(
            "This explainer's content file has problems, so the explainer cannot be shown: {url}"
        )));
        box_.append_child(&title)?;
        let list = doc.create_element("ul")?;
        for p in problems {
            let li = doc.create_element("li")?;
            li.set_text_content(Some(p));
            list.append_child(&li)?;
        }
        box_.append_child(&list)?;
        root.append_child(&box_)?;
        Ok(())
    };
    let _ = build();
}
