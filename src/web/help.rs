//! Explanations beside the controls, the glossary and the two room views
//! (presenter, embed). One tooltip (`#help-tip`, role tooltip) follows the
//! pointer's and the keyboard's control: which text comes from `help::topic`,
//! where it goes from `help::place`; the text is read when it is shown, so it
//! is always in the page's current language.

use crate::config::{Config, Edit};
use crate::help;
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, create, document, on, on_click, set_attr, set_hidden, set_text};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlDialogElement, HtmlElement, KeyboardEvent, MouseEvent};

thread_local! {
    /// The element the tooltip describes now (it carries `aria-describedby`).
    static DESCRIBED: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// The view the page shows now: (presenter, embed).
    static VIEW: Cell<(bool, bool)> = const { Cell::new((false, false)) };
}

const TIP: &str = "help-tip";
const MARKED: &str = "[data-help],[data-param],[data-control],.feature-label";

pub fn init(d: Dispatch) {
    let doc = document();
    on(&doc, "mouseover", |e: MouseEvent| show(e.target(), false));
    on(&doc, "mouseout", |e: MouseEvent| {
        if e.related_target().is_none() {
            hide(); // the pointer left the window
        }
    });
    on(&doc, "focusin", |e: Event| show(e.target(), true));
    on(&doc, "focusout", |_: Event| hide());
    on(&doc, "keydown", |e: KeyboardEvent| {
        if e.key() == "Escape" {
            hide();
        }
    });
    on(&doc, "nnplay-lang", |_: Event| {
        hide();
        fill_glossary();
    });
    on_click("glossary-open", || {
        hide();
        fill_glossary();
        let _ = by_id::<HtmlDialogElement>("glossary").show_modal();
    });
    on_click("present-toggle", move || d.edit(Edit::Present(!VIEW.get().0)));
}

/// Shows the explanation of the control around `target`, or hides the tooltip
/// when it explains nothing.
fn show(target: Option<web_sys::EventTarget>, focus: bool) {
    let Some(el) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let anchor = el.closest(MARKED).ok().flatten();
    let described = DESCRIBED.with(|d| d.borrow().clone());
    if anchor.is_some() && anchor == described.as_ref().and_then(|d| d.closest(MARKED).ok().flatten()) {
        return; // the same control: keep the tooltip where it is
    }
    let Some(anchor) = anchor else {
        return hide();
    };
    let is_feature = anchor.class_list().contains("feature-label");
    let attr = |name| anchor.get_attribute(name);
    let control = if is_feature {
        Some("in".into())
    } else {
        attr("data-control")
    };
    let topic = help::topic(
        attr("data-help").as_deref(),
        attr("data-param").as_deref(),
        control.as_deref(),
    );
    // Under the pointer, the diagram's own tooltip explains a feature.
    let Some(topic) = topic.filter(|_| focus || !is_feature) else {
        return hide();
    };
    hide();
    // The control a screen reader is on: the focused element, or the one the pointer is over.
    let control = if focus {
        el
    } else {
        anchor
            .query_selector("select,input,button,textarea,[tabindex]")
            .ok()
            .flatten()
            .unwrap_or_else(|| anchor.clone())
    };
    set_attr(&control, "aria-describedby", TIP);
    DESCRIBED.with(|d| *d.borrow_mut() = Some(control));
    let tip: HtmlElement = by_id(TIP);
    set_text(&tip, &crate::t!(topic));
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
        doc.client_width() as f64,
        doc.client_height() as f64,
    );
    // Through the CSSOM: the page's CSP refuses style attributes.
    let style = tip.style();
    let _ = style.set_property("left", &format!("{x}px"));
    let _ = style.set_property("top", &format!("{y}px"));
}

fn hide() {
    if let Some(el) = DESCRIBED.with(|d| d.borrow_mut().take()) {
        let _ = el.remove_attribute("aria-describedby");
    }
    set_hidden(&by_id::<Element>(TIP), true);
}

/// The glossary's terms and definitions in the current language.
fn fill_glossary() {
    let list: Element = by_id("glossary-list");
    list.set_text_content(None);
    for (term, definition) in help::GLOSSARY {
        for (tag, id) in [("dt", term), ("dd", definition)] {
            let el: Element = create(tag);
            el.set_text_content(Some(&crate::t!(id)));
            list.append_child(&el).expect("append");
        }
    }
}

/// How much thicker lines and larger points are drawn: 1.5 in the presenter view.
pub fn scale() -> f32 {
    if VIEW.get().0 {
        1.5
    } else {
        1.0
    }
}

/// Shows the presenter or embed view the config asks for; the pictures are
/// laid out again when the view changed.
pub fn sync(c: &Config) {
    let view = (c.present, c.embed);
    set_attr(
        &by_id::<Element>("present-toggle"),
        "aria-pressed",
        if c.present { "true" } else { "false" },
    );
    if VIEW.replace(view) == view {
        return;
    }
    let classes = document().document_element().expect("html").class_list();
    let _ = classes.toggle_with_force("present", c.present);
    let _ = classes.toggle_with_force("embed", c.embed);
    hide();
    crate::web::app::dispatch(crate::page::Msg::Resize);
}
