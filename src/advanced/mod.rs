//! The advanced trainer (issue 17): pruning, quantisation, normalisation
//! layers and data augmentation, set by the link's `prune…`, `quant…`,
//! `norm…` and `aug…` keys.
//!
//! The page carries these keys unread (`Config::advanced`) and, when a link
//! has them, trains in the advanced module's worker (`src/bin/advanced`),
//! whose trainer has `Advanced` (`extras.rs`) installed: the page's own
//! download does not carry this code. Here: which keys are ours, what they
//! mean, and their canonical form (the panel writes links with `encode`).
//!
//! | key | values | default |
//! |---|---|---|
//! | `prune` | percent of the weights removed, 0 ..= 99 (0: off) | off |
//! | `prune-by` | `global` (smallest \|w\| in the network), `layer` (in each layer), `neuron` (whole hidden neurons by the L2 norm of their incoming weights) | `global` |
//! | `prune-from`, `prune-to` | epochs: nothing is removed before `prune-from`; the share grows as Zhu & Gupta's cubic to `prune` at `prune-to` (equal: all at once) | 0, `prune-from` |
//! | `quant` | bits of the weights: 8, 4, 2 or 1 (binary); 32: off | off |
//! | `quant-scheme` | `sym` or `affine` | `sym` |
//! | `quant-per` | `tensor` or `neuron` (one scale per output neuron) | `tensor` |
//! | `quant-train` | 1: quantisation-aware training (straight-through estimator) | 0 |
//! | `quant-act` | 1: the hidden layers' outputs in as many bits, over ranges calibrated on the data | 0 |
//! | `aug` | comma list of `jitter`, `rotate`, `flip`, `mixup` (imported files: jitter and mixup; rotate and flip only with two features) | none |
//! | `aug-jitter` | σ of the jitter, 0.01 ..= 3 (imported files: in standardised units) | 0.5 |
//! | `aug-rotate` | largest rotation in degrees, 1 ..= 180 | 30 |
//! | `aug-mixup` | α of mixup's Beta(α, α), 0.05 ..= 4 | 0.4 |
//! | `norm` | `batch`, `layer` or `none`, or a comma list of them per hidden layer (the last repeats) | none |
//! | `norm-at` | `before` or `after` the nonlinearity | `before` |

pub mod dots;
pub mod extras;
pub mod normed;
pub mod shown;
pub mod summary;
#[cfg(test)]
mod tests;

use crate::augment::Augment;
use crate::norm::Kind;
use crate::quantize::{Granularity, Quant, Scheme};
use normed::Normalizing;

/// The key families of the advanced trainer.
const FAMILIES: [&str; 4] = ["prune", "quant", "norm", "aug"];

/// Whether link key `k` belongs to the advanced trainer: a family's name,
/// alone or followed by `-…`.
pub fn is_key(k: &str) -> bool {
    FAMILIES.iter().any(|f| {
        k.strip_prefix(f)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
    })
}

/// How pruning picks what to remove.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// The smallest |w| over the whole network.
    Global,
    /// The smallest |w| within each layer.
    PerLayer,
    /// Whole hidden neurons, by the L2 norm of their incoming weights.
    Neurons,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Global, Method::PerLayer, Method::Neurons];
    pub fn key(self) -> &'static str {
        match self {
            Method::Global => "global",
            Method::PerLayer => "layer",
            Method::Neurons => "neuron",
        }
    }
}

/// Pruning: `percent` of the weights (or of the hidden neurons) removed,
/// growing from epoch `from` to epoch `to`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pruning {
    pub percent: f32,
    pub method: Method,
    pub from: u64,
    pub to: u64,
}

impl Pruning {
    /// The share removed at epoch `epoch` (0 before `from`; Zhu & Gupta's
    /// s_t = s_f (1 − (1 − (t − t₀)/(t₁ − t₀))³) between; s_f from `to` on).
    pub fn sparsity_at(&self, epoch: u64) -> f32 {
        if epoch < self.from {
            return 0.0;
        }
        crate::prune::gradual(epoch, self.from, self.to, 0.0, self.percent / 100.0)
    }
}

/// Quantisation of the weights; `train`: quantisation-aware training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantizing {
    pub quant: Quant,
    pub train: bool,
    /// The hidden layers' outputs too (ranges calibrated on the data).
    pub acts: bool,
}

/// The advanced trainer's settings; the default is all off.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    pub prune: Option<Pruning>,
    pub quant: Option<Quantizing>,
    pub norm: Option<Normalizing>,
    pub augment: Augment,
}

