//! Importing a CSV: file picker, drag-and-drop and paste; the worker reads
//! the bytes (off the main thread) and the page shows the preview with each
//! column's type and summary, the mapping controls and what cleaning does.
//! Every name and value from the file is inserted as text, never as HTML.

use crate::import_error::thousands;
use crate::importer::{MappingReport, MappingRequest, TableInfo};
use crate::protocol::ToWorker;
use crate::table::MAX_BYTES;
use crate::web::app;
use crate::web::dom::{by_id, create, on, set_hidden, set_text};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DragEvent, Element, Event, File, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

#[derive(Default)]
struct ImportState {
    /// The last imported bytes, to read again with other delimiter/header choices.
    bytes: Vec<u8>,
    info: Option<TableInfo>,
    /// Feature checkbox state per column.
    features: Vec<bool>,
    /// What the data in training was made from, to give a restarted worker the same data.
    in_training: Option<CsvSource>,
    /// A link's mapping waiting for its file (links to larger files do not carry the data).
    expected: Option<crate::config::CsvSetup>,
}

/// Remembers a link's mapping; the next imported file with the same columns gets it.
pub fn expect_file(setup: crate::config::CsvSetup) {
    let el: Element = by_id("csv-in-use");
    set_text(
        &el,
        &format!("Waiting for the link's file (columns: {}).", setup.columns.join(", ")),
    );
    STATE.with(|s| s.borrow_mut().expected = Some(setup));
}

/// An imported file as read and mapped: enough to rebuild the same training data.
#[derive(Clone)]
pub struct CsvSource {
    pub bytes: Vec<u8>,
    pub delimiter: Option<u8>,
    pub header: Option<bool>,
    pub request: MappingRequest,
}

/// The source of the imported data in training, for worker recovery.
pub fn source_in_training() -> Option<CsvSource> {
    STATE.with(|s| s.borrow().in_training.clone())
}

thread_local! {
    static STATE: RefCell<ImportState> = RefCell::new(ImportState::default());
}

fn select(id: &str) -> HtmlSelectElement {
    by_id(id)
}

pub fn init() {
    let file: HtmlInputElement = by_id("csv-file");
    let file2 = file.clone();
    on(&file, "change", move |_: Event| {
        if let Some(f) = file2.files().and_then(|l| l.get(0)) {
            read_file(f);
        }
    });
    crate::web::controls::on_click("csv-import", || {
        let text = by_id::<HtmlTextAreaElement>("csv-paste").value();
        if text.trim().is_empty() {
            show_error("Paste some CSV text first (a header row, then one row per sample).");
            return;
        }
        start(text.into_bytes(), "pasted text");
    });
    for id in ["csv-delimiter", "csv-header"] {
        let el: HtmlElement = by_id(id);
        on(&el, "change", |_: Event| {
            let bytes = STATE.with(|s| s.borrow().bytes.clone());
            if !bytes.is_empty() {
                start(bytes, "the same data");
            }
        });
    }
    for id in [
        "target-column",
        "target-type",
        "missing-values",
        "scaling",
        "csv-clip",
        "csv-validation",
    ] {
        let el: HtmlElement = by_id(id);
        on(&el, "change", move |_: Event| {
            if id == "target-column" {
                target_changed();
            }
            check();
        });
    }
    crate::web::controls::on_click("csv-use", || use_now(None));
    crate::web::controls::on_click("download-data", || app::post(ToWorker::Export { predictions: false }));
    crate::web::controls::on_click("download-predictions", || {
        app::post(ToWorker::Export { predictions: true })
    });
    let table: HtmlElement = by_id("import-preview");
    on(&table, "change", |e: Event| {
        let Some(cb) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        if let Some(k) = cb.get_attribute("data-column").and_then(|v| v.parse::<usize>().ok()) {
            STATE.with(|s| {
                if let Some(f) = s.borrow_mut().features.get_mut(k) {
                    *f = cb.checked();
                }
            });
            check();
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
        if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
            read_file(f);
        }
    });
}

fn read_file(f: File) {
    let size = f.size() as usize;
    if size > MAX_BYTES {
        show_error(&format!(
            "“{}” has {} bytes; at most {} MB can be imported.",
            f.name(),
            thousands(size),
            MAX_BYTES / (1024 * 1024)
        ));
        return;
    }
    status(&format!("Reading “{}” ({} bytes)…", f.name(), thousands(size)));
    let name = f.name();
    let done = Closure::once(move |buf: JsValue| {
        let bytes = js_sys::Uint8Array::new(&buf).to_vec();
        start(bytes, &name);
    });
    let failed = Closure::once(move |e: JsValue| {
        show_error(&format!(
            "The file could not be read: {}",
            e.as_string().unwrap_or_else(|| "unknown error".into())
        ));
    });
    let _ = f.array_buffer().then2(&done, &failed);
    done.forget();
    failed.forget();
}

