//! Writes the static fallbacks (feature `ssr`): one HTML fragment per language and view, to
//! paste inside a placeholder. Run by `cargo xtask dist`:
//! `cargo run --features ssr --bin fallback -- <out dir>`.

use sanctuary_core::i18n::Lang;
use sanctuary_core::options::Layout;
use sanctuary_explainer::ssr::fallback;

fn main() {
    let out = std::env::args().nth(1).expect("usage: fallback <out dir>");
    std::fs::create_dir_all(&out).expect("create the output directory");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    for lang in [Lang::En, Lang::Es] {
        for (name, layout) in [
            ("both", Layout::Both),
            ("qa", Layout::Qa),
            ("map", Layout::Map),
        ] {
            let html = tokio::task::LocalSet::new().block_on(&rt, fallback(lang, layout));
            let file = format!("{out}/{}-{name}.html", lang.code());
            std::fs::write(&file, html).unwrap_or_else(|e| panic!("write {file}: {e}"));
        }
    }
}
