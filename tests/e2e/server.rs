//! A static file server for `dist/` on 127.0.0.1, the way a plain static host serves it: under a
//! sub-path, `name.html` for `/name` (as Netlify, Cloudflare Pages and GitHub Pages do), with
//! `404.html` (status 404) for unknown paths, and with faults that tests switch on for one file
//! (an error status, a broken body, an HTML page).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// What the server sends instead of a file.
#[derive(Clone, Debug)]
pub enum Fault {
    Status(u16),
    Body(&'static str),
    /// The real file, after a delay (milliseconds).
    Slow(u64),
}

pub struct Server {
    pub origin: String,
    pub prefix: String,
    faults: Arc<Mutex<HashMap<String, Fault>>>,
    headers: Arc<Mutex<Vec<(String, String)>>>,
    app_page_only: Arc<AtomicBool>,
}

impl Server {
    /// Serves `root` at `http://127.0.0.1:<free port><prefix>`.
    pub fn start(root: &Path, prefix: &str) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let faults: Arc<Mutex<HashMap<String, Fault>>> = Arc::default();
        // What a static host for the site sends: the strict policy, and CORS for the data and
        // the custom element's files (read by other sites).
        let headers = Arc::new(Mutex::new(vec![
            ("Content-Security-Policy".to_string(), site_csp("'none'")),
            ("Access-Control-Allow-Origin".to_string(), "*".to_string()),
        ]));
        let app_page_only = Arc::new(AtomicBool::new(false));
        let (root, shared_prefix, shared_faults, shared_headers, shared_app_page_only) =
            (root.to_path_buf(), prefix.to_string(), faults.clone(), headers.clone(), app_page_only.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, prefix, faults, headers, app_page_only) = (
                    root.clone(),
                    shared_prefix.clone(),
                    shared_faults.clone(),
                    shared_headers.clone(),
                    shared_app_page_only.clone(),
                );
                thread::spawn(move || {
                    let headers = headers.lock().unwrap().clone();
                    let _ = handle(stream, &root, &prefix, &faults, &headers, app_page_only.load(Ordering::SeqCst));
                });
            }
        });
        Server { origin, prefix: prefix.to_string(), faults, headers, app_page_only }
    }

    /// Serves the plain app page (`404.html`) for every page address instead of its pre-rendered
    /// page (`on`): the app then loads its data itself, so tests can break that loading.
    pub fn serve_app_page_only(&self, on: bool) {
        self.app_page_only.store(on, Ordering::SeqCst);
    }

    /// Replaces (or adds) a response header.
    pub fn set_header(&self, name: &str, value: &str) {
        let mut headers = self.headers.lock().unwrap();
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        headers.push((name.to_string(), value.to_string()));
    }

    /// The site's base address, with the trailing slash.
    pub fn base(&self) -> String {
        format!("{}{}", self.origin, self.prefix)
    }

    /// The full URL of a path below the site's prefix.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.origin, self.prefix, path.trim_start_matches('/'))
    }

    /// Makes requests for `path` (below the prefix) fail with `fault` until cleared.
    pub fn set_fault(&self, path: &str, fault: Fault) {
        self.faults.lock().unwrap().insert(path.to_string(), fault);
    }

    pub fn clear_faults(&self) {
        self.faults.lock().unwrap().clear();
    }
}

fn handle(
    mut stream: TcpStream,
    root: &Path,
    prefix: &str,
    faults: &Mutex<HashMap<String, Fault>>,
    headers: &[(String, String)],
    app_page_only: bool,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(relative) = path.strip_prefix(prefix).or_else(|| (path.to_string() + "/" == prefix).then_some("")) else {
        return respond(&mut stream, 404, "text/plain", b"outside the site", headers);
    };
    let relative = percent_decode(relative);
    let fault = faults.lock().unwrap().get(&relative).cloned();
    match fault {
        Some(Fault::Status(code)) => return respond(&mut stream, code, "text/plain", b"injected failure", headers),
        Some(Fault::Body(body)) => return respond(&mut stream, 200, content_type(&relative), body.as_bytes(), headers),
        Some(Fault::Slow(millis)) => thread::sleep(std::time::Duration::from_millis(millis)),
        None => {}
    }
    let is_page = !relative.rsplit('/').next().unwrap_or("").contains('.');
    if app_page_only && is_page {
        let page = std::fs::read(root.join("404.html")).unwrap_or_default();
        return respond(&mut stream, 404, "text/html; charset=utf-8", &page, headers);
    }
    let file: PathBuf = if relative.is_empty() {
        root.join("index.html")
    } else if is_page {
        root.join(format!("{relative}.html"))
    } else {
        root.join(&relative)
    };
    // Only plain names below the root: no "..", no absolute path that would replace the root.
    let safe = Path::new(&relative).components().all(|c| matches!(c, std::path::Component::Normal(_)));
    match (safe, std::fs::read(&file)) {
        (true, Ok(bytes)) if file.is_file() => {
            respond(&mut stream, 200, content_type(&file.to_string_lossy()), &bytes, headers)
        }
        _ => {
            let page = std::fs::read(root.join("404.html")).unwrap_or_default();
            respond(&mut stream, 404, "text/html; charset=utf-8", &page, headers)
        }
    }
}

/// The strict policy the built site must run under, with who may frame it.
pub fn site_csp(frame_ancestors: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors {frame_ancestors}"
    )
}

fn respond(
    stream: &mut TcpStream,
    code: u16,
    content_type: &str,
    body: &[u8],
    headers: &[(String, String)],
) -> std::io::Result<()> {
    let extra: String = headers.iter().map(|(name, value)| format!("{name}: {value}\r\n")).collect();
    let head = format!(
        "HTTP/1.1 {code} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{extra}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" | "" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        // What static hosts send for .xml (the feeds, the sitemap).
        "xml" => "application/xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
