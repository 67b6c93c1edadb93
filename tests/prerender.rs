//! The build-time rendering (`quarterly-prerender`) of each report's first view, the home page,
//! the filing grid and "For the TAC": the pages it writes hold what the app shows, carry the data
//! the app takes over with, and stay safe whatever the reports say.

use quarterly::app::escape_html;
use quarterly::app::loaded::{Preloaded, PRELOADED_ID};
use quarterly::app::prerender::{pages, render_body, Page};
use quarterly_core::history::changes;
use quarterly_core::model::summary::{History, Summary};
use quarterly_core::model::{blocks_plain_text, Catalog, CatalogEntry, Inline, Period, Report};
use std::collections::HashMap;

/// The app page as Trunk and post_build.py leave it (only what the pre-renderer reads matters).
const APP_PAGE: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>quarterly</title>\
    <meta name=\"quarterly-base\" content=\"/reports/\" /><meta name=\"quarterly-app\" content=\"viewer\" /></head>\
    <body><noscript><p>This report viewer needs JavaScript.</p></noscript></body></html>";

/// The site's public address the pages are rendered for.
const SITE_URL: &str = "https://reports.example.org/reports/";

/// The bundled site's data: the whole corpus, imported from `reports/`.
fn bundled() -> (Catalog, HashMap<String, Report>) {
    let catalog: Catalog = serde_json::from_str(&data_file("index.json")).unwrap();
    let reports = catalog
        .reports
        .iter()
        .map(|entry| (entry.path.clone(), serde_json::from_str(&data_file(&entry.path)).unwrap()))
        .collect();
    (catalog, reports)
}

fn data_file(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data").join(path)).unwrap()
}

fn summary() -> Summary {
    serde_json::from_str(&data_file("summary.json")).unwrap()
}

fn render(catalog: &Catalog, reports: &HashMap<String, Report>) -> (Vec<Page>, Vec<String>) {
    render_with(catalog, Ok(&summary()), reports)
}

fn render_with(
    catalog: &Catalog,
    summary: Result<&Summary, String>,
    reports: &HashMap<String, Report>,
) -> (Vec<Page>, Vec<String>) {
    let mut load =
        |entry: &CatalogEntry| reports.get(&entry.path).cloned().ok_or_else(|| format!("{} is missing", entry.path));
    pages(APP_PAGE, catalog, summary, &mut load, &mut history, Some(SITE_URL)).expect("the app page is usable")
}

/// An initiative's history file, as the importer wrote it.
fn history(slug: &str) -> Result<History, String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data").join(slug).join("history.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

/// How many of the files written are pages (the rest are the feeds and the sitemap).
fn html_pages(pages: &[Page]) -> usize {
    pages.iter().filter(|page| page.file.ends_with(".html")).count()
}

#[test]
fn feeds_a_sitemap_and_each_pages_canonical_address_feeds_and_preview() {
    let (catalog, reports) = bundled();
    let (pages, _) = render(&catalog, &reports);
    let feed = page(&pages, "feed.xml");
    assert_eq!(feed.matches("<entry>").count(), catalog.reports.len());
    assert!(feed.contains("href=\"https://reports.example.org/reports/feed.xml\""), "{feed}");
    let alpha_omega = page(&pages, "alpha-omega/feed.xml");
    assert_eq!(alpha_omega.matches("<entry>").count(), catalog.reports_of("alpha-omega").count());
    let report = &reports["alpha-omega/2025-q2.json"];
    let first_paragraph = escape_html(&blocks_plain_text(&report.overview[..1]));
    assert!(first_paragraph.len() > 40, "{first_paragraph}");
    assert!(alpha_omega.contains(&format!("<summary>{first_paragraph}</summary>")), "{alpha_omega}");
    assert!(alpha_omega.contains("<id>https://reports.example.org/reports/alpha-omega/2025-q2</id>"));
    let sitemap = page(&pages, "sitemap.xml");
    assert_eq!(sitemap.matches("<url>").count(), html_pages(&pages));
    for address in ["", "alpha-omega/2025-q2", "alpha-omega/history", "filings", "tac"] {
        assert!(sitemap.contains(&format!("<loc>https://reports.example.org/reports/{address}</loc>")), "{address}");
    }
    let html = page(&pages, "alpha-omega/2025-q2.html");
    for expected in [
        "<link rel=\"canonical\" href=\"https://reports.example.org/reports/alpha-omega/2025-q2\" />".to_string(),
        "type=\"application/atom+xml\" title=\"quarterly: every report\" href=\"/reports/feed.xml\"".to_string(),
        "href=\"/reports/alpha-omega/feed.xml\"".to_string(),
        "<meta property=\"og:url\" content=\"https://reports.example.org/reports/alpha-omega/2025-q2\" />".to_string(),
        "<meta property=\"og:title\" content=\"2025 Q2 Alpha-Omega\" />".to_string(),
        format!("<meta property=\"og:description\" content=\"{first_paragraph}\" />"),
        "<meta name=\"twitter:card\" content=\"summary\" />".to_string(),
    ] {
        assert!(html.contains(&expected), "{expected} missing");
    }
    assert_eq!(html.matches("<meta name=\"description\"").count(), 1);
}

