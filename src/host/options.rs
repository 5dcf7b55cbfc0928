//! Reads the placeholder's `data-*` options (parsed by `sanctuary_core::options`) and reports
//! invalid values in the console, naming the attribute and what it accepts.

use sanctuary_core::content::Story;
use sanctuary_core::options::{parse, Layout};
use web_sys::HtmlElement;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// `data-open`: index of the question to open at start.
    pub open: Option<usize>,
    /// `data-view`.
    pub layout: Layout,
}

fn warn(message: &str) {
    gloo::console::warn!(format!("sanctuary-explainer: {message}"));
}

impl Options {
    pub fn read(host: &HtmlElement, story: &Story) -> Options {
        let (parsed, warnings) = parse(|name| host.get_attribute(name));
        for w in &warnings {
            warn(w);
        }
        let open = parsed.open.as_deref().and_then(|id| {
            let found = story.question_index(id);
            if found.is_none() {
                let ids: Vec<&str> = story.questions.iter().map(|q| q.id.as_str()).collect();
                warn(&format!(
                    "data-open=\"{id}\" is not a question id; accepted: {}",
                    ids.join(", ")
                ));
            }
            found
        });
        Options {
            open,
            layout: parsed.layout,
        }
    }
}
