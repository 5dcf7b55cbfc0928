//! Reads the placeholder's `data-*` options (parsed by `sanctuary_core::options`) and reports
//! each invalid value in the console, naming the attribute and what it accepts.

use web_sys::HtmlElement;

pub use sanctuary_core::options::Options;

pub fn read(host: &HtmlElement) -> Options {
    let (options, warnings) = sanctuary_core::options::parse(|name| host.get_attribute(name));
    for w in &warnings {
        super::warn(w);
    }
    options
}
