//! The page as one loop, in the spirit of Elm: every event (a control, a
//! worker reply, a timer, a display frame, a pointer) is a `Msg`;
//! `update(&mut Model, Msg)` changes the one state and returns `Effect`s
//! (messages to post, the hash to write, what to redraw); the browser glue
//! runs the effects after `update` returns (`drain`). Pure Rust, tested with
//! `cargo test`: the glue in `web::app` only turns events into messages and
//! effects into DOM calls.
//!
//! ```text
//! hash ─▶ Config ─▶ Msg ─▶ update ─▶ effects ─▶ worker ─▶ snapshot ─▶ Msg ─▶ …
//!                    ▲                  │
//!                    └─ controls ◀──────┘ (render from the Model)
//! ```

use crate::config::{Config, Edit};
use crate::control::Control;
use crate::dataset::{split3, Point, Problem};
use crate::importer::CsvInfo;
use crate::protocol::{FromWorker, Snapshot, ToWorker, PROTOCOL_VERSION};
use crate::url;
use std::cell::RefCell;
use std::collections::VecDeque;

mod draw;
mod import;
mod keys;
mod supervisor;
mod target;
mod tooltip;
pub use draw::{DrawMsg, Tool};
pub use import::{CsvSource, ImportModel, ImportMsg, Reading};
pub use keys::{shortcut, KeyFocus, Pacer, Shortcut, ANNOUNCE_MS};
pub use supervisor::{Crash, Supervisor, Tick, TICK_MS};
pub use target::Target;

/// `v` in `(lo, hi)` placed on the picture's −6…6 frame.
fn frame(v: f32, (lo, hi): (f32, f32)) -> f32 {
    -6.0 + 12.0 * (v - lo) / (hi - lo).max(1e-9)
}

/// Formats a loss or weight for reading: never "NaN" or "inf".
pub fn fmt_number(v: f32, digits: usize) -> String {
    if v.is_nan() {
        crate::t!("not-a-number")
    } else if v.is_infinite() {
        crate::t!("too-large")
    } else {
        format!("{v:.digits$}")
    }
}

/// A number in plain notation where it fits (0.03, 12.5, 0.00025), scientific
/// only when it is very small or large (1.2e-7, 3.4e9); four significant digits.
pub fn fmt_plain(v: f32) -> String {
    if v == 0.0 || !v.is_finite() {
        return fmt_number(v, 0);
    }
    let a = v.abs();
    if !(1e-4..1e6).contains(&a) {
        return format!("{v:.2e}");
    }
    let digits = (3 - a.log10().floor() as i32).max(0) as usize;
    let s = format!("{v:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Imported data with more points than this is drawn as an even sample of them.
pub const MAX_POINTS_DRAWN: usize = 4000;
/// How often the PCA picture asks for fresh predictions while training.
pub const PCA_REFRESH_MS: f64 = 400.0;

/// What the big picture shows besides the output (hovering a neuron or feature enlarges it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Focus {
    Output,
    /// Hidden neuron k, counted over all hidden layers.
    Neuron(usize),
    Feature(crate::features::Feature),
}

/// The big picture of imported data: the output on a plane of two features, or
/// the points on their first two principal components coloured by class or prediction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    Plane,
    PcaClass,
    PcaPrediction,
}

impl Picture {
    pub const ALL: [Picture; 3] = [Self::Plane, Self::PcaClass, Self::PcaPrediction];

    pub fn key(self) -> &'static str {
        match self {
            Self::Plane => "plane",
            Self::PcaClass => "pca-class",
            Self::PcaPrediction => "pca-prediction",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("picture", self.key())
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == s)
    }
}

/// A parameter being edited in the popup.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Editing {
    Weight { layer: u32, to: u32, from: u32 },
    Bias { layer: u32, neuron: u32 },
}

impl Editing {
    /// The parameter a diagram target stands for (links and bias squares have one).
    pub fn of(t: Target) -> Option<Editing> {
        match t {
            Target::Link { layer, to, from } => Some(Editing::Weight {
                layer: layer as u32,
                to: to as u32,
                from: from as u32,
            }),
            Target::Bias { layer, n } => Some(Editing::Bias {
                layer: layer as u32,
                neuron: n as u32,
            }),
            _ => None,
        }
    }
}

/// The notices above the page. Each is shown while it is `Some`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices {
    /// Settings that a link or an edit could not use as given: a heading and one line each.
    pub settings: Option<(String, Vec<String>)>,
    /// The run stopped by itself (a NaN, a diverging loss) or a message failed.
    pub loss: Option<String>,
    /// The run stopped by a rule the user set.
    pub run: Option<String>,
    /// The worker crashed.
    pub worker: Option<String>,
}

/// The page's side of the link to the training worker.
#[derive(Clone, Debug, Default)]
pub struct WorkerLink {
    /// The worker said Ready; until then messages wait in `queue` (they would be lost).
    pub ready: bool,
    pub queue: Vec<ToWorker>,
    pub supervisor: Supervisor,
    /// After a crash: the imported data to give the new worker before anything else.
    pub recover_csv: Option<CsvSource>,
    /// The worker crashed too often and was left stopped.
    pub given_up: bool,
    /// The advanced module's worker (`crate::advanced`): wanted by a setup with its keys.
    pub advanced: Advanced,
}

/// Where the advanced module's worker stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Advanced {
    #[default]
    Off,
    Loading,
    /// Its module is loaded; the page's own worker still trains.
    Loaded,
    /// Its worker trains.
    Running,
}

