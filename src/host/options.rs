//! The placeholder's `data-*` options. An invalid value is reported in the console, naming
//! the attribute and what it accepts, and the default is used.

use sanctuary_core::content::Story;
use web_sys::HtmlElement;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// `data-open`: index of the question to open at start.
    pub open: Option<usize>,
}

impl Options {
    pub fn read(host: &HtmlElement, story: &Story) -> Options {
        let mut options = Options::default();
        if let Some(id) = host.get_attribute("data-open").filter(|v| !v.is_empty()) {
            options.open = story.question_index(&id);
            if options.open.is_none() {
                let ids: Vec<&str> = story.questions.iter().map(|q| q.id.as_str()).collect();
                gloo::console::warn!(format!(
                    "sanctuary-explainer: data-open=\"{id}\" is not a question id; accepted: {}",
                    ids.join(", ")
                ));
            }
        }
        options
    }
}
