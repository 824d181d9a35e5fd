//! The settings a search can vary, what values each accepts, and how a value
//! changes a setup. Values are written as a user types them: a list
//! (`0.003, 0.01, 0.1`; `tanh, relu`; shapes `4 | 8,8 | 8,8,8`) or a range
//! (`0.001 .. 0.1`, `1 .. 4`), and travel in links as `s_<key>=<text>`.

use crate::activation::Activation;
use crate::config::{Config, LEARNING_RATE_RANGE, MAX_BATCH, MAX_HIDDEN_LAYERS, MAX_NEURONS, REG_RATE_MAX};
use crate::features::Feature;
use crate::init::Init;
use crate::optimizer::Optimizer;
use crate::regularization::Regularization;
use crate::schedule::{LrSchedule, Schedule};

/// A setting a search can vary, named as its control on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Setting {
    LearningRate,
    BatchSize,
    HiddenLayers,
    Neurons,
    /// Whole hidden-layer shapes (`4 | 8,8`): the other two network settings in one.
    Shape,
    Activation,
    Optimizer,
    Regularization,
    RegularizationRate,
    Dropout,
    Init,
    Features,
    Schedule,
}

/// What a setting's values are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Numbers in lo ..= hi; whole numbers when `int`; a range of them is searched on a log scale when `log`.
    Number { lo: f64, hi: f64, int: bool, log: bool },
    /// Keys of one of the setting's choices.
    Keys(&'static [&'static str]),
    /// Hidden-layer shapes.
    Shapes,
}

/// A setting's parsed values.
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    Numbers(Vec<f64>),
    /// lo ..= hi.
    Range(f64, f64),
    Keys(Vec<&'static str>),
    Shapes(Vec<Vec<usize>>),
}

const ACTIVATIONS: [&str; 8] = ["relu", "tanh", "sigmoid", "linear", "leaky", "elu", "gelu", "softplus"];
const INITS: [&str; 6] = [
    "playground",
    "glorot_uniform",
    "glorot_normal",
    "he_uniform",
    "he_normal",
    "zeros",
];
const REGULARIZATIONS: [&str; 4] = ["none", "l1", "l2", "elastic"];
const FEATURES: [&str; 7] = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"];

impl Setting {
    pub const ALL: [Setting; 13] = [
        Self::LearningRate,
        Self::BatchSize,
        Self::HiddenLayers,
        Self::Neurons,
        Self::Shape,
        Self::Activation,
        Self::Optimizer,
        Self::Regularization,
        Self::RegularizationRate,
        Self::Dropout,
        Self::Init,
        Self::Features,
        Self::Schedule,
    ];

