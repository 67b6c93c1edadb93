//! The build-time rendering of each report's first view (`quarterly-prerender`): the pages it
//! writes hold the report as the app shows it, carry the data the app takes over with, and stay
//! safe whatever the report says.

mod support;

use quarterly::app::loaded::{Preloaded, PRELOADED_ID};
use quarterly::app::prerender::{pages, Page};
use quarterly::model::{Catalog, CatalogEntry, Inline, Report};
use std::collections::HashMap;

/// The app page as Trunk and post_build.py leave it (only what the pre-renderer reads matters).
const APP_PAGE: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>quarterly</title>\
    <meta name=\"quarterly-base\" content=\"/reports/\" /><meta name=\"quarterly-app\" content=\"viewer\" /></head>\
    <body><noscript><p>This report viewer needs JavaScript.</p></noscript></body></html>";

fn bundled() -> (Catalog, HashMap<String, Report>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let catalog: Catalog = serde_json::from_str(&std::fs::read_to_string(root.join("index.json")).unwrap()).unwrap();
    let reports = catalog
        .reports
        .iter()
        .map(|entry| (entry.path.clone(), serde_json::from_str(&std::fs::read_to_string(root.join(&entry.path)).unwrap()).unwrap()))
        .collect();
    (catalog, reports)
}

fn render(catalog: &Catalog, reports: &HashMap<String, Report>) -> (Vec<Page>, Vec<String>) {
    let mut load = |entry: &CatalogEntry| reports.get(&entry.path).cloned().ok_or_else(|| format!("{} is missing", entry.path));
    pages(APP_PAGE, catalog, &mut load).expect("the app page is usable")
}

fn page<'a>(pages: &'a [Page], file: &str) -> &'a str {
    &pages.iter().find(|page| page.file == file).unwrap_or_else(|| panic!("no {file}")).html
}

/// The data a page carries, decoded as the app decodes it.
fn preloaded(html: &str) -> Preloaded {
    let open = format!("<script type=\"application/json\" id=\"{PRELOADED_ID}\">");
    let start = html.find(&open).expect("the page carries its data") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("the data decodes")
}

#[test]
fn the_bundled_report_is_pre_rendered_at_its_address_and_at_the_root() {
    let (catalog, reports) = bundled();
    let (pages, skipped) = render(&catalog, &reports);
    assert!(skipped.is_empty(), "{skipped:?}");
    let files: Vec<&str> = pages.iter().map(|page| page.file.as_str()).collect();
    assert_eq!(files, ["alpha-omega/2025-q2.html", "index.html"]);
    let report = &reports["alpha-omega/2025-q2.json"];
    for (page, path) in pages.iter().zip(["/alpha-omega/2025-q2", "/"]) {
        let html = &page.html;
        // Its own path, which the boot script compares with the address it was served for.
        assert!(html.contains(&format!("<head><meta name=\"quarterly-page\" content=\"{path}\" />")), "{}", page.file);
        assert!(html.contains("<title>2025 Q2 Alpha-Omega · quarterly</title>"), "{}", page.file);
        assert!(html.contains("<h1>2025 Q2 Alpha-Omega</h1>"), "{}", page.file);
        // Every key result, in order, with its status in words.
        let rows: Vec<&str> = html.split("data-kr=\"").skip(1).map(|rest| rest.split('"').next().unwrap()).collect();
        let expected: Vec<&str> = report.key_results().map(|(_, kr)| kr.id.as_str()).collect();
        assert_eq!(rows, expected, "{}", page.file);
        for (_, kr) in report.key_results() {
            assert!(html.contains(kr.status.as_ref().unwrap().kind.label()), "{}: KR {}", page.file, kr.id);
        }
        // Links under the site's base; report links external and safe.
        assert!(html.contains("href=\"/reports/alpha-omega/history\""), "{}", page.file);
        for item in &report.news {
            assert!(html.contains(&format!("href=\"{}\" rel=\"noopener noreferrer\"", item.url)), "{}: {}", page.file, item.url);
        }
        // No script but the data, which is what the app takes over with.
        assert_eq!(html.matches("<script").count(), 1, "{}", page.file);
        let data = preloaded(html);
        assert_eq!(data.catalog.as_ref(), Some(&catalog));
        assert_eq!(data.reports.get("alpha-omega/2025-q2.json"), Some(report));
        // The app page's "needs JavaScript" gives way to a note about the filters.
        assert!(!html.contains("needs JavaScript") && html.contains("Filters need JavaScript"), "{}", page.file);
    }
}