impl Advanced {
    /// Loaded, unless its worker already trains.
    fn max_loaded(self) -> Self {
        if self == Advanced::Running {
            self
        } else {
            Advanced::Loaded
        }
    }
}

/// The one state of the page.
#[derive(Clone, Debug)]
pub struct Model {
    pub config: Config,
    /// The page's number of the current setup; snapshots of older ones are dropped.
    pub run: u32,
    pub playing: bool,
    pub worker: WorkerLink,
    /// The newest undrawn snapshot; older ones are replaced, never queued.
    pub pending: Option<Snapshot>,
    /// A snapshot arrived that the worker has not had an Ack for yet. Every
    /// snapshot is acknowledged, drawn or dropped, or the worker would wait forever.
    pub unacked: bool,
    pub frame_requested: bool,
    /// The last drawn snapshot (hover and display toggles redraw from it).
    pub last: Option<Snapshot>,
    /// The points drawn over the picture (validation points are held out).
    pub train: Vec<Point>,
    pub test: Vec<Point>,
    pub focus: Focus,
    pub editing: Option<Editing>,
    /// Imported data in training: names, plane and points (with `config.csv`).
    pub csv_info: Option<CsvInfo>,
    pub picture: Picture,
    /// The last PCA points (`importer::projected_points`).
    /// What the pointer is on in the diagram and where, with the tooltip shown for it,
    /// so a new snapshot refreshes a weight's or bias's value under the pointer.
    pub pointing: Option<(Target, f64, f64, String)>,
    pub pca_points: Vec<f32>,
    /// When the PCA points were last asked for (ms).
    pub pca_requested: f64,
    pub notices: Notices,
    pub import: ImportModel,
    /// The Draw mode of the big picture.
    pub tool: Tool,
    /// An opened model file's weights and epoch, and whether its setup trains
    /// on imported data: given to the worker with the first snapshot of that setup.
    pub opened: Option<(Vec<f32>, f64, bool)>,
    /// When the live region last spoke, and what it said.
    pub pacer: Pacer,
}

/// Parts of the page to bring in step with the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Every control, the legend, the diagram's shape and the imported data's axes.
    Setup,
    /// Play / Pause.
    Playing,
    Notices,
    /// The highlighted node and the caption of the big picture.
    Focus,
    /// The import panel (status, errors, mapping, report).
    Import,
    /// The import panel's preview table (rebuilt only when the table or the choice of columns changes).
    ImportTable,
}

/// What the glue does after an update.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    Post(ToWorker),
    /// Hands file bytes to the worker to read (the bytes travel as a transferred buffer).
    Inspect {
        bytes: Vec<u8>,
        options: crate::table::ReadOptions,
    },
    WriteHash(String),
    /// Ends the current worker and starts a new one.
    RestartWorker,
    /// Loads the advanced module (`Msg::AdvancedLoaded` when it is there).
    LoadAdvanced,
    /// From now on workers run the advanced module (then `RestartWorker`).
    UseAdvanced,
    RequestFrame,
    Render(Part),
    /// The pictures, numbers and charts of the last snapshot.
    Draw,
    /// The points over the big picture.
    DrawPoints,
    /// The window changed size: fit the canvases and the diagram.
    Relayout,
    /// The tooltip over the diagram (None: hidden), at (x, y) inside the diagram.
    Tooltip(Option<(String, f64, f64)>),
    OpenEditor {
        /// The message naming the parameter (`weight`, `bias`).
        label: &'static str,
        value: f32,
        x: f64,
        y: f64,
    },
    CloseEditor,
    /// A value was refused; the control that sent it says why.
    Refused(Edit),
    /// Copies the link of the current setup.
    CopyLink,
    /// Scrolls the import panel into view (a file has been read).
    RevealImport,
    /// Opens the help dialog (the "?" key).
    OpenHelp,
    /// The live region's words, and the big picture's text alternative (None: none fits).
    Announce {
        status: String,
        picture: Option<String>,
    },
}

/// Everything that can happen on the page.
#[derive(Clone, Debug)]
pub enum Msg {
    /// The page opened with this hash (a link without a seed uses seed 1, so a bare link replays).
    Start {
        hash: String,
    },
    /// A link was pasted into the address bar.
    HashChanged(String),
    Edit(Edit),
    TogglePlay,
    Step,
    Reset,
    /// A keyboard shortcut (`keys::shortcut`).
    Shortcut(Shortcut),
    Picture(Picture),
    FromWorker(FromWorker),
    Snapshot(Snapshot),
    /// The worker died (an error event, a failed postMessage, or silence).
    WorkerCrashed {
        reason: String,
        now: f64,
    },
    /// The heartbeat (every `TICK_MS`) at `now` (ms).
    Tick {
        now: f64,
    },
    /// A display frame at `now` (ms).
    Frame {
        now: f64,
    },
    Resize,
    /// The pointer is over a part of the diagram (None: over nothing) at (x, y).
    Hover {
        target: Option<Target>,
        x: f64,
        y: f64,
    },
    /// The pointer left the diagram.
    Leave,
    Click {
        target: Target,
        x: f64,
        y: f64,
    },
    /// The weight/bias popup's value.
    SubmitParam(f32),
    CloseEditor,
    CloseSettingsNotice,
    Import(ImportMsg),
    /// "Copy link".
    CopyLink,
    /// The page's language changed (or could not: the problem): every part re-renders.
    Language {
        problem: Option<String>,
        /// The language's files, for the worker (`ToWorker::Language`).
        texts: Vec<String>,
    },
    /// Words fetched after start arrived (the article's, the import panel's):
    /// every part re-renders, as after a change of language.
    Reworded,
    Draw(DrawMsg),
    /// The advanced module has loaded: its worker can take the run.
    AdvancedLoaded,
    /// A model file (checked by the export module): its setup opens like a
    /// pasted link, then training resumes from its weights and epoch. `file`:
    /// the imported file its link does not carry (name, bytes), read as if dropped.
    OpenModel {
        hash: String,
        params: Vec<f32>,
        epoch: f64,
        file: Option<(String, Vec<u8>)>,
    },
}

