//! End-to-end: build the release site with Trunk, serve `dist/` on 127.0.0.1 under a sub-path
//! the way a static host would, and drive Debian's Chromium through WebDriver.
//!
//! Run with `cargo test --test e2e -- --test-threads=1` (scripts/test does). Screenshots of
//! every view go to tests/screenshots/.

mod server;
mod site;
mod webdriver;
mod wordpress;

use quarterly_core::model::Report;
use server::{Fault, Server};
use site::root;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use webdriver::Driver;

/// Where the site is hosted in these tests: not at the root, to prove sub-path hosting works.
const PREFIX: &str = "/quarterly/";
const REPORT_FILE: &str = "data/alpha-omega/2025-q2.json";
/// The report the project was first asked to show, at the address it has always had.
const REPORT: &str = "alpha-omega/2025-q2";

/// Builds the release site once for all tests.
fn dist() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| {
        let dist = root().join("target/e2e-dist");
        site::build(&dist, PREFIX);
        assert!(dist.join("404.html").is_file(), "the 404.html fallback is missing");
        dist
    })
}

fn site() -> Server {
    Server::start(dist(), PREFIX)
}

#[test]
fn the_feeds_parse_as_atom_with_a_real_parser_and_lead_to_the_reports() {
    let site = site();
    // feedparser (PyPI), installed by scripts/setup: a reader's view of the feed, not ours.
    let script = "import json, sys, feedparser\n\
                  d = feedparser.parse(sys.argv[1])\n\
                  print(json.dumps({'bozo': bool(d.bozo), 'version': d.version, 'title': d.feed.get('title'),\n\
                  'entries': [{'title': e.title, 'link': e.link, 'summary': e.get('summary', ''), 'updated': e.updated}\n\
                  for e in d.entries]}))";
    let parse = |feed: &str| -> serde_json::Value {
        let output = std::process::Command::new(root().join(".tools/venv/bin/python"))
            .args(["-c", script, &site.url(feed)])
            .output()
            .expect("feedparser is not installed: run scripts/setup");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let catalog: quarterly_core::model::Catalog =
        serde_json::from_str(&std::fs::read_to_string(dist().join("data/index.json")).unwrap()).unwrap();
    let all = parse("feed.xml");
    assert_eq!(all["bozo"], false, "{all}");
    assert_eq!(all["version"], "atom10");
    let entries = all["entries"].as_array().unwrap();
    assert_eq!(entries.len(), catalog.reports.len());
    // Newest first; each links to its report page, which the site serves with that title.
    let newest = catalog.periods()[0];
    assert!(entries[0]["updated"].as_str().unwrap().starts_with(&newest.year.to_string()), "{}", entries[0]);
    let public = format!("{}{PREFIX}", site::ORIGIN);
    for entry in entries.iter().take(5) {
        let link = entry["link"].as_str().unwrap();
        let path = link.strip_prefix(&public).unwrap_or_else(|| panic!("{link} is not under {public}"));
        let page = ureq::get(&site.url(path)).call().unwrap().into_string().unwrap();
        let title = entry["title"].as_str().unwrap();
        assert!(page.contains(&format!("<h1>{}</h1>", title.replace('&', "&amp;"))), "{link}: no {title}");
    }
    let alpha_omega = parse("alpha-omega/feed.xml");
    assert_eq!(alpha_omega["bozo"], false, "{alpha_omega}");
    let report = bundled_report();
    let entry =
        alpha_omega["entries"].as_array().unwrap().iter().find(|e| e["title"] == report.title.as_str()).unwrap();
    assert!(entry["summary"].as_str().unwrap().starts_with("Alpha-Omega is fully funded for 2025"), "{entry}");
    // Every page says where its feeds are.
    let page = ureq::get(&site.url(REPORT)).call().unwrap().into_string().unwrap();
    assert!(page.contains(&format!("href=\"{PREFIX}alpha-omega/feed.xml\"")), "no feed link");
}

fn bundled_report() -> Report {
    serde_json::from_str(&std::fs::read_to_string(root().join("public").join(REPORT_FILE)).unwrap()).unwrap()
}

/// The key-result rows a reader sees: the table keeps the rows it has built, hidden while off
/// the page.
const SHOWN_ROWS: &str = "tr.key-result:not([hidden])";

fn row_ids(driver: &Driver) -> Vec<String> {
    driver.find_all(SHOWN_ROWS).iter().filter_map(|row| driver.attribute(row, "data-kr")).collect()
}

/// Opens a page of the site and waits until the app has taken over the pre-rendered copy (when
/// there is one), so that the page answers to input.
fn open(driver: &Driver, url: &str) {
    driver.goto(url);
    wait_app(driver);
}

fn wait_app(driver: &Driver) {
    driver.wait_until("the app to take over the pre-rendered page", || {
        driver.execute("return document.getElementById('quarterly-preloaded') === null").as_bool() == Some(true)
    });
}

fn wait_rows(driver: &Driver, expected: usize) -> Vec<String> {
    driver.wait_until(&format!("{expected} key-result rows"), || driver.find_all(SHOWN_ROWS).len() == expected);
    row_ids(driver)
}

/// A deep link opened through the static host's 404.html fallback: Chromium logs the page's own
/// 404 status, which is how such hosts work (the page itself is the app and loads fine).
fn is_fallback_page_load(message: &str) -> bool {
    let url = message.split_whitespace().next().unwrap_or("");
    let last_segment = url.split('?').next().unwrap_or("").rsplit('/').next().unwrap_or("");
    message.contains("status of 404") && !last_segment.contains('.')
}

/// Console entries at error level, but for the requests a test made fail on purpose.
fn console_errors(driver: &Driver, expected_failures: &[&str]) -> Vec<String> {
    driver
        .console()
        .into_iter()
        .filter(|(level, message)| level == "SEVERE" && !expected_failures.iter().any(|f| message.contains(f)))
        .filter(|(_, message)| !is_fallback_page_load(message))
        .map(|(_, message)| message)
        .collect()
}

/// axe-core's violations on the current page (rule id, impact, first target and summary).
fn accessibility_violations(driver: &Driver) -> Vec<String> {
    static AXE: OnceLock<String> = OnceLock::new();
    let axe = AXE.get_or_init(|| {
        std::fs::read_to_string(root().join(".tools/node_modules/axe-core/axe.min.js"))
            .expect("axe-core is not installed: run scripts/setup")
    });
    if driver.execute("return typeof window.axe").as_str() != Some("object") {
        driver.execute(&format!("{axe}\nreturn null;"));
    }
    let result = driver.execute_async(
        "const done = arguments[arguments.length - 1]; \
         axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => \
           `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0].target.join(' ')}: ${v.nodes[0].failureSummary}`))) \
         .catch(e => done(['axe failed: ' + e]));",
    );
    result.as_array().unwrap().iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect()
}

/// Saves the current view at desktop and phone widths, light and dark, and audits each with
/// axe-core: any violation fails the test.
fn screenshots(driver: &Driver, name: &str) {
    let folder = root().join("tests/screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    for (width, height, size) in [(1280, 900, "desktop"), (375, 812, "phone")] {
        for dark in [false, true] {
            driver.emulate(width, height, dark);
            std::thread::sleep(std::time::Duration::from_millis(150));
            // Nothing may widen the page beyond the screen (a phone would zoom out).
            let page_width = driver.execute("return document.documentElement.scrollWidth").as_u64().unwrap_or(0);
            assert!(page_width <= width as u64, "{name} is {page_width}px wide at {width}px");
            let scheme = if dark { "dark" } else { "light" };
            let violations = accessibility_violations(driver);
            assert!(
                violations.is_empty(),
                "{name} ({width}px, {scheme}): accessibility violations:\n{}",
                violations.join("\n")
            );
            let png = driver.screenshot(width);
            std::fs::write(folder.join(format!("{name}-{size}-{scheme}.png")), png).unwrap();
        }
    }
    driver.emulate(1280, 900, false);
}

#[test]
fn every_key_result_is_shown_with_its_status_and_no_console_error() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url(REPORT));
    let rows = wait_rows(&driver, 16);
    let report = bundled_report();
    let expected: Vec<String> = report.key_results().map(|(_, kr)| kr.id.clone()).collect();
    assert_eq!(rows, expected);
    for (row, (_, kr)) in driver.find_all(SHOWN_ROWS).iter().zip(report.key_results()) {
        let badge = driver.text(row);
        let label = kr.status.as_ref().unwrap().kind.label();
        assert!(badge.contains(label), "KR {}: {badge:?} lacks {label}", kr.id);
    }
    assert_eq!(driver.text(&driver.wait("h1")), "2025 Q2 Alpha-Omega");
    assert_eq!(driver.execute("return document.title").as_str(), Some("2025 Q2 Alpha-Omega · quarterly"));
    screenshots(&driver, "report");
    let errors = console_errors(&driver, &[]);
    assert!(errors.is_empty(), "console errors on the happy path: {errors:?}");
}

