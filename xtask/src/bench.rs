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
//!      widget.css                        our stylesheet, as the wasm embeds it, and the rules that
//!                                        come with our panels (laws.css; build.rs's outputs)
//!      story.en.json, jurisdictions.json the JSON build.rs wrote (ours: the same packed; the wasm
//!                                        embeds the data's outline, panels.<lang>.bin follow ready)
//!      tiers.json                        {id: tier} as ours derives it (sanctuary_core)
//!      states-albers-10m.json, counties-albers-10m.json   from us-atlas
//!    bench.json                          the manifest bench.mjs reads
//!    ```
//! 3. Serves it on a free loopback port ([`serve::spawn`]) and runs
//!    `node xtask/scripts/bench.mjs <base url> bench/results.json`, which prints the table.
//! 4. Prints what the wasm is made of (twiggy top 20, and by crate), if twiggy is installed.

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
    // Before the timed loads, not during them. The breakdown is optional: without twiggy the
    // bench still runs.
    if let Err(e) = tools::twiggy() {
        eprintln!("xtask: could not install twiggy ({e}): no size breakdown");
    }
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
    // The stylesheet exactly as the wasm embeds it (build.rs joins and minifies styles/*.css),
    // followed by the rules ours gets with its panels after ready (laws.css): the peer draws
    // the laws from the start, so it needs them all in its one stylesheet.
    let css = dist::build_output("widget.css")?;
    let laws = dist::build_output("laws.css")?;
    let joined = [
        io(&css, std::fs::read(&css))?,
        io(&laws, std::fs::read(&laws))?,
    ]
    .concat();
    let peer_css = assets.join("widget.css");
    io(&peer_css, std::fs::write(&peer_css, joined))?;
    let story = dist::build_output("story.en.json")?;
    let data = dist::build_output("jurisdictions.json")?;
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
    let embedded: [(String, PathBuf); 2] = [
        ("CSS widget.css (minified)".into(), css),
        (
            "data outline.bin (packed; the panels, panels.<lang>.bin, come after ready)".into(),
            dist::build_output("outline.bin")?,
        ),
    ];
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
  "embedded": [{embedded}]
}}
"#,
        asset_dir = dist::ASSET_DIR,
        embedded = embedded.join(", "),
    );
    write(&site.join("bench.json"), manifest)
}

/// What the wasm is made of: wasm-bindgen and `wasm-opt -Oz -g` of the release build, as dist
/// does but keeping the function names that `--strip-debug` removes from the shipped file;
/// then twiggy's top 20 and the same items summed by owner (crate, data, shims). Skipped if
/// twiggy is missing.
fn twiggy(root: &Path) {
    let out = root.join("target/bench/bindgen");
    let bindgen = out.join("sanctuary_explainer_bg.wasm");
    let named = root.join("target/bench/named.wasm");
    let bound = Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out)
        .arg(
            tools::WasmToolchain::get()
                .release_dir()
                .join("sanctuary_explainer.wasm"),
        )
        .status()
        .is_ok_and(|s| s.success());
    if !bound {
        eprintln!("xtask: wasm-bindgen failed: no size breakdown");
        return;
    }
    let twiggy = |args: &[&str]| {
        Command::new("twiggy")
            .args(args)
            .arg(&named)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let optimized = Command::new(tools::wasm_opt())
        .args(["-Oz", "-g"])
        .args(dist::WASM_OPT_EXTRA)
        .args(dist::WASM_FEATURES)
        .arg("--strip-producers")
        .arg(&bindgen)
        .arg("-o")
        .arg(&named)
        .status()
        .is_ok_and(|s| s.success());
    if !optimized {
        eprintln!("xtask: wasm-opt -g failed: no size breakdown");
        return;
    }
    let (Some(top), Some(csv)) = (twiggy(&["top", "-n", "20"]), twiggy(&["top", "-f", "csv"]))
    else {
        eprintln!("xtask: twiggy failed: no size breakdown");
        return;
    };
    // Rust's names run to hundreds of characters (and twiggy's rules as wide): cut each line.
    let top: String = top
        .lines()
        .map(|l| format!("{}\n", l.chars().take(150).collect::<String>()))
        .collect();
    println!("\nThe wasm after wasm-opt -Oz, with names (twiggy top -n 20 target/bench/named.wasm; lines cut at 150 characters):\n{top}");
    let items: Vec<(String, u64)> = csv.lines().skip(1).filter_map(csv_item).collect();
    let names: u64 = items
        .iter()
        .filter(|(n, _)| n.ends_with("subsection"))
        .map(|(_, b)| b)
        .sum();
    let total: u64 = items.iter().map(|(_, b)| b).sum::<u64>() - names;
    let mut owners: Vec<(String, u64)> = Vec::new();
    for (name, bytes) in items.iter().filter(|(n, _)| !n.ends_with("subsection")) {
        let o = owner(name);
        match owners.iter_mut().find(|(k, _)| *k == o) {
            Some(entry) => entry.1 += bytes,
            None => owners.push((o, *bytes)),
        }
    }
    owners.sort_by_key(|o| std::cmp::Reverse(o.1));
    println!("By owner ({total} B without the names section, which does not ship):");
    for (o, bytes) in owners.iter().take(16) {
        println!(
            "  {bytes:>8} B  {:>5.1}%  {o}",
            *bytes as f64 * 100.0 / total as f64
        );
    }
}

