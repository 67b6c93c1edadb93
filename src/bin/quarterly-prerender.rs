//! `quarterly-prerender <site>`: writes each report's first view as static HTML into a built site
//! (`<initiative>/<year>-q<n>.html`), each initiative's history (`<initiative>/history.html`), and the home page (`index.html`), the filing grid
//! (`filings.html`) and "For the TAC" (`tac.html`), from its app page
//! (`404.html`, which stays the plain app) and its `data/`. Trunk's post-build hook runs it; run
//! it again after replacing a built site's data.

fn main() {
    use quarterly::app::api::{decode, report_url};
    use quarterly::app::prerender::pages;
    use std::path::PathBuf;

    let mut args = std::env::args_os().skip(1);
    let (Some(site), None) = (args.next().map(PathBuf::from), args.next()) else {
        eprintln!("usage: quarterly-prerender <built site folder>");
        std::process::exit(2);
    };
    // Bytes: the data files are decoded as the browser decodes them (`decode`).
    let read = |relative: &str| {
        std::fs::read(site.join(relative))
            .map_err(|error| format!("cannot read {}: {error}", site.join(relative).display()))
    };
    let run = || -> Result<usize, String> {
        let app_page = String::from_utf8(read("404.html")?).map_err(|_| "404.html is not UTF-8".to_string())?;
        let catalog = decode(quarterly::app::api::CATALOG_PATH, &read(quarterly::app::api::CATALOG_PATH)?)
            .map_err(|e| e.to_string())?;
        let mut load = |entry: &quarterly_core::model::CatalogEntry| {
            let url = report_url(&entry.path).map_err(|e| e.to_string())?;
            decode(&url, &read(&url)?).map_err(|e| e.to_string())
        };
        let summary_path = quarterly::app::api::SUMMARY_PATH;
        let summary: Result<quarterly_core::model::summary::Summary, String> =
            read(summary_path).and_then(|text| decode(summary_path, &text).map_err(|e| e.to_string()));
        let mut load_history = |slug: &str| {
            let url = quarterly::app::api::history_url(slug).map_err(|e| e.to_string())?;
            decode(&url, &read(&url)?).map_err(|e| e.to_string())
        };
        // The site's public address, for the feeds, the sitemap and the pages' canonical links.
        let site_url = std::env::var("QUARTERLY_SITE_URL").ok().filter(|url| !url.is_empty());
        if site_url.is_none() {
            eprintln!("quarterly-prerender: QUARTERLY_SITE_URL is not set: feeds and links use http://127.0.0.1:8080");
        }
        let summary = summary.as_ref().map_err(Clone::clone);
        let (written, skipped) =
            pages(&app_page, &catalog, summary, &mut load, &mut load_history, site_url.as_deref())?;
        for page in &written {
            let path = site.join(&page.file);
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
            }
            std::fs::write(&path, &page.html).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        for reason in &skipped {
            eprintln!("quarterly-prerender: not pre-rendered (the app page loads it instead): {reason}");
        }
        Ok(written.len())
    };
    match run() {
        Ok(count) => eprintln!("quarterly-prerender: {count} pages written to {}", site.display()),
        Err(error) => {
            eprintln!("quarterly-prerender: {error}");
            std::process::exit(1);
        }
    }
}
