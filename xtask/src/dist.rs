//! Builds `dist/`: the demo article at the root and the widget's CDN directory
//! `dist/sanctuary-explainer/`, ready to upload as it is:
//!
//! ```text
//! dist/
//!   index.html, article.css             the demo article
//!   snippet.html                        the embed code, with Subresource Integrity for embed.js
//!   _headers                            Cache-Control and CORS (Netlify / Cloudflare Pages format)
//!   sanctuary-explainer/                what a newsroom uploads to its CDN
//!     embed.js                          the only stable name: cache briefly
//!     sanctuary_explainer.<hash>.js     the wasm-bindgen glue     } content-hashed:
//!     sanctuary_explainer_bg.<hash>.wasm                          } cache forever
//!     sanctuary_validator.<hash>.js     the data-content validator, } loaded only for
//!     sanctuary_validator_bg.<hash>.wasm  a second wasm             } data-content
//!     geo-<hash>/states.bin             geometry, in a directory  }
//!     geo-<hash>/counties/<FIPS>.bin    named by all its files    }
//!     content-<hash>/head.<lang>.bin    the default story without }
//!                                       its answers (first view)  }
//!     content-<hash>/story.<lang>.bin   the whole story, packed   }
//!     content-<hash>/panels.<lang>.bin  the map's laws, facts and table as markup, packed
//!                                       (fetched after the first view: the wasm has the
//!                                       data's outline)
//!     <every file>.gz, <every file>.br  precompressed (gzip by zopfli, brotli 11)
//! ```
//!
//! `<hash>` is the first [`HASH_LEN`] hex digits of the SHA-256 of the file (of every file in
//! it, for `geo-<hash>/` and `content-<hash>/`). embed.js learns this build's names through its
//! `FILES` line, which this step rewrites, and passes the two directories to the wasm's `mount`.

pub mod compress;
pub mod guard;
pub mod loader;
pub mod names;
pub mod order;

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

use sanctuary_core::i18n::Lang;

use crate::tools::{self, run};
use crate::{root, Result};
use compress::Sizes;

pub const ASSET_DIR: &str = "sanctuary-explainer";

/// Hex digits of the content hash in a name (40 bits).
pub const HASH_LEN: usize = 10;

/// The line of `src/host/embed.js` that dist rewrites with this build's names.
pub const FILES_LINE: &str = r#"var FILES = { glue: "sanctuary_explainer.js", wasm: "sanctuary_explainer_bg.wasm", geo: "geo/", content: "content/", check: "sanctuary_validator.js", checkWasm: "sanctuary_validator_bg.wasm" };"#;

/// Where the snippet says embed.js is; the newsroom replaces it with its own URL.
pub const SNIPPET_BASE: &str = "https://cdn.example.org/sanctuary-explainer/";

/// Cache-Control of the content-hashed files (they never change).
pub const CACHE_IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control of embed.js (a new build reaches readers within five minutes).
pub const CACHE_EMBED: &str = "public, max-age=300";

pub(crate) const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// wasm-opt's optimizations beyond `-Oz`, for the dist and the bench's copy alike.
/// `--low-memory-unused` lets it fold a constant added to a pointer into the load's or
/// store's offset (1.2 kB gzip less, and fewer instructions). The two differ only when the
/// addition wraps past 2^32 to an address below 1 KiB, which Rust's pointer arithmetic never
/// does: wasm-ld puts the stack first, at [0, 1 MiB), the data at 1 MiB and after.
///
/// `--one-caller-inline-max-function-size=20`: a function called from one place is inlined
/// there only when it is tiny. By default wasm-opt inlines every such function whatever its
/// size, which makes fewer bytes raw (a function's header and call go) but more after gzip
/// (−7.8 kB gzip, −4.9 kB brotli, +4 KB raw, measured on the widget: the components' views,
/// each its own function again, repeat each other's byte patterns, which an inlined copy
/// renumbered into its caller's locals does not). It also keeps the code of views the first
/// render does not run (the detail panel, the table) out of the function V8 compiles for it.
///
/// `--always-inline-max-function-size=6` (2 by default): tiny functions (a field read, a call
/// passed on) are inlined wherever they are called. V8 compiles each wasm function on its first
/// call, on the main thread, at a cost of about 0.1 ms at 4× whatever its size; this leaves 739
/// functions to compile before the widget is ready instead of 803 at 4 (775 at 5), for +0.46 kB
/// as served (+0.2 at 5). Before the start-up's iterator chains became loops: 907 at 2, 859 at
/// 4, 797 at 6, 746 at 10 (+1.9 kB) (BENCHMARKS.md).
pub(crate) const WASM_OPT_EXTRA: [&str; 3] = [
    "--low-memory-unused",
    "--one-caller-inline-max-function-size=20",
    "--always-inline-max-function-size=6",
];

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copy {} -> {}: {e}", from.display(), to.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The content hash used in names: [`HASH_LEN`] hex digits of SHA-256.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))[..HASH_LEN].to_owned()
}

