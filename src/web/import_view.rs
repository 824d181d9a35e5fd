//! Importing a CSV: file picker, drag-and-drop and paste send import steps to
//! the page (`page::ImportMsg`); the worker reads the bytes off the main
//! thread; `render` shows the page's import state: status, errors, the
//! mapping controls and what cleaning does. Every name and value from the file
//! is inserted as text, never as HTML.

use crate::dataset::Problem;
use crate::importer::{Delimiter, FirstRow};
use crate::page::{ImportModel, ImportMsg, Model, Msg};
use crate::prep::{Missing, Scaling, Strays};
use crate::table::ColumnKind;
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, choices, fill_select, on, on_change, on_click, select, set_hidden, set_text, set_value};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DragEvent, Element, Event, File, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// Outlier clipping choices in standard deviations (0: off).
const CLIP_SIGMAS: [f32; 4] = [0.0, 3.0, 2.5, 2.0];
/// Validation shares of imported rows.
const VALIDATION: [u32; 3] = [0, 10, 20];

/// Labels the panel's selects in the page's language (again after a switch).
pub fn relabel() {
    fill_select(
        &select("csv-delimiter"),
        &choices(&Delimiter::ALL, Delimiter::key, "delimiter"),
    );
    fill_select(
        &select("csv-header"),
        &choices(&FirstRow::ALL, FirstRow::key, "first-row"),
    );
    fill_select(&select("target-type"), &choices(&Problem::ALL, Problem::key, "target"));
    fill_select(
        &select("missing-values"),
        &choices(&Missing::ALL, Missing::key, "missing"),
    );
    fill_select(&select("csv-strays"), &choices(&Strays::ALL, Strays::key, "strays"));
    fill_select(&select("scaling"), &choices(&Scaling::ALL, Scaling::key, "scaling"));
    let clips: Vec<(String, String)> = CLIP_SIGMAS
        .iter()
        .map(|&v| {
            let label = if v == 0.0 {
                crate::t!("off")
            } else {
                crate::t!("clip-sigmas", v = v.to_string())
            };
            (v.to_string(), label)
        })
        .collect();
    fill_select(&select("csv-clip"), &clips);
    let vals: Vec<(String, String)> = VALIDATION
        .iter()
        .map(|&v| {
            (
                v.to_string(),
                if v == 0 {
                    crate::t!("validation-none")
                } else {
                    format!("{v} %")
                },
            )
        })
        .collect();
    fill_select(&select("csv-validation"), &vals);
}

pub fn init(d: Dispatch) {
    let send = move |m: ImportMsg| d.send(Msg::Import(m));
    relabel();

    let file: HtmlInputElement = by_id("csv-file");
    let file2 = file.clone();
    on(&file, "change", move |_: Event| {
        if let Some(f) = file2.files().and_then(|l| l.get(0)) {
            read_file(f, d);
        }
    });
    on_click("csv-import", move || {
        let pasted = by_id::<HtmlTextAreaElement>("csv-paste").value();
        send(ImportMsg::Import { pasted });
    });
    on_change("csv-delimiter", "change", move |v| {
        send(ImportMsg::Delimiter(
            Delimiter::from_key(&v).unwrap_or(Delimiter::Detect),
        ))
    });
    on_change("csv-header", "change", move |v| {
        send(ImportMsg::FirstRow(FirstRow::from_key(&v).unwrap_or(FirstRow::Detect)))
    });
    on_change("csv-skip", "change", move |v| {
        // Empty: detect; a number: exactly that many lines.
        send(ImportMsg::Skip(v.trim().parse::<usize>().ok()))
    });
    on_change("target-column", "change", move |v| {
        if let Ok(k) = v.parse() {
            send(ImportMsg::Target(k));
        }
    });
    on_change("target-type", "change", move |v| {
        if let Some(t) = Problem::from_key(&v) {
            send(ImportMsg::Task(t));
        }
    });
    on_change("missing-values", "change", move |v| {
        if let Some(m) = Missing::from_key(&v) {
            send(ImportMsg::Missing(m));
        }
    });
    on_change("csv-strays", "change", move |v| {
        if let Some(s) = Strays::from_key(&v) {
            send(ImportMsg::Strays(s));
        }
    });
    on_change("scaling", "change", move |v| {
        if let Some(s) = Scaling::from_key(&v) {
            send(ImportMsg::Scaling(s));
        }
    });
    on_change("csv-clip", "change", move |v| {
        send(ImportMsg::Clip(v.parse().unwrap_or(0.0)))
    });
    on_change("csv-validation", "change", move |v| {
        send(ImportMsg::Validation(v.parse().unwrap_or(0)))
    });
    on_change("csv-row-names", "change", move |v| {
        // "row": the row number; a number: that column.
        send(ImportMsg::RowNames(v.parse().ok()))
    });
    on_click("csv-use", move || send(ImportMsg::Use));
    let table: HtmlElement = by_id("import-preview");
    on(&table, "change", move |e: Event| {
        let Some(target) = e.target() else { return };
        let column = |el: &Element| el.get_attribute("data-column").and_then(|v| v.parse::<usize>().ok());
        if let Some(kind) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
            if let (Some(k), Some(t)) = (column(kind), ColumnKind::from_key(&kind.value())) {
                send(ImportMsg::Kind(k, t));
            }
        } else if let Some(cb) = target.dyn_ref::<HtmlInputElement>() {
            if let Some(k) = column(cb) {
                send(ImportMsg::Feature(k, cb.checked()));
            }
        }
    });
    // Drag and drop anywhere on the page.
    let body: HtmlElement = crate::web::dom::document().body().expect("body");
    let b1 = body.clone();
    on(&body, "dragover", move |e: DragEvent| {
        e.prevent_default();
        let _ = b1.class_list().add_1("dragging");
    });
    let b2 = body.clone();
    on(&body, "dragleave", move |_: DragEvent| {
        let _ = b2.class_list().remove_1("dragging");
    });
    let b3 = body.clone();
    on(&body, "drop", move |e: DragEvent| {
        e.prevent_default();
        let _ = b3.class_list().remove_1("dragging");
        match e.data_transfer().and_then(|t| t.files()).and_then(|l| l.get(0)) {
            Some(f) if f.name().to_ascii_lowercase().ends_with(".json") => crate::web::app::model_file(f),
            Some(f) => read_file(f, d),
            None => {}
        }
    });
}

