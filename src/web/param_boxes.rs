//! A row of labelled number boxes for the settings of a choice (an optimizer's
//! β1, β2, ε…; a schedule's period, factor…): built when the set of settings
//! changes, kept showing the config's values, and turned into edits that the
//! core validates (a refused value is reported on its box by `refuse`).

use crate::config::Edit;
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, create, document, on};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

/// Wires the boxes inside `#id`: a number typed into the box of `key` is sent
/// as `edit(key, value)`; a value that is not a number is refused here.
pub fn wire(id: &str, d: Dispatch, edit: fn(String, f32) -> Edit) {
    let box_: HtmlElement = by_id(id);
    on(&box_, "change", move |e: Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        let key = input.get_attribute("data-param").unwrap_or_default();
        input.set_custom_validity("");
        match input.value().trim().parse::<f32>() {
            Ok(v) => d.edit(edit(key, v)),
            Err(_) => {
                input.set_custom_validity(&crate::t!("enter-number"));
                input.report_validity();
            }
        }
    });
}

/// The page refused the value of `key` in `#id`: say why on its box.
pub fn refuse(id: &str, key: &str, hint: &str) {
    if let Ok(Some(el)) = by_id::<Element>(id).query_selector(&format!("input[data-param=\"{key}\"]")) {
        let input: HtmlInputElement = el.unchecked_into();
        input.set_custom_validity(hint);
        input.report_validity();
    }
}

/// One box per (key, value) in `#id`, labelled by the message `param-{key}`,
/// showing the values (labelled again in another language).
pub fn sync(id: &str, params: &[(&'static str, f32)]) {
    let box_: Element = by_id(id);
    let mut keys: Vec<&str> = params.iter().map(|(k, _)| *k).collect();
    keys.push(crate::i18n::lang().code());
    if box_.get_attribute("data-keys").unwrap_or_default() != keys.join(",") {
        box_.set_text_content(None);
        for (k, _) in params {
            let l: HtmlElement = create("label");
            l.append_child(&document().create_text_node(&crate::i18n::keyed("param", k)))
                .expect("append");
            let input: HtmlInputElement = create("input");
            input.set_type("number");
            input.set_step("any");
            input.set_attribute("data-param", k).expect("attr");
            l.append_child(&input).expect("append");
            box_.append_child(&l).expect("append");
        }
        box_.set_attribute("data-keys", &keys.join(",")).expect("attr");
    }
    for (k, v) in params {
        if let Ok(Some(el)) = box_.query_selector(&format!("input[data-param=\"{k}\"]")) {
            let input: HtmlInputElement = el.unchecked_into();
            if input.value().parse::<f32>().ok() != Some(*v) {
                // Small values (epsilons) read better as 1e-7 than as 0.0000001.
                let text = if *v != 0.0 && v.abs() < 1e-3 {
                    format!("{v:e}")
                } else {
                    v.to_string()
                };
                input.set_value(&text);
            }
        }
    }
}
