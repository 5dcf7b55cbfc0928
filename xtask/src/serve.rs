//! A static file server for `dist/` on loopback.

use std::path::{Component, Path, PathBuf};

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

/// Maps a request path to a file under `dir`, refusing anything that climbs out of it.
pub fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut file = dir.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => file.push(p),
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

pub fn serve(dir: &Path, port: u16) -> Result {
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("Serving the demo at http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    for request in server.incoming_requests() {
        let response = match resolve(dir, request.url())
            .and_then(|f| std::fs::read(&f).ok().map(|b| (f, b)))
        {
            Some((file, body)) => {
                let header = tiny_http::Header::from_bytes("Content-Type", content_type(&file))
                    .expect("valid header");
                tiny_http::Response::from_data(body).with_header(header)
            }
            None => tiny_http::Response::from_string("not found").with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}
