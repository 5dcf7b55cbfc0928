//! Installs what the pipeline needs and is missing; skips what is present.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::{root, Result};

/// Runs a command, streaming its output; fails naming the command.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    eprintln!("xtask: $ {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// `cargo +nightly …`, without the toolchain choice of the `cargo xtask` that runs it.
pub fn nightly_cargo() -> Command {
    let mut c = Command::new("cargo");
    c.arg("+nightly")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC");
    c
}

/// What builds the release wasm (`cargo xtask dist`).
///
/// Nightly, when it is installed, rebuilds the standard library for size and leaves out panic
/// locations, `Debug` formatting and the panic machinery itself: about 20 KB gzip less than
/// stable (BENCHMARKS.md). A panic there traps at once, with no hook and no message; the glue's
/// trap guard (`dist/guard.rs`) tells embed.js, so a widget's crash is isolated the same way as
/// in the stable build, whose panics go through our hook first. Stable builds the
/// same code when nightly or its `rust-src` cannot be had, or when
/// `SANCTUARY_WASM_TOOLCHAIN=stable` asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WasmToolchain {
    Stable,
    Nightly,
}

/// The nightly build's flags: a panic is an immediate trap (no hook, no formatting of its
/// message; build.rs then sets `panic_runs_no_hook`), no file/line in messages, and `{:?}`
/// formatting compiled to nothing (the wasm shows no Debug output to readers).
const NIGHTLY_RUSTFLAGS: &str =
    "-Cpanic=immediate-abort -Zunstable-options -Zlocation-detail=none -Zfmt-debug=none";

/// Set when a nightly build failed in this run: everything after uses stable's artifacts.
static NIGHTLY_FAILED: AtomicBool = AtomicBool::new(false);

impl WasmToolchain {
    /// Chosen once per run: nightly if it is there with `rust-src` (added if missing), unless
    /// a nightly build failed in this run ([`WasmToolchain::build`] then fell back to stable).
    pub fn get() -> WasmToolchain {
        static CHOICE: OnceLock<WasmToolchain> = OnceLock::new();
        if NIGHTLY_FAILED.load(Ordering::Relaxed) {
            return WasmToolchain::Stable;
        }
        *CHOICE.get_or_init(|| {
            let asked = std::env::var("SANCTUARY_WASM_TOOLCHAIN").unwrap_or_default();
            let choice = if asked == "stable" {
                WasmToolchain::Stable
            } else if nightly_with_rust_src() {
                WasmToolchain::Nightly
            } else {
                eprintln!(
                    "xtask: no nightly toolchain with rust-src: building the wasm with stable (larger; BENCHMARKS.md)"
                );
                WasmToolchain::Stable
            };
            eprintln!("xtask: release wasm built with {choice:?}");
            choice
        })
    }

    /// Builds the release wasm of `packages` and returns the toolchain that built it: stable,
    /// with a warning, if the nightly build fails (a newer nightly can break `-Z` flags; the
    /// stable build is the same widget, larger).
    pub fn build(self, packages: &[&str]) -> Result<WasmToolchain> {
        match run(&mut self.cargo_build(packages)) {
            Err(e) if self == WasmToolchain::Nightly => {
                eprintln!(
                    "xtask: the nightly wasm build failed ({e}); building with stable instead"
                );
                NIGHTLY_FAILED.store(true, Ordering::Relaxed);
                run(&mut WasmToolchain::Stable.cargo_build(packages))?;
                Ok(WasmToolchain::Stable)
            }
            other => other.map(|()| self),
        }
    }

    /// `cargo build` of the release wasm of `packages`, run in the workspace root.
    fn cargo_build(self, packages: &[&str]) -> Command {
        let mut cmd = match self {
            WasmToolchain::Stable => Command::new(env!("CARGO")),
            WasmToolchain::Nightly => nightly_cargo(),
        };
        cmd.args([
            "build",
            "--release",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .current_dir(root());
        for p in packages {
            cmd.args(["-p", p]);
        }
        if self == WasmToolchain::Nightly {
            cmd.args([
                "-Zbuild-std=std,panic_abort",
                "-Zbuild-std-features=optimize_for_size",
            ])
            .env("RUSTFLAGS", NIGHTLY_RUSTFLAGS)
            // Its own directory: other flags, other artifacts (stable's stay usable).
            .env("CARGO_TARGET_DIR", root().join("target/nightly"));
        }
        cmd
    }

    /// Where that build leaves the `.wasm` files (and build.rs its OUT_DIRs, under `build/`).
    pub fn release_dir(self) -> PathBuf {
        match self {
            WasmToolchain::Stable => root().join("target/wasm32-unknown-unknown/release"),
            WasmToolchain::Nightly => root().join("target/nightly/wasm32-unknown-unknown/release"),
        }
    }
}

fn nightly_with_rust_src() -> bool {
    if !nightly_cargo()
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return false;
    }
    let installed = output(Command::new("rustup").args([
        "component",
        "list",
        "--installed",
        "--toolchain",
        "nightly",
    ]))
    .unwrap_or_default();
    if installed.lines().any(|l| l.starts_with("rust-src")) {
        return true;
    }
    run(Command::new("rustup").args(["component", "add", "rust-src", "--toolchain", "nightly"]))
        .is_ok()
}

/// The exact wasm-bindgen version in Cargo.lock: the CLI must match it.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// `wasm-bindgen` and `wasm-bindgen-test-runner` at the locked version.
pub fn wasm_bindgen() -> Result {
    let want = locked_wasm_bindgen_version()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(want.as_str()) {
        return Ok(());
    }
    // Without --locked: with it, a locked dependency of the CLI is missing from the registry.
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &want]))
}

/// The version of twiggy (the wasm size profiler `cargo xtask bench` runs) it installs.
pub const TWIGGY_VERSION: &str = "0.8.0";

/// twiggy, for the bench's breakdown of the wasm by function and crate (about 1.5 minutes to
/// install); only the bench needs it.
pub fn twiggy() -> Result {
    let have = output(Command::new("twiggy").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(TWIGGY_VERSION) {
        return Ok(());
    }
    run(Command::new("cargo").args(["install", "twiggy", "--version", TWIGGY_VERSION]))
}

/// npm packages (binaryen's wasm-opt, us-atlas, d3-geo, axe-core…) exactly as package-lock.json pins them.
pub fn npm_packages() -> Result {
    let root = root();
    let marker = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (std::fs::metadata(&marker), std::fs::metadata(&lock)) {
        (Ok(m), Ok(l)) => {
            m.modified().ok() >= l.modified().ok()
                && root.join("node_modules/.bin/wasm-opt").exists()
        }
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

pub fn wasm_opt() -> PathBuf {
    root().join("node_modules/.bin/wasm-opt")
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's chromium and chromium-driver.
pub fn chromium() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get").args([
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ]))
}
