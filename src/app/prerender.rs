//! Build time: each report's first view, the home page, the filing grid and "For the TAC"
//! rendered to static HTML by the same components the browser runs, so a reader sees the page at
//! static-page speed (and without JavaScript at all) while the app loads; `start` then takes over
//! the page without a visible change.

use super::loaded::{Preloaded, BASE_META, PAGE_META, PRELOADED_ID};
use super::site::SITE;
use super::views::{filings_page, home_page};
use super::{escape_html as escape, App, SiteBase};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_router::location::RequestUrl;
use quarterly_core::feeds::{atom, sitemap, Feed, FeedEntry};
use quarterly_core::history::changes;
use quarterly_core::model::summary::{History, Summary};
use quarterly_core::model::{blocks_plain_text, Catalog, CatalogEntry, Report};
use quarterly_core::oembed;
use quarterly_core::url_state::{asks_path, filings_path, history_path, report_path, AskFilter};

/// One page to write: where (`alpha-omega/2025-q2.html`, `index.html` for `/`, `filings.html`,
/// `tac.html`) and its HTML.
pub struct Page {
    pub file: String,
    pub html: String,
}

/// What the site's app page (`template`, Trunk's index.html after post_build) needs to become a
/// pre-rendered page, or why it cannot.
struct Template<'a> {
    head: &'a str,
    tail: &'a str,
    base: String,
}

fn template(html: &str) -> Result<Template<'_>, String> {
    let base = html
        .split(&format!("<meta name=\"{BASE_META}\" content=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .filter(|base| base.starts_with('/') && base.ends_with('/'))
        .ok_or(format!(
            "the page has no <meta name=\"{BASE_META}\"> (is it Trunk's output after scripts/post_build.py?)"
        ))?
        .to_string();
    if !html.contains("<head>") {
        return Err("the page has no <head>".into());
    }
    let open = html.find("<body>").ok_or("the page has no <body>")? + "<body>".len();
    let close = html.rfind("</body>").ok_or("the page has no </body>")?;
    Ok(Template { head: &html[..open], tail: &html[close..], base })
}

/// The body of the app at `site_path` (`/` or `/alpha-omega/2025-q2`), as the browser renders it
/// with `preloaded` at hand.
pub fn render_body(base: &str, site_path: &str, preloaded: &Preloaded) -> String {
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&format!("{}{site_path}", base.trim_end_matches('/'))));
        provide_context(SiteBase(base.to_string()));
        let preloaded = preloaded.clone();
        view! { <App preloaded=preloaded /> }.to_html()
    });
    drop(owner);
    html
}

/// The data a report's page carries: the catalog, the report and its changes since the one
/// before.
fn preloaded_for(
    catalog: &Catalog,
    entry: &CatalogEntry,
    load: &mut dyn FnMut(&CatalogEntry) -> Result<Report, String>,
) -> Result<Preloaded, String> {
    let mut preloaded = Preloaded { catalog: Some(catalog.clone()), ..Preloaded::default() };
    let report = load(entry)?;
    if let Some(previous) = catalog.previous(&entry.initiative.slug, entry.period) {
        // Without it the browser fetches the previous report and compares: not a reason to skip
        // the page.
        if let Ok(previous) = load(previous) {
            preloaded.changes.insert(entry.path.clone(), changes(&previous, &report));
        }
    }
    preloaded.reports.insert(entry.path.clone(), report);
    Ok(preloaded)
}

/// Every page of the catalog's reports, the home page (`/`), the filing grid and "For the TAC",
/// from the app's page. `summary` is `summary.json` or why it could not be read. A page whose
/// data cannot be read is skipped with the reason: the app page fetches it instead.
///
/// `site_url` is the site's public address (`https://reports.example.org/quarterly/`), for the
/// feeds, the sitemap and each page's canonical and sharing links; without it, the address
/// `scripts/serve` serves (`http://127.0.0.1:8080` and the site's base).
pub fn pages(
    app_page: &str,
    catalog: &Catalog,
    summary: Result<&Summary, String>,
    load: &mut dyn FnMut(&CatalogEntry) -> Result<Report, String>,
    load_history: &mut dyn FnMut(&str) -> Result<History, String>,
    site_url: Option<&str>,
) -> Result<(Vec<Page>, Vec<String>), String> {
    let template = template(app_page)?;
    let site_url = site_url.map_or_else(|| format!("http://127.0.0.1:8080{}", template.base), str::to_string);
    let mut written = Written { site_url, ..Written::default() };
    report_pages(&template, catalog, load, &mut written);
    history_pages(&template, catalog, load_history, &mut written);
    foundation_pages(&template, catalog, summary, &mut written);
    feeds_and_sitemap(catalog, &mut written);
    Ok((written.pages, written.skipped))
}

