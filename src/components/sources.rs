use sanctuary_core::content::Source;
use sanctuary_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub sources: Vec<Source>,
    pub lang: Lang,
    pub label: AttrValue,
}

/// "Sources: Publisher, “Title,” date" — a link where the source has one.
/// Text is rendered as text; links are http(s) only (validated) and open without an opener.
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
                            if let Some(url) = &s.url {
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
