//! The form controls: filled from the core's lists, kept in step with the
//! `Config`, and turned into edits sent to the page. Labels live in index.html.

use crate::activation::Activation;
use crate::config::{Config, Control, Edit, LEARNING_RATES, REGULARIZATION_RATES};
use crate::dataset::{DatasetKind, Problem};
use crate::i18n::keyed;
use crate::optimizer::Optimizer;
use crate::pace::Speed;
use crate::page::{Msg, Picture};
use crate::regularization::Regularization;
use crate::web::dispatch::Dispatch;
use crate::web::dom::{
    self, add_option, by_id, choices, create, document, fill_select, input, on, on_change, on_checkbox, on_click,
    select, set_hidden, set_text,
};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, HtmlOptionElement};

const CUSTOM: &str = "custom";

/// Labels the selects in the page's language (again after a switch: the
/// values stay, the labels change).
pub fn relabel() {
    // The dataset select's groups and options and the thumbnails' titles, in one pass.
    let all = document()
        .query_selector_all("#dataset optgroup, #dataset optgroup option, #dataset-thumbs canvas")
        .expect("selector");
    for i in 0..all.length() {
        let Some(el) = all.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let attr = |name: &str| el.get_attribute(name);
        if let Some(k) = attr("data-dataset") {
            dom::set_attr(&el, "title", &keyed("ds", &k));
        } else if let Some(k) = attr("data-key") {
            let label = if k == "csv" {
                crate::t!("your-data")
            } else {
                keyed("problem", &k)
            };
            dom::set_attr(&el, "label", &label);
        } else {
            let v = attr("value").unwrap_or_default();
            let text = if v == "csv" {
                crate::t!("imported-csv")
            } else {
                keyed("ds", &v)
            };
            el.set_text_content(Some(&text));
        }
    }
    let mut rates: Vec<(String, String)> = LEARNING_RATES.iter().map(|v| (v.to_string(), v.to_string())).collect();
    rates.push((CUSTOM.into(), crate::t!("custom")));
    fill_select(&select("learning-rate"), &rates);
    let optimizers: Vec<Optimizer> = Optimizer::KEYS.iter().filter_map(|k| Optimizer::from_key(k)).collect();
    fill_select(&select("optimizer"), &choices(&optimizers, Optimizer::key, "opt"));
    fill_select(
        &select("activation"),
        &choices(&Activation::ALL, Activation::key, "act"),
    );
    fill_select(
        &select("regularization"),
        &choices(&Regularization::ALL, Regularization::key, "reg"),
    );
    let reg_rates: Vec<(String, String)> = REGULARIZATION_RATES
        .iter()
        .map(|v| (v.to_string(), v.to_string()))
        .collect();
    fill_select(&select("regularization-rate"), &reg_rates);
    fill_select(&select("problem"), &choices(&Problem::ALL, Problem::key, "problem"));
    fill_select(
        &select("picture-mode"),
        &choices(&Picture::ALL, Picture::key, "picture"),
    );
    fill_select(&select("speed"), &choices(&Speed::ALL, Speed::key, "speed"));
}

