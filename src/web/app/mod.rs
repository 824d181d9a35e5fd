//! The page's entry and its loop's browser half. Every event becomes a
//! `page::Msg` through `dispatch`; `page::drain` runs `page::update` on the
//! one `Model` and hands each effect to the `View` here, which owns the DOM
//! parts and the worker. `dispatch` only queues while the loop runs, so an
//! event fired by an effect (a focus, a click, a failed postMessage) waits its
//! turn instead of borrowing the app twice.

use crate::page::{self, Effect, Model, Msg, Part};
use crate::web::boundary::Boundary;
use crate::web::dispatch::Dispatch;
use crate::web::dom::{self, by_id, set_hidden, set_text};
use crate::web::network_view::NetworkView;
use crate::web::wire;
use crate::web::{controls, import_view, location, share, training_controls};
use std::cell::RefCell;
use std::collections::VecDeque;
use web_sys::{Element, HtmlElement, HtmlInputElement, Worker};

mod diagram;
mod draw;
mod page_events;
pub(crate) mod worker_link;

/// The DOM parts of the page and the worker: what effects act on.
struct View {
    worker: Worker,
    network: NetworkView,
    boundary: Boundary,
    /// When the weights and charts were last drawn (see `draw::PACED_MS`).
    paced_drawn: f64,
    /// The formula's markup as last written (`draw::draw_formula`).
    formula: String,
    /// The advanced module's glue URL and compiled module, once it has loaded;
    /// `Some` in `worker_module` once its worker trains (`Effect::UseAdvanced`).
    advanced: Option<(wasm_bindgen::JsValue, wasm_bindgen::JsValue)>,
    worker_module: Option<(wasm_bindgen::JsValue, wasm_bindgen::JsValue)>,
}

struct App {
    model: Model,
    view: View,
}

/// The page: its loop's inbox and its one state. Two cells, so that a message
/// can be queued while the loop holds the app.
struct Page {
    /// Messages not handled yet. Borrowed only to push or take one message.
    inbox: RefCell<VecDeque<Msg>>,
    app: RefCell<Option<App>>,
}

thread_local! {
    static PAGE: Page = const {
        Page {
            inbox: RefCell::new(VecDeque::new()),
            app: RefCell::new(None),
        }
    };
}

/// Sends a message to the page. Handled at once, or, while the loop is busy
/// (this was called from inside an effect), right after the message at hand.
pub fn dispatch(msg: Msg) {
    PAGE.with(|page| {
        page.inbox.borrow_mut().push_back(msg);
        // Busy: the loop that holds the app takes this message from the inbox.
        let Ok(mut guard) = page.app.try_borrow_mut() else {
            return;
        };
        let Some(App { model, view }) = guard.as_mut() else {
            return; // not started yet: the message waits
        };
        page::drain(model, &page.inbox, view);
    });
}

const DISPATCH: Dispatch = Dispatch(dispatch);

pub fn start() {
    console_error_panic_hook::set_once();
    // First, so the worker boots while the page builds its controls (its
    // messages can only arrive once this function has returned).
    let worker = worker_link::spawn_worker();
    controls::init(DISPATCH);
    training_controls::init(DISPATCH);
    share::init(DISPATCH);
    crate::web::help::init(DISPATCH);
    crate::web::theme::init(DISPATCH);
    import_view::init(DISPATCH);
    crate::web::draw_tool::init(DISPATCH);
    diagram::wire(DISPATCH);
    page_events::wire(DISPATCH);
    let view = View {
        worker,
        network: NetworkView::new(),
        boundary: Boundary::new(),
        paced_drawn: f64::NEG_INFINITY,
        formula: String::new(),
        advanced: None,
        worker_module: None,
    };
    PAGE.with(|page| {
        *page.app.borrow_mut() = Some(App {
            model: Model::new(),
            view,
        })
    });
    // The page's language first (Chinese is fetched): the notices of the
    // link are written in it. `<html lang>` is set at once, before the search
    // module may load below.
    crate::web::l10n::open(crate::web::l10n::chosen(), |problem| {
        dispatch(Msg::Start {
            hash: location::read_hash(),
        });
        relabel(problem);
    });
    worker_link::start_heartbeat();
    dom::on_click("search-toggle", load_search);
    let hash = location::read_hash();
    if crate::search::panel::search_part(&hash).contains("&search=") {
        load_search();
    }
    // The lessons' module: its buttons, or a link with a lesson (kept in the same part of the link).
    for id in TEACH_BUTTONS {
        dom::on_click(id, move || load_teach(id));
    }
    if crate::search::panel::search_part(&hash).contains("&lesson=") {
        load_teach("");
    }
    for id in EXPORT_BUTTONS {
        dom::on_click(id, move || load_export(id));
    }
    // The advanced panel's module: on the first touch of its controls.
    for event in ["focusin", "pointerdown", "change"] {
        dom::on(&by_id::<Element>("advanced-bar"), event, |_: web_sys::Event| {
            load_advanced("panel")
        });
    }
}

