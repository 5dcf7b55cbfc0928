//! `cargo xtask <command>`: the project's build pipeline (the cargo xtask pattern).
//!
//! - `serve [--port N]`: build `dist/` and serve the demo on http://127.0.0.1:8080
//! - `test`: every test layer (format, lint, native, browser, end to end)
//! - `dist`: build `dist/` only
//! - `check [--json] <file>...`: the editors' check of story and data files (`check.rs`)
//!
//! Every command installs what it needs and is missing (wasm target, wasm-bindgen-cli at the
//! version in Cargo.lock, npm packages from package-lock.json, Chromium and ChromeDriver).

mod bench;
mod check;
mod dist;
mod fuzz;
mod geo;
mod http1;
mod serve;
mod test;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask is inside the workspace")
        .to_path_buf()
}

pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N]   build dist/ and serve the demo article (default http://127.0.0.1:8080)
  test               run every test: fmt, clippy, native, browser (wasm-bindgen-test), end to end
  dist               build dist/ (the demo page and the CDN directory dist/sanctuary-explainer/)
  check [--json] <file>...
                     check story and data files (TOML, or .json): every problem as file:line:column;
                     --json writes the checked file as JSON (the form data-content takes)
  fuzz               a short fuzzing run of each target from the committed corpus (nightly)
  bench              measure bytes, load time, interaction, memory in Chromium, next to a plain-JS peer";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => {
            let port = match args.iter().position(|a| a == "--port") {
                Some(i) => match args.get(i + 1).and_then(|p| p.parse::<u16>().ok()) {
                    Some(p) => p,
                    None => return usage_error("--port needs a port number"),
                },
                None => 8080,
            };
            dist::build().and_then(|dist| serve::serve(&dist, port))
        }
        Some("test") => test::run(),
        Some("dist") => dist::build().map(|_| ()),
        Some("check") => return check::command(&args[1..]),
        Some("bench") => bench::run(),
        Some("fuzz") => fuzz::smoke(),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => return usage_error(&format!("unknown command `{other}`")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("xtask: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}
