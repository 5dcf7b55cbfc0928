//! Short names for what the wasm and its glue say to each other.
//!
//! wasm-bindgen names each import after the Rust function and a 16-digit hash
//! (`__wbg_getAttribute_c7b80d4010284561`), and some exports after whole Rust paths. Every name is
//! written twice, in the wasm's import or export section and in the glue, and hashes do not
//! compress. wasm-opt's `--minify-imports-and-exports-and-modules` renames them all to one or two
//! letters and prints what it renamed; [`rename_in_glue`] makes the same renames in the glue
//! (wasm-bindgen's output, before terser): about 2 kB gzip less in all.
//!
//! The glue is wasm-bindgen's generated code, so the renames are checked, not hoped for: each
//! import name must be in the glue exactly once (its key in the import object), the module's name
//! exactly once, and no export may be left reached by its old name. A wasm-bindgen that writes its
//! glue differently fails the build with the name it could not place, instead of shipping a
//! widget that cannot start.

use std::path::Path;
use std::process::Command;

use crate::tools;
use crate::Result;

/// wasm-opt's renames: `(module, old name, new name)` for imports, `(old, new)` for exports.
#[derive(Debug, PartialEq)]
pub struct Renames {
    pub imports: Vec<(String, String, String)>,
    pub exports: Vec<(String, String)>,
}

/// Renames the imports and exports of `wasm` (in place) and the same names in `glue`.
pub fn minify(wasm: &Path, glue: &Path) -> Result {
    let mut cmd = Command::new(tools::wasm_opt());
    cmd.args(super::WASM_FEATURES)
        .arg("--minify-imports-and-exports-and-modules")
        .arg(wasm)
        .arg("-o")
        .arg(wasm);
    let shown = format!("{cmd:?}");
    eprintln!("xtask: $ {shown}");
    let out = cmd
        .output()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{shown} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let renames = parse_renames(&String::from_utf8_lossy(&out.stdout))?;
    let bytes = super::read(wasm)?;
    let module = import_modules(&bytes)
        .map_err(|e| format!("{}: {e}", wasm.display()))?
        .into_iter()
        .next()
        .ok_or_else(|| format!("{}: no imports after renaming", wasm.display()))?;
    let js = std::fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let js =
        rename_in_glue(&js, &renames, &module).map_err(|e| format!("{}: {e}", glue.display()))?;
    super::write(glue, js)
}

/// Reads the map wasm-opt prints: `{"imports": [[module, old, new], …], "exports": [[old, new], …]}`.
pub fn parse_renames(printed: &str) -> Result<Renames> {
    let value: serde_json::Value = serde_json::from_str(printed.trim())
        .map_err(|e| format!("wasm-opt's map of renamed names is not JSON: {e}"))?;
    let list = |key: &str, width: usize| -> Result<Vec<Vec<String>>> {
        let items = value
            .get(key)
            .and_then(|v| v.as_array())
            .ok_or_else(|| format!("wasm-opt's map of renamed names has no \"{key}\" list"))?;
        items
            .iter()
            .map(|item| {
                let strings: Option<Vec<String>> = item
                    .as_array()
                    .and_then(|a| a.iter().map(|s| s.as_str().map(String::from)).collect());
                strings.filter(|s| s.len() == width).ok_or_else(|| {
                    format!("wasm-opt's map: \"{key}\" has {item}, not {width} names")
                })
            })
            .collect()
    };
    Ok(Renames {
        imports: list("imports", 3)?
            .into_iter()
            .map(|mut s| {
                let new = s.pop().unwrap_or_default();
                let old = s.pop().unwrap_or_default();
                (s.pop().unwrap_or_default(), old, new)
            })
            .collect(),
        exports: list("exports", 2)?
            .into_iter()
            .map(|mut s| {
                let new = s.pop().unwrap_or_default();
                (s.pop().unwrap_or_default(), new)
            })
            .collect(),
    })
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Byte offsets where `name` stands as a whole identifier (no identifier character either side).
fn whole_words(text: &str, name: &str) -> Vec<usize> {
    text.match_indices(name)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(is_ident_char) && !after.is_some_and(is_ident_char)
        })
        .collect()
}

/// Replaces the whole-word occurrences of `old` that `keep` accepts (given the text before them).
fn replace_words(text: &str, old: &str, new: &str, keep: impl Fn(&str) -> bool) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut count = 0;
    for at in whole_words(text, old) {
        if keep(&text[..at]) {
            out.push_str(&text[last..at]);
            out.push_str(new);
            last = at + old.len();
            count += 1;
        }
    }
    out.push_str(&text[last..]);
    (out, count)
}

