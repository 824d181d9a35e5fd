//! The URL keys of the training concepts (model, loss, schedule, stopping).
//! Each is written only when it differs from the default, so the Playground's
//! links and the older golden strings stay as they were.
//!
//! `acts=relu,tanh` (per hidden layer) `out=sigmoid` `loss=bce` `init=he_normal`
//! `drop=0.2,0` `sched=step&severy=100&sfactor=0.5&swarm=0` `clip=1` `shuffle=0`
//! `es=20&esd=0.0001&esr=1` (early stopping) `stop=500` `tloss=0.01` `tacc=95`
//! `val=20` (validation percent) `classes=4` (multi-class datasets).

use super::{fmt_f32, parse_bool, parse_f32, parse_ranged, Warnings};
use crate::activation::Activation;
use crate::config::limits::{MAX_CLIP, MAX_STOP_EPOCH, VALIDATION_MAX};
use crate::config::Config;
use crate::dropout::MAX_RATE;
use crate::init::Init;
use crate::loss::Loss;
use crate::schedule::{LrSchedule, Schedule};
use crate::stopping::MAX_PATIENCE;

pub(super) fn encode(c: &Config, s: &mut String) {
    let mut put = |k: &str, v: String| s.push_str(&format!("&{k}={v}"));
    if !c.layer_activations.is_empty() {
        let acts: Vec<&str> = c.hidden_activations().iter().map(|a| a.key()).collect();
        put("acts", acts.join(","));
    }
    if let Some(a) = c.output_activation {
        put("out", a.key().into());
    }
    if let Some(l) = c.loss {
        put("loss", l.key().into());
    }
    if c.init != Init::default() {
        put("init", c.init.key().into());
    }
    if !c.dropout.is_empty() {
        let d: Vec<String> = c.dropout_rates().iter().map(|&r| fmt_f32(r)).collect();
        put("drop", d.join(","));
    }
    if c.schedule != LrSchedule::default() {
        put("sched", c.schedule.key().into());
        for (k, v) in c.schedule.params() {
            put(k, fmt_f32(v));
        }
    }
    if c.clip_norm > 0.0 {
        put("clip", fmt_f32(c.clip_norm));
    }
    if !c.shuffle {
        put("shuffle", "0".into());
    }
    let st = &c.stopping;
    if st.patience > 0 {
        put("es", st.patience.to_string());
        put("esd", fmt_f32(st.min_delta));
        put("esr", u8::from(st.restore_best).to_string());
    }
    if st.at_epoch > 0 {
        put("stop", st.at_epoch.to_string());
    }
    if st.target_loss > 0.0 {
        put("tloss", fmt_f32(st.target_loss));
    }
    if st.target_accuracy > 0.0 {
        put("tacc", fmt_f32(st.target_accuracy));
    }
    if c.validation > 0 {
        put("val", c.validation.to_string());
    }
    if c.csv.is_none() && c.dataset.is_multiclass() {
        put("classes", c.classes.to_string());
    }
}

/// Keys read in the loop whose meaning depends on others (checked in `finish`).
#[derive(Default)]
pub(super) struct Deferred {
    acts: Option<(String, Vec<Activation>)>,
    output: Option<(String, Activation)>,
    loss: Option<(String, Loss)>,
    drop: Option<(String, Vec<f32>)>,
    schedule_params: Vec<(String, String)>,
}

