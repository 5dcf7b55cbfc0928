//! Small text-only pieces written as markup ([`Markup`]), shared by the widget's views (the Q&A's
//! source lists, the panel's head, the credit) and by the panels the build writes
//! ([`crate::panels`]): dates, sources, a tier's swatch and badge.

use crate::content::Source;
use crate::date::Date;
use crate::i18n::Lang;
use crate::markup::Markup;
use crate::policy::Tier;
use crate::problem::is_web_url;

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
pub fn write_time(m: &mut Markup, class: Option<&'static str>, date: &Date, lang: Lang) {
    let (iso, text) = (date.to_string(), date.display(lang));
    match class {
        Some(class) => m.element("time", &[("class", class), ("datetime", &iso)], &text),
        None => m.element("time", &[("datetime", &iso)], &text),
    };
}

/// A tier's colour and pattern (`.se-swatch[data-tier=<tier>]`), hidden from screen readers: its
/// label is beside it.
pub fn write_swatch(m: &mut Markup, tier: Tier) {
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

/// The swatch and label of a tier, in a `tag` element.
pub fn write_tier_badge(m: &mut Markup, tier: Tier, lang: Lang, tag: &'static str) {
    m.open(tag, &[("class", "se-tier")]);
    write_swatch(m, tier);
    m.element("span", &[("class", "se-tier__label")], tier.label(lang))
        .close(tag);
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_badge_names_its_tier_beside_a_hidden_swatch() {
        let mut m = Markup::new();
        write_tier_badge(&mut m, Tier::Bans, Lang::Es, "p");
        let s = m.into_string();
        assert!(s.starts_with("<p class=\"se-tier\"><span class=\"se-swatch\" data-tier=\"bans\" aria-hidden=\"true\"></span>"), "{s}");
        assert!(s.contains(Tier::Bans.label(Lang::Es)), "{s}");
        assert!(s.ends_with("</span></p>"), "{s}");
    }
}
