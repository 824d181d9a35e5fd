//! The Help dialog: the page's keyboard shortcuts (`page::keys`) and how to use
//! it by keyboard and screen reader. It lives in this lazily loaded module so
//! that its words stay out of the page's first load: the Help button's first
//! click (or "?", which clicks it) loads the module, which then opens it.
//! A modal dialog: Escape closes it and focus goes back to what had it.

use super::dialogs;
use crate::t;
use crate::web::dom::{self, by_id, create, on, on_click, set_text};
use web_sys::{Element, Event, HtmlDialogElement};

const DIALOG: &str = r#"<dialog id="keys-dialog" class="keys-dialog" aria-labelledby="keys-heading" data-testid="keys-dialog"><form method="dialog">
<h2 id="keys-heading"></h2><table class="keys-table" aria-labelledby="keys-heading"><tbody id="keys-rows"></tbody></table>
<p id="keys-where" class="hint"></p><h3 id="keys-sr-heading"></h3><p id="keys-sr"></p>
<div class="dialog-buttons"><button type="submit" id="keys-close" class="secondary"></button></div></form></dialog>"#;

/// The table's rows: (the key's name, what it does).
const ROWS: [(&str, &str); 6] = [
    ("keys-key-space", "keys-do-play"),
    ("keys-key-right", "keys-do-step"),
    ("keys-key-r", "keys-do-reset"),
    ("keys-key-help", "keys-do-help"),
    ("keys-key-tab", "keys-do-tab"),
    ("keys-key-esc", "keys-do-esc"),
];

pub(super) fn init() {
    let holder: Element = create("div");
    holder.set_inner_html(DIALOG);
    let _ = dom::document().body().expect("body").append_child(&holder);
    on_click("keys-help", open);
    let d: Element = by_id("keys-dialog");
    on(&d, "close", |_: Event| dialogs::give_back_focus());
    relabel();
}

/// Opens the dialog (the Help button, or "?").
pub(super) fn open() {
    dialogs::show(&by_id::<HtmlDialogElement>("keys-dialog"));
}

/// Writes the dialog's words in the page's language.
pub(super) fn relabel() {
    for (id, msg) in [
        ("keys-heading", "keys-title"),
        ("keys-where", "keys-where"),
        ("keys-sr-heading", "keys-sr-title"),
        ("keys-sr", "keys-sr"),
        ("keys-close", "lesson-close"),
    ] {
        set_text(&by_id::<Element>(id), &t!(msg));
    }
    let rows: Element = by_id("keys-rows");
    rows.set_text_content(None);
    for (key, does) in ROWS {
        let tr: Element = create("tr");
        let th: Element = create("th");
        dom::set_attr(&th, "scope", "row");
        let kbd: Element = create("kbd");
        set_text(&kbd, &t!(key));
        let td: Element = create("td");
        set_text(&td, &t!(does));
        let _ = th.append_child(&kbd);
        let _ = tr.append_child(&th);
        let _ = tr.append_child(&td);
        let _ = rows.append_child(&tr);
    }
}