/// The glue with wasm-opt's renames applied; `module` is the imports' module name after them.
pub fn rename_in_glue(js: &str, renames: &Renames, module: &str) -> Result<String> {
    let mut js = js.to_string();
    let mut old_modules: Vec<&str> = renames.imports.iter().map(|(m, _, _)| m.as_str()).collect();
    old_modules.sort_unstable();
    old_modules.dedup();
    if old_modules.len() > 1 {
        return Err(format!(
            "the wasm imports from {} modules ({}); the glue is written for one",
            old_modules.len(),
            old_modules.join(", ")
        ));
    }
    for (_, old, new) in &renames.imports {
        let (renamed, count) = replace_words(&js, old, new, |_| true);
        if count != 1 {
            return Err(format!(
                "the import {old} is in the glue {count} times, not once (its key in the import object)"
            ));
        }
        js = renamed;
    }
    if let Some(old) = old_modules.first() {
        let quoted = format!("\"{old}\"");
        let count = js.matches(&quoted).count();
        if count != 1 {
            return Err(format!(
                "the import module {quoted} is in the glue {count} times, not once"
            ));
        }
        js = js.replacen(&quoted, &format!("\"{module}\""), 1);
    }
    for (old, new) in &renames.exports {
        let reached = |before: &str| before.ends_with('.');
        let via_wasm = |before: &str| before.ends_with("wasm.");
        let (renamed, _) = replace_words(&js, old, new, via_wasm);
        js = renamed;
        if let Some(at) = whole_words(&js, old)
            .into_iter()
            .find(|&at| reached(&js[..at]))
        {
            let line = js[..at].lines().count();
            return Err(format!(
                "line {line}: the export {old} is reached as a property of something other than `wasm`"
            ));
        }
    }
    Ok(js)
}

pub(super) fn leb(bytes: &[u8], at: &mut usize) -> std::result::Result<u32, String> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at).ok_or("the module ends inside a number")?;
        *at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("a number is longer than 5 bytes".into())
}

fn name<'a>(bytes: &'a [u8], at: &mut usize) -> std::result::Result<&'a str, String> {
    let len = leb(bytes, at)? as usize;
    let text = bytes
        .get(*at..*at + len)
        .ok_or("the module ends inside a name")?;
    *at += len;
    std::str::from_utf8(text).map_err(|_| "a name is not UTF-8".to_string())
}

/// The distinct module names of a wasm module's imports, in order of first use.
pub fn import_modules(bytes: &[u8]) -> std::result::Result<Vec<String>, String> {
    if bytes.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a version-1 wasm module".into());
    }
    let mut at = 8;
    while at < bytes.len() {
        let id = bytes[at];
        at += 1;
        let size = leb(bytes, &mut at)? as usize;
        let end = at + size;
        if id != 2 {
            at = end;
            continue;
        }
        let mut modules: Vec<String> = Vec::new();
        for _ in 0..leb(bytes, &mut at)? {
            let module = name(bytes, &mut at)?;
            name(bytes, &mut at)?;
            if !modules.iter().any(|m| m == module) {
                modules.push(module.to_string());
            }
            // The import's description: only its length matters here.
            match bytes.get(at).copied() {
                Some(0x00) => {
                    at += 1;
                    leb(bytes, &mut at)?;
                }
                Some(0x01) => {
                    at += 2;
                    limits(bytes, &mut at)?;
                }
                Some(0x02) => {
                    at += 1;
                    limits(bytes, &mut at)?;
                }
                Some(0x03) => at += 3,
                Some(0x04) => {
                    at += 2;
                    leb(bytes, &mut at)?;
                }
                other => return Err(format!("an import of unknown kind {other:?}")),
            }
        }
        return Ok(modules);
    }
    Ok(Vec::new())
}