impl Model {
    pub fn new() -> Self {
        Self {
            config: Config::default(),
            run: 0,
            playing: false,
            worker: WorkerLink::default(),
            pending: None,
            unacked: false,
            frame_requested: false,
            last: None,
            train: Vec::new(),
            test: Vec::new(),
            focus: Focus::Output,
            editing: None,
            csv_info: None,
            picture: Picture::Plane,
            pca_points: Vec::new(),
            pointing: None,
            pca_requested: f64::NEG_INFINITY,
            notices: Notices::default(),
            import: ImportModel::default(),
            tool: Tool::default(),
            opened: None,
            pacer: Pacer::default(),
        }
    }

    /// Whether the big picture shows imported data on its principal components.
    pub fn shows_pca(&self) -> bool {
        self.picture != Picture::Plane && self.config.csv.is_some()
    }

    /// The hidden neuron in focus as (layer, neuron in the layer).
    pub fn focused_neuron(&self) -> Option<(usize, usize)> {
        let Focus::Neuron(mut n) = self.focus else { return None };
        for (layer, &size) in self.config.hidden.iter().enumerate() {
            if n < size {
                return Some((layer, n));
            }
            n -= size;
        }
        None
    }

    /// The network with its last drawn weights as a formula (MathML,
    /// `formula::mathml`), or its weight count when it has more than
    /// `formula::MAX_WEIGHTS` (None: nothing drawn yet).
    pub fn formula(&self) -> Option<Result<String, usize>> {
        let s = self.last.as_ref()?;
        let sizes: Vec<usize> = s.header.sizes.iter().map(|&n| n as usize).collect();
        let weights: usize = sizes.windows(2).map(|w| w[0] * w[1]).sum();
        if weights > crate::formula::MAX_WEIGHTS {
            return Some(Err(weights));
        }
        let inputs: Vec<String> = match self.csv_names() {
            Some(names) => names
                .iter()
                .map(|n| crate::formula::input_name((n, "", "", "")))
                .collect(),
            None => self
                .config
                .features
                .iter()
                .map(|f| crate::formula::input_name(f.label_parts()))
                .collect(),
        };
        let mut acts = self.config.hidden_activations();
        acts.push(self.config.output_activation());
        crate::formula::mathml(&sizes, &s.params, &acts, &inputs, 2).map(Ok)
    }

    /// Feature names of the imported data in training.
    pub fn csv_names(&self) -> Option<&[String]> {
        self.csv_info
            .as_ref()
            .filter(|_| self.config.csv.is_some())
            .map(|i| i.feature_names.as_slice())
    }

    /// Class names for more than two classes: the imported file's, or "Class 1" … for built-in sets.
    pub fn class_names(&self) -> Vec<String> {
        let c = &self.config;
        match &self.csv_info {
            _ if c.classes() <= 2 => Vec::new(),
            Some(i) if c.csv.is_some() => i.classes.clone(),
            _ => (1..=c.classes())
                .map(|k| crate::t!("class-k", k = k.to_string()))
                .collect(),
        }
    }

    /// The names of the confusion matrices' rows and columns: the imported
    /// file's class names (two as well), else −1/+1 or the class numbers.
    pub fn confusion_names(&self) -> Vec<String> {
        let k = self.config.classes();
        match &self.csv_info {
            Some(i) if self.config.csv.is_some() && i.classes.len() == k => i.classes.clone(),
            _ if k == 2 => vec!["−1".into(), "+1".into()],
            _ => (1..=k).map(|i| i.to_string()).collect(),
        }
    }

    /// The side of the square image the inputs form, when they are pixels: imported
    /// data with k × k inputs (k ≥ 4), all numbers (no one-hot columns).
    pub fn image_side(&self) -> Option<usize> {
        let names = self.csv_names()?;
        let n = names.len();
        let side = (1..=16).find(|k| k * k >= n)?;
        (side >= 4 && side * side == n && !names.iter().any(|f| f.contains('='))).then_some(side)
    }

    /// A first-layer neuron's input weights as a picture of the input image
    /// (side × side, row-major as the columns), scaled so the largest weight is ±1,
    /// with its caption: what the neuron "looks for".
    pub fn receptive_field(&self) -> Option<(Vec<f32>, usize, String)> {
        let side = self.image_side()?;
        let (layer, n) = self.focused_neuron()?;
        if layer != 0 {
            return None;
        }
        let s = self.last.as_ref()?;
        let sizes: Vec<usize> = s.header.sizes.iter().map(|&k| k as usize).collect();
        let layout = crate::params::Layout::new(&sizes);
        let first = layout.weight(0, n, 0)?;
        let w = s.params.get(first..first + side * side)?;
        let peak = w.iter().fold(0.0f32, |m, v| m.max(v.abs())).max(f32::MIN_POSITIVE);
        let caption = crate::t!("receptive-field", n = (n + 1).to_string(), side = side.to_string());
        Some((w.iter().map(|v| v / peak).collect(), side, caption))
    }

