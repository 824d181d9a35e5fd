//! The training-options row (loss, output activation, initialisation, the
//! learning-rate schedule and its parameters, clipping, shuffling, stopping
//! rules) and the data column's classes and validation share: filled from the
//! core's lists, kept in step with the `Config`, turned into config changes.

use crate::activation::Activation;
use crate::config::{Config, Edit};
use crate::i18n::keyed;
use crate::init::Init;
use crate::loss::Loss;
use crate::schedule::{LrSchedule, Schedule};
use crate::web::dispatch::Dispatch;
use crate::web::dom::{by_id, choices, fill_select as fill, input, on_change, on_checkbox, select, set_hidden};
use web_sys::Element;

const CLIP_NORMS: [f32; 6] = [0.0, 0.1, 0.5, 1.0, 5.0, 10.0];
const PATIENCES: [u32; 6] = [0, 5, 10, 20, 50, 100];
/// The validation shares offered, up to `limits::VALIDATION_MAX`.
const VALIDATION: [u32; 5] = [0, 10, 20, 30, crate::config::limits::VALIDATION_MAX];

/// A number box: empty means 0 (off); a bad value is reported on the box and changes nothing.
fn on_number(id: &'static str, range: (f32, f32), hint: &'static str, d: Dispatch, edit: fn(f32) -> Edit) {
    on_change(id, "change", move |v| {
        let el = input(id);
        let x = if v.trim().is_empty() {
            Ok(0.0)
        } else {
            v.trim().parse::<f32>()
        };
        match x {
            Ok(x) if x.is_finite() && (range.0..=range.1).contains(&x) => {
                el.set_custom_validity("");
                d.edit(edit(x));
            }
            _ => {
                el.set_custom_validity(&crate::t!(hint));
                el.report_validity();
            }
        }
    });
}

/// Labels this row's selects in the page's language (again after a switch).
pub fn relabel() {
    fill(&select("init"), &choices(&Init::ALL, Init::key, "init"));
    fill(
        &select("schedule"),
        &Schedule::KEYS.map(|k| (k.to_string(), keyed("sched", k))),
    );
    let off = || crate::t!("off");
    fill(
        &select("clip"),
        &CLIP_NORMS.map(|v| {
            let label = if v == 0.0 {
                off()
            } else {
                crate::t!("clip-norm", v = v.to_string())
            };
            (v.to_string(), label)
        }),
    );
    fill(
        &select("early-stopping"),
        &PATIENCES.map(|p| {
            let label = if p == 0 {
                off()
            } else {
                crate::t!("patience", p = p.to_string())
            };
            (p.to_string(), label)
        }),
    );
    fill(
        &select("validation"),
        &VALIDATION.map(|v| {
            let label = if v == 0 {
                crate::t!("validation-none")
            } else {
                crate::t!("validation-share", v = v.to_string())
            };
            (v.to_string(), label)
        }),
    );
}

pub fn init(d: Dispatch) {
    relabel();
    let (lo, hi) = crate::dataset::CLASSES_RANGE;
    fill(
        &select("classes"),
        &(lo..=hi).map(|k| (k.to_string(), k.to_string())).collect::<Vec<_>>(),
    );

    on_change("loss", "change", move |v| {
        if let Some(l) = Loss::from_key(&v) {
            d.edit(Edit::Loss(l));
        }
    });
    on_change("output-activation", "change", move |v| {
        let a = Activation::from_key(&v).or((v == "softmax").then_some(Activation::Softmax));
        if let Some(a) = a {
            d.edit(Edit::OutputActivation(a));
        }
    });
    on_change("init", "change", move |v| {
        if let Some(i) = Init::from_key(&v) {
            d.edit(Edit::Init(i));
        }
    });
    on_change("schedule", "change", move |v| {
        if let Some(s) = LrSchedule::from_key(&v) {
            d.edit(Edit::Schedule(s));
        }
    });
    crate::web::param_boxes::wire("schedule-params", d, Edit::ScheduleParam);
    on_change("clip", "change", move |v| {
        if let Ok(x) = v.parse::<f32>() {
            d.edit(Edit::ClipNorm(x));
        }
    });
    on_checkbox("shuffle", move |b| d.edit(Edit::Shuffle(b)));
    on_change("early-stopping", "change", move |v| {
        if let Ok(p) = v.parse::<u32>() {
            d.edit(Edit::Patience(p));
        }
    });
    on_number("min-delta", (0.0, 1000.0), "bad-min-delta", d, Edit::MinDelta);
    on_checkbox("restore-best", move |b| d.edit(Edit::RestoreBest(b)));
    on_number("stop-epoch", (0.0, 1e9), "bad-stop-epoch", d, |x| {
        Edit::StopEpoch(x as u64)
    });
    on_number("target-loss", (0.0, 1e9), "bad-target-loss", d, Edit::TargetLoss);
    on_number(
        "target-accuracy",
        (0.0, 100.0),
        "bad-target-accuracy",
        d,
        Edit::TargetAccuracy,
    );
    on_change("validation", "change", move |v| {
        if let Ok(x) = v.parse::<u32>() {
            d.edit(Edit::Validation(x));
        }
    });
    on_change("classes", "change", move |v| {
        if let Ok(k) = v.parse::<usize>() {
            d.edit(Edit::Classes(k));
        }
    });
}

