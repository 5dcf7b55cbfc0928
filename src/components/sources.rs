use sanctuary_core::content::Source;
use sanctuary_core::date::Date;
use sanctuary_core::i18n::Lang;
use sanctuary_core::markup::Markup;
use sanctuary_core::policy::Tier;
use sanctuary_core::problem::is_web_url;
use yew::prelude::*;

/// "Sources: Publisher, “Title,” date" — a link where the source has one.
/// Text is written as escaped text ([`Markup`]); links are http(s) only and open without an
/// opener. Validation refuses any other link, and a source whose `url` is not a web link anyway
/// (content that skipped validation) is shown without one: a `javascript:` or `data:` URL never
/// becomes an `href`.
pub fn write_sources<'a>(
    m: &mut Markup,
    sources: impl IntoIterator<Item = &'a Source>,
    lang: Lang,
    label: &str,
) {
    m.open("div", &[("class", "se-sources")])
        .element("p", &[("class", "se-sources__label")], label)
        .open("ul", &[("class", "se-sources__list")]);
    for s in sources {
        m.open("li", &[])
            .element("span", &[("class", "se-sources__pub")], &s.publisher)
            .text(", ");
        let link = s.url.as_deref().filter(|u| is_web_url(u));
        if let Some(url) = link {
            m.open(
                "a",
                &[
                    ("href", url),
                    ("target", "_blank"),
                    ("rel", "noopener noreferrer"),
                ],
            );
        }
        m.element("cite", &[], &s.title);
        if link.is_some() {
            m.close("a");
        }
        m.text(", ");
        write_time(m, None, &s.date, lang);
        m.close("li");
    }
    m.close("ul").close("div");
}

/// `<time datetime="2024-11-19">Nov. 19, 2024</time>`, with a class if given.
pub(super) fn write_time(m: &mut Markup, class: Option<&'static str>, date: &Date, lang: Lang) {
    let (iso, text) = (date.to_string(), date.display(lang));
    match class {
        Some(class) => m.element("time", &[("class", class), ("datetime", &iso)], &text),
        None => m.element("time", &[("datetime", &iso)], &text),
    };
}

/// A tier's colour and pattern (`.se-swatch[data-tier=<tier>]`), hidden from screen readers: its label
/// is beside it.
pub(super) fn write_swatch(m: &mut Markup, tier: Tier) {
    m.element(
        "span",
        &[
            ("class", "se-swatch"),
            ("data-tier", tier.key()),
            ("aria-hidden", "true"),
        ],
        "",
    );
}

/// The list of sources as a node ([`write_sources`]).
pub fn source_list<'a>(
    sources: impl IntoIterator<Item = &'a Source>,
    lang: Lang,
    label: &str,
) -> Html {
    let mut m = Markup::new();
    write_sources(&mut m, sources, lang, label);
    raw(m)
}

/// Markup from [`Markup`] (every value in it escaped) as a node.
pub(super) fn raw(m: Markup) -> Html {
    Html::from_html_unchecked(m.into_string().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sanctuary_core::date::Date;

    fn source(title: &str, url: Option<&str>) -> Source {
        Source {
            id: "s".into(),
            publisher: "Pub <b>lisher</b>".into(),
            title: title.into(),
            date: Date::parse("2024-11-20").unwrap(),
            url: url.map(Into::into),
        }
    }

    fn written(sources: &[Source]) -> String {
        let mut m = Markup::new();
        write_sources(&mut m, sources, Lang::En, "Sources");
        m.into_string()
    }

    #[test]
    fn a_source_is_text_and_a_web_link_only() {
        assert_eq!(
            written(&[source("A \"title\"", Some("https://example.org/a?b=1&c=2"))]),
            "<div class=\"se-sources\"><p class=\"se-sources__label\">Sources</p>\
             <ul class=\"se-sources__list\"><li><span class=\"se-sources__pub\">Pub &lt;b&gt;lisher&lt;/b&gt;</span>, \
             <a href=\"https://example.org/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener noreferrer\">\
             <cite>A &quot;title&quot;</cite></a>, <time datetime=\"2024-11-20\">Nov. 20, 2024</time></li></ul></div>"
        );
        let hostile = written(&[
            source("<img src=x onerror=alert(1)>", Some("javascript:alert(1)")),
            source("t", Some("\" onmouseover=\"alert(1)")),
        ]);
        assert!(!hostile.contains("<img"), "{hostile}");
        assert!(!hostile.contains("href"), "{hostile}");
        assert!(!hostile.contains("\" onmouseover"), "{hostile}");
    }
}
