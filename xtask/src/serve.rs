//! A static file server for `dist/` on loopback. Like a CDN, it sends a file's precompressed
//! `.br` or `.gz` sibling when the request's `Accept-Encoding` allows it (with
//! `Content-Encoding` and `Vary: Accept-Encoding`), so the demo and the benchmark measure the
//! bytes readers actually download.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use crate::dist::compress::Encoding;
use crate::http1::{self, resolve};
use crate::Result;

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// The quality an `Accept-Encoding` value gives `token` (an explicit entry, else `*`, else 0).
fn quality(accept_encoding: &str, token: &str) -> f32 {
    let mut star = None;
    for entry in accept_encoding.split(',') {
        let mut parts = entry.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(token)
            || (token == "gzip" && name.eq_ignore_ascii_case("x-gzip"))
        {
            return q;
        }
        if name == "*" {
            star = Some(q);
        }
    }
    star.unwrap_or(0.0)
}

/// The encodings an `Accept-Encoding` value allows, best first (brotli first on a tie).
pub fn accepted(accept_encoding: Option<&str>) -> Vec<Encoding> {
    let Some(accept) = accept_encoding else {
        return Vec::new();
    };
    let mut found: Vec<(Encoding, f32)> = Encoding::ALL
        .into_iter()
        .map(|e| (e, quality(accept, e.token())))
        .filter(|(_, q)| *q > 0.0)
        .collect();
    // Stable: equal qualities keep Encoding::ALL's order (brotli, then gzip).
    found.sort_by(|a, b| b.1.total_cmp(&a.1));
    found.into_iter().map(|(e, _)| e).collect()
}

/// What to send for `file`: the path to read, its encoding (`None`: as it is), and whether
/// the file has variants at all (then the response varies with `Accept-Encoding`).
pub fn negotiate(file: &Path, accept_encoding: Option<&str>) -> (PathBuf, Option<Encoding>, bool) {
    let has_variants = Encoding::ALL.iter().any(|e| e.variant(file).is_file());
    for enc in accepted(accept_encoding) {
        let variant = enc.variant(file);
        if variant.is_file() {
            return (variant, Some(enc), true);
        }
    }
    (file.to_path_buf(), None, has_variants)
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// The response to a GET of `url` with this `Accept-Encoding`.
pub fn respond(
    dir: &Path,
    url: &str,
    accept_encoding: Option<&str>,
) -> tiny_http::Response<Cursor<Vec<u8>>> {
    let Some(file) = resolve(dir, url) else {
        return tiny_http::Response::from_string("not found").with_status_code(404);
    };
    let (path, encoding, varies) = negotiate(&file, accept_encoding);
    let Ok(body) = std::fs::read(&path) else {
        return tiny_http::Response::from_string("not found").with_status_code(404);
    };
    // The type of what was asked for, not of the `.br` sent in its place.
    let mut response = tiny_http::Response::from_data(body)
        .with_header(header("Content-Type", content_type(&file)));
    if let Some(enc) = encoding {
        response = response.with_header(header("Content-Encoding", enc.token()));
    }
    if varies {
        response = response.with_header(header("Vary", "Accept-Encoding"));
    }
    response
}

/// Serves `dir` on `127.0.0.1:port` until the process is stopped (`cargo xtask serve`).
pub fn serve(dir: &Path, port: u16) -> Result {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("Serving the demo at http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    answer_with(listener, dir.to_path_buf());
    Ok(())
}

/// Serves `dir` like [`serve`], but on a free loopback port and from background threads that
/// live as long as the process (`cargo xtask bench`). Returns the base URL, ending in `/`.
pub fn spawn(dir: &Path) -> Result<String> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| format!("cannot listen on a loopback port: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("the listener has no address: {e}"))?
        .port();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || answer_with(listener, dir));
    Ok(format!("http://127.0.0.1:{port}/"))
}

/// Answers every connection to `listener` with [`respond`] from `dir`.
fn answer_with(listener: std::net::TcpListener, dir: PathBuf) {
    http1::accept(listener, move |request| {
        Some(respond(
            &dir,
            request.path(),
            request.header("Accept-Encoding"),
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_reads_accept_encoding() {
        use Encoding::{Brotli, Gzip};
        assert_eq!(accepted(None), []);
        assert_eq!(accepted(Some("")), []);
        assert_eq!(accepted(Some("gzip, deflate, br, zstd")), [Brotli, Gzip]);
        assert_eq!(accepted(Some("gzip, deflate")), [Gzip]);
        assert_eq!(accepted(Some("BR")), [Brotli]);
        assert_eq!(accepted(Some("br;q=0.5, gzip;q=0.8")), [Gzip, Brotli]);
        assert_eq!(accepted(Some("br;q=0, gzip")), [Gzip]);
        assert_eq!(accepted(Some("*")), [Brotli, Gzip]);
        assert_eq!(accepted(Some("*;q=0.1, gzip")), [Gzip, Brotli]);
        assert_eq!(accepted(Some("identity")), []);
        assert_eq!(accepted(Some("x-gzip")), [Gzip]);
    }

    #[test]
    fn serve_sends_the_precompressed_variant_the_client_accepts() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("w")).unwrap();
        let wasm = b"\0asm not really".repeat(50);
        std::fs::write(dir.join("w/x.wasm"), &wasm).unwrap();
        crate::dist::compress::precompress(&dir.join("w/x.wasm")).unwrap();
        std::fs::write(dir.join("index.html"), "<p>demo</p>").unwrap();

        let get = |url: &str, accept: Option<&str>| {
            let r = respond(&dir, url, accept);
            let headers: Vec<(String, String)> = r
                .headers()
                .iter()
                .map(|h| (h.field.to_string(), h.value.to_string()))
                .collect();
            let find = |name: &str| {
                headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.clone())
            };
            let mut body = Vec::new();
            std::io::Read::read_to_end(&mut r.into_reader(), &mut body).unwrap();
            (
                find("Content-Type"),
                find("Content-Encoding"),
                find("Vary"),
                body,
            )
        };
        let wasm_type = Some("application/wasm".to_owned());
        let vary = Some("Accept-Encoding".to_owned());

        let (ct, ce, v, body) = get("/w/x.wasm", Some("gzip, deflate, br"));
        assert_eq!((&ct, ce.as_deref(), &v), (&wasm_type, Some("br"), &vary));
        assert_eq!(crate::dist::compress::unbrotli(&body).unwrap(), wasm);

        let (ct, ce, v, body) = get("/w/x.wasm?v=1", Some("gzip"));
        assert_eq!((&ct, ce.as_deref(), &v), (&wasm_type, Some("gzip"), &vary));
        assert_eq!(crate::dist::compress::gunzip(&body).unwrap(), wasm);

        let (ct, ce, v, body) = get("/w/x.wasm", None);
        assert_eq!((&ct, ce, &v), (&wasm_type, None, &vary));
        assert_eq!(body, wasm);

        // A file without variants: as it is, and no Vary.
        let (ct, ce, v, body) = get("/", Some("br"));
        assert_eq!(ct.as_deref(), Some("text/html; charset=utf-8"));
        assert_eq!((ce, v), (None, None));
        assert_eq!(body, b"<p>demo</p>");

        assert_eq!(respond(&dir, "/../etc/passwd", None).status_code().0, 404);
        assert_eq!(
            respond(&dir, "/missing.js", Some("br")).status_code().0,
            404
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