/// A file of the build, by the start and end of its hashed name.
fn built_file(prefix: &str, suffix: &str) -> String {
    std::fs::read_dir(dist())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with(prefix) && name.ends_with(suffix) && !name.contains("element"))
        .unwrap_or_else(|| panic!("no {prefix}*{suffix} in the build"))
}

#[test]
fn the_pre_rendered_report_reads_without_javascript() {
    let site = site();
    let driver = Driver::start();
    driver.devtools("Emulation.setScriptExecutionDisabled", serde_json::json!({"value": true}));
    driver.goto(&site.url("alpha-omega/2025-q2"));
    let expected: Vec<String> = bundled_report().key_results().map(|(_, kr)| kr.id.clone()).collect();
    assert_eq!(row_ids(&driver), expected);
    assert_eq!(driver.text(&driver.wait("h1")), "2025 Q2 Alpha-Omega");
    assert_eq!(driver.find_all("#news a").len(), 7);
    assert!(driver.text(&driver.wait(".noscript")).contains("Filters need JavaScript"));
    // Scripts back on for the accessibility audit: the page's own scripts were skipped already.
    driver.devtools("Emulation.setScriptExecutionDisabled", serde_json::json!({"value": false}));
    assert!(driver.execute("return document.getElementById('quarterly-preloaded') !== null").as_bool().unwrap());
    screenshots(&driver, "no-javascript");
}

#[test]
fn the_app_takes_over_the_pre_rendered_page_without_a_visible_change() {
    let site = site();
    let driver = Driver::start();
    // What a reader sees before the app arrives: the app's code never comes.
    let glue = built_file("quarterly-", ".js");
    site.set_fault(&glue, Fault::Status(404));
    driver.goto(&site.url("alpha-omega/2025-q2"));
    assert_eq!(row_ids(&driver).len(), 16);
    assert!(driver.execute("return document.getElementById('quarterly-preloaded') !== null").as_bool().unwrap());
    // A view the address chooses (here a filter) is not this page's plain report: it stays
    // hidden until the app shows it, and is shown anyway if the app never comes.
    let visibility =
        || driver.execute("return getComputedStyle(document.body).visibility").as_str().unwrap_or_default().to_string();
    assert_eq!(visibility(), "visible");
    driver.goto(&site.url("alpha-omega/2025-q2?objective=2"));
    assert_eq!(visibility(), "hidden");
    driver.wait_until("the page to be shown without the app", || visibility() == "visible");
    driver.goto(&site.url("alpha-omega/2025-q2"));
    let folder = root().join("tests/screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for (width, height) in [(1280, 900), (375, 812)] {
        driver.emulate(width, height, false);
        before.push(driver.screenshot(width));
    }
    // Then the app, which takes over the same page.
    site.clear_faults();
    open(&driver, &site.url("alpha-omega/2025-q2"));
    assert_eq!(row_ids(&driver).len(), 16, "the static rows are replaced, not doubled");
    for (width, height) in [(1280, 900), (375, 812)] {
        driver.emulate(width, height, false);
        after.push(driver.screenshot(width));
    }
    for (index, (before, after)) in before.iter().zip(&after).enumerate() {
        if before != after {
            std::fs::write(folder.join(format!("takeover-{index}-before.png")), before).unwrap();
            std::fs::write(folder.join(format!("takeover-{index}-after.png")), after).unwrap();
            panic!("the page changed when the app took over: see tests/screenshots/takeover-{index}-*.png");
        }
    }
    // And the page now answers to input.
    driver.emulate(1280, 900, false);
    driver.click(&driver.wait("#text-filter"));
    driver.press("audit");
    assert_eq!(wait_rows(&driver, 1), vec!["3.3"]);
}

#[test]
fn objective_filter_lives_in_the_url_through_reload_back_and_forward() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url(REPORT));
    wait_rows(&driver, 16);
    let select = driver.wait("#objective-filter");
    driver.click(&select);
    driver.click(&driver.wait("#objective-filter option[value='2']"));
    assert_eq!(wait_rows(&driver, 3), vec!["2.1", "2.2", "2.3"]);
    driver.wait_until("the address with objective=2", || driver.url().contains("objective=2"));
    assert_eq!(driver.text(&driver.wait(".result-count")), "3 of 16 key results");
    screenshots(&driver, "filtered");

    driver.refresh();
    assert_eq!(wait_rows(&driver, 3), vec!["2.1", "2.2", "2.3"]);
    assert_eq!(driver.property(&driver.wait("#objective-filter"), "value").as_str(), Some("2"));

    driver.back();
    wait_rows(&driver, 16);
    assert!(!driver.url().contains("objective="), "{}", driver.url());
    driver.forward();
    assert_eq!(wait_rows(&driver, 3), vec!["2.1", "2.2", "2.3"]);
    assert!(driver.url().contains("objective=2"));
}

#[test]
fn a_copied_link_reopens_the_same_view_pre_rendered_or_through_the_static_fallback() {
    let site = site();
    let driver = Driver::start();
    for app_page_only in [false, true] {
        if app_page_only {
            // A host that serves only 404.html for this path: the app must boot on it.
            site.serve_app_page_only(true);
        }
        open(&driver, &site.url("alpha-omega/2025-q2?objective=4&status=on-target"));
        assert_eq!(wait_rows(&driver, 2), vec!["4.1", "4.4"]);
        let checked = driver.find_all("input[name='status']:checked");
        assert_eq!(checked.len(), 1);
        assert_eq!(driver.attribute(&checked[0], "value").as_deref(), Some("on-target"));
        // The filtered view was hidden, not shown unfiltered first, and is visible now.
        assert_eq!(
            driver.execute("return document.documentElement.classList.contains('q-pending')").as_bool(),
            Some(false)
        );
        let errors = console_errors(&driver, &[]);
        assert!(errors.is_empty(), "app page only: {app_page_only}: {errors:?}");
    }
}

#[test]
fn text_audit_leaves_exactly_kr_3_3() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url(REPORT));
    wait_rows(&driver, 16);
    let input = driver.wait("#text-filter");
    driver.type_text(&input, "audit");
    assert_eq!(wait_rows(&driver, 1), vec!["3.3"]);
    driver.wait_until("the address with q=audit", || driver.url().contains("q=audit"));
    // Keys typed faster than frames: the address follows the box, never the box the address.
    assert_eq!(driver.property(&input, "value").as_str(), Some("audit"));
    driver.type_text(&input, "zebra");
    driver.wait(".empty-state");
    assert!(driver.text(&driver.wait(".empty-state")).contains("auditzebra"));
    screenshots(&driver, "empty");
    driver.click(&driver.wait(".empty-state button"));
    wait_rows(&driver, 16);
    driver.wait_until("the address without q=", || !driver.url().contains("q="));
    // The whole search was one step of history: Back shows it, Back again the report before it.
    driver.back();
    driver.wait_until("the search again", || driver.url().contains("q=auditzebra"));
    assert_eq!(driver.property(&driver.wait("#text-filter"), "value").as_str(), Some("auditzebra"));
    driver.back();
    wait_rows(&driver, 16);
    driver.wait_until("the report before the search", || !driver.url().contains("q="));
}

