//! Everything a user can set, as plain data with its defaults in one place.
//! `Config::default()` is the TensorFlow Playground's default setup.
//! Limits live in `limits`, and `Config::validate` applies them for the URL
//! decoder, every edit on the page and the importer; `Edit` is one change a
//! user makes.

use crate::activation::Activation;
pub use crate::control::Control;
use crate::dataset::{DatasetKind, Problem};
use crate::features::Feature;
use crate::head::{Head, Task};
use crate::importer::MappingRequest;
use crate::init::Init;
use crate::loss::Loss;
use crate::optimizer::{Optimizer, StepSettings};
use crate::regularization::Regularization;
use crate::schedule::LrSchedule;
use crate::stopping::Stopping;

mod edit;
pub mod limits;
pub use edit::Edit;
pub use limits::{
    Warning, LEARNING_RATE_RANGE, MAX_BATCH, MAX_HIDDEN_LAYERS, MAX_NEURONS, NOISE_RANGE, REG_RATE_MAX,
    TRAIN_RATIO_RANGE,
};

/// The Playground's 11 learning rates.
pub const LEARNING_RATES: [f32; 11] = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];
/// The Playground's regularisation rates.
pub const REGULARIZATION_RATES: [f32; 10] = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub dataset: DatasetKind,
    pub problem: Problem,
    /// Percent, 0 ..= 50.
    pub noise: u32,
    /// Percent of points used for training, 10 ..= 90.
    pub train_ratio: u32,
    pub batch_size: u32,
    pub learning_rate: f32,
    /// The optimizer and its hyperparameters (SGD, as the Playground, by default).
    pub optimizer: Optimizer,
    /// Hidden-layer activation of every layer (the "all layers" choice; new layers get it).
    pub activation: Activation,
    /// Per hidden layer, where it differs from `activation` (missing entries: `activation`).
    pub layer_activations: Vec<Activation>,
    /// The output activation (None: follows the problem and the loss).
    pub output_activation: Option<Activation>,
    /// The loss (None: follows the problem).
    pub loss: Option<Loss>,
    pub init: Init,
    /// Dropout rate of each hidden layer, 0 ..= 0.9 (missing entries: 0).
    pub dropout: Vec<f32>,
    pub regularization: Regularization,
    pub regularization_rate: f32,
    pub schedule: LrSchedule,
    /// Clip the gradient's norm to this (0: off).
    pub clip_norm: f32,
    /// A new order of the training rows every epoch (off: the Playground's fixed order).
    pub shuffle: bool,
    pub stopping: Stopping,
    /// Percent of the points held out for validation (built-in data; imported data has its own).
    pub validation: u32,
    /// Classes of a multi-class built-in dataset.
    pub classes: usize,
    /// Neurons per hidden layer.
    pub hidden: Vec<usize>,
    /// Selected input features, in `Feature::ALL` order.
    pub features: Vec<Feature>,
    /// Seeds data generation and weight initialisation.
    pub seed: u32,
    pub show_test_data: bool,
    pub discretize: bool,
    /// Hidden controls, sorted.
    pub hidden_controls: Vec<Control>,
    /// Training on an imported CSV file instead of `dataset`.
    pub csv: Option<CsvSetup>,
    /// Training on points the user drew instead of `dataset` (`problem` follows them).
    pub drawn: Option<crate::drawn::Drawn>,
    /// How fast a playing run goes (one epoch per displayed frame by default).
    pub speed: crate::pace::Speed,
    /// The training options row starts folded.
    pub options_folded: bool,
    /// Presenter view: large type and thick lines for a projector (`present=1`).
    pub present: bool,
    /// Embed mode for a slide: the picture, Play and Reset only (`embed=1`).
    pub embed: bool,
    /// The advanced trainer's keys as the link gives them (`prune…`, `quant…`,
    /// `norm…`, `aug…`, joined by `&`): read by the advanced module
    /// (`crate::advanced`), carried unread by the page, which only switches to
    /// that module's worker when they are there.
    pub advanced: String,
    /// Light, dark, or the system's (`theme=light|dark`; absent: the system's).
    pub theme: crate::theme::Theme,
}