/// The pages written so far, and why others were skipped.
#[derive(Default)]
struct Written {
    pages: Vec<Page>,
    skipped: Vec<String>,
    /// Every page's site path, for the sitemap.
    paths: Vec<String>,
    /// Every report written, for the feeds.
    entries: Vec<(String, FeedEntry)>,
    site_url: String,
}

impl Written {
    /// Adds a page at `site_path`, its head telling readers, feed readers and link previews what
    /// it is.
    fn page(&mut self, template: &Template, head: Head, note: Option<&str>, body: &str, preloaded: &Preloaded) {
        let file = match head.site_path.trim_start_matches('/') {
            "" => "index.html".to_string(),
            path => format!("{}.html", path.split('?').next().unwrap_or(path)),
        };
        let html = page(template, &self.site_url, &head, note, body, preloaded);
        self.paths.push(head.site_path.trim_start_matches('/').to_string());
        self.pages.push(Page { file, html });
        self.oembed(&head);
    }

    /// The page's oEmbed response: an iframe of its embed view, which its head's discovery link
    /// points to.
    fn oembed(&mut self, head: &Head) {
        let url = page_url(&self.site_url, head.site_path);
        let embed_url = format!("{url}?{}", head.embed_query);
        let author = match head.initiative {
            Some((slug, name)) => (name.to_string(), page_url(&self.site_url, &history_path(slug))),
            None => (SITE.reporters(), self.site_url.clone()),
        };
        let page = oembed::Page { title: head.title, url: &url, embed_url: &embed_url, author: (&author.0, &author.1) };
        let response = oembed::response(&page, SITE.title, &self.site_url);
        let json = serde_json::to_string(&response).expect("an oEmbed response always serialises");
        self.pages.push(Page { file: oembed::file(head.site_path), html: json });
    }
}

/// What a page's head says about it.
struct Head<'a> {
    site_path: &'a str,
    title: &'a str,
    /// A sentence or two for link previews.
    description: String,
    /// The initiative whose feed the page links besides the site's: (slug, name).
    initiative: Option<(&'a str, &'a str)>,
    /// What the page's embed view adds to its address (`embed=1&section=okrs`).
    embed_query: &'static str,
}

/// A site path's full address.
fn page_url(site_url: &str, site_path: &str) -> String {
    format!("{}/{}", site_url.trim_end_matches('/'), site_path.trim_start_matches('/'))
}

/// The embed view of a page: the whole page without the site's chrome.
const EMBED: &str = "embed=1";
/// A report with key results embeds them (its filter bar, chart and table), which is what
/// WordPress's frame, at most 1000 pixels high, has room for.
const EMBED_OKRS: &str = "embed=1&section=okrs";

/// The Atom feeds (every report; each initiative's) and the sitemap of every page written.
fn feeds_and_sitemap(catalog: &Catalog, written: &mut Written) {
    let author = SITE.reporters();
    let mut feeds = vec![Feed {
        title: format!("{}: every report", SITE.title),
        path: "feed.xml".into(),
        page: String::new(),
        author: author.clone(),
        entries: written.entries.iter().map(|(_, entry)| entry.clone()).collect(),
    }];
    for initiative in &catalog.initiatives {
        let entries: Vec<FeedEntry> =
            written.entries.iter().filter(|(slug, _)| *slug == initiative.slug).map(|(_, e)| e.clone()).collect();
        if !entries.is_empty() {
            feeds.push(Feed {
                title: format!("{}: {}", SITE.title, initiative.name),
                path: format!("{}/feed.xml", initiative.slug),
                page: history_path(&initiative.slug).trim_start_matches('/').to_string(),
                author: author.clone(),
                entries,
            });
        }
    }
    for feed in feeds {
        let xml = atom(&feed, &written.site_url);
        written.pages.push(Page { file: feed.path, html: xml });
    }
    let xml = sitemap(&written.paths, &written.site_url);
    written.pages.push(Page { file: "sitemap.xml".into(), html: xml });
}

