use sanctuary_core::content::Source;
use sanctuary_core::i18n::Lang;
use sanctuary_core::problem::is_web_url;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub sources: Vec<Source>,
    pub lang: Lang,
    pub label: AttrValue,
}

/// "Sources: Publisher, “Title,” date" — a link where the source has one.
/// Text is rendered as text; links are http(s) only and open without an opener. Validation
/// refuses any other link, and a source whose `url` is not a web link anyway (content that
/// skipped validation) is shown without one: a `javascript:` or `data:` URL never becomes an
/// `href`.
#[function_component]
pub fn SourceList(props: &SourceListProps) -> Html {
    html! {
        <div class="se-sources">
            <p class="se-sources__label">{ &props.label }</p>
            <ul class="se-sources__list">
                { for props.sources.iter().map(|s| {
                    let title = html! { <cite>{ &s.title }</cite> };
                    html! {
                        <li>
                            <span class="se-sources__pub">{ &s.publisher }</span>{ ", " }
                            if let Some(url) = s.url.as_ref().filter(|u| is_web_url(u)) {
                                <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ title }</a>
                            } else {
                                { title }
                            }
                            { ", " }
                            <time datetime={s.date.to_string()}>{ s.date.display(props.lang) }</time>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