/// The value of `attribute` in the first tag of `html` that contains `marker`.
fn attribute_of<'a>(html: &'a str, marker: &str, attribute: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
    let value = &tag[tag.find(&format!("{attribute}=\"")).unwrap_or_else(|| panic!("no {attribute} in {tag}"))
        + attribute.len()
        + 2..];
    &value[..value.find('"').unwrap()]
}

#[test]
fn every_page_advertises_its_oembed_response_which_has_what_the_specification_requires() {
    let (catalog, reports) = bundled();
    let (pages, _) = render(&catalog, &reports);
    let html_files: Vec<&Page> = pages.iter().filter(|page| page.file.ends_with(".html")).collect();
    assert_eq!(pages.iter().filter(|page| page.file.starts_with("oembed/")).count(), html_files.len());
    for html_page in html_files {
        let html = &html_page.html;
        let href = attribute_of(html, "type=\"application/json+oembed\"", "href");
        let file = href.strip_prefix(SITE_URL).unwrap_or_else(|| panic!("{}: {href} is not absolute", html_page.file));
        let response: serde_json::Value = serde_json::from_str(page(&pages, file)).unwrap();
        // oembed.com, 2.3.4: type and version always; html, width and height for "rich".
        assert_eq!((response["type"].as_str(), response["version"].as_str()), (Some("rich"), Some("1.0")), "{file}");
        assert!(response["width"].as_u64().is_some() && response["height"].as_u64().is_some(), "{file}");
        let canonical = attribute_of(html, "rel=\"canonical\"", "href");
        let embed = response["html"].as_str().unwrap();
        assert!(embed.contains(&format!("<iframe src=\"{canonical}?embed=1")), "{file}: {embed}");
        assert!(embed.starts_with(&format!("<blockquote><a href=\"{canonical}\">")), "{file}: {embed}");
        assert_eq!(response["provider_url"], SITE_URL);
        assert!(response["title"].as_str().is_some_and(|title| !title.is_empty()), "{file}");
    }
    let report: serde_json::Value = serde_json::from_str(page(&pages, "oembed/alpha-omega/2025-q2.json")).unwrap();
    assert_eq!(report["author_name"], "Alpha-Omega");
    assert_eq!(report["author_url"], format!("{SITE_URL}alpha-omega/history"));
    assert!(report["html"].as_str().unwrap().contains("?embed=1&amp;section=okrs\""), "{report}");
    // A working group's report has no key results: its embed is the whole report.
    let working_group: serde_json::Value = serde_json::from_str(page(&pages, "oembed/vd-wg/2025-q4.json")).unwrap();
    assert!(working_group["html"].as_str().unwrap().contains("vd-wg/2025-q4?embed=1\""), "{working_group}");
}

/// One history page per initiative.
fn histories(catalog: &Catalog) -> usize {
    catalog.initiatives.len()
}

fn quarter(slug: &str) -> Period {
    Period::from_slug(slug).unwrap()
}

