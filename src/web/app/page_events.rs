//! Page-wide events: the weight/bias editor, closing notices, a link pasted
//! into the address bar, and resizing. Each becomes a message.

use crate::page::{self, KeyFocus, Msg};
use crate::web::dispatch::Dispatch;
use crate::web::dom::{self, by_id, on, on_click};
use crate::web::location;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlFormElement, HtmlInputElement, KeyboardEvent, MouseEvent};

pub(super) fn wire(d: Dispatch) {
    let form: HtmlFormElement = by_id("edit-param");
    on(&form, "submit", move |e: Event| {
        e.prevent_default();
        let input: HtmlInputElement = by_id("edit-param-value");
        match input.value().trim().parse::<f32>() {
            Ok(value) if value.is_finite() => {
                input.set_custom_validity("");
                d.send(Msg::SubmitParam(value));
            }
            _ => {
                input.set_custom_validity(&crate::t!("enter-number"));
                input.report_validity();
            }
        }
    });
    let doc = dom::document();
    on(&doc, "keydown", move |e: KeyboardEvent| {
        let key = e.key();
        if key == "Escape" {
            d.send(Msg::CloseEditor);
        }
        let modified = e.ctrl_key() || e.alt_key() || e.meta_key();
        if let Some(k) = page::shortcut(&key, key_focus(), modified) {
            e.prevent_default(); // Space would scroll the page
            d.send(Msg::Shortcut(k));
        }
    });
    on(&doc, "mousedown", move |e: MouseEvent| {
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("#edit-param").ok().flatten())
            .is_some();
        if !inside {
            d.send(Msg::CloseEditor);
        }
    });
    on_click("url-notice-close", move || d.send(Msg::CloseSettingsNotice));
    // A link pasted into this tab's address bar: apply it as a whole.
    on(&dom::window(), "hashchange", move |_: Event| {
        d.send(Msg::HashChanged(location::read_hash()))
    });
    on(&dom::window(), "resize", move |_: Event| d.send(Msg::Resize));
}

/// Where the keyboard's focus is, for `page::shortcut`: in an open dialog, a
/// field that takes keys or a focused scroller (the formula, the preview
/// table: arrows and Space scroll it), on a control that Space presses, or elsewhere.
fn key_focus() -> KeyFocus {
    const TYPING: &str = "input,select,textarea,[contenteditable],[role=menu],[role=textbox]";
    let doc = dom::document();
    let is = |el: &Element, sel: &str| el.closest(sel).ok().flatten().is_some();
    let scroller = |el: &Element| el.scroll_width() > el.client_width() && !el.matches("body,html").unwrap_or(true);
    match doc.active_element() {
        _ if doc.query_selector("dialog[open]").ok().flatten().is_some() => KeyFocus::Typing,
        Some(el) if is(&el, TYPING) || scroller(&el) => KeyFocus::Typing,
        Some(el) if is(&el, "button,a[href],summary,[role=button],[role=link]") => KeyFocus::Control,
        _ => KeyFocus::Page,
    }
}