/// An imported file in training, as a link records it: which file (its
/// column names), how it is mapped and cleaned, the network's input count
/// after one-hot encoding, the two features of the pictures' plane, and for
/// small files the file itself.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvSetup {
    pub columns: Vec<String>,
    /// `train_percent` and `seed` come from the config (`train_ratio`, `seed`).
    pub mapping: MappingRequest,
    pub inputs: usize,
    /// Output neurons: 1 for two classes (tanh, ±1) or a number, K for K > 2 classes (softmax).
    pub outputs: usize,
    /// (x axis, y axis) feature indices.
    pub axes: (usize, usize),
    /// The other features are held at this file row's values (None: at their training mean).
    pub hold_row: Option<usize>,
    /// The file, deflated and base64url-encoded (`embed`), when it is small.
    pub data: Option<String>,
}

impl CsvSetup {
    /// The same data and mapping (the plane and the embedded copy aside).
    pub fn same_data(&self, other: &CsvSetup) -> bool {
        self.columns == other.columns
            && self.mapping == other.mapping
            && self.inputs == other.inputs
            && self.outputs == other.outputs
    }
}

/// The most network inputs an imported dataset may have (after one-hot encoding).
pub const MAX_CSV_INPUTS: usize = 512;

impl Default for Config {
    fn default() -> Self {
        Self {
            dataset: DatasetKind::Circle,
            problem: Problem::Classification,
            noise: 0,
            train_ratio: 50,
            batch_size: 10,
            learning_rate: 0.03,
            optimizer: Optimizer::Sgd,
            activation: Activation::Tanh,
            layer_activations: Vec::new(),
            output_activation: None,
            loss: None,
            init: Init::PlaygroundUniform,
            dropout: Vec::new(),
            regularization: Regularization::None,
            regularization_rate: 0.0,
            schedule: LrSchedule::default(),
            clip_norm: 0.0,
            shuffle: true,
            stopping: Stopping::default(),
            validation: 0,
            classes: crate::dataset::DEFAULT_CLASSES,
            hidden: vec![4, 2],
            features: vec![Feature::X1, Feature::X2],
            seed: 1,
            show_test_data: false,
            discretize: false,
            hidden_controls: Vec::new(),
            csv: None,
            drawn: None,
            speed: crate::pace::Speed::Frame,
            options_folded: false,
            present: false,
            embed: false,
            advanced: String::new(),
            theme: crate::theme::Theme::System,
        }
    }
}

impl Config {
    /// What is predicted: a number, or one of k classes.
    pub fn task(&self) -> Task {
        match &self.csv {
            Some(s) if s.mapping.task == Problem::Regression => Task::Regression,
            Some(s) => Task::Classes(s.outputs.max(2)),
            None if self.problem == Problem::Regression => Task::Regression,
            None => Task::Classes(
                self.drawn
                    .as_ref()
                    .map_or_else(|| self.dataset.classes(self.classes), |d| usize::from(d.classes))
                    .max(2),
            ),
        }
    }

    /// Classes of the task (0 for regression).
    pub fn classes(&self) -> usize {
        self.task().classes()
    }

    /// The output layer, loss and target coding in use.
    pub fn head(&self) -> Head {
        self.task().head(self.loss, self.output_activation)
    }

    pub fn output_activation(&self) -> Activation {
        self.head().activation
    }

    pub fn loss(&self) -> Loss {
        self.head().loss
    }

    /// Forgets a chosen loss or output activation that no longer fits the task
    /// (after the data changed), so the default takes over and the link stays clean.
    pub fn drop_unfitting_choices(&mut self) {
        let task = self.task();
        if self.loss.is_some_and(|l| !task.losses().contains(&l)) {
            self.loss = None;
        }
        let loss = self.loss();
        if self
            .output_activation
            .is_some_and(|a| !task.outputs_for(loss).contains(&a))
        {
            self.output_activation = None;
        }
    }

    /// Hidden layer l's activation.
    pub fn layer_activation(&self, l: usize) -> Activation {
        self.layer_activations.get(l).copied().unwrap_or(self.activation)
    }

    /// Every hidden layer's activation.
    pub fn hidden_activations(&self) -> Vec<Activation> {
        (0..self.hidden.len()).map(|l| self.layer_activation(l)).collect()
    }