/// Each report's page, with its report and what changed since the one before it.
fn report_pages(
    template: &Template,
    catalog: &Catalog,
    load: &mut dyn FnMut(&CatalogEntry) -> Result<Report, String>,
    written: &mut Written,
) {
    for entry in &catalog.reports {
        let slug = &entry.initiative.slug;
        if !is_file_name(slug) {
            written.skipped.push(format!("{}: the initiative \"{slug}\" cannot be a file name", entry.path));
            continue;
        }
        let preloaded = match preloaded_for(catalog, entry, load) {
            Ok(preloaded) => preloaded,
            Err(error) => {
                written.skipped.push(format!("{}: {error}", entry.path));
                continue;
            }
        };
        let path = report_path(slug, entry.period);
        let body = render_body(&template.base, &path, &preloaded);
        let report = preloaded.reports.get(&entry.path);
        // The overview's first paragraph: what the feed and a link preview say of the report.
        let summary = report.map(|r| blocks_plain_text(&r.overview[..r.overview.len().min(1)])).unwrap_or_default();
        written.entries.push((
            slug.clone(),
            FeedEntry {
                title: entry.title.clone(),
                path: path.trim_start_matches('/').to_string(),
                period: entry.period,
                summary: summary.clone(),
            },
        ));
        let has_key_results = report.is_some_and(|report| report.key_results().next().is_some());
        let head = Head {
            site_path: &path,
            title: &entry.title,
            description: summary,
            initiative: Some((slug, &entry.initiative.name)),
            embed_query: if has_key_results { EMBED_OKRS } else { EMBED },
        };
        written.page(template, head, REPORT_NOTE, &body, &preloaded);
    }
}

/// Each initiative's history, with its one history file.
fn history_pages(
    template: &Template,
    catalog: &Catalog,
    load_history: &mut dyn FnMut(&str) -> Result<History, String>,
    written: &mut Written,
) {
    for initiative in &catalog.initiatives {
        let slug = &initiative.slug;
        if !catalog.has_reports(slug) || !is_file_name(slug) {
            continue;
        }
        match load_history(slug) {
            Ok(history) => {
                let mut preloaded = Preloaded { catalog: Some(catalog.clone()), ..Preloaded::default() };
                preloaded.histories.insert(slug.clone(), history);
                let path = history_path(slug);
                let body = render_body(&template.base, &path, &preloaded);
                let title = format!("{}: history", initiative.name);
                let description = format!("Every objective and key result of {} across its quarters.", initiative.name);
                let initiative = Some((slug.as_str(), initiative.name.as_str()));
                let head = Head { site_path: &path, title: &title, description, initiative, embed_query: EMBED };
                written.page(template, head, None, &body, &preloaded);
            }
            Err(error) => written.skipped.push(format!("{slug}/history.json: {error}")),
        }
    }
}

/// The foundation-wide pages: the grid needs the catalog only, the home page and "For the TAC"
/// the summary too.
fn foundation_pages(template: &Template, catalog: &Catalog, summary: Result<&Summary, String>, written: &mut Written) {
    let with_catalog = Preloaded { catalog: Some(catalog.clone()), ..Preloaded::default() };
    let filings = filings_path();
    let body = render_body(&template.base, &filings, &with_catalog);
    let head = Head {
        site_path: &filings,
        title: filings_page::HEADING,
        description: SITE.tagline(),
        initiative: None,
        embed_query: EMBED,
    };
    written.page(template, head, None, &body, &with_catalog);
    match summary {
        Ok(summary) => {
            let preloaded = Preloaded { summary: Some(summary.clone()), ..with_catalog };
            let home = home_page::default_heading(catalog).unwrap_or_else(|| SITE.tagline());
            let tac = asks_path(&AskFilter::default());
            for (site_path, title, note) in [("/", home, HOME_NOTE), (tac.as_str(), SITE.asks_title(), ASKS_NOTE)] {
                let body = render_body(&template.base, site_path, &preloaded);
                let head = Head {
                    site_path,
                    title: &title,
                    description: SITE.tagline(),
                    initiative: None,
                    embed_query: EMBED,
                };
                written.page(template, head, note, &body, &preloaded);
            }
        }
        Err(error) => written.skipped.push(format!("index.html and tac.html: {error}")),
    }
}

