//! oEmbed (<https://oembed.com>): what a pasted address of the site becomes in WordPress and
//! other consumers, and WordPress's embed protocol as the framed page sees it.
//!
//! The site is static, so each pre-rendered page's oEmbed response is a file written at build
//! time (`oembed/<page>.json`), found through the page's discovery link. A consumer fetches
//! the page without running it, and a static host answers every query of an address with the
//! same file: the response can only describe the page's address, and embeds its default view.

use serde::Serialize;

/// The width and the first height of the iframe (CSS pixels). WordPress then sizes the frame
/// from the height messages, between 200 and 1000.
pub const WIDTH: u32 = 600;
/// See [`WIDTH`].
pub const HEIGHT: u32 = 800;

/// One page's oEmbed response: type `rich`, with an iframe of the page's embed view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Response {
    /// Always "rich": HTML to show, rather than a photo or a video.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Always "1.0", the specification's version.
    pub version: &'static str,
    /// The page's title.
    pub title: String,
    /// Who made what is shown: the initiative, or the foundation for its overviews.
    pub author_name: String,
    /// Where more of the author's reports are.
    pub author_url: String,
    /// The site's name.
    pub provider_name: String,
    /// The site's address.
    pub provider_url: String,
    /// How long a consumer may keep this response (seconds): a day, as the site rebuilds daily.
    pub cache_age: u32,
    /// The iframe's width.
    pub width: u32,
    /// The iframe's first height.
    pub height: u32,
    /// A link to the page (what WordPress shows while the frame loads, and if it never does),
    /// then the iframe of the embed view.
    pub html: String,
}

/// What a page embeds as.
pub struct Page<'a> {
    /// The page's title.
    pub title: &'a str,
    /// The page's full address.
    pub url: &'a str,
    /// The full address of its embed view (`…?embed=1&section=okrs`).
    pub embed_url: &'a str,
    /// Who made it, and where more of theirs is.
    pub author: (&'a str, &'a str),
}

/// The response for `page` on the site called `provider` at `provider_url`.
pub fn response(page: &Page, provider: &str, provider_url: &str) -> Response {
    let escape = crate::feeds::escape;
    let html = format!(
        "<blockquote><a href=\"{url}\">{title}</a></blockquote>\
         <iframe src=\"{src}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" title=\"{title}\" frameborder=\"0\" \
         marginwidth=\"0\" marginheight=\"0\"></iframe>",
        url = escape(page.url),
        title = escape(page.title),
        src = escape(page.embed_url),
    );
    Response {
        kind: "rich",
        version: "1.0",
        title: page.title.to_string(),
        author_name: page.author.0.to_string(),
        author_url: page.author.1.to_string(),
        provider_name: provider.to_string(),
        provider_url: provider_url.to_string(),
        cache_age: 86_400,
        width: WIDTH,
        height: HEIGHT,
        html,
    }
}

/// Where a page's response is written, below the site: `oembed/alpha-omega/2025-q2.json`;
/// the home page's is `oembed/index.json`.
pub fn file(site_path: &str) -> String {
    match site_path.split('?').next().unwrap_or_default().trim_matches('/') {
        "" => "oembed/index.json".to_string(),
        path => format!("oembed/{path}.json"),
    }
}

/// The secret WordPress gives a frame in its address (`#?secret=Ab3dE9xYz0`), which every
/// message to WordPress must carry. WordPress makes it of letters and digits and drops any
/// message whose secret has anything else, so such a fragment is no secret.
pub fn wordpress_secret(fragment: &str) -> Option<&str> {
    let query = fragment.trim_start_matches('#').strip_prefix('?')?;
    let secret = query.split('&').find_map(|pair| pair.strip_prefix("secret="))?;
    (!secret.is_empty() && secret.len() <= 64 && secret.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Response {
        response(
            &Page {
                title: "2025 Q2 \"Alpha\" & <Omega>",
                url: "https://r.example.org/alpha-omega/2025-q2",
                embed_url: "https://r.example.org/alpha-omega/2025-q2?embed=1&section=okrs",
                author: ("Alpha-Omega", "https://r.example.org/alpha-omega/history"),
            },
            "quarterly",
            "https://r.example.org/",
        )
    }

    #[test]
    fn a_rich_response_has_every_field_the_specification_requires() {
        let json = serde_json::to_value(page()).unwrap();
        // oembed.com 2.3.4: type and version always; html, width and height for "rich".
        assert_eq!(json["type"], "rich");
        assert_eq!(json["version"], "1.0");
        for field in ["html", "width", "height", "title", "provider_name", "provider_url", "author_name", "author_url"]
        {
            assert!(!json[field].is_null(), "{field} missing from {json}");
        }
        assert!(json["width"].is_u64() && json["height"].is_u64());
    }

    #[test]
    fn the_html_is_a_link_then_an_iframe_of_the_embed_view_with_the_text_escaped() {
        let html = page().html;
        assert!(html.starts_with("<blockquote><a href=\"https://r.example.org/alpha-omega/2025-q2\">"), "{html}");
        assert!(html.contains("src=\"https://r.example.org/alpha-omega/2025-q2?embed=1&amp;section=okrs\""), "{html}");
        assert!(html.contains("title=\"2025 Q2 &quot;Alpha&quot; &amp; &lt;Omega&gt;\""), "{html}");
        assert!(html.ends_with("></iframe>"), "{html}");
    }

    #[test]
    fn each_page_has_its_own_file() {
        assert_eq!(file("/alpha-omega/2025-q2"), "oembed/alpha-omega/2025-q2.json");
        assert_eq!(file("/"), "oembed/index.json");
        assert_eq!(file("/tac?quarter=2025-q4"), "oembed/tac.json");
    }

    #[test]
    fn only_a_secret_of_letters_and_digits_counts() {
        assert_eq!(wordpress_secret("#?secret=Ab3dE9xYz0"), Some("Ab3dE9xYz0"));
        assert_eq!(wordpress_secret("?secret=abc&x=1"), Some("abc"));
        for bad in ["", "#", "#secret=abc", "#?secret=", "#?secret=a\"b", "#?secret=a%20b", "#?other=1"] {
            assert_eq!(wordpress_secret(bad), None, "{bad}");
        }
        assert_eq!(wordpress_secret(&format!("#?secret={}", "a".repeat(65))), None);
    }
}
