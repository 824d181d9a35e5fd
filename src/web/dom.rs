//! Small DOM helpers so widget code reads as what it does.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, Event, EventTarget, HtmlElement, HtmlInputElement, HtmlOptionElement, HtmlSelectElement, Window,
};

pub fn window() -> Window {
    web_sys::window().expect("no window")
}

pub fn document() -> Document {
    window().document().expect("no document")
}

/// The element with this id, as type T. The ids live in index.html; a missing
/// one is a bug in the page, not a user error.
pub fn by_id<T: JsCast>(id: &str) -> T {
    match element(id).dyn_into::<T>() {
        Ok(el) => el,
        Err(_) => wrong_type(id),
    }
}

/// The element with this id (one copy of the lookup, not one per element type and call).
#[inline(never)]
fn element(id: &str) -> Element {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("index.html has no #{id}"))
}

#[inline(never)]
fn wrong_type(id: &str) -> ! {
    panic!("#{id} has an unexpected element type")
}

pub fn create<T: JsCast>(tag: &str) -> T {
    document()
        .create_element(tag)
        .expect("create_element")
        .dyn_into::<T>()
        .expect("element type")
}

pub fn create_svg(tag: &str) -> Element {
    document()
        .create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
        .expect("create_element_ns")
}

/// Listens for the page's lifetime (listeners are attached once, at start-up,
/// or on containers that delegate for their changing children).
pub fn on<E: JsCast + 'static>(target: &EventTarget, event: &str, mut f: impl FnMut(E) + 'static) {
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| f(e.unchecked_into::<E>()));
    target
        .add_event_listener_with_callback(event, cb.as_ref().unchecked_ref())
        .expect("addEventListener");
    cb.forget();
}

/// Text only: nothing from a URL or a file is ever parsed as HTML.
pub fn set_text(el: &Element, s: &str) {
    if el.text_content().as_deref() != Some(s) {
        el.set_text_content(Some(s));
    }
}

pub fn set_hidden(el: &Element, hidden: bool) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        if h.hidden() != hidden {
            h.set_hidden(hidden);
        }
    }
}

pub fn set_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        el.set_attribute(name, value).expect("setAttribute");
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn request_frame(f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    window()
        .request_animation_frame(cb.unchecked_ref())
        .expect("requestAnimationFrame");
}

pub fn device_pixel_ratio() -> f64 {
    window().device_pixel_ratio().clamp(1.0, 3.0)
}

pub use crate::page::fmt_number;

pub fn select(id: &str) -> HtmlSelectElement {
    by_id(id)
}

pub fn input(id: &str) -> HtmlInputElement {
    by_id(id)
}

/// Calls `f` with the value of the select or input `#id` on each `event`.
pub fn on_change(id: &str, event: &str, f: impl Fn(String) + 'static) {
    let el: HtmlElement = by_id(id);
    on(&el, event, move |e: Event| {
        let v = e
            .target()
            .and_then(|t| {
                t.dyn_ref::<HtmlSelectElement>()
                    .map(|s| s.value())
                    .or_else(|| t.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
            })
            .unwrap_or_default();
        f(v)
    });
}

/// Calls `f` with a checkbox's state on each change.
pub fn on_checkbox(id: &str, f: impl Fn(bool) + 'static) {
    let el: HtmlInputElement = by_id(id);
    let el2 = el.clone();
    on(&el, "change", move |_: Event| f(el2.checked()));
}

pub fn on_click(id: &str, f: impl Fn() + 'static) {
    let el: HtmlElement = by_id(id);
    on(&el, "click", move |_: Event| f());
}

pub fn add_option(parent: &Element, value: &str, label: &str) {
    let o: HtmlOptionElement = create("option");
    o.set_value(value);
    o.set_text(label);
    parent.append_child(&o).expect("append option");
}

/// Replaces a select's options with (value, label) pairs when the values differ.
/// Every select of the page is filled this way from the core's choices
/// (`key()` as the value, `label()` as the text).
pub fn fill_select(s: &HtmlSelectElement, options: &[(String, String)]) {
    // Values and labels: a language switch relabels the same values.
    let shown: Vec<(String, String)> = (0..s.length())
        .filter_map(|i| s.item(i).and_then(|o| o.dyn_into::<HtmlOptionElement>().ok()))
        .map(|o| (o.value(), o.text()))
        .collect();
    if shown == options {
        return;
    }
    let value = s.value();
    s.set_text_content(None);
    for (v, label) in options {
        add_option(s, v, label);
    }
    if options.iter().any(|(v, _)| *v == value) {
        s.set_value(&value);
    }
}

/// (key, label) pairs of a list of choices, the label being the message
/// `{prefix}-{key}` (`i18n::keyed`).
pub fn choices<T: Copy>(all: &[T], key: fn(T) -> &'static str, prefix: &str) -> Vec<(String, String)> {
    all.iter()
        .map(|&c| (key(c).to_string(), crate::i18n::keyed(prefix, key(c))))
        .collect()
}

/// Sets a select's value if it differs (setting it resets a user's open menu).
pub fn set_value(s: &HtmlSelectElement, v: &str) {
    if s.value() != v {
        s.set_value(v);
    }
}

/// Offers bytes as a file download (a Blob URL, revoked a moment after the
/// click: some browsers start reading it after the click returns).
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = create("a");
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 10_000);
}

/// Adds the style sheet `href` to the page unless it is there: the parts
/// fetched on demand (`panels.css`, `dark.css`), not in the first load.
pub fn stylesheet(href: &str) {
    let doc = document();
    if doc
        .query_selector(&format!("link[href=\"{href}\"]"))
        .ok()
        .flatten()
        .is_none()
    {
        let css: Element = create("link");
        set_attr(&css, "rel", "stylesheet");
        set_attr(&css, "href", href);
        doc.body().expect("body").append_child(&css).expect("append");
    }
}
