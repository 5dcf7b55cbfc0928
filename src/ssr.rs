//! Server-side rendering of the static fallback (feature `ssr`, used by `cargo xtask dist`).

use sanctuary_core::i18n::Lang;
use sanctuary_core::options::Layout;

use crate::bundle::{default_dataset, default_story};
use crate::components::{StaticExplainer, StaticProps};

/// The static HTML of the default story and data for `lang` and `layout`, to paste inside a
/// placeholder: `<div data-sanctuary-explainer …>HERE</div>`.
pub async fn fallback(lang: Lang, layout: Layout) -> String {
    let props = StaticProps {
        story: default_story(lang).into(),
        data: default_dataset().into(),
        layout,
    };
    yew::LocalServerRenderer::<StaticExplainer>::with_props(props)
        .hydratable(false)
        .render()
        .await
}