/// Types "a" in the key-result search (a new step, in the address after the paint), then, in a
/// task after that paint, "audit" and `then` (JavaScript that may call `set(id, value, event)`)
/// at once, in one script so that no pause in typing can pass between them. Returns the
/// address's query right after.
fn search_then_at_once(driver: &Driver, then: &str) -> serde_json::Value {
    driver.execute_async(&format!(
        "const done = arguments[arguments.length - 1]; \
         const set = (id, value, kind) => {{ const e = document.getElementById(id); e.value = value; \
           e.dispatchEvent(new Event(kind, {{ bubbles: true }})); }}; \
         set('text-filter', 'a', 'input'); \
         requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {{ \
           set('text-filter', 'audit', 'input'); {then} done(location.search); }}, 0)));"
    ))
}

/// The address follows typing once it pauses; a new step taken before then (an objective picked
/// at once) still leaves the whole search in the step before it, for Back.
#[test]
fn a_search_followed_at_once_by_another_filter_stays_a_step_of_its_own() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url(REPORT));
    wait_rows(&driver, 16);
    search_then_at_once(&driver, "set('objective-filter', '3', 'change');");
    driver.wait_until("the address with objective=3", || driver.url().contains("objective=3&q=audit"));
    assert_eq!(wait_rows(&driver, 1), vec!["3.3"]);
    driver.back();
    driver.wait_until("the search without the objective", || {
        let url = driver.url();
        url.contains("q=audit") && !url.contains("objective=")
    });
    assert_eq!(driver.property(&driver.wait("#text-filter"), "value").as_str(), Some("audit"));
    assert_eq!(wait_rows(&driver, 1), vec!["3.3"]);
    // The search was written into its own step, not added as one more: Back again leaves it.
    driver.back();
    wait_rows(&driver, 16);
    driver.wait_until("the report before the search", || !driver.url().contains("q="));
}

/// A search box the reader leaves (for a link, say) writes its search into the address at once,
/// without waiting for the pause in typing.
#[test]
fn a_search_box_left_writes_its_search_at_once() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url(REPORT));
    wait_rows(&driver, 16);
    let search = search_then_at_once(&driver, "set('text-filter', 'audit', 'change');");
    assert_eq!(search.as_str(), Some("?q=audit"));
}

#[test]
fn every_news_link_is_an_anchor_with_the_right_href() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url(REPORT));
    driver.wait("#news a");
    let anchors = driver.find_all("#news a");
    let hrefs: Vec<String> = anchors.iter().filter_map(|a| driver.attribute(a, "href")).collect();
    let expected: Vec<String> = bundled_report().news.iter().map(|item| item.url.clone()).collect();
    assert_eq!(hrefs, expected);
    assert_eq!(hrefs.len(), 7);
    for anchor in &anchors {
        assert_eq!(driver.attribute(anchor, "rel").as_deref(), Some("noopener noreferrer"));
    }
}

#[test]
fn a_broken_report_shows_the_error_view_with_retry_and_no_panic() {
    let site = site();
    // The pre-rendered pages carry their data: the plain app page loads it, and can fail.
    site.serve_app_page_only(true);
    let driver = Driver::start();
    let cases = [
        (Fault::Status(500), "error 500"),
        (Fault::Status(404), "could not find"),
        (Fault::Body("{\"format\": 1, \"title\": "), "damaged"),
        (Fault::Body("{\"format\": \"one\"}"), "damaged"),
        (Fault::Body("<!DOCTYPE html><html><body>Oops</body></html>"), "web page"),
    ];
    for (index, (fault, words)) in cases.into_iter().enumerate() {
        site.set_fault(REPORT_FILE, fault.clone());
        open(&driver, &site.url("alpha-omega/2025-q2"));
        let panel = driver.wait(".error-panel");
        let message = driver.text(&panel);
        assert!(message.contains("alpha-omega/2025-q2.json"), "{fault:?}: {message}");
        assert!(message.to_lowercase().contains(words), "{fault:?}: {message}");
        // The rest of the page still works: the site header and the report's title are there.
        assert_eq!(driver.text(&driver.wait("h1")), "2025 Q2 Alpha-Omega");
        if index == 0 {
            screenshots(&driver, "error");
        }
        site.clear_faults();
        driver.click(&driver.wait(".error-panel button"));
        wait_rows(&driver, 16);
        let console = driver.console();
        assert!(!console.iter().any(|(_, m)| m.contains("panicked")), "{fault:?}: {console:?}");
    }
}

#[test]
fn a_slow_report_shows_the_loading_state_then_the_report() {
    let site = site();
    // The pre-rendered pages carry their data: the plain app page loads it, and can fail.
    site.serve_app_page_only(true);
    let driver = Driver::start();
    site.set_fault(REPORT_FILE, Fault::Slow(2500));
    open(&driver, &site.url(REPORT));
    let loading = driver.wait(".loading");
    assert_eq!(driver.text(&loading), "Loading the report…");
    assert_eq!(driver.attribute(&loading, "role").as_deref(), Some("status"));
    wait_rows(&driver, 16);
}