/// One row of `twiggy top -f csv`: the name (unquoted) and the shallow size.
fn csv_item(line: &str) -> Option<(String, u64)> {
    let (name, rest) = if let Some(quoted) = line.strip_prefix('"') {
        // A quoted name ends at the first `"` not doubled.
        let mut name = String::new();
        let mut chars = quoted.char_indices().peekable();
        let end = loop {
            let (i, c) = chars.next()?;
            if c == '"' {
                if chars.peek().map(|&(_, c)| c) == Some('"') {
                    chars.next();
                    name.push('"');
                    continue;
                }
                break i + 1;
            }
            name.push(c);
        };
        (name, quoted[end..].strip_prefix(',')?)
    } else {
        let (name, rest) = line.split_once(',')?;
        (name.to_owned(), rest)
    };
    Some((name, rest.split(',').next()?.parse().ok()?))
}

/// Who an item of the wasm belongs to: its crate, or the data segments, or wasm-bindgen's shims.
/// `<T as Trait>::f` belongs to T's crate, or to Trait's when T is a primitive or generic type.
/// yew's `CompStateInner<COMP>::view` is where each function component's body is inlined.
fn owner(name: &str) -> String {
    if name.starts_with("data segment") {
        return "data segments (.rodata: strings, embedded CSS and JSON, tables)".into();
    }
    if name.contains("CompStateInner<COMP>") && name.contains("::view") {
        return "yew CompStateInner::view (our components' html!, inlined)".into();
    }
    if name.ends_with(" shim") || name.contains(" shim ") {
        return "wasm-bindgen shims".into();
    }
    if name.starts_with("import ") {
        return "imports (the JS functions the glue gives the wasm)".into();
    }
    let first = |s: &str| -> String {
        let s = s.trim_start_matches(['<', '&', '(', '*', '[']);
        let s = s
            .trim_start_matches("mut ")
            .trim_start_matches("const ")
            .trim_start_matches("dyn ");
        let end = s
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        s[..end].to_owned()
    };
    let mut krate = first(name);
    let primitive = krate.is_empty()
        || krate.len() == 1
        || [
            "f32", "f64", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
            "i128", "isize", "bool", "char", "str",
        ]
        .contains(&krate.as_str());
    if primitive {
        if let Some((_, tr)) = name.split_once(" as ") {
            krate = first(tr);
        }
    }
    if krate.is_empty() || krate.starts_with("func") || krate.starts_with("code") {
        return "unnamed".into();
    }
    krate
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
    fn bench_reads_twiggy_csv_and_names_owners() {
        assert_eq!(
            csv_item(r#""data segment "".rodata.4""",50029,5.97,,"#),
            Some((r#"data segment ".rodata.4""#.to_owned(), 50029))
        );
        assert_eq!(
            csv_item("<f64 as core[c59]::fmt::Display>::fmt,13915,1.66,,"),
            Some(("<f64 as core[c59]::fmt::Display>::fmt".to_owned(), 13915))
        );
        assert_eq!(
            csv_item(r#""alloc::BTreeMap<K,V,A>::insert::h32",2482,0.29,,"#),
            Some(("alloc::BTreeMap<K,V,A>::insert::h32".to_owned(), 2482))
        );
        assert_eq!(owner("<f64 as core[c59]::fmt::Display>::fmt"), "core");
        assert_eq!(
            owner("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::x"),
            "serde_json"
        );
        assert_eq!(
            owner("sanctuary_core::geometry::decode::h80"),
            "sanctuary_core"
        );
        assert_eq!(
            owner("<dlmalloc[e24]::dlmalloc::Dlmalloc<A>>::malloc"),
            "dlmalloc"
        );
        assert!(owner("data segment \".rodata\"").starts_with("data"));
    }

    /// Reads one response with a Content-Length; returns its status line and body.
    fn read_response(reader: &mut impl std::io::BufRead) -> (String, Vec<u8>) {
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim_end().is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap();
                }
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        (status.trim_end().to_owned(), body)
    }

    #[test]
    fn bench_server_answers_many_keep_alive_connections_at_once() {
        use std::io::{BufReader, Write};
        let dir = std::env::temp_dir().join(format!("xtask-bench-serve-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::write(dir.join("index.html"), "<p>page</p>").unwrap();
        std::fs::write(dir.join("a/x.js"), "x()").unwrap();
        let base = serve::spawn(&dir).unwrap();
        let addr = base
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        // Eight connections open at once (more than a browser's six), two requests on each.
        let connections: Vec<_> = (0..8)
            .map(|_| std::net::TcpStream::connect(&addr).unwrap())
            .collect();
        for mut c in connections {
            c.set_read_timeout(Some(std::time::Duration::from_secs(10)))
                .unwrap();
            let mut reader = BufReader::new(c.try_clone().unwrap());
            for (path, want) in [("/a/x.js", &b"x()"[..]), ("/", &b"<p>page</p>"[..])] {
                write!(c, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
                let (status, body) = read_response(&mut reader);
                assert_eq!(status, "HTTP/1.1 200 OK");
                assert_eq!(body, want);
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bench_tiers_cover_the_states() {
        let json = tiers_json(&root()).unwrap();
        assert!(json.contains(r#""06":""#), "{json}");
    }
}