/// Fills the selects and wires every control to an edit.
pub fn init(d: Dispatch) {
    let ds = select("dataset");
    for problem in Problem::ALL.into_iter().map(Some).chain([None]) {
        let group: Element = create("optgroup");
        // Shown (and only selectable) while imported data is in training.
        let keys: Vec<&str> = match problem {
            Some(p) => DatasetKind::ALL
                .into_iter()
                .filter(|k| k.problem() == p)
                .map(DatasetKind::key)
                .collect(),
            None => vec!["csv"],
        };
        dom::set_attr(&group, "data-key", problem.map_or("csv", Problem::key));
        for k in keys {
            add_option(&group, k, "");
        }
        ds.append_child(&group).expect("append optgroup");
    }
    if let Ok(Some(csv)) = ds.query_selector("option[value=csv]") {
        let _ = csv.set_attribute("disabled", "");
    }
    let thumbs: Element = by_id("dataset-thumbs");
    for k in DatasetKind::ALL {
        let c: web_sys::HtmlCanvasElement = create("canvas");
        c.set_width(96);
        c.set_height(96);
        c.set_attribute("data-dataset", k.key()).expect("attr");
        crate::web::boundary::draw_dataset_thumb(&c, &k.generate(0, 1), k.classes(4));
        thumbs.append_child(&c).expect("append");
        on(&c, "click", move |_: Event| d.edit(Edit::Dataset(k)));
    }
    relabel();
    on_change("optimizer", "change", move |v| {
        if let Some(o) = Optimizer::from_key(&v) {
            d.edit(Edit::Optimizer(o));
        }
    });
    crate::web::param_boxes::wire("optimizer-params", d, Edit::OptimizerParam);
    on_change("speed", "change", move |v| {
        if let Some(s) = Speed::from_key(&v) {
            d.edit(Edit::Speed(s));
        }
    });
    let options: web_sys::HtmlDetailsElement = by_id("training-options");
    let o2 = options.clone();
    on(&options, "toggle", move |_: Event| {
        d.edit(Edit::OptionsFolded(!o2.open()))
    });

    on_change("dataset", "change", move |v| {
        if let Some(k) = DatasetKind::from_key(&v) {
            d.edit(Edit::Dataset(k));
        }
    });
    on_change("problem", "change", move |v| {
        if let Some(p) = Problem::from_key(&v) {
            d.edit(Edit::Problem(p));
        }
    });
    on_change("learning-rate", "change", move |v| {
        if v == CUSTOM {
            let custom = input("learning-rate-custom");
            set_hidden(&custom, false);
            let _ = custom.focus();
        } else if let Ok(x) = v.parse::<f32>() {
            d.edit(Edit::LearningRate(x));
        }
    });
    on_change("learning-rate-custom", "change", move |v| {
        let custom = input("learning-rate-custom");
        let range = crate::config::LEARNING_RATE_RANGE;
        match v.trim().parse::<f32>() {
            Ok(x) if x.is_finite() && (range.0..=range.1).contains(&x) => {
                custom.set_custom_validity("");
                d.edit(Edit::LearningRate(x));
            }
            _ => {
                custom.set_custom_validity(&format!("Enter a number from {} to {}", range.0, range.1));
                custom.report_validity();
            }
        }
    });
    on_change("activation", "change", move |v| {
        if let Some(a) = Activation::from_key(&v) {
            d.edit(Edit::Activation(a));
        }
    });
    on_change("regularization", "change", move |v| {
        if let Some(r) = Regularization::from_key(&v) {
            d.edit(Edit::Regularization(r));
        }
    });
    on_change("regularization-rate", "change", move |v| {
        if let Ok(x) = v.parse::<f32>() {
            d.edit(Edit::RegularizationRate(x));
        }
    });
    on_change("train-ratio", "input", move |v| {
        if let Ok(x) = v.parse::<u32>() {
            d.edit(Edit::TrainRatio(x));
        }
    });
    on_change("noise", "input", move |v| {
        if let Ok(x) = v.parse::<u32>() {
            d.edit(Edit::Noise(x));
        }
    });
    on_change("batch-size", "input", move |v| {
        if let Ok(x) = v.parse::<u32>() {
            d.edit(Edit::BatchSize(x));
        }
    });
    on_checkbox("show-test", move |b| d.edit(Edit::ShowTestData(b)));
    on_checkbox("discretize", move |b| d.edit(Edit::Discretize(b)));
    on_click("add-layer", move || d.edit(Edit::AddLayer));
    on_click("remove-layer", move || d.edit(Edit::RemoveLayer));
    on_click("regenerate", move || d.edit(Edit::Seed(crate::rng::fresh_seed())));
    for (id, x) in [("axis-x", true), ("axis-y", false)] {
        on_change(id, "change", move |v| {
            if let Ok(feature) = v.parse::<usize>() {
                d.edit(Edit::Axis { x, feature });
            }
        });
    }
    on_change("hold-row", "change", move |v| {
        d.edit(Edit::HoldRow(v.trim().parse::<usize>().ok().filter(|&r| r >= 1)))
    });
    on_change("picture-mode", "change", move |v| {
        d.send(Msg::Picture(Picture::from_key(&v).unwrap_or(Picture::Plane)))
    });
    on_click("play", move || d.send(Msg::TogglePlay));
    on_click("step", move || d.send(Msg::Step));
    on_click("reset", move || d.send(Msg::Reset));
}

/// Makes every control show the config's value, and hides what the link hides.
pub fn sync(c: &Config) {
    select("dataset").set_value(match (&c.csv, &c.drawn) {
        (Some(_), _) => "csv",
        (None, Some(_)) => "drawn",
        _ => c.dataset.key(),
    });
    let thumbs = document().query_selector_all("#dataset-thumbs canvas").expect("qsa");
    for i in 0..thumbs.length() {
        if let Some(el) = thumbs.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let selected = c.csv.is_none()
                && c.drawn.is_none()
                && el.get_attribute("data-dataset").as_deref() == Some(c.dataset.key());
            let _ = el.class_list().toggle_with_force("selected", selected);
        }
    }
    select("problem").set_value(c.problem.key());
    select("speed").set_value(c.speed.key());
    let hint: Element = by_id("lr-hint");
    match c.learning_rate_hint() {
        Some(text) => {
            set_text(&hint, &text);
            set_hidden(&hint, c.is_hidden(Control::LearningRate));
        }
        None => set_hidden(&hint, true),
    }
    set_text(
        &by_id::<Element>("loss-kind"),
        &crate::i18n::keyed("loss-explained", c.loss().key()),
    );
    let options: web_sys::HtmlDetailsElement = by_id("training-options");
    if options.open() == c.options_folded {
        options.set_open(!c.options_folded);
    }
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
    // Noise and new points belong to the built-in datasets.
    let built_in_only = c.csv.as_ref().map(|_| crate::t!("built-in-only"));
    input("noise").set_disabled(built_in_only.is_some());
    by_id::<web_sys::HtmlButtonElement>("regenerate").set_disabled(built_in_only.is_some());
    for id in ["noise", "regenerate"] {
        let el: Element = by_id(id);
        match &built_in_only {
            Some(why) => crate::web::dom::set_attr(&el, "title", why),
            None => {
                let _ = el.remove_attribute("title");
            }
        }
    }
    input("show-test").set_checked(c.show_test_data);
    input("discretize").set_checked(c.discretize);
    let n = c.hidden.len();
    set_text(
        &by_id::<Element>("net-heading"),
        &crate::t!(if n == 1 { "hidden-layer" } else { "hidden-layers" }, n = n.to_string()),
    );
    by_id::<web_sys::HtmlButtonElement>("add-layer").set_disabled(n >= crate::config::MAX_HIDDEN_LAYERS);
    by_id::<web_sys::HtmlButtonElement>("remove-layer").set_disabled(n == 0);
}

