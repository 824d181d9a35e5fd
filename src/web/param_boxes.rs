//! A row of labelled number boxes for the settings of a choice (an optimizer's
//! β1, β2, ε…; a schedule's period, factor…): built when the set of settings
//! changes, kept showing the config's values, and turned into config changes
//! that the core validates (a refused value is reported on its box).

use crate::config::Config;
use crate::web::app;
use crate::web::dom::{by_id, create, document, on};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

/// Wires the boxes inside `#id`: `set(config, key, value)` applies a value and says
/// whether it was accepted; `hint` is shown on a refused one.
pub fn wire(id: &str, hint: &'static str, set: fn(&mut Config, &str, f32) -> bool) {
    let box_: HtmlElement = by_id(id);
    on(&box_, "change", move |e: Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        let key = input.get_attribute("data-param").unwrap_or_default();
        match input.value().trim().parse::<f32>() {
            Ok(v) if set(&mut app::config(), &key, v) => {
                input.set_custom_validity("");
                app::change(|c| {
                    set(c, &key, v);
                });
            }
            _ => {
                input.set_custom_validity(hint);
                input.report_validity();
            }
        }
    });
}

/// One box per (key, value) in `#id`, labelled by `label(key)`, showing the values.
pub fn sync(id: &str, params: &[(&'static str, f32)], label: fn(&str) -> &'static str) {
    let box_: Element = by_id(id);
    let keys: Vec<&str> = params.iter().map(|(k, _)| *k).collect();
    if box_.get_attribute("data-keys").unwrap_or_default() != keys.join(",") {
        box_.set_text_content(None);
        for (k, _) in params {
            let l: HtmlElement = create("label");
            l.append_child(&document().create_text_node(label(k))).expect("append");
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