/// Loads the advanced module (`src/bin/advanced`): its panel's behaviour, and
/// the worker that trains with pruning, quantisation and augmentation. It
/// reads the page's run (`state()`, as the export module does), edits the
/// setup's advanced keys (`set(keys)`), and hands over its glue and module for
/// the worker (`ready(glue, module)`). `first`: "panel" when a touch of the
/// panel loads it (what the controls say then counts), empty for a link.
pub(super) fn load_advanced(first: &str) {
    let boot = js_sys::Object::new();
    let set = |k: &str, v: &wasm_bindgen::JsValue| {
        js_sys::Reflect::set(&boot, &k.into(), v).expect("Reflect.set");
    };
    set("first", &first.into());
    let state = wasm_bindgen::closure::Closure::<dyn Fn() -> wasm_bindgen::JsValue>::new(run_state);
    set("state", state.as_ref());
    state.forget();
    let edit = wasm_bindgen::closure::Closure::<dyn Fn(String)>::new(|keys: String| {
        dispatch(Msg::Edit(crate::config::Edit::Advanced(keys)))
    });
    set("set", edit.as_ref());
    edit.forget();
    let ready =
        wasm_bindgen::closure::Closure::<dyn Fn(wasm_bindgen::JsValue, wasm_bindgen::JsValue)>::new(|glue, module| {
            PAGE.with(|page| {
                if let Ok(Some(app)) = page.app.try_borrow_mut().as_deref_mut() {
                    app.view.advanced = Some((glue, module));
                }
            });
            dispatch(Msg::AdvancedLoaded);
        });
    set("ready", ready.as_ref());
    ready.forget();
    load_module("nnplayAdvancedBoot", "./advanced_loader.js", &boot);
}

/// The buttons that load the export module (`src/bin/export`) on their first
/// click; the module handles them from then on.
pub(crate) const EXPORT_BUTTONS: [&str; 6] = [
    "save-model",
    "open-model",
    "export-button",
    "open-link",
    "download-data",
    "download-predictions",
];

/// Loads the export module, telling it which button was clicked first
/// (`nnplayExportBoot.first`), how to read the page's run (`state()`: see
/// `run_state`) and how to open a model file it has checked (`open()`:
/// `Msg::OpenModel`, then the imported file its link does not carry, as if dropped).
fn load_export(first: &'static str) {
    let boot = js_sys::Object::new();
    let set = |k: &str, v: &wasm_bindgen::JsValue| {
        js_sys::Reflect::set(&boot, &k.into(), v).expect("Reflect.set");
    };
    set("first", &first.into());
    let state = wasm_bindgen::closure::Closure::<dyn Fn() -> wasm_bindgen::JsValue>::new(run_state);
    set("state", state.as_ref());
    state.forget();
    // `open()` takes the model file the module checked from `opening`: [link,
    // weights (Float32Array), epoch, imported file's name and bytes or nulls].
    let open = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let boot = js_sys::Reflect::get(&js_sys::global(), &"nnplayExportBoot".into()).unwrap_or_default();
        let o = js_sys::Array::from(&js_sys::Reflect::get(&boot, &"opening".into()).unwrap_or_default());
        let file = o
            .get(3)
            .as_string()
            .map(|name| (name, js_sys::Uint8Array::new(&o.get(4)).to_vec()));
        dispatch(Msg::OpenModel {
            hash: o.get(0).as_string().unwrap_or_default(),
            params: js_sys::Float32Array::new(&o.get(1)).to_vec(),
            epoch: o.get(2).as_f64().unwrap_or(0.0),
            file,
        });
    });
    set("open", open.as_ref());
    open.forget();
    load_module("nnplayExportBoot", "./export_loader.js", &boot);
}

