//! The setup as a URL hash with short readable keys, and back.
//!
//! `data=circle&problem=classification&noise=0&train=50&batch=10&lr=0.03&act=tanh&reg=none&rr=0&net=4,2&in=x1,x2&seed=1&test=0&disc=0`
//! plus `<key>_hide=1` for every hidden control (`text_hide=1` hides the explanations).
//!
//! Decoding never fails: a bad, unknown or out-of-range value keeps the
//! default (or is clamped) and produces a `UrlWarning` saying which key and why.

use crate::activation::Activation;
use crate::config::*;
use crate::dataset::{DatasetKind, Problem};
use crate::features::Feature;
use crate::optimizer::Optimizer;
use crate::regularization::Regularization;

mod csv;
mod drawn;
pub mod tfp;
mod training;
mod view;

/// At most this many warnings are listed; the rest are counted.
pub const MAX_WARNINGS: usize = 12;
/// Longer hashes are read only up to here, so a hostile link cannot hang the page.
pub const MAX_HASH_BYTES: usize = 16 * 1024;

use crate::config::limits::clip;
/// A key of a link that was ignored or changed to fit, and why.
pub use crate::config::Warning as UrlWarning;

#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub config: Config,
    pub warnings: Vec<UrlWarning>,
    /// Warnings beyond `MAX_WARNINGS`, counted but not listed.
    pub more_warnings: usize,
    /// Whether the link named a seed (if not, the page picks one and writes it back).
    pub has_seed: bool,
}

fn fmt_f32(v: f32) -> String {
    format!("{v}")
}

/// The hash (without '#') for a config; keys in a fixed order so links are stable.
pub fn encode(c: &Config) -> String {
    let net: Vec<String> = c.hidden.iter().map(|n| n.to_string()).collect();
    let feats: Vec<&str> = c.features.iter().map(|f| f.key()).collect();
    let data = match (&c.csv, &c.drawn) {
        (Some(_), _) => "csv",
        (None, Some(_)) => "drawn",
        _ => c.dataset.key(),
    };
    let mut s = format!(
        "data={}&problem={}&noise={}&train={}&batch={}&lr={}&act={}&reg={}&rr={}&net={}&in={}&seed={}&test={}&disc={}",
        data,
        c.problem.key(),
        c.noise,
        c.train_ratio,
        c.batch_size,
        fmt_f32(c.learning_rate),
        c.activation.key(),
        c.regularization.key(),
        fmt_f32(c.regularization_rate),
        net.join(","),
        feats.join(","),
        c.seed,
        u8::from(c.show_test_data),
        u8::from(c.discretize),
    );
    if c.optimizer != Optimizer::Sgd {
        s.push_str(&format!("&opt={}", c.optimizer.key()));
        for (k, v) in c.optimizer.params() {
            s.push_str(&format!("&{k}={}", fmt_f32(v)));
        }
    }
    csv::encode(c, &mut s);
    drawn::encode(c, &mut s);
    training::encode(c, &mut s);
    view::encode(c, &mut s);
    if !c.advanced.is_empty() {
        s.push('&');
        s.push_str(&c.advanced);
    }
    for h in &c.hidden_controls {
        s.push_str(&format!("&{}_hide=1", h.key()));
    }
    s
}

struct Warnings {
    list: Vec<UrlWarning>,
    more: usize,
}

impl Warnings {
    fn push(&mut self, key: &str, value: &str, reason: impl Into<String>) {
        self.add(UrlWarning {
            key: key.to_string(),
            value: value.to_string(),
            reason: reason.into(),
        });
    }

    fn add(&mut self, warning: UrlWarning) {
        if self.list.len() < MAX_WARNINGS {
            self.list.push(warning);
        } else {
            self.more += 1;
        }
    }

