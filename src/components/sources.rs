use sanctuary_core::content::Source;
use sanctuary_core::i18n::Lang;
use sanctuary_core::markup::Markup;
use sanctuary_core::parts::write_sources;
use yew::prelude::*;

/// The list of sources as a node ([`write_sources`]: text escaped, web links only).
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
    written(m.into_string())
}

/// Markup that [`Markup`] wrote, as a node: the map's panels ([`sanctuary_core::panels`],
/// written by the build or the validator), or a string from [`raw`]. The one place markup
/// written as text enters the DOM.
pub(super) fn written(markup: String) -> Html {
    Html::from_html_unchecked(markup.into())
}