    /// What guessing without the inputs would score on the test rows of imported data.
    pub fn baseline_text(&self) -> Option<String> {
        let info = self.csv_info.as_ref().filter(|_| self.config.csv.is_some())?;
        let rows: Vec<(f32, bool)> = info.plane_points().map(|p| (p.label, p.test)).collect();
        let classes = if self.config.problem == crate::dataset::Problem::Classification {
            self.config.classes()
        } else {
            0
        };
        Some(match crate::metrics::baseline(rows.iter().copied(), classes)? {
            crate::metrics::Baseline::Majority { class, accuracy } => crate::t!(
                "baseline-majority",
                class = self.confusion_names().get(class).cloned().unwrap_or_default(),
                p = format!("{:.1}", accuracy * 100.0)
            ),
            crate::metrics::Baseline::Mean { mse, .. } => crate::t!("baseline-mean", mse = fmt_number(mse, 3)),
        })
    }

    /// The value of a parameter in the last snapshot.
    pub fn param(&self, t: Target) -> Option<f32> {
        let s = self.last.as_ref()?;
        let sizes: Vec<usize> = s.header.sizes.iter().map(|&n| n as usize).collect();
        let layout = crate::params::Layout::new(&sizes);
        let k = match t {
            Target::Link { layer, to, from } => layout.weight(layer, to, from),
            Target::Bias { layer, n } => layout.bias(layer, n),
            _ => None,
        }?;
        s.params.get(k).copied()
    }

    /// Sends a message to the worker, or keeps it until the worker is ready.
    fn post(&mut self, m: ToWorker, fx: &mut Vec<Effect>) {
        if self.worker.ready {
            fx.push(Effect::Post(m));
        } else {
            self.worker.queue.push(m);
        }
    }

    fn set_playing(&mut self, playing: bool, fx: &mut Vec<Effect>) {
        if self.playing != playing {
            self.playing = playing;
            fx.push(Effect::Render(Part::Playing));
        }
    }

    /// Makes `new` the setup: hash, controls, worker, and whatever pictures depend on it.
    fn apply(&mut self, new: Config, first: bool, fx: &mut Vec<Effect>) {
        let reset = first || self.config.needs_reset(&new);
        let redraw_points = reset || self.config.show_test_data != new.show_test_data;
        let redraw = !reset && self.config.discretize != new.discretize;
        let reshaped = first || self.config.layer_sizes() != new.layer_sizes() || self.config.features != new.features;
        self.config = new;
        let hash = url::encode(&self.config);
        fx.push(Effect::WriteHash(hash.clone()));
        if self.config.csv.is_none() {
            self.csv_info = None;
        }
        if reset {
            self.run = self.run.wrapping_add(1);
            self.set_playing(false, fx);
            self.pending = None;
            self.last = None;
            self.notices.loss = None;
            self.notices.run = None;
            fx.push(Effect::Render(Part::Notices));
            self.load_points();
        }
        if reshaped && self.focus != Focus::Output {
            self.focus = Focus::Output;
            fx.push(Effect::Render(Part::Focus));
        }
        fx.push(Effect::Render(Part::Setup));
        fx.push(Effect::Render(Part::Import));
        if redraw_points {
            fx.push(Effect::DrawPoints);
        }
        self.post(ToWorker::Configure { hash, run: self.run }, fx);
        if redraw {
            fx.push(Effect::Draw);
        }
        self.want_advanced(fx);
    }

    /// A setup with advanced keys trains in the advanced module's worker: the
    /// module is loaded, then the run moves there as after a crash (the same
    /// setup, data and weights; the optimizer's memory starts afresh).
    fn want_advanced(&mut self, fx: &mut Vec<Effect>) {
        if self.config.advanced.is_empty() || self.worker.given_up {
            return;
        }
        match self.worker.advanced {
            Advanced::Off => {
                self.worker.advanced = Advanced::Loading;
                fx.push(Effect::LoadAdvanced);
            }
            Advanced::Loaded => {
                self.worker.advanced = Advanced::Running;
                fx.push(Effect::UseAdvanced);
                self.respawn(fx);
                if self.playing {
                    self.worker.queue.push(ToWorker::Play);
                }
            }
            Advanced::Loading | Advanced::Running => {}
        }
    }

    /// A new worker gets the current setup, the imported data and the last drawn weights.
    fn respawn(&mut self, fx: &mut Vec<Effect>) {
        self.worker.ready = false;
        self.pending = None;
        self.unacked = false;
        fx.push(Effect::RestartWorker);
        self.worker.recover_csv = self.config.csv.as_ref().and(self.import.in_training.clone());
        let hash = url::encode(&self.config);
        self.worker.queue = vec![ToWorker::Configure { hash, run: self.run }];
        // Continue from the last drawn weights, so no training is lost either.
        if let Some(s) = &self.last {
            self.worker.queue.push(ToWorker::Resume {
                params: s.params.clone(),
                epoch: s.header.epoch,
            });
        }
    }

    /// An edit from a control: applied, checked against the limits, and made the setup.
    fn edit(&mut self, e: Edit, fx: &mut Vec<Effect>) {
        if e.control().is_some_and(|k| self.config.is_hidden(k)) {
            return; // the link hides that control: its edits do not count
        }
        let mut c = self.config.clone();
        if !e.apply(&mut c) {
            fx.push(Effect::Refused(e));
            return;
        }
        // Also drops a loss or output that no longer fits the data.
        let (c, warnings) = c.validate();
        if !warnings.is_empty() {
            self.notices.settings = Some((
                crate::t!("changed-to-fit"),
                warnings.iter().map(|w| w.to_string()).collect(),
            ));
            fx.push(Effect::Render(Part::Notices));
        }
        if c != self.config {
            self.apply(c, false, fx);
        } else if !warnings.is_empty() {
            // The control still shows the refused value: show the setup again.
            fx.push(Effect::Render(Part::Setup));
        }
    }

