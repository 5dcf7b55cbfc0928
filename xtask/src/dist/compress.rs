//! Precompressed variants for a CDN or a static server: `<file>.gz` (gzip, by zopfli) and
//! `<file>.br` (brotli, quality 11) beside every file of a directory, so no server compresses
//! on the fly at a lower level. zopfli writes gzip's own format (any client that takes gzip
//! reads it) in fewer bytes than gzip -9: 5.6 kB less for the widget's wasm (BENCHMARKS.md).
//! Pure Rust (zopfli, rust-brotli; flate2 on miniz_oxide reads the gzip back); the output is
//! deterministic (the gzip header carries no name and no time). Every variant written is
//! decompressed again and compared with its file.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::Result;

/// The two encodings written beside every file, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    pub const ALL: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// The `Content-Encoding` (and `Accept-Encoding`) token.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The file name suffix of the variant, with its dot.
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => ".br",
            Encoding::Gzip => ".gz",
        }
    }

    /// `path` with this encoding's suffix: `a/b.wasm` → `a/b.wasm.br`.
    pub fn variant(self, path: &Path) -> PathBuf {
        let mut name = path.as_os_str().to_owned();
        name.push(self.suffix());
        PathBuf::from(name)
    }

    pub fn compress(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Brotli => brotli(bytes),
            Encoding::Gzip => gzip(bytes),
        }
    }

    pub fn decompress(self, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Encoding::Brotli => unbrotli(bytes),
            Encoding::Gzip => gunzip(bytes),
        }
    }
}

/// Whether `path` is itself a precompressed variant (`*.gz`, `*.br`).
pub fn is_variant(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("gz" | "br"))
}

/// gzip by zopfli (its default 15 iterations: 50 gain 0.03% on the wasm, at twice the time);
/// no file name, time 0.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 2);
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut out,
    )
    .expect("gzip into memory cannot fail");
    out
}

/// gzip -9 as zlib writes it: what a server compressing on the fly at its best would send.
#[cfg(test)]
fn gzip9(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::GzBuilder::new().write(
        Vec::with_capacity(bytes.len() / 2),
        flate2::Compression::best(),
    );
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("gzip into memory cannot fail")
}

pub fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

/// brotli at the maximum quality (11) with the largest standard window (2^24 bytes).
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 2);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("brotli into memory cannot fail");
    out
}

pub fn unbrotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut out)?;
    Ok(out)
}

/// A file's size raw and as each variant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl std::ops::Add for Sizes {
    type Output = Sizes;
    fn add(self, o: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + o.raw,
            gzip: self.gzip + o.gzip,
            brotli: self.brotli + o.brotli,
        }
    }
}

impl std::iter::Sum for Sizes {
    fn sum<I: Iterator<Item = Sizes>>(iter: I) -> Sizes {
        iter.fold(Sizes::default(), |a, b| a + b)
    }
}

impl fmt::Display for Sizes {
    /// `  640030 B  231456 B  180345 B` (raw, gzip, brotli): pads to the formatter's width.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:>9} B {:>9} B {:>9} B",
            self.raw, self.gzip, self.brotli
        )
    }
}

/// Writes `<path>.gz` and `<path>.br`, checks that each decompresses to the file's bytes.
pub fn precompress(path: &Path) -> Result<Sizes> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut sizes = Sizes {
        raw: bytes.len() as u64,
        ..Sizes::default()
    };
    for enc in Encoding::ALL {
        let packed = enc.compress(&bytes);
        match enc.decompress(&packed) {
            Ok(back) if back == bytes => {}
            Ok(_) => {
                return Err(format!(
                    "{}: the {} variant decompresses to other bytes",
                    path.display(),
                    enc.token()
                ))
            }
            Err(e) => {
                return Err(format!(
                    "{}: the {} variant does not decompress: {e}",
                    path.display(),
                    enc.token()
                ))
            }
        }
        let out = enc.variant(path);
        std::fs::write(&out, &packed).map_err(|e| format!("{}: {e}", out.display()))?;
        match enc {
            Encoding::Brotli => sizes.brotli = packed.len() as u64,
            Encoding::Gzip => sizes.gzip = packed.len() as u64,
        }
    }
    Ok(sizes)
}