    /// The link key: `s_<key>=<values>`.
    pub fn key(self) -> &'static str {
        match self {
            Self::LearningRate => "lr",
            Self::BatchSize => "batch",
            Self::HiddenLayers => "layers",
            Self::Neurons => "neurons",
            Self::Shape => "net",
            Self::Activation => "act",
            Self::Optimizer => "opt",
            Self::Regularization => "reg",
            Self::RegularizationRate => "rr",
            Self::Dropout => "drop",
            Self::Init => "init",
            Self::Features => "in",
            Self::Schedule => "sched",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The name of its control on the page (and of its checkbox in the search panel).
    pub fn label(self) -> String {
        crate::i18n::keyed("setting", self.key())
    }

    pub fn kind(self) -> Kind {
        let number = |lo: f64, hi: f64, int, log| Kind::Number { lo, hi, int, log };
        match self {
            Self::LearningRate => number(
                f64::from(LEARNING_RATE_RANGE.0),
                f64::from(LEARNING_RATE_RANGE.1),
                false,
                true,
            ),
            Self::BatchSize => number(1.0, f64::from(MAX_BATCH), true, true),
            Self::HiddenLayers => number(0.0, MAX_HIDDEN_LAYERS as f64, true, false),
            Self::Neurons => number(1.0, MAX_NEURONS as f64, true, false),
            Self::RegularizationRate => number(0.0, f64::from(REG_RATE_MAX), false, true),
            Self::Dropout => number(0.0, 0.9, false, false),
            Self::Shape => Kind::Shapes,
            Self::Activation => Kind::Keys(&ACTIVATIONS),
            Self::Optimizer => Kind::Keys(&Optimizer::KEYS),
            Self::Regularization => Kind::Keys(&REGULARIZATIONS),
            Self::Init => Kind::Keys(&INITS),
            Self::Features => Kind::Keys(&FEATURES),
            Self::Schedule => Kind::Keys(&Schedule::KEYS),
        }
    }

    /// The values a newly ticked setting starts with (the course's example: a
    /// grid over learning rate × batch size × dropout).
    pub fn default_text(self) -> &'static str {
        match self {
            Self::LearningRate => "0.003, 0.01, 0.03, 0.1",
            Self::BatchSize => "1, 10, 30",
            Self::HiddenLayers => "1 .. 3",
            Self::Neurons => "2 .. 8",
            Self::Shape => "4 | 8,8 | 8,8,8",
            Self::Activation => "tanh, relu, sigmoid",
            Self::Optimizer => "sgd, momentum, adam",
            Self::Regularization => "none, l1, l2",
            Self::RegularizationRate => "0.0001 .. 0.1",
            Self::Dropout => "0, 0.1, 0.3",
            Self::Init => "playground, glorot_uniform, he_uniform",
            Self::Features => "x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2",
            Self::Schedule => "constant, step, cosine",
        }
    }

    /// Reads a values text; the error says what is wrong in the user's words.
    pub fn parse(self, text: &str) -> Result<Values, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err(crate::t!("bad-no-value"));
        }
        match self.kind() {
            Kind::Number { lo, hi, int, log } => {
                let read = |s: &str| -> Result<f64, String> {
                    let s = s.trim();
                    let v: f64 = s.parse().map_err(|_| crate::t!("bad-not-number", s = s))?;
                    if !(lo..=hi).contains(&v) || !v.is_finite() {
                        return Err(crate::t!(
                            "bad-outside",
                            s = s,
                            lo = lo.to_string(),
                            hi = hi.to_string()
                        ));
                    }
                    if int && v.fract() != 0.0 {
                        return Err(crate::t!("bad-not-whole", s = s));
                    }
                    Ok(v)
                };
                if let Some((a, b)) = text.split_once("..") {
                    let (a, b) = (read(a)?, read(b.trim_start_matches('.'))?);
                    if a >= b {
                        return Err(crate::t!("bad-min-max", a = a.to_string(), b = b.to_string()));
                    }
                    if log && a <= 0.0 {
                        return Err(crate::t!("bad-log-range", a = a.to_string()));
                    }
                    return Ok(Values::Range(a, b));
                }
                let mut v = Vec::new();
                for part in text.split(',') {
                    let x = read(part)?;
                    if !v.contains(&x) {
                        v.push(x);
                    }
                }
                Ok(Values::Numbers(v))
            }
            Kind::Keys(all) => {
                let mut v = Vec::new();
                for part in text.split(',') {
                    let part = part.trim();
                    let key = all
                        .iter()
                        .find(|k| k.eq_ignore_ascii_case(part))
                        .ok_or_else(|| crate::t!("bad-not-one-of", part = part, all = all.join(", ")))?;
                    if !v.contains(key) {
                        v.push(*key);
                    }
                }
                Ok(Values::Keys(v))
            }
            Kind::Shapes => {
                let mut v = Vec::new();
                for part in text.split('|') {
                    let shape = parse_shape(part.trim())?;
                    if !v.contains(&shape) {
                        v.push(shape);
                    }
                }
                Ok(Values::Shapes(v))
            }
        }
    }

    /// Sets this setting to `value` in `c`. `value` is a number, a key or a shape
    /// as `Values` holds them; shapes and layer counts are applied by `apply_network`.
    pub fn apply(self, c: &mut Config, value: &Value) {
        match (self, value) {
            (Self::LearningRate, Value::Number(v)) => c.learning_rate = *v as f32,
            (Self::BatchSize, Value::Number(v)) => c.batch_size = *v as u32,
            (Self::RegularizationRate, Value::Number(v)) => c.regularization_rate = *v as f32,
            (Self::Dropout, Value::Number(v)) => c.dropout = vec![*v as f32; c.hidden.len()],
            (Self::Activation, Value::Key(k)) => {
                if let Some(a) = Activation::from_key(k) {
                    c.set_all_activations(a);
                }
            }
            (Self::Optimizer, Value::Key(k)) => {
                if let Some(o) = Optimizer::from_key(k) {
                    c.optimizer = o;
                }
            }
            (Self::Regularization, Value::Key(k)) => {
                if let Some(r) = Regularization::from_key(k) {
                    c.regularization = r;
                }
            }
            (Self::Init, Value::Key(k)) => {
                if let Some(i) = Init::from_key(k) {
                    c.init = i;
                }
            }
            (Self::Schedule, Value::Key(k)) => {
                if let Some(s) = LrSchedule::from_key(k) {
                    c.schedule = s;
                }
            }
            (Self::Shape, Value::Shape(s)) => c.hidden = s.clone(),
            _ => {}
        }
    }
}

