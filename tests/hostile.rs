//! Hostile and broken report data, rendered in headless Chromium: each case states its outcome.
//! Unusable data gives a specific message naming the file; usable data renders, as text; nothing
//! executes and nothing panics. (Network failures, slow responses and a catalog pointing at
//! missing reports are end-to-end cases in tests/e2e.)
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use quarterly::app::api::{decode, FetchError};
use quarterly::app::views::report_view::ReportView;
use quarterly::app::{ReadyCatalog, ViewContext};
use quarterly_core::model::{Catalog, Report};
use quarterly_core::url_state::ViewOptions;
use serde_json::{json, Value};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const REPORT_JSON: &str = include_str!("../public/data/alpha-omega/2025-q2.json");
const CATALOG_JSON: &str = include_str!("../public/data/index.json");
const FILE: &str = "data/alpha-omega/2025-q2.json";

fn bundled() -> Value {
    serde_json::from_str(REPORT_JSON).unwrap()
}

/// What a case must come to.
enum Expect {
    /// Decoding fails with a message that names the file and contains these words.
    Rejected(&'static str),
    /// The report renders; the check runs on the rendered DOM.
    Renders(fn(&Element)),
}

async fn settle() {
    for _ in 0..4 {
        leptos::task::tick().await;
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

/// Nothing a report says may become an element that runs or loads something.
fn assert_inert(root: &Element) {
    for tag in ["script", "img", "iframe", "object", "embed", "style", "link", "frame", "video", "audio"] {
        assert!(all(root, tag).is_empty(), "a <{tag}> element came from report data");
    }
    for anchor in all(root, "a") {
        let href = anchor.get_attribute("href").unwrap_or_default().to_ascii_lowercase();
        let safe = href.starts_with("http://")
            || href.starts_with("https://")
            || href.starts_with("mailto:")
            || href.starts_with('/');
        assert!(safe, "unsafe link rendered: {href}");
    }
    for element in all(root, "*") {
        let names = element.get_attribute_names();
        for index in 0..names.length() {
            let name = names.get(index).as_string().unwrap_or_default();
            assert!(!name.starts_with("on"), "event handler attribute {name} rendered");
        }
    }
}

async fn run(name: &str, text_json: String, expect: Expect) {
    let decoded: Result<Report, FetchError> = decode(FILE, &text_json);
    match (decoded, expect) {
        (Err(error), Expect::Rejected(words)) => {
            let message = format!("{error} {}", error.detail().unwrap_or(""));
            assert!(message.contains("alpha-omega/2025-q2.json"), "{name}: {message}");
            assert!(message.to_lowercase().contains(words), "{name}: {message:?} lacks {words:?}");
        }
        (Ok(report), Expect::Renders(check)) => {
            let document = document();
            let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
            document.body().unwrap().append_child(&root).unwrap();
            let catalog: Arc<Catalog> = Arc::new(serde_json::from_str(CATALOG_JSON).unwrap());
            let report = Arc::new(report);
            let mounted = leptos::mount::mount_to(root.clone(), move || {
                let (report, catalog) = (report.clone(), catalog.clone());
                view! {
                    <Router>
                        {provide_context(ViewContext(Memo::new(|_| ViewOptions::default())));
                        provide_context(ReadyCatalog(catalog));
                        view! { <ReportView report=report /> }}
                    </Router>
                }
            });
            settle().await;
            assert_inert(&root);
            check(&root);
            drop(mounted);
            root.remove();
        }
        (Err(error), Expect::Renders(_)) => panic!("{name}: expected to render, got {error}"),
        (Ok(_), Expect::Rejected(words)) => panic!("{name}: expected a rejection mentioning {words:?}"),
    }
}

fn with(change: impl FnOnce(&mut Value)) -> String {
    let mut report = bundled();
    change(&mut report);
    report.to_string()
}

fn kr(objective: usize, index: usize) -> String {
    format!("/objectives/{objective}/key_results/{index}")
}

fn set(report: &mut Value, pointer: &str, value: Value) {
    *report.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = value;
}

fn kr_text(report: &mut Value, text: &str) {
    set(report, &format!("{}/text", kr(0, 0)), json!([{ "type": "text", "text": text }]));
}

fn link(report: &mut Value, url: &str) {
    set(
        report,
        "/overview/0/content",
        json!([{ "type": "link", "url": url, "children": [{ "type": "text", "text": "click me" }] }]),
    );
}

/// The key-result rows a reader sees: the table keeps the rows it has built, hidden while off
/// the page.
const SHOWN_ROWS: &str = "tr.key-result:not([hidden])";

fn rows(root: &Element) -> usize {
    all(root, SHOWN_ROWS).len()
}

// Long by design: a catalogue, one line per case with its expected outcome.
#[wasm_bindgen_test]
async fn hostile_and_broken_data_catalogue() {
    let cases: Vec<(&str, String, Expect)> = vec![
        // Unusable data: a specific message.
        ("truncated JSON", REPORT_JSON[..REPORT_JSON.len() / 2].to_string(), Expect::Rejected("eof")),
        ("empty file", String::new(), Expect::Rejected("eof")),
        ("wrong type: quarter as text", with(|r| set(r, "/period/quarter", json!("two"))), Expect::Rejected("invalid type")),
        ("wrong type: objectives as object", with(|r| set(r, "/objectives", json!({"1": "x"}))), Expect::Rejected("invalid type")),
        ("missing required field", with(|r| { r.as_object_mut().unwrap().remove("title"); }), Expect::Rejected("missing field `title`")),
        ("HTML error page served as JSON", "<!DOCTYPE html><title>502 Bad Gateway</title>".into(), Expect::Rejected("web page")),
        ("deep nesting beyond the decoder's limit", {
            let mut block = json!({"type": "paragraph", "content": [{"type": "text", "text": "deep"}]});
            for _ in 0..300 { block = json!({"type": "quote", "blocks": [block]}); }
            with(|r| set(r, "/overview", json!([block])))
        }, Expect::Rejected("recursion limit")),
        ("unknown inline type", with(|r| set(r, "/overview/0/content", json!([{"type": "marquee", "text": "x"}]))), Expect::Rejected("unknown variant")),
        // Usable data: shown, safely.
        ("unknown status kind from newer data", with(|r| set(r, &format!("{}/status", kr(0, 0)), json!({"kind": "purple", "written": "Purple"}))),
            Expect::Renders(|root| assert!(text(root).contains("Unknown: Purple")))),
        ("missing optional sections", json!({"format": 1, "source": "x.md", "initiative": {"name": "X", "slug": "x"}, "period": {"year": 2025, "quarter": 2}, "title": "Bare"}).to_string(),
            Expect::Renders(|root| { assert!(text(root).contains("Bare")); assert_eq!(rows(root), 0); })),
        ("extra unknown fields", with(|r| { r["sparkles"] = json!(true); r["objectives"][0]["colour"] = json!("red"); }),
            Expect::Renders(|root| assert_eq!(rows(root), 16))),
        ("duplicate key-result ids", with(|r| set(r, &format!("{}/id", kr(0, 1)), json!("1.1"))),
            Expect::Renders(|root| assert_eq!(all(root, "tr[data-kr='1.1']").len(), 2))),
        ("empty ids", with(|r| { set(r, &format!("{}/id", kr(0, 0)), json!("")); set(r, "/objectives/1/id", json!("")); }),
            Expect::Renders(|root| assert_eq!(rows(root), 16))),
        ("zero-width characters in ids", with(|r| set(r, &format!("{}/id", kr(0, 0)), json!("1\u{200b}.1\u{200d}"))),
            Expect::Renders(|root| assert!(all(root, SHOWN_ROWS)[0].text_content().unwrap().contains("1\u{200b}.1")))),
        ("an objective with no key results", with(|r| set(r, "/objectives/2/key_results", json!([]))),
            Expect::Renders(|root| { assert_eq!(rows(root), 13); assert!(text(root).contains("No key results listed")); })),
        ("no status at all", with(|r| set(r, &format!("{}/status", kr(0, 0)), Value::Null)),
            Expect::Renders(|root| assert!(text(root).contains("No status")))),
        ("10 MB of text in one field", with(|r| kr_text(r, &"ten megabytes ".repeat(750_000))),
            Expect::Renders(|root| assert!(all(root, SHOWN_ROWS)[0].text_content().unwrap().len() > 10_000_000))),
        ("javascript: link", with(|r| link(r, "javascript:alert(document.cookie)")),
            Expect::Renders(|root| assert!(all(root, ".unsafe-link").iter().any(|e| e.text_content().unwrap() == "click me")))),
        ("javascript: link in disguise", with(|r| link(r, "  JaVaScRiPt:alert(1)")),
            Expect::Renders(|root| assert!(!all(root, ".unsafe-link").is_empty()))),
        ("data: link", with(|r| link(r, "data:text/html,<script>alert(1)</script>")),
            Expect::Renders(|root| assert!(!all(root, ".unsafe-link").is_empty()))),
        ("vbscript: link", with(|r| link(r, "vbscript:msgbox(1)")),
            Expect::Renders(|root| assert!(!all(root, ".unsafe-link").is_empty()))),
        ("javascript: news link", with(|r| set(r, "/news/0/url", json!("javascript:alert(1)"))),
            Expect::Renders(|root| assert_eq!(all(root, "#news a").len(), 6))),
        ("HTML in text", with(|r| kr_text(r, "<img src=x onerror=alert(1)><b>bold?</b>")),
            Expect::Renders(|root| assert!(text(root).contains("<img src=x onerror=alert(1)><b>bold?</b>")))),
        ("script in text and in a status", with(|r| { kr_text(r, "<script>window.hacked = 1</script>"); set(r, &format!("{}/status", kr(0, 1)), json!({"kind": "unknown", "written": "<script>x</script>"})); }),
            Expect::Renders(|root| { assert!(text(root).contains("<script>window.hacked = 1</script>")); assert!(text(root).contains("Unknown: <script>x</script>")); })),
        ("HTML in a title and a heading", with(|r| { r["title"] = json!("<h1 onclick=x>T</h1>"); set(r, "/overview/0", json!({"type": "heading", "level": 9, "content": [{"type": "text", "text": "<i>h</i>"}]})); }),
            Expect::Renders(|root| assert!(text(root).contains("<h1 onclick=x>T</h1>")))),
        ("right-to-left and combining characters", with(|r| kr_text(r, "\u{202e}txet desrever \u{5e9}\u{5dc}\u{5d5}\u{5dd} e\u{301}\u{301}\u{301}")),
            Expect::Renders(|root| assert!(text(root).contains("\u{5e9}\u{5dc}\u{5d5}\u{5dd} e\u{301}\u{301}\u{301}")))),
        ("emoji", with(|r| kr_text(r, "Ship it 🚢👩🏽‍💻🏳️‍🌈")),
            Expect::Renders(|root| assert!(text(root).contains("👩🏽‍💻")))),
        ("a heading level out of range", with(|r| set(r, "/overview/0", json!({"type": "heading", "level": 255, "content": [{"type": "text", "text": "h"}]}))),
            Expect::Renders(|root| assert!(!all(root, "#overview h6").is_empty()))),
        ("a huge table", with(|r| set(r, "/overview/0", json!({"type": "table", "header": [], "rows": vec![vec![json!([{"type": "text", "text": "cell"}]); 50]; 200]}))),
            Expect::Renders(|root| assert_eq!(all(root, "#overview td").len(), 10_000))),
    ];
    assert!(cases.len() >= 25);
    for (name, json, expect) in cases {
        run(name, json, expect).await;
    }
    // Nothing above ran: a script would have set this.
    let hacked = js_sys::Reflect::get(&window(), &"hacked".into()).unwrap();
    assert!(hacked.is_undefined());
}

#[wasm_bindgen_test]
fn a_catalog_cannot_point_outside_the_data_folder() {
    use quarterly::app::api::report_url;
    assert_eq!(report_url("alpha-omega/2025-q2.json").unwrap(), "data/alpha-omega/2025-q2.json");
    for path in [
        "../index.html",
        "%2e%2e/x.json",
        "a/./b.json",
        "/etc/passwd",
        "https://evil.example/x.json",
        "a\\b.json",
        "a/\t../b",
        "",
    ] {
        let error = report_url(path).expect_err(path);
        assert!(error.to_string().contains("data/index.json"), "{path}: {error}");
    }
}