/// The HTML of one table row or list item, found by its `data-initiative`.
fn element_of<'a>(html: &'a str, tag: &str, initiative: &str) -> &'a str {
    let marker = format!("data-initiative=\"{initiative}\"");
    let at = html.find(&marker).unwrap_or_else(|| panic!("no {initiative}"));
    let end = at + html[at..].find(&format!("</{tag}>")).unwrap();
    &html[at..end]
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
fn every_report_is_pre_rendered_at_its_address_and_the_foundation_pages_beside_them() {
    let (catalog, reports) = bundled();
    let (pages, skipped) = render(&catalog, &reports);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(html_pages(&pages), catalog.reports.len() + histories(&catalog) + 3);
    for file in ["index.html", "filings.html", "tac.html"] {
        page(&pages, file);
    }
    for entry in &catalog.reports {
        let file = format!("{}/{}.html", entry.initiative.slug, entry.period.slug());
        let html = page(&pages, &file);
        assert!(html.contains(&format!("<title>{} · quarterly</title>", entry.title.replace('&', "&amp;"))), "{file}");
        // The comparison is rendered from the data the page carries, not left loading.
        assert!(!html.contains("Comparing with the previous quarter"), "{file}");
        let data = preloaded(html);
        let previous = catalog.previous(&entry.initiative.slug, entry.period);
        // The report, and the changes since the one before rather than that report itself.
        assert_eq!(data.reports.keys().collect::<Vec<_>>(), [&entry.path], "{file}");
        let expected =
            previous.map(|previous| (entry.path.clone(), changes(&reports[&previous.path], &reports[&entry.path])));
        assert_eq!(data.changes.into_iter().collect::<Vec<_>>(), Vec::from_iter(expected), "{file}");
        assert_eq!(data.summary, None, "{file}: a report page carries no summary");
        // "Since" compares key results: reports without objectives have none.
        if let (Some(previous), false) = (previous, reports[&entry.path].objectives.is_empty()) {
            assert!(html.contains(&format!("Since {}", previous.period)), "{file}");
        }
    }
}

#[test]
fn a_report_page_holds_the_report_as_the_app_shows_it() {
    let (catalog, reports) = bundled();
    let (pages, _) = render(&catalog, &reports);
    let report = &reports["alpha-omega/2025-q2.json"];
    let html = page(&pages, "alpha-omega/2025-q2.html");
    // Its own path, which the boot script compares with the address it was served for.
    assert!(html.contains("<head><meta name=\"quarterly-page\" content=\"/alpha-omega/2025-q2\" />"));
    assert!(html.contains("<title>2025 Q2 Alpha-Omega · quarterly</title>"));
    assert!(html.contains("<h1>2025 Q2 Alpha-Omega</h1>"));
    // Every key result, in order, with its status in words.
    let rows: Vec<&str> = html.split("data-kr=\"").skip(1).map(|rest| rest.split('"').next().unwrap()).collect();
    let expected: Vec<&str> = report.key_results().map(|(_, kr)| kr.id.as_str()).collect();
    assert_eq!(rows, expected);
    for (_, kr) in report.key_results() {
        assert!(html.contains(kr.status.as_ref().unwrap().kind.label()), "KR {}", kr.id);
    }
    // Links under the site's base; report links external and safe.
    assert!(html.contains("href=\"/reports/alpha-omega/history\""));
    for item in &report.news {
        assert!(html.contains(&format!("href=\"{}\" rel=\"noopener noreferrer\"", item.url)), "{}", item.url);
    }
    // No script but the data, which is what the app takes over with.
    assert_eq!(html.matches("<script").count(), 1);
    let data = preloaded(html);
    assert_eq!(data.catalog.as_ref(), Some(&catalog));
    assert_eq!(data.reports.get("alpha-omega/2025-q2.json"), Some(report));
    // The app page's "needs JavaScript" gives way to a note about the filters.
    assert!(!html.contains("needs JavaScript") && html.contains("Filters need JavaScript"));
    // The site's navigation, the current page not marked (a report is none of them).
    assert!(html.contains("<nav aria-label=\"Site\""));
    assert!(!html.contains("aria-current"));
}

