//! The static fallback: the same story and data as plain HTML that works without JavaScript
//! (feed readers, AMP, search engines, readers with scripts off). Rendered at build time with
//! yew's server-side rendering (`cargo xtask dist`, feature `ssr`) and pasted inside the
//! placeholder; the widget replaces it when it mounts. Questions are native `<details>` (they
//! open without script) and the jurisdictions are one table, in a `<details>` of its own.

use sanctuary_core::content::Story;
use sanctuary_core::i18n::ui;
use sanctuary_core::options::Layout;
use sanctuary_core::policy::Dataset;
use sanctuary_core::table::{kind_label, laws, rows, TableQuery};
use yew::prelude::*;

use super::source_list;
use super::Shared;

#[derive(Properties, PartialEq)]
pub struct StaticProps {
    pub story: Shared<Story>,
    pub data: Shared<Dataset>,
    #[prop_or_default]
    pub layout: Layout,
}

#[function_component]
pub fn StaticExplainer(props: &StaticProps) -> Html {
    let story = &props.story;
    let lang = story.lang;
    let t = ui(lang);
    let questions = story.questions.iter().map(|q| {
        html! {
            <details class="se-static__q">
                <summary><strong>{ &q.question }</strong></summary>
                { for q.paragraphs().into_iter().map(|p| html! { <p>{ p }</p> }) }
                { source_list(q.sources.iter().filter_map(|id| story.source(id)), lang, t.sources) }
            </details>
        }
    });
    let data = &props.data;
    let table_rows = rows(data, &TableQuery::default()).into_iter().map(|j| {
        let laws = laws(j);
        html! {
            <tr>
                <th scope="row">{ j.name_in(lang) }</th>
                <td>{ kind_label(j.kind, t) }</td>
                <td>{ j.tier().label(lang) }</td>
                <td>
                    if laws.is_empty() {
                        { "—" }
                    } else {
                        { for laws.iter().enumerate().map(|(i, l)| html! {
                            <>
                                if i > 0 { { "; " } }
                                { l.law }
                                if let Some(n) = l.number { { format!(" ({n})") } }
                                { format!(", {} {}", l.date_is.label(lang), l.date.display(lang)) }
                            </>
                        }) }
                    }
                </td>
            </tr>
        }
    });
    html! {
        <div class="se-static" lang={lang.code()}>
            if !story.kicker.is_empty() {
                <p><small>{ &story.kicker }</small></p>
            }
            <p><strong>{ &story.title }</strong></p>
            if !story.dek.is_empty() {
                <p>{ &story.dek }</p>
            }
            <p><small>{ t.as_of }{ " " }{ story.as_of.display(lang) }</small></p>
            if props.layout.has_qa() {
                { for questions }
            }
            if props.layout.has_map() {
                <details class="se-static__table">
                    <summary><strong>{ t.map_label }</strong>{ format!(" ({}: {})", t.view_table, data.jurisdictions.len()) }</summary>
                    <table>
                        <thead>
                            <tr><th scope="col">{ t.name }</th><th scope="col">{ t.kind }</th><th scope="col">{ t.tier }</th><th scope="col">{ t.laws }</th></tr>
                        </thead>
                        <tbody>{ for table_rows }</tbody>
                    </table>
                    <p><small>{ t.as_of }{ " " }{ data.as_of.display(lang) }</small></p>
                </details>
            }
        </div>
    }
}