/// A model file dropped on the page goes to the export module (loaded if
/// needed), which reads `nnplayExportBoot.file` when it starts and on the
/// `nnplay-model-file` event.
pub fn model_file(file: web_sys::File) {
    load_export("");
    let global = js_sys::global();
    let boot = js_sys::Reflect::get(&global, &"nnplayExportBoot".into()).unwrap_or_default();
    let _ = js_sys::Reflect::set(&boot, &"file".into(), &file);
    let _ = dom::document().dispatch_event(&web_sys::Event::new("nnplay-model-file").expect("Event"));
}

/// The page's run for the export module: [link, last snapshot (as the worker
/// posts it) or null, the imported file in training as an Inspect message or
/// null, its UseCsv message (bytes) or null]. Read by `web::export`.
fn run_state() -> wasm_bindgen::JsValue {
    let parts = PAGE.with(|page| {
        let app = page.app.try_borrow().ok()?;
        let m = &app.as_ref()?.model;
        let snapshot = m.last.as_ref().map(|s| wire::snapshot_to_js(s).0);
        let use_csv = m.config.csv.as_ref().and_then(|c| {
            let src = m.import.in_training.as_ref()?;
            let axes = (c.axes.0 as u32, c.axes.1 as u32);
            Some(
                wire::to_js(&crate::protocol::ToWorker::UseCsv {
                    request: src.request.clone(),
                    axes,
                })
                .0,
            )
        });
        Some((crate::url::encode(&m.config), snapshot, use_csv))
    });
    let Some((hash, snapshot, use_csv)) = parts else {
        return wasm_bindgen::JsValue::NULL;
    };
    let null = wasm_bindgen::JsValue::NULL;
    let inspect = csv_message();
    let inspect = if inspect.is_null() {
        null.clone()
    } else {
        js_sys::Array::from(&inspect).get(0)
    };
    let out = js_sys::Array::of4(
        &hash.into(),
        &snapshot.unwrap_or(null.clone()),
        &inspect,
        &use_csv.unwrap_or(null),
    );
    out.into()
}

/// The buttons that load the lessons' module (`src/bin/teach`) on their first
/// click (it holds the lessons, the lesson editor, the QR code, "Hide controls…" and Help).
const TEACH_BUTTONS: [&str; 6] = [
    "lessons-toggle",
    "make-lesson",
    "qr-code",
    "open-hide",
    "keys-help",
    "glossary-open",
];

/// Loads the lessons' module, telling it which button was clicked first
/// (`nnplayTeachBoot.first`; empty for a link with a lesson).
fn load_teach(first: &'static str) {
    let boot = js_sys::Object::new();
    js_sys::Reflect::set(&boot, &"first".into(), &first.into()).expect("Reflect.set");
    load_module("nnplayTeachBoot", "./teach_loader.js", &boot);
}

/// Loads a module of the page (its loader script, built by Trunk beside the
/// page's) once: `boot` is what the module reads at start, under `key`, whose
/// presence also marks the module as loading or loaded.
fn load_module(key: &str, loader: &str, boot: &wasm_bindgen::JsValue) {
    let global = js_sys::global();
    if js_sys::Reflect::has(&global, &key.into()).unwrap_or(false) {
        return; // loading or loaded: the module handles its buttons from then on
    }
    js_sys::Reflect::set(&global, &key.into(), boot).expect("Reflect.set");
    let script: Element = dom::create("script");
    dom::set_attr(&script, "type", "module");
    dom::set_attr(&script, "src", loader);
    dom::document()
        .body()
        .expect("body")
        .append_child(&script)
        .expect("append");
}

/// The page's language changed (or could not: the problem): the widgets'
/// selects are labelled again, and the loop re-renders what the model owns
/// and tells the worker.
pub fn relabel(problem: Option<String>) {
    controls::relabel();
    training_controls::relabel();
    import_view::relabel();
    dispatch(Msg::Language {
        problem,
        texts: crate::web::l10n::texts(),
    });
}

/// Loads the search panel's module (`src/bin/search`, by `www/search_loader.js`)
/// the first time Search is opened or a link with a search is: the page's first
/// download stays small. The panel gets this module (its trial workers run it)
/// and a way to read the imported file in training (`nnplaySearchBoot`).
fn load_search() {
    if js_sys::Reflect::has(&js_sys::global(), &"nnplaySearchBoot".into()).unwrap_or(false) {
        return;
    }
    let (glue, module) = worker_link::own_module();
    let boot = js_sys::Object::new();
    let set = |k: &str, v: &wasm_bindgen::JsValue| {
        js_sys::Reflect::set(&boot, &wasm_bindgen::JsValue::from_str(k), v).expect("Reflect.set")
    };
    set("glue", &glue);
    set("module", &module);
    let csv = wasm_bindgen::closure::Closure::<dyn Fn() -> wasm_bindgen::JsValue>::new(csv_message);
    set("csv", csv.as_ref());
    csv.forget();
    load_module("nnplaySearchBoot", "./search_loader.js", &boot);
}

