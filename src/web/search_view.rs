//! The search panel: its form (filled from the core's choices), the settings
//! to vary (built while the panel is open, so their checkboxes never compete
//! with the toolbar's controls of the same name), progress, the results table
//! and the charts (SVG from `search::charts`).

use crate::page::{Column, Model, Msg, SearchMsg};
use crate::search::charts;
use crate::search::objective::Objective;
use crate::search::pruner::Pruner;
use crate::search::setting::Setting;
use crate::search::spec::{Field, Strategy};
use crate::web::dispatch::Dispatch;
use crate::web::dom::{self, by_id, create, fill_select, on, on_change, on_click, set_attr, set_hidden, set_text};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlButtonElement, HtmlElement, HtmlInputElement, HtmlProgressElement};

thread_local! {
    /// What the table and charts were last drawn from, so a tick only moves the progress.
    static DRAWN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A number field's message.
type NumberMsg = fn(f64) -> SearchMsg;

const NUMBERS: [(&str, NumberMsg); 5] = [
    ("search-trials", SearchMsg::Trials),
    ("search-epochs", SearchMsg::Epochs),
    ("search-repeats", SearchMsg::Repeats),
    ("search-seed", SearchMsg::Seed),
    ("search-workers", SearchMsg::Workers),
];

pub fn init(d: Dispatch) {
    let send = move |m: SearchMsg| d.send(Msg::Search(m));
    on_click("search-toggle", move || send(SearchMsg::Toggle));
    on_click("search-close", move || send(SearchMsg::Toggle));
    fill_select(
        &dom::select("search-strategy"),
        &dom::choices(&Strategy::ALL, Strategy::key, Strategy::label),
    );
    let mut objectives = vec![(String::new(), "Automatic: validation loss, else test loss".to_string())];
    objectives.extend(dom::choices(&Objective::ALL, Objective::key, Objective::label));
    fill_select(&dom::select("search-objective"), &objectives);
    fill_select(
        &dom::select("search-pruner"),
        &dom::choices(&Pruner::ALL, Pruner::key, Pruner::label),
    );
    on_change("search-strategy", "change", move |v| {
        send(SearchMsg::Strategy(Strategy::from_key(&v).unwrap_or(Strategy::Grid)))
    });
    on_change("search-objective", "change", move |v| {
        send(SearchMsg::Objective(Objective::from_key(&v)))
    });
    on_change("search-pruner", "change", move |v| {
        send(SearchMsg::Pruner(Pruner::from_key(&v).unwrap_or_default()))
    });
    for (id, msg) in NUMBERS {
        on_change(id, "input", move |v| send(msg(v.trim().parse().unwrap_or(f64::NAN))));
    }
    on_click("search-start", move || send(SearchMsg::Start { now: dom::now_ms() }));
    on_click("search-stop", move || send(SearchMsg::Stop));
    on_click("search-apply", move || send(SearchMsg::ApplyBest));
    on_click("search-csv", move || send(SearchMsg::Download { json: false }));
    on_click("search-json", move || send(SearchMsg::Download { json: true }));
    // The settings, the table's header and rows change: their container listens.
    let settings: HtmlElement = by_id("search-settings");
    on(&settings, "change", move |e: Event| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        let Some(setting) = el.get_attribute("data-setting").and_then(|k| Setting::from_key(&k)) else {
            return;
        };
        if el.type_() == "checkbox" {
            send(SearchMsg::Tick(setting, el.checked()));
        }
    });
    on(&settings, "input", move |e: Event| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        if let (Some(setting), "text") = (
            el.get_attribute("data-setting").and_then(|k| Setting::from_key(&k)),
            el.type_().as_str(),
        ) {
            send(SearchMsg::Text(setting, el.value()));
        }
    });
    let table: HtmlElement = by_id("search-results");
    on(&table, "click", move |e: Event| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Some(k) = el.get_attribute("data-open").and_then(|k| k.parse().ok()) {
            send(SearchMsg::Open(k));
        } else if let Some(k) = el.get_attribute("data-show").and_then(|k| k.parse().ok()) {
            send(SearchMsg::Show(k));
        } else if let Some(c) = el.closest("[data-col]").ok().flatten() {
            if let Some(col) = c.get_attribute("data-col").as_deref().and_then(column) {
                send(SearchMsg::Sort(col));
            }
        }
    });
    let cores = dom::window().navigator().hardware_concurrency();
    send(SearchMsg::Cores(if cores.is_finite() && cores >= 1.0 {
        cores as u32
    } else {
        2
    }));
}