#[test]
fn a_missing_report_or_history_file_says_which_and_retry_recovers() {
    let site = site();
    // The pre-rendered pages carry their data: the plain app page loads it, and can fail.
    site.serve_app_page_only(true);
    let driver = Driver::start();
    site.set_fault("data/alpha-omega/2024-q4.json", Fault::Status(404));
    open(&driver, &site.url("alpha-omega/2024-q4"));
    let message = driver.text(&driver.wait(".error-panel"));
    assert!(message.contains("could not find data/alpha-omega/2024-q4.json"), "{message}");
    // The history view reads one file for every quarter: when it fails, it says which, and Retry
    // brings it back.
    site.set_fault("data/alpha-omega/history.json", Fault::Status(500));
    open(&driver, &site.url("alpha-omega/history"));
    let message = driver.text(&driver.wait(".history .error-panel"));
    assert!(message.contains("alpha-omega/history.json") && message.contains("500"), "{message}");
    site.clear_faults();
    driver.click(&driver.wait(".history .error-panel button"));
    driver.wait_until("the history of every quarter", || driver.find_all("tr.history-row").len() == 19);
    let errors = console_errors(&driver, &["2024-q4.json", "history.json"]);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_broken_catalog_shows_the_error_view_and_recovers() {
    let site = site();
    // The pre-rendered pages carry their data: the plain app page loads it, and can fail.
    site.serve_app_page_only(true);
    let driver = Driver::start();
    site.set_fault("data/index.json", Fault::Status(503));
    open(&driver, &site.url(REPORT));
    let message = driver.text(&driver.wait(".error-panel"));
    assert!(message.contains("Could not load the list of reports") && message.contains("503"), "{message}");
    site.clear_faults();
    driver.click(&driver.wait(".error-panel button"));
    wait_rows(&driver, 16);
}

#[test]
fn unknown_addresses_get_a_helpful_not_found_with_a_way_back() {
    let site = site();
    let driver = Driver::start();
    for (path, words) in [
        ("alpha-omega/2031-q1", "There is no 2031 Q1 report"),
        ("no-such-initiative/2025-q2", "no initiative called"),
        ("alpha-omega/summer", "not a quarter"),
        ("a/b/c", "does not match any page"),
    ] {
        open(&driver, &site.url(path));
        let text = driver.text(&driver.wait(".not-found"));
        assert!(text.contains(words), "{path}: {text}");
    }
    screenshots(&driver, "not-found");
    driver.click(&driver.wait(".not-found a"));
    driver.wait(".home");
    assert_eq!(driver.url(), site.url(""));
}

fn select(driver: &Driver, select: &str, value: &str) {
    driver.click(&driver.wait(select));
    driver.click(&driver.wait(&format!("{select} option[value='{value}']")));
}

#[test]
fn switching_quarter_and_initiative_keeps_the_filters_that_still_apply() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url("alpha-omega/2025-q2?objective=1&status=in-progress"));
    assert_eq!(wait_rows(&driver, 3), vec!["1.2", "1.3", "1.5"]);
    select(&driver, "#quarter-switch", "2025-q1");
    driver.wait_until("the 2025 Q1 report", || {
        driver.url().contains("/alpha-omega/2025-q1?objective=1&status=in-progress")
    });
    driver.wait_until("2025 Q1's title", || driver.text(&driver.wait("h1")) == "2025 Q1 Alpha-Omega");
    // In 2025 Q1 only KR 1.2 and 1.5 of objective 1 were in progress.
    assert_eq!(wait_rows(&driver, 2), vec!["1.2", "1.5"]);
    // Away from its pre-rendered page, a report is compared with the one before, fetched.
    driver.wait_until("the comparison with 2024 Q4", || {
        let since = driver.text(&driver.wait(".since"));
        since.starts_with("Since 2024 Q4") && !since.contains("Comparing") && !since.contains("Could not")
    });
    driver.click(&driver.wait("a.step[rel='next']"));
    driver.wait_until("2025 Q2 again", || driver.url().contains("/alpha-omega/2025-q2?objective=1"));
    assert_eq!(wait_rows(&driver, 3), vec!["1.2", "1.3", "1.5"]);
    select(&driver, "#initiative-switch", "sigstore");
    // Switching initiative lands on its newest report.
    driver.wait_until("the Sigstore report", || driver.text(&driver.wait("h1")) == "2026 Q1 Sigstore");
    assert!(
        driver.url().ends_with("/sigstore/2026-q1?status=in-progress"),
        "objective dropped, status kept: {}",
        driver.url()
    );
    assert!(driver.text(&driver.wait("article.report")).contains("Rekor v2"));
    let errors = console_errors(&driver, &[]);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn history_shows_every_key_result_and_leads_to_the_quarter_of_a_change() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url("alpha-omega/2025-q2"));
    wait_rows(&driver, 16);
    driver.click(&driver.wait("a[href$='alpha-omega/history']"));
    driver.wait_until("19 key-result tracks", || driver.find_all("tr.history-row").len() == 19);
    let headers: Vec<String> = driver.find_all(".history-table thead th a").iter().map(|a| driver.text(a)).collect();
    assert_eq!(headers, vec!["2024 Q2", "2024 Q4", "2025 Q1", "2025 Q2", "2025 Q3", "2026 Q1"]);
    // Objectives of 2026 Q1 have no key results: said in words, not shown as unknown statuses.
    assert_eq!(driver.find_all(".history-table .no-key-results").len(), 3);
    assert!(driver.find_all(".history-table .status-unknown").is_empty());
    screenshots(&driver, "history");
    // KR 2.2 went from Started to In progress in 2025 Q3: follow that change.
    let changed = driver.wait("tr.history-row[data-kr='2.2'] td.changed:nth-child(6) a");
    assert!(driver.text(&changed).contains("changed from Started"), "{}", driver.text(&changed));
    driver.click(&changed);
    driver.wait_until("the 2025 Q3 report", || driver.url().contains("/alpha-omega/2025-q3?q=KR+2.2"));
    assert_eq!(wait_rows(&driver, 1), vec!["2.2"]);
    assert!(driver.text(&driver.wait(SHOWN_ROWS)).contains("In progress"));
}

#[test]
fn a_chart_segment_filters_the_table_and_the_changes_since_last_quarter_are_listed() {
    let site = site();
    // The page carries its changes since 2025 Q1: that report is never needed.
    site.set_fault("data/alpha-omega/2025-q1.json", Fault::Status(404));
    let driver = Driver::start();
    open(&driver, &site.url("alpha-omega/2025-q2"));
    wait_rows(&driver, 16);
    driver.wait_until("the since-last-quarter list", || driver.find_all(".since .status-change").len() == 4);
    let since = driver.text(&driver.wait(".since"));
    assert!(since.contains("Since 2025 Q1") && since.contains("KR 2.2") && since.contains("Not started"), "{since}");
    let words = driver.text(&driver.wait(".glance-row[data-objective='2'] .glance-words"));
    assert_eq!(words, "2 started · 1 in progress");
    screenshots(&driver, "report-with-history");
    driver.click(&driver.wait(".glance-row[data-objective='2'] rect.status-started"));
    assert_eq!(wait_rows(&driver, 2), vec!["2.1", "2.2"]);
    driver.wait_until("the address with objective=2&status=started", || {
        driver.url().contains("objective=2&status=started")
    });
}

#[test]
fn search_finds_what_every_report_says_and_links_to_its_place() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url(REPORT));
    let input = driver.wait("#search-all");
    driver.type_text(&input, "auditing\n");
    driver.wait_until("search results", || !driver.find_all(".search-hit").is_empty());
    let reports: Vec<String> = driver.find_all(".search-report h2").iter().map(|h| driver.text(h)).collect();
    // KR 3.3 says "auditing" in 2025 Q1, Q2 and Q3 of Alpha-Omega; working groups say it too.
    for quarter in ["2025 Q1", "2025 Q2", "2025 Q3"] {
        assert!(reports.contains(&format!("Alpha-Omega · {quarter}")), "{reports:?}");
    }
    assert!(reports.iter().any(|r| !r.starts_with("Alpha-Omega")), "working-group text is searched: {reports:?}");
    let marked: Vec<String> =
        driver.find_all(".search-hit mark").iter().map(|m| driver.text(m).to_lowercase()).collect();
    assert!(!marked.is_empty() && marked.iter().all(|m| m == "auditing"), "{marked:?}");
    screenshots(&driver, "search");
    // Text that only a working group's activity holds is found, and its link lands on it.
    open(&driver, &site.url("search?q=CVD+Guide+for+Consumers"));
    driver.wait_until("search results", || !driver.find_all(".search-hit").is_empty());
    let links = driver.find_all(".search-report[data-initiative='vd-wg'] .search-hit a");
    let link = links.first().expect("a hit in a VD WG report").clone();
    let href = driver.attribute(&link, "href").unwrap_or_default();
    assert!(href.contains("/vd-wg/") && href.contains("#activity-"), "{href}");
    driver.click(&link);
    let id = href.rsplit('#').next().unwrap().to_string();
    driver.wait_until("the report at that place", || {
        driver.execute(&format!("const e = document.getElementById('{id}'); if (!e) return false; const r = e.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight;")).as_bool() == Some(true)
    });
}

/// Writes a host page for the embedding test and returns its folder.
fn write_files(name: &str, files: &[(&str, String)]) -> PathBuf {
    let dir = root().join("target").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, content) in files {
        std::fs::write(dir.join(file), content).unwrap();
    }
    dir
}

fn iframe_height(driver: &Driver) -> f64 {
    driver.execute("return document.querySelector('#frame').getBoundingClientRect().height").as_f64().unwrap()
}

