//! The page: reads the link, starts the worker, routes control changes to
//! the config, the hash and the worker, and draws each snapshot once per
//! display frame, acknowledging it only after drawing (back-pressure).

use crate::config::Config;
use crate::dataset::{split3, Point};
use crate::grid::{DENSITY, THUMB};
use crate::protocol::{FromWorker, RunState, Snapshot, ToWorker, PROTOCOL_VERSION};
use crate::url;
use crate::web::boundary::Boundary;
use crate::web::dom::{self, by_id, fmt_number, on, request_frame, set_hidden, set_text};
use crate::web::network_view::{self, NetworkView, Target};
use crate::web::wire::{self, Incoming};
use crate::web::{chart, controls, location, share};
use std::cell::RefCell;

mod diagram;
mod page_events;
mod points;
mod worker_link;
use diagram::wire_network_events;
use page_events::wire_page_events;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, ErrorEvent, Event, HtmlElement, HtmlFormElement, HtmlInputElement, MessageEvent, MouseEvent, Worker,
};
use worker_link::{crashed, spawn_worker, start_heartbeat};

/// What the big picture shows besides the output (hovering a neuron or feature enlarges it).
#[derive(Clone, Copy, PartialEq)]
enum Focus {
    Output,
    Neuron(usize),
    Feature(crate::features::Feature),
}

/// The big picture of imported data: the output on a plane of two features, or
/// the points on their first two principal components coloured by class or prediction.
#[derive(Clone, Copy, PartialEq)]
pub enum Picture {
    Plane,
    PcaClass,
    PcaPrediction,
}

/// How often the PCA picture asks for fresh predictions while training.
const PCA_REFRESH_MS: f64 = 400.0;
/// While training, the weights (links and bias squares), the charts and the
/// metric tables are redrawn at most this often; the boundary and the neuron
/// pictures keep the display rate, and a paused or stepped run draws everything.
/// Measured (`tests/e2e/scale.mjs`, 49 inputs): restyling some 460 SVG links
/// on every snapshot cost about 6 % of the frames; a curve moves by a pixel
/// or so per epoch anyway.
const PACED_MS: f64 = 100.0;

/// A parameter being edited in the popup.
#[derive(Clone, Copy)]
enum Editing {
    Weight { layer: u32, to: u32, from: u32 },
    Bias { layer: u32, neuron: u32 },
}

struct App {
    config: Config,
    worker: Worker,
    ready: bool,
    /// Messages sent before the worker said Ready (they would be lost).
    queue: Vec<ToWorker>,
    playing: bool,
    /// The newest undrawn snapshot; older ones are replaced, never queued.
    pending: Option<Snapshot>,
    /// A snapshot arrived that the worker has not had an Ack for yet. Every
    /// snapshot is acknowledged, drawn or dropped, or the worker would wait forever.
    unacked: bool,
    frame_requested: bool,
    /// The last drawn snapshot (hover and display toggles redraw from it).
    last: Option<Snapshot>,
    train: Vec<Point>,
    test: Vec<Point>,
    view: NetworkView,
    boundary: Boundary,
    focus: Focus,
    editing: Option<Editing>,
    /// The page's number of the current setup; snapshots of older ones are dropped.
    run: u32,
    /// Heartbeat ticks since the outstanding Ping was sent (None: no Ping outstanding).
    /// Ticks, not clock time: a main thread that was busy itself does not count against the worker.
    ping_ticks: Option<u32>,
    /// Times of recent worker crashes (to stop restarting a worker that keeps dying).
    crashes: Vec<f64>,
    /// Imported data in training: names, plane and points (with `config.csv`).
    csv_info: Option<crate::importer::CsvInfo>,
    /// What the big picture of imported data shows, and the last PCA points (pc1, pc2, label, output).
    picture: Picture,
    pca_points: Vec<f32>,
    pca_requested: f64,
    /// When the weights and charts were last drawn (see `PACED_MS`).
    paced_drawn: f64,
    /// After a crash: the imported data to give the new worker before anything else.
    recover_csv: Option<crate::web::import_view::CsvSource>,
}

/// Imported data with more points than this is drawn as an even sample of them.
const MAX_POINTS_DRAWN: usize = 4000;

/// A worker that has not answered a Ping for this many one-second ticks is taken for dead.
const WORKER_TIMEOUT_TICKS: u32 = 5;
/// More crashes than this within `CRASH_WINDOW_MS` stop the automatic restarts.
const MAX_CRASHES: usize = 3;
const CRASH_WINDOW_MS: f64 = 20_000.0;

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|a| a.borrow_mut().as_mut().map(f))
}

