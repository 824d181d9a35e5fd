//! The form controls: filled from the core's lists, kept in step with the
//! `Config`, and turned into config changes. Labels live in index.html.

use crate::activation::Activation;
use crate::config::{Config, Control, LEARNING_RATES, REGULARIZATION_RATES};
use crate::dataset::{DatasetKind, Problem};
use crate::regularization::Regularization;
use crate::web::app;
use crate::web::dom::{by_id, create, document, on, set_hidden, set_text};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlOptionElement, HtmlSelectElement};

const CUSTOM: &str = "custom";

fn add_option(parent: &Element, value: &str, label: &str) {
    let o: HtmlOptionElement = create("option");
    o.set_value(value);
    o.set_text(label);
    parent.append_child(&o).expect("append option");
}

fn select(id: &str) -> HtmlSelectElement {
    by_id(id)
}

fn input(id: &str) -> HtmlInputElement {
    by_id(id)
}

/// Fills the selects and wires every control to a config change.
pub fn init() {
    let ds = select("dataset");
    for problem in [Problem::Classification, Problem::Regression] {
        let group: Element = create("optgroup");
        group.set_attribute("label", problem.label()).expect("label");
        for d in DatasetKind::ALL.into_iter().filter(|d| d.problem() == problem) {
            add_option(&group, d.key(), d.label());
        }
        ds.append_child(&group).expect("append optgroup");
    }
    // Shown (and only selectable) while imported data is in training.
    let group: Element = create("optgroup");
    group.set_attribute("label", "Your data").expect("label");
    let o: HtmlOptionElement = create("option");
    o.set_value("csv");
    o.set_text("Imported CSV");
    o.set_disabled(true);
    group.append_child(&o).expect("append");
    ds.append_child(&group).expect("append optgroup");
    let thumbs: Element = by_id("dataset-thumbs");
    for d in DatasetKind::ALL {
        let c: web_sys::HtmlCanvasElement = create("canvas");
        c.set_width(96);
        c.set_height(96);
        c.set_attribute("data-dataset", d.key()).expect("attr");
        c.set_title(d.label());
        crate::web::boundary::draw_dataset_thumb(&c, &d.generate(0, 1), d.classes(4));
        thumbs.append_child(&c).expect("append");
        on(&c, "click", move |_: Event| app::change(|cfg| cfg.set_dataset(d)));
    }
    let lr = select("learning-rate");
    for v in LEARNING_RATES {
        add_option(&lr, &v.to_string(), &v.to_string());
    }
    add_option(&lr, CUSTOM, "Custom…");
    let opt = select("optimizer");
    for key in crate::optimizer::Optimizer::KEYS {
        let o = crate::optimizer::Optimizer::from_key(key).expect("known key");
        add_option(&opt, key, o.label());
    }
    on_change("optimizer", "change", |v| {
        if let Some(o) = crate::optimizer::Optimizer::from_key(&v) {
            app::change(|c| c.optimizer = o);
        }
    });
    crate::web::param_boxes::wire(
        "optimizer-params",
        "Out of range: β, ρ and momentum in [0, 1), ε in (0, 1], weight decay in [0, 1]",
        |c, k, v| c.optimizer.set_param(k, v),
    );
    let act = select("activation");
    for a in Activation::ALL {
        add_option(&act, a.key(), a.label());
    }
    let reg = select("regularization");
    for r in Regularization::ALL {
        add_option(&reg, r.key(), r.label());
    }
    let rr = select("regularization-rate");
    for v in REGULARIZATION_RATES {
        add_option(&rr, &v.to_string(), &v.to_string());
    }
    let pb = select("problem");
    for p in [Problem::Classification, Problem::Regression] {
        add_option(&pb, p.key(), p.label());
    }

    on_change("dataset", "change", |v| {
        if let Some(d) = DatasetKind::from_key(&v) {
            app::change(|c| c.set_dataset(d));
        }
    });
    on_change("problem", "change", |v| {
        if let Some(p) = Problem::from_key(&v) {
            app::change(|c| c.set_problem(p));
        }
    });
    on_change("learning-rate", "change", |v| {
        if v == CUSTOM {
            let custom = input("learning-rate-custom");
            set_hidden(&custom, false);
            let _ = custom.focus();
        } else if let Ok(x) = v.parse::<f32>() {
            app::change(|c| c.learning_rate = x);
        }
    });
    on_change("learning-rate-custom", "change", |v| {
        let custom = input("learning-rate-custom");
        let range = crate::config::LEARNING_RATE_RANGE;
        match v.trim().parse::<f32>() {
            Ok(x) if x.is_finite() && (range.0..=range.1).contains(&x) => {
                custom.set_custom_validity("");
                app::change(|c| c.learning_rate = x);
            }
            _ => {
                custom.set_custom_validity(&format!("Enter a number from {} to {}", range.0, range.1));
                custom.report_validity();
            }
        }
    });
    on_change("activation", "change", |v| {
        if let Some(a) = Activation::from_key(&v) {
            app::change(|c| c.set_all_activations(a));
        }
    });
    on_change("regularization", "change", |v| {
        if let Some(r) = Regularization::from_key(&v) {
            app::change(|c| c.regularization = r);
        }
    });
    on_change("regularization-rate", "change", |v| {
        if let Ok(x) = v.parse::<f32>() {
            app::change(|c| c.regularization_rate = x);
        }
    });
    on_change("train-ratio", "input", |v| {
        if let Ok(x) = v.parse::<u32>() {
            app::change(|c| c.train_ratio = x);
        }
    });
    on_change("noise", "input", |v| {
        if let Ok(x) = v.parse::<u32>() {
            app::change(|c| c.noise = x);
        }
    });
    on_change("batch-size", "input", |v| {
        if let Ok(x) = v.parse::<u32>() {
            app::change(|c| c.batch_size = x);
        }
    });
    on_checkbox("show-test", |b| app::change(|c| c.show_test_data = b));
    on_checkbox("discretize", |b| app::change(|c| c.discretize = b));
    on_click("add-layer", || {
        app::change(|c| {
            c.add_layer();
        })
    });
    on_click("remove-layer", || {
        app::change(|c| {
            c.remove_layer();
        })
    });
    on_click("regenerate", || {
        let seed = (js_sys::Math::random() * 4_294_967_296.0) as u32;
        app::change(|c| c.seed = seed);
    });
    for (id, x_axis) in [("axis-x", true), ("axis-y", false)] {
        on_change(id, "change", move |v| {
            if let Ok(k) = v.parse::<usize>() {
                app::change(|c| {
                    if let Some(s) = &mut c.csv {
                        if x_axis {
                            s.axes.0 = k;
                        } else {
                            s.axes.1 = k;
                        }
                    }
                });
            }
        });
    }
    on_change("hold-row", "change", |v| {
        let row = v.trim().parse::<usize>().ok().filter(|&r| r >= 1);
        app::change(|c| {
            if let Some(s) = &mut c.csv {
                s.hold_row = row;
            }
        });
    });
    on_change("picture-mode", "change", |v| {
        app::set_picture(match v.as_str() {
            "pca-class" => app::Picture::PcaClass,
            "pca-prediction" => app::Picture::PcaPrediction,
            _ => app::Picture::Plane,
        })
    });
    on_click("play", app::toggle_play);
    on_click("step", app::step);
    on_click("reset", app::reset);
}

