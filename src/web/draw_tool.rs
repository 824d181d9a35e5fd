//! The Draw mode's glue: the Draw button, the tools under the picture (the
//! class or value to draw, Erase, Clear points) and the pointer on the
//! picture, each turned into a `page::DrawMsg`. The set itself lives in the
//! config (`drawn`); what a stroke does is `page::draw`.

use crate::page::{DrawMsg, Model, Msg};
use crate::t;
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, create, on, on_click, set_attr, set_hidden, set_text};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, PointerEvent};

pub fn init(d: Dispatch) {
    let send = move |m: DrawMsg| d.send(Msg::Draw(m));
    on_click("draw", move || send(DrawMsg::Toggle));
    on_click("draw-erase", move || send(DrawMsg::Erase));
    on_click("draw-clear", move || send(DrawMsg::Clear));
    // A class radio or the value slider.
    on(&by_id::<Element>("draw-tools"), "change", move |e: Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        let v: f32 = input.value().parse().unwrap_or(0.0);
        send(DrawMsg::Label(if input.type_() == "range" {
            crate::drawn::value_label(v)
        } else {
            v as u8
        }));
    });
    let canvas: HtmlElement = by_id("points");
    let c3 = canvas.clone();
    on(&canvas, "pointerdown", move |e: PointerEvent| {
        let (x, y) = at(&e);
        let _ = c3.set_pointer_capture(e.pointer_id());
        e.prevent_default();
        send(DrawMsg::Down { x, y });
    });
    on(&canvas, "pointermove", move |e: PointerEvent| {
        let (x, y) = at(&e);
        send(DrawMsg::Move { x, y });
    });
    for end in ["pointerup", "pointercancel"] {
        on(&canvas, end, move |_: Event| send(DrawMsg::Up));
    }
    // The dataset select names a drawn set while one is in training.
    let o: web_sys::HtmlOptionElement = create("option");
    o.set_value("drawn");
    o.set_disabled(true);
    o.set_id("draw-option");
    by_id::<Element>("dataset").append_child(&o).expect("append");
}

/// The pointer on the picture's −6…6 frame.
fn at(e: &PointerEvent) -> (f32, f32) {
    let r = by_id::<Element>("points").get_bounding_client_rect();
    let f = |v: i32, size: f64| (f64::from(v) / size.max(1.0) * 12.0 - 6.0) as f32;
    (f(e.offset_x(), r.width()), -f(e.offset_y(), r.height()))
}

/// Brings the button and the tools in step with the tool and the set.
pub fn sync(m: &Model) {
    let tool = &m.tool;
    set_text(&by_id::<Element>("draw-option"), &t!("draw-dataset"));
    let button: Element = by_id("draw");
    set_text(&button, &t!("draw-button"));
    set_attr(&button, "title", &t!("draw-button-title"));
    set_attr(&button, "aria-pressed", if tool.on { "true" } else { "false" });
    let _ = by_id::<Element>("boundary-wrap")
        .class_list()
        .toggle_with_force("drawing", tool.on);
    let tools: Element = by_id("draw-tools");
    set_hidden(&tools, !tool.on);
    let Some(drawn) = m.config.drawn.as_ref().filter(|_| tool.on) else {
        return;
    };
    let group: Element = by_id("draw-classes");
    set_attr(&group, "aria-label", &t!("draw-class-group"));
    let k = usize::from(drawn.classes);
    if group.child_element_count() as usize != k {
        group.set_text_content(None);
        for c in 0..k {
            let label: Element = create("label");
            let radio: HtmlInputElement = create("input");
            radio.set_type("radio");
            radio.set_name("draw-class");
            radio.set_value(&c.to_string());
            let swatch: HtmlElement = create("span");
            let colour = if k > 2 {
                crate::heatmap::class_css(c)
            } else {
                crate::heatmap::css(c as f32 * 2.0 - 1.0)
            };
            let _ = swatch.style().set_property("background", &colour);
            label.append_child(&radio).expect("append");
            label.append_child(&swatch).expect("append");
            label.append_child(&create::<Element>("span")).expect("append");
            group.append_child(&label).expect("append");
        }
    }
    let labels = group.children();
    for c in 0..labels.length() {
        if let Some(label) = labels.item(c) {
            if let Some(name) = label.last_element_child() {
                set_text(&name, &t!("draw-class", n = (c + 1).to_string()));
            }
            if let Some(radio) = label
                .first_element_child()
                .and_then(|r| r.dyn_into::<HtmlInputElement>().ok())
            {
                radio.set_checked(!tool.erase && u32::from(tool.label) == c);
            }
        }
    }
    set_hidden(&group, k == 0);
    let value: Element = by_id("draw-value-field");
    set_hidden(&value, k > 0);
    set_text(&by_id::<Element>("draw-value-label"), &t!("draw-value"));
    let erase: Element = by_id("draw-erase");
    set_text(&erase, &t!("draw-erase"));
    set_attr(&erase, "aria-pressed", if tool.erase { "true" } else { "false" });
    set_text(&by_id::<Element>("draw-clear"), &t!("draw-clear"));
    let max = crate::drawn::MAX_POINTS.to_string();
    let status = if drawn.is_full() {
        t!("draw-full", max = max)
    } else {
        t!("draw-status", count = drawn.marks.len().to_string(), max = max)
    };
    let status_el: Element = by_id("draw-status");
    set_text(&status_el, &status);
    let _ = status_el.class_list().toggle_with_force("warn", drawn.is_full());
}
