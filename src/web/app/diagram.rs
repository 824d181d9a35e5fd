//! Pointer events on the network diagram: tooltips, enlarging a neuron into
//! the big picture, toggling features, +/− neurons and editing weights.

use super::*;

pub(super) fn tooltip_text(app: &App, t: Target) -> Option<String> {
    let v = |t| app.param(t).map(|v| fmt_number(v, 3)).unwrap_or_else(|| "–".into());
    let n_hidden = app.config.hidden.len();
    let neuron_name = |layer: usize, n: usize| {
        if layer == n_hidden {
            "the output".to_string()
        } else {
            format!("neuron {}.{}", layer + 1, n + 1)
        }
    };
    Some(match t {
        Target::Link { layer, to, from } => {
            let src = if layer == 0 {
                app.config
                    .features
                    .get(from)
                    .map_or("input".into(), |f| f.label().to_string())
            } else {
                format!("neuron {}.{}", layer, from + 1)
            };
            format!(
                "Weight {} (from {src} to {}). Click to change.",
                v(t),
                neuron_name(layer, to)
            )
        }
        Target::Bias { layer, n } => format!("Bias of {}: {}. Click to change.", neuron_name(layer, n), v(t)),
        Target::Neuron { layer, n } => format!("Neuron {}.{}: bias {}", layer + 1, n + 1, v(Target::Bias { layer, n })),
        Target::Output => format!("Output neuron: bias {}", v(Target::Bias { layer: n_hidden, n: 0 })),
        Target::Feature(f) => format!(
            "Feature {} (click to turn {})",
            f.label(),
            if app.config.features.contains(&f) { "off" } else { "on" }
        ),
        Target::AddNeuron(_) | Target::RemoveNeuron(_) => return None,
    })
}

pub(super) fn local_xy(e: &MouseEvent) -> (f64, f64) {
    let col: HtmlElement = by_id("network");
    let r = col.get_bounding_client_rect();
    (f64::from(e.client_x()) - r.left(), f64::from(e.client_y()) - r.top())
}

pub(super) fn place(el: &HtmlElement, x: f64, y: f64) {
    let _ = el.style().set_property("left", &format!("{}px", x + 14.0));
    let _ = el.style().set_property("top", &format!("{}px", y + 52.0));
}

pub(super) fn wire_network_events() {
    let net: HtmlElement = by_id("network");
    on(&net, "mouseover", |e: MouseEvent| {
        let Some(t) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| Target::from_element(&el))
        else {
            return;
        };
        with_app(|app| {
            let tip: HtmlElement = by_id("tooltip");
            if let Some(text) = tooltip_text(app, t) {
                set_text(&tip, &text);
                let (x, y) = local_xy(&e);
                place(&tip, x, y);
                set_hidden(&tip, false);
            }
            let focus = match t {
                Target::Neuron { layer, n } => Focus::Neuron(app.config.hidden[..layer].iter().sum::<usize>() + n),
                Target::Feature(f) => Focus::Feature(f),
                _ => Focus::Output,
            };
            if focus != app.focus {
                app.focus = focus;
                app.view
                    .highlight(matches!(t, Target::Neuron { .. } | Target::Feature(_)).then_some(t));
                let caption: Element = by_id("boundary-caption");
                match t {
                    Target::Neuron { layer, n } => set_text(&caption, &format!("Neuron {}.{}", layer + 1, n + 1)),
                    Target::Feature(f) => set_text(&caption, &format!("Feature {}", f.label())),
                    _ => {}
                }
                set_hidden(&caption, focus == Focus::Output);
                app.draw();
            }
        });
    });
    on(&net, "mouseleave", |_: MouseEvent| unfocus());
    on(&net, "mouseout", |e: MouseEvent| {
        let leaving_to_nothing = e
            .related_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| Target::from_element(&el))
            .is_none();
        if leaving_to_nothing {
            unfocus();
        }
    });
    on(&net, "change", |e: Event| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Some(Target::Feature(f)) = Target::from_element(&el) {
            change(|c| {
                c.toggle_feature(f);
            });
            return;
        }
        // A layer's activation or dropout select.
        let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() else {
            return;
        };
        let l: usize = el.get_attribute("data-l").and_then(|v| v.parse().ok()).unwrap_or(0);
        let v = select.value();
        match el.get_attribute("data-kind").as_deref() {
            Some("layer-act") => {
                if let Some(a) = crate::activation::Activation::from_key(&v) {
                    change(|c| c.set_layer_activation(l, a));
                }
            }
            Some("layer-drop") => {
                if let Ok(r) = v.parse::<f32>() {
                    change(|c| c.set_dropout(l, r));
                }
            }
            _ => {}
        }
    });
    on(&net, "click", |e: MouseEvent| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if el.closest("label").ok().flatten().is_some() {
            return; // the label's checkbox reports the change
        }
        let Some(t) = Target::from_element(&el) else {
            return;
        };
        match t {
            Target::Feature(f) => change(|c| {
                c.toggle_feature(f);
            }),
            Target::AddNeuron(l) => change(|c| {
                c.change_neurons(l, 1);
            }),
            Target::RemoveNeuron(l) => change(|c| {
                c.change_neurons(l, -1);
            }),
            Target::Link { .. } | Target::Bias { .. } => open_editor(t, &e),
            _ => {}
        }
    });
}

/// The pointer left the diagram: hide the tooltip and show the output again.
pub(super) fn unfocus() {
    set_hidden(&by_id::<Element>("tooltip"), true);
    with_app(|app| {
        if app.focus != Focus::Output {
            app.focus = Focus::Output;
            app.view.highlight(None);
            set_hidden(&by_id::<Element>("boundary-caption"), true);
            app.draw();
        }
    });
}

pub(super) fn open_editor(t: Target, e: &MouseEvent) {
    with_app(|app| {
        let Some(value) = app.param(t) else { return };
        app.editing = Some(match t {
            Target::Link { layer, to, from } => Editing::Weight {
                layer: layer as u32,
                to: to as u32,
                from: from as u32,
            },
            Target::Bias { layer, n } => Editing::Bias {
                layer: layer as u32,
                neuron: n as u32,
            },
            _ => return,
        });
        let form: HtmlElement = by_id("edit-param");
        let label: Element = by_id("edit-param-label");
        set_text(
            &label,
            if matches!(t, Target::Link { .. }) {
                "Weight"
            } else {
                "Bias"
            },
        );
        let input: HtmlInputElement = by_id("edit-param-value");
        input.set_value(&format!("{value:.3}"));
        let (x, y) = local_xy(e);
        place(&form, x, y);
        set_hidden(&form, false);
        set_hidden(&by_id::<Element>("tooltip"), true);
        let _ = input.focus();
        input.select();
    });
}
