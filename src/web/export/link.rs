//! Open link: a dialog where a link (or its hash) is pasted. An nnplay link
//! opens as if pasted in the address bar (the page follows `location.hash`);
//! a TensorFlow Playground link is first read into an nnplay setup
//! (`url::tfp`) and a notice lists what was carried over and what could not
//! be. Anything that is not a link says so in the dialog and changes nothing.

use crate::url::tfp::{self, LinkError, Why};
use crate::web::dom::{self, create, set_attr, set_hidden, set_text};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlDialogElement, HtmlElement, HtmlInputElement};

const DIALOG: &str = "open-link-dialog";

fn dialog() -> HtmlDialogElement {
    match dom::document().get_element_by_id(DIALOG) {
        Some(d) => d.unchecked_into(),
        None => build(),
    }
}

fn build() -> HtmlDialogElement {
    let d: HtmlDialogElement = create("dialog");
    d.set_id(DIALOG);
    d.set_class_name("link-dialog");
    set_attr(&d, "aria-labelledby", "open-link-title");
    let form: Element = create("form");
    let title: Element = create("h2");
    title.set_id("open-link-title");
    let label: Element = create("label");
    label.set_id("open-link-label");
    set_attr(&label, "for", "open-link-input");
    let input: HtmlInputElement = create("input");
    input.set_id("open-link-input");
    input.set_type("text");
    set_attr(&input, "autocomplete", "off");
    set_attr(&input, "spellcheck", "false");
    set_attr(&input, "aria-describedby", "open-link-error");
    let error: Element = create("p");
    error.set_id("open-link-error");
    error.set_class_name("link-error");
    set_attr(&error, "role", "alert");
    set_hidden(&error, true);
    let buttons: Element = create("div");
    buttons.set_class_name("dialog-buttons");
    let cancel: HtmlElement = create("button");
    cancel.set_id("open-link-cancel");
    set_attr(&cancel, "type", "button");
    let go: HtmlElement = create("button");
    go.set_id("open-link-go");
    go.set_class_name("primary");
    set_attr(&go, "type", "submit");
    for b in [&cancel, &go] {
        let _ = buttons.append_child(b);
    }
    for el in [&title, &label, input.unchecked_ref(), &error, &buttons] {
        let _ = form.append_child(el);
    }
    let _ = d.append_child(&form);
    let _ = dom::document().body().expect("body").append_child(&d);
    dom::on(&form, "submit", |e: Event| {
        e.prevent_default();
        submit();
    });
    dom::on(&cancel, "click", |_: Event| dialog().close());
    // Escape closes the dialog natively; either way the focus goes back to the button.
    dom::on(&d, "close", |_: Event| {
        if let Some(b) = dom::document().get_element_by_id("open-link") {
            let _ = b.unchecked_into::<HtmlElement>().focus();
        }
    });
    relabel();
    d
}

/// The dialog's words in the page's language.
pub fn relabel() {
    let doc = dom::document();
    for (id, message) in [
        ("open-link-title", "link-title"),
        ("open-link-label", "link-label"),
        ("open-link-cancel", "link-cancel"),
        ("open-link-go", "link-open"),
    ] {
        if let Some(el) = doc.get_element_by_id(id) {
            set_text(&el, &crate::t!(message));
        }
    }
    if let Some(el) = doc.get_element_by_id("open-link-input") {
        set_attr(&el, "placeholder", &crate::t!("link-placeholder"));
    }
}

pub fn open() {
    let d = dialog();
    let input: HtmlInputElement = dom::by_id("open-link-input");
    input.set_value("");
    show_error(None);
    if !d.open() {
        let _ = d.show_modal();
    }
    let _ = input.focus();
}

fn show_error(message: Option<&str>) {
    let el: Element = dom::by_id("open-link-error");
    set_text(&el, message.unwrap_or(""));
    set_hidden(&el, message.is_none());
    let input: Element = dom::by_id("open-link-input");
    set_attr(&input, "aria-invalid", if message.is_some() { "true" } else { "false" });
}

fn error_text(e: &LinkError) -> String {
    match e {
        LinkError::Empty => crate::t!("link-empty"),
        LinkError::NoSetup => crate::t!("link-no-setup"),
    }
}

/// Whether an nnplay hash names at least one setting nnplay knows.
fn names_a_setting(hash: &str) -> bool {
    let unknown = crate::t!("w-unknown-key");
    let decoded = crate::url::decode(hash);
    let pairs = form_urlencoded::parse(hash.as_bytes()).count();
    let unknowns = decoded.warnings.iter().filter(|w| w.reason == unknown).count();
    pairs > 0 && (unknowns < pairs || decoded.more_warnings > 0)
}

fn submit() {
    let text = dom::by_id::<HtmlInputElement>("open-link-input").value();
    if tfp::is_playground(&text) {
        match tfp::translate(&text) {
            Ok(t) => {
                dialog().close();
                let _ = dom::window().location().set_hash(&t.hash);
                super::notice(Some((&crate::t!("link-tfp-title"), &notice_lines(&t))));
            }
            Err(e) => show_error(Some(&error_text(&e))),
        }
        return;
    }
    match tfp::hash_of(&text) {
        Ok(hash) if names_a_setting(hash) => {
            dialog().close();
            super::notice(None);
            let _ = dom::window().location().set_hash(hash);
        }
        Ok(_) => show_error(Some(&crate::t!("link-no-setup"))),
        Err(e) => show_error(Some(&error_text(&e))),
    }
}

/// The notice after a Playground link: what was carried over, what was not and why.
fn notice_lines(t: &tfp::Translation) -> Vec<String> {
    let mut lines = Vec::new();
    if !t.carried.is_empty() {
        let list: Vec<String> = t.carried.iter().map(|(tf, ours)| format!("{tf} → {ours}")).collect();
        lines.push(crate::t!("link-tfp-carried", list = list.join(", ")));
    }
    for d in &t.dropped {
        let (key, value) = (d.key.as_str(), d.value.as_str());
        lines.push(match d.why {
            Why::Seed => crate::t!("link-tfp-seed", value = value, seed = tfp::seed_of(value).to_string()),
            Why::UnknownKey => crate::t!("link-tfp-unknown-key", key = key, value = value),
            Why::BadValue => crate::t!("link-tfp-bad-value", key = key, value = value),
            Why::Unsupported => crate::t!("link-tfp-unsupported", key = key, value = value),
        });
    }
    lines.push(crate::t!("link-tfp-points"));
    lines.push(crate::t!("link-tfp-order"));
    lines
}