/// Tells the lessons' module how the run goes (an `nnplay-progress` event on
/// the document, at most once per drawn frame): `detail` is a Float64Array of
/// epoch, train loss, test loss, train and test headline metric (accuracy or
/// R²), 1 for classification, test F1, 1 if the run stopped by itself, then
/// the layer sizes (inputs, hidden…, outputs). Read by `web::teach`.
fn progress(m: &Model) {
    let Some(s) = &m.last else { return };
    let h = &s.header;
    let (classification, f1) = match &h.test_metrics {
        crate::metrics::Metrics::Classification { f1, .. } => (1.0, f64::from(*f1)),
        _ => (0.0, f64::NAN),
    };
    let mut v = vec![
        h.epoch,
        f64::from(h.train_loss),
        f64::from(h.test_loss),
        f64::from(h.train_metrics.headline()),
        f64::from(h.test_metrics.headline()),
        classification,
        f1,
        f64::from(u8::from(m.notices.loss.is_some())),
    ];
    v.extend(h.sizes.iter().map(|&n| f64::from(n)));
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&js_sys::Float64Array::from(v.as_slice()));
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("nnplay-progress", &init) {
        let _ = dom::document().dispatch_event(&e);
    }
}

/// The imported file in training as a worker's Inspect message, [message,
/// transfer list] (a fresh copy each time: posting transfers the bytes), or null.
fn csv_message() -> wasm_bindgen::JsValue {
    let source = PAGE.with(|page| {
        let app = page.app.try_borrow().ok()?;
        let m = &app.as_ref()?.model;
        m.config.csv.as_ref()?;
        m.import.in_training.as_ref().map(|s| (s.bytes.clone(), s.options))
    });
    match source {
        Some((bytes, options)) => {
            let (msg, transfer) = wire::inspect_to_js(&js_sys::Uint8Array::from(bytes.as_slice()), options);
            js_sys::Array::of2(&msg, &transfer).into()
        }
        None => wasm_bindgen::JsValue::NULL,
    }
}

impl page::Runner for View {
    fn run(&mut self, m: &Model, effect: Effect, _inbox: &RefCell<VecDeque<Msg>>) {
        match effect {
            Effect::Post(msg) => {
                let (message, transfer) = wire::to_js(&msg);
                if self.worker.post_message_with_transfer(&message, &transfer).is_err() {
                    worker_link::report_crash(&crate::t!("crash-unreachable"));
                }
            }
            Effect::Inspect { bytes, options } => {
                let bytes = js_sys::Uint8Array::from(bytes.as_slice());
                let (msg, transfer) = wire::inspect_to_js(&bytes, options);
                if self.worker.post_message_with_transfer(&msg, &transfer).is_err() {
                    worker_link::report_crash(&crate::t!("crash-file"));
                }
            }
            Effect::WriteHash(hash) => location::write_hash(&hash),
            Effect::RestartWorker => {
                self.worker.terminate();
                self.worker = match &self.worker_module {
                    Some((glue, module)) => {
                        worker_link::spawn_with(glue, module, worker_link::receive, worker_link::report_crash)
                    }
                    None => worker_link::spawn_worker(),
                };
            }
            Effect::LoadAdvanced => load_advanced(""),
            Effect::UseAdvanced => self.worker_module = self.advanced.clone(),
            Effect::RequestFrame => dom::request_frame(|| dispatch(Msg::Frame { now: dom::now_ms() })),
            Effect::Render(part) => self.render(m, part),
            Effect::Draw => self.draw(m),
            Effect::DrawPoints => self.draw_points(m),
            Effect::Relayout => {
                self.boundary.fit();
                self.network.build(&m.config, m.csv_names());
                self.network.sync_layers(&m.config);
                // The rebuilt layer heads' controls (dropout, activation) hide as the link says.
                controls::apply_hidden(&m.config);
            }
            Effect::Tooltip(tip) => {
                let el: HtmlElement = by_id("tooltip");
                if let Some((text, x, y)) = tip {
                    set_text(&el, &text);
                    diagram::place(&el, x, y);
                    set_hidden(&el, false);
                } else {
                    set_hidden(&el, true);
                }
            }
            Effect::OpenEditor { label, value, x, y } => {
                let form: HtmlElement = by_id("edit-param");
                set_text(&by_id::<Element>("edit-param-label"), &crate::t!(label));
                let input: HtmlInputElement = by_id("edit-param-value");
                input.set_value(&format!("{value:.3}"));
                diagram::place(&form, x, y);
                set_hidden(&form, false);
                let _ = input.focus();
                input.select();
            }
            Effect::CloseEditor => set_hidden(&by_id::<Element>("edit-param"), true),
            Effect::Refused(edit) => {
                use crate::config::Edit;
                match edit {
                    Edit::OptimizerParam(k, _) => {
                        crate::web::param_boxes::refuse("optimizer-params", &k, &crate::t!("bad-optimizer-param"))
                    }
                    Edit::ScheduleParam(k, _) => {
                        crate::web::param_boxes::refuse("schedule-params", &k, &crate::t!("bad-schedule-param"))
                    }
                    _ => {}
                }
            }
            Effect::CopyLink => share::copy_link(&m.config),
            Effect::RevealImport => by_id::<Element>("import-panel").scroll_into_view(),
            // The Help button loads the lessons' module, which holds the dialog.
            Effect::OpenHelp => by_id::<HtmlElement>("keys-help").click(),
            Effect::Announce { status, picture } => {
                set_text(&by_id::<Element>("live-status"), &status);
                set_text(&by_id::<Element>("boundary-text"), picture.as_deref().unwrap_or(""));
            }
        }
    }
}