/// A key of the advanced trainer that could not be used, and why; it is left
/// at its default.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingError {
    NotANumber {
        key: String,
        value: String,
    },
    OutOfRange {
        key: String,
        value: f64,
        lo: f64,
        hi: f64,
    },
    NotOneOf {
        key: String,
        value: String,
        all: &'static str,
    },
    Unknown {
        key: String,
    },
    ToBeforeFrom {
        from: u64,
        to: u64,
    },
    /// `aug=rotate` or `flip` on imported data of `inputs` features: they turn a plane of two.
    PlaneOnly {
        inputs: usize,
    },
}

impl std::fmt::Display for SettingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingError::NotANumber { key, value } => write!(f, "{key}={value}: not a number; ignored"),
            SettingError::OutOfRange { key, value, lo, hi } => {
                write!(f, "{key}={value}: outside {lo} … {hi}; ignored")
            }
            SettingError::NotOneOf { key, value, all } => write!(f, "{key}={value}: expected one of {all}; ignored"),
            SettingError::Unknown { key } => write!(f, "{key}: unknown key; ignored"),
            SettingError::ToBeforeFrom { from, to } => {
                write!(
                    f,
                    "prune-to={to} is before prune-from={from}; pruning all at epoch {from}"
                )
            }
            SettingError::PlaneOnly { inputs } => write!(
                f,
                "aug: rotate and flip turn the plane of two features; this file has {inputs}, so they are left out (jitter and mixup apply)"
            ),
        }
    }
}

/// A number in [lo, hi] or the error saying why not.
fn ranged(key: &str, value: &str, lo: f64, hi: f64) -> Result<f64, SettingError> {
    let x: f64 = value.trim().parse().map_err(|_| SettingError::NotANumber {
        key: key.into(),
        value: value.into(),
    })?;
    if !(lo..=hi).contains(&x) {
        return Err(SettingError::OutOfRange {
            key: key.into(),
            value: x,
            lo,
            hi,
        });
    }
    Ok(x)
}

fn one_of<T: Copy>(key: &str, value: &str, options: &[(&str, T)], all: &'static str) -> Result<T, SettingError> {
    options
        .iter()
        .find(|(k, _)| *k == value)
        .map(|&(_, t)| t)
        .ok_or_else(|| SettingError::NotOneOf {
            key: key.into(),
            value: value.into(),
            all,
        })
}

/// The raw values of the keys, before they are combined.
#[derive(Default)]
struct Raw {
    percent: f32,
    method: Option<Method>,
    from: Option<u64>,
    to: Option<u64>,
    bits: Option<u8>,
    scheme: Option<Scheme>,
    per: Option<Granularity>,
    train: bool,
    acts: bool,
    aug: Vec<&'static str>,
    jitter: Option<f32>,
    rotate: Option<f32>,
    mixup: Option<f32>,
    norm: Vec<Option<Kind>>,
    norm_after: bool,
}

const AUGMENTS: [&str; 4] = ["jitter", "rotate", "flip", "mixup"];

fn read_key(raw: &mut Raw, k: &str, v: &str) -> Result<(), SettingError> {
    let epoch = |v: &str| ranged(k, v, 0.0, 1e9).map(|x| x.round() as u64);
    match k {
        "prune" => raw.percent = ranged(k, v, 0.0, 99.0)? as f32,
        "prune-by" => {
            let methods = [
                ("global", Method::Global),
                ("layer", Method::PerLayer),
                ("neuron", Method::Neurons),
            ];
            raw.method = Some(one_of(k, v, &methods, "global, layer, neuron")?)
        }
        "prune-from" => raw.from = Some(epoch(v)?),
        "prune-to" => raw.to = Some(epoch(v)?),
        "quant" => {
            let bits = [("32", 32), ("8", 8), ("4", 4), ("2", 2), ("1", 1)];
            raw.bits = Some(one_of(k, v, &bits, "32 (off), 8, 4, 2, 1")?)
        }
        "quant-scheme" => {
            let schemes = [("sym", Scheme::Symmetric), ("affine", Scheme::Affine)];
            raw.scheme = Some(one_of(k, v, &schemes, "sym, affine")?)
        }
        "quant-per" => {
            let per = [("tensor", Granularity::PerTensor), ("neuron", Granularity::PerNeuron)];
            raw.per = Some(one_of(k, v, &per, "tensor, neuron")?)
        }
        "quant-train" => raw.train = one_of(k, v, &[("1", true), ("0", false)], "1, 0")?,
        "quant-act" => raw.acts = one_of(k, v, &[("1", true), ("0", false)], "1, 0")?,
        "aug" => {
            for word in v.split(',').filter(|w| !w.is_empty()) {
                let options = AUGMENTS.map(|a| (a, a));
                let a = one_of(k, word, &options, "jitter, rotate, flip, mixup")?;
                if !raw.aug.contains(&a) {
                    raw.aug.push(a);
                }
            }
        }
        "aug-jitter" => raw.jitter = Some(ranged(k, v, 0.01, 3.0)? as f32),
        "aug-rotate" => raw.rotate = Some(ranged(k, v, 1.0, 180.0)? as f32),
        "aug-mixup" => raw.mixup = Some(ranged(k, v, 0.05, 4.0)? as f32),
        "norm" => {
            let kinds = [
                ("batch", Some(Kind::Batch)),
                ("layer", Some(Kind::Layer)),
                ("none", None),
            ];
            raw.norm = v
                .split(',')
                .map(|w| one_of(k, w, &kinds, "batch, layer, none"))
                .collect::<Result<_, _>>()?
        }
        "norm-at" => raw.norm_after = one_of(k, v, &[("before", false), ("after", true)], "before, after")?,
        _ => return Err(SettingError::Unknown { key: k.into() }),
    }
    Ok(())
}