#[test]
fn the_home_page_lists_every_initiative_of_the_latest_quarter_by_its_proper_name() {
    let (catalog, reports) = bundled();
    let (pages, _) = render(&catalog, &reports);
    let html = page(&pages, "index.html");
    assert!(html.contains("<head><meta name=\"quarterly-page\" content=\"/\" />"));
    assert!(html.contains("<title>2026 Q2 across the initiatives · quarterly</title>"));
    assert!(html.contains("<h1>2026 Q2 across the initiatives</h1>"));
    assert!(html.contains("href=\"/reports/\" aria-current=\"page\">Home</a>"), "the home link is marked current");
    // Filed: a card with the headline and a link to the report.
    let summary = summary();
    for slug in ["ai-ml-wg", "orbit-wg"] {
        let card = element_of(html, "li", slug);
        assert!(
            html.contains(&format!("<li data-initiative=\"{slug}\" class=\"initiative-card home-initiative\">")),
            "{slug}"
        );
        let name = &catalog.initiatives.iter().find(|i| i.slug == slug).unwrap().name;
        assert!(card.contains(&format!("<h3>{}</h3>", name.replace('&', "&amp;"))), "{card}");
        let headline =
            &summary.reports.iter().find(|r| r.initiative == slug && r.period == quarter("2026-q2")).unwrap().headline;
        assert!(headline.len() > 40, "{slug} has a headline: {headline:?}");
        assert!(card.contains(&headline.replace('&', "&amp;")), "{slug}: {headline}");
        assert!(card.contains(&format!("href=\"/reports/{slug}/2026-q2\"")), "{card}");
    }
    // Every other initiative, by its proper name, marked as not filed yet, with its newest report.
    for initiative in &catalog.initiatives {
        assert!(html.contains(&initiative.name.replace('&', "&amp;")), "{}", initiative.name);
    }
    let sigstore = element_of(html, "li", "sigstore");
    assert!(sigstore.contains("Sigstore") && sigstore.contains("Not filed yet for 2026 Q2"), "{sigstore}");
    assert!(sigstore.contains("href=\"/reports/sigstore/2026-q1\""), "{sigstore}");
    assert_eq!(html.matches("class=\"initiative-card home-initiative\"").count(), 2);
    assert_eq!(html.matches("class=\"not-filed-item home-initiative\"").count(), catalog.initiatives.len() - 2);
    // Links to the other foundation-wide pages.
    for path in ["/reports/filings", "/reports/tac?quarter=2026-q2", "/reports/search"] {
        assert!(html.contains(&format!("href=\"{path}\"")), "{path}");
    }
    // Its data: the catalog and the summary, no report.
    let data = preloaded(html);
    assert_eq!((data.catalog.as_ref(), data.summary.as_ref(), data.reports.len()), (Some(&catalog), Some(&summary), 0));
    assert!(html.contains("Choosing another quarter needs JavaScript"));
}

#[test]
fn the_grid_marks_a_missing_report_as_not_filed() {
    let (catalog, reports) = bundled();
    let (pages, _) = render(&catalog, &reports);
    let html = page(&pages, "filings.html");
    assert!(html.contains("<title>Who filed when · quarterly</title>"));
    // A region a keyboard can scroll.
    assert!(
        html.contains("role=\"region\" tabindex=\"0\" aria-label=\""),
        "the scrolling region is focusable and named"
    );
    let header: Vec<&str> = html
        .split("<th scope=\"col\"><a href=\"/reports/?quarter=")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    let column = header.iter().position(|slug| *slug == "2025-q4").expect("a 2025 Q4 column");
    let cells = |slug: &str| -> Vec<String> {
        element_of(html, "tr", slug).split("<td ").skip(1).map(|cell| cell.to_string()).collect()
    };
    let sigstore = cells("sigstore");
    assert_eq!(sigstore.len(), header.len());
    assert!(sigstore[column].contains("Not filed") && !sigstore[column].contains("href"), "{}", sigstore[column]);
    let vd = cells("vd-wg");
    assert!(vd[column].contains("href=\"/reports/vd-wg/2025-q4\"") && vd[column].contains(" Filed"), "{}", vd[column]);
    assert!(vd[column].contains("VD WG, 2025 Q4"), "the link names its report: {}", vd[column]);
    let filed = html.matches("class=\"filing filed\"").count();
    assert_eq!(filed, catalog.reports.len());
    assert_eq!(html.matches("class=\"filing not-filed\"").count(), header.len() * catalog.initiatives.len() - filed);
    // The grid needs the catalog only.
    let data = preloaded(html);
    assert_eq!((data.catalog.as_ref(), data.summary.as_ref(), data.reports.len()), (Some(&catalog), None, 0));
}

