//! Atom feeds of the reports (one for all, one per initiative) and the sitemap, as text the build
//! writes next to the pages. Every address is absolute, under the site's public address, since
//! feed readers and search engines read these files away from the site.

use crate::model::Period;

/// One report in a feed.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedEntry {
    /// The report's title ("2025 Q2 Alpha-Omega").
    pub title: String,
    /// The report page's site path, without a leading slash ("alpha-omega/2025-q2").
    pub path: String,
    /// The quarter it covers; its last day is the entry's date (reports carry no filing date).
    pub period: Period,
    /// The overview's first paragraph, as plain text.
    pub summary: String,
}

/// A feed: its title, where it lives and its reports (any order; newest first in the feed).
#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    /// The feed's title ("OpenSSF quarterly reports").
    pub title: String,
    /// The feed file's site path ("feed.xml", "alpha-omega/feed.xml").
    pub path: String,
    /// The page the feed is about ("", "alpha-omega/history").
    pub page: String,
    /// Who wrote the reports, for readers that show an author.
    pub author: String,
    /// The reports.
    pub entries: Vec<FeedEntry>,
}

/// The last day of a quarter, as an Atom date (`2025-06-30T00:00:00Z`).
pub fn quarter_end(period: Period) -> String {
    let (month, day) = match period.quarter {
        1 => (3, 31),
        2 => (6, 30),
        3 => (9, 30),
        _ => (12, 31),
    };
    format!("{:04}-{month:02}-{day:02}T00:00:00Z", period.year)
}

/// `site_url` with exactly one slash before `path`.
fn absolute(site_url: &str, path: &str) -> String {
    format!("{}/{}", site_url.trim_end_matches('/'), path.trim_start_matches('/'))
}

/// Text made safe inside XML or HTML text and double-quoted attributes (the feeds here; the
/// viewer's snippets and pre-rendered heads through `escape_html`).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The feed as an Atom document, entries newest first, addresses under `site_url`
/// (`https://reports.example.org/quarterly/`).
pub fn atom(feed: &Feed, site_url: &str) -> String {
    let mut entries: Vec<&FeedEntry> = feed.entries.iter().collect();
    entries.sort_by(|a, b| b.period.cmp(&a.period).then_with(|| a.title.cmp(&b.title)));
    let updated = entries.first().map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| quarter_end(e.period));
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  \
         <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  \
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{updated}</updated>\n  \
         <author><name>{}</name></author>\n",
        escape(&feed.title),
        escape(&absolute(site_url, &feed.path)),
        escape(&absolute(site_url, &feed.path)),
        escape(&absolute(site_url, &feed.page)),
        escape(&feed.author),
    );
    for entry in entries {
        let url = escape(&absolute(site_url, &entry.path));
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{url}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n    \
             <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape(&entry.title),
            quarter_end(entry.period),
            escape(&entry.summary),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// A sitemap (sitemaps.org) of `paths` under `site_url`.
pub fn sitemap(paths: &[String], site_url: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&absolute(site_url, path))));
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(slug: &str) -> Period {
        Period::from_slug(slug).unwrap()
    }

    fn feed() -> Feed {
        let entry = |title: &str, path: &str, slug: &str, summary: &str| FeedEntry {
            title: title.into(),
            path: path.into(),
            period: period(slug),
            summary: summary.into(),
        };
        Feed {
            title: "Reports & more".into(),
            path: "feed.xml".into(),
            page: String::new(),
            author: "OpenSSF Technical Initiatives".into(),
            entries: vec![
                entry("2025 Q1 A", "a/2025-q1", "2025-q1", "Older."),
                entry("2025 Q4 <B>", "b/2025-q4", "2025-q4", "Says \"5 < 6\" & more."),
            ],
        }
    }

    #[test]
    fn quarters_end_on_their_last_day() {
        assert_eq!(quarter_end(period("2025-q1")), "2025-03-31T00:00:00Z");
        assert_eq!(quarter_end(period("2024-q4")), "2024-12-31T00:00:00Z");
    }

    #[test]
    fn the_feed_lists_reports_newest_first_with_absolute_links_and_escaped_text() {
        let xml = atom(&feed(), "https://reports.example.org/q/");
        assert!(xml.contains("<title>Reports &amp; more</title>"), "{xml}");
        assert!(xml.contains(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://reports.example.org/q/feed.xml\"/>"
        ));
        assert!(xml.contains("<updated>2025-12-31T00:00:00Z</updated>\n  <author>"), "{xml}");
        let newest = xml.find("2025 Q4 &lt;B&gt;").unwrap();
        let older = xml.find("2025 Q1 A").unwrap();
        assert!(newest < older, "{xml}");
        assert!(xml.contains("<id>https://reports.example.org/q/b/2025-q4</id>"), "{xml}");
        assert!(xml.contains("<summary>Says &quot;5 &lt; 6&quot; &amp; more.</summary>"), "{xml}");
        assert_eq!(xml.matches("<entry>").count(), 2);
    }

    #[test]
    fn the_sitemap_holds_every_page_once_under_the_site() {
        let xml = sitemap(&["".into(), "a/2025-q1".into()], "https://x.example");
        assert!(
            xml.contains("<loc>https://x.example/</loc>") && xml.contains("<loc>https://x.example/a/2025-q1</loc>")
        );
        assert_eq!(xml.matches("<url>").count(), 2);
    }
}
