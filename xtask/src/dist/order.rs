//! The order of the wasm's functions, chosen for gzip and brotli.
//!
//! A compressor finds a repeat only within its window (32 KB for gzip), and rustc lays out a
//! generic function's copies wherever their callers are: `drop_in_place` for one type here,
//! for another 40 KB further on. [`similarity_order`] puts each function next to the one whose
//! code it resembles most: greedily, from the first function, it takes the one left whose
//! 4-byte sequences overlap most (Jaccard index) with the last one taken. [`order`] writes that
//! order as the functions' names and has wasm-opt sort them by name
//! (`--reorder-functions-by-name`), then drop the names; wasm-opt renumbers every call, table
//! entry and export, so only the layout changes, never what runs.
//!
//! Measured on the widget (the `-Oz` wasm of one build): 113.1 → 111.3 kB gzip -9, 95.7 → 93.5 kB
//! brotli, +0.5 kB raw (calls to a renumbered function can take a byte more). 3 or 5 bytes per
//! sequence, or comparing with the last few functions taken, gain less; wasm-opt's own orders
//! (by name, by static call count) lose 1 and 3.5 kB.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use super::names::{leb, limits};
use crate::tools::{self, run};
use crate::Result;

/// Bytes per compared sequence: the best of 2 to 8 on the widget.
const SHINGLE: usize = 4;