/// Hides every element marked `data-control="<key>"` whose control the config
/// hides (a class, so an element's own `hidden` state is kept), a group of
/// controls when all of them are hidden, and locks the input features.
pub fn apply_hidden(c: &Config) {
    let list = document()
        .query_selector_all("[data-control]")
        .expect("querySelectorAll");
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let key = el.get_attribute("data-control").unwrap_or_default();
            let hide = Control::from_key(&key).is_some_and(|ctrl| c.is_hidden(ctrl));
            let _ = el.class_list().toggle_with_force("control-hidden", hide);
        }
    }
    // A column marked `data-control-group` goes when none of its controls shows.
    let groups = document()
        .query_selector_all("[data-control-group]")
        .expect("querySelectorAll");
    for i in 0..groups.length() {
        if let Some(group) = groups.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let shown = group
                .query_selector("[data-control]:not(.control-hidden):not([hidden])")
                .ok()
                .flatten()
                .is_some();
            let _ = group.class_list().toggle_with_force("control-hidden", !shown);
        }
    }
    let data_all_hidden = by_id::<Element>("data-heading")
        .parent_element()
        .is_some_and(|data| data.class_list().contains("control-hidden"));
    let network: Element = by_id("network");
    let _ = network
        .class_list()
        .toggle_with_force("features-locked", c.is_hidden(Control::Features));
    // The board gives the remaining columns the room (a picture-only link centres the picture).
    let body = document().body().expect("body");
    let _ = body.class_list().toggle_with_force("data-hidden", data_all_hidden);
    let _ = body
        .class_list()
        .toggle_with_force("diagram-hidden", c.is_hidden(Control::Diagram));
    // The explanation under the page matches the data in use.
    let _ = body.class_list().toggle_with_force("imported", c.csv.is_some());
}

/// One labelled number box per hyperparameter of the chosen optimizer.
fn sync_optimizer_params(c: &Config) {
    crate::web::param_boxes::sync("optimizer-params", &c.optimizer.params());
}

/// The axis pickers of imported data: filled with its feature names, shown only while it trains.
pub fn sync_csv(c: &Config, names: Option<&[String]>, picture: Picture) {
    let panel: Element = by_id("csv-axes");
    let (Some(shape), Some(names)) = (&c.csv, names) else {
        set_hidden(&panel, true);
        return;
    };
    let options: Vec<(String, String)> = names
        .iter()
        .enumerate()
        .map(|(k, n)| (k.to_string(), n.clone()))
        .collect();
    for (id, value) in [("axis-x", shape.axes.0), ("axis-y", shape.axes.1)] {
        let s = select(id);
        fill_select(&s, &options);
        s.set_value(&value.to_string());
    }
    input("hold-row").set_value(&shape.hold_row.map_or(String::new(), |r| r.to_string()));
    select("picture-mode").set_value(picture.key());
    // The principal components need no axes (and hold no other features).
    let _ = panel.class_list().toggle_with_force("pca", picture != Picture::Plane);
    set_hidden(&panel, false);
}

/// The legend: a value ramp, or for more than two classes each class's colour and name.
/// `ends`: an imported file's two class names, for the value ramp's ends (else −1 and 1).
pub fn sync_classes(classes: &[String], ends: Option<&[String]>) {
    let spans = by_id::<Element>("value-legend").children();
    if let (Some(a), Some(b)) = (spans.item(0), spans.item(2)) {
        let (lo, hi) = match ends {
            Some([lo, hi]) => (lo.as_str(), hi.as_str()),
            _ => ("−1", "1"),
        };
        set_text(&a, lo);
        set_text(&b, hi);
    }
    let list: Element = by_id("class-legend");
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
    let label = crate::i18n::tr_attr(if playing { "pause" } else { "play" }, "aria-label");
    b.set_attribute("aria-label", &label).expect("aria-label");
    let _ = b.class_list().toggle_with_force("playing", playing);
}