    /// A link: the whole setup from its hash, with what could not be used listed.
    fn open_link(&mut self, mut decoded: url::Decoded, fx: &mut Vec<Effect>) {
        self.opened = None;
        if decoded.config.csv.as_ref().is_some_and(|s| s.data.is_none()) {
            // A link to a larger imported file: it asks for the file, then maps it the same way.
            let setup = decoded.config.csv.take().expect("checked");
            decoded.config.set_dataset(crate::dataset::DatasetKind::Circle);
            decoded.warnings.push(url::UrlWarning::new(
                "data",
                "csv",
                crate::t!("link-csv-file", columns = setup.columns.join(", ")),
            ));
            self.import.expected = Some(setup);
            fx.push(Effect::Render(Part::Import));
        }
        let mut lines: Vec<String> = decoded.warnings.iter().map(|w| w.to_string()).collect();
        if decoded.more_warnings > 0 {
            lines.push(crate::t!("and-more", n = decoded.more_warnings.to_string()));
        }
        self.notices.settings = (!lines.is_empty()).then(|| (crate::t!("link-unused"), lines));
        fx.push(Effect::Render(Part::Notices));
        self.apply(decoded.config, true, fx);
    }

    /// The worker trains on imported data now (or moved its picture plane).
    fn csv_in_use(&mut self, info: CsvInfo, hash: &str, fx: &mut Vec<Effect>) {
        // The worker's setup says how the data is mapped (and carries small files).
        let worker = url::decode(hash).config;
        let mut c = self.config.clone();
        c.csv = worker.csv;
        c.drawn = None;
        c.problem = worker.problem;
        c.train_ratio = worker.train_ratio;
        c.seed = worker.seed;
        let training_rows = info.plane_points().filter(|p| !p.test).count();
        if c.speed == crate::pace::Speed::Frame && training_rows > crate::pace::LARGE_DATA_ROWS {
            // An epoch of this much data is slow enough to watch at full speed.
            c.speed = crate::pace::Speed::Full;
        }
        // More than two inputs, freshly imported: the picture starts on the
        // principal components, the plane that shows the data most spread out.
        let fresh = self.import.preparing;
        let pca = fresh && c.csv.as_ref().is_some_and(|s| s.inputs > 2);
        self.csv_info = Some(info);
        self.import.preparing = false;
        // Training on the new data: an earlier import error no longer applies.
        self.import.error = None;
        if c != self.config {
            self.apply(c, false, fx);
        } else {
            self.load_points();
            fx.push(Effect::Render(Part::Setup));
        }
        if pca {
            self.picture = Picture::PcaClass;
            self.pca_requested = f64::NEG_INFINITY;
            self.post(ToWorker::Projection, fx);
            fx.push(Effect::Render(Part::Setup));
        } else if fresh {
            self.picture = Picture::Plane;
        }
        fx.push(Effect::DrawPoints);
        fx.push(Effect::Render(Part::Import));
    }

    /// The points to draw: generated for built-in data, from the worker for imported data
    /// (their plane coordinates mapped onto the picture's −6…6 frame).
    fn load_points(&mut self) {
        let c = &self.config;
        match (&self.csv_info, &c.csv) {
            (Some(info), Some(_)) => {
                self.train.clear();
                self.test.clear();
                // Thousands of dots say no more than a few thousand, and cost frames: draw an even sample.
                let n = info.points.len() / 4;
                let step = n.div_ceil(MAX_POINTS_DRAWN).max(1);
                for p in info.plane_points().step_by(step) {
                    let point = Point {
                        x1: frame(p.x, info.x_range),
                        x2: frame(p.y, info.y_range),
                        label: p.label,
                    };
                    if p.test {
                        self.test.push(point);
                    } else {
                        self.train.push(point);
                    }
                }
            }
            _ => {
                let points = c.points();
                // Validation points are held out: the picture shows training and test points.
                (self.train, _, self.test) = split3(&points, c.train_ratio, c.validation);
            }
        }
    }

    /// The points of the PCA picture, spread over the picture's −6…6 frame.
    pub fn pca_points_shown(&self) -> Vec<Point> {
        let pts: Vec<_> = crate::importer::projected_points(&self.pca_points).collect();
        let range = |f: fn(&crate::importer::ProjectedPoint) -> f32| {
            let (lo, hi) = pts
                .iter()
                .fold((f32::MAX, f32::MIN), |(lo, hi), p| (lo.min(f(p)), hi.max(f(p))));
            let pad = ((hi - lo) * 0.05).max(1e-3);
            (lo - pad, hi + pad)
        };
        let (rx, ry) = (range(|p| p.pc1), range(|p| p.pc2));
        let classes = self.config.problem == Problem::Classification;
        pts.iter()
            .map(|p| {
                let label = match self.picture {
                    Picture::PcaPrediction if classes && self.config.classes() > 2 => p.output,
                    Picture::PcaPrediction if classes => p.output.signum(),
                    Picture::PcaPrediction => p.output,
                    _ => p.label,
                };
                Point {
                    x1: frame(p.pc1, rx),
                    x2: frame(p.pc2, ry),
                    label,
                }
            })
            .collect()
    }