/// Calls `f` with the value of the select or input `#id` on each `event`.
pub fn on_change(id: &str, event: &str, f: impl Fn(String) + 'static) {
    let el: HtmlElement = by_id(id);
    on(&el, event, move |e: Event| {
        let v = e
            .target()
            .and_then(|t| {
                t.dyn_ref::<HtmlSelectElement>()
                    .map(|s| s.value())
                    .or_else(|| t.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
            })
            .unwrap_or_default();
        f(v)
    });
}

fn on_checkbox(id: &str, f: impl Fn(bool) + 'static) {
    let el: HtmlInputElement = by_id(id);
    let el2 = el.clone();
    on(&el, "change", move |_: Event| f(el2.checked()));
}

pub fn on_click(id: &str, f: impl Fn() + 'static) {
    let el: HtmlElement = by_id(id);
    on(&el, "click", move |_: Event| f());
}

/// Makes every control show the config's value, and hides what the link hides.
pub fn sync(c: &Config) {
    select("dataset").set_value(if c.csv.is_some() { "csv" } else { c.dataset.key() });
    let thumbs = document().query_selector_all("#dataset-thumbs canvas").expect("qsa");
    for i in 0..thumbs.length() {
        if let Some(el) = thumbs.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let selected = c.csv.is_none() && el.get_attribute("data-dataset").as_deref() == Some(c.dataset.key());
            let _ = el.class_list().toggle_with_force("selected", selected);
        }
    }
    select("problem").set_value(c.problem.key());
    let lr = select("learning-rate");
    let custom = input("learning-rate-custom");
    if LEARNING_RATES.contains(&c.learning_rate) {
        lr.set_value(&c.learning_rate.to_string());
        set_hidden(&custom, true);
    } else {
        lr.set_value(CUSTOM);
        set_hidden(&custom, false);
        custom.set_value(&c.learning_rate.to_string());
    }
    select("optimizer").set_value(c.optimizer.key());
    sync_optimizer_params(c);
    select("activation").set_value(c.activation.key());
    select("regularization").set_value(c.regularization.key());
    let rr = select("regularization-rate");
    let rr_value = c.regularization_rate.to_string();
    if !REGULARIZATION_RATES.contains(&c.regularization_rate) {
        // A free rate from a link gets its own option so the select can show it.
        let exists = (0..rr.length()).any(|i| {
            rr.item(i)
                .and_then(|o| o.dyn_into::<HtmlOptionElement>().ok())
                .is_some_and(|o| o.value() == rr_value)
        });
        if !exists {
            add_option(&rr, &rr_value, &rr_value);
        }
    }
    rr.set_value(&rr_value);
    for (id, v) in [
        ("train-ratio", c.train_ratio),
        ("noise", c.noise),
        ("batch-size", c.batch_size),
    ] {
        input(id).set_value(&v.to_string());
        set_text(&by_id::<Element>(&format!("{id}-value")), &v.to_string());
    }
    input("show-test").set_checked(c.show_test_data);
    input("discretize").set_checked(c.discretize);
    let n = c.hidden.len();
    set_text(&by_id::<Element>("layer-count"), &n.to_string());
    let heading: Element = by_id("net-heading");
    let word = if n == 1 { "hidden layer" } else { "hidden layers" };
    if let Some(last) = heading.last_child() {
        last.set_text_content(Some(&format!(" {word}")));
    }
    by_id::<web_sys::HtmlButtonElement>("add-layer").set_disabled(n >= crate::config::MAX_HIDDEN_LAYERS);
    by_id::<web_sys::HtmlButtonElement>("remove-layer").set_disabled(n == 0);
    apply_hidden(c);
}

