//! `cargo xtask bench`: how heavy and how fast the widget is, next to a peer (the same widget
//! in plain JavaScript, `bench/peer/`), in headless Chromium. Run by hand; see BENCHMARKS.md.
//!
//! 1. Builds the release `dist/` ([`dist::build`]).
//! 2. Lays out a site in `target/bench/site/`:
//!    ```text
//!    article.css, sanctuary-explainer/   copied from dist/ (with its .gz/.br variants)
//!    ours/index.html, ours/five.html     bench/peer/index.html with embed.js as its script;
//!                                        five.html repeats the placeholder five times
//!    peer/index.html, peer/five.html     the peer's page, the same article
//!    peer/assets/                        the peer's "CDN directory", precompressed like ours:
//!      peer.bundle.js                    d3-array + d3-geo + topojson-client (UMD) + peer.js
//!      widget.css                        our stylesheet (the files src/host/mod.rs embeds)
//!      story.en.json, jurisdictions.json the JSON build.rs wrote and the wasm embeds
//!      tiers.json                        {id: tier} as ours derives it (sanctuary_core)
//!      states-albers-10m.json, counties-albers-10m.json   from us-atlas
//!    bench.json                          the manifest bench.mjs reads
//!    ```
//! 3. Serves it on a free loopback port ([`serve::spawn`]) and runs
//!    `node xtask/scripts/bench.mjs <base url> bench/results.json`, which prints the table.
//! 4. Prints twiggy's top 20 of the wasm (before wasm-opt, with names), if twiggy is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use sanctuary_core::policy::Dataset;

use crate::tools::{self, run as sh};
use crate::{dist, root, serve, Result};

/// The placeholder line that five.html repeats (bench/peer/index.html has it once).
const PLACEHOLDER: &str = "<div data-sanctuary-explainer></div>";
/// The peer's script in bench/peer/index.html, and what ours has in its place.
const PEER_SCRIPT: &str = r#"<script async src="assets/peer.bundle.js"></script>"#;
const OUR_SCRIPT: &str = r#"<script async src="../sanctuary-explainer/embed.js"></script>"#;
/// Widgets on the many-widgets page.
const MANY: usize = 5;
/// The peer's libraries, bundled before peer.js in this order (d3-geo needs d3-array).
const PEER_LIBS: [&str; 3] = [
    "d3-array/dist/d3-array.min.js",
    "d3-geo/dist/d3-geo.min.js",
    "topojson-client/dist/topojson-client.min.js",
];

pub fn run() -> Result {
    let dist = dist::build()?;
    tools::chromium()?;
    let root = root();
    let site = root.join("target/bench/site");
    prepare_site(&root, &dist, &site)?;
    let base = serve::spawn(&site)?;
    eprintln!("xtask: bench site {} served at {base}", site.display());
    let out = root.join("bench/results.json");
    sh(Command::new("node")
        .arg(root.join("xtask/scripts/bench.mjs"))
        .arg(&base)
        .arg(&out)
        .env("CHROMIUM", tools::CHROMIUM)
        .current_dir(&root))?;
    twiggy(&root);
    Ok(())
}

fn io<T>(what: &Path, r: std::io::Result<T>) -> Result<T> {
    r.map_err(|e| format!("{}: {e}", what.display()))
}

fn read_text(path: &Path) -> Result<String> {
    io(path, std::fs::read_to_string(path))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result {
    if let Some(dir) = path.parent() {
        io(dir, std::fs::create_dir_all(dir))?;
    }
    io(path, std::fs::write(path, bytes))
}

fn copy_tree(from: &Path, to: &Path) -> Result {
    io(to, std::fs::create_dir_all(to))?;
    for entry in io(from, std::fs::read_dir(from))? {
        let entry = io(from, entry)?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if io(&src, entry.file_type())?.is_dir() {
            copy_tree(&src, &dst)?;
        } else {
            io(&src, std::fs::copy(&src, &dst))?;
        }
    }
    Ok(())
}

/// A file build.rs wrote to the release wasm build's `OUT_DIR` (the newest, if several).
fn build_output(root: &Path, name: &str) -> Result<PathBuf> {
    let build = root.join("target/wasm32-unknown-unknown/release/build");
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = io(&build, std::fs::read_dir(&build))?
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("sanctuary-explainer-")
        })
        .map(|e| e.path().join("out").join(name))
        .filter_map(|p| Some((p.metadata().ok()?.modified().ok()?, p)))
        .collect();
    found.sort();
    found.pop().map(|(_, p)| p).ok_or_else(|| {
        format!(
            "no {name} under {}/sanctuary-explainer-*/out",
            build.display()
        )
    })
}

