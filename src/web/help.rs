//! Explanations beside the controls, the glossary and the two room views
//! (presenter, embed). One tooltip (`#help-tip`, role tooltip) follows the
//! pointer's and the keyboard's control: which text comes from `help::topic`,
//! where it goes from `help::place`. The texts (`i18n/<lang>/explain.ftl`)
//! are fetched the first time one is shown, in the page's language then, and
//! again after the language changes: the first load carries none of them.
//! The same file holds the other words the page needs only later: the article
//! under the playground (fetched when it comes into view) and the import
//! panel's (fetched when an import starts); `want_words` asks for them.

use crate::config::{Config, Edit};
use crate::help;
use crate::i18n::{self, Lang};
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, create, document, set_attr, set_hidden, set_text};
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlDialogElement, HtmlElement, KeyboardEvent, MouseEvent};

thread_local! {
    /// The page's loop, told when late words arrive (`Msg::Reworded`).
    static PAGE: Cell<Option<Dispatch>> = const { Cell::new(None) };
    /// The marked element the tooltip explains now, and the control in it
    /// that carries `aria-describedby`.
    static DESCRIBED: RefCell<Option<(Element, Element)>> = const { RefCell::new(None) };
    /// A language's texts are on their way.
    static LOADING: Cell<bool> = const { Cell::new(false) };
    /// The loader's callback, for the promise of the response's text.
    static STEP: RefCell<JsValue> = const { RefCell::new(JsValue::NULL) };
    /// What to show once they arrive: the event's target, and whether it was a focus.
    static PENDING: RefCell<Option<(web_sys::EventTarget, bool)>> = const { RefCell::new(None) };
}

/// The explanation `id` in the page's language; None (and the texts
/// requested) until they are in its catalog.
fn text(id: &str) -> Option<String> {
    // The catalog loses them when the language changes: asked again then.
    if i18n::with(|c, _| c.has(id)) {
        return Some(crate::t!(id));
    }
    load(i18n::lang());
    None
}

/// Fetches `i18n/<lang>/explain.ftl` into the catalog; then shows what waits.
fn load(lang: Lang) {
    if LOADING.replace(true) {
        return;
    }
    let url = ["i18n/", lang.code(), "/", help::FILE].concat();
    let fetch: js_sys::Function = get(&js_sys::global(), "fetch").unchecked_into();
    // One callback for each step: the response (read its text), the text, a failure.
    let step = Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
        if let Some(text) = v.as_string() {
            LOADING.set(false);
            if i18n::add(lang, &text) {
                if let Some((target, focus)) = PENDING.with(|p| p.borrow_mut().take()) {
                    show(Some(target), focus);
                }
                refill_glossary();
                // The article's and the import panel's words, wherever they show.
                crate::web::l10n::fill_page();
                crate::web::import_view::relabel();
                if let Some(d) = PAGE.get() {
                    d.send(crate::page::Msg::Reworded);
                }
            }
        } else if get(&v, "ok").as_bool() == Some(true) {
            let text = get(&v, "text").unchecked_into::<js_sys::Function>().call0(&v);
            STEP.with(|s| then(text, &s.borrow()));
        } else {
            LOADING.set(false); // a failure: the next request tries again
        }
    })
    .into_js_value();
    then(fetch.call1(&JsValue::NULL, &url.into()), &step);
    STEP.with(|s| *s.borrow_mut() = step);
}

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::NULL)
}

/// `promise.then(step, step)`.
fn then(promise: Result<JsValue, JsValue>, step: &JsValue) {
    let Ok(p) = promise else {
        return LOADING.set(false);
    };
    let _ = get(&p, "then")
        .unchecked_into::<js_sys::Function>()
        .call2(&p, step, step);
}

const TIP: &str = "help-tip";
const MARKED: &str = "[data-help],[data-param],[data-control]";