/// Hides every element marked `data-control="<key>"` whose control the config hides.
fn apply_hidden(c: &Config) {
    let list = document()
        .query_selector_all("[data-control]")
        .expect("querySelectorAll");
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let key = el.get_attribute("data-control").unwrap_or_default();
            let hide = Control::from_key(&key).is_some_and(|ctrl| c.is_hidden(ctrl));
            set_hidden(&el, hide);
        }
    }
}

/// One labelled number box per hyperparameter of the chosen optimizer.
fn sync_optimizer_params(c: &Config) {
    crate::web::param_boxes::sync("optimizer-params", &c.optimizer.params(), |k| match k {
        "mom" => "Momentum",
        "b1" => "Beta1",
        "b2" => "Beta2",
        "eps" => "Epsilon",
        "rho" => "Rho",
        _ => "Weight decay",
    });
}

/// The axis pickers of imported data: filled with its feature names, shown only while it trains.
pub fn sync_csv(c: &Config, info: Option<&crate::importer::CsvInfo>) {
    let panel: Element = by_id("csv-axes");
    let (Some(shape), Some(info)) = (&c.csv, info) else {
        set_hidden(&panel, true);
        return;
    };
    for (id, value) in [("axis-x", shape.axes.0), ("axis-y", shape.axes.1)] {
        let s = select(id);
        if s.length() as usize != info.feature_names.len() {
            s.set_text_content(None);
            for (k, name) in info.feature_names.iter().enumerate() {
                add_option(&s, &k.to_string(), name);
            }
        }
        s.set_value(&value.to_string());
    }
    input("hold-row").set_value(&shape.hold_row.map_or(String::new(), |r| r.to_string()));
    set_hidden(&panel, false);
}

/// Class names for more than two classes: the imported file's, or "Class 1" … for built-in sets.
pub fn class_names(c: &Config, info: Option<&crate::importer::CsvInfo>) -> Vec<String> {
    match info {
        _ if c.classes() <= 2 => Vec::new(),
        Some(i) if c.csv.is_some() => i.classes.clone(),
        _ => (1..=c.classes()).map(|k| format!("Class {k}")).collect(),
    }
}

/// The legend: a value ramp, or for more than two classes each class's colour and name.
pub fn sync_classes(c: &Config, info: Option<&crate::importer::CsvInfo>) {
    let list: Element = by_id("class-legend");
    let names = class_names(c, info);
    let classes: &[String] = &names;
    list.set_text_content(None);
    for (k, name) in classes.iter().enumerate() {
        let li: Element = create("li");
        let sw: HtmlElement = create("span");
        sw.set_class_name("swatch");
        let _ = sw.style().set_property("background", &crate::heatmap::class_css(k));
        li.append_child(&sw).expect("append");
        li.append_child(&document().create_text_node(name)).expect("append");
        list.append_child(&li).expect("append");
    }
    set_hidden(&list, classes.is_empty());
    set_hidden(&by_id::<Element>("value-legend"), !classes.is_empty());
}

pub fn set_playing(playing: bool) {
    let b: HtmlElement = by_id("play");
    let label = if playing { "Pause" } else { "Play" };
    if b.get_attribute("aria-label").as_deref() != Some(label) {
        b.set_attribute("aria-label", label).expect("aria-label");
        let _ = b.class_list().toggle_with_force("playing", playing);
    }
}
