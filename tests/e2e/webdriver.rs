//! Just enough of the W3C WebDriver protocol to drive Debian's Chromium through chromedriver,
//! plus chromedriver's browser-log endpoint (console errors) and DevTools commands (phone size,
//! dark mode), which the WebDriver client crates do not cover.

use base64::Engine;
use serde_json::{json, Value};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Driver {
    process: Child,
    session: String,
}

#[derive(Clone, Debug)]
pub struct Element(String);

impl Driver {
    /// Starts chromedriver on a free port and a headless Chromium session with a fresh profile.
    pub fn start() -> Driver {
        Driver::start_with(&[])
    }

    /// [`Driver::start`], with more Chromium flags.
    pub fn start_with(flags: &[&str]) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let process = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {chromedriver}: {e} (scripts/setup installs it)"));
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while ureq::get(&format!("{base}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = std::env::temp_dir().join(format!("quarterly-e2e-{port}"));
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1280,900".into(),
            format!("--user-data-dir={}", profile.display()),
        ];
        args.extend(flags.iter().map(|flag| flag.to_string()));
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": args
            }
        }}});
        let response: Value =
            ureq::post(&format!("{base}/session")).send_json(capabilities).expect("new session").into_json().unwrap();
        let id = response["value"]["sessionId"].as_str().expect("session id").to_string();
        Driver { process, session: format!("{base}/session/{id}") }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.session);
        let request = ureq::request(method, &url);
        let result = match body {
            Some(body) => request.send_json(body),
            None => request.call(),
        };
        match result {
            Ok(response) => response.into_json::<Value>().unwrap()["value"].take(),
            Err(ureq::Error::Status(code, response)) => {
                let text = response.into_string().unwrap_or_default();
                panic!("WebDriver {method} {path} failed ({code}): {text}")
            }
            Err(error) => panic!("WebDriver {method} {path}: {error}"),
        }
    }

    fn try_call(&self, method: &str, path: &str, body: Value) -> Option<Value> {
        let url = format!("{}{path}", self.session);
        ureq::request(method, &url).send_json(body).ok().map(|r| r.into_json::<Value>().unwrap()["value"].take())
    }

    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn url(&self) -> String {
        self.call("GET", "/url", None).as_str().unwrap().to_string()
    }

    pub fn back(&self) {
        self.call("POST", "/back", Some(json!({})));
    }

    pub fn forward(&self) {
        self.call("POST", "/forward", Some(json!({})));
    }

    pub fn refresh(&self) {
        self.call("POST", "/refresh", Some(json!({})));
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let found = self.call("POST", "/elements", Some(json!({"using": "css selector", "value": css})));
        found.as_array().unwrap().iter().map(|e| Element(e[ELEMENT_KEY].as_str().unwrap().to_string())).collect()
    }

    /// Waits up to 10 s for an element.
    pub fn wait(&self, css: &str) -> Element {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.try_call("POST", "/element", json!({"using": "css selector", "value": css}));
            if let Some(id) = found.as_ref().and_then(|v| v[ELEMENT_KEY].as_str()) {
                return Element(id.to_string());
            }
            assert!(Instant::now() < deadline, "no element {css} on {} after 10 s", self.url());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits up to 10 s until `check` holds, failing with `what`.
    pub fn wait_until(&self, what: &str, mut check: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !check() {
            assert!(Instant::now() < deadline, "timed out waiting for {what} on {}", self.url());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Continues in an iframe's document.
    pub fn enter_frame(&self, frame: &Element) {
        self.call("POST", "/frame", Some(json!({ "id": { ELEMENT_KEY: frame.0 } })));
    }

    /// Back to the parent document.
    pub fn leave_frame(&self) {
        self.call("POST", "/frame/parent", Some(json!({})));
    }

    pub fn click(&self, element: &Element) {
        self.call("POST", &format!("/element/{}/click", element.0), Some(json!({})));
    }

    pub fn type_text(&self, element: &Element, text: &str) {
        self.call("POST", &format!("/element/{}/value", element.0), Some(json!({ "text": text })));
    }

    pub fn text(&self, element: &Element) -> String {
        self.call("GET", &format!("/element/{}/text", element.0), None).as_str().unwrap_or_default().to_string()
    }

    pub fn attribute(&self, element: &Element, name: &str) -> Option<String> {
        self.call("GET", &format!("/element/{}/attribute/{name}", element.0), None).as_str().map(str::to_string)
    }

    pub fn property(&self, element: &Element, name: &str) -> Value {
        self.call("GET", &format!("/element/{}/property/{name}", element.0), None)
    }

    pub fn execute(&self, script: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": [] })))
    }

    /// Presses keys on whatever has focus, as a keyboard user would ("\u{E004}" is Tab).
    pub fn press(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|key| {
                [
                    json!({"type": "keyDown", "value": key.to_string()}),
                    json!({"type": "keyUp", "value": key.to_string()}),
                ]
            })
            .collect();
        self.call(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// Runs an asynchronous script; it gets a `done` callback as its last argument.
    pub fn execute_async(&self, script: &str) -> Value {
        self.call("POST", "/execute/async", Some(json!({ "script": script, "args": [] })))
    }

    /// The browser console since the last call (chromedriver keeps it per session).
    pub fn console(&self) -> Vec<(String, String)> {
        let entries = self.call("POST", "/se/log", Some(json!({ "type": "browser" })));
        entries
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        (e["level"].as_str().unwrap_or("").to_string(), e["message"].as_str().unwrap_or("").to_string())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A Chrome DevTools command, through chromedriver.
    pub fn devtools(&self, command: &str, params: Value) -> Value {
        self.call("POST", "/goog/cdp/execute", Some(json!({ "cmd": command, "params": params })))
    }

    /// Emulates a viewport width (CSS px) and the system colour scheme.
    pub fn emulate(&self, width: u32, height: u32, dark: bool) {
        self.devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}),
        );
        let scheme = if dark { "dark" } else { "light" };
        self.devtools(
            "Emulation.setEmulatedMedia",
            json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]}),
        );
    }

    /// A full-page screenshot as PNG bytes, at the emulated width.
    pub fn screenshot(&self, width: u32) -> Vec<u8> {
        let height = self.execute("return Math.ceil(document.documentElement.scrollHeight)").as_u64().unwrap_or(900);
        self.devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height.min(6000), "deviceScaleFactor": 1, "mobile": width < 600}),
        );
        let data = self.call("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD.decode(data.as_str().unwrap()).unwrap()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = ureq::delete(&self.session).call();
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}