fn shadow_rows(driver: &Driver, element: &str) -> Vec<String> {
    let script = format!(
        "const root = document.querySelector('{element}').shadowRoot; \
         return root ? [...root.querySelectorAll('{SHOWN_ROWS}')].map(r => r.dataset.kr) : [];"
    );
    driver.execute(&script).as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

// Long by design: one story (a foreign host page with three embeds, a hostile frame beside them)
// whose steps build on each other; split, each part would set the scene again.
#[test]
fn embeds_on_another_origin_render_size_themselves_and_stay_isolated() {
    let site = site();
    // A foreign page that posts fake height messages to whoever frames it.
    let evil = Server::start(
        &write_files("e2e-evil", &[
            ("evil.html", "<!DOCTYPE html><html><body><script src=\"evil.js\"></script></body></html>".into()),
            ("evil.js", "setInterval(() => parent.postMessage({ type: 'quarterly:height', version: 1, height: 4321 }, '*'), 50);".into()),
        ]),
        "/",
    );
    evil.set_header("Content-Security-Policy", "default-src 'self'; frame-ancestors *");
    let host_files = write_files("e2e-host", &[
        ("host.css", "body { font-family: serif; color: rgb(255, 0, 0); }\n\
                      table, th, td { border: 7px solid rgb(255, 0, 0) !important; color: rgb(255, 0, 0) !important; }\n\
                      .status, .okr-table { display: none !important; }\n\
                      iframe { display: block; }\n#evil { height: 40px; }\n".into()),
        // Counts messages in WordPress's format: a frame without WordPress's secret sends none.
        ("wordpress-watch.js", "window.wordpressMessages = 0; addEventListener('message', e => { if (e.data && e.data.message) window.wordpressMessages++; });".into()),
    ]);
    let host = Server::start(&host_files, "/");
    let base = site.base();
    std::fs::write(
        host_files.join("host.html"),
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>A foundation's page</title>\n\
             <link rel=\"stylesheet\" href=\"host.css\">\n\
             <script src=\"wordpress-watch.js\"></script>\n\
             <script src=\"{base}embed.js\" async></script>\n\
             <script type=\"module\" src=\"{base}quarterly-element.js\"></script>\n\
             </head><body><main><h1>Our foundation's OKRs</h1>\n\
             <iframe id=\"frame\" src=\"{base}alpha-omega/2025-q2?objective=2&embed=1&section=okrs\" title=\"Alpha-Omega objectives\" data-quarterly-embed></iframe>\n\
             <quarterly-report id=\"element\" src=\"{base}data/alpha-omega/2025-q2.json\" section=\"okrs\" objective=\"2\"></quarterly-report>\n\
             <quarterly-report id=\"news\" src=\"{base}data/alpha-omega/2025-q2.json\" section=\"news\" theme=\"dark\"></quarterly-report>\n\
             <quarterly-report id=\"broken\" src=\"{base}data/no-such-report.json\" section=\"okrs\"></quarterly-report>\n\
             <iframe id=\"evil\" src=\"{}evil.html\" title=\"Another site\"></iframe>\n\
             </main></body></html>",
            evil.base()
        ),
    )
    .unwrap();
    // The policies the embedding documentation asks of both sides.
    site.set_header("Content-Security-Policy", &server::site_csp(&format!("'self' {}", host.origin)));
    let site_origin = &site.origin;
    host.set_header(
        "Content-Security-Policy",
        &format!(
            "default-src 'self'; script-src 'self' {site_origin} 'wasm-unsafe-eval'; style-src 'self' {site_origin}; \
             connect-src 'self' {site_origin}; frame-src {site_origin} {}; img-src 'self' data:",
            evil.origin
        ),
    );
    let driver = Driver::start();
    driver.goto(&host.url("host.html"));

    // The custom element renders objective 2's key results in its shadow root, unstyled by the host.
    driver.wait_until("the custom element's rows", || shadow_rows(&driver, "#element") == ["2.1", "2.2", "2.3"]);
    let isolation = driver.execute(
        "const root = document.querySelector('#element').shadowRoot; const td = root.querySelector('td'); \
         const badge = root.querySelector('.status'); \
         return [getComputedStyle(td).borderTopWidth, getComputedStyle(td).color, getComputedStyle(badge).display, \
                 getComputedStyle(root.querySelector('table')).display, getComputedStyle(document.querySelector('#element')).fontFamily];",
    );
    let isolation: Vec<String> =
        isolation.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    assert_ne!(isolation[0], "7px", "host CSS reached the table: {isolation:?}");
    assert_ne!(isolation[1], "rgb(255, 0, 0)", "{isolation:?}");
    assert_ne!(isolation[2], "none", "{isolation:?}");
    assert_ne!(isolation[3], "none", "{isolation:?}");
    // A second element on the page works too, in its own theme.
    driver.wait_until("the news element", || {
        driver.execute("const r = document.querySelector('#news').shadowRoot; return r ? r.querySelectorAll('.link-list a').length : 0").as_u64() == Some(7)
    });
    // A report that cannot be loaded says so, with a Retry, inside the element.
    driver.wait_until("the broken element's error view", || {
        let text = driver.execute("const r = document.querySelector('#broken').shadowRoot; const p = r && r.querySelector('.error-panel'); return p ? p.textContent : ''");
        text.as_str().is_some_and(|t| t.contains("could not find") && t.contains("no-such-report.json") && t.contains("Retry"))
    });
    // Attribute changes re-render.
    driver.execute("document.querySelector('#element').setAttribute('objective', '4'); return null;");
    driver.wait_until("objective 4 in the element", || {
        shadow_rows(&driver, "#element") == ["4.1", "4.2", "4.3", "4.4", "4.5"]
    });

    // The iframe shows the same key results and takes its content's height.
    driver.wait_until("the iframe to size itself", || iframe_height(&driver) > 200.0);
    assert_eq!(driver.execute("return window.wordpressMessages").as_i64(), Some(0), "no secret, no WordPress message");
    let frame = driver.wait("#frame");
    driver.enter_frame(&frame);
    assert_eq!(wait_rows(&driver, 3), vec!["2.1", "2.2", "2.3"]);
    assert!(driver.find_all(".site-header").is_empty(), "no site chrome in an embed");
    let content = driver.execute("return document.documentElement.getBoundingClientRect().height").as_f64().unwrap();
    // embed.js made it full width (the host's CSP blocks the snippet's style attribute).
    assert!(driver.execute("return window.innerWidth").as_f64().unwrap() > 900.0);
    driver.leave_frame();
    let matches = || (iframe_height(&driver) - content.ceil()).abs() <= 1.0;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !matches() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(matches(), "iframe {} px, its content {content} px", iframe_height(&driver));
    let before = iframe_height(&driver);
    // A filter change inside the iframe: all objectives, so the content grows and the frame with it.
    driver.enter_frame(&frame);
    select(&driver, "#objective-filter", "");
    wait_rows(&driver, 16);
    driver.leave_frame();
    driver.wait_until("the iframe to grow", || iframe_height(&driver) > before + 300.0);

    // Messages from elsewhere are ignored: the foreign frame keeps posting 4321, and so does
    // the host page itself here.
    driver.execute("window.postMessage({ type: 'quarterly:height', version: 1, height: 1234 }, '*'); return null;");
    std::thread::sleep(std::time::Duration::from_millis(800));
    let height = iframe_height(&driver);
    assert!(height != 4321.0 && height != 1234.0, "a foreign message resized the iframe to {height}");
    let errors = console_errors(&driver, &["no-such-report.json"]);
    assert!(errors.is_empty(), "{errors:?}");
    // Last: axe-core itself applies inline styles, which the host's strict policy reports.
    screenshots(&driver, "host-page");
}

#[test]
fn the_embed_button_gives_snippets_for_exactly_this_view() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url("alpha-omega/2025-q2?objective=2&status=started"));
    wait_rows(&driver, 2);
    driver.click(&driver.wait(".embed-panel summary"));
    let iframe = driver.property(&driver.wait("#embed-iframe"), "value");
    let iframe = iframe.as_str().unwrap();
    let base = site.base();
    assert!(
        iframe.contains(&format!(
            "src=\"{base}alpha-omega/2025-q2?objective=2&amp;status=started&amp;embed=1&amp;section=okrs\""
        )),
        "{iframe}"
    );
    assert!(iframe.contains(&format!("<script src=\"{base}embed.js\" async></script>")), "{iframe}");
    let element = driver.property(&driver.wait("#embed-element"), "value");
    let element = element.as_str().unwrap();
    assert!(element.contains(&format!("<quarterly-report src=\"{base}data/alpha-omega/2025-q2.json\" section=\"okrs\" objective=\"2\" status=\"started\">")), "{element}");
    select(&driver, "#embed-section", "news");
    driver.wait_until("the news snippet", || {
        driver
            .property(&driver.wait("#embed-element"), "value")
            .as_str()
            .is_some_and(|v| v.contains("section=\"news\""))
    });
    screenshots(&driver, "embed-panel");
}

const TAB: &str = "\u{E004}";

/// The focused element's id (or tag) and whether its focus is visible (an outline or a stroke).
fn focused(driver: &Driver) -> (String, bool) {
    let value = driver.execute(
        "const e = document.activeElement; const s = getComputedStyle(e); \
         const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.stroke !== 'none' && parseFloat(s.strokeWidth) >= 2); \
         return [e.id || e.getAttribute('aria-label') || (e.type === 'checkbox' ? 'status:' + e.value : e.tagName), visible];",
    );
    (value[0].as_str().unwrap_or_default().to_string(), value[1].as_bool().unwrap_or(false))
}