/// Sends bytes to the worker to read with the chosen delimiter and header options.
fn read_options() -> (Option<u8>, Option<bool>) {
    let delimiter = crate::importer::delimiter_from_name(&select("csv-delimiter").value());
    let header = match select("csv-header").value().as_str() {
        "header" => Some(true),
        "data" => Some(false),
        _ => None,
    };
    (delimiter, header)
}

fn start(bytes: Vec<u8>, what: &str) {
    let (delimiter, header) = read_options();
    status(&format!("Reading {what}…"));
    set_hidden(&by_id::<Element>("import-error"), true);
    let copy = js_sys::Uint8Array::from(bytes.as_slice());
    STATE.with(|s| s.borrow_mut().bytes = bytes);
    app::post_inspect(&copy, delimiter, header);
}

/// The worker's reading progress: a determinate bar.
pub fn on_progress(fraction: f32) {
    let bar: web_sys::HtmlProgressElement = by_id("import-progress");
    bar.set_value(f64::from(fraction.clamp(0.0, 1.0)));
}

fn status(text: &str) {
    // Indeterminate until the worker reports how far it is.
    let _ = by_id::<Element>("import-progress").remove_attribute("value");
    set_text(&by_id::<Element>("import-status-text"), text);
    set_hidden(&by_id::<Element>("import-status"), false);
}

pub fn show_error(message: &str) {
    set_hidden(&by_id::<Element>("import-status"), true);
    let el: Element = by_id("import-error");
    set_text(
        &el,
        &format!("Import failed: {message}. Your current data and training are unchanged."),
    );
    set_hidden(&el, false);
}

/// The worker read the file: show it and propose a mapping.
pub fn on_table(info: TableInfo) {
    set_hidden(&by_id::<Element>("import-status"), true);
    set_hidden(&by_id::<Element>("import-error"), true);
    let target = info.suggested_target as usize;
    let features: Vec<bool> = info
        .columns
        .iter()
        .enumerate()
        .map(|(k, c)| k != target && c.kind != "empty")
        .collect();
    let ts = select("target-column");
    ts.set_text_content(None);
    for (k, c) in info.columns.iter().enumerate() {
        let o: web_sys::HtmlOptionElement = create("option");
        o.set_value(&k.to_string());
        o.set_text(&c.name);
        ts.append_child(&o).expect("append");
    }
    ts.set_value(&target.to_string());
    if let Some(c) = info.columns.get(target) {
        select("target-type").set_value(&c.suggested_task);
    }
    set_text(
        &by_id::<Element>("import-summary"),
        &format!(
            "{} rows × {} columns · {}-separated · first row {}",
            thousands(info.rows as usize),
            info.columns.len(),
            info.delimiter,
            if info.has_header {
                "holds column names"
            } else {
                "is data"
            }
        ),
    );
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.features = features;
        s.info = Some(info);
    });
    render_table();
    set_hidden(&by_id::<Element>("import-panel"), false);
    let expected = STATE.with(|s| s.borrow_mut().expected.take());
    if let Some(setup) = expected {
        let columns: Vec<String> = STATE.with(|s| {
            s.borrow()
                .info
                .as_ref()
                .map(|i| i.columns.iter().map(|c| c.name.clone()).collect())
                .unwrap_or_default()
        });
        if columns == setup.columns {
            apply_mapping(&setup);
            use_now(Some(setup.axes));
            return;
        }
        show_error(&format!(
            "this file's columns ({}) are not the link's ({}); choose the file the link was made with, or map this one yourself",
            columns.join(", "),
            setup.columns.join(", ")
        ));
        STATE.with(|s| s.borrow_mut().expected = Some(setup));
    }
    check();
}

/// Sets the mapping controls to a link's mapping.
fn apply_mapping(setup: &crate::config::CsvSetup) {
    let m = &setup.mapping;
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let n = s.features.len();
        s.features = (0..n).map(|k| m.features.contains(&(k as u32))).collect();
    });
    select("target-column").set_value(&m.target.to_string());
    select("target-type").set_value(&m.task);
    select("missing-values").set_value(&m.missing);
    select("scaling").set_value(&m.scaling);
    select("csv-clip").set_value(&m.clip_sigma.to_string());
    select("csv-validation").set_value(&m.validation_percent.to_string());
    render_table();
}

fn target_changed() {
    let target = select("target-column").value().parse::<usize>().unwrap_or(0);
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(f) = s.features.get_mut(target) {
            *f = false;
        }
        if let Some(c) = s.info.as_ref().and_then(|i| i.columns.get(target)) {
            select("target-type").set_value(&c.suggested_task);
        }
    });
    render_table();
}