pub fn start() {
    console_error_panic_hook::set_once();
    // First, so the worker boots while the page builds its controls (its
    // messages can only arrive once this function has returned).
    let worker = spawn_worker();
    let mut decoded = url::decode(&location::read_hash());
    if decoded.config.csv.as_ref().is_some_and(|s| s.data.is_none()) {
        // A link to a larger imported file: it asks for the file, then maps it the same way.
        let setup = decoded.config.csv.take().expect("checked");
        decoded.config.set_dataset(crate::dataset::DatasetKind::Circle);
        decoded.warnings.push(url::UrlWarning {
            key: "data".into(),
            value: "csv".into(),
            reason: format!(
                "this link trains on your own CSV file with the columns {}. Choose that file under “Your data” \
                 and it is mapped as in the link; the default dataset is shown meanwhile",
                setup.columns.join(", ")
            ),
        });
        crate::web::import_view::expect_file(setup);
    }
    let mut config = decoded.config.clone();
    if !decoded.has_seed {
        config.seed = (js_sys::Math::random() * 4_294_967_296.0) as u32;
    }
    show_url_warnings(&decoded);
    controls::init();
    crate::web::training_controls::init();
    share::init();
    crate::web::import_view::init();
    let app = App {
        worker,
        ready: false,
        queue: Vec::new(),
        playing: false,
        pending: None,
        unacked: false,
        frame_requested: false,
        last: None,
        train: Vec::new(),
        test: Vec::new(),
        view: NetworkView::new(),
        boundary: Boundary::new(),
        focus: Focus::Output,
        editing: None,
        run: 0,
        ping_ticks: None,
        crashes: Vec::new(),
        csv_info: None,
        recover_csv: None,
        picture: Picture::Plane,
        pca_points: Vec::new(),
        pca_requested: 0.0,
        paced_drawn: 0.0,
        config: Config::default(),
    };
    APP.with(|a| *a.borrow_mut() = Some(app));
    with_app(|app| app.apply(config, true));
    wire_network_events();
    wire_page_events();
    start_heartbeat();
}

fn show_url_warnings(d: &url::Decoded) {
    let notice: Element = by_id("url-notice");
    let list: Element = by_id("url-notice-list");
    list.set_text_content(None);
    for w in &d.warnings {
        let li: Element = dom::create("li");
        li.set_text_content(Some(&w.to_string()));
        list.append_child(&li).expect("append");
    }
    if d.more_warnings > 0 {
        let li: Element = dom::create("li");
        li.set_text_content(Some(&format!("… and {} more", d.more_warnings)));
        list.append_child(&li).expect("append");
    }
    set_hidden(&notice, d.warnings.is_empty());
}

impl App {
    fn post(&mut self, m: ToWorker) {
        if !self.ready {
            self.queue.push(m);
            return;
        }
        let (message, transfer) = wire::to_js(&m);
        if self.worker.post_message_with_transfer(&message, &transfer).is_err() {
            crashed("the page could not reach it");
        }
    }

    /// Makes `new` the setup: hash, controls, worker, and whatever pictures depend on it.
    fn apply(&mut self, new: Config, first: bool) {
        let reset = first || self.config.needs_reset(&new);
        let redraw_points = reset || self.config.show_test_data != new.show_test_data;
        let redraw = !reset && self.config.discretize != new.discretize;
        self.config = new;
        let hash = url::encode(&self.config);
        location::write_hash(&hash);
        controls::sync(&self.config);
        if self.config.csv.is_none() {
            self.csv_info = None;
        }
        if reset {
            self.run = self.run.wrapping_add(1);
            self.playing = false;
            controls::set_playing(false);
            self.pending = None;
            self.last = None;
            set_hidden(&by_id::<Element>("loss-notice"), true);
            set_hidden(&by_id::<Element>("run-notice"), true);
            self.load_points();
        }
        let names = self.csv_info.as_ref().map(|i| i.feature_names.clone());
        self.view.class_names = controls::class_names(&self.config, self.csv_info.as_ref());
        crate::web::controls::sync_classes(&self.config, self.csv_info.as_ref());
        crate::web::training_controls::sync(&self.config);
        if !self.view.matches(&self.config, names.as_deref()) {
            self.view.build(&self.config, names.as_deref());
            self.focus = Focus::Output;
        }
        self.view.sync_layers(&self.config);
        controls::sync_csv(&self.config, self.csv_info.as_ref());
        crate::web::import_view::in_use(&self.config);
        if redraw_points {
            self.draw_points();
        }
        self.post(ToWorker::Configure { hash, run: self.run });
        if redraw {
            self.draw();
        }
    }

    /// The worker trains on imported data now (or moved its picture plane).
    fn csv_in_use(&mut self, info: crate::importer::CsvInfo, hash: &str) {
        // The worker's setup says how the data is mapped (and carries small files).
        let worker = url::decode(hash).config;
        let mut c = self.config.clone();
        c.csv = worker.csv;
        c.problem = worker.problem;
        c.train_ratio = worker.train_ratio;
        c.seed = worker.seed;
        self.csv_info = Some(info);
        if c != self.config {
            self.apply(c, false);
        } else {
            self.load_points();
            let names = self.csv_info.as_ref().map(|i| i.feature_names.clone());
            self.view.class_names = controls::class_names(&self.config, self.csv_info.as_ref());
            self.view.build(&self.config, names.as_deref());
            controls::sync_csv(&self.config, self.csv_info.as_ref());
        }
        self.draw_points();
        crate::web::import_view::in_use(&self.config);
    }

