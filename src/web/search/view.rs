//! The search panel: its form (filled from the core's choices), the settings
//! to vary (built while the panel is open, so their checkboxes never compete
//! with the toolbar's controls of the same name), progress, the results table
//! and the charts (SVG from `search::charts`).

use super::dispatch;
use crate::config::Config;
use crate::search::charts;
use crate::search::objective::Objective;
use crate::search::panel::{SearchModel, SearchMsg};
use crate::search::pruner::Pruner;
use crate::search::setting::Setting;
use crate::search::spec::{Checked, Field, Strategy};
use crate::web::dom::{self, by_id, create, fill_select, on, on_change, on_click, set_attr, set_hidden, set_text};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlButtonElement, HtmlElement, HtmlInputElement, HtmlProgressElement};

/// What the table and charts were last drawn from, and when (ms), so a clock
/// tick only moves the progress line.
#[derive(Default)]
pub(super) struct Drawn {
    key: String,
    at: f64,
}

/// The shortest time between two drawings of the table and charts while a search runs (ms).
const REDRAW_MS: f64 = 400.0;

/// A number field's message.
type NumberMsg = fn(f64) -> SearchMsg;

const NUMBERS: [(&str, NumberMsg); 5] = [
    ("search-trials", SearchMsg::Trials),
    ("search-epochs", SearchMsg::Epochs),
    ("search-repeats", SearchMsg::Repeats),
    ("search-seed", SearchMsg::Seed),
    ("search-workers", SearchMsg::Workers),
];

/// Labels the panel's selects in the installed language; the settings' rows
/// are built again (in it) at the next render, and the charts drawn again.
pub(super) fn relabel(drawn: &mut Drawn) {
    fill_select(
        &dom::select("search-strategy"),
        &dom::choices(&Strategy::ALL, Strategy::key, "strategy"),
    );
    let mut objectives = vec![(String::new(), crate::t!("objective-auto"))];
    objectives.extend(dom::choices(&Objective::ALL, Objective::key, "objective"));
    fill_select(&dom::select("search-objective"), &objectives);
    fill_select(
        &dom::select("search-pruner"),
        &dom::choices(&Pruner::ALL, Pruner::key, "pruner"),
    );
    by_id::<Element>("search-settings").set_text_content(None);
    drawn.key.clear();
}

pub fn init() {
    let send = dispatch;
    on_click("search-toggle", move || send(SearchMsg::Toggle)); // (the page loaded this module on its first click)
    on_click("search-close", move || send(SearchMsg::Toggle));
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
    on_click("search-start", move || send(SearchMsg::Begin { now: dom::now_ms() }));
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
            if let Some(col) = c
                .get_attribute("data-col")
                .as_deref()
                .and_then(crate::search::panel::column_of)
            {
                send(SearchMsg::Sort(col));
            }
        }
    });
}

/// Sets an input's value unless the user is typing in it.
fn set_input(id: &str, v: &str) {
    let el: HtmlInputElement = by_id(id);
    let focused = dom::document().active_element().is_some_and(|a| a == **el);
    if !focused && el.value() != v {
        el.set_value(v);
    }
}

fn problem(checked: &Checked, field: Field, id: &str) {
    let el: Element = by_id(id);
    let p = checked.problem(field);
    set_text(&el, p.unwrap_or(""));
    set_hidden(&el, p.is_none());
}

pub(super) fn render(drawn: &mut Drawn, s: &SearchModel, base: &Config) {
    let panel: HtmlElement = by_id("search-panel");
    let toggle: Element = by_id("search-toggle");
    set_attr(&toggle, "aria-expanded", if s.open { "true" } else { "false" });
    // The panel exists once this module has loaded (search_loader.js inserts it).
    set_attr(&toggle, "aria-controls", "search-panel");
    let was_open = !panel.hidden();
    set_hidden(&panel, !s.open);
    let settings: Element = by_id("search-settings");
    if !s.open {
        settings.set_text_content(None);
        drawn.key.clear();
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
    let checked = s.checked(base);
    problem(&checked, Field::Strategy, "search-strategy-error");
    problem(&checked, Field::Trials, "search-trials-error");
    problem(&checked, Field::Epochs, "search-epochs-error");
    problem(&checked, Field::Repeats, "search-repeats-error");
    problem(&checked, Field::Objective, "search-objective-error");
    render_settings(s, &checked, &settings);
    let count: Element = by_id("search-count");
    set_text(
        &count,
        &if checked.space.is_some() {
            crate::t!(
                if grid {
                    "search-count-grid"
                } else {
                    "search-count-trials"
                },
                n = checked.total.to_string(),
                epochs = spec.epochs.to_string()
            )
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
                &crate::t!("best-trial", objective = r.objective.label(), k = k.to_string()),
            );
        }
        _ => {
            set_text(&best_el, "–");
            set_text(&by_id::<Element>("search-best-trial"), "");
        }
    }
    // The charts and the table wait for a search's first results.
    for id in ["search-charts", "search-table"] {
        set_hidden(&by_id::<Element>(id), s.run.is_none());
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
        drawn.key.clear();
        return;
    };
    // What the drawing shows (a click changes it) and the trials it is drawn from.
    let view = format!("{:?}:{:?}:{}", s.sort, s.shown, r.spec.seed);
    let key = format!("{view}|{}:{done}", r.trials.len());
    // While trials come back, the table and charts are redrawn at most every
    // `REDRAW_MS` (the 500 ms clock catches up): the page's thread stays free
    // for the workers on a machine with few cores. A click redraws at once.
    let now = dom::now_ms();
    let same_view = drawn.key.split('|').next() == Some(view.as_str());
    if drawn.key == key || (s.running && same_view && now - drawn.at < REDRAW_MS) {
        return;
    }
    drawn.key = key;
    drawn.at = now;
    by_id::<Element>("search-history").set_inner_html(&charts::history(r));
    by_id::<Element>("search-parallel").set_inner_html(&charts::parallel(r));
    by_id::<Element>("search-slices").set_inner_html(&charts::slices(r));
    by_id::<Element>("search-importance").set_inner_html(&charts::importance_bars(r));
    by_id::<Element>("search-curves").set_inner_html(&charts::curves(r, &s.shown));
    render_table(s);
}

/// One row per ticked or tickable setting: a checkbox named as the toolbar's control, its values and its problem.
fn render_settings(s: &SearchModel, checked: &Checked, box_: &Element) {
    let spec = s.form();
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
            set_attr(&values, "aria-label", &crate::t!("values-to-try"));
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
        let p = checked.problem(Field::Setting(setting));
        set_text(&error, p.unwrap_or(""));
        set_hidden(&error, p.is_none());
        set_attr(&values, "aria-invalid", if p.is_some() { "true" } else { "false" });
    }
}

fn render_table(s: &SearchModel) {
    let (head, body) = s.table_html();
    by_id::<Element>("search-head").set_inner_html(&head);
    by_id::<Element>("search-rows").set_inner_html(&body);
}
