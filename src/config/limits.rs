//! Every limit of a setup in one table, and `Config::validate`, the one check
//! that the URL decoder, every edit on the page and the importer go through.
//! A value out of range is clamped to the nearest allowed one and reported as
//! a `Warning` naming its URL key, so the page and the worker never disagree.

use super::Config;
use std::fmt;

pub const MAX_HIDDEN_LAYERS: usize = 10;
pub const MAX_NEURONS: usize = 64;
pub const MAX_BATCH: u32 = 64;
/// Percent of noise on the built-in datasets.
pub const NOISE_RANGE: (u32, u32) = (0, 50);
/// Percent of the points (or rows) used for training.
pub const TRAIN_RATIO_RANGE: (u32, u32) = (10, 90);
/// A free learning rate must lie in this range (the UI's list is `LEARNING_RATES`).
pub const LEARNING_RATE_RANGE: (f32, f32) = (1e-6, 1e3);
pub const REG_RATE_MAX: f32 = 1e3;
/// At most this percent is held out for validation, built-in or imported.
pub const VALIDATION_MAX: u32 = 40;
/// Built-in data: the validation points come out of the training share, which
/// keeps at least this percent of the points for training itself.
pub const MIN_TRAINING_LEFT: u32 = 10;
/// The largest gradient-clipping norm.
pub const MAX_CLIP: f32 = 1e6;
/// The largest epoch a stop rule may name.
pub const MAX_STOP_EPOCH: u64 = 1_000_000_000;
/// Early stopping's patience in epochs.
pub const MAX_PATIENCE: u32 = crate::stopping::MAX_PATIENCE;
/// Outlier clipping of imported features, in standard deviations (0: off).
pub const CSV_CLIP_RANGE: (f32, f32) = (0.0, 100.0);

/// The training share, clamped.
pub fn train_ratio(percent: u32) -> u32 {
    percent.clamp(TRAIN_RATIO_RANGE.0, TRAIN_RATIO_RANGE.1)
}

/// The largest validation share of built-in data with this training share.
pub fn max_validation(train_percent: u32) -> u32 {
    VALIDATION_MAX.min(train_ratio(train_percent).saturating_sub(MIN_TRAINING_LEFT))
}

/// A built-in dataset's validation share, clamped (it comes out of the training points).
pub fn validation(percent: u32, train_percent: u32) -> u32 {
    percent.min(max_validation(train_percent))
}

/// An imported file's validation share, clamped: it comes out of the rows
/// not used for training, and at least one percent is left for testing.
pub fn csv_validation(percent: u32, train_percent: u32) -> u32 {
    percent.min(VALIDATION_MAX).min(99 - train_ratio(train_percent))
}

/// A value that was changed to fit the limits (or ignored), with its URL key.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub key: String,
    pub value: String,
    pub reason: String,
}

impl Warning {
    pub fn new(key: &str, value: impl ToString, reason: impl Into<String>) -> Self {
        Self::from_parts(key, value.to_string(), reason.into())
    }

    /// Not generic and not inlined: one copy for every place that warns (about 3 kB less wasm).
    #[inline(never)]
    fn from_parts(key: &str, value: String, reason: String) -> Self {
        Self {
            key: key.to_string(),
            value,
            reason,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}={}”: {}", clip(&self.key), clip(&self.value), self.reason)
    }
}

