//! The URL hash: read at start, rewritten (without history entries) on every change.

use crate::web::dom::window;

pub fn read_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Replaces the hash without adding a history entry. The search panel's part
/// of the link (written by its own module) stays after the setup's.
pub fn write_hash(hash: &str) {
    let now = read_hash();
    let url = format!(
        "#{hash}{}{}",
        crate::i18n::lang_part(&now),
        crate::search::panel::search_part(&now)
    );
    if read_hash() != url {
        let _ = window()
            .history()
            .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
    }
}

/// The page's address without its hash, for building shareable links.
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_string(),
        None => href,
    }
}