/// Tabs forward until `wanted` has focus, checking every stop shows its focus.
fn tab_to(driver: &Driver, wanted: &str) {
    for _ in 0..60 {
        driver.press(TAB);
        let (name, visible) = focused(driver);
        assert!(visible, "focus on {name} is not visible");
        if name == wanted {
            return;
        }
    }
    panic!("Tab never reached {wanted}");
}

#[test]
fn the_filters_and_the_table_work_from_the_keyboard_alone() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url("alpha-omega/2025-q2"));
    wait_rows(&driver, 16);
    // The chart's segments are reachable and act on Enter.
    tab_to(&driver, "Objective 2: 2 started — show them");
    driver.press("\u{E007}");
    assert_eq!(wait_rows(&driver, 2), vec!["2.1", "2.2"]);
    let live = driver.wait(".result-count");
    assert_eq!(driver.attribute(&live, "aria-live").as_deref(), Some("polite"));
    assert_eq!(driver.text(&live), "2 of 16 key results");
    // The objective list: arrow keys change it.
    tab_to(&driver, "objective-filter");
    driver.press("\u{E015}");
    driver.wait_until("objective 3", || driver.url().contains("objective=3"));
    // A status checkbox: Space toggles it (started is already on; add on-target).
    tab_to(&driver, "status:on-target");
    driver.press(" ");
    assert_eq!(wait_rows(&driver, 2), vec!["3.2", "3.3"]);
    // The search field, then on past the table to the news links.
    tab_to(&driver, "text-filter");
    driver.press("ai");
    assert_eq!(wait_rows(&driver, 1), vec!["3.3"]);
    driver.wait_until("the count to be announced", || {
        driver.text(&driver.wait(".result-count")) == "1 of 16 key results"
    });
    tab_to(&driver, "A");
}

/// Every report's address in the bundled catalog.
fn every_report_path() -> Vec<String> {
    let catalog: quarterly_core::model::Catalog =
        serde_json::from_str(&std::fs::read_to_string(root().join("public/data/index.json")).unwrap()).unwrap();
    catalog
        .reports
        .iter()
        .map(|entry| quarterly_core::url_state::report_path(&entry.initiative.slug, entry.period))
        .collect()
}

#[test]
fn every_report_of_the_corpus_passes_the_accessibility_audit_at_both_widths_without_a_policy_violation() {
    let site = site();
    let driver = Driver::start();
    let paths = every_report_path();
    assert_eq!(paths.len(), 65);
    let mut failures = Vec::new();
    for path in &paths {
        open(&driver, &site.url(path.trim_start_matches('/')));
        driver.wait("h1");
        for (width, height) in [(1280, 900), (390, 844)] {
            driver.emulate(width, height, false);
            let page_width = driver.execute("return document.documentElement.scrollWidth").as_u64().unwrap_or(0);
            if page_width > width as u64 {
                failures.push(format!("{path} at {width}px: the page is {page_width}px wide"));
            }
            failures.extend(accessibility_violations(&driver).into_iter().map(|v| format!("{path} at {width}px: {v}")));
        }
        // The strict policy is served with every response: a violation is a console error.
        failures.extend(console_errors(&driver, &[]).into_iter().map(|e| format!("{path}: console: {e}")));
        driver.emulate(1280, 900, false);
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_report_filed_as_vuln_wg_sits_under_vulnerability_disclosures_wg() {
    let site = site();
    let driver = Driver::start();
    // Its old address leads to the registered one, the query and the place in the page kept.
    open(&driver, &site.url("vuln-wg/2024-q4?q=cve#activities"));
    driver.wait_until("the address of the registered initiative", || {
        driver.url().contains("/vd-wg/2024-q4?q=cve#activities")
    });
    driver.wait_until("the report", || driver.text(&driver.wait("h1")).contains("2024 Q4"));
    assert_eq!(driver.text(&driver.wait(".report-header .initiative")).to_lowercase(), "vulnerability disclosures wg");
    // One initiative in the switcher, with its every quarter.
    let names: Vec<String> = driver.find_all("#initiative-switch option").iter().map(|o| driver.text(o)).collect();
    let vd: Vec<&String> =
        names.iter().filter(|name| name.contains("Vulnerab") || name.contains("VD") || name.contains("VULN")).collect();
    assert_eq!(vd, vec!["Vulnerability Disclosures WG"], "{names:?}");
    let quarters: Vec<String> =
        driver.find_all("#quarter-switch option").iter().filter_map(|o| driver.attribute(o, "value")).collect();
    assert_eq!(quarters.len(), 6, "2024 Q4 to 2026 Q1 under three file names: {quarters:?}");
    // The history's old address too.
    open(&driver, &site.url("vuln-wg/history"));
    driver.wait_until("the registered initiative's history", || driver.url().ends_with("/vd-wg/history"));
    driver.wait(".history");
    let errors = console_errors(&driver, &[]);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_working_group_report_shows_its_activities_as_structure_and_filters_them() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url("vd-wg/2025-q4"));
    driver.wait("#activities");
    let activities = driver.find_all("#activities article.activity");
    assert!(activities.len() >= 3, "{} activities", activities.len());
    let first = driver.text(&activities[0]);
    assert!(first.starts_with("Proposal to develop a NIST Product Vulnerability Disclosure Report"), "{first}");
    for part in ["Purpose", "Current status", "Up next"] {
        assert!(first.contains(part), "{part} in {first}");
    }
    // The title linked to its issue: the link survives.
    let title_link = driver.wait("#activity-1 h3 a");
    assert!(driver.attribute(&title_link, "href").unwrap_or_default().contains("/issues/172"));
    // The question for the TAC is an ask, set apart and named in words.
    let ask = driver.text(&driver.wait("#activity-1-questions"));
    let ask = ask.to_lowercase();
    assert!(ask.starts_with("ask") && ask.contains("question for the tac") && ask.contains("issues/530"), "{ask}");
    // A struck-out line is shown struck, not as if it still held.
    let struck = driver.text(&driver.wait("#activity-1 del"));
    assert!(struck.contains("TAC vote for this initiative is open"), "{struck}");
    screenshots(&driver, "working-group");
    // The activity filter, in the address like the key-result filter, which keeps the place the
    // reader followed a link to.
    driver.execute("location.hash = 'activities'; return null;");
    driver.wait_until("the address with #activities", || driver.url().ends_with("#activities"));
    let input = driver.wait("#activity-filter");
    driver.type_text(&input, "OSV schema");
    driver.wait_until("only the activities that mention it", || {
        driver.find_all("#activities article.activity:not([hidden])").len() < activities.len()
    });
    let shown = driver.find_all("#activities article.activity:not([hidden])");
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|a| {
        let text = driver.text(a).to_lowercase();
        text.contains("osv") && text.contains("schema")
    }));
    driver.wait_until("the address with activities=OSV+schema", || {
        driver.url().ends_with("?activities=OSV+schema#activities")
    });
    assert!(driver
        .text(&driver.wait("#activities .result-count"))
        .contains(&format!("of {} activities", activities.len())));
}