/// Reads `Config::advanced` (`k=v` pairs joined by `&`): the settings, with
/// every key that could not be used left at its default and said why.
pub fn parse(advanced: &str) -> (Settings, Vec<SettingError>) {
    let mut raw = Raw::default();
    let mut errors = Vec::new();
    for pair in advanced.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if let Err(e) = read_key(&mut raw, k, v) {
            errors.push(e);
        }
    }
    let from = raw.from.unwrap_or(0);
    let mut to = raw.to.unwrap_or(from);
    if to < from {
        errors.push(SettingError::ToBeforeFrom { from, to });
        to = from;
    }
    let prune = (raw.percent > 0.0).then_some(Pruning {
        percent: raw.percent,
        method: raw.method.unwrap_or(Method::Global),
        from,
        to,
    });
    let quant = raw.bits.filter(|&b| b < 32).map(|bits| Quantizing {
        quant: Quant {
            bits,
            scheme: raw.scheme.unwrap_or(Scheme::Symmetric),
            granularity: raw.per.unwrap_or(Granularity::PerTensor),
        },
        train: raw.train,
        acts: raw.acts,
    });
    let on = |a: &str| raw.aug.contains(&a);
    let augment = Augment {
        jitter: if on("jitter") { raw.jitter.unwrap_or(0.5) } else { 0.0 },
        rotate: if on("rotate") { raw.rotate.unwrap_or(30.0) } else { 0.0 },
        flip: on("flip"),
        mixup: if on("mixup") { raw.mixup.unwrap_or(0.4) } else { 0.0 },
    };
    let norm = raw.norm.iter().any(Option::is_some).then_some(Normalizing {
        kinds: raw.norm,
        after: raw.norm_after,
    });
    let settings = Settings {
        prune,
        quant,
        norm,
        augment,
    };
    (settings, errors)
}

/// The canonical keys of `s` (what `parse` reads back to `s`), defaults left out.
pub fn encode(s: &Settings) -> String {
    let mut out: Vec<String> = Vec::new();
    if let Some(p) = s.prune {
        out.push(format!("prune={}", p.percent));
        if p.method != Method::Global {
            out.push(format!("prune-by={}", p.method.key()));
        }
        if p.from != 0 {
            out.push(format!("prune-from={}", p.from));
        }
        if p.to != p.from {
            out.push(format!("prune-to={}", p.to));
        }
    }
    if let Some(q) = s.quant {
        out.push(format!("quant={}", q.quant.bits));
        if q.quant.scheme == Scheme::Affine {
            out.push("quant-scheme=affine".into());
        }
        if q.quant.granularity == Granularity::PerNeuron {
            out.push("quant-per=neuron".into());
        }
        if q.train {
            out.push("quant-train=1".into());
        }
        if q.acts {
            out.push("quant-act=1".into());
        }
    }
    if let Some(n) = &s.norm {
        let key = |k: &Option<Kind>| match k {
            Some(Kind::Batch) => "batch",
            Some(Kind::Layer) => "layer",
            None => "none",
        };
        out.push(format!(
            "norm={}",
            n.kinds.iter().map(key).collect::<Vec<_>>().join(",")
        ));
        if n.after {
            out.push("norm-at=after".into());
        }
    }
    let a = s.augment;
    let list: Vec<&str> = [a.jitter > 0.0, a.rotate > 0.0, a.flip, a.mixup > 0.0]
        .iter()
        .zip(AUGMENTS)
        .filter(|(on, _)| **on)
        .map(|(_, name)| name)
        .collect();
    if !list.is_empty() {
        out.push(format!("aug={}", list.join(",")));
    }
    for (value, default, key) in [
        (a.jitter, 0.5, "jitter"),
        (a.rotate, 30.0, "rotate"),
        (a.mixup, 0.4, "mixup"),
    ] {
        if value > 0.0 && value != default {
            out.push(format!("aug-{key}={value}"));
        }
    }
    out.join("&")
}
