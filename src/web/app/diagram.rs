//! Pointer events on the network diagram become messages: hovering (tooltip,
//! enlarging a neuron into the big picture), clicks (features, +/− neurons,
//! editing weights) and the per-layer selects.

use crate::activation::Activation;
use crate::config::Edit;
use crate::page::{Msg, Target};
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, on};
use crate::web::network_view::{target_in, target_of};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, MouseEvent};

/// The pointer's place inside the diagram.
fn local_xy(e: &MouseEvent) -> (f64, f64) {
    let col: HtmlElement = by_id("network");
    let r = col.get_bounding_client_rect();
    (f64::from(e.client_x()) - r.left(), f64::from(e.client_y()) - r.top())
}

/// Puts a popup (tooltip, editor) beside the pointer's place.
pub(super) fn place(el: &HtmlElement, x: f64, y: f64) {
    let _ = el.style().set_property("left", &format!("{}px", x + 14.0));
    let _ = el.style().set_property("top", &format!("{}px", y + 52.0));
}

/// What the pointer is on: an element of the diagram, or a neuron or weight
/// inside a compact layer's sheet or matrix picture.
fn target_of_event(e: &MouseEvent) -> Option<Target> {
    let el = e.target().and_then(|t| t.dyn_into::<Element>().ok())?;
    target_in(&el, f64::from(e.client_x()), f64::from(e.client_y())).or_else(|| target_of(&el))
}

/// A sheet or matrix picture of the compact diagram.
fn is_picture(e: &MouseEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| matches!(el.get_attribute("data-kind").as_deref(), Some("sheet" | "matrix")))
}

pub(super) fn wire(d: Dispatch) {
    let net: HtmlElement = by_id("network");
    on(&net, "mouseover", move |e: MouseEvent| {
        if let Some(target) = target_of_event(&e) {
            let (x, y) = local_xy(&e);
            d.send(Msg::Hover {
                target: Some(target),
                x,
                y,
            });
        }
    });
    // Inside a compact picture the weight or neuron changes without leaving the element.
    let last = std::rc::Rc::new(std::cell::Cell::new(None::<Target>));
    on(&net, "mousemove", move |e: MouseEvent| {
        if !is_picture(&e) {
            return;
        }
        let target = target_of_event(&e);
        if target != last.get() {
            last.set(target);
            let (x, y) = local_xy(&e);
            match target {
                Some(target) => d.send(Msg::Hover {
                    target: Some(target),
                    x,
                    y,
                }),
                None => d.send(Msg::Leave),
            }
        }
    });
    on(&net, "mouseleave", move |_: MouseEvent| d.send(Msg::Leave));
    on(&net, "mouseout", move |e: MouseEvent| {
        let leaving_to_nothing = e
            .related_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| target_of(&el))
            .is_none();
        if leaving_to_nothing {
            d.send(Msg::Leave);
        }
    });
    on(&net, "change", move |e: Event| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Some(Target::Feature(f)) = target_of(&el) {
            return d.edit(Edit::ToggleFeature(f));
        }
        // A layer's activation or dropout select.
        let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() else {
            return;
        };
        let l: usize = el.get_attribute("data-l").and_then(|v| v.parse().ok()).unwrap_or(0);
        let v = select.value();
        match el.get_attribute("data-kind").as_deref() {
            Some("layer-act") => {
                if let Some(a) = Activation::from_key(&v) {
                    d.edit(Edit::LayerActivation(l, a));
                }
            }
            Some("layer-drop") => {
                if let Ok(r) = v.parse::<f32>() {
                    d.edit(Edit::Dropout(l, r));
                }
            }
            Some("layer-norm") => super::load_advanced("norm"),
            _ => {}
        }
    });
    on(&net, "click", move |e: MouseEvent| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if el.closest("label").ok().flatten().is_some() {
            return; // the label's checkbox reports the change
        }
        if let Some(target) = target_of_event(&e) {
            let (x, y) = local_xy(&e);
            d.send(Msg::Click { target, x, y });
        }
    });
}
