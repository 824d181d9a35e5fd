//! Small DOM helpers so widget code reads as what it does.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventTarget, HtmlElement, Window};

pub fn window() -> Window {
    web_sys::window().expect("no window")
}

pub fn document() -> Document {
    window().document().expect("no document")
}

/// The element with this id, as type T. The ids live in index.html; a missing
/// one is a bug in the page, not a user error.
pub fn by_id<T: JsCast>(id: &str) -> T {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("index.html has no #{id}"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("#{id} has an unexpected element type"))
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

/// Formats a loss or weight for reading: never "NaN" or "inf".
pub fn fmt_number(v: f32, digits: usize) -> String {
    if v.is_nan() {
        "not a number".into()
    } else if v.is_infinite() {
        "too large".into()
    } else {
        format!("{v:.digits$}")
    }
}