impl View {
    /// Brings a part of the page in step with the model.
    fn render(&mut self, m: &Model, part: Part) {
        match part {
            Part::Setup => {
                let c = &m.config;
                controls::sync(c);
                crate::web::help::sync(c);
                crate::web::theme::sync(c);
                let classes = m.class_names();
                let baseline: Element = by_id("baseline");
                let text = m.baseline_text();
                set_text(&baseline, text.as_deref().unwrap_or(""));
                set_hidden(&baseline, text.is_none());
                let names = m.confusion_names();
                controls::sync_classes(&classes, m.config.csv.as_ref().map(|_| names.as_slice()));
                training_controls::sync(c);
                self.network.class_names = classes;
                if !self.network.matches(c, m.csv_names()) {
                    self.network.build(c, m.csv_names());
                }
                self.network.sync_layers(c);
                controls::sync_csv(c, m.csv_names(), m.picture);
                // Last: the diagram's per-layer controls exist now.
                crate::web::draw_tool::sync(m);
                controls::apply_hidden(c);
            }
            Part::Playing => controls::set_playing(m.playing),
            Part::Notices => {
                render_notices(m);
                progress(m); // a run that stopped by itself
            }
            Part::Focus => {
                let caption: Element = by_id("boundary-caption");
                let highlighted = match m.focus {
                    page::Focus::Output => None,
                    page::Focus::Neuron(_) => m.focused_neuron().map(|(layer, n)| {
                        let text = m.receptive_field().map_or_else(
                            || crate::t!("neuron-caption", n = format!("{}.{}", layer + 1, n + 1)),
                            |(_, _, caption)| caption,
                        );
                        set_text(&caption, &text);
                        page::Target::Neuron { layer, n }
                    }),
                    page::Focus::Feature(f) => {
                        set_text(&caption, &crate::t!("feature-caption", f = f.label()));
                        Some(page::Target::Feature(f))
                    }
                };
                self.network.highlight(highlighted);
                set_hidden(&caption, highlighted.is_none());
            }
            Part::Import => import_view::render(m),
            Part::ImportTable => import_view::render_table(&m.import),
        }
    }
}

fn render_notices(m: &Model) {
    let n = &m.notices;
    let notice: Element = by_id("url-notice");
    match &n.settings {
        Some((title, lines)) => {
            set_text(&by_id::<Element>("url-notice-title"), title);
            let list: Element = by_id("url-notice-list");
            list.set_text_content(None);
            for line in lines {
                let li: Element = dom::create("li");
                li.set_text_content(Some(line));
                list.append_child(&li).expect("append");
            }
            set_hidden(&notice, false);
        }
        None => set_hidden(&notice, true),
    }
    for (id, text) in [
        ("loss-notice", &n.loss),
        ("run-notice", &n.run),
        ("worker-notice", &n.worker),
    ] {
        let el: Element = by_id(id);
        if let Some(t) = text {
            set_text(&el, t);
        }
        set_hidden(&el, text.is_none());
    }
}
