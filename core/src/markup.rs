//! HTML written as text, for the parts of the widget that are only text (the detail panel's
//! laws, timelines, lists and facts; every list of sources): the browser parses each part at
//! once, and the wasm carries a few string pushes instead of code for each element.
//!
//! Only this builder writes markup. Tag and attribute names are `&'static str`, so they come
//! from the code, never from content; every text and attribute value goes through [`escape`],
//! so nothing from a content file can become markup or leave its attribute.

/// An HTML fragment being written.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup::default()
    }

    /// `<tag name="value"…>`, the values escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Markup {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape(&mut self.0, text);
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Markup {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Appends `text` with the five characters that mean something in HTML text or in a quoted
/// attribute value written as references.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_elements_with_escaped_text_and_attributes() {
        let mut m = Markup::new();
        m.open("p", &[("class", "a"), ("title", "say \"hi\" & 'bye'")])
            .text("<script>alert(1)</script> & more")
            .element("span", &[], "ok")
            .close("p");
        assert_eq!(
            m.into_string(),
            "<p class=\"a\" title=\"say &quot;hi&quot; &amp; &#39;bye&#39;\">\
             &lt;script&gt;alert(1)&lt;/script&gt; &amp; more<span>ok</span></p>"
        );
    }

    #[test]
    fn leaves_other_text_as_it_is() {
        let mut out = String::new();
        escape(&mut out, "Los Ángeles — 13–0, “sanctuary”");
        assert_eq!(out, "Los Ángeles — 13–0, “sanctuary”");
    }
}