/// Long keys and values are cut in messages (a hostile link cannot flood the page).
pub fn clip(s: &str) -> String {
    const N: usize = 32;
    if s.chars().count() > N {
        format!("{}…", s.chars().take(N).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Clamps `v` into `lo..=hi`, saying so under `key`.
/// The warning for a value outside `lo..=hi`, used as `c` instead (links and edits).
pub(crate) fn outside(lo: u32, hi: u32, c: u32) -> String {
    crate::t!(
        "w-outside-lo",
        lo = lo.to_string(),
        hi = hi.to_string(),
        c = c.to_string()
    )
}

fn clamp_u32(key: &str, v: &mut u32, (lo, hi): (u32, u32), w: &mut Vec<Warning>) {
    if *v < lo || *v > hi {
        let c = (*v).clamp(lo, hi);
        w.push(Warning::new(key, *v, outside(lo, hi, c)));
        *v = c;
    }
}

impl Config {
    /// The setup with every value inside its limits, and what had to change.
    /// Idempotent: a valid config comes back unchanged with no warning.
    // Not inlined: the URL decoder and the page's edits share one copy.
    #[inline(never)]
    pub fn validate(mut self) -> (Config, Vec<Warning>) {
        let mut w = Vec::new();
        let d = Config::default();
        clamp_u32("noise", &mut self.noise, NOISE_RANGE, &mut w);
        clamp_u32("train", &mut self.train_ratio, TRAIN_RATIO_RANGE, &mut w);
        clamp_u32("batch", &mut self.batch_size, (1, MAX_BATCH), &mut w);
        let lr = self.learning_rate;
        if !(lr.is_finite() && (LEARNING_RATE_RANGE.0..=LEARNING_RATE_RANGE.1).contains(&lr)) {
            w.push(Warning::new(
                "lr",
                lr,
                crate::t!(
                    "w-lr-range",
                    lo = LEARNING_RATE_RANGE.0.to_string(),
                    hi = LEARNING_RATE_RANGE.1.to_string(),
                    default = d.learning_rate.to_string()
                ),
            ));
            self.learning_rate = d.learning_rate;
        }
        let rr = self.regularization_rate;
        if !(rr.is_finite() && (0.0..=REG_RATE_MAX).contains(&rr)) {
            w.push(Warning::new(
                "rr",
                rr,
                crate::t!("w-must-be", reg_rate_max = REG_RATE_MAX.to_string()),
            ));
            self.regularization_rate = 0.0;
        }
        if self.hidden.len() > MAX_HIDDEN_LAYERS {
            w.push(Warning::new(
                "net",
                self.hidden.len(),
                crate::t!("w-at-most", max_hidden_layers = MAX_HIDDEN_LAYERS.to_string()),
            ));
            self.hidden.truncate(MAX_HIDDEN_LAYERS);
        }
        for (l, n) in self.hidden.iter_mut().enumerate() {
            if !(1..=MAX_NEURONS).contains(n) {
                let c = (*n).clamp(1, MAX_NEURONS);
                w.push(Warning::new(
                    "net",
                    *n,
                    crate::t!(
                        "w-layer-neurons",
                        l = (l + 1).to_string(),
                        n = n.to_string(),
                        max = MAX_NEURONS.to_string(),
                        c = c.to_string()
                    ),
                ));
                *n = c;
            }
        }
        self.layer_activations.truncate(self.hidden.len());
        self.dropout.truncate(self.hidden.len());
        if self
            .dropout
            .iter()
            .any(|r| !(0.0..=crate::dropout::MAX_RATE).contains(r))
        {
            let rates = self.dropout_rates();
            for (l, r) in rates.into_iter().enumerate() {
                self.set_dropout(l, if r.is_finite() { r } else { 0.0 });
            }
            w.push(Warning::new(
                "drop",
                "",
                crate::t!("w-dropout-range", max = crate::dropout::MAX_RATE.to_string()),
            ));
        }
        if self.features.is_empty() {
            w.push(Warning::new("in", "", crate::t!("w-no-input")));
            self.features = d.features.clone();
        }
        let (lo, hi) = crate::dataset::CLASSES_RANGE;
        if !(lo..=hi).contains(&self.classes) {
            let c = self.classes.clamp(lo, hi);
            w.push(Warning::new(
                "classes",
                self.classes,
                outside(lo as u32, hi as u32, c as u32),
            ));
            self.classes = c;
        }
        if !(self.clip_norm.is_finite() && (0.0..=MAX_CLIP).contains(&self.clip_norm)) {
            w.push(Warning::new(
                "clip",
                self.clip_norm,
                crate::t!("w-expected-0-off", max_clip = MAX_CLIP.to_string()),
            ));
            self.clip_norm = 0.0;
        }
        let st = &mut self.stopping;
        clamp_u32("es", &mut st.patience, (0, MAX_PATIENCE), &mut w);
        if st.at_epoch > MAX_STOP_EPOCH {
            w.push(Warning::new(
                "stop",
                st.at_epoch,
                crate::t!("w-outside-0", max_stop_epoch = MAX_STOP_EPOCH.to_string()),
            ));
            st.at_epoch = 0;
        }
        for (key, v, hi) in [
            ("esd", &mut st.min_delta, 1000.0),
            ("tloss", &mut st.target_loss, 1e9),
            ("tacc", &mut st.target_accuracy, 100.0),
        ] {
            if !(v.is_finite() && (0.0..=hi).contains(v)) {
                w.push(Warning::new(
                    key,
                    *v,
                    crate::t!("w-expected-0-off-to", hi = hi.to_string()),
                ));
                *v = 0.0;
            }
        }
        let max_val = max_validation(self.train_ratio);
        if self.validation > max_val {
            w.push(Warning::new(
                "val",
                self.validation,
                crate::t!(
                    "w-with-train",
                    train = self.train_ratio.to_string(),
                    v = max_val.to_string()
                ),
            ));
            self.validation = max_val;
        }
        let (train, seed) = (self.train_ratio, self.seed);
        if let Some(csv) = &mut self.csv {
            let m = &mut csv.mapping;
            // The data's split follows the setup's training share and seed.
            m.train_percent = train;
            m.seed = seed;
            let v = csv_validation(m.validation_percent, train);
            if v != m.validation_percent {
                w.push(Warning::new(
                    "csvval",
                    m.validation_percent,
                    crate::t!("w-with-train", train = train.to_string(), v = v.to_string()),
                ));
                m.validation_percent = v;
            }
            if !(m.clip_sigma.is_finite() && (CSV_CLIP_RANGE.0..=CSV_CLIP_RANGE.1).contains(&m.clip_sigma)) {
                w.push(Warning::new("csvclip", m.clip_sigma, crate::t!("w-expected-0")));
                m.clip_sigma = 0.0;
            }
            let last = csv.inputs.saturating_sub(1);
            csv.axes = (csv.axes.0.min(last), csv.axes.1.min(last));
            self.problem = m.task;
        }
        self.drop_unfitting_choices();
        (self, w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_setup_is_valid_and_validation_is_idempotent() {
        let (c, w) = Config::default().validate();
        assert_eq!(c, Config::default());
        assert!(w.is_empty());
        let mut odd = Config::default();
        odd.noise = 99;
        odd.batch_size = 0;
        odd.hidden = vec![0, 80, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
        let (once, w) = odd.validate();
        assert!(w.len() >= 4, "{w:?}");
        let (twice, w2) = once.clone().validate();
        assert_eq!(once, twice);
        assert!(w2.is_empty());
    }

    #[test]
    fn out_of_range_values_are_clamped_with_their_key() {
        let mut c = Config::default();
        c.noise = 80;
        c.learning_rate = f32::NAN;
        c.validation = 40;
        c.train_ratio = 30;
        let (c, w) = c.validate();
        assert_eq!(c.noise, 50);
        assert_eq!(c.learning_rate, 0.03);
        assert_eq!(c.validation, 20, "train=30 keeps 10 % for training");
        let keys: Vec<&str> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["noise", "lr", "val"]);
        assert_eq!(w[0].to_string(), "“noise=80”: outside 0–50; using 50");
    }

    #[test]
    fn validation_shares_of_built_in_and_imported_data() {
        assert_eq!(max_validation(50), 40);
        assert_eq!(max_validation(30), 20);
        assert_eq!(
            max_validation(5),
            0,
            "a training share below the range is clamped to 10 first"
        );
        assert_eq!(validation(35, 90), 35);
        assert_eq!(csv_validation(40, 70), 29, "70 % training leaves 30, one for testing");
        assert_eq!(csv_validation(40, 50), 40);
        assert_eq!(train_ratio(95), 90);
    }
}
