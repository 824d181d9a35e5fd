//! "Copy link". (The teacher's dialog that builds a link with hidden controls
//! is in the lessons' module: `web::teach::hide`.)

use crate::config::Config;
use crate::page::Msg;
use crate::url;
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, on_click, set_text, window};
use crate::web::location;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::Element;

pub fn init(d: Dispatch) {
    on_click("copy-link", move || d.send(Msg::CopyLink));
}

fn location_link(c: &Config) -> String {
    format!("{}#{}", location::base_url(), url::encode(c))
}

/// Copies the link of this setup.
pub fn copy_link(c: &Config) {
    copy(location_link(c), "copy-status");
}

/// Copies through the Clipboard API; where that is refused (no permission,
/// plain http), says how to copy by hand.
fn copy(text: String, status_id: &'static str) {
    let status: Element = by_id(status_id);
    let clipboard = window().navigator().clipboard();
    let promise = clipboard.write_text(&text);
    let status2 = status.clone();
    let ok = Closure::once(move |_: JsValue| set_text(&status, &crate::t!("link-copied")));
    let failed = Closure::once(move |_: JsValue| set_text(&status2, &crate::t!("copy-failed")));
    let _ = promise.then2(&ok, &failed);
    // One of the two runs once; both are small and a copy is a rare click.
    ok.forget();
    failed.forget();
}