/// The asks of a quarter: initiative and anchor.
fn listed_asks(summary: &Summary, period: Period) -> Vec<(String, String)> {
    summary
        .reports
        .iter()
        .filter(|r| r.period == period)
        .flat_map(|r| r.asks.iter().map(move |a| (r.initiative.clone(), a.anchor.clone())))
        .collect()
}

#[test]
fn the_tac_page_opens_on_the_latest_quarter_and_says_when_it_has_no_asks() {
    let (catalog, reports) = bundled();
    let (pages, _) = render(&catalog, &reports);
    let html = page(&pages, "tac.html");
    assert!(html.contains("<title>For the TAC · quarterly</title>") && html.contains("<h1>For the TAC</h1>"));
    // 2026 Q2's only ask said "None planned at the time": none, so the page says so and offers
    // the quarters that have some.
    assert!(listed_asks(&summary(), quarter("2026-q2")).is_empty());
    assert_eq!(html.matches("<li class=\"ask ").count(), 0);
    assert!(html.contains("No questions or funding requests"), "the empty state");
    assert!(html.contains("href=\"/reports/tac?quarter=2025-q4\""), "a way to a quarter with asks");
    // The quarter picker offers every quarter, the initiative picker every initiative.
    assert!(html.contains("<option value=\"2024-q2\""));
    assert_eq!(html.matches("<option value=\"").count(), 9 + 1 + catalog.initiatives.len());
    let data = preloaded(html);
    assert_eq!((data.summary.as_ref(), data.reports.len()), (Some(&summary()), 0));
}

#[test]
fn the_tac_page_lists_a_quarters_asks_linked_to_their_place_and_narrows_to_an_initiative() {
    let (catalog, _) = bundled();
    let summary = summary();
    let preloaded =
        Preloaded { catalog: Some(catalog.clone()), summary: Some(summary.clone()), ..Preloaded::default() };
    let html = render_body("/", "/tac?quarter=2025-q3", &preloaded);
    let expected = listed_asks(&summary, quarter("2025-q3"));
    assert!(expected.len() >= 5, "{expected:?}");
    assert_eq!(html.matches("<li class=\"ask ").count(), expected.len());
    for (initiative, anchor) in &expected {
        let link = format!("href=\"/{initiative}/2025-q3#{anchor}\"");
        assert!(html.contains(&link), "{link}");
    }
    assert!(html.contains("Question for the TAC") && html.contains("Activity: OSPS Baseline SIG"));
    let html = render_body("/", "/tac?quarter=2025-q3&initiative=orbit-wg", &preloaded);
    assert_eq!(html.matches("<li class=\"ask ").count(), 4);
    assert!(html.contains("<h2 id=\"asks-orbit-wg\">ORBIT WG</h2>") && !html.contains("data-initiative=\"bear-wg\""));
    let html = render_body("/", "/tac?quarter=2025-q4&initiative=sigstore", &preloaded);
    assert_eq!(html.matches("<li class=\"ask ").count(), 0);
    assert!(html.contains("No questions or funding requests from Sigstore for 2025 Q4"), "a clear empty state");
    assert!(html.contains("href=\"/tac?quarter=2025-q4\""), "with a link to every initiative's");
    assert!(html.contains("href=\"/tac?quarter=2026-q1\""), "and to other quarters");
}

/// The 2025-Q4 template asks under "Questions / Requests for Oversight Body (e.g., TAC)".
#[test]
fn the_tac_page_lists_2025_q4_vd_wg_question() {
    let (catalog, _) = bundled();
    let preloaded = Preloaded { catalog: Some(catalog), summary: Some(summary()), ..Preloaded::default() };
    let html = render_body("/", "/tac?quarter=2025-q4&initiative=vd-wg", &preloaded);
    assert!(html.contains("Vulnerability Disclosures WG"));
    assert!(html.contains("https://github.com/ossf/tac/issues/530"), "{html}");
    assert!(html.contains("href=\"/vd-wg/2025-q4#activity-1-questions\""));
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
    assert_eq!(
        data.reports["alpha-omega/2025-q2.json"].objectives[0].key_results[0].text,
        vec![Inline::Text { text: hostile.into() }]
    );
}

