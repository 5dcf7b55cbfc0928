//! The loopback HTTP/1.1 server under `cargo xtask serve`, the benchmark and the e2e tests
//! (`tests/support` includes this file with `#[path]`: a test crate cannot depend on a binary).
//! Each caller says how to answer a request; this file reads requests and writes answers.
//!
//! One thread per connection. tiny_http builds and writes the responses, but its own server
//! is not used: it hands connections to a pool that can leave a new keep-alive connection
//! unread while others stay open (a page's parallel downloads were enough for one request
//! never to be answered).

use std::io::{BufRead, Read};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// One request's line and headers.
pub struct Request {
    pub method: String,
    /// As sent: path, query and all.
    pub url: String,
    pub headers: Vec<tiny_http::Header>,
}

impl Request {
    /// The value of the header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    }

    /// The URL without its query or fragment.
    pub fn path(&self) -> &str {
        self.url.split(['?', '#']).next().unwrap_or("/")
    }
}

/// Answers every connection to `listener` on a thread of its own with `answer` (None: close
/// the connection without an answer), until the process ends.
pub fn accept<R, F>(listener: TcpListener, answer: F)
where
    R: Read,
    F: Fn(&Request) -> Option<tiny_http::Response<R>> + Send + Sync + 'static,
{
    let answer = Arc::new(answer);
    for stream in listener.incoming().flatten() {
        let answer = answer.clone();
        std::thread::spawn(move || serve_connection(stream, &*answer));
    }
}

/// Answers the requests of one connection until the client closes it or asks to.
fn serve_connection<R: Read>(
    stream: TcpStream,
    answer: &dyn Fn(&Request) -> Option<tiny_http::Response<R>>,
) {
    let _ = stream.set_nodelay(true);
    let Ok(writer) = stream.try_clone() else {
        return;
    };
    let mut reader = std::io::BufReader::new(stream);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (Some(method), Some(url)) = (parts.next(), parts.next()) else {
            return;
        };
        let mut request = Request {
            method: method.to_owned(),
            url: url.to_owned(),
            headers: Vec::new(),
        };
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let text = line.trim_end();
            if text.is_empty() {
                break;
            }
            if let Some((name, value)) = text.split_once(':') {
                if let Ok(h) = tiny_http::Header::from_bytes(name.trim(), value.trim()) {
                    request.headers.push(h);
                }
            }
        }
        let Some(response) = answer(&request) else {
            return;
        };
        let head = request.method == "HEAD";
        if response
            .raw_print(
                &writer,
                tiny_http::HTTPVersion(1, 1),
                &request.headers,
                head,
                None,
            )
            .is_err()
            || request
                .header("Connection")
                .is_some_and(|c| c.eq_ignore_ascii_case("close"))
        {
            return;
        }
    }
}

/// Maps a request's URL to a file under `dir`, refusing anything that climbs out of it; a
/// directory means its `index.html`.
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