/// The stylesheets the wasm embeds, in order: every `include_str!("../../styles/….css")` in
/// src/host/mod.rs.
fn widget_css(root: &Path) -> Result<Vec<PathBuf>> {
    let host = root.join("src/host/mod.rs");
    let text = read_text(&host)?;
    let marker = "include_str!(\"../../styles/";
    let files: Vec<PathBuf> = text
        .match_indices(marker)
        .filter_map(|(i, _)| {
            let rest = &text[i + marker.len()..];
            let name = &rest[..rest.find('"')?];
            Some(root.join("styles").join(name))
        })
        .collect();
    if files.is_empty() {
        return Err(format!("{}: no stylesheet included", host.display()));
    }
    Ok(files)
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `{"<id>": "<tier>", …}` for every jurisdiction in the data, as the widget derives it.
fn tiers_json(root: &Path) -> Result<String> {
    let file = root.join("content/jurisdictions.toml");
    let text = read_text(&file)?;
    let data = sanctuary_core::toml_file::load::<Dataset>(
        &file.to_string_lossy(),
        &text,
        Dataset::validate,
    )
    .map_err(|problems| {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        list.join("\n")
    })?;
    let entries: Vec<String> = data
        .jurisdictions
        .iter()
        .map(|j| format!("{}:{}", json_string(&j.id), json_string(j.tier().key())))
        .collect();
    Ok(format!("{{{}}}", entries.join(",")))
}

/// `html` with the placeholder repeated `n` times.
fn repeat_placeholder(html: &str, n: usize) -> Result<String> {
    if html.matches(PLACEHOLDER).count() != 1 {
        return Err(format!(
            "bench/peer/index.html must hold `{PLACEHOLDER}` exactly once"
        ));
    }
    Ok(html.replace(PLACEHOLDER, &vec![PLACEHOLDER; n].join("\n      ")))
}

fn prepare_site(root: &Path, dist: &Path, site: &Path) -> Result {
    let _ = std::fs::remove_dir_all(site);
    copy_tree(dist, site)?;

    // The pages: one article, with our embed or the peer's bundle, one or five placeholders.
    let page = read_text(&root.join("bench/peer/index.html"))?;
    if !page.contains(PEER_SCRIPT) {
        return Err(format!(
            "bench/peer/index.html must load the peer with `{PEER_SCRIPT}`"
        ));
    }
    let ours = page.replace(PEER_SCRIPT, OUR_SCRIPT);
    for (dir, html) in [("ours", &ours), ("peer", &page)] {
        write(&site.join(dir).join("index.html"), html)?;
        write(
            &site.join(dir).join("five.html"),
            repeat_placeholder(html, MANY)?,
        )?;
    }

    // The peer's assets.
    let assets = site.join("peer/assets");
    let node_modules = root.join("node_modules");
    let mut bundle = String::new();
    for lib in PEER_LIBS {
        bundle.push_str(&read_text(&node_modules.join(lib))?);
        bundle.push_str("\n;\n");
    }
    bundle.push_str(&read_text(&root.join("bench/peer/peer.js"))?);
    write(&assets.join("peer.bundle.js"), bundle)?;
    let css_files = widget_css(root)?;
    let mut css = String::new();
    for f in &css_files {
        css.push_str(&read_text(f)?);
    }
    write(&assets.join("widget.css"), css)?;
    let story = build_output(root, "story.en.json")?;
    let data = build_output(root, "jurisdictions.json")?;
    io(&story, std::fs::copy(&story, assets.join("story.en.json")))?;
    io(
        &data,
        std::fs::copy(&data, assets.join("jurisdictions.json")),
    )?;
    write(&assets.join("tiers.json"), tiers_json(root)?)?;
    for topo in ["states-albers-10m.json", "counties-albers-10m.json"] {
        let from = node_modules.join("us-atlas").join(topo);
        io(&from, std::fs::copy(&from, assets.join(topo)))?;
    }
    // The same CDN treatment as ours: .gz and .br beside every file.
    dist::compress::precompress_tree(&assets)?;

    // What bench.mjs measures, and the files inside our wasm whose sizes it reports.
    let mut embedded: Vec<(String, PathBuf)> = css_files
        .iter()
        .map(|f| {
            let name = f.strip_prefix(root).unwrap_or(f).display().to_string();
            (format!("CSS {name}"), f.clone())
        })
        .collect();
    for name in ["jurisdictions.json", "story.en.json", "story.es.json"] {
        embedded.push((format!("data {name}"), build_output(root, name)?));
    }
    let embedded: Vec<String> = embedded
        .iter()
        .map(|(name, path)| {
            format!(
                "{{\"name\":{},\"path\":{}}}",
                json_string(name),
                json_string(&path.to_string_lossy())
            )
        })
        .collect();
    let manifest = format!(
        r#"{{
  "sites": [
    {{"name": "ours", "one": "ours/", "many": "ours/five.html", "assets": "{asset_dir}/"}},
    {{"name": "peer", "one": "peer/", "many": "peer/five.html", "assets": "peer/assets/"}}
  ],
  "many": {MANY},
  "wasm_names": {wasm},
  "embedded": [{embedded}]
}}
"#,
        asset_dir = dist::ASSET_DIR,
        wasm = json_string(
            &root
                .join("target/bindgen/sanctuary_explainer_bg.wasm")
                .to_string_lossy()
        ),
        embedded = embedded.join(", "),
    );
    write(&site.join("bench.json"), manifest)
}