#[test]
fn the_home_page_lists_every_initiative_of_the_latest_quarter_by_its_proper_name() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url(""));
    let home = driver.text(&driver.wait(".home"));
    assert!(home.contains("2026 Q2"), "the latest quarter: {home}");
    let catalog: quarterly_core::model::Catalog =
        serde_json::from_str(&std::fs::read_to_string(root().join("public/data/index.json")).unwrap()).unwrap();
    let cards: Vec<String> = driver.find_all(".home-initiative").iter().map(|card| driver.text(card)).collect();
    assert_eq!(cards.len(), catalog.initiatives.len(), "one entry per initiative: {cards:?}");
    for initiative in &catalog.initiatives {
        assert!(cards.iter().any(|card| card.contains(&initiative.name)), "{} is missing: {cards:?}", initiative.name);
    }
    // The two that filed for 2026 Q2 have their headline and a link to the report, in their card.
    for slug in ["ai-ml-wg", "orbit-wg"] {
        let card = format!("document.querySelector('.initiative-card[data-initiative=\"{slug}\"]')");
        let headline = driver.execute(&format!(
            "const h = {card}.querySelector('.headline:not(.muted)'); return h ? h.textContent : '';"
        ));
        assert!(headline.as_str().unwrap_or_default().len() > 40, "{slug}: headline {headline:?}");
        let link = driver.execute(&format!("return {card}.querySelector('a[href$=\"/{slug}/2026-q2\"]') !== null;"));
        assert_eq!(link.as_bool(), Some(true), "{slug}: a link to its 2026 Q2 report");
    }
    assert!(home.contains("Not filed yet for 2026 Q2"), "{home}");
    screenshots(&driver, "home");
    let errors = console_errors(&driver, &[]);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_filing_grid_marks_a_report_that_is_really_missing() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url("filings"));
    driver.wait(".filing-grid");
    let quarters: Vec<String> = driver.find_all(".filing-grid thead th").iter().map(|th| driver.text(th)).collect();
    let cell = |slug: &str, quarter: &str| {
        let column =
            quarters.iter().position(|q| q == quarter).unwrap_or_else(|| panic!("{quarter} in {quarters:?}")) + 1;
        driver.wait(&format!(".filing-grid tr[data-initiative='{slug}'] > :nth-child({column})"))
    };
    // Sigstore filed for 2025 Q3 and 2026 Q1, not for 2025 Q4.
    let missing = cell("sigstore", "2025 Q4");
    assert_eq!(driver.attribute(&missing, "class").as_deref(), Some("filing not-filed"));
    assert!(driver.text(&missing).contains("Not filed"));
    assert!(driver.text(&cell("sigstore", "2025 Q3")).contains("Filed"));
    // Filed as VULN-WG: still Vulnerability Disclosures WG's, and it links to its report.
    let vuln = cell("vd-wg", "2024 Q4");
    let link = driver
        .find_all(".filing-grid tr[data-initiative='vd-wg'] a")
        .into_iter()
        .find_map(|a| driver.attribute(&a, "href"))
        .unwrap();
    assert!(driver.text(&vuln).contains("Filed") && link.ends_with("/vd-wg/2024-q4"), "{link}");
    screenshots(&driver, "filings");
}

#[test]
fn for_the_tac_lists_vd_wgs_2025_q4_question_and_its_link_lands_on_it() {
    let site = site();
    let driver = Driver::start();
    open(&driver, &site.url("tac"));
    driver.wait(".asks-page");
    assert_eq!(driver.text(&driver.wait("h1")), "For the TAC");
    select(&driver, "#asks-quarter", "2025-q4");
    driver.wait_until("the 2025 Q4 asks", || driver.url().contains("quarter=2025-q4"));
    let item = driver.wait(".ask-group[data-initiative='vd-wg'] .ask-item");
    let text = driver.text(&item);
    assert!(
        text.contains("issues/530") && text.contains("Activity: Proposal to develop a NIST Product Vulnerability"),
        "{text}"
    );
    select(&driver, "#asks-initiative", "vd-wg");
    driver.wait_until("only VD WG", || driver.url().contains("initiative=vd-wg"));
    driver.wait_until("only VD WG's asks", || driver.find_all(".ask-group").len() == 1);
    screenshots(&driver, "tac");
    driver.click(&driver.wait(".ask-group[data-initiative='vd-wg'] .ask-link a"));
    driver.wait_until("the report", || driver.url().contains("/vd-wg/2025-q4#activity-1-questions"));
    driver.wait_until("its place in view", || {
        driver.execute("const e = document.getElementById('activity-1-questions'); if (!e) return false; const r = e.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight;").as_bool() == Some(true)
    });
    assert!(driver.text(&driver.wait("#activity-1-questions")).contains("issues/530"));
    let errors = console_errors(&driver, &[]);
    assert!(errors.is_empty(), "{errors:?}");
}

/// Lets the browser save downloads into a fresh folder, which it returns.
fn downloads_into(driver: &Driver, name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("quarterly-downloads-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    driver.devtools("Browser.setDownloadBehavior", serde_json::json!({"behavior": "allow", "downloadPath": folder}));
    folder
}

/// Clicks a download button and returns the file it saved, once complete.
fn download(driver: &Driver, folder: &Path, button: &str, name: &str) -> Vec<u8> {
    driver.click(&driver.wait(button));
    let path = folder.join(name);
    // Chromium reserves the name with an empty file, writes the download beside it
    // (`.crdownload`) and renames it over the reservation when done: wait for the content.
    let partial = || {
        std::fs::read_dir(folder).is_ok_and(|entries| {
            entries.flatten().any(|entry| entry.path().extension().is_some_and(|e| e == "crdownload"))
        })
    };
    driver.wait_until(&format!("{name} to be downloaded"), || {
        std::fs::metadata(&path).is_ok_and(|file| file.len() > 0) && !partial()
    });
    std::fs::read(&path).unwrap()
}

/// A CSV file's records, read as a spreadsheet would: the byte-order mark first, then the heading.
fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).expect("a UTF-8 byte-order mark first");
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let headings = reader.headers().unwrap().iter().map(str::to_string).collect();
    let records = reader.records().map(|record| record.unwrap().iter().map(str::to_string).collect()).collect();
    (headings, records)
}

#[test]
fn the_key_results_shown_the_history_and_the_asks_download_as_csv_and_json() {
    let site = site();
    let driver = Driver::start();
    let folder = downloads_into(&driver, "export");
    open(&driver, &site.url("alpha-omega/2025-q2?status=completed"));
    let shown = row_ids(&driver);
    assert!(!shown.is_empty() && shown.len() < 16, "{shown:?}");

    let csv = download(
        &driver,
        &folder,
        ".result-bar .download-button:nth-of-type(1)",
        "alpha-omega-2025-q2-key-results.csv",
    );
    let (headings, records) = read_csv(&csv);
    let column =
        |name: &str| headings.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name} in {headings:?}"));
    let (id, status, quarter) = (column("Key result"), column("Status"), column("Quarter"));
    assert_eq!(records.iter().map(|r| r[id].clone()).collect::<Vec<_>>(), shown, "the rows the filter shows, in order");
    assert!(records.iter().all(|r| r[status] == "Completed" && r[quarter] == "2025 Q2"), "{records:?}");

    let json = download(
        &driver,
        &folder,
        ".result-bar .download-button:nth-of-type(2)",
        "alpha-omega-2025-q2-key-results.json",
    );
    let json: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    let ids: Vec<&str> = json.iter().map(|row| row["key_result"].as_str().unwrap()).collect();
    assert_eq!(ids, shown);

    open(&driver, &site.url("alpha-omega/history"));
    driver.wait("tr.history-row");
    let history_rows = driver.find_all("tr.history-row").len();
    let (headings, records) = read_csv(&download(&driver, &folder, ".download-button", "alpha-omega-history.csv"));
    assert_eq!(records.len(), history_rows, "a record per row of the page");
    assert!(headings.contains(&"2025 Q2".to_string()), "{headings:?}");

    open(&driver, &site.url("tac?quarter=2025-q4&initiative=vd-wg"));
    driver.wait(".ask-group[data-initiative='vd-wg']");
    let (headings, records) =
        read_csv(&download(&driver, &folder, ".download-button", "for-the-tac-2025-q4-vd-wg.csv"));
    let (text, link) =
        (headings.iter().position(|h| h == "Text").unwrap(), headings.iter().position(|h| h == "Link").unwrap());
    assert_eq!(records.len(), driver.find_all(".ask-item").len());
    assert!(records.iter().any(|r| r[text].contains("issues/530")), "{records:?}");
    assert!(records.iter().all(|r| r[link].starts_with(&site.url("vd-wg/2025-q4#"))), "{records:?}");
    let errors = console_errors(&driver, &[]);
    assert!(errors.is_empty(), "{errors:?}");
    let _ = std::fs::remove_dir_all(&folder);
}

