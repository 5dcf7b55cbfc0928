//! `data-content`: a newsroom's own story or data file (JSON of the same schema as
//! `content/*.toml`), fetched and validated in the widget exactly as the build validates ours.
//! Problems are shown to the editor in place of the card, and in the console.

use std::rc::Rc;

use sanctuary_core::content::Story;
use sanctuary_core::policy::Dataset;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, ShadowRoot};

pub enum Custom {
    Story(Rc<Story>),
    Data(Rc<Dataset>),
}

/// Fetches, parses and validates the file at `url`. Every problem is a line for the editor.
pub async fn load(url: &str) -> Result<Custom, Vec<String>> {
    let text = fetch_text(url).await.map_err(|e| vec![e])?;
    parse(&text)
}

/// Parses a story (it has `questions`) or a data file (it has `jurisdictions`) and validates it.
pub fn parse(text: &str) -> Result<Custom, Vec<String>> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| vec![format!("not valid JSON: {e}")])?;
    if value.get("questions").is_some() {
        let story: Story = serde_json::from_str(text).map_err(|e| vec![e.to_string()])?;
        let problems = story.validate();
        if problems.is_empty() {
            Ok(Custom::Story(Rc::new(story)))
        } else {
            Err(problems.iter().map(ToString::to_string).collect())
        }
    } else if value.get("jurisdictions").is_some() {
        let data: Dataset = serde_json::from_str(text).map_err(|e| vec![e.to_string()])?;
        let problems = data.validate();
        if problems.is_empty() {
            Ok(Custom::Data(Rc::new(data)))
        } else {
            Err(problems.iter().map(ToString::to_string).collect())
        }
    } else {
        Err(vec![
            "neither a story (no \"questions\") nor a data file (no \"jurisdictions\")".into(),
        ])
    }
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("could not download {url} (network error or blocked by the page)"))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "could not download {url}: HTTP {}",
            response.status()
        ));
    }
    let text = JsFuture::from(
        response
            .text()
            .map_err(|_| format!("{url}: unreadable response"))?,
    )
    .await
    .map_err(|_| format!("{url}: the download was interrupted"))?;
    text.as_string()
        .ok_or_else(|| format!("{url}: the response is not text"))
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