    /// The worker died: say so, start a new one, and give it the current setup.
    fn worker_crashed(&mut self, reason: &str, now: f64, fx: &mut Vec<Effect>) {
        if self.worker.given_up {
            return;
        }
        self.set_playing(false, fx);
        let what = if reason.is_empty() {
            crate::t!("unknown-error")
        } else {
            reason.to_string()
        };
        match self.worker.supervisor.crashed(now) {
            Crash::GiveUp(n) => {
                self.worker.given_up = true;
                self.worker.queue.clear();
                self.notices.worker = Some(crate::t!("worker-gave-up", what = what, n = n.to_string()));
            }
            Crash::Restart => {
                let at = self.last.as_ref().map_or(0, |s| s.header.epoch as u64);
                self.notices.worker = Some(crate::t!("worker-restarted", what = what, at = at.to_string()));
                self.respawn(fx);
            }
        }
        fx.push(Effect::Render(Part::Notices));
    }

    fn worker_ready(&mut self, protocol: u32, fx: &mut Vec<Effect>) {
        // Page and worker run one module; a mismatch would be a build error.
        debug_assert_eq!(protocol, PROTOCOL_VERSION);
        self.worker.ready = true;
        if let (Some(src), Some(shape)) = (self.worker.recover_csv.take(), self.config.csv.clone()) {
            // Same bytes, same mapping: the same prepared data as before the crash.
            fx.push(Effect::Inspect {
                bytes: src.bytes,
                options: src.options,
            });
            let axes = (shape.axes.0 as u32, shape.axes.1 as u32);
            fx.push(Effect::Post(ToWorker::UseCsv {
                request: src.request,
                axes,
            }));
        }
        for m in std::mem::take(&mut self.worker.queue) {
            fx.push(Effect::Post(m));
        }
    }

    fn worker_said(&mut self, m: FromWorker, fx: &mut Vec<Effect>) {
        match m {
            FromWorker::Ready { protocol } => self.worker_ready(protocol, fx),
            FromWorker::Pong => self.worker.supervisor.pong(),
            // Only search workers run trials.
            FromWorker::TrialDone { .. } => {}
            FromWorker::Stopped { message } => {
                self.set_playing(false, fx);
                self.notices.loss = Some(message);
                fx.push(Effect::Render(Part::Notices));
            }
            FromWorker::Finished { message } => {
                self.set_playing(false, fx);
                self.notices.run = Some(message);
                fx.push(Effect::Render(Part::Notices));
            }
            FromWorker::Error { message } => {
                self.notices.loss = Some(message);
                fx.push(Effect::Render(Part::Notices));
            }
            FromWorker::CsvInUse { info, hash } => self.csv_in_use(info, &hash, fx),
            FromWorker::Projection { points } => {
                self.pca_points = points;
                fx.push(Effect::DrawPoints);
            }
            FromWorker::TableRead { info } => self.table_read(info, fx),
            FromWorker::ImportProgress { fraction } => {
                if let Some(r) = &mut self.import.reading {
                    r.fraction = Some(fraction.clamp(0.0, 1.0));
                }
                fx.push(Effect::Render(Part::Import));
            }
            FromWorker::ImportFailed { message } => {
                self.import.failed(&message);
                fx.push(Effect::Render(Part::Import));
            }
            FromWorker::MappingChecked { report } => {
                self.import.report = Some(Ok(report));
                fx.push(Effect::Render(Part::Import));
            }
        }
    }

    /// A snapshot is kept until the next display frame; a newer one replaces it.
    fn snapshot(&mut self, s: Snapshot, fx: &mut Vec<Effect>) {
        self.pending = Some(s);
        self.unacked = true;
        if !self.frame_requested {
            self.frame_requested = true;
            fx.push(Effect::RequestFrame);
        }
    }

    /// Draws the newest snapshot of the current setup, then lets the worker send the next one.
    fn frame(&mut self, now: f64, fx: &mut Vec<Effect>) {
        self.frame_requested = false;
        if let Some(s) = self.pending.take() {
            let expected: Vec<u32> = self.config.layer_sizes().iter().map(|&n| n as u32).collect();
            let csv = self.config.csv.is_some();
            if s.header.run == self.run && s.header.sizes == expected {
                if let Some((params, epoch, _)) = self.opened.take_if(|o| o.2 == csv) {
                    // An opened model's setup is ready (its imported file loaded):
                    // its weights now; the next snapshot shows them.
                    self.post(ToWorker::Resume { params, epoch }, fx);
                } else {
                    self.last = Some(s);
                    self.refresh_tooltip(fx);
                    if self.shows_pca() && now - self.pca_requested > PCA_REFRESH_MS {
                        self.pca_requested = now;
                        self.post(ToWorker::Projection, fx);
                    }
                    fx.push(Effect::Draw);
                    self.announce(Some(now), fx);
                }
            }
        }
        if std::mem::take(&mut self.unacked) {
            self.post(ToWorker::Ack, fx);
        }
    }

    /// The live region's words and the picture's text alternative for the
    /// last snapshot, at the pace `Pacer` keeps.
    /// `now`: None when the page's language changed (the same news in the new
    /// words, at once and without moving the pace).
    fn announce(&mut self, now: Option<f64>, fx: &mut Vec<Effect>) {
        let Some(s) = &self.last else { return };
        let h = &s.header;
        let training = h.state == crate::protocol::RunState::Playing;
        if now.is_some_and(|now| !self.pacer.ready(now, training)) {
            return;
        }
        let metric = match h.test_metrics {
            crate::metrics::Metrics::Classification { accuracy, .. } => {
                crate::t!("keys-accuracy", p = fmt_number(accuracy * 100.0, 0))
            }
            crate::metrics::Metrics::Regression { r2, .. } => crate::t!("keys-r2", r2 = fmt_number(r2, 2)),
        };
        let status = crate::t!(
            "keys-live",
            epoch = (h.epoch as u64).to_string(),
            train = fmt_number(h.train_loss, 3),
            test = fmt_number(h.test_loss, 3),
            metric = metric.as_str()
        );
        if let Some(status) = self.pacer.say(now, status) {
            let picture = self.picture_text(&metric);
            fx.push(Effect::Announce { status, picture });
        }
    }