/// The height WordPress gives a frame whose page is `height` high (wp-embed.js's clamp).
fn wordpress_clamp(height: f64) -> i64 {
    (height.ceil() as i64).clamp(200, 1000)
}

/// The embedded page's own height, read inside its frame.
fn frame_content_height(driver: &Driver, frame: &webdriver::Element) -> f64 {
    driver.enter_frame(frame);
    let height = driver.execute("return document.documentElement.getBoundingClientRect().height").as_f64().unwrap();
    driver.leave_frame();
    height
}

/// The frame's height attribute, as WordPress sets it.
fn frame_height(driver: &Driver) -> i64 {
    driver
        .execute("const f = document.querySelector('iframe.wp-embedded-content'); return f ? parseInt(f.getAttribute('height'), 10) : -1")
        .as_i64()
        .unwrap()
}

#[test]
fn a_report_link_pasted_by_an_editor_becomes_a_self_sizing_embed_in_a_real_wordpress() {
    let started = std::time::Instant::now();
    // The built site, pre-rendered again for the address it is served at: WordPress fetches its
    // pages and oEmbed files from there.
    let copy = std::env::temp_dir().join(format!("quarterly-e2e-wordpress-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    let status = std::process::Command::new("cp").arg("-r").arg(dist()).arg(&copy).status().unwrap();
    assert!(status.success());
    let site = Server::start(&copy, PREFIX);
    let prerender = std::process::Command::new(env!("CARGO_BIN_EXE_quarterly-prerender"))
        .arg(&copy)
        .env("QUARTERLY_SITE_URL", site.base())
        .output()
        .unwrap();
    assert!(prerender.status.success(), "{}", String::from_utf8_lossy(&prerender.stderr));
    let port: u16 = site.origin.rsplit(':').next().unwrap().parse().unwrap();
    let wordpress = wordpress::WordPress::start(port);
    // The viewer's host lets the WordPress site frame it, as docs/embedding.md asks.
    site.set_header("Content-Security-Policy", &server::site_csp(&format!("'self' {}", wordpress.origin)));

    // As on a multisite, an Editor cannot post an iframe: WordPress strips it on saving.
    assert!(!wordpress.editor_has_unfiltered_html);
    let iframe = format!("<iframe src=\"{}\"></iframe>", site.url("alpha-omega/2025-q2?embed=1"));
    let draft = wordpress.post("An iframe", &iframe, "draft");
    assert!(!draft["content"]["raw"].as_str().unwrap().contains("<iframe"), "{draft}");

    // What an editor can do: paste the report's address on a line of its own.
    let report = site.url("alpha-omega/2025-q2");
    let post = wordpress.post("Alpha-Omega this quarter", &report, "publish");
    let not_a_report = wordpress.post("Not a report", &site.url("no-such-initiative/2025-q2"), "publish");
    // Frames in the page's own process: chromedriver's log then holds the frame's console too.
    let driver =
        Driver::start_with(&["--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process"]);
    driver.goto(post["link"].as_str().unwrap());
    let frame = driver.wait("iframe.wp-embedded-content");
    let src = driver.attribute(&frame, "src").unwrap();
    assert!(src.starts_with(&format!("{report}?embed=1&section=okrs#?secret=")), "{src}");
    assert_eq!(driver.attribute(&frame, "sandbox").as_deref(), Some("allow-scripts"));
    // The link WordPress shows while the frame loads gives way to the frame once it speaks.
    driver.wait_until("the fallback link to give way", || {
        driver.execute("const b = document.querySelector('blockquote.wp-embedded-content'); return !!b && b.style.display === 'none'").as_bool()
            == Some(true)
    });
    // The frame takes its content's height, within WordPress's clamp.
    let full = frame_content_height(&driver, &frame);
    driver.wait_until("the frame to take its content's height", || frame_height(&driver) == wordpress_clamp(full));
    let outside = "return [location.href, history.length, document.querySelector('h1, .wp-block-post-title').textContent, document.body.children.length].join('|')";
    let before = driver.execute(outside);
    let folder = root().join("tests/screenshots");
    std::fs::create_dir_all(&folder).unwrap();
    for (width, height, size) in [(1280, 900, "desktop"), (375, 812, "phone")] {
        driver.emulate(width, height, false);
        std::thread::sleep(std::time::Duration::from_millis(300));
        std::fs::write(folder.join(format!("wordpress-{size}.png")), driver.screenshot(width)).unwrap();
    }
    driver.emulate(1280, 900, false);

    // A filter works inside the frame, which shrinks to fit; nothing outside it changes.
    driver.enter_frame(&frame);
    // (The frame's console is read too: a policy violation in it would show.)
    driver.execute("console.error('a message from inside the frame')");
    // The site's stylesheet applies in the sandbox (fetched with CORS, it passes its integrity check).
    let styled = driver.execute("return getComputedStyle(document.documentElement).getPropertyValue('--q-bg') !== ''");
    assert_eq!(styled.as_bool(), Some(true), "the frame is unstyled");
    driver.click(&driver.wait("#text-filter"));
    driver.press("audit");
    assert_eq!(wait_rows(&driver, 1), vec!["3.3"]);
    driver.leave_frame();
    let filtered = frame_content_height(&driver, &frame);
    assert!(filtered < full, "{filtered} < {full}");
    driver.wait_until("the frame to shrink to its content", || frame_height(&driver) == wordpress_clamp(filtered));
    assert_eq!(driver.execute(outside), before, "the page around the frame changed");

    // Only the frame's parent, with the frame's secret, can ask for the height again.
    let secret = src.rsplit("secret=").next().unwrap().to_string();
    driver.execute("window.heights = 0; addEventListener('message', e => { if (e.data && e.data.message === 'height') window.heights++; });");
    let ask = |from_another_window: bool, secret: &str| {
        driver.execute(&format!(
            "const frame = document.querySelector('iframe.wp-embedded-content').contentWindow;\
             if ({from_another_window}) {{ const other = document.createElement('iframe'); document.body.appendChild(other);\
               other.contentWindow.Function('f', 'f.postMessage({{message: \"ready\", secret: \"{secret}\"}}, \"*\")')(frame); other.remove(); }}\
             else frame.postMessage({{message: 'ready', secret: '{secret}'}}, '*');"
        ));
        std::thread::sleep(std::time::Duration::from_millis(500));
        driver.execute("return window.heights").as_i64().unwrap()
    };
    assert_eq!(ask(false, "wrong"), 0, "a wrong secret is ignored");
    assert_eq!(ask(true, &secret), 0, "a message from another window is ignored");
    assert!(ask(false, &secret) > 0, "the parent with the secret gets the height again");

    // A link out of the frame opens in the reader's page (WordPress follows links to the frame's host).
    driver.enter_frame(&frame);
    driver.click(&driver.wait(".embed-open a"));
    driver.leave_frame();
    driver.wait_until("the report to open in the reader's page", || driver.url().starts_with(&report));

    // An address that is not a report stays a plain link.
    driver.goto(not_a_report["link"].as_str().unwrap());
    let content = driver.text(&driver.wait(".entry-content, .wp-block-post-content"));
    assert!(content.contains(&site.url("no-such-initiative/2025-q2")), "{content}");
    assert!(driver.find_all("iframe").is_empty());

    let logged = driver.console();
    assert!(logged.iter().any(|(_, message)| message.contains("a message from inside the frame")), "{logged:?}");
    // No policy violation or other error on either side (WordPress's theme asks for a favicon it lacks).
    let errors: Vec<&String> = logged
        .iter()
        .filter(|(level, message)| level == "SEVERE" || message.contains("Content Security Policy"))
        .map(|(_, message)| message)
        .filter(|message| !message.contains("a message from inside the frame") && !message.contains("/favicon.ico"))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    drop(wordpress);
    let _ = std::fs::remove_dir_all(&copy);
    eprintln!("the WordPress test took {:.0} s", started.elapsed().as_secs_f64());
}