pub(super) fn limits(bytes: &[u8], at: &mut usize) -> std::result::Result<(), String> {
    let flags = *bytes.get(*at).ok_or("the module ends inside limits")?;
    *at += 1;
    leb(bytes, at)?;
    if flags & 1 != 0 {
        leb(bytes, at)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renames() -> Renames {
        Renames {
            imports: vec![
                ("./w_bg.js".into(), "__wbg_get_0123abcd".into(), "a".into()),
                ("./w_bg.js".into(), "__wbg_set_4567ef01".into(), "$".into()),
            ],
            exports: vec![("memory".into(), "b".into()), ("mount".into(), "c".into())],
        }
    }

    const GLUE: &str = r#"export function mount(h) { wasm.mount(h); }
function imports() {
    const import0 = {
        __wbg_get_0123abcd: function(a) { return a.get(); },
        __wbg_set_4567ef01: function(a, b) { a.set(b); },
    };
    return { "./w_bg.js": import0 };
}
function view() { return new Uint8Array(wasm.memory.buffer); }"#;

    #[test]
    fn names_renames_imports_the_module_and_exports_reached_through_wasm() {
        let js = rename_in_glue(GLUE, &renames(), "m").unwrap();
        assert!(js.contains("a: function(a) { return a.get(); }"), "{js}");
        assert!(js.contains("$: function(a, b)"), "{js}");
        assert!(js.contains(r#"{ "m": import0 }"#), "{js}");
        assert!(js.contains("wasm.c(h)"), "{js}");
        assert!(js.contains("wasm.b.buffer"), "{js}");
        // The glue's own export keeps its public name; only the wasm's changes.
        assert!(js.contains("export function mount(h)"), "{js}");
        assert!(!js.contains("__wbg_"), "{js}");
    }

    #[test]
    fn names_refuse_a_glue_they_cannot_rename_safely() {
        let twice = GLUE.replace("a.set(b);", "a.set(b); __wbg_set_4567ef01;");
        let e = rename_in_glue(&twice, &renames(), "m").unwrap_err();
        assert!(
            e.contains("__wbg_set_4567ef01") && e.contains("2 times"),
            "{e}"
        );

        let missing = GLUE.replace("__wbg_get_0123abcd", "__wbg_get_ffffffff");
        let e = rename_in_glue(&missing, &renames(), "m").unwrap_err();
        assert!(
            e.contains("__wbg_get_0123abcd") && e.contains("0 times"),
            "{e}"
        );

        let elsewhere = GLUE.replace("wasm.memory.buffer", "exports.memory.buffer");
        let e = rename_in_glue(&elsewhere, &renames(), "m").unwrap_err();
        assert!(e.contains("line 9") && e.contains("memory"), "{e}");

        let mut two_modules = renames();
        two_modules.imports[1].0 = "env".into();
        let e = rename_in_glue(GLUE, &two_modules, "m").unwrap_err();
        assert!(e.contains("2 modules"), "{e}");
    }

    #[test]
    fn names_read_wasm_opts_map() {
        let printed = "\n{\n \"imports\": [\n  [\"./w_bg.js\", \"__wbg_get_0123abcd\", \"a\"],\n  [\"./w_bg.js\", \"__wbg_set_4567ef01\", \"$\"]\n ],\n\"exports\": [\n  [\"memory\", \"b\"],\n  [\"mount\", \"c\"]\n ]\n}\n";
        assert_eq!(parse_renames(printed).unwrap(), renames());
        let e = parse_renames("{\"imports\": [[\"a\", \"b\"]], \"exports\": []}").unwrap_err();
        assert!(e.contains("not 3 names"), "{e}");
        assert!(parse_renames("renamed").unwrap_err().contains("not JSON"));
    }

    #[test]
    fn names_find_the_import_modules_of_a_wasm_module() {
        // (module (import "env" "f" (func)) (import "a" "m" (memory 1 2))
        //         (import "env" "t" (table 1 funcref)) (import "a" "g" (global i32)))
        let mut imports = vec![4u8];
        for (module, field, desc) in [
            ("env", "f", vec![0x00, 0x00]),
            ("a", "m", vec![0x02, 0x01, 0x01, 0x02]),
            ("env", "t", vec![0x01, 0x70, 0x00, 0x01]),
            ("a", "g", vec![0x03, 0x7f, 0x00]),
        ] {
            imports.push(module.len() as u8);
            imports.extend(module.bytes());
            imports.push(field.len() as u8);
            imports.extend(field.bytes());
            imports.extend(desc);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // A type section first: (func)
        wasm.extend([0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
        wasm.push(0x02);
        wasm.push(imports.len() as u8);
        wasm.extend(&imports);
        assert_eq!(import_modules(&wasm).unwrap(), ["env", "a"]);
        assert!(import_modules(b"not wasm").is_err());
        assert!(import_modules(&wasm[..wasm.len() - 3]).is_err());
    }
}