    /// The decoded setup, checked against the limits like every other source of a setup.
    fn finish(mut self, c: Config, has_seed: bool) -> Decoded {
        let (config, adjusted) = c.validate();
        for warning in adjusted {
            self.add(warning);
        }
        Decoded {
            config,
            warnings: self.list,
            more_warnings: self.more,
            has_seed,
        }
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

fn parse_f32(v: &str) -> Option<f32> {
    v.trim().parse::<f32>().ok().filter(|x| x.is_finite())
}

/// Integer in [lo, hi]; out-of-range values are clamped with a warning.
fn parse_ranged(key: &str, v: &str, lo: u32, hi: u32, default: u32, w: &mut Warnings) -> u32 {
    match v.trim().parse::<i64>() {
        Ok(n) if n < i64::from(lo) || n > i64::from(hi) => {
            let c = n.clamp(i64::from(lo), i64::from(hi)) as u32;
            w.push(key, v, crate::config::limits::outside(lo, hi, c));
            c
        }
        Ok(n) => n as u32,
        Err(_) => {
            w.push(key, v, crate::t!("w-not-a", default = default.to_string()));
            default
        }
    }
}

pub fn decode(hash: &str) -> Decoded {
    let d = Config::default();
    let mut c = Config::default();
    let mut w = Warnings {
        list: Vec::new(),
        more: 0,
    };
    let mut has_seed = false;
    let mut problem_given: Option<(Problem, String)> = None;
    let mut csv_keys = csv::Keys::default();
    let mut drawn_keys = drawn::Keys::default();
    let mut optimizer_params: Vec<(String, String)> = Vec::new();
    let mut deferred = training::Deferred::default();

    let mut hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.len() > MAX_HASH_BYTES {
        let mut end = MAX_HASH_BYTES;
        while !hash.is_char_boundary(end) {
            end -= 1;
        }
        w.push(
            "(link)",
            "",
            crate::t!("w-longer-than", max_hash_bytes = MAX_HASH_BYTES.to_string()),
        );
        hash = &hash[..end];
    }

    for (key, value) in form_urlencoded::parse(hash.as_bytes()) {
        let (k, v) = (key.as_ref(), value.as_ref());
        if let Some(ctrl) = k.strip_suffix("_hide") {
            match (Control::from_key(ctrl), parse_bool(v)) {
                (Some(control), Some(hide)) => c.set_hidden(control, hide),
                (None, _) => w.push(k, v, crate::t!("w-no-such")),
                (_, None) => w.push(k, v, crate::t!("w-expected-1")),
            }
            continue;
        }
        if crate::search::panel::is_search_key(k) || k == "lang" || k == crate::lesson::KEY {
            continue; // the search panel's part of the link (`search::panel`), the page's language (`i18n`), the lesson (`lesson`)
        }
        if crate::advanced::is_key(k) {
            // Carried as given for the advanced module, which reads and checks them;
            // a value that would change the link's shape is left out.
            if v.bytes().all(|b| b.is_ascii_alphanumeric() || b".,_-".contains(&b)) && c.advanced.len() < 256 {
                let sep = if c.advanced.is_empty() { "" } else { "&" };
                c.advanced = format!("{}{sep}{k}={v}", c.advanced);
            } else {
                w.push(k, v, crate::t!("w-advanced"));
            }
            continue;
        }
        if training::decode_key(k, v, &mut c, &mut deferred, &mut w)
            || csv::decode_key(k, v, &mut csv_keys, &mut w)
            || drawn::decode_key(k, v, &mut drawn_keys)
            || view::decode_key(k, v, &mut c, &mut w)
        {
            continue;
        }
        match k {
            "opt" => match Optimizer::from_key(v) {
                Some(o) => c.optimizer = o,
                None => w.push(
                    k,
                    v,
                    crate::t!("w-one-of", all = Optimizer::KEYS.join(", "), default = "sgd"),
                ),
            },
            "mom" | "b1" | "b2" | "eps" | "rho" | "wd" => optimizer_params.push((k.to_string(), v.to_string())),
            "data" => match DatasetKind::from_key(v) {
                Some(ds) => c.set_dataset(ds),
                None => w.push(k, v, crate::t!("w-unknown-dataset", default = d.dataset.key())),
            },
            "problem" => match Problem::from_key(v) {
                Some(p) => problem_given = Some((p, v.to_string())),
                None => w.push(k, v, crate::t!("w-expected-classification")),
            },
            "noise" => c.noise = parse_ranged(k, v, NOISE_RANGE.0, NOISE_RANGE.1, d.noise, &mut w),
            "train" => {
                c.train_ratio = parse_ranged(k, v, TRAIN_RATIO_RANGE.0, TRAIN_RATIO_RANGE.1, d.train_ratio, &mut w)
            }
            "batch" => c.batch_size = parse_ranged(k, v, 1, MAX_BATCH, d.batch_size, &mut w),
            "lr" => match parse_f32(v) {
                Some(x) if (LEARNING_RATE_RANGE.0..=LEARNING_RATE_RANGE.1).contains(&x) => c.learning_rate = x,
                Some(_) => w.push(
                    k,
                    v,
                    crate::t!(
                        "w-lr-range",
                        lo = LEARNING_RATE_RANGE.0.to_string(),
                        hi = LEARNING_RATE_RANGE.1.to_string(),
                        default = d.learning_rate.to_string()
                    ),
                ),
                None => w.push(k, v, crate::t!("w-not-a-number", default = d.learning_rate.to_string())),
            },
            "rr" => match parse_f32(v) {
                Some(x) if (0.0..=REG_RATE_MAX).contains(&x) => c.regularization_rate = x,
                Some(_) => w.push(k, v, crate::t!("w-must-be", reg_rate_max = REG_RATE_MAX.to_string())),
                None => w.push(k, v, crate::t!("w-not-a-number-using")),
            },
            "act" => match Activation::from_key(v) {
                Some(a) => c.activation = a,
                None => w.push(
                    k,
                    v,
                    crate::t!(
                        "w-one-of",
                        all = Activation::ALL.map(|a| a.key()).join(", "),
                        default = "tanh"
                    ),
                ),
            },
            "reg" => match Regularization::from_key(v) {
                Some(r) => c.regularization = r,
                None => w.push(k, v, crate::t!("w-expected-none")),
            },
            "net" => c.hidden = decode_layers(k, v, &mut w).unwrap_or_else(|| d.hidden.clone()),
            "in" => {
                let mut feats = Vec::new();
                for part in v.split(',').filter(|p| !p.is_empty()).take(64) {
                    match Feature::from_key(part) {
                        Some(f) if !feats.contains(&f) => feats.push(f),
                        Some(_) => {}
                        None => w.push(k, part, crate::t!("w-unknown-feature")),
                    }
                }
                if feats.is_empty() {
                    w.push(k, v, crate::t!("w-no-known"));
                } else {
                    c.features = Feature::in_order(&feats);
                }
            }
            "seed" => match v.trim().parse::<u32>() {
                Ok(s) => {
                    c.seed = s;
                    has_seed = true;
                }
                Err(_) => w.push(k, v, crate::t!("w-not-a-whole")),
            },
            "test" => match parse_bool(v) {
                Some(b) => c.show_test_data = b,
                None => w.push(k, v, crate::t!("w-expected-1-or")),
            },
            "disc" => match parse_bool(v) {
                Some(b) => c.discretize = b,
                None => w.push(k, v, crate::t!("w-expected-1-or")),
            },
            _ => w.push(k, v, crate::t!("w-unknown-key")),
        }
    }

    // Hyperparameters after the loop: `opt` may come after them.
    for (k, v) in optimizer_params {
        let ok = parse_f32(&v).is_some_and(|x| c.optimizer.set_param(&k, x));
        if !ok {
            w.push(
                &k,
                &v,
                crate::t!("w-not-valid-for", key = k.as_str(), of = c.optimizer.key()),
            );
        }
    }
    if csv::finish(csv_keys, &mut c, &mut w) == Some(true) || drawn::finish(drawn_keys, &mut c, &mut w) {
        training::finish(&mut c, deferred, &mut w);
        return w.finish(c, has_seed);
    }
    if let Some((p, raw)) = problem_given {
        if p != c.dataset.problem() {
            w.push(
                "problem",
                &raw,
                crate::t!(
                    "w-not-fit",
                    dataset = c.dataset.key(),
                    default = c.dataset.problem().key()
                ),
            );
        }
    }
    c.problem = c.dataset.problem();
    training::finish(&mut c, deferred, &mut w);
    w.finish(c, has_seed)
}

/// "4,2" -> [4, 2]; "" -> no hidden layer. Sizes are clamped to 1 ..= MAX_NEURONS
/// and the count to MAX_HIDDEN_LAYERS, with warnings; `None` if unreadable.
fn decode_layers(k: &str, v: &str, w: &mut Warnings) -> Option<Vec<usize>> {
    if v.trim().is_empty() {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    for (i, part) in v.split(',').enumerate() {
        if i >= MAX_HIDDEN_LAYERS {
            w.push(
                k,
                v,
                crate::t!("w-at-most", max_hidden_layers = MAX_HIDDEN_LAYERS.to_string()),
            );
            break;
        }
        match part.trim().parse::<i64>() {
            Ok(n) if (1..=MAX_NEURONS as i64).contains(&n) => out.push(n as usize),
            Ok(n) => {
                let c = n.clamp(1, MAX_NEURONS as i64) as usize;
                w.push(
                    k,
                    v,
                    crate::t!(
                        "w-layer-neurons",
                        l = (i + 1).to_string(),
                        n = n.to_string(),
                        max = MAX_NEURONS.to_string(),
                        c = c.to_string()
                    ),
                );
                out.push(c);
            }
            Err(_) => {
                w.push(k, v, crate::t!("w-layer-size", l = (i + 1).to_string(), v = clip(part)));
                return None;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
