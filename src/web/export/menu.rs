//! The Export menu: a `role="menu"` list under the Export button, its items
//! buttons with `role="menuitem"`; arrow keys move between them, Escape and
//! a click elsewhere close it and give the focus back to the button.

use crate::web::dom;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

/// (item id, message id) in the menu's order.
pub const ITEMS: [(&str, &str); 7] = [
    ("numpy", "export-numpy"),
    ("pytorch", "export-pytorch"),
    ("optuna", "export-optuna"),
    ("boundary-png", "export-boundary-png"),
    ("charts", "export-charts"),
    ("network-svg", "export-network-svg"),
    ("history-csv", "export-history-csv"),
];

fn menu() -> Element {
    dom::by_id("export-menu")
}

fn items() -> Vec<HtmlElement> {
    ITEMS
        .iter()
        .filter_map(|(id, _)| dom::document().get_element_by_id(&format!("export-{id}")))
        .filter_map(|e| e.dyn_into().ok())
        .collect()
}

pub fn init() {
    let doc = dom::document();
    let list: Element = dom::create("div");
    list.set_id("export-menu");
    list.set_class_name("export-menu");
    dom::set_attr(&list, "role", "menu");
    dom::set_attr(&list, "aria-labelledby", "export-button");
    dom::set_hidden(&list, true);
    for (id, _) in ITEMS {
        let b: HtmlElement = dom::create("button");
        b.set_id(&format!("export-{id}"));
        dom::set_attr(&b, "type", "button");
        dom::set_attr(&b, "role", "menuitem");
        dom::set_attr(&b, "tabindex", "-1");
        dom::on(&b, "click", move |_: Event| {
            close(true);
            super::act(id);
        });
        let _ = list.append_child(&b);
    }
    dom::on(&list, "keydown", |e: KeyboardEvent| {
        let all = items();
        let at = all
            .iter()
            .position(|b| doc_active().as_ref() == Some(b.unchecked_ref()));
        let go = |k: usize| {
            if let Some(b) = all.get(k % all.len().max(1)) {
                let _ = b.focus();
            }
        };
        match e.key().as_str() {
            "ArrowDown" => go(at.map_or(0, |k| k + 1)),
            "ArrowUp" => go(at.map_or(all.len() - 1, |k| k + all.len() - 1)),
            "Home" => go(0),
            "End" => go(all.len() - 1),
            "Escape" | "Tab" => close(true),
            _ => return,
        }
        e.prevent_default();
    });
    let button: Element = dom::by_id("export-button");
    let _ = button.after_with_node_1(&list);
    dom::on(&doc, "click", |e: Event| {
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| {
                self::menu().contains(Some(&n)) || dom::by_id::<Element>("export-button").contains(Some(&n))
            });
        if !inside && !self::menu().has_attribute("hidden") {
            close(false);
        }
    });
    relabel();
}

fn doc_active() -> Option<Element> {
    dom::document().active_element()
}

pub fn relabel() {
    for (id, message) in ITEMS {
        if let Some(b) = dom::document().get_element_by_id(&format!("export-{id}")) {
            dom::set_text(&b, &crate::i18n::tr(message, None));
        }
    }
}

pub fn toggle() {
    if menu().has_attribute("hidden") {
        dom::set_hidden(&menu(), false);
        dom::set_attr(&dom::by_id("export-button"), "aria-expanded", "true");
        if let Some(b) = items().first() {
            let _ = b.focus();
        }
    } else {
        close(true);
    }
}

/// Closes the menu; `refocus`: the focus goes back to the Export button.
pub fn close(refocus: bool) {
    dom::set_hidden(&menu(), true);
    let button: HtmlElement = dom::by_id("export-button");
    dom::set_attr(&button, "aria-expanded", "false");
    if refocus {
        let _ = button.focus();
    }
}