/// Every file under `dir` (recursively, sorted), relative to `dir`, variants excluded.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            if path.is_dir() {
                walk(root, &path, out)?;
            } else if !is_variant(&path) {
                out.push(path.strip_prefix(root).expect("under root").to_path_buf());
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// Precompresses every file under `dir` (two threads: brotli at quality 11 is the slow part).
/// Returns each file (relative to `dir`, sorted) with its sizes.
pub fn precompress_tree(dir: &Path) -> Result<Vec<(PathBuf, Sizes)>> {
    let files = files(dir)?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Result<Vec<(usize, Sizes)>>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(file) = files.get(i) else {
                            return Ok(done);
                        };
                        done.push((i, precompress(&dir.join(file))?));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a compression thread panicked"))
            .collect()
    });
    let mut sizes = vec![Sizes::default(); files.len()];
    for result in results {
        for (i, s) in result? {
            sizes[i] = s;
        }
    }
    Ok(files.into_iter().zip(sizes).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compressible but not trivial: text with some variety, and binary noise.
    fn sample() -> Vec<u8> {
        let mut v: Vec<u8> = (0..2000)
            .flat_map(|i| {
                format!("line {i}: the quick brown fox {}\n", i * 7919 % 101).into_bytes()
            })
            .collect();
        let mut x: u32 = 12345;
        v.extend((0..5000).map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        }));
        v
    }

    #[test]
    fn compress_round_trips_and_shrinks() {
        for bytes in [sample(), Vec::new(), b"x".to_vec()] {
            for enc in Encoding::ALL {
                let packed = enc.compress(&bytes);
                assert_eq!(enc.decompress(&packed).unwrap(), bytes, "{}", enc.token());
            }
        }
        let bytes = sample();
        let (gz, br) = (gzip(&bytes), brotli(&bytes));
        assert!(
            gz.len() * 2 < bytes.len(),
            "gzip {} of {}",
            gz.len(),
            bytes.len()
        );
        assert!(
            br.len() <= gz.len(),
            "brotli {} vs gzip {}",
            br.len(),
            gz.len()
        );
        assert_eq!(&gz[..2], &[0x1f, 0x8b], "a gzip member");
        // zopfli's reason to be here: fewer bytes than gzip -9 for the same format.
        let gz9 = gzip9(&bytes);
        assert!(
            gz.len() < gz9.len(),
            "zopfli {} vs gzip -9 {}",
            gz.len(),
            gz9.len()
        );
        assert_eq!(gunzip(&gz9).unwrap(), bytes);
        // Deterministic: same input, same bytes (no time in the gzip header).
        assert_eq!(gz, gzip(&bytes));
        assert_eq!(br, brotli(&bytes));
        // Corrupt input is an error, not a panic or a silent success.
        let mut bad = br.clone();
        bad.truncate(br.len() / 2);
        assert!(unbrotli(&bad).is_err());
        assert!(gunzip(&gz[..gz.len() / 2]).is_err());
    }

    #[test]
    fn compress_writes_variants_beside_every_file() {
        let dir = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.js"), sample()).unwrap();
        std::fs::write(dir.join("sub/b.bin"), b"abc").unwrap();
        let sizes = precompress_tree(&dir).unwrap();
        let names: Vec<_> = sizes.iter().map(|(p, _)| p.clone()).collect();
        assert_eq!(names, [PathBuf::from("a.js"), PathBuf::from("sub/b.bin")]);
        assert_eq!(sizes[0].1.raw, sample().len() as u64);
        for (file, s) in &sizes {
            let raw = std::fs::read(dir.join(file)).unwrap();
            let gz = std::fs::read(dir.join(format!("{}.gz", file.display()))).unwrap();
            let br = std::fs::read(dir.join(format!("{}.br", file.display()))).unwrap();
            assert_eq!((s.gzip, s.brotli), (gz.len() as u64, br.len() as u64));
            assert_eq!(gunzip(&gz).unwrap(), raw);
            assert_eq!(unbrotli(&br).unwrap(), raw);
        }
        // A second run skips the variants it wrote: no `.gz.gz`.
        precompress_tree(&dir).unwrap();
        assert!(!dir.join("a.js.gz.gz").exists() && !dir.join("a.js.br.br").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn compress_names_variants() {
        assert_eq!(
            Encoding::Brotli.variant(Path::new("geo-ab/states.bin")),
            Path::new("geo-ab/states.bin.br")
        );
        assert_eq!(
            Encoding::Gzip.variant(Path::new("embed.js")),
            Path::new("embed.js.gz")
        );
        assert!(is_variant(Path::new("x.wasm.br")) && is_variant(Path::new("x.wasm.gz")));
        assert!(!is_variant(Path::new("x.wasm")));
    }
}