/// Makes every control of this row show the config.
pub fn sync(c: &Config) {
    let task = c.task();
    let losses: Vec<(String, String)> = task
        .losses()
        .iter()
        .map(|l| (l.key().to_string(), keyed("loss", l.key())))
        .collect();
    let loss = select("loss");
    fill(&loss, &losses);
    loss.set_value(c.loss().key());
    let outs: Vec<(String, String)> = task
        .outputs_for(c.loss())
        .iter()
        .map(|a| (a.key().to_string(), keyed("act", a.key())))
        .collect();
    let out = select("output-activation");
    fill(&out, &outs);
    out.set_value(c.output_activation().key());
    out.set_disabled(outs.len() < 2);
    select("init").set_value(c.init.key());
    select("schedule").set_value(c.schedule.key());
    sync_schedule_params(c);
    let clip = select("clip");
    if !CLIP_NORMS.contains(&c.clip_norm) {
        let mut options: Vec<(String, String)> = CLIP_NORMS.iter().map(|v| (v.to_string(), v.to_string())).collect();
        options.push((
            c.clip_norm.to_string(),
            crate::t!("clip-norm", v = c.clip_norm.to_string()),
        ));
        fill(&clip, &options);
    }
    clip.set_value(&c.clip_norm.to_string());
    input("shuffle").set_checked(c.shuffle);
    let st = &c.stopping;
    let es = select("early-stopping");
    if !PATIENCES.contains(&st.patience) {
        let mut options: Vec<(String, String)> = PATIENCES.iter().map(|v| (v.to_string(), v.to_string())).collect();
        options.push((
            st.patience.to_string(),
            crate::t!("patience", p = st.patience.to_string()),
        ));
        fill(&es, &options);
    }
    es.set_value(&st.patience.to_string());
    set_hidden(&by_id::<Element>("early-stopping-params"), st.patience == 0);
    set_number("min-delta", st.min_delta, true);
    input("restore-best").set_checked(st.restore_best);
    set_number("stop-epoch", st.at_epoch as f32, false);
    set_number("target-loss", st.target_loss, false);
    set_number("target-accuracy", st.target_accuracy, false);
    select("validation").set_value(&c.validation.to_string());
    let multi = c.csv.is_none() && c.dataset.is_multiclass();
    set_hidden(&by_id::<Element>("classes-field"), !multi);
    select("classes").set_value(&c.classes.to_string());
    let validation_field = select("validation");
    validation_field.set_disabled(c.csv.is_some());
    validation_field.set_title(&crate::t!(if c.csv.is_some() {
        "validation-csv"
    } else {
        "validation-title"
    }));
}

/// A number box shows the config's value; 0 shows as empty (off) unless `zero_shown`.
fn set_number(id: &str, v: f32, zero_shown: bool) {
    let el = input(id);
    let text = if v == 0.0 && !zero_shown {
        String::new()
    } else {
        v.to_string()
    };
    if el.value() != text && el.value().parse::<f32>().ok() != Some(v) {
        el.set_value(&text);
    }
}

/// One labelled number box per parameter of the chosen schedule.
fn sync_schedule_params(c: &Config) {
    crate::web::param_boxes::sync("schedule-params", &c.schedule.params());
}
