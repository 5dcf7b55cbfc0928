//! The widget's glue, with a loader for the one way embed.js starts it.
//!
//! wasm-bindgen ends its glue with a loader for every way a page may start a module: a URL,
//! a `Request`, a `Response` (streaming, with a fallback and a warning for a wrong MIME type),
//! raw bytes, a synchronous `initSync`, and the parameters of its older versions. embed.js uses
//! none of them: it compiles the wasm itself (streaming, once per page, beside the glue's own
//! download) and calls the glue's default export with `{ module_or_path: <WebAssembly.Module> }`.
//! [`cut`] replaces that loader with one for this call: 1.6 KB less minified, 0.6 kB gzip, in
//! every reader's first view. (The validator's glue keeps wasm-bindgen's loader: embed.js hands
//! it a `fetch` response.)
//!
//! The glue is wasm-bindgen's generated code, so the edit is checked, not hoped for: the loader
//! must start where wasm-bindgen 0.2's does, once, and the glue must end with its export line,
//! with the two functions the new loader calls defined before it. A wasm-bindgen that writes
//! its glue differently fails the build, naming what it could not find.

use crate::Result;

/// Where wasm-bindgen's loader starts: everything from here to the end is replaced.
const LOADER_START: &str = "async function __wbg_load(module, imports) {";
/// The glue's last line, which the loader ends with.
const EXPORTS: &str = "export { initSync, __wbg_init as default };";
/// What the new loader calls, defined by wasm-bindgen above its loader.
const NEEDED: [&str; 2] = [
    "function __wbg_get_imports(",
    "function __wbg_finalize_init(instance, module) {",
];
/// The loader for embed.js's call (ES2018; terser minifies it with the rest of the glue).
const LOADER: &str = r#"// sanctuary-explainer (xtask/src/dist/loader.rs): embed.js hands over the compiled module.
async function __wbg_init(options) {
    if (wasm !== undefined) return wasm;
    const module = options.module_or_path;
    const instance = await WebAssembly.instantiate(module, __wbg_get_imports());
    return __wbg_finalize_init(instance, module);
}

export { __wbg_init as default };
"#;

/// The glue `js` with its loader replaced by [`LOADER`].
pub fn cut(js: &str) -> Result<String> {
    let place = "the glue's loader (xtask/src/dist/loader.rs)";
    let start = match js.matches(LOADER_START).count() {
        1 => js.find(LOADER_START).expect("counted once"),
        n => {
            return Err(format!(
                "`{LOADER_START}` is in the glue {n} times: {place} needs the one place wasm-bindgen's loader starts"
            ))
        }
    };
    if js.trim_end().strip_suffix(EXPORTS).is_none() {
        return Err(format!(
            "the glue does not end with `{EXPORTS}`: this wasm-bindgen exports its loader differently, so {place} has no place"
        ));
    }
    for needed in NEEDED {
        if !js[..start].contains(needed) {
            return Err(format!(
                "no `{needed}` before the glue's loader: {place} calls it"
            ));
        }
    }
    Ok(format!("{}{LOADER}", &js[..start]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm;\nfunction __wbg_get_imports() { return {}; }\nfunction __wbg_finalize_init(instance, module) {\n    wasm = instance.exports;\n    return wasm;\n}\n\nasync function __wbg_load(module, imports) {\n    if (module instanceof Response) { return WebAssembly.instantiateStreaming(module, imports); }\n}\n\nfunction initSync(module) { return module; }\n\nexport { initSync, __wbg_init as default };\n";

    #[test]
    fn loader_replaces_wasm_bindgens_loader_and_keeps_the_rest() {
        let out = cut(GLUE).unwrap();
        assert!(out.starts_with("let wasm;\nfunction __wbg_get_imports()"));
        assert!(out.contains("wasm = instance.exports;"), "{out}");
        for gone in ["__wbg_load", "initSync", "instantiateStreaming", "Response"] {
            assert!(!out.contains(gone), "{gone} is still there: {out}");
        }
        assert!(out
            .trim_end()
            .ends_with("export { __wbg_init as default };"));
        assert_eq!(out.matches("async function __wbg_init(").count(), 1);
    }

    #[test]
    fn loader_refuses_a_glue_it_cannot_place() {
        let none = cut("let wasm;\nexport { initSync, __wbg_init as default };\n").unwrap_err();
        assert!(none.contains("0 times"), "{none}");
        let twice = cut(&format!("{LOADER_START}\n{GLUE}")).unwrap_err();
        assert!(twice.contains("2 times"), "{twice}");
        let other_end = cut(&GLUE.replace(EXPORTS, "export default __wbg_init;")).unwrap_err();
        assert!(other_end.contains("does not end with"), "{other_end}");
        let no_finalize = cut(&GLUE.replace("__wbg_finalize_init", "finish")).unwrap_err();
        assert!(no_finalize.contains("__wbg_finalize_init"), "{no_finalize}");
    }

    /// The new loader, run in Node on a real module: it instantiates the module it is handed,
    /// with the glue's imports, finalizes once, and hands back the same exports after that, as
    /// wasm-bindgen's does, with or without arguments (the bench reads the memory so).
    #[test]
    fn loader_in_node_instantiates_the_module_it_is_given() {
        let glue = "let wasm;\nlet finalized = 0;\nfunction __wbg_get_imports() { return { m: { f: () => 41 } }; }\nfunction __wbg_finalize_init(instance, module) {\n    finalized++;\n    wasm = instance.exports;\n    return wasm;\n}\nasync function __wbg_load(module, imports) {}\nexport { initSync, __wbg_init as default };\n";
        let js = cut(glue)
            .unwrap()
            .replace("export { __wbg_init as default };", "");
        // (module (import "m" "f" (func $f (result i32))) (func (export "g") (result i32)
        //   call $f i32.const 1 i32.add))
        let script = format!(
            r#"{js}
const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,5,1,96,0,1,127,2,7,1,1,109,1,102,0,0,3,2,1,0,7,5,1,1,103,0,1,10,9,1,7,0,16,0,65,1,106,11]);
(async () => {{
    const module = new WebAssembly.Module(bytes);
    const a = await __wbg_init({{ module_or_path: module }});
    const b = await __wbg_init({{ module_or_path: module }});
    const c = await __wbg_init();
    console.log(JSON.stringify([a.g(), a === b, a === c, finalized]));
}})();
"#
        );
        assert_eq!(crate::dist::run_in_node(&script), "[42,true,true,1]");
    }
}
