//! The `lang=en|zh` key of a link: it fixes the page's language. The
//! playground's decoder skips it (no warning) and the page keeps it, as
//! written, when it rewrites the hash.

use super::Lang;

/// The key's pairs as written in a hash (`lang=…`).
fn is_lang_pair(pair: &str) -> bool {
    pair.split('=').next() == Some("lang")
}

/// The language a link asks for (its first `lang` key the page knows).
pub fn link_lang(hash: &str) -> Option<Lang> {
    hash.trim_start_matches('#')
        .split('&')
        .filter(|p| is_lang_pair(p))
        .find_map(|p| Lang::from_tag(p.split_once('=')?.1))
}

/// The link's language part as written (`&lang=zh`), empty without one.
pub fn lang_part(hash: &str) -> String {
    match link_lang(hash) {
        Some(l) => format!("&lang={}", l.code()),
        None => String::new(),
    }
}

/// `hash` with its language key set to `lang` (when it has one; a link
/// without a language keeps following the browser).
pub fn relink(hash: &str, lang: Lang) -> String {
    let pairs = hash.trim_start_matches('#').split('&');
    let kept: Vec<String> = pairs
        .map(|p| {
            if is_lang_pair(p) {
                format!("lang={}", lang.code())
            } else {
                p.to_string()
            }
        })
        .collect();
    kept.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_names_its_language() {
        assert_eq!(link_lang("#ds=xor&lang=zh"), Some(Lang::Zh));
        assert_eq!(link_lang("lang=en&ds=xor"), Some(Lang::En));
        assert_eq!(link_lang("ds=xor&lang=fr"), None);
        assert_eq!(link_lang("ds=xor&language=zh"), None);
        assert_eq!(lang_part("ds=xor&lang=zh-CN"), "&lang=zh");
        assert_eq!(lang_part("ds=xor"), "");
        assert_eq!(relink("ds=xor&lang=zh&seed=2", Lang::En), "ds=xor&lang=en&seed=2");
        assert_eq!(relink("ds=xor", Lang::En), "ds=xor");
    }
}