/// Whether `s` is a content hash as [`content_hash`] writes it.
pub fn is_hash(s: &str) -> bool {
    s.len() == HASH_LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The hash of a directory: of every file's path (relative, `/`-separated), length and bytes,
/// in path order; precompressed variants are not counted.
pub fn tree_hash(dir: &Path) -> Result<String> {
    let mut hasher = Sha256::new();
    for file in compress::files(dir)? {
        let bytes = read(&dir.join(&file))?;
        let name: Vec<String> = file
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        hasher.update(name.join("/").as_bytes());
        hasher.update([0]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    Ok(hex(&hasher.finalize())[..HASH_LEN].to_owned())
}

/// `name.ext` → `name.<hash>.ext`.
pub fn hashed_name(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Whether a path component carries a content hash: `x.<hash>.js`, `geo-<hash>`.
pub fn has_hash(component: &str) -> bool {
    component.split(['.', '-']).any(is_hash)
}

/// Subresource Integrity of `bytes`: `sha384-<base64>`.
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// This build's names, relative to the asset directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Files {
    pub glue: String,
    pub wasm: String,
    /// The geometry directory, ending in `/`.
    pub geo: String,
    /// The default story's directory (`story.<lang>.bin`), ending in `/`.
    pub content: String,
    /// The validator's glue and wasm (`validator/`), for `data-content` pages only.
    pub check: String,
    pub check_wasm: String,
}

impl Files {
    /// The FILES line's entries in order: (key in embed.js, name).
    fn entries(&self) -> [(&'static str, &str); 6] {
        [
            ("glue", &self.glue),
            ("wasm", &self.wasm),
            ("geo", &self.geo),
            ("content", &self.content),
            ("check", &self.check),
            ("checkWasm", &self.check_wasm),
        ]
    }
}

/// embed.js with its [`FILES_LINE`] replaced by `files` (indentation kept). Fails if that line
/// is not in the source exactly once: embed.js would then load files that are not in dist.
pub fn rewrite_files_line(embed: &str, files: &Files) -> Result<String> {
    let found = embed.lines().filter(|l| l.trim() == FILES_LINE).count();
    if found != 1 {
        return Err(format!(
            "src/host/embed.js: the line `{FILES_LINE}` is there {found} times, not once; \
             `cargo xtask dist` replaces it with the content-hashed names of the build \
             (change FILES_LINE in xtask/src/dist.rs with it)"
        ));
    }
    let mut entries = Vec::new();
    for (key, name) in files.entries() {
        if name.contains(['"', '\\', '\n']) {
            return Err(format!("{name:?}: not a plain file name"));
        }
        entries.push(format!("{key}: \"{name}\""));
    }
    let replacement = format!("var FILES = {{ {} }};", entries.join(", "));
    let mut out = String::with_capacity(embed.len() + 64);
    for line in embed.split_inclusive('\n') {
        if line.trim() == FILES_LINE {
            let indent = &line[..line.len() - line.trim_start().len()];
            let end = &line[line.trim_end().len()..];
            out.push_str(indent);
            out.push_str(&replacement);
            out.push_str(end);
        } else {
            out.push_str(line);
        }
    }
    Ok(out)
}

/// `dist/snippet.html`: what a newsroom pastes into an article.
pub fn snippet(integrity: &str) -> String {
    format!(
        r#"<!-- sanctuary-explainer. Replace {SNIPPET_BASE} with the URL of your copy of dist/sanctuary-explainer/ (keep the trailing embed.js). -->
<!-- integrity pins this build's embed.js: after uploading a new build, paste this file's new snippet (EMBEDDING.md, "Caching and updates"). -->
<div data-sanctuary-explainer></div>
<script async src="{SNIPPET_BASE}embed.js" integrity="{integrity}" crossorigin="anonymous"></script>
"#
    )
}

/// `dist/_headers` (Netlify / Cloudflare Pages): one rule per name, none overlapping (both
/// hosts join the values of a header set by two matching rules).
pub fn headers(files: &Files) -> String {
    let dir = format!("/{ASSET_DIR}/");
    let cors = "  Access-Control-Allow-Origin: *\n";
    let rule = |path: String, cache: &str| format!("\n{path}\n  Cache-Control: {cache}\n{cors}");
    [
        "# Headers for dist/ served by Netlify or Cloudflare Pages (generated by `cargo xtask dist`).\n\
         # embed.js is the only stable name: a short cache, so a new build reaches readers in minutes.\n\
         # Every other file has a content hash in its name (or its directory's) and never changes.\n\
         # CORS: the article's page loads these from another origin (module import, fetch).\n"
            .to_owned(),
        rule(format!("{dir}embed.js"), CACHE_EMBED),
        rule(format!("{dir}{}", files.glue), CACHE_IMMUTABLE),
        rule(format!("{dir}{}", files.wasm), CACHE_IMMUTABLE),
        rule(format!("{dir}{}", files.check), CACHE_IMMUTABLE),
        rule(format!("{dir}{}", files.check_wasm), CACHE_IMMUTABLE),
        rule(format!("{dir}{}*", files.geo), CACHE_IMMUTABLE),
        rule(format!("{dir}{}*", files.content), CACHE_IMMUTABLE),
    ]
    .join("")
}

/// Checks the CDN directory: every file but embed.js has a hash in its name or its directory's
/// name, and every file has its `.gz` and `.br`.
pub fn check_layout(assets: &Path) -> Result {
    let files = compress::files(assets)?;
    if !files.iter().any(|f| f == Path::new("embed.js")) {
        return Err(format!("{}: no embed.js", assets.display()));
    }
    for file in &files {
        let hashed = file
            .components()
            .any(|c| has_hash(&c.as_os_str().to_string_lossy()));
        if file != Path::new("embed.js") && !hashed {
            return Err(format!(
                "{}: no content hash in its name: it could be cached forever under a name \
                 that a new build reuses",
                file.display()
            ));
        }
        for enc in compress::Encoding::ALL {
            let variant = enc.variant(&assets.join(file));
            if !variant.is_file() {
                return Err(format!("{}: missing", variant.display()));
            }
        }
    }
    Ok(())
}

/// The first line of every script: V8's explicit compile hint (Chrome 136 on; a comment
/// elsewhere). Nearly every function of embed.js and of the glue runs before the widget is
/// ready, so V8 compiles them all while the file streams in, off the main thread, instead of
/// each on its first call on the main thread, when the page waits for the widget (measured in
/// BENCHMARKS.md).
pub const COMPILE_HINT: &str = "//# allFunctionsCalledOnLoad";

/// Minifies a script with terser (npm, pinned in package-lock.json): `module` for the
/// wasm-bindgen glue (an ES module; its exports keep their names), a classic script otherwise.
/// Comments go, except a leading `/*!` one (embed.js's one-line header, for whoever opens the
/// file), after [`COMPILE_HINT`].
fn minify(from: &Path, to: &Path, module: bool) -> Result {
    let mut cmd = Command::new("node");
    cmd.arg(root().join("node_modules/terser/bin/terser"))
        .arg(from)
        .args([
            "--compress",
            "--mangle",
            "--comments",
            "/^!/",
            "--ecma",
            "2020",
        ]);
    if module {
        cmd.arg("--module");
    }
    run(cmd.arg("--output").arg(to))?;
    let js = std::fs::read_to_string(to).map_err(|e| format!("{}: {e}", to.display()))?;
    write(to, format!("{COMPILE_HINT}\n{js}"))
}

/// Renames `dir/name` to `dir/<hashed name>` and returns the new name.
fn rename_hashed(dir: &Path, name: &str) -> Result<String> {
    let hashed = hashed_name(name, &content_hash(&read(&dir.join(name))?));
    std::fs::rename(dir.join(name), dir.join(&hashed))
        .map_err(|e| format!("rename {name} -> {hashed}: {e}"))?;
    Ok(hashed)
}

/// Renames `dir/name/` to `dir/name-<hash of its files>/` and returns the new name, with its `/`.
fn rename_dir_hashed(dir: &Path, name: &str) -> Result<String> {
    let hashed = format!("{name}-{}", tree_hash(&dir.join(name))?);
    std::fs::rename(dir.join(name), dir.join(&hashed))
        .map_err(|e| format!("rename {name} -> {hashed}: {e}"))?;
    Ok(format!("{hashed}/"))
}

/// A file build.rs wrote to the release wasm build's `OUT_DIR` (the newest, if several), in the
/// directory of the toolchain that built it.
pub(crate) fn build_output(name: &str) -> Result<PathBuf> {
    let build = tools::WasmToolchain::get().release_dir().join("build");
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(&build)
        .map_err(|e| format!("{}: {e}", build.display()))?
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

pub fn build() -> Result<PathBuf> {
    tools::wasm_target()?;
    tools::wasm_bindgen()?;
    tools::npm_packages()?;
    let root = root();
    let toolchain =
        tools::WasmToolchain::get().build(&["sanctuary-explainer", "sanctuary-validator"])?;

    // Work in directories of this run's own, then swap the finished dist/ in at the end, so
    // two builds at once (two terminals, or tests and a bench) never see a half-written tree.
    let run_id = std::process::id();
    let bindgen = root.join(format!("target/bindgen-{run_id}"));
    let _ = std::fs::remove_dir_all(&bindgen);
    let dist = root.join(format!("target/dist-staging-{run_id}"));
    let assets = dist.join(ASSET_DIR);
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&assets).map_err(|e| format!("create {}: {e}", assets.display()))?;
    // The widget, and the validator that only data-content pages load.
    for stem in ["sanctuary_explainer", "sanctuary_validator"] {
        run(Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&bindgen)
            .arg(toolchain.release_dir().join(format!("{stem}.wasm"))))?;
        run(Command::new(tools::wasm_opt())
            // -Oz until it stops shrinking (about 1 KB gzip more than one pass).
            .args(["-Oz", "--converge"])
            .args(WASM_OPT_EXTRA)
            // The features rustc's wasm32 target emits today.
            .args(WASM_FEATURES)
            .args(["--strip-debug", "--strip-producers"])
            .arg(bindgen.join(format!("{stem}_bg.wasm")))
            .arg("-o")
            .arg(assets.join(format!("{stem}_bg.wasm"))))?;
        // Similar functions side by side: about 2 kB less gzip and brotli (order.rs).
        order::order(&assets.join(format!("{stem}_bg.wasm")))?;
        names::minify(
            &assets.join(format!("{stem}_bg.wasm")),
            &bindgen.join(format!("{stem}.js")),
        )?;
        if stem == "sanctuary_explainer" {
            // embed.js hears of a trap wherever it starts (guard.rs).
            let glue = bindgen.join(format!("{stem}.js"));
            let js =
                std::fs::read_to_string(&glue).map_err(|e| format!("{}: {e}", glue.display()))?;
            // It starts the one way embed.js does (loader.rs).
            let js = loader::cut(&js).map_err(|e| format!("{}: {e}", glue.display()))?;
            write(
                &glue,
                guard::guard(&js).map_err(|e| format!("{}: {e}", glue.display()))?,
            )?;
        }
        minify(
            &bindgen.join(format!("{stem}.js")),
            &assets.join(format!("{stem}.js")),
            true,
        )?;
    }
    copy(&root.join("index.html"), &dist.join("index.html"))?;
    copy(&root.join("styles/article.css"), &dist.join("article.css"))?;
    let geo = crate::geo::build_geometry(&root.join("node_modules"), &assets.join("geo"))?;
    eprintln!("{geo}");

    // The default story in each language, as build.rs validated and packed it, whole and as
    // its head (without the answers): the widget's first view fetches the reader's head
    // (embed.js starts it beside the wasm), then the whole story after it; a language switch
    // fetches the whole story in that language.
    let content = assets.join("content");
    std::fs::create_dir_all(&content).map_err(|e| format!("create {}: {e}", content.display()))?;
    for lang in Lang::ALL {
        for name in [
            format!("story.{}.bin", lang.code()),
            format!("head.{}.bin", lang.code()),
        ] {
            copy(&build_output(&name)?, &content.join(&name))?;
        }
    }
    // The map's panels (laws, facts and the table as markup) in each language: the wasm has
    // the data's outline, and fetches the reader's panels after its first render (or when a
    // reader opens a place or the table first).
    for lang in Lang::ALL {
        let name = format!("panels.{}.bin", lang.code());
        copy(&build_output(&name)?, &content.join(&name))?;
    }

    // Content-hashed names, and embed.js told about them.
    let files = Files {
        glue: rename_hashed(&assets, "sanctuary_explainer.js")?,
        wasm: rename_hashed(&assets, "sanctuary_explainer_bg.wasm")?,
        geo: rename_dir_hashed(&assets, "geo")?,
        content: rename_dir_hashed(&assets, "content")?,
        check: rename_hashed(&assets, "sanctuary_validator.js")?,
        check_wasm: rename_hashed(&assets, "sanctuary_validator_bg.wasm")?,
    };
    let embed_src = root.join("src/host/embed.js");
    let embed =
        std::fs::read_to_string(&embed_src).map_err(|e| format!("{}: {e}", embed_src.display()))?;
    let embed = rewrite_files_line(&embed, &files)?;
    let staged = bindgen.join("embed.js");
    write(&staged, &embed)?;
    minify(&staged, &assets.join("embed.js"), false)?;
    let embed = read(&assets.join("embed.js"))?;

    // Precompressed variants, the snippet with SRI, the hosting headers.
    let sizes = compress::precompress_tree(&assets)?;
    check_layout(&assets)?;
    write(&dist.join("snippet.html"), snippet(&sri(&embed)))?;
    write(&dist.join("_headers"), headers(&files))?;

    // The static fallbacks (yew server-side rendering of the same components), to paste
    // inside a placeholder for readers without JavaScript.
    run(Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "-p",
            "sanctuary-explainer",
            "--features",
            "ssr",
            "--bin",
            "fallback",
            "--",
        ])
        .arg(dist.join("fallback"))
        .current_dir(&root))?;

    let _ = std::fs::remove_dir_all(&bindgen);
    let staged = dist;
    let dist = root.join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::rename(&staged, &dist)
        .map_err(|e| format!("move {} -> {}: {e}", staged.display(), dist.display()))?;

    eprintln!("{}", report(&sizes, &files));
    eprintln!(
        "xtask: dist ready in {} (upload {ASSET_DIR}/ to your CDN; embed code: snippet.html; static fallbacks: fallback/; headers: _headers)",
        dist.display()
    );
    Ok(dist)
}

/// The sizes a reader downloads: each file of the first view, the counties, the total.
fn report(sizes: &[(PathBuf, Sizes)], files: &Files) -> String {
    let size_of = |name: &str| {
        sizes
            .iter()
            .find(|(p, _)| p == Path::new(name))
            .map(|(_, s)| *s)
            .unwrap_or_default()
    };
    let states = format!("{}states.bin", files.geo);
    let story = format!("{}head.en.bin", files.content);
    let first: Vec<(String, Sizes)> = ["embed.js", &files.glue, &files.wasm, &states, &story]
        .into_iter()
        .map(|n| (n.to_owned(), size_of(n)))
        .collect();
    let counties: Vec<Sizes> = sizes
        .iter()
        .filter(|(p, _)| p.starts_with(format!("{}counties", files.geo)))
        .map(|(_, s)| *s)
        .collect();
    let mut out = format!(
        "xtask: {ASSET_DIR}/ sizes ({} files, each with .gz and .br)\n  {:<44} {:>11} {:>11} {:>11}\n",
        sizes.len(),
        "",
        "raw",
        "gzip",
        "brotli 11"
    );
    for (name, s) in &first {
        out.push_str(&format!("  {name:<44} {s}\n"));
    }
    let total: Sizes = first.iter().map(|(_, s)| *s).sum();
    out.push_str(&format!(
        "  {:<44} {total}\n",
        "first view (the five above)"
    ));
    let label = format!("{}counties/*.bin ({} files)", files.geo, counties.len());
    let counties: Sizes = counties.into_iter().sum();
    out.push_str(&format!("  {label:<44} {counties}"));
    out
}

/// Runs `script` in Node (for tests of the JavaScript that `dist` writes into the glue) and
/// returns what it printed, trimmed; fails the test on an error.
#[cfg(test)]
pub(crate) fn run_in_node(script: &str) -> String {
    let out = Command::new("node")
        .args(["-e", script])
        .output()
        .expect("node is needed (cargo xtask test installs the npm tools with it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files {
        Files {
            glue: "sanctuary_explainer.0123456789.js".into(),
            wasm: "sanctuary_explainer_bg.abcdef0123.wasm".into(),
            geo: "geo-fedcba9876/".into(),
            content: "content-0a1b2c3d4e/".into(),
            check: "sanctuary_validator.1111111111.js".into(),
            check_wasm: "sanctuary_validator_bg.2222222222.wasm".into(),
        }
    }

    #[test]
    fn dist_hash_follows_the_content() {
        let a = content_hash(b"one build");
        assert!(is_hash(&a), "{a}");
        assert_eq!(a, content_hash(b"one build"), "deterministic");
        assert_ne!(
            a,
            content_hash(b"one build."),
            "a changed byte changes the name"
        );
        // SHA-256("abc"), a published test vector.
        assert_eq!(content_hash(b"abc"), "ba7816bf8f");
        assert_eq!(
            hashed_name("sanctuary_explainer_bg.wasm", &a),
            format!("sanctuary_explainer_bg.{a}.wasm")
        );
        assert!(has_hash(&hashed_name("sanctuary_explainer.js", &a)));
        assert!(has_hash(&format!("geo-{a}")));
        assert!(!has_hash("embed.js") && !has_hash("sanctuary_explainer_bg.wasm"));
        assert!(!has_hash("06.bin") && !has_hash("counties") && !has_hash("geo"));
        assert!(!is_hash("ABCDEF0123") && !is_hash("abcdef012") && !is_hash("abcdefg123"));
    }

    #[test]
    fn dist_tree_hash_covers_names_and_bytes() {
        let base = std::env::temp_dir().join(format!("xtask-dist-tree-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let tree = |name: &str, files: &[(&str, &[u8])]| {
            let dir = base.join(name);
            for (path, bytes) in files {
                let path = dir.join(path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
            tree_hash(&dir).unwrap()
        };
        let a = tree("a", &[("states.bin", b"s"), ("counties/06.bin", b"ca")]);
        assert!(is_hash(&a));
        assert_eq!(
            a,
            tree("b", &[("counties/06.bin", b"ca"), ("states.bin", b"s")])
        );
        assert_ne!(
            a,
            tree("c", &[("states.bin", b"s"), ("counties/06.bin", b"cA")])
        );
        assert_ne!(
            a,
            tree("d", &[("states.bin", b"s"), ("counties/08.bin", b"ca")])
        );
        assert_ne!(
            a,
            tree("e", &[("states.bin", b"sc"), ("counties/06.bin", b"a")])
        );
        // Precompressed variants do not change it.
        assert_eq!(
            a,
            tree(
                "f",
                &[
                    ("states.bin", b"s"),
                    ("counties/06.bin", b"ca"),
                    ("states.bin.br", b"x")
                ]
            )
        );
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn dist_rewrites_the_files_line_of_embed_js() {
        let source = std::fs::read_to_string(root().join("src/host/embed.js")).unwrap();
        let out = rewrite_files_line(&source, &files()).unwrap();
        assert!(out.contains(
            "\n  var FILES = { glue: \"sanctuary_explainer.0123456789.js\", \
             wasm: \"sanctuary_explainer_bg.abcdef0123.wasm\", geo: \"geo-fedcba9876/\", \
             content: \"content-0a1b2c3d4e/\", check: \"sanctuary_validator.1111111111.js\", \
             checkWasm: \"sanctuary_validator_bg.2222222222.wasm\" };\n"
        ));
        assert!(!out.contains(FILES_LINE));
        assert_eq!(
            out.lines().count(),
            source.lines().count(),
            "only that line changes"
        );
        // embed.js hands the geometry and story directories to the wasm.
        assert!(source.contains("m.mount(el, base, FILES.geo, FILES.content, "));

        let crlf = format!("a\r\n    {FILES_LINE}\r\nb\r\n");
        assert_eq!(
            rewrite_files_line(&crlf, &files()).unwrap(),
            "a\r\n    var FILES = { glue: \"sanctuary_explainer.0123456789.js\", \
             wasm: \"sanctuary_explainer_bg.abcdef0123.wasm\", geo: \"geo-fedcba9876/\", \
             content: \"content-0a1b2c3d4e/\", check: \"sanctuary_validator.1111111111.js\", \
             checkWasm: \"sanctuary_validator_bg.2222222222.wasm\" };\r\nb\r\n"
        );
    }

    #[test]
    fn dist_fails_when_the_files_line_is_missing_or_twice() {
        let edited = "var FILES = { glue: \"glue.js\", wasm: \"x.wasm\" };\n";
        let err = rewrite_files_line(edited, &files()).unwrap_err();
        assert!(
            err.contains("src/host/embed.js") && err.contains("0 times"),
            "{err}"
        );
        let twice = format!("{FILES_LINE}\n{FILES_LINE}\n");
        let err = rewrite_files_line(&twice, &files()).unwrap_err();
        assert!(err.contains("2 times"), "{err}");
        let bad = Files {
            glue: "a\".js".into(),
            ..files()
        };
        assert!(rewrite_files_line(FILES_LINE, &bad).is_err());
    }

    #[test]
    fn dist_snippet_and_headers() {
        // SHA-384("abc"), a published test vector, in base64.
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
        let s = snippet("sha384-XYZ");
        assert!(s.contains("<div data-sanctuary-explainer></div>"));
        assert!(s.contains(
            "<script async src=\"https://cdn.example.org/sanctuary-explainer/embed.js\" \
             integrity=\"sha384-XYZ\" crossorigin=\"anonymous\"></script>"
        ));
        assert!(s.starts_with("<!--") && s.contains("Replace https://cdn.example.org/"));

        let h = headers(&files());
        let rules: Vec<&str> = h.lines().filter(|l| l.starts_with('/')).collect();
        assert_eq!(
            rules,
            [
                "/sanctuary-explainer/embed.js",
                "/sanctuary-explainer/sanctuary_explainer.0123456789.js",
                "/sanctuary-explainer/sanctuary_explainer_bg.abcdef0123.wasm",
                "/sanctuary-explainer/sanctuary_validator.1111111111.js",
                "/sanctuary-explainer/sanctuary_validator_bg.2222222222.wasm",
                "/sanctuary-explainer/geo-fedcba9876/*",
                "/sanctuary-explainer/content-0a1b2c3d4e/*",
            ]
        );
        assert_eq!(h.matches(CACHE_IMMUTABLE).count(), 6);
        assert_eq!(h.matches("max-age=300").count(), 1);
        assert_eq!(h.matches("Access-Control-Allow-Origin: *").count(), 7);
    }

    #[test]
    fn dist_checks_the_layout() {
        let dir = std::env::temp_dir().join(format!("xtask-dist-layout-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("geo-fedcba9876/counties")).unwrap();
        for f in [
            "embed.js",
            "sanctuary_explainer.0123456789.js",
            "geo-fedcba9876/counties/06.bin",
        ] {
            std::fs::write(dir.join(f), f).unwrap();
        }
        assert!(check_layout(&dir).unwrap_err().ends_with(".br: missing"));
        compress::precompress_tree(&dir).unwrap();
        check_layout(&dir).unwrap();
        std::fs::write(dir.join("sanctuary_explainer_bg.wasm"), b"x").unwrap();
        let err = check_layout(&dir).unwrap_err();
        assert!(
            err.starts_with("sanctuary_explainer_bg.wasm: no content hash"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