    fn draw(&mut self) {
        if self.picture != Picture::Plane
            && self.config.csv.is_some()
            && dom::now_ms() - self.pca_requested > PCA_REFRESH_MS
        {
            self.pca_requested = dom::now_ms();
            self.post(ToWorker::Projection);
        }
        let Some(s) = &self.last else { return };
        let h = &s.header;
        set_text(&by_id::<Element>("epoch"), &format!("{}", h.epoch as u64));
        for (id, v) in [("train-loss", h.train_loss), ("test-loss", h.test_loss)] {
            let el: Element = by_id(id);
            set_text(&el, &fmt_number(v, 3));
            // The exact value, for checking that a shared link replays bit for bit.
            dom::set_attr(&el, "data-value", &v.to_string());
        }
        let disc = self.config.discretize;
        let pca = self.picture != Picture::Plane && self.config.csv.is_some();
        match self.focus {
            Focus::Output if pca => self.boundary.draw_grid(&[0.0; 4], 2, false),
            Focus::Output if self.config.picture_channels() > 1 => {
                self.boundary
                    .draw_classes(&s.output, DENSITY, self.config.picture_channels())
            }
            Focus::Output => self.boundary.draw_grid(&s.output, DENSITY, disc),
            Focus::Neuron(k) => {
                let area = THUMB * THUMB;
                if let Some(v) = s.neurons.get(k * area..(k + 1) * area) {
                    self.boundary.draw_grid(v, THUMB, false);
                }
            }
            Focus::Feature(f) => self.boundary.draw_grid(&network_view::feature_grid(f), THUMB, false),
        }
        self.view.update_pictures(&s.neurons, &s.output, disc);
        let now = dom::now_ms();
        let playing = h.state == RunState::Playing;
        if !playing || now - self.paced_drawn >= PACED_MS {
            self.paced_drawn = now;
            self.view.update_params(&s.params, !playing);
            if let Err(e) = chart::draw_losses("loss-chart", &s.history) {
                web_sys::console::error_1(&e.into());
            }
            crate::web::metrics_view::draw(&self.config, s);
        }
    }

    /// The value of a parameter in the last snapshot.
    fn param(&self, t: Target) -> Option<f32> {
        let s = self.last.as_ref()?;
        let sizes = self.view.sizes();
        let mut p = 0;
        for (l, w) in sizes.windows(2).enumerate() {
            let (n_in, n_out) = (w[0], w[1]);
            match t {
                Target::Link { layer, to, from } if layer == l => return s.params.get(p + to * n_in + from).copied(),
                Target::Bias { layer, n } if layer == l => return s.params.get(p + n_in * n_out + n).copied(),
                _ => {}
            }
            p += n_in * n_out + n_out;
        }
        None
    }
}

/// Sends a message to the worker (queued until it is ready).
pub fn post(m: ToWorker) {
    with_app(|app| app.post(m));
}

/// Sends an imported file's bytes to the worker to read (the buffer is transferred).
pub fn post_inspect(bytes: &js_sys::Uint8Array, delimiter: Option<u8>, header: Option<bool>) {
    with_app(|app| {
        if !app.ready {
            crate::web::import_view::show_error("the training worker is still starting; try again in a moment");
            return;
        }
        let (msg, transfer) = wire::inspect_to_js(bytes, delimiter, header);
        if app.worker.post_message_with_transfer(&msg, &transfer).is_err() {
            crate::web::import_view::show_error("the file could not be handed to the worker");
        }
    });
}

/// Chooses what the big picture of imported data shows.
pub fn set_picture(p: Picture) {
    with_app(|app| {
        app.picture = p;
        app.pca_requested = 0.0;
        if p == Picture::Plane {
            app.draw_points();
        }
        app.draw();
    });
}

/// The current setup (for the share dialog).
pub fn config() -> Config {
    with_app(|a| a.config.clone()).unwrap_or_default()
}

/// Applies a change to the setup.
pub fn change(f: impl FnOnce(&mut Config)) {
    with_app(|app| {
        let mut c = app.config.clone();
        f(&mut c);
        c.drop_unfitting_choices();
        if c != app.config {
            app.apply(c, false);
        }
    });
}

pub fn toggle_play() {
    with_app(|app| {
        app.playing = !app.playing;
        controls::set_playing(app.playing);
        if app.playing {
            set_hidden(&by_id::<Element>("loss-notice"), true);
        }
        app.post(if app.playing { ToWorker::Play } else { ToWorker::Pause });
    });
}

pub fn step() {
    with_app(|app| {
        app.playing = false;
        controls::set_playing(false);
        app.post(ToWorker::Step);
    });
}

pub fn reset() {
    with_app(|app| {
        app.playing = false;
        controls::set_playing(false);
        set_hidden(&by_id::<Element>("loss-notice"), true);
        app.run = app.run.wrapping_add(1);
        app.pending = None;
        app.post(ToWorker::Reset { run: app.run });
    });
}