fn column(s: &str) -> Option<Column> {
    Some(match s {
        "trial" => Column::Trial,
        "objective" => Column::Objective,
        "train" => Column::TrainLoss,
        "test" => Column::TestLoss,
        "metric" => Column::Metric,
        "epochs" => Column::Epochs,
        "time" => Column::Time,
        "state" => Column::State,
        _ => Column::Setting(s.strip_prefix("s")?.parse().ok()?),
    })
}

/// Sets an input's value unless the user is typing in it.
fn set_input(id: &str, v: &str) {
    let el: HtmlInputElement = by_id(id);
    let focused = dom::document().active_element().is_some_and(|a| a == **el);
    if !focused && el.value() != v {
        el.set_value(v);
    }
}

fn problem(m: &Model, field: Field, id: &str) {
    let el: Element = by_id(id);
    let p = m.search_problem(field);
    set_text(&el, p.as_deref().unwrap_or(""));
    set_hidden(&el, p.is_none());
}

pub fn render(m: &Model) {
    let s = &m.search;
    let panel: HtmlElement = by_id("search-panel");
    let toggle: Element = by_id("search-toggle");
    set_attr(&toggle, "aria-expanded", if s.open { "true" } else { "false" });
    let was_open = !panel.hidden();
    set_hidden(&panel, !s.open);
    let settings: Element = by_id("search-settings");
    if !s.open {
        settings.set_text_content(None);
        DRAWN.with(|d| d.borrow_mut().clear());
        return;
    }
    if !was_open {
        panel.scroll_into_view();
    }
    let spec = s.form();
    dom::set_value(&dom::select("search-strategy"), spec.strategy.key());
    dom::set_value(
        &dom::select("search-objective"),
        spec.objective.map_or("", Objective::key),
    );
    dom::set_value(&dom::select("search-pruner"), spec.pruner.key());
    set_input("search-trials", &spec.trials.to_string());
    set_input("search-epochs", &spec.epochs.to_string());
    set_input("search-repeats", &spec.repeats.to_string());
    set_input("search-seed", &spec.seed.to_string());
    set_input("search-workers", &s.workers.to_string());
    set_attr(&by_id::<Element>("search-workers"), "max", &s.cores.to_string());
    let grid = spec.strategy == Strategy::Grid;
    by_id::<HtmlInputElement>("search-trials").set_disabled(grid);
    problem(m, Field::Strategy, "search-strategy-error");
    problem(m, Field::Trials, "search-trials-error");
    problem(m, Field::Epochs, "search-epochs-error");
    problem(m, Field::Repeats, "search-repeats-error");
    problem(m, Field::Objective, "search-objective-error");
    render_settings(m, &settings);
    let checked = m.search_checked();
    let count: Element = by_id("search-count");
    set_text(
        &count,
        &if checked.space.is_some() {
            let what = if grid { "combinations" } else { "trials" };
            format!("{} {what} × {} epochs", checked.total, spec.epochs)
        } else {
            String::new()
        },
    );
    let start: HtmlButtonElement = by_id("search-start");
    start.set_disabled(checked.space.is_none() || s.running);
    by_id::<HtmlButtonElement>("search-stop").set_disabled(!s.running);
    let best = s.run.as_ref().and_then(|r| r.best());
    by_id::<HtmlButtonElement>("search-apply").set_disabled(best.is_none());
    for id in ["search-csv", "search-json"] {
        by_id::<HtmlButtonElement>(id).set_disabled(s.run.as_ref().map_or(true, |r| r.done() == 0));
    }
    let (done, total, text) = s.progress();
    let bar: HtmlProgressElement = by_id("search-bar");
    bar.set_max(total.max(1) as f64);
    bar.set_value(done as f64);
    set_text(&by_id::<Element>("search-progress"), &text);
    set_text(&by_id::<Element>("search-note"), &s.note);
    let best_el: Element = by_id("search-best");
    match (best, &s.run) {
        (Some(k), Some(r)) => {
            let v = r.trials[k].outcome.as_ref().map_or(f64::NAN, |o| o.objective);
            set_text(&best_el, &crate::page::fmt_number(v as f32, 4));
            set_attr(&best_el, "data-value", &format!("{v}"));
            set_text(
                &by_id::<Element>("search-best-trial"),
                &format!("{} · trial {k}", r.objective.label()),
            );
        }
        _ => {
            set_text(&best_el, "–");
            set_text(&by_id::<Element>("search-best-trial"), "");
        }
    }
    let Some(r) = &s.run else {
        for id in [
            "search-history",
            "search-parallel",
            "search-slices",
            "search-importance",
            "search-curves",
        ] {
            by_id::<Element>(id).set_inner_html("");
        }
        by_id::<Element>("search-rows").set_text_content(None);
        by_id::<Element>("search-head").set_text_content(None);
        DRAWN.with(|d| d.borrow_mut().clear());
        return;
    };
    let key = format!("{}:{done}:{:?}:{:?}:{}", r.trials.len(), s.sort, s.shown, r.spec.seed);
    if DRAWN.with(|d| *d.borrow() == key) {
        return;
    }
    DRAWN.with(|d| *d.borrow_mut() = key);
    by_id::<Element>("search-history").set_inner_html(&charts::history(r));
    by_id::<Element>("search-parallel").set_inner_html(&charts::parallel(r));
    by_id::<Element>("search-slices").set_inner_html(&charts::slices(r));
    by_id::<Element>("search-importance").set_inner_html(&charts::importance_bars(r));
    by_id::<Element>("search-curves").set_inner_html(&charts::curves(r, &s.shown));
    render_table(m);
}