    /// What the big picture shows, in words (`describe`): the test metric and
    /// which class covers which part (None for the principal components' picture).
    pub fn picture_text(&self, metric: &str) -> Option<String> {
        use crate::describe::{pixel_classes, regions};
        let s = self.last.as_ref().filter(|_| !self.shows_pca())?;
        let channels = self.config.picture_channels();
        let n = crate::grid::DENSITY;
        let output = s.output.get(..n * n * channels)?;
        let names = self.class_names();
        let regression = self.config.problem == Problem::Regression;
        let mut parts = String::new();
        for (i, p) in regions(&pixel_classes(output, channels), n).iter().enumerate() {
            let class = match (regression, channels, p.class) {
                (true, _, 1) => crate::t!("keys-high"),
                (true, _, _) => crate::t!("keys-low"),
                (_, 1, 1) => crate::t!("keys-blue"),
                (_, 1, _) => crate::t!("keys-orange"),
                _ => names.get(p.class).cloned().unwrap_or_default(),
            };
            let region = crate::i18n::keyed("keys-region", p.region.key());
            let id = if i == 0 { "keys-first" } else { "keys-next" };
            parts.push_str(&crate::t!(id, class = class, region = region));
        }
        // The sentence starts with the first class (ASCII only: Unicode's case tables would cost the download).
        if let Some(first) = parts.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        Some(crate::t!("keys-picture", metric = metric, parts = parts))
    }

    /// The tooltip under the pointer again, if the value it reads has changed.
    fn refresh_tooltip(&mut self, fx: &mut Vec<Effect>) {
        let Some((t, x, y, shown)) = self.pointing.take() else {
            return;
        };
        let text = tooltip::text(self, t).unwrap_or_default();
        if text != shown {
            fx.push(Effect::Tooltip(Some((text.clone(), x, y))));
        }
        self.pointing = Some((t, x, y, text));
    }

    fn hover(&mut self, target: Option<Target>, x: f64, y: f64, fx: &mut Vec<Effect>) {
        let Some(t) = target else { return };
        self.pointing = None;
        if let Some(text) = tooltip::text(self, t) {
            fx.push(Effect::Tooltip(Some((text.clone(), x, y))));
            self.pointing = Some((t, x, y, text));
        }
        let focus = match t {
            Target::Neuron { layer, n } => Focus::Neuron(
                self.config.hidden[..layer.min(self.config.hidden.len())]
                    .iter()
                    .sum::<usize>()
                    + n,
            ),
            Target::Feature(f) => Focus::Feature(f),
            _ => Focus::Output,
        };
        self.set_focus(focus, fx);
    }

    /// Shows `focus` in the big picture (the points go while a pixel image shows).
    fn set_focus(&mut self, focus: Focus, fx: &mut Vec<Effect>) {
        if focus != self.focus {
            self.focus = focus;
            fx.push(Effect::Render(Part::Focus));
            fx.push(Effect::Draw);
            if self.image_side().is_some() {
                fx.push(Effect::DrawPoints);
            }
        }
    }

    fn leave(&mut self, fx: &mut Vec<Effect>) {
        self.pointing = None;
        fx.push(Effect::Tooltip(None));
        self.set_focus(Focus::Output, fx);
    }

    fn click(&mut self, t: Target, x: f64, y: f64, fx: &mut Vec<Effect>) {
        match t {
            Target::Feature(f) => self.edit(Edit::ToggleFeature(f), fx),
            Target::AddNeuron(layer) => self.edit(Edit::Neurons { layer, delta: 1 }, fx),
            Target::RemoveNeuron(layer) => self.edit(Edit::Neurons { layer, delta: -1 }, fx),
            Target::Link { .. } | Target::Bias { .. } => {
                if let (Some(editing), Some(value)) = (Editing::of(t), self.param(t)) {
                    self.editing = Some(editing);
                    self.pointing = None;
                    fx.push(Effect::Tooltip(None));
                    let label = if matches!(t, Target::Link { .. }) {
                        "weight"
                    } else {
                        "bias"
                    };
                    fx.push(Effect::OpenEditor { label, value, x, y });
                }
            }
            Target::Neuron { .. } | Target::Output => {}
        }
    }
}

impl Default for Model {
    fn default() -> Self {
        Self::new()
    }
}

/// Changes the model for one message and returns what the glue must do.
/// Every part of the page rendered again in the catalog's words.
fn reword(fx: &mut Vec<Effect>) {
    for part in [
        Part::Setup,
        Part::Playing,
        Part::Notices,
        Part::Focus,
        Part::Import,
        Part::ImportTable,
    ] {
        fx.push(Effect::Render(part));
    }
    fx.push(Effect::Relayout);
    fx.push(Effect::DrawPoints);
    fx.push(Effect::Draw);
}

pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    let mut fx = Vec::new();
    match msg {
        Msg::Start { hash } => m.open_link(url::decode(&hash), &mut fx),
        Msg::HashChanged(hash) => {
            let decoded = url::decode(&hash);
            if decoded.config != m.config {
                m.open_link(decoded, &mut fx);
            }
        }
        Msg::Edit(e) => m.edit(e, &mut fx),
        Msg::TogglePlay => {
            m.set_playing(!m.playing, &mut fx);
            if m.playing && m.notices.loss.take().is_some() {
                fx.push(Effect::Render(Part::Notices));
            }
            let msg = if m.playing { ToWorker::Play } else { ToWorker::Pause };
            m.post(msg, &mut fx);
        }
        Msg::Step => {
            m.set_playing(false, &mut fx);
            m.post(ToWorker::Step, &mut fx);
        }
        Msg::Reset => {
            m.set_playing(false, &mut fx);
            if m.notices.loss.take().is_some() {
                fx.push(Effect::Render(Part::Notices));
            }
            m.run = m.run.wrapping_add(1);
            m.pending = None;
            m.post(ToWorker::Reset { run: m.run }, &mut fx);
        }
        Msg::Shortcut(k) => {
            let (control, msg) = match k {
                Shortcut::TogglePlay => (Control::Play, Msg::TogglePlay),
                Shortcut::Step => (Control::Step, Msg::Step),
                Shortcut::Reset => (Control::Reset, Msg::Reset),
                Shortcut::Help => return vec![Effect::OpenHelp],
            };
            // A control the link hides has no key either.
            if !m.config.is_hidden(control) {
                return update(m, msg);
            }
        }
        Msg::Picture(p) => {
            m.picture = p;
            m.pca_requested = f64::NEG_INFINITY;
            if m.shows_pca() {
                m.post(ToWorker::Projection, &mut fx);
            }
            fx.push(Effect::Render(Part::Setup));
            fx.push(Effect::Render(Part::Import));
            fx.push(Effect::DrawPoints);
            fx.push(Effect::Draw);
        }
        Msg::FromWorker(w) => m.worker_said(w, &mut fx),
        Msg::Snapshot(s) => m.snapshot(s, &mut fx),
        Msg::WorkerCrashed { reason, now } => m.worker_crashed(&reason, now, &mut fx),
        Msg::Tick { now } => {
            if m.worker.ready {
                match m.worker.supervisor.tick() {
                    Tick::Nothing => {}
                    Tick::Ping => m.post(ToWorker::Ping, &mut fx),
                    Tick::Dead => m.worker_crashed("it stopped responding", now, &mut fx),
                }
            }
        }
        Msg::Frame { now } => m.frame(now, &mut fx),
        Msg::Language { problem, texts } => {
            m.post(ToWorker::Language { texts }, &mut fx);
            if let Some(p) = problem {
                m.notices.settings = Some((crate::t!("lang-failed"), vec![p]));
            }
            reword(&mut fx);
            m.announce(None, &mut fx);
        }
        Msg::Reworded => reword(&mut fx),
        Msg::Resize => {
            fx.push(Effect::Relayout);
            fx.push(Effect::DrawPoints);
            fx.push(Effect::Draw);
        }
        Msg::Hover { target, x, y } => m.hover(target, x, y, &mut fx),
        Msg::Leave => m.leave(&mut fx),
        Msg::Click { target, x, y } => m.click(target, x, y, &mut fx),
        Msg::SubmitParam(value) => {
            if value.is_finite() {
                match m.editing.take() {
                    Some(Editing::Weight { layer, to, from }) => {
                        m.post(ToWorker::SetWeight { layer, to, from, value }, &mut fx)
                    }
                    Some(Editing::Bias { layer, neuron }) => {
                        m.post(ToWorker::SetBias { layer, neuron, value }, &mut fx)
                    }
                    None => {}
                }
                fx.push(Effect::CloseEditor);
            }
        }
        Msg::CloseEditor => {
            m.editing = None;
            fx.push(Effect::CloseEditor);
        }
        Msg::CloseSettingsNotice => {
            m.notices.settings = None;
            fx.push(Effect::Render(Part::Notices));
        }
        Msg::Import(i) => m.import_msg(i, &mut fx),
        Msg::CopyLink => fx.push(Effect::CopyLink),
        Msg::Draw(d) => m.draw(d, &mut fx),
        Msg::AdvancedLoaded => {
            m.worker.advanced = m.worker.advanced.max_loaded();
            m.want_advanced(&mut fx);
        }
        Msg::OpenModel {
            hash,
            params,
            epoch,
            file,
        } => {
            let decoded = url::decode(&hash);
            let csv = decoded.config.csv.is_some();
            m.open_link(decoded, &mut fx);
            m.opened = Some((params, epoch, csv));
            if let Some((name, bytes)) = file {
                m.import_msg(ImportMsg::FileRead { name, bytes }, &mut fx);
            }
        }
    }
    fx
}

/// Something that carries out effects: the browser glue, or a test's fake.
pub trait Runner {
    /// Carries out one effect. A runner that fails (a postMessage that throws)
    /// says so by pushing a message into `inbox`, never by calling `update` itself.
    fn run(&mut self, model: &Model, effect: Effect, inbox: &RefCell<VecDeque<Msg>>);
}

/// Handles every message in `inbox`, in order, running each one's effects
/// before the next message: messages sent while effects run (by the runner,
/// or by events the effects cause) wait in the inbox. Nothing borrows the
/// model twice, so a re-entrant call cannot exist by construction.
pub fn drain(model: &mut Model, inbox: &RefCell<VecDeque<Msg>>, runner: &mut impl Runner) {
    loop {
        // The inbox is borrowed only to take one message.
        let Some(msg) = inbox.borrow_mut().pop_front() else {
            break;
        };
        for effect in update(model, msg) {
            runner.run(model, effect, inbox);
        }
    }
}

#[cfg(test)]
mod tests;