#[test]
fn report_text_cannot_end_the_data_or_become_markup() {
    let (catalog, mut reports) = bundled();
    let hostile = "</script><script>alert(1)</script><!-- <b onclick=x>";
    let report = reports.get_mut("alpha-omega/2025-q2.json").unwrap();
    report.objectives[0].key_results[0].text = vec![Inline::Text { text: hostile.into() }];
    report.title = format!("Title {hostile}");
    let (pages, _) = render(&catalog, &reports);
    let html = page(&pages, "alpha-omega/2025-q2.html");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<b onclick"), "{html}");
    assert_eq!(html.matches("<script").count(), 1);
    let data = preloaded(html);
    assert_eq!(data.reports["alpha-omega/2025-q2.json"].objectives[0].key_results[0].text, vec![Inline::Text { text: hostile.into() }]);
}

#[test]
fn every_sample_report_is_pre_rendered_with_its_comparison_to_the_quarter_before() {
    let files = support::report_files(&support::ti_reports());
    let imported: Vec<Report> = files
        .iter()
        .filter_map(|path| quarterly::import::import_bytes(&path.file_name().unwrap().to_string_lossy(), &std::fs::read(path).unwrap()).report)
        .collect();
    assert_eq!(imported.len(), files.len());
    let catalog = quarterly::import::catalog(&imported.iter().collect::<Vec<_>>(), Some("alpha-omega"), &Default::default());
    let reports: HashMap<String, Report> = imported.into_iter().map(|r| (quarterly::import::report_path(&r), r)).collect();
    let (pages, skipped) = render(&catalog, &reports);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(pages.len(), catalog.reports.len() + 1);
    for entry in &catalog.reports {
        let file = format!("{}/{}.html", entry.initiative.slug, entry.period.slug());
        let html = page(&pages, &file);
        assert!(html.contains(&format!("<title>{} · quarterly</title>", entry.title.replace('&', "&amp;"))), "{file}");
        // The comparison is rendered from the data the page carries, not left loading.
        assert!(!html.contains("Comparing with the previous quarter"), "{file}");
        let data = preloaded(html);
        let previous = catalog.previous(&entry.initiative.slug, entry.period);
        assert_eq!(data.reports.len(), 1 + usize::from(previous.is_some()), "{file}");
        if let Some(previous) = previous {
            assert!(html.contains(&format!("Since {}", previous.period)), "{file}");
        }
    }
    // `/` is the default initiative's newest report.
    let latest = catalog.latest().unwrap();
    assert!(page(&pages, "index.html").contains(&format!("<h1>{}</h1>", latest.title)));
}

#[test]
fn a_report_that_cannot_be_read_is_skipped_with_the_reason_and_the_rest_are_written() {
    let (mut catalog, reports) = bundled();
    let mut missing = catalog.reports[0].clone();
    missing.period.year = 2024;
    missing.path = "alpha-omega/2024-q2.json".into();
    catalog.reports.push(missing);
    let mut odd = catalog.reports[0].clone();
    odd.initiative.slug = "../escape".into();
    catalog.reports.push(odd);
    let (pages, skipped) = render(&catalog, &reports);
    assert_eq!(pages.len(), 2);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].contains("alpha-omega/2024-q2.json is missing"), "{skipped:?}");
    assert!(skipped[1].contains("cannot be a file name"), "{skipped:?}");
    // 2025 Q2 still renders (its comparison with the unreadable 2024 Q2 is fetched later).
    assert!(page(&pages, "alpha-omega/2025-q2.html").contains("<h1>2025 Q2 Alpha-Omega</h1>"));
}

#[test]
fn a_page_that_is_not_the_app_page_is_refused_with_the_reason() {
    let (catalog, reports) = bundled();
    let mut load = |entry: &CatalogEntry| reports.get(&entry.path).cloned().ok_or_else(|| "missing".to_string());
    let error = pages("<html><body></body></html>", &catalog, &mut load).err().expect("refused");
    assert!(error.contains("quarterly-base"), "{error}");
}