/// Reorders the defined functions of `wasm` (in place) by [`similarity_order`].
pub fn order(wasm: &Path) -> Result {
    let bytes = super::read(wasm)?;
    let module = Functions::read(&bytes).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let rank = ranks(&similarity_order(&module.bodies));
    super::write(wasm, with_rank_names(&bytes, module.imported, &rank))?;
    run(Command::new(tools::wasm_opt())
        .args(super::WASM_FEATURES)
        .args([
            "--reorder-functions-by-name",
            "--strip-debug",
            "--strip-producers",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(wasm))
}

/// What the order needs of a module: how many functions it imports (they come first in the
/// index space) and the code of each function it defines, without its locals' declarations.
#[derive(Debug, PartialEq)]
pub struct Functions<'a> {
    pub imported: u32,
    pub bodies: Vec<&'a [u8]>,
}

impl<'a> Functions<'a> {
    pub fn read(bytes: &'a [u8]) -> std::result::Result<Self, String> {
        if bytes.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
            return Err("not a version-1 wasm module".into());
        }
        let mut out = Functions {
            imported: 0,
            bodies: Vec::new(),
        };
        for (id, content) in sections(bytes)? {
            let mut at = 0;
            match id {
                2 => {
                    for _ in 0..leb(content, &mut at)? {
                        for _ in 0..2 {
                            let len = leb(content, &mut at)? as usize;
                            at += len;
                        }
                        let kind = content.get(at).copied();
                        at += 1;
                        match kind {
                            Some(0x00) => {
                                out.imported += 1;
                                leb(content, &mut at)?;
                            }
                            Some(0x01) => {
                                at += 1;
                                limits(content, &mut at)?;
                            }
                            Some(0x02) => limits(content, &mut at)?,
                            Some(0x03) => at += 2,
                            Some(0x04) => {
                                at += 1;
                                leb(content, &mut at)?;
                            }
                            other => return Err(format!("an import of unknown kind {other:?}")),
                        }
                    }
                }
                10 => {
                    for _ in 0..leb(content, &mut at)? {
                        let size = leb(content, &mut at)? as usize;
                        let body = content
                            .get(at..at + size)
                            .ok_or("the module ends inside a function")?;
                        at += size;
                        // The locals' declarations: groups of (count, type).
                        let mut code = 0;
                        for _ in 0..leb(body, &mut code)? {
                            leb(body, &mut code)?;
                            code += 1;
                        }
                        out.bodies
                            .push(body.get(code..).ok_or("a function ends in its locals")?);
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

/// The sections of a module: `(id, content)`.
fn sections(bytes: &[u8]) -> std::result::Result<Vec<(u8, &[u8])>, String> {
    let mut out = Vec::new();
    let mut at = 8;
    while at < bytes.len() {
        let id = bytes[at];
        at += 1;
        let size = leb(bytes, &mut at)? as usize;
        let content = bytes
            .get(at..at + size)
            .ok_or("the module ends inside a section")?;
        out.push((id, content));
        at += size;
    }
    Ok(out)
}

/// The functions in the order to write them: from the first, each time the one left that
/// shares the largest part of its 4-byte sequences with the last one taken (ties: the earlier
/// in the module), or the earliest left when none shares any.
pub fn similarity_order(bodies: &[&[u8]]) -> Vec<usize> {
    let shingles: Vec<Vec<u32>> = bodies
        .iter()
        .map(|body| {
            let mut s: Vec<u32> = body
                .windows(SHINGLE)
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
                .collect();
            s.sort_unstable();
            s.dedup();
            s
        })
        .collect();
    let mut holders: HashMap<u32, Vec<usize>> = HashMap::new();
    for (f, s) in shingles.iter().enumerate() {
        for &h in s {
            holders.entry(h).or_default().push(f);
        }
    }
    let n = bodies.len();
    let mut taken = vec![false; n];
    let mut shared = vec![0usize; n];
    let mut touched = Vec::new();
    let mut order = Vec::with_capacity(n);
    let mut next_untaken = 0;
    let mut current = 0;
    while order.len() < n {
        order.push(current);
        taken[current] = true;
        for &h in &shingles[current] {
            for &g in &holders[&h] {
                if !taken[g] {
                    if shared[g] == 0 {
                        touched.push(g);
                    }
                    shared[g] += 1;
                }
            }
        }
        let mine = shingles[current].len();
        // Jaccard index shared / (mine + theirs - shared), compared without division.
        let mut best: Option<(usize, usize, usize)> = None; // (g, shared, union)
        for &g in &touched {
            let (s, u) = (shared[g], mine + shingles[g].len() - shared[g]);
            let better = match best {
                None => true,
                Some((b, bs, bu)) => s * bu > bs * u || (s * bu == bs * u && g < b),
            };
            if better {
                best = Some((g, s, u));
            }
        }
        for g in touched.drain(..) {
            shared[g] = 0;
        }
        while next_untaken < n && taken[next_untaken] {
            next_untaken += 1;
        }
        current = match best {
            Some((g, _, _)) => g,
            None => next_untaken,
        };
    }
    order
}

/// `rank[f]`: the position of defined function `f` in `order`.
fn ranks(order: &[usize]) -> Vec<usize> {
    let mut rank = vec![0; order.len()];
    for (r, &f) in order.iter().enumerate() {
        rank[f] = r;
    }
    rank
}

fn push_leb(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// `bytes` without its `name` section and with a new one that names each import `i<index>`
/// and each defined function `f<rank>`, zero-padded, so that sorting by name sorts by rank.
pub fn with_rank_names(bytes: &[u8], imported: u32, rank: &[usize]) -> Vec<u8> {
    let mut names = Vec::new();
    push_leb(&mut names, imported as usize + rank.len());
    let mut entry = |index: usize, name: String| {
        push_leb(&mut names, index);
        push_leb(&mut names, name.len());
        names.extend_from_slice(name.as_bytes());
    };
    for i in 0..imported as usize {
        entry(i, format!("i{i:06}"));
    }
    for (f, r) in rank.iter().enumerate() {
        entry(imported as usize + f, format!("f{r:06}"));
    }
    let mut payload = Vec::new();
    push_leb(&mut payload, 4);
    payload.extend_from_slice(b"name");
    payload.push(1); // the function names subsection
    push_leb(&mut payload, names.len());
    payload.extend_from_slice(&names);

    let mut out = bytes[..8].to_vec();
    let mut at = 8;
    while at < bytes.len() {
        let start = at;
        let id = bytes[at];
        at += 1;
        let size = leb(bytes, &mut at).expect("read by Functions::read") as usize;
        let content = &bytes[at..at + size];
        at += size;
        let mut n = 0;
        let is_names = id == 0
            && leb(content, &mut n)
                .is_ok_and(|len| content.get(n..n + len as usize) == Some(b"name"));
        if !is_names {
            out.extend_from_slice(&bytes[start..at]);
        }
    }
    out.push(0);
    push_leb(&mut out, payload.len());
    out.extend_from_slice(&payload);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with `imports` function imports and one function per body (locals: none).
    fn module(imports: u32, bodies: &[&[u8]]) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let section = |m: &mut Vec<u8>, id: u8, content: Vec<u8>| {
            m.push(id);
            push_leb(m, content.len());
            m.extend(content);
        };
        let mut types = vec![1, 0x60, 0, 0];
        let mut imps = Vec::new();
        push_leb(&mut imps, imports as usize);
        for i in 0..imports {
            imps.extend([1, b'm', 1, b'a' + i as u8, 0x00, 0]);
        }
        let mut funcs = Vec::new();
        push_leb(&mut funcs, bodies.len());
        funcs.extend(std::iter::repeat_n(0, bodies.len()));
        let mut code = Vec::new();
        push_leb(&mut code, bodies.len());
        for body in bodies {
            // one local declaration group (2 × i32), then the code
            let mut b = vec![1, 2, 0x7f];
            b.extend_from_slice(body);
            push_leb(&mut code, b.len());
            code.extend(b);
        }
        section(&mut m, 1, std::mem::take(&mut types));
        section(&mut m, 2, imps);
        section(&mut m, 3, funcs);
        section(&mut m, 10, code);
        m
    }

    #[test]
    fn order_reads_imports_and_bodies_without_locals() {
        let m = module(2, &[b"\x41\x01\x1a\x0b", b"\x0b"]);
        let f = Functions::read(&m).unwrap();
        assert_eq!(f.imported, 2);
        assert_eq!(f.bodies, vec![&b"\x41\x01\x1a\x0b"[..], &b"\x0b"[..]]);
        assert!(Functions::read(b"\0asm\x02\0\0\0").is_err());
        let cut = &m[..m.len() - 2];
        assert!(
            Functions::read(cut).is_err(),
            "a truncated module is refused"
        );
    }

    #[test]
    fn order_puts_similar_functions_side_by_side() {
        let a: &[u8] = b"aaaaXXXXbbbbYYYY";
        let b: &[u8] = b"zzzzqqqqwwwwvvvv";
        let a2: &[u8] = b"aaaaXXXXbbbbYYYZ";
        let b2: &[u8] = b"zzzzqqqqwwwwvvvX";
        let lone: &[u8] = b"12";
        // a, b, a2, b2 → a, a2, then the closest to a2 (none shares: the earliest left, b), b2.
        assert_eq!(similarity_order(&[a, b, a2, b2, lone]), vec![0, 2, 1, 3, 4]);
        assert_eq!(ranks(&[0, 2, 1, 3, 4]), vec![0, 2, 1, 3, 4]);
        assert_eq!(ranks(&[2, 0, 1]), vec![1, 2, 0]);
        assert_eq!(similarity_order(&[]), Vec::<usize>::new());
    }

    #[test]
    fn order_names_each_function_by_its_rank_in_a_new_name_section() {
        let m = module(1, &[b"\x0b", b"\x0b"]);
        // An old name section goes; the new one is last.
        let mut old = m.clone();
        old.extend([0, 6, 4, b'n', b'a', b'm', b'e', 9]);
        let out = with_rank_names(&old, 1, &[1, 0]);
        assert!(out.starts_with(&m), "every other section is kept as it was");
        let mut tail = &out[m.len()..];
        assert_eq!(tail[0], 0);
        let mut at = 1;
        let size = leb(tail, &mut at).unwrap() as usize;
        tail = &tail[at..];
        assert_eq!(tail.len(), size, "one name section, the last");
        let mut want = vec![4, b'n', b'a', b'm', b'e', 1, 28, 3];
        for (index, name) in [(0u8, "i000000"), (1, "f000001"), (2, "f000000")] {
            want.extend([index, 7]);
            want.extend(name.bytes());
        }
        assert_eq!(tail, want.as_slice());
        assert_eq!(Functions::read(&out).unwrap(), Functions::read(&m).unwrap());
    }
}