fn render_table() {
    STATE.with(|s| {
        let s = s.borrow();
        if let Some(info) = &s.info {
            let target = select("target-column").value().parse::<usize>().unwrap_or(usize::MAX);
            crate::web::import_preview::render(info, &s.features, target);
        }
    });
}

/// The mapping the controls show, if a table has been read.
fn request() -> Option<MappingRequest> {
    STATE.with(|s| {
        let s = s.borrow();
        s.info.as_ref()?;
        Some(MappingRequest {
            features: s
                .features
                .iter()
                .enumerate()
                .filter(|(_, &f)| f)
                .map(|(k, _)| k as u32)
                .collect(),
            target: select("target-column").value().parse().unwrap_or(0),
            task: select("target-type").value(),
            missing: select("missing-values").value(),
            scaling: select("scaling").value(),
            train_percent: app::config().train_ratio,
            seed: app::config().seed,
            clip_sigma: select("csv-clip").value().parse().unwrap_or(0.0),
            validation_percent: select("csv-validation").value().parse().unwrap_or(0),
        })
    })
}

/// Trains on the imported table with the mapping the controls show.
fn use_now(axes: Option<(usize, usize)>) {
    if let Some(request) = request() {
        set_text(&by_id::<Element>("csv-in-use"), "Preparing…");
        let (delimiter, header) = read_options();
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.in_training = Some(CsvSource {
                bytes: s.bytes.clone(),
                delimiter,
                header,
                request: request.clone(),
            });
        });
        let axes = axes.unwrap_or((0, 1));
        app::post(ToWorker::UseCsv {
            request,
            axes: (axes.0 as u32, axes.1 as u32),
        });
    }
}

/// Asks the worker to prepare the data with the current mapping.
fn check() {
    by_id::<web_sys::HtmlButtonElement>("csv-use").set_disabled(true);
    if let Some(request) = request() {
        app::post(ToWorker::CheckMapping { request });
    }
}

/// The page now trains on the imported data.
/// Offers text as a file download (a Blob URL, revoked right after the click).
pub fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = create("a");
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub fn in_use(c: &crate::config::Config) {
    set_hidden(&by_id::<Element>("csv-downloads"), c.csv.is_none());
    if c.csv.is_none() && STATE.with(|s| s.borrow().expected.is_none()) {
        set_text(&by_id::<Element>("csv-in-use"), "");
    }
    if let Some(shape) = &c.csv {
        set_text(
            &by_id::<Element>("csv-in-use"),
            &format!("Training on this data: {} inputs. Press Play.", shape.inputs),
        );
    }
}

pub fn on_report(r: MappingReport) {
    let el: Element = by_id("mapping-report");
    let _ = el.class_list().remove_1("error");
    let mut parts = vec![format!(
        "{} features ({}) · {} training rows, {} test rows",
        r.n_features,
        r.feature_names.join(", "),
        thousands(r.train_rows as usize),
        thousands(r.test_rows as usize)
    )];
    if !r.classes.is_empty() {
        let cls: Vec<String> = r.classes.iter().map(|(c, n)| format!("{c} ({n})")).collect();
        parts.push(format!("{} classes in training: {}", r.classes.len(), cls.join(", ")));
    }
    if r.dropped_missing_target > 0 {
        parts.push(format!(
            "{} rows without a target dropped",
            thousands(r.dropped_missing_target as usize)
        ));
    }
    if r.dropped_missing_features > 0 {
        parts.push(format!(
            "{} rows with missing values dropped",
            thousands(r.dropped_missing_features as usize)
        ));
    }
    if r.clipped > 0 {
        parts.push(format!("{} outlying values clipped", thousands(r.clipped as usize)));
    }
    for (c, n) in &r.imputed {
        parts.push(format!("{} missing values of '{c}' filled in", thousands(*n as usize)));
    }
    set_text(&el, &format!("Ready: {}.", parts.join(" · ")));
    by_id::<web_sys::HtmlButtonElement>("csv-use").set_disabled(false);
}

pub fn on_failed(message: &str) {
    set_text(&by_id::<Element>("csv-in-use"), "");
    // A failed mapping check shows next to the mapping; a failed read in the import box.
    let panel_open = !by_id::<HtmlElement>("import-panel").hidden() && STATE.with(|s| s.borrow().info.is_some());
    let reading = !by_id::<HtmlElement>("import-status").hidden();
    if panel_open && !reading {
        let el: Element = by_id("mapping-report");
        let _ = el.class_list().add_1("error");
        set_text(&el, &format!("This mapping cannot be used: {message}."));
        let err: Element = by_id("import-error");
        set_text(
            &err,
            &format!("Import failed: {message}. Your current data and training are unchanged."),
        );
        set_hidden(&err, false);
    } else {
        show_error(message);
    }
}