pub fn init(d: Dispatch) {
    PAGE.set(Some(d));
    // One listener for every event this file follows: one closure in the wasm.
    // `Fn`, not `FnMut`: an event it causes (the focus that opening the
    // glossary moves) calls it again while it runs.
    let doc = document();
    let cb = Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| handle(e.unchecked_ref(), d));
    for event in [
        "mouseover",
        "mouseout",
        "focusin",
        "focusout",
        "keydown",
        "click",
        "nnplay-lang",
        "scroll",
    ] {
        doc.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref())
            .expect("addEventListener");
    }
    by_id::<Element>("glossary")
        .add_event_listener_with_callback("close", cb.as_ref().unchecked_ref())
        .expect("addEventListener");
    cb.forget();
    want_words_if_shown();
}

/// Fetches the late words (this file's) unless the catalog has them.
pub fn want_words() {
    if !i18n::with(|c, _| c.has(LATE_MARK)) {
        load(i18n::lang());
    }
}

/// A message of the late words: present once they are in the catalog.
const LATE_MARK: &str = "explain-title";

/// Asks for the late words when something that shows them is on screen: the
/// article under the playground (scrolled into view), the import panel or its
/// status line.
fn want_words_if_shown() {
    let height = crate::web::dom::window().inner_height().ok().and_then(|h| h.as_f64());
    let near = by_id::<Element>("explain").get_bounding_client_rect().top() < height.unwrap_or(0.0);
    let importing = ["import-panel", "import-status"]
        .iter()
        .any(|id| !by_id::<HtmlElement>(id).hidden());
    if near || importing {
        want_words();
    }
}

fn handle(e: &Event, d: Dispatch) {
    let target = e.target();
    match e.type_().as_str() {
        "mouseover" => show(target, false),
        // Focus from the keyboard, not the focus a click gives a button (the
        // pointer's own hover shows the explanation then).
        "focusin" if focus_visible(&target) => show(target, true),
        "focusin" => {}
        // A mouseout with nowhere to go: the pointer left the window.
        "mouseout" if e.unchecked_ref::<MouseEvent>().related_target().is_some() => {}
        "keydown" if e.unchecked_ref::<KeyboardEvent>().key() != "Escape" => {}
        "click" => match target
            .and_then(|t| t.dyn_into::<Element>().ok())
            .map(|t| t.closest("button"))
        {
            Some(Ok(Some(b))) if b.id() == "glossary-open" => {
                hide();
                let dialog: HtmlDialogElement = by_id("glossary");
                set_attr(&dialog, "aria-labelledby", "glossary-title");
                let _ = dialog.show_modal();
                refill_glossary();
            }
            Some(Ok(Some(b))) if b.id() == "present-toggle" => d.edit(Edit::Present(!shown("present"))),
            _ => {}
        },
        "nnplay-lang" => {
            hide();
            refill_glossary();
            want_words_if_shown();
        }
        "scroll" => want_words_if_shown(),
        // The glossary closed: its terms and name go, so that they never
        // compete with the page's controls of the same words ("Loss" in "Glossary").
        "close" => {
            let dialog: Element = by_id("glossary");
            let _ = dialog.remove_attribute("aria-labelledby");
            by_id::<Element>("glossary-list").set_text_content(None);
        }
        _ => hide(),
    }
}

/// Whether `target` shows a keyboard focus (`:focus-visible`).
fn focus_visible(target: &Option<web_sys::EventTarget>) -> bool {
    target
        .as_ref()
        .and_then(|t| t.dyn_ref::<Element>())
        .map_or(true, |el| el.matches(":focus-visible").unwrap_or(true))
}

