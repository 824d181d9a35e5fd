//! The glossary dialog: the course's terms and their definitions
//! (`help::GLOSSARY`, words in `explain.ftl`, embedded in this lazily loaded
//! module). The Glossary button's first click loads the module, which opens it.
//! Its terms and its name are there only while it is open, so that they never
//! compete with the page's controls of the same words ("Loss" in "Glossary").

use crate::web::dom::{by_id, create, on, on_click, set_attr};
use web_sys::{Element, Event, HtmlDialogElement};

pub(super) fn init() {
    on_click("glossary-open", open);
    on(&by_id::<Element>("glossary"), "close", |_: Event| {
        for id in ["glossary", "glossary-list"] {
            let _ = by_id::<Element>(id).remove_attribute("aria-labelledby");
        }
        by_id::<Element>("glossary-list").set_text_content(None);
    });
}

pub(super) fn open() {
    let dialog: HtmlDialogElement = by_id("glossary");
    // Named only while open (the scrolling list too): "Glossary" contains "loss".
    for id in ["glossary", "glossary-list"] {
        set_attr(&by_id::<Element>(id), "aria-labelledby", "glossary-title");
    }
    let _ = dialog.show_modal();
    relabel();
}

/// The terms and definitions in the page's language, while the dialog is open.
pub(super) fn relabel() {
    if !by_id::<HtmlDialogElement>("glossary").open() {
        return;
    }
    let list: Element = by_id("glossary-list");
    list.set_text_content(None);
    for (term, definition) in crate::help::GLOSSARY {
        for (tag, id) in [("dt", term), ("dd", definition)] {
            let el: Element = create(tag);
            el.set_text_content(Some(&crate::t!(id)));
            list.append_child(&el).expect("append");
        }
    }
}