/// One row per ticked or tickable setting: a checkbox named as the toolbar's control, its values and its problem.
fn render_settings(m: &Model, box_: &Element) {
    let spec = m.search.form();
    if box_.child_element_count() == 0 {
        for setting in Setting::ALL {
            let row: Element = create("div");
            row.set_class_name("search-setting");
            let label: Element = create("label");
            label.set_class_name("check");
            let check: HtmlInputElement = create("input");
            check.set_type("checkbox");
            set_attr(&check, "data-setting", setting.key());
            let id = format!("search-set-{}", setting.key());
            check.set_id(&id);
            label.append_child(&check).expect("append");
            label
                .append_child(&dom::document().create_text_node(&format!(" {}", setting.label())))
                .expect("append");
            let values: HtmlInputElement = create("input");
            values.set_type("text");
            set_attr(&values, "data-setting", setting.key());
            set_attr(&values, "aria-label", "Values to try");
            set_attr(&values, "aria-describedby", &format!("{id}-name {id}-error"));
            values.set_id(&format!("{id}-values"));
            values.set_spellcheck(false);
            label.set_id(&format!("{id}-name"));
            let error: Element = create("span");
            error.set_class_name("field-error");
            error.set_id(&format!("{id}-error"));
            set_attr(&error, "role", "alert");
            for child in [&label as &Element, &values, &error] {
                row.append_child(child).expect("append");
            }
            box_.append_child(&row).expect("append");
        }
    }
    for setting in Setting::ALL {
        let id = format!("search-set-{}", setting.key());
        let check: HtmlInputElement = by_id(&id);
        let text = spec.text(setting);
        check.set_checked(text.is_some());
        let values: HtmlInputElement = by_id(&format!("{id}-values"));
        values.set_disabled(text.is_none());
        set_input(&format!("{id}-values"), text.unwrap_or(setting.default_text()));
        let error: Element = by_id(&format!("{id}-error"));
        let p = m.search_problem(Field::Setting(setting));
        set_text(&error, p.as_deref().unwrap_or(""));
        set_hidden(&error, p.is_none());
        set_attr(&values, "aria-invalid", if p.is_some() { "true" } else { "false" });
    }
}

fn cell(row: &Element, text: &str) {
    let td: Element = create("td");
    td.set_text_content(Some(text));
    row.append_child(&td).expect("append");
}

