//! Fuzzing (`fuzz/`, a cargo-fuzz layout outside the workspace): a short smoke run for the
//! test pipeline, and a native test that replays the committed corpus.
//!
//! - [`smoke`] installs cargo-fuzz if it is missing (the nightly toolchain must be there: this
//!   machine kind has it) and runs each target for [`SMOKE_SECONDS`] from the committed corpus
//!   `fuzz/corpus/<target>/`. New inputs go to a scratch directory under `fuzz/target/`, so the
//!   committed corpus never changes; a crash fails the run and leaves its input in
//!   `fuzz/artifacts/<target>/`.
//! - The test below feeds every committed corpus file through the same target bodies
//!   (`fuzz/src/lib.rs`, included here) on stable, in `cargo test`: a crash found once and
//!   added to the corpus stays fixed without nightly.
//!
//! A long run, by hand: `cd fuzz && cargo +nightly fuzz run -a content target/run/content
//! corpus/content -- -max_total_time=600` (see `fuzz/README.md`).

// `cargo xtask test` is to call `smoke()`; remove this line when it does.

use std::path::PathBuf;
use std::process::Command;

use crate::root;
use crate::tools::run;

/// The targets, as named in `fuzz/Cargo.toml`.
pub const TARGETS: [&str; 2] = ["content", "geometry"];
/// How long the smoke run fuzzes each target.
pub const SMOKE_SECONDS: u32 = 20;
/// The cargo-fuzz version installed when none is present.
const CARGO_FUZZ_VERSION: &str = "0.13.2";

fn fuzz_dir() -> PathBuf {
    root().join("fuzz")
}

/// `cargo +nightly …` in `fuzz/`.
fn nightly_cargo() -> Command {
    let mut c = crate::tools::nightly_cargo();
    c.current_dir(fuzz_dir());
    c
}

fn succeeds(cmd: &mut Command) -> bool {
    cmd.output().is_ok_and(|o| o.status.success())
}

/// cargo-fuzz and the nightly toolchain it needs; installs cargo-fuzz if it is missing.
pub fn cargo_fuzz() -> Result<(), String> {
    if !succeeds(nightly_cargo().arg("--version")) {
        return Err(
            "fuzzing needs the nightly toolchain (`rustup toolchain install nightly`)".into(),
        );
    }
    if succeeds(nightly_cargo().args(["fuzz", "--version"])) {
        return Ok(());
    }
    run(Command::new("cargo").args(["install", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION]))
}

/// Installs cargo-fuzz if missing, then fuzzes each target for [`SMOKE_SECONDS`] from the
/// committed corpus. Fails on a crash (its input is in `fuzz/artifacts/<target>/`).
pub fn smoke() -> Result<(), String> {
    cargo_fuzz()?;
    // `-a`: debug assertions on, so an arithmetic overflow is a crash too.
    run(nightly_cargo().args(["fuzz", "build", "-a"]))?;
    let scratch = fuzz_dir().join("target/smoke-corpus");
    for target in TARGETS {
        let dir = scratch.join(target);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        run(nightly_cargo().args([
            "fuzz",
            "run",
            "-a",
            target,
            &dir.display().to_string(),
            &format!("corpus/{target}"),
            "--",
            &format!("-max_total_time={SMOKE_SECONDS}"),
        ]))?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "../../fuzz/src/lib.rs"]
mod targets;

#[cfg(test)]
mod tests {
    use super::*;

    /// The files of `fuzz/corpus/<target>/`, by name.
    fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
        let dir = fuzz_dir().join("corpus").join(target);
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| {
                let path = e.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&path).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_committed_corpus_replays_through_the_fuzz_targets() {
        let mut total = 0;
        for target in TARGETS {
            let files = corpus(target);
            assert!(files.len() >= 3, "fuzz/corpus/{target} has seeds");
            for (name, bytes) in files {
                let body = match target {
                    "content" => targets::content,
                    _ => targets::geometry,
                };
                if std::panic::catch_unwind(|| body(&bytes)).is_err() {
                    panic!("fuzz/corpus/{target}/{name} crashes the {target} target");
                }
                total += bytes.len();
            }
        }
        assert!(
            total < 2 << 20,
            "the committed corpus stays small: {total} bytes"
        );
    }

    #[test]
    fn the_fuzz_crate_names_the_targets_and_stays_out_of_the_workspace() {
        let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
        assert!(manifest.contains("\n[workspace]\n"), "its own workspace");
        assert!(manifest.contains("cargo-fuzz = true"));
        for target in TARGETS {
            assert!(
                manifest.contains(&format!("name = \"{target}\"")),
                "{target}"
            );
        }
    }
}
