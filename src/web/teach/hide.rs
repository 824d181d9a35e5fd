//! The teacher's dialog that builds a link with hidden controls ("Hide
//! controls…"): one checkbox per control, presets, the finished link and a
//! Copy button. It lives in the lessons' module, beside the lesson editor, so
//! the page's first download does not carry it. The dialog keeps the setup it
//! was opened for (the page's link, on the dialog), so it needs nothing from
//! the page while its checkboxes change.

use crate::config::Control;
use crate::control::{Group, Preset};
use crate::t;
use crate::url;
use crate::web::dom::{self, by_id, create, on, on_click, set_text};
use crate::web::location;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlDialogElement, HtmlElement, HtmlInputElement};

const DIALOG: &str = r##"<dialog id="hide-dialog" aria-labelledby="hide-title"><form method="dialog" id="hide-form">
<h2 id="hide-title"></h2><p class="hint" id="hide-hint"></p>
<div class="presets" role="group" id="hide-presets"><span class="caption" id="hide-start-from"></span>
<button type="button" class="secondary" data-preset="beginner"></button>
<button type="button" class="secondary" data-preset="intermediate"></button>
<button type="button" class="secondary" data-preset="everything"></button></div>
<div id="hide-options" class="hide-options"></div>
<input id="hide-link" type="text" readonly>
<div class="dialog-buttons"><button type="button" id="hide-copy"></button> <span id="hide-copy-status" role="status"></span>
<button type="submit" class="secondary" id="hide-close"></button></div>
</form></dialog>"##;

pub(super) fn init() {
    let holder: Element = create("div");
    holder.set_inner_html(DIALOG);
    let _ = dom::document().body().expect("body").append_child(&holder);
    on_click("open-hide", open);
    on_click("hide-copy", copy);
    let options: HtmlElement = by_id("hide-options");
    on(&options, "change", |_: Event| update_link());
    for preset in Preset::ALL {
        let selector = format!("#hide-dialog [data-preset=\"{}\"]", preset.key());
        if let Ok(Some(button)) = dom::document().query_selector(&selector) {
            on(&button, "click", move |_: Event| apply_preset(preset));
        }
    }
    // The dialog's checkboxes exist only while it is open, so their labels
    // never compete with the page's own controls of the same name.
    let dialog: HtmlDialogElement = by_id("hide-dialog");
    on(&dialog, "close", |_: Event| {
        by_id::<HtmlElement>("hide-options").set_text_content(None);
        set_text(&by_id::<Element>("hide-copy-status"), "");
    });
    relabel();
}

pub(super) fn relabel() {
    for (id, msg) in [
        ("hide-title", "hide-title"),
        ("hide-hint", "hide-hint"),
        ("hide-start-from", "start-from"),
        ("hide-copy", "hide-copy"),
        ("hide-close", "close"),
    ] {
        set_text(&by_id::<Element>(id), &t!(msg));
    }
    let _ = by_id::<Element>("hide-presets").set_attribute("aria-label", &t!("hide-presets"));
    let _ = by_id::<Element>("hide-link").set_attribute("aria-label", &t!("hide-link-label"));
    for preset in Preset::ALL {
        let selector = format!("#hide-dialog [data-preset=\"{}\"]", preset.key());
        if let Ok(Some(button)) = dom::document().query_selector(&selector) {
            set_text(&button, &crate::i18n::keyed("preset", preset.key()));
        }
    }
}

fn link_of(c: &crate::config::Config) -> String {
    format!("{}#{}", location::base_url(), url::encode(c))
}

/// Opens the dialog for the page's setup (its link): one checkbox per
/// control, ticked for what it already hides.
pub(super) fn open() {
    let c = url::decode(&location::read_hash()).config;
    let d: HtmlDialogElement = by_id("hide-dialog");
    let _ = d.set_attribute("data-hash", &url::encode(&c));
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
                .append_child(&dom::document().create_text_node(&ctrl.label()))
                .expect("append");
            set.append_child(&label).expect("append");
        }
        options.append_child(&set).expect("append");
    }
    update_link();
    if !d.open() {
        let _ = d.show_modal();
    }
}

fn boxes() -> Vec<HtmlInputElement> {
    let list = by_id::<Element>("hide-options")
        .query_selector_all("input[data-hide]")
        .expect("qsa");
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()))
        .collect()
}

/// Ticks exactly what a preset hides.
fn apply_preset(preset: Preset) {
    let hidden = preset.hides();
    for cb in boxes() {
        let ctrl = cb.get_attribute("data-hide").as_deref().and_then(Control::from_key);
        cb.set_checked(ctrl.is_some_and(|k| hidden.contains(&k)));
    }
    update_link();
}

fn update_link() {
    let hash = by_id::<Element>("hide-dialog")
        .get_attribute("data-hash")
        .unwrap_or_default();
    let mut c = url::decode(&hash).config;
    for cb in boxes() {
        if let Some(ctrl) = cb.get_attribute("data-hide").as_deref().and_then(Control::from_key) {
            c.set_hidden(ctrl, cb.checked());
        }
    }
    by_id::<HtmlInputElement>("hide-link").set_value(&link_of(&c));
}

/// Copies through the Clipboard API; where that is refused (no permission,
/// plain http), says how to copy by hand.
fn copy() {
    let text = by_id::<HtmlInputElement>("hide-link").value();
    let status: Element = by_id("hide-copy-status");
    let status2 = status.clone();
    let promise = dom::window().navigator().clipboard().write_text(&text);
    let ok = Closure::once(move |_: JsValue| set_text(&status, &t!("link-copied")));
    let failed = Closure::once(move |_: JsValue| set_text(&status2, &t!("copy-failed")));
    let _ = promise.then2(&ok, &failed);
    ok.forget();
    failed.forget();
}
