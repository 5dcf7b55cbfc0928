//! A trap guard around the widget's wasm exports, written into its glue.
//!
//! The nightly build aborts a panic with `-Cpanic=immediate-abort`: no panic hook runs, the wasm
//! executes `unreachable`, and the trap unwinds to whichever JavaScript called into the wasm (a
//! reader's event, a timer, a download, embed.js's `mount`). To isolate such a crash (issue 6),
//! embed.js must hear of it wherever it starts. Every call from JavaScript into the wasm goes
//! through the glue's `wasm` object (`wasm.<export>(…)`: exported functions, closures, the
//! allocator), so [`guard`] wraps that object once, where the glue sets it from the instance:
//!
//! - a `WebAssembly.RuntimeError` thrown by a call marks the instance dead and calls the
//!   object's `_t(error)`, which embed.js sets to its crash handler, then goes on unwinding as
//!   before (the page's own error handlers still hear of it);
//! - a call into a dead instance returns at once without running any of its code (its memory
//!   may be mid-update), as the stable build's poisoned flag does. It returns an empty array:
//!   the glue's shim for a call that can fail reads the result's second slot (`if (r[1])
//!   throw …`), and a download or timer that settles after the crash must not throw a
//!   `TypeError` there (found by `tests/e2e_panic.rs`, when a download was still on its way);
//!   an empty array reads as "no value, no error" there and as 0 where a number is read;
//! - anything else passes through untouched.
//!
//! The glue is wasm-bindgen's generated code, so the edit is checked, not hoped for: the line it
//! replaces must be there exactly once, and the guard's name must not be in the glue already.
//! A wasm-bindgen that writes its glue differently fails the build, naming what it could not find.

use crate::Result;

/// Where wasm-bindgen's `__wbg_finalize_init` keeps the instance's exports.
const SET_EXPORTS: &str = "wasm = instance.exports;";
const GUARD_NAME: &str = "__se_guard";
/// The wrapper (ES2015; terser minifies it with the rest of the glue).
const GUARD_FN: &str = r#"
// sanctuary-explainer (xtask/src/dist/guard.rs): every call into the wasm, guarded.
function __se_guard(exports) {
    const guarded = {};
    const none = Object.freeze([]);
    let dead = false;
    for (const key of Object.keys(exports)) {
        const value = exports[key];
        guarded[key] = typeof value !== "function" ? value : function () {
            if (dead) return none;
            try {
                return value.apply(null, arguments);
            } catch (e) {
                if (e instanceof WebAssembly.RuntimeError) {
                    dead = true;
                    if (guarded._t) guarded._t(e);
                }
                throw e;
            }
        };
    }
    return guarded;
}
"#;

/// The glue `js` with its exports guarded.
pub fn guard(js: &str) -> Result<String> {
    if js.contains(GUARD_NAME) {
        return Err(format!(
            "the glue already has `{GUARD_NAME}`: guarded twice?"
        ));
    }
    match js.matches(SET_EXPORTS).count() {
        1 => {}
        0 => {
            return Err(format!(
                "no `{SET_EXPORTS}` in the glue: this wasm-bindgen sets its exports differently, so the trap guard (xtask/src/dist/guard.rs) has no place"
            ))
        }
        n => {
            return Err(format!(
                "`{SET_EXPORTS}` is in the glue {n} times: the trap guard (xtask/src/dist/guard.rs) needs the one place the exports are set"
            ))
        }
    }
    let js = js.replace(
        SET_EXPORTS,
        &format!("wasm = {GUARD_NAME}(instance.exports);"),
    );
    Ok(format!("{js}{GUARD_FN}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm;\nfunction __wbg_finalize_init(instance, module) {\n    wasm = instance.exports;\n    return wasm;\n}\nexport function mount(a) { wasm.mount(a); }\n";

    #[test]
    fn guard_wraps_the_exports_where_the_glue_sets_them() {
        let out = guard(GLUE).unwrap();
        assert!(
            out.contains("wasm = __se_guard(instance.exports);"),
            "{out}"
        );
        assert!(!out.contains(SET_EXPORTS), "{out}");
        assert_eq!(out.matches("function __se_guard(").count(), 1, "{out}");
        // The rest of the glue is untouched.
        assert!(out.contains("export function mount(a) { wasm.mount(a); }"));
    }

    #[test]
    fn guard_refuses_a_glue_it_cannot_place() {
        let none = guard("let wasm;\nwasm = exports;\n").unwrap_err();
        assert!(none.contains("no `wasm = instance.exports;`"), "{none}");
        let twice = guard(&format!("{GLUE}{SET_EXPORTS}")).unwrap_err();
        assert!(twice.contains("2 times"), "{twice}");
        let again = guard(&guard(GLUE).unwrap()).unwrap_err();
        assert!(again.contains("guarded twice"), "{again}");
    }

    /// The wrapper's behaviour, run in Node: a trap marks the instance dead, calls `_t` once and
    /// still throws; later calls return at once, with an empty array that the glue's shims
    /// read safely; other errors and plain values pass through.
    #[test]
    fn guard_in_node_isolates_a_trap() {
        let script = format!(
            r#"{GUARD_FN}
const calls = [];
let n = 0;
const raw = {{
    memory: {{ buffer: 1 }},
    add: (a, b) => {{ n++; return a + b; }},
    boom: () => {{ throw new TypeError("js"); }},
    trap: () => {{ throw new WebAssembly.RuntimeError("unreachable"); }},
}};
const w = __se_guard(raw);
w._t = (e) => calls.push(String(e));
const out = [];
out.push(w.memory === raw.memory, w.add(2, 3));
try {{ w.boom(); }} catch (e) {{ out.push(e instanceof TypeError); }}
out.push(calls.length);
try {{ w.trap(); }} catch (e) {{ out.push(e instanceof WebAssembly.RuntimeError); }}
out.push(calls.length, calls[0]);
out.push(w.add(1, 1), n);
try {{ w.trap(); out.push("returned"); }} catch (e) {{ out.push("threw"); }}
out.push(calls.length);
// The glue's shim for a call that can fail, on a dead instance: no TypeError, nothing thrown.
const shim = () => {{ const r = w.add(2, 2); if (r[1]) throw r[0]; return r >>> 0; }};
try {{ out.push(shim()); }} catch (e) {{ out.push(String(e)); }}
console.log(JSON.stringify(out));
"#
        );
        assert_eq!(
            crate::dist::run_in_node(&script),
            r#"[true,5,true,0,true,1,"RuntimeError: unreachable",[],1,"returned",1,0]"#
        );
    }
}