/// Shows the explanation of the control around `target`, or hides the tooltip
/// when it explains nothing.
fn show(target: Option<web_sys::EventTarget>, focus: bool) {
    let Some(el) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(anchor) = el.closest(MARKED).ok().flatten() else {
        return hide();
    };
    if DESCRIBED.with(|d| d.borrow().as_ref().is_some_and(|(a, _)| *a == anchor)) {
        return; // the same control: keep the tooltip where it is
    }
    hide();
    let attr = |name| anchor.get_attribute(name);
    let (help, param, control) = (attr("data-help"), attr("data-param"), attr("data-control"));
    let Some(topic) = help::topic(help.as_deref(), param.as_deref(), control.as_deref()) else {
        return;
    };
    // Under the pointer, the diagram's own tooltip explains a feature.
    if !focus && anchor.class_list().contains("feature-label") {
        return;
    }
    let Some(words) = text(topic) else {
        PENDING.with(|p| *p.borrow_mut() = Some((el.into(), focus)));
        return;
    };
    // The control a screen reader is on: the focused element, or the one the pointer is over.
    let control = if focus {
        el
    } else {
        anchor
            .query_selector("select,input,button,[tabindex]")
            .ok()
            .flatten()
            .unwrap_or_else(|| anchor.clone())
    };
    set_attr(&control, "aria-describedby", TIP);
    let tip: HtmlElement = by_id(TIP);
    set_text(&tip, &words);
    set_hidden(&tip, false);
    let r = anchor.get_bounding_client_rect();
    let t = tip.get_bounding_client_rect();
    let doc = document().document_element().expect("html");
    let (x, y) = help::place(
        help::Rect {
            x: r.x(),
            y: r.y(),
            w: r.width(),
            h: r.height(),
        },
        t.width(),
        t.height(),
        doc.client_width().into(),
        doc.client_height().into(),
    );
    // Through the CSSOM: the page's CSP refuses style attributes.
    for (side, v) in [("left", x), ("top", y)] {
        let _ = tip.style().set_property(side, &format!("{v}px"));
    }
    DESCRIBED.with(|d| *d.borrow_mut() = Some((anchor, control)));
}

fn hide() {
    PENDING.with(|p| p.borrow_mut().take());
    if let Some((_, el)) = DESCRIBED.with(|d| d.borrow_mut().take()) {
        let _ = el.remove_attribute("aria-describedby");
    }
    set_hidden(&by_id::<Element>(TIP), true);
}

/// The glossary's terms and definitions in the current language, while it is open.
fn refill_glossary() {
    if !by_id::<HtmlDialogElement>("glossary").open() {
        return;
    }
    let list: Element = by_id("glossary-list");
    list.set_text_content(None);
    for (term, definition) in help::GLOSSARY {
        for (tag, id) in [("dt", term), ("dd", definition)] {
            let el: Element = create(tag);
            el.set_text_content(text(id).as_deref());
            list.append_child(&el).expect("append");
        }
    }
}

/// Whether the page shows view `class` ("present", "embed") now: `sync` keeps
/// the root element's classes as the setup says.
fn shown(class: &str) -> bool {
    document()
        .document_element()
        .is_some_and(|e| e.class_list().contains(class))
}

/// How much thicker lines and larger points are drawn: 1.5 in the presenter view.
pub fn scale() -> f32 {
    if shown("present") {
        1.5
    } else {
        1.0
    }
}

/// The presenter view's styles, with the other on-demand parts' (`www/panels.css`):
/// not in the first load.
fn presenter_styles() {
    crate::web::dom::stylesheet("panels.css");
}

/// Shows the presenter or embed view the config asks for; the pictures are
/// laid out again when the view changed.
pub fn sync(c: &Config) {
    set_attr(
        &by_id::<Element>("present-toggle"),
        "aria-pressed",
        if c.present { "true" } else { "false" },
    );
    if (shown("present"), shown("embed")) == (c.present, c.embed) {
        return;
    }
    let classes = document().document_element().expect("html").class_list();
    if c.present {
        presenter_styles();
    }
    let _ = classes.toggle_with_force("present", c.present);
    let _ = classes.toggle_with_force("embed", c.embed);
    hide();
    crate::web::app::dispatch(crate::page::Msg::Resize);
}