    /// Sets one hidden layer's activation (the others keep theirs).
    pub fn set_layer_activation(&mut self, l: usize, a: Activation) {
        let mut acts = self.hidden_activations();
        if let Some(x) = acts.get_mut(l) {
            *x = a;
        }
        self.store_activations(acts);
    }

    /// The "all layers" choice: every hidden layer gets `a`.
    pub fn set_all_activations(&mut self, a: Activation) {
        self.activation = a;
        self.layer_activations.clear();
    }

    /// Keeps per-layer activations only when some layer differs from `activation`.
    fn store_activations(&mut self, acts: Vec<Activation>) {
        self.layer_activations = if acts.iter().all(|&a| a == self.activation) {
            Vec::new()
        } else {
            acts
        };
    }

    /// Hidden layer l's dropout rate.
    pub fn dropout_rate(&self, l: usize) -> f32 {
        self.dropout.get(l).copied().unwrap_or(0.0)
    }

    /// Every hidden layer's dropout rate.
    pub fn dropout_rates(&self) -> Vec<f32> {
        (0..self.hidden.len()).map(|l| self.dropout_rate(l)).collect()
    }

    pub fn set_dropout(&mut self, l: usize, rate: f32) {
        let mut rates = self.dropout_rates();
        if let Some(x) = rates.get_mut(l) {
            *x = rate.clamp(0.0, crate::dropout::MAX_RATE);
        }
        self.dropout = if rates.iter().all(|&r| r == 0.0) {
            Vec::new()
        } else {
            rates
        };
    }

    /// Hidden layer l's normalisation as the advanced keys' `norm=` list says
    /// ("batch", "layer" or "none"; the last repeats): what its select shows.
    pub fn norm_kind(&self, l: usize) -> String {
        let list = self.advanced.split('&').find_map(|p| p.strip_prefix("norm="));
        let kinds: Vec<&str> = list.unwrap_or("none").split(',').collect();
        kinds[l.min(kinds.len() - 1)].into()
    }

    /// Sets hidden layer l's normalisation in the advanced keys (no `norm=` when none).
    pub fn set_norm(&mut self, l: usize, kind: &str) {
        let mut kinds: Vec<String> = (0..self.hidden.len()).map(|k| self.norm_kind(k)).collect();
        if let Some(k) = kinds.get_mut(l) {
            *k = kind.into();
        }
        let mut pairs: Vec<String> = self
            .advanced
            .split('&')
            .filter(|p| !p.starts_with("norm="))
            .map(Into::into)
            .collect();
        if kinds.iter().any(|k| k != "none") {
            pairs.push(format!("norm={}", kinds.join(",")));
        }
        pairs.retain(|p| !p.is_empty());
        self.advanced = pairs.join("&");
    }

    /// [n_features, hidden..., 1]
    pub fn layer_sizes(&self) -> Vec<usize> {
        std::iter::once(self.csv.as_ref().map_or(self.features.len(), |s| s.inputs))
            .chain(self.hidden.iter().copied())
            .chain(std::iter::once(self.outputs()))
            .collect()
    }

    /// Output neurons of the head in use.
    pub fn outputs(&self) -> usize {
        self.head().outputs
    }

    /// Values per pixel of the output picture: K class scores for K > 2 classes, else one.
    pub fn picture_channels(&self) -> usize {
        if self.classes() > 2 {
            self.outputs()
        } else {
            1
        }
    }

    /// The step of epoch `epoch` (0-based), with the schedule's learning rate.
    pub fn step_settings(&self, epoch: u64) -> StepSettings {
        StepSettings {
            optimizer: self.optimizer,
            learning_rate: self.schedule.learning_rate(self.learning_rate, epoch),
            regularization: self.regularization,
            regularization_rate: self.regularization_rate,
            clip_norm: self.clip_norm,
        }
    }

    /// Whether going from `self` to `other` needs new data or new weights.
    /// Learning rate, batch size and regularisation continue the run; display
    /// options (test data, discretize, hidden controls) do not touch training.
    pub fn needs_reset(&self, other: &Config) -> bool {
        self.dataset != other.dataset
            || self.problem != other.problem
            || self.noise != other.noise
            || self.train_ratio != other.train_ratio
            || self.hidden_activations() != other.hidden_activations()
            || self.init != other.init
            || self.validation != other.validation
            || self.task() != other.task()
            || {
                let (a, b) = (self.head(), other.head());
                (a.outputs, a.activation, a.coding) != (b.outputs, b.activation, b.coding)
            }
            || self.hidden != other.hidden
            || self.features != other.features
            || self.seed != other.seed
            || self.drawn != other.drawn
            || match (&self.csv, &other.csv) {
                (Some(a), Some(b)) => !a.same_data(b),
                (a, b) => a.is_some() != b.is_some(),
            }
    }

