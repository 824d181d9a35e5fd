//! "Copy link" and the teacher's dialog that builds a link with hidden controls.
//! The dialog keeps the setup it was opened for (its hash, on the dialog), so
//! it needs nothing from the app while its checkboxes change.

use crate::config::{Config, Control};
use crate::control::{Group, Preset};
use crate::page::Msg;
use crate::url;
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, create, on, on_click, set_text, window};
use crate::web::location;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlDialogElement, HtmlElement, HtmlInputElement};

pub fn init(d: Dispatch) {
    on_click("copy-link", move || d.send(Msg::CopyLink));
    on_click("open-hide", move || d.send(Msg::OpenHideDialog));
    on_click("hide-copy", || {
        let link = by_id::<HtmlInputElement>("hide-link").value();
        copy(link, "copy-status");
    });
    let options: HtmlElement = by_id("hide-options");
    on(&options, "change", |_: Event| update_dialog_link());
    for preset in Preset::ALL {
        let selector = format!("#hide-dialog [data-preset=\"{}\"]", preset.key());
        if let Ok(Some(button)) = crate::web::dom::document().query_selector(&selector) {
            on(&button, "click", move |_: Event| apply_preset(preset));
        }
    }
    // The dialog's checkboxes exist only while it is open, so their labels
    // never compete with the page's own controls of the same name.
    let dialog: HtmlDialogElement = by_id("hide-dialog");
    on(&dialog, "close", |_: Event| {
        by_id::<HtmlElement>("hide-options").set_text_content(None)
    });
}

fn location_link(c: &Config) -> String {
    format!("{}#{}", location::base_url(), url::encode(c))
}

/// Copies the link of this setup.
pub fn copy_link(c: &Config) {
    copy(location_link(c), "copy-status");
}

/// Opens the dialog for this setup: one checkbox per control, ticked for what it already hides.
pub fn open_dialog(c: &Config) {
    let d: HtmlDialogElement = by_id("hide-dialog");
    let _ = d.set_attribute("data-hash", &url::encode(c));
    let options: HtmlElement = by_id("hide-options");
    options.set_text_content(None);
    for group in Group::ALL {
        let set: HtmlElement = create("fieldset");
        let legend: HtmlElement = create("legend");
        legend.set_text_content(Some(&group.label()));
        set.append_child(&legend).expect("append");
        for ctrl in Control::ALL.into_iter().filter(|k| k.group() == group) {
            let label: HtmlElement = create("label");
            label.set_class_name("check");
            let cb: HtmlInputElement = create("input");
            cb.set_type("checkbox");
            cb.set_checked(c.is_hidden(ctrl));
            cb.set_attribute("data-hide", ctrl.key()).expect("attr");
            label.append_child(&cb).expect("append");
            label
                .append_child(&crate::web::dom::document().create_text_node(&ctrl.label()))
                .expect("append");
            set.append_child(&label).expect("append");
        }
        options.append_child(&set).expect("append");
    }
    update_dialog_link();
    let _ = d.show_modal();
}

/// Ticks exactly what a preset hides.
fn apply_preset(preset: Preset) {
    let hidden = preset.hides();
    let list = by_id::<Element>("hide-options")
        .query_selector_all("input[data-hide]")
        .expect("qsa");
    for i in 0..list.length() {
        if let Some(cb) = list.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) {
            let ctrl = cb.get_attribute("data-hide").as_deref().and_then(Control::from_key);
            cb.set_checked(ctrl.is_some_and(|k| hidden.contains(&k)));
        }
    }
    update_dialog_link();
}

fn update_dialog_link() {
    let hash = by_id::<Element>("hide-dialog")
        .get_attribute("data-hash")
        .unwrap_or_default();
    let mut c = url::decode(&hash).config;
    let list = by_id::<Element>("hide-options")
        .query_selector_all("input[data-hide]")
        .expect("qsa");
    for i in 0..list.length() {
        if let Some(cb) = list.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) {
            if let Some(ctrl) = cb.get_attribute("data-hide").as_deref().and_then(Control::from_key) {
                c.set_hidden(ctrl, cb.checked());
            }
        }
    }
    by_id::<HtmlInputElement>("hide-link").set_value(&location_link(&c));
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
