//! A lesson's Markdown as HTML, with pulldown-cmark. Raw HTML is never markup:
//! HTML blocks and inline tags come out as escaped text. Images are not
//! fetched (their alt text stays); links are kept only to http(s) addresses
//! and open in a new tab with `rel="noopener noreferrer"`.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

/// Whether a link target may be followed.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Escapes text for an attribute value.
fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    // Which open links were kept (closing tags must match).
    let mut links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|e| match e {
        // Raw HTML: shown as the text it is.
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        Event::Start(Tag::Link { dest_url, title, .. }) => {
            let keep = safe_url(&dest_url);
            links.push(keep);
            keep.then(|| {
                let title = if title.is_empty() {
                    String::new()
                } else {
                    format!(" title=\"{}\"", attr(&title))
                };
                // Our own markup, built from escaped parts.
                Event::Html(CowStr::from(format!(
                    "<a href=\"{}\"{title} target=\"_blank\" rel=\"noopener noreferrer\">",
                    attr(dest_url.trim())
                )))
            })
        }
        Event::End(TagEnd::Link) => links.pop().unwrap_or(false).then(|| Event::Html(CowStr::from("</a>"))),
        // No image is fetched: the alt text (the events inside) stays.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        e => Some(e),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn markdown_becomes_html() {
        let h = to_html("# Title\n\nSome **bold** and *italic*, `code`.\n\n- one\n- two\n");
        assert!(h.contains("<h1>Title</h1>"), "{h}");
        assert!(
            h.contains("<strong>bold</strong>") && h.contains("<em>italic</em>"),
            "{h}"
        );
        assert!(h.contains("<li>one</li>") && h.contains("<code>code</code>"), "{h}");
    }

    #[test]
    fn raw_html_is_shown_as_text_never_as_markup() {
        for hostile in [
            "<script>alert(1)</script>",
            "hello <script>alert(1)</script> world",
            "<img src=x onerror=alert(1)>",
            "para\n\n<div onclick=\"x()\">block</div>\n",
            "<iframe src=\"https://evil\"></iframe>",
            "<a href=\"javascript:alert(1)\">x</a>",
        ] {
            let h = to_html(hostile);
            assert!(
                !h.contains("<script") && !h.contains("<img") && !h.contains("<div"),
                "{hostile} → {h}"
            );
            assert!(!h.contains("<iframe") && !h.contains("<a "), "{hostile} → {h}");
            assert!(h.contains("&lt;"), "{hostile} → {h}");
        }
    }

    #[test]
    fn only_web_links_are_kept_and_images_are_not_fetched() {
        let h = to_html("[ok](https://example.org/a?b=1&c=\"2\") [bad](javascript:alert(1)) ![cat](https://x/cat.png)");
        assert!(
            h.contains("<a href=\"https://example.org/a?b=1&amp;c=%222%22\"")
                || h.contains("<a href=\"https://example.org/a?b=1&amp;c="),
            "{h}"
        );
        assert!(h.contains("rel=\"noopener noreferrer\""), "{h}");
        assert!(!h.contains("javascript"), "{h}");
        assert!(!h.contains("<img") && h.contains("cat"), "{h}");
        assert_eq!(h.matches("<a ").count(), h.matches("</a>").count(), "{h}");
    }
}
