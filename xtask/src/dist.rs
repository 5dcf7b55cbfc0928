//! Builds `dist/`: the demo article at the root and the widget's CDN directory
//! `dist/sanctuary-explainer/` (embed.js, the wasm-bindgen glue, the optimized wasm).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::{self, run};
use crate::{root, Result};

pub const ASSET_DIR: &str = "sanctuary-explainer";

const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copy {} -> {}: {e}", from.display(), to.display()))
}

pub fn build() -> Result<PathBuf> {
    tools::wasm_target()?;
    tools::wasm_bindgen()?;
    tools::npm_packages()?;
    let root = root();
    run(Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "sanctuary-explainer",
        ])
        .current_dir(&root))?;

    let bindgen = root.join("target/bindgen");
    let _ = std::fs::remove_dir_all(&bindgen);
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&bindgen)
        .arg(root.join("target/wasm32-unknown-unknown/release/sanctuary_explainer.wasm")))?;

    let dist = root.join("dist");
    let assets = dist.join(ASSET_DIR);
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&assets).map_err(|e| format!("create {}: {e}", assets.display()))?;
    run(Command::new(tools::wasm_opt())
        .arg("-Oz")
        // The features rustc's wasm32 target emits today.
        .args(WASM_FEATURES)
        .args(["--strip-debug", "--strip-producers"])
        .arg(bindgen.join("sanctuary_explainer_bg.wasm"))
        .arg("-o")
        .arg(assets.join("sanctuary_explainer_bg.wasm")))?;
    copy(
        &bindgen.join("sanctuary_explainer.js"),
        &assets.join("sanctuary_explainer.js"),
    )?;
    copy(&root.join("src/host/embed.js"), &assets.join("embed.js"))?;
    copy(&root.join("index.html"), &dist.join("index.html"))?;
    copy(&root.join("styles/article.css"), &dist.join("article.css"))?;
    let geo = crate::geo::build_geometry(&root.join("node_modules"), &assets.join("geo"))?;
    eprintln!("{geo}");

    let wasm = std::fs::metadata(assets.join("sanctuary_explainer_bg.wasm"))
        .map(|m| m.len())
        .unwrap_or(0);
    eprintln!(
        "xtask: dist ready in {} (wasm {} KB)",
        dist.display(),
        wasm / 1024
    );
    Ok(dist)
}