#[test]
fn summary_text_cannot_become_markup_on_the_home_page() {
    let (catalog, reports) = bundled();
    let mut summary = summary();
    let hostile = "</script><script>alert(1)</script><!-- <b onclick=x>";
    for report in summary.reports.iter_mut().filter(|r| r.period == quarter("2026-q2")) {
        report.headline = hostile.into();
    }
    let (pages, _) = render_with(&catalog, Ok(&summary), &reports);
    let html = page(&pages, "index.html");
    assert!(!html.contains("<script>alert") && !html.contains("<b onclick"), "{html}");
    assert_eq!(html.matches("<script").count(), 1);
    assert_eq!(preloaded(html).summary.unwrap().reports, summary.reports);
}

#[test]
fn without_the_summary_the_home_and_tac_pages_are_skipped_with_the_reason() {
    let (catalog, reports) = bundled();
    let (pages, skipped) = render_with(&catalog, Err("cannot read data/summary.json".into()), &reports);
    assert_eq!(skipped, ["index.html and tac.html: cannot read data/summary.json"]);
    assert!(pages.iter().all(|page| page.file != "index.html" && page.file != "tac.html"));
    page(&pages, "filings.html");
}

#[test]
fn a_report_that_cannot_be_read_is_skipped_with_the_reason_and_the_rest_are_written() {
    let (mut catalog, reports) = bundled();
    let mut missing = catalog.find("alpha-omega", quarter("2024-q2")).unwrap().clone();
    missing.period.year = 2023;
    missing.path = "alpha-omega/2023-q2.json".into();
    catalog.reports.push(missing);
    let mut odd = catalog.reports[0].clone();
    odd.initiative.slug = "../escape".into();
    catalog.reports.push(odd);
    let (pages, skipped) = render(&catalog, &reports);
    assert_eq!(html_pages(&pages), catalog.reports.len() - 2 + histories(&catalog) + 3);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].contains("alpha-omega/2023-q2.json is missing"), "{skipped:?}");
    assert!(skipped[1].contains("cannot be a file name"), "{skipped:?}");
    // 2024 Q2 still renders; its comparison with the unreadable 2023 Q2 is left to the browser.
    let html = page(&pages, "alpha-omega/2024-q2.html");
    assert!(html.contains("<h1>"));
    assert!(preloaded(html).changes.is_empty());
    assert!(html.contains("Comparing with the previous quarter"));
}

#[test]
fn a_page_that_is_not_the_app_page_is_refused_with_the_reason() {
    let (catalog, reports) = bundled();
    let mut load = |entry: &CatalogEntry| reports.get(&entry.path).cloned().ok_or_else(|| "missing".to_string());
    let error = pages("<html><body></body></html>", &catalog, Ok(&summary()), &mut load, &mut history, None)
        .err()
        .expect("refused");
    assert!(error.contains("quarterly-base"), "{error}");
}

#[test]
fn each_initiatives_history_is_pre_rendered_with_its_one_file_inline() {
    let (catalog, reports) = bundled();
    let (pages, _) = render(&catalog, &reports);
    let html = page(&pages, "alpha-omega/history.html");
    assert_eq!(html.matches("class=\"history-row\"").count(), 19, "every key-result track");
    assert!(html.contains("<title>Alpha-Omega: history · quarterly</title>"));
    let inline = preloaded(html);
    assert_eq!(inline.histories.keys().collect::<Vec<_>>(), ["alpha-omega"]);
    assert_eq!(inline.histories["alpha-omega"], history("alpha-omega").unwrap());
    assert!(inline.reports.is_empty() && inline.summary.is_none(), "only what the page shows");
}

#[test]
fn a_history_that_cannot_be_read_is_skipped_with_the_reason() {
    let (catalog, reports) = bundled();
    let mut load = |entry: &CatalogEntry| reports.get(&entry.path).cloned().ok_or_else(|| "missing".to_string());
    let mut broken = |slug: &str| {
        if slug == "sigstore" {
            Err("cannot read data/sigstore/history.json".to_string())
        } else {
            history(slug)
        }
    };
    let (pages, skipped) = pages(APP_PAGE, &catalog, Ok(&summary()), &mut load, &mut broken, None).unwrap();
    assert_eq!(skipped, ["sigstore/history.json: cannot read data/sigstore/history.json"]);
    assert!(pages.iter().all(|page| page.file != "sigstore/history.html"));
    page(&pages, "vd-wg/history.html");
}