/// The app page's head without its general `<meta name="description">`: each page says its own.
fn without_description(head: &str) -> String {
    match head.find("<meta name=\"description\"") {
        Some(start) => match head[start..].find('>') {
            Some(length) => format!("{}{}", &head[..start], &head[start + length + 1..]),
            None => head.to_string(),
        },
        None => head.to_string(),
    }
}

/// A page's canonical address, its feeds, and what link previews (OpenGraph, Twitter) show.
fn links(template: &Template, site_url: &str, head: &Head) -> String {
    let url = page_url(site_url, head.site_path);
    let feed = |title: &str, path: &str| {
        format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}{path}\" />",
            escape(title),
            template.base
        )
    };
    let mut links = format!("<link rel=\"canonical\" href=\"{}\" />", escape(&url));
    // oEmbed discovery: absolute, as consumers (WordPress) take the address as it is.
    links.push_str(&format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" title=\"{}\" href=\"{}\" />",
        escape(head.title),
        escape(&page_url(site_url, &oembed::file(head.site_path)))
    ));
    links.push_str(&feed(&format!("{}: every report", SITE.title), "feed.xml"));
    if let Some((slug, name)) = head.initiative {
        links.push_str(&feed(&format!("{}: {name}", SITE.title), &format!("{slug}/feed.xml")));
    }
    let description = escape(&head.description);
    let title = escape(head.title);
    links.push_str(&format!(
        "<meta name=\"description\" content=\"{description}\" />\
         <meta property=\"og:type\" content=\"website\" />\
         <meta property=\"og:site_name\" content=\"{}\" />\
         <meta property=\"og:title\" content=\"{title}\" />\
         <meta property=\"og:description\" content=\"{description}\" />\
         <meta property=\"og:url\" content=\"{}\" />\
         <meta name=\"twitter:card\" content=\"summary\" />\
         <meta name=\"twitter:title\" content=\"{title}\" />\
         <meta name=\"twitter:description\" content=\"{description}\" />",
        escape(SITE.title),
        escape(&url)
    ));
    links
}

/// Whether a slug can name a file and folder of the built site.
fn is_file_name(slug: &str) -> bool {
    !slug.is_empty() && slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// What a page without JavaScript says it cannot do.
const REPORT_NOTE: Option<&str> = Some("Filters need JavaScript: the whole report is shown.");
const HOME_NOTE: Option<&str> = Some("Choosing another quarter needs JavaScript: the latest is shown.");
const ASKS_NOTE: Option<&str> =
    Some("Choosing another quarter or initiative needs JavaScript: the latest quarter is shown.");

fn page(
    template: &Template,
    site_url: &str,
    head: &Head,
    note: Option<&str>,
    body: &str,
    preloaded: &Preloaded,
) -> String {
    // The same title the app sets; the page's own path, for the boot script (post_build.py),
    // which must find it before it runs; then the links and the preview.
    let title = SITE.page_title(head.title);
    let head = without_description(template.head)
        .replacen(
            "<title>quarterly</title>",
            &format!("<title>{}</title>{}", escape(&title), links(template, site_url, head)),
            1,
        )
        .replacen("<head>", &format!("<head><meta name=\"{PAGE_META}\" content=\"{}\" />", escape(head.site_path)), 1);
    let note =
        note.map(|note| format!("<noscript><p class=\"noscript\">{}</p></noscript>", escape(note))).unwrap_or_default();
    format!(
        "{head}{note}{body}<script type=\"application/json\" id=\"{PRELOADED_ID}\">{}</script>{}",
        preloaded.to_script_json(),
        template.tail
    )
}