/// One setting's value in one trial.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Key(&'static str),
    Shape(Vec<usize>),
    /// The input features switched on (of those listed).
    Features(Vec<&'static str>),
}

impl Value {
    /// As the results table and the CSV download show it.
    pub fn text(&self) -> String {
        match self {
            Self::Number(v) => crate::page::fmt_plain(*v as f32),
            Self::Key(k) => (*k).to_string(),
            Self::Shape(s) => s.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(","),
            Self::Features(f) => f.join(" "),
        }
    }
}

/// The input features a trial switches on: `on` of the listed `keys`, the others as in `c`.
pub fn apply_features(c: &mut Config, listed: &[&'static str], on: &[&'static str]) {
    let mut feats: Vec<Feature> = c
        .features
        .iter()
        .copied()
        .filter(|f| !listed.contains(&f.key()))
        .collect();
    feats.extend(on.iter().filter_map(|k| Feature::from_key(k)));
    c.features = Feature::in_order(&feats);
}

/// The hidden layers of a trial that varies their count and/or width: `layers`
/// layers (default: as many as the base), each `neurons` wide (default: the
/// base's widths, new layers as wide as the last one, or 4).
pub fn apply_network(c: &mut Config, layers: Option<usize>, neurons: Option<usize>) {
    if layers.is_none() && neurons.is_none() {
        return;
    }
    let n = layers.unwrap_or(c.hidden.len());
    let last = c.hidden.last().copied().unwrap_or(4);
    let mut hidden: Vec<usize> = (0..n).map(|l| c.hidden.get(l).copied().unwrap_or(last)).collect();
    if let Some(w) = neurons {
        hidden.iter_mut().for_each(|h| *h = w);
    }
    c.hidden = hidden;
}

/// A hidden-layer shape such as `8,8`: 1 to `MAX_HIDDEN_LAYERS` widths of 1 to `MAX_NEURONS`.
fn parse_shape(s: &str) -> Result<Vec<usize>, String> {
    let widths: Vec<usize> = s
        .split(',')
        .map(|w| w.trim().parse::<usize>().ok().filter(|n| (1..=MAX_NEURONS).contains(n)))
        .collect::<Option<_>>()
        .ok_or_else(|| crate::t!("bad-shape", s = s, max = MAX_NEURONS.to_string()))?;
    if widths.len() > MAX_HIDDEN_LAYERS {
        return Err(crate::t!(
            "bad-shape-layers",
            s = s,
            n = widths.len().to_string(),
            max = MAX_HIDDEN_LAYERS.to_string()
        ));
    }
    Ok(widths)
}