/// Reads a chosen or dropped file; the page hears when it starts and what came of it.
fn read_file(f: File, d: Dispatch) {
    let (name, size) = (f.name(), f.size() as usize);
    d.send(Msg::Import(ImportMsg::FileChosen {
        name: name.clone(),
        size,
    }));
    if size > crate::table::MAX_BYTES {
        return; // refused by the page, unread
    }
    let done = Closure::once(move |buf: JsValue| {
        let bytes = js_sys::Uint8Array::new(&buf).to_vec();
        d.send(Msg::Import(ImportMsg::FileRead { name, bytes }));
    });
    let failed = Closure::once(move |e: JsValue| {
        let reason = e.as_string().unwrap_or_else(|| "unknown error".into());
        d.send(Msg::Import(ImportMsg::FileFailed(reason)));
    });
    let _ = f.array_buffer().then2(&done, &failed);
    done.forget();
    failed.forget();
}

/// Shows the page's import state.
pub fn render(m: &Model) {
    let im = &m.import;
    // The panel's words come with the explanations, and its styles with the
    // other panels' (`www/panels.css`), fetched when an import starts.
    if im.reading.is_some() || im.info.is_some() {
        crate::web::help::want_words();
        crate::web::dom::stylesheet("panels.css");
    }
    let status: Element = by_id("import-status");
    match &im.reading {
        Some(r) => {
            let bar: web_sys::HtmlProgressElement = by_id("import-progress");
            match r.fraction {
                Some(f) => bar.set_value(f64::from(f)),
                // Indeterminate until the worker reports how far it is.
                None => {
                    let _ = bar.remove_attribute("value");
                }
            }
            set_text(
                &by_id::<Element>("import-status-text"),
                &crate::t!(
                    "reading",
                    what = if r.fresh {
                        r.what.clone()
                    } else {
                        crate::t!("same-data")
                    }
                ),
            );
            set_hidden(&status, false);
        }
        None => set_hidden(&status, true),
    }
    let err: Element = by_id("import-error");
    match im.error_text() {
        Some(text) => {
            set_text(&err, &text);
            set_hidden(&err, false);
        }
        None => set_hidden(&err, true),
    }
    set_hidden(&by_id::<Element>("import-panel"), im.info.is_none());
    if let Some(summary) = im.summary() {
        set_text(&by_id::<Element>("import-summary"), &summary);
    }
    set_value(&select("csv-delimiter"), im.delimiter.key());
    set_value(&select("csv-header"), im.first_row.key());
    let skip = crate::web::dom::input("csv-skip");
    let shown = im.skip.map_or(String::new(), |n| n.to_string());
    if skip.value() != shown {
        skip.set_value(&shown);
    }
    skip.set_placeholder(&match (&im.info, im.skip) {
        (Some(info), None) => crate::t!("auto-skipped", n = info.skipped.to_string()),
        _ => crate::i18n::tr_attr("auto-input", "placeholder"),
    });
    set_value(&select("target-type"), im.task.key());
    set_value(&select("missing-values"), im.missing.key());
    set_value(&select("csv-strays"), im.strays.key());
    set_text(
        &by_id::<Element>("import-proposal"),
        &im.proposal_text().unwrap_or_default(),
    );
    set_value(&select("scaling"), im.scaling.key());
    set_value(&select("csv-clip"), &im.clip_sigma.to_string());
    set_value(&select("csv-validation"), &im.validation.to_string());
    let report: Element = by_id("mapping-report");
    match im.report_text() {
        Some((text, is_error)) => {
            set_text(&report, &text);
            let _ = report.class_list().toggle_with_force("error", is_error);
        }
        None => {
            // Being checked: the last report stays until the new one arrives.
        }
    }
    let ready = matches!(im.report, Some(Ok(_))) && !im.preparing;
    by_id::<web_sys::HtmlButtonElement>("csv-use").set_disabled(!ready);
    set_text(&by_id::<Element>("csv-in-use"), &m.csv_in_use_text());
    set_hidden(&by_id::<Element>("csv-downloads"), m.config.csv.is_none());
}

/// The preview table and the target select (rebuilt when the table or the columns chosen change).
pub fn render_table(im: &ImportModel) {
    let Some(info) = &im.info else { return };
    let options: Vec<(String, String)> = info
        .columns
        .iter()
        .enumerate()
        .map(|(k, c)| (k.to_string(), c.name.clone()))
        .collect();
    let ts = select("target-column");
    fill_select(&ts, &options);
    set_value(&ts, &im.target.to_string());
    let mut names = vec![("row".to_string(), crate::t!("row-number"))];
    names.extend(options.iter().cloned());
    let rn = select("csv-row-names");
    fill_select(&rn, &names);
    set_value(&rn, &im.row_names.map_or("row".to_string(), |k| k.to_string()));
    crate::web::import_preview::render(im);
}