/// Reads one key; false if it is not one of this file's.
pub(super) fn decode_key(k: &str, v: &str, c: &mut Config, d: &mut Deferred, w: &mut Warnings) -> bool {
    let list = |keys: &mut dyn Iterator<Item = &'static str>| keys.collect::<Vec<_>>().join(", ");
    match k {
        "acts" => {
            let parsed: Option<Vec<Activation>> =
                v.split(',').take(64).map(|a| Activation::from_key(a.trim())).collect();
            match parsed {
                Some(a) => d.acts = Some((v.to_string(), a)),
                None => w.push(
                    k,
                    v,
                    crate::t!(
                        "w-one-of-per",
                        all = list(&mut Activation::ALL.iter().map(|a| a.key())),
                        default = c.activation.key()
                    ),
                ),
            }
        }
        "out" => match Activation::from_key(v).or((v == "softmax").then_some(Activation::Softmax)) {
            Some(a) => d.output = Some((v.to_string(), a)),
            None => w.push(k, v, crate::t!("w-unknown-output")),
        },
        "loss" => match Loss::from_key(v) {
            Some(l) => d.loss = Some((v.to_string(), l)),
            None => w.push(
                k,
                v,
                crate::t!("w-one-of-follow", all = list(&mut Loss::ALL.iter().map(|l| l.key()))),
            ),
        },
        "init" => match Init::from_key(v) {
            Some(i) => c.init = i,
            None => w.push(
                k,
                v,
                crate::t!(
                    "w-one-of",
                    all = list(&mut Init::ALL.iter().map(|i| i.key())),
                    default = "playground"
                ),
            ),
        },
        "drop" => {
            let parsed: Option<Vec<f32>> = v.split(',').take(64).map(parse_f32).collect();
            match parsed {
                Some(r) if r.iter().all(|x| (0.0..=MAX_RATE).contains(x)) => d.drop = Some((v.to_string(), r)),
                _ => w.push(k, v, crate::t!("w-expected-rates", max_rate = MAX_RATE.to_string())),
            }
        }
        "sched" => match LrSchedule::from_key(v) {
            Some(s) => c.schedule = s,
            None => w.push(
                k,
                v,
                crate::t!("w-one-of", all = Schedule::KEYS.join(", "), default = "constant"),
            ),
        },
        "severy" | "sfactor" | "speriod" | "smin" | "swarm" => d.schedule_params.push((k.into(), v.into())),
        "clip" => match parse_f32(v) {
            Some(x) if (0.0..=MAX_CLIP).contains(&x) => c.clip_norm = x,
            _ => w.push(k, v, crate::t!("w-expected-a-norm", max_clip = MAX_CLIP.to_string())),
        },
        "shuffle" => match parse_bool(v) {
            Some(b) => c.shuffle = b,
            None => w.push(k, v, crate::t!("w-expected-1-or-0")),
        },
        "es" => c.stopping.patience = parse_ranged(k, v, 0, MAX_PATIENCE, 0, w),
        "esd" => match parse_f32(v) {
            Some(x) if (0.0..=1e3).contains(&x) => c.stopping.min_delta = x,
            _ => w.push(k, v, crate::t!("w-expected-a-minimum")),
        },
        "esr" => match parse_bool(v) {
            Some(b) => c.stopping.restore_best = b,
            None => w.push(k, v, crate::t!("w-expected-1-or-0-restoring")),
        },
        "stop" => c.stopping.at_epoch = u64::from(parse_ranged(k, v, 0, MAX_STOP_EPOCH as u32, 0, w)),
        "tloss" => match parse_f32(v) {
            Some(x) if x >= 0.0 => c.stopping.target_loss = x,
            _ => w.push(k, v, crate::t!("w-expected-a-loss")),
        },
        "tacc" => match parse_f32(v) {
            Some(x) if (0.0..=100.0).contains(&x) => c.stopping.target_accuracy = x,
            _ => w.push(k, v, crate::t!("w-expected-an")),
        },
        "val" => c.validation = parse_ranged(k, v, 0, VALIDATION_MAX, 0, w),
        "classes" => {
            let (lo, hi) = crate::dataset::CLASSES_RANGE;
            c.classes = parse_ranged(k, v, lo as u32, hi as u32, c.classes as u32, w) as usize;
        }
        _ => return false,
    }
    true
}

/// Checks the deferred keys against the rest of the setup (layers, task).
pub(super) fn finish(c: &mut Config, d: Deferred, w: &mut Warnings) {
    let layers = c.hidden.len();
    if let Some((raw, acts)) = d.acts {
        if acts.len() != layers {
            w.push(
                "acts",
                &raw,
                crate::t!(
                    "w-acts-count",
                    n = acts.len().to_string(),
                    layers = layers.to_string(),
                    default = c.activation.key()
                ),
            );
        }
        for (l, a) in acts.into_iter().enumerate().take(layers) {
            c.set_layer_activation(l, a);
        }
    }
    if let Some((raw, rates)) = d.drop {
        if rates.len() != layers {
            w.push(
                "drop",
                &raw,
                crate::t!(
                    "w-rates-count",
                    n = rates.len().to_string(),
                    layers = layers.to_string()
                ),
            );
        }
        for (l, r) in rates.into_iter().enumerate().take(layers) {
            c.set_dropout(l, r);
        }
    }
    for (k, v) in d.schedule_params {
        if !parse_f32(&v).is_some_and(|x| c.schedule.set_param(&k, x)) {
            w.push(
                &k,
                &v,
                crate::t!("w-not-valid", key = k.as_str(), of = c.schedule.key()),
            );
        }
    }
    let task = c.task();
    if let Some((raw, loss)) = d.loss {
        if task.losses().contains(&loss) {
            c.loss = Some(loss);
        } else {
            w.push("loss", &raw, crate::t!("w-does-not"));
        }
    }
    if let Some((raw, out)) = d.output {
        if task.outputs_for(c.loss()).contains(&out) {
            c.output_activation = Some(out);
        } else {
            w.push("out", &raw, crate::t!("w-not-fit-loss", loss = c.loss().key()));
        }
    }
}
