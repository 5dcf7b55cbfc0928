//! `cargo xtask test`: every test layer, in order of cost.

use std::process::Command;

use crate::tools::{self, run as sh};
use crate::{dist, root, Result};

pub fn run() -> Result {
    let root = root();
    let cargo = || {
        let mut c = Command::new(env!("CARGO"));
        c.current_dir(&root);
        c
    };
    tools::wasm_target()?;
    tools::wasm_bindgen()?;
    tools::chromium()?;

    // 1. Format and lint (native and wasm).
    sh(cargo().args(["fmt", "--all", "--", "--check"]))?;
    sh(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ]))?;
    sh(cargo().args([
        "clippy",
        "-p",
        "sanctuary-explainer",
        "--all-targets",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;

    // 2. Native: core (model, validation, projection, geometry), xtask, build-time checks.
    sh(cargo().args(["test", "--workspace", "--all-features"]))?;

    // 3. Browser: every tests/browser*.rs, wasm-bindgen-test in headless Chromium
    //    (webdriver.json adds Chromium's flags).
    let mut browser = cargo();
    browser.args([
        "test",
        "-p",
        "sanctuary-explainer",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    for name in test_files(&root, "browser")? {
        browser.args(["--test", &name]);
    }
    sh(browser
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "60"))?;

    // 4. End to end: every tests/e2e*.rs against the built dist/ on loopback, over WebDriver.
    //    Two at a time: each test has its own server, ChromeDriver and browser.
    let dist = dist::build()?;
    let mut e2e = cargo();
    e2e.args(["test", "-p", "sanctuary-explainer"]);
    for name in test_files(&root, "e2e")? {
        e2e.args(["--test", &name]);
    }
    sh(e2e
        .args(["--", "--ignored", "--test-threads=2"])
        .env("SANCTUARY_DIST", &dist)
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("CHROMIUM", tools::CHROMIUM))?;
    // 5. A short fuzzing run of the content parser/validator and the geometry decoder.
    crate::fuzz::smoke()?;

    eprintln!("xtask: all test layers passed");
    Ok(())
}

/// The test files `tests/<prefix>*.rs`, by name.
fn test_files(root: &std::path::Path, prefix: &str) -> Result<Vec<String>> {
    let dir = root.join("tests");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| {
            f.strip_prefix(prefix)
                .is_some()
                .then(|| f.strip_suffix(".rs").map(str::to_owned))
                .flatten()
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("no tests/{prefix}*.rs found"));
    }
    Ok(names)
}
