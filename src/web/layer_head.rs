//! The heading of a hidden layer in the diagram: +/− neurons, the neuron
//! count, the layer's own activation, its dropout rate and its normalisation.

use crate::config::{Config, MAX_NEURONS};
use crate::web::dom::create;
use web_sys::HtmlElement;

fn set_style(el: &HtmlElement, prop: &str, v: &str) {
    let _ = el.style().set_property(prop, v);
}

pub fn layer_head(l: usize, n: usize, center_x: f64, c: &Config) -> HtmlElement {
    let head: HtmlElement = create("div");
    head.set_class_name("layer-head");
    set_style(&head, "left", &format!("{center_x}px"));
    set_style(&head, "top", "0px");
    let pm: HtmlElement = create("div");
    pm.set_class_name("pm");
    // Per-layer controls follow the toolbar's hide keys.
    pm.set_attribute("data-control", "net").expect("attr");
    for (kind, text, aria, disabled) in [
        (
            "add-neuron",
            "+",
            crate::t!("add-neuron", l = (l + 1).to_string()),
            n >= MAX_NEURONS,
        ),
        (
            "remove-neuron",
            "−",
            crate::t!("remove-neuron", l = (l + 1).to_string()),
            n <= 1,
        ),
    ] {
        let b: web_sys::HtmlButtonElement = create("button");
        b.set_type("button");
        b.set_text_content(Some(text));
        b.set_attribute("aria-label", &aria).expect("aria");
        b.set_attribute("data-kind", kind).expect("attr");
        b.set_attribute("data-l", &l.to_string()).expect("attr");
        b.set_disabled(disabled);
        pm.append_child(&b).expect("append");
    }
    head.append_child(&pm).expect("append");
    let caption: HtmlElement = create("span");
    caption.set_text_content(Some(&crate::t!(
        if n == 1 { "one-neuron" } else { "neurons" },
        n = n.to_string()
    )));
    head.append_child(&caption).expect("append");
    // This layer's activation and dropout rate.
    let act: web_sys::HtmlSelectElement = create("select");
    // "nonlinearity", not "activation": the toolbar's Activation select keeps its name unique.
    act.set_attribute("aria-label", &crate::t!("layer-act", l = (l + 1).to_string()))
        .expect("aria");
    act.set_attribute("data-kind", "layer-act").expect("attr");
    act.set_attribute("data-control", "act").expect("attr");
    act.set_attribute("data-l", &l.to_string()).expect("attr");
    act.set_title(&crate::t!("layer-act-title"));
    for a in crate::activation::Activation::ALL {
        let o: web_sys::HtmlOptionElement = create("option");
        o.set_value(a.key());
        o.set_text(&crate::i18n::keyed("act", a.key()));
        act.append_child(&o).expect("append");
    }
    act.set_value(c.layer_activation(l).key());
    head.append_child(&act).expect("append");
    let drop: web_sys::HtmlSelectElement = create("select");
    // Every layer's select is named "Dropout" (the name tests rely on, one per layer, in
    // layer order); the title (its description) says which layer.
    drop.set_attribute("aria-label", &crate::t!("dropout")).expect("aria");
    drop.set_attribute("data-kind", "layer-drop").expect("attr");
    drop.set_attribute("data-control", "drop").expect("attr");
    drop.set_attribute("data-l", &l.to_string()).expect("attr");
    drop.set_title(&crate::t!("dropout-title", l = (l + 1).to_string()));
    let rate = c.dropout_rate(l);
    let mut rates: Vec<f32> = (0..=9).map(|k| k as f32 / 10.0).collect();
    if !rates.contains(&rate) {
        rates.push(rate);
    }
    for r in rates {
        let o: web_sys::HtmlOptionElement = create("option");
        o.set_value(&r.to_string());
        o.set_text(&if r == 0.0 {
            crate::t!("no-dropout")
        } else {
            crate::t!("drop-share", p = format!("{:.0}", r * 100.0))
        });
        drop.append_child(&o).expect("append");
    }
    drop.set_value(&rate.to_string());
    head.append_child(&drop).expect("append");
    // Its normalisation, an advanced key (choosing one loads the advanced
    // trainer); "Normalization" on every layer, like Dropout.
    let norm: web_sys::HtmlSelectElement = create("select");
    norm.set_attribute("aria-label", &crate::t!("normalization"))
        .expect("aria");
    norm.set_attribute("data-kind", "layer-norm").expect("attr");
    norm.set_attribute("data-l", &l.to_string()).expect("attr");
    norm.set_attribute("data-help", "help-norm").expect("attr");
    for k in ["none", "batch", "layer"] {
        let o: web_sys::HtmlOptionElement = create("option");
        o.set_value(k);
        o.set_text(&crate::i18n::keyed("norm", k));
        norm.append_child(&o).expect("append");
    }
    head.append_child(&norm).expect("append");
    head
}
