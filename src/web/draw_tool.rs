//! The Draw mode's glue: the Draw button, the tools under the picture (the
//! class or value to draw, Erase, Clear points) and the pointer on the
//! picture, each turned into a `page::DrawMsg`. The set itself lives in the
//! config (`drawn`); what a stroke does is `page::draw`.

use crate::drawn::say;
use crate::page::{DrawMsg, Model, Msg};
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, on, set_attr, set_hidden, set_text};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, MouseEvent};

pub fn init(d: Dispatch) {
    // The buttons' clicks and the class radios' or value slider's changes, by id.
    let tools = move |e: Event| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let value = || {
            el.dyn_ref::<HtmlInputElement>()
                .map_or(0.0, |i| i.value().parse().unwrap_or(0.0))
        };
        let msg = match (e.type_().as_str(), el.id().as_str()) {
            ("click", "draw") => DrawMsg::Toggle,
            ("click", "draw-erase") => DrawMsg::Erase,
            ("click", "draw-clear") => DrawMsg::Clear,
            ("change", "draw-value") => DrawMsg::Label(crate::drawn::value_label(value())),
            ("change", _) => DrawMsg::Label(value() as u8),
            _ => return,
        };
        d.send(Msg::Draw(msg));
    };
    for (id, event) in [("draw", "click"), ("draw-tools", "click"), ("draw-tools", "change")] {
        on(&by_id::<Element>(id), event, tools);
    }
    // Pointer events (each one a mouse event): mouse, pen and touch alike, on the −6…6 frame.
    let pointer = move |e: MouseEvent| {
        let r = by_id::<Element>("points").get_bounding_client_rect();
        let f = |v: i32, size: f64| (f64::from(v) / size.max(1.0) * 12.0 - 6.0) as f32;
        let (x, y) = (f(e.offset_x(), r.width()), -f(e.offset_y(), r.height()));
        let msg = match e.type_().as_str() {
            "pointerdown" => {
                e.prevent_default();
                DrawMsg::Down { x, y }
            }
            "pointermove" => DrawMsg::Move { x, y },
            _ => DrawMsg::Up,
        };
        d.send(Msg::Draw(msg));
    };
    let canvas: HtmlElement = by_id("points");
    for event in [
        "pointerdown",
        "pointermove",
        "pointerup",
        "pointercancel",
        "pointerleave",
    ] {
        on(&canvas, event, pointer);
    }
}

/// Brings the button and the tools in step with the tool and the set.
pub fn sync(m: &Model) {
    let tool = &m.tool;
    for (id, attr, message) in [
        ("draw-option", "", "draw-dataset"),
        ("draw", "", "draw-button"),
        ("draw", "title", "draw-button-title"),
        ("draw-classes", "aria-label", "draw-class-group"),
        ("draw-value-label", "", "draw-value"),
        ("draw-erase", "", "draw-erase"),
        ("draw-clear", "", "draw-clear"),
    ] {
        let (el, text) = (by_id::<Element>(id), crate::t!(message));
        if attr.is_empty() {
            set_text(&el, &text);
        } else {
            set_attr(&el, attr, &text);
        }
    }
    for (id, pressed) in [("draw", tool.on), ("draw-erase", tool.erase)] {
        set_attr(
            &by_id::<Element>(id),
            "aria-pressed",
            if pressed { "true" } else { "false" },
        );
    }
    let _ = by_id::<Element>("boundary-wrap")
        .class_list()
        .toggle_with_force("drawing", tool.on);
    set_hidden(&by_id::<Element>("draw-tools"), !tool.on);
    let Some(drawn) = m.config.drawn.as_ref().filter(|_| tool.on) else {
        return;
    };
    // One radio per class (index.html holds `MAX_CLASSES`), in the class's colour.
    let group: Element = by_id("draw-classes");
    let k = usize::from(drawn.classes);
    let labels = group.children();
    for c in 0..labels.length() {
        let (Some(label), n) = (labels.item(c), c as usize) else {
            continue;
        };
        set_hidden(&label, n >= k);
        let parts = label.children();
        if let (Some(radio), Some(swatch), Some(name), true) = (parts.item(0), parts.item(1), parts.item(2), n < k) {
            let colour = if k > 2 {
                crate::heatmap::class_css(n)
            } else {
                crate::heatmap::css_on(n as f32 * 2.0 - 1.0, crate::heatmap::NEUTRAL)
            };
            // Through the CSSOM: the page's CSP refuses style attributes.
            if let Some(h) = swatch.dyn_ref::<HtmlElement>() {
                let _ = h.style().set_property("background", &colour);
            }
            set_text(&name, &say("draw-class", &[("n", n + 1)]));
            if let Some(r) = radio.dyn_ref::<HtmlInputElement>() {
                r.set_checked(!tool.erase && u32::from(tool.label) == c);
            }
        }
    }
    set_hidden(&group, k == 0);
    set_hidden(&by_id::<Element>("draw-value-field"), k > 0);
    let max = ("max", crate::drawn::MAX_POINTS);
    let status = if drawn.is_full() {
        say("draw-full", &[max])
    } else {
        say("draw-status", &[("count", drawn.marks.len()), max])
    };
    let status_el: Element = by_id("draw-status");
    set_text(&status_el, &status);
    let _ = status_el.class_list().toggle_with_force("warn", drawn.is_full());
}