/// twiggy's top 20 of the wasm as wasm-bindgen wrote it (names kept; wasm-opt's output has
/// none). Sizes there are before `wasm-opt -Oz`, so a little larger than what ships.
fn twiggy(root: &Path) {
    let wasm = root.join("target/bindgen/sanctuary_explainer_bg.wasm");
    match Command::new("twiggy")
        .args(["top", "-n", "20"])
        .arg(&wasm)
        .output()
    {
        Ok(out) if out.status.success() => {
            println!(
                "\ntwiggy top -n 20 {} (before wasm-opt):\n{}",
                wasm.strip_prefix(root).unwrap_or(&wasm).display(),
                String::from_utf8_lossy(&out.stdout)
            );
        }
        _ => {
            eprintln!("xtask: twiggy not found or failed (cargo install twiggy): no size breakdown")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\n"), r#""a\"b\\c\u000a""#);
        assert_eq!(json_string("Español"), "\"Español\"");
    }

    #[test]
    fn bench_repeats_the_placeholder() {
        let page = format!("<p>a</p>\n      {PLACEHOLDER}\n<p>b</p>");
        let five = repeat_placeholder(&page, 5).unwrap();
        assert_eq!(five.matches(PLACEHOLDER).count(), 5);
        assert!(repeat_placeholder("<p>none</p>", 5).is_err());
    }

    #[test]
    fn bench_peer_page_has_the_placeholder_and_the_peer_script() {
        let page = read_text(&root().join("bench/peer/index.html")).unwrap();
        assert_eq!(page.matches(PLACEHOLDER).count(), 1);
        assert!(page.contains(PEER_SCRIPT));
    }

    #[test]
    fn bench_finds_the_embedded_stylesheets() {
        let files = widget_css(&root()).unwrap();
        assert!(files.iter().all(|f| f.is_file()), "{files:?}");
        assert!(files.iter().any(|f| f.ends_with("widget.css")));
    }

    #[test]
    fn bench_tiers_cover_the_states() {
        let json = tiers_json(&root()).unwrap();
        assert!(json.contains(r#""06":""#), "{json}");
    }
}