    /// A hint when the learning rate is far (10× or more) from what the optimizer
    /// usually wants, e.g. Adam kept at SGD's 0.03.
    pub fn learning_rate_hint(&self) -> Option<String> {
        let want = self.optimizer.suggested_learning_rate();
        let ratio = self.learning_rate / want;
        (!(0.1..10.0).contains(&ratio)).then(|| {
            crate::t!(
                "lr-hint",
                opt = crate::i18n::keyed("opt", self.optimizer.key()),
                want = want.to_string(),
                ratio = crate::page::fmt_plain(ratio)
            )
        })
    }

    pub fn is_hidden(&self, c: Control) -> bool {
        self.hidden_controls.contains(&c)
    }

    pub fn set_hidden(&mut self, c: Control, hide: bool) {
        // Kept in `Control::ALL` order (which is the enum's order, so sorted).
        let mut hidden: Vec<Control> = Control::ALL
            .into_iter()
            .filter(|&x| {
                if x == c {
                    hide
                } else {
                    self.hidden_controls.contains(&x)
                }
            })
            .collect();
        std::mem::swap(&mut self.hidden_controls, &mut hidden);
    }

    /// Adds a hidden layer (2 neurons, as the Playground) up to `MAX_HIDDEN_LAYERS`.
    pub fn add_layer(&mut self) -> bool {
        if self.hidden.len() >= MAX_HIDDEN_LAYERS {
            return false;
        }
        let (acts, rates) = (self.hidden_activations(), self.dropout_rates());
        self.hidden.push(2);
        self.store_activations(acts.into_iter().chain([self.activation]).collect());
        if !self.dropout.is_empty() {
            self.dropout = rates.into_iter().chain([0.0]).collect();
        }
        true
    }

    pub fn remove_layer(&mut self) -> bool {
        let (mut acts, mut rates) = (self.hidden_activations(), self.dropout_rates());
        let removed = self.hidden.pop().is_some();
        acts.truncate(self.hidden.len());
        rates.truncate(self.hidden.len());
        self.store_activations(acts);
        self.dropout = if rates.iter().all(|&r| r == 0.0) {
            Vec::new()
        } else {
            rates
        };
        removed
    }

    /// Adds (`delta` = 1) or removes (−1) a neuron of hidden layer `layer`, within 1 ..= MAX_NEURONS.
    pub fn change_neurons(&mut self, layer: usize, delta: i32) -> bool {
        match self.hidden.get_mut(layer) {
            Some(n) => {
                let new = (*n as i32 + delta).clamp(1, MAX_NEURONS as i32) as usize;
                let changed = new != *n;
                *n = new;
                changed
            }
            None => false,
        }
    }

    /// Toggles a feature, keeping at least one selected and `Feature::ALL` order.
    pub fn toggle_feature(&mut self, f: Feature) -> bool {
        if self.features.contains(&f) {
            if self.features.len() == 1 {
                return false;
            }
            self.features.retain(|&x| x != f);
        } else {
            self.features.push(f);
            self.features = Feature::in_order(&self.features);
        }
        true
    }

    /// Switches the problem type, choosing that problem's default dataset.
    pub fn set_problem(&mut self, p: Problem) {
        if self.problem != p && self.csv.is_none() {
            self.set_dataset(p.default_dataset());
        }
    }

    /// Chooses a dataset; the problem type follows it.
    pub fn set_dataset(&mut self, d: DatasetKind) {
        self.dataset = d;
        self.problem = d.problem();
        self.csv = None;
        self.drawn = None;
    }

    /// The points of a built-in or drawn dataset, shuffled, before the split.
    pub fn points(&self) -> Vec<crate::dataset::Point> {
        match &self.drawn {
            Some(d) => d.shuffled(self.seed),
            None => self.dataset.generate_k(self.noise, self.seed, self.classes),
        }
    }
}

#[cfg(test)]
mod tests;