fn render_table(m: &Model) {
    let s = &m.search;
    let Some(r) = &s.run else { return };
    let head: Element = by_id("search-head");
    head.set_text_content(None);
    let metric = if r.base.classes() > 0 {
        "Test accuracy"
    } else {
        "Test R²"
    };
    let mut cols: Vec<(String, String)> = vec![("trial".into(), "Trial".into())];
    cols.extend(
        r.space
            .dims
            .iter()
            .enumerate()
            .map(|(i, (setting, _))| (format!("s{i}"), setting.label().to_string())),
    );
    for (k, l) in [
        ("objective", "Objective"),
        ("train", "Train loss"),
        ("test", "Test loss"),
        ("metric", metric),
        ("epochs", "Epochs"),
        ("time", "Time (ms)"),
        ("state", "State"),
    ] {
        cols.push((k.into(), l.into()));
    }
    for (key, label) in &cols {
        let th: Element = create("th");
        set_attr(&th, "scope", "col");
        let sorted = column(key) == Some(s.sort.0);
        set_attr(
            &th,
            "aria-sort",
            match (sorted, s.sort.1) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            },
        );
        let b: Element = create("button");
        b.set_class_name("sort");
        set_attr(&b, "type", "button");
        set_attr(&b, "data-col", key);
        b.set_text_content(Some(label));
        th.append_child(&b).expect("append");
        head.append_child(&th).expect("append");
    }
    let th: Element = create("th");
    th.set_text_content(Some("Open"));
    head.append_child(&th).expect("append");
    let body: Element = by_id("search-rows");
    body.set_text_content(None);
    let best = r.best();
    for k in s.sorted() {
        let t = &r.trials[k];
        let tr: Element = create("tr");
        set_attr(&tr, "data-testid", &format!("trial-{k}"));
        if best == Some(k) {
            tr.set_class_name("best");
        }
        let td: Element = create("td");
        let show: HtmlInputElement = create("input");
        show.set_type("checkbox");
        set_attr(&show, "data-show", &k.to_string());
        set_attr(&show, "aria-label", &format!("Show the curves of trial {k}"));
        show.set_checked(s.shown.contains(&(k as u32)));
        td.append_child(&show).expect("append");
        td.append_child(&dom::document().create_text_node(&format!(" {k}")))
            .expect("append");
        tr.append_child(&td).expect("append");
        for v in &t.values {
            cell(&tr, &v.text());
        }
        let num = |v: f64| {
            if v.is_finite() {
                crate::page::fmt_number(v as f32, 4)
            } else {
                "–".into()
            }
        };
        match &t.outcome {
            Some(o) => {
                let objective = if o.spread > 0.0 {
                    format!("{} ± {}", num(o.objective), num(o.spread))
                } else {
                    num(o.objective)
                };
                cell(&tr, &objective);
                cell(&tr, &num(f64::from(o.train_loss)));
                cell(&tr, &num(f64::from(o.test_loss)));
                cell(&tr, &num(f64::from(o.test_metric)));
                cell(&tr, &o.epochs.to_string());
                cell(&tr, &format!("{:.0}", o.wall_ms));
                let td: Element = create("td");
                td.set_text_content(Some(o.state.label()));
                if !o.message.is_empty() {
                    set_attr(&td, "title", &o.message);
                    td.set_text_content(Some(&format!("{}: {}", o.state.label(), o.message)));
                    td.set_class_name("state-message");
                }
                tr.append_child(&td).expect("append");
            }
            None => {
                for _ in 0..6 {
                    cell(&tr, "");
                }
                cell(&tr, "running");
            }
        }
        let td: Element = create("td");
        let open: Element = create("button");
        set_attr(&open, "type", "button");
        set_attr(&open, "data-open", &k.to_string());
        // (Not "… in the playground": a name with "play" in it would compete with Play.)
        set_attr(&open, "aria-label", &format!("Open trial {k}"));
        open.set_class_name("secondary small-button");
        open.set_text_content(Some("Open"));
        td.append_child(&open).expect("append");
        tr.append_child(&td).expect("append");
        body.append_child(&tr).expect("append");
    }
}
