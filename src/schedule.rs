//! Learning-rate schedules: the factor m(e) applied to the base learning rate
//! during epoch e (0-based), lr(e) = base · m(e), with an optional linear warm-up.

use std::f64::consts::PI;

/// The shape of the schedule after warm-up; e is the epoch (0-based).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Schedule {
    /// m = 1.
    Constant,
    /// m = factor^⌊e / every⌋ (every 0 counts as 1). Defaults every 100, factor 0.5.
    Step { every: u32, factor: f32 },
    /// m = factor^e. Default factor 0.99.
    Exponential { factor: f32 },
    /// m = min_ratio + ½ (1 − min_ratio)(1 + cos(π t / period)) with t = e mod period when
    /// `restarts` (SGDR's warm restarts), else t = min(e, period) (stays at min_ratio).
    /// Period 0 counts as 1. Defaults period 200, min_ratio 0.01.
    Cosine {
        period: u32,
        min_ratio: f32,
        restarts: bool,
    },
    /// m = 1 after a linear warm-up of `LrSchedule::warmup` epochs, or of
    /// `DEFAULT_WARMUP` epochs when that is 0.
    Warmup,
}

/// The warm-up length of the `Warmup` kind when `LrSchedule::warmup` is 0.
pub const DEFAULT_WARMUP: u32 = 20;

/// Largest accepted `every`, `period` and `warmup`, in epochs.
const MAX_EPOCHS: f32 = 100_000.0;

impl Schedule {
    /// URL keys in the order of the UI's select.
    pub const KEYS: [&'static str; 6] = ["constant", "step", "exp", "cosine", "restarts", "warmup"];

    pub fn key(self) -> &'static str {
        match self {
            Self::Constant => "constant",
            Self::Step { .. } => "step",
            Self::Exponential { .. } => "exp",
            Self::Cosine { restarts: false, .. } => "cosine",
            Self::Cosine { restarts: true, .. } => "restarts",
            Self::Warmup => "warmup",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("sched", self.key())
    }

    /// m(e) of the schedule itself, before warm-up.
    fn factor(self, epoch: u64) -> f64 {
        match self {
            Self::Constant | Self::Warmup => 1.0,
            Self::Step { every, factor } => {
                let steps = epoch / u64::from(every.max(1));
                f64::from(factor).powf(steps as f64)
            }
            Self::Exponential { factor } => f64::from(factor).powf(epoch as f64),
            Self::Cosine {
                period,
                min_ratio,
                restarts,
            } => {
                let period = u64::from(period.max(1));
                let t = if restarts { epoch % period } else { epoch.min(period) };
                let min = f64::from(min_ratio);
                min + 0.5 * (1.0 - min) * (1.0 + (PI * t as f64 / period as f64).cos())
            }
        }
    }
}

/// A schedule with its linear warm-up: for e < warmup, m(e) is multiplied by (e + 1) / warmup.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LrSchedule {
    pub kind: Schedule,
    /// Warm-up length in epochs; 0 means none (except for `Schedule::Warmup`, see `DEFAULT_WARMUP`).
    pub warmup: u32,
}

impl Default for LrSchedule {
    fn default() -> Self {
        Self {
            kind: Schedule::Constant,
            warmup: 0,
        }
    }
}

impl LrSchedule {
    /// The schedule of `key` with its default parameters.
    pub fn from_key(key: &str) -> Option<Self> {
        let cosine = |restarts| Schedule::Cosine {
            period: 200,
            min_ratio: 0.01,
            restarts,
        };
        let (kind, warmup) = match key {
            "constant" => (Schedule::Constant, 0),
            "step" => (
                Schedule::Step {
                    every: 100,
                    factor: 0.5,
                },
                0,
            ),
            "exp" => (Schedule::Exponential { factor: 0.99 }, 0),
            "cosine" => (cosine(false), 0),
            "restarts" => (cosine(true), 0),
            "warmup" => (Schedule::Warmup, DEFAULT_WARMUP),
            _ => return None,
        };
        Some(Self { kind, warmup })
    }

    pub fn key(&self) -> &'static str {
        self.kind.key()
    }

    pub fn label(&self) -> String {
        self.kind.label()
    }

    /// The warm-up length actually used: `warmup`, or `DEFAULT_WARMUP` for the `Warmup` kind at 0.
    fn warmup_epochs(&self) -> u64 {
        match (self.kind, self.warmup) {
            (Schedule::Warmup, 0) => u64::from(DEFAULT_WARMUP),
            (_, w) => u64::from(w),
        }
    }

    /// m(e) = w(e) · s(e): the factor applied to the base learning rate during epoch e
    /// (0-based), with s(e) the schedule (see `Schedule`) and the warm-up
    /// w(e) = (e + 1) / warmup for e < warmup, else 1. Computed in f64.
    pub fn multiplier(&self, epoch: u64) -> f32 {
        let warmup = self.warmup_epochs();
        let w = if epoch < warmup {
            (epoch + 1) as f64 / warmup as f64
        } else {
            1.0
        };
        (w * self.kind.factor(epoch)) as f32
    }

    /// lr(e) = base · m(e).
    pub fn learning_rate(&self, base: f32, epoch: u64) -> f32 {
        base * self.multiplier(epoch)
    }

    /// Its parameters as (URL key, value), in a fixed order: the kind's, then "swarm".
    pub fn params(&self) -> Vec<(&'static str, f32)> {
        let mut p = match self.kind {
            Schedule::Constant | Schedule::Warmup => vec![],
            Schedule::Step { every, factor } => vec![("severy", every as f32), ("sfactor", factor)],
            Schedule::Exponential { factor } => vec![("sfactor", factor)],
            Schedule::Cosine { period, min_ratio, .. } => vec![("speriod", period as f32), ("smin", min_ratio)],
        };
        p.push(("swarm", self.warmup as f32));
        p
    }

    /// Sets parameter `key` if this schedule has it and the value is valid (every, period:
    /// integers 1..=100000; factor in (0, 1]; min_ratio in [0, 1]; warmup: an integer
    /// 0..=100000). Returns whether it did; on false nothing changed.
    pub fn set_param(&mut self, key: &str, v: f32) -> bool {
        let whole = v.fract() == 0.0;
        let epochs = whole && (1.0..=MAX_EPOCHS).contains(&v);
        let factor_ok = v > 0.0 && v <= 1.0;
        match (&mut self.kind, key) {
            (Schedule::Step { every, .. }, "severy") if epochs => *every = v as u32,
            (Schedule::Step { factor, .. } | Schedule::Exponential { factor }, "sfactor") if factor_ok => *factor = v,
            (Schedule::Cosine { period, .. }, "speriod") if epochs => *period = v as u32,
            (Schedule::Cosine { min_ratio, .. }, "smin") if (0.0..=1.0).contains(&v) => *min_ratio = v,
            (_, "swarm") if whole && (0.0..=MAX_EPOCHS).contains(&v) => self.warmup = v as u32,
            _ => return false,
        }
        true
    }

    /// The UI label of parameter `key` (the message `param-{key}`).
    pub fn param_label(key: &str) -> String {
        crate::i18n::keyed("param", key)
    }

    /// (epoch, m(epoch)) at `points` epochs evenly spaced over 0..epochs, from 0 to
    /// epochs − 1 (rounded to whole epochs; at most `epochs` points). Empty if either is 0.
    pub fn curve(&self, epochs: u64, points: usize) -> Vec<(f32, f32)> {
        if epochs == 0 || points == 0 {
            return vec![];
        }
        let points = points.min(usize::try_from(epochs).unwrap_or(usize::MAX));
        if points == 1 {
            return vec![(0.0, self.multiplier(0))];
        }
        let last = (epochs - 1) as f64;
        (0..points)
            .map(|i| {
                let e = (last * i as f64 / (points - 1) as f64).round() as u64;
                (e as f32, self.multiplier(e))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f64) -> bool {
        (f64::from(a) - b).abs() < 1e-6
    }

    fn plain(kind: Schedule) -> LrSchedule {
        LrSchedule { kind, warmup: 0 }
    }

    fn check(s: LrSchedule, want: &[(u64, f64)]) {
        for &(e, m) in want {
            let got = s.multiplier(e);
            assert!(close(got, m), "{s:?} at epoch {e}: {got}, by hand {m}");
        }
    }

    #[test]
    fn constant_is_one() {
        check(LrSchedule::default(), &[(0, 1.0), (1, 1.0), (1_000_000, 1.0)]);
        assert!(close(LrSchedule::default().learning_rate(0.03, 7), 0.03));
    }

    #[test]
    fn step_decay_by_hand() {
        let s = plain(Schedule::Step { every: 10, factor: 0.5 });
        // 0.5^⌊e/10⌋: ⌊0/10⌋ = ⌊9/10⌋ = 0, ⌊10/10⌋ = 1, ⌊25/10⌋ = 2
        check(s, &[(0, 1.0), (9, 1.0), (10, 0.5), (25, 0.25)]);
        assert!(close(s.learning_rate(0.1, 25), 0.025));
        // every 0 counts as 1: 0.5^3
        check(plain(Schedule::Step { every: 0, factor: 0.5 }), &[(3, 0.125)]);
    }

    #[test]
    fn exponential_by_hand() {
        // 0.9^3 = 0.729
        check(
            plain(Schedule::Exponential { factor: 0.9 }),
            &[(0, 1.0), (1, 0.9), (3, 0.729)],
        );
    }

    #[test]
    fn cosine_without_restarts_stays_at_minimum() {
        let s = plain(Schedule::Cosine {
            period: 100,
            min_ratio: 0.0,
            restarts: false,
        });
        // ½(1 + cos(π t/100)): t = 0 → 1, 50 → ½(1 + 0), 100 → ½(1 − 1); 150 → t = min(150, 100)
        check(s, &[(0, 1.0), (50, 0.5), (100, 0.0), (150, 0.0)]);
        // With a floor: 0.01 + ½·0.99·(1 + cos(π/4)) at t = 25 = 0.855017856…
        let floor = plain(Schedule::Cosine {
            period: 100,
            min_ratio: 0.01,
            restarts: false,
        });
        check(
            floor,
            &[
                (25, 0.01 + 0.5 * 0.99 * (1.0 + 0.5f64.sqrt())),
                (100, 0.01),
                (500, 0.01),
            ],
        );
    }

    #[test]
    fn cosine_with_restarts_starts_over() {
        let s = plain(Schedule::Cosine {
            period: 100,
            min_ratio: 0.0,
            restarts: true,
        });
        // t = e mod 100: 100 → 0 (1 again), 150 → 50 (½), 199 → 99: ½(1 + cos(0.99π))
        check(s, &[(0, 1.0), (50, 0.5), (100, 1.0), (150, 0.5)]);
        assert!(s.multiplier(199) < 0.001);
    }

    #[test]
    fn warmup_multiplies_every_kind() {
        // warmup 4: (e + 1)/4 for e = 0..3 → 0.25, 0.5, 0.75, 1; then the schedule alone.
        let constant = LrSchedule {
            kind: Schedule::Constant,
            warmup: 4,
        };
        check(constant, &[(0, 0.25), (1, 0.5), (2, 0.75), (3, 1.0), (4, 1.0)]);
        let exp = LrSchedule {
            kind: Schedule::Exponential { factor: 0.9 },
            warmup: 4,
        };
        // 0.25·1, 0.5·0.9, 0.75·0.81, 1·0.729, 0.9^4 = 0.6561
        check(exp, &[(0, 0.25), (1, 0.45), (2, 0.6075), (3, 0.729), (4, 0.6561)]);
    }

    #[test]
    fn warmup_kind_defaults_to_twenty_epochs() {
        // warmup 0 → 20 epochs: (e + 1)/20
        let s = plain(Schedule::Warmup);
        check(s, &[(0, 0.05), (9, 0.5), (19, 1.0), (20, 1.0), (1000, 1.0)]);
        // An explicit warm-up wins: (0 + 1)/2
        let two = LrSchedule {
            kind: Schedule::Warmup,
            warmup: 2,
        };
        check(two, &[(0, 0.5), (1, 1.0)]);
        assert_eq!(LrSchedule::from_key("warmup").unwrap().warmup, 20);
    }

    #[test]
    fn keys_and_params_round_trip() {
        for key in Schedule::KEYS {
            let s = LrSchedule::from_key(key).unwrap();
            assert_eq!(s.key(), key);
            assert!(!s.label().is_empty());
            let mut p = LrSchedule {
                kind: s.kind,
                ..LrSchedule::default()
            };
            for (k, v) in s.params() {
                assert!(p.set_param(k, v), "{key}.{k}");
                assert!(!LrSchedule::param_label(k).is_empty(), "{k}");
            }
            assert_eq!(p, s);
        }
        assert_eq!(LrSchedule::from_key("cyclic"), None);
        assert_eq!(
            LrSchedule::from_key("step").unwrap().params(),
            vec![("severy", 100.0), ("sfactor", 0.5), ("swarm", 0.0)]
        );
        assert_eq!(
            LrSchedule::from_key("restarts").unwrap().params(),
            vec![("speriod", 200.0), ("smin", 0.01), ("swarm", 0.0)]
        );
        assert_eq!(LrSchedule::from_key("warmup").unwrap().params(), vec![("swarm", 20.0)]);
        assert_eq!(
            Schedule::KEYS.map(|k| LrSchedule::from_key(k).unwrap().label()).len(),
            6
        );
        assert_eq!(
            LrSchedule::from_key("restarts").unwrap().label(),
            "Cosine with warm restarts"
        );
    }

    #[test]
    fn set_param_rejects_bad_values() {
        let mut step = LrSchedule::from_key("step").unwrap();
        let before = step;
        for (k, v) in [
            ("severy", 0.0),
            ("severy", 2.5),
            ("severy", 100_001.0),
            ("severy", f32::NAN),
            ("sfactor", 0.0),
            ("sfactor", 1.5),
            ("sfactor", -0.5),
            ("sfactor", f32::NAN),
            ("swarm", -1.0),
            ("swarm", 0.5),
            ("swarm", 100_001.0),
            ("speriod", 10.0), // not a step parameter
            ("smin", 0.1),
            ("bogus", 1.0),
        ] {
            assert!(!step.set_param(k, v), "{k} = {v}");
            assert_eq!(step, before, "{k} = {v} changed it");
        }
        assert!(step.set_param("sfactor", 1.0));
        assert!(step.set_param("severy", 100_000.0));
        assert!(step.set_param("swarm", 0.0));

        let mut cosine = LrSchedule::from_key("cosine").unwrap();
        assert!(!cosine.set_param("smin", 1.01));
        assert!(!cosine.set_param("smin", -0.01));
        assert!(!cosine.set_param("speriod", 0.0));
        assert!(!cosine.set_param("sfactor", 0.5));
        assert!(cosine.set_param("smin", 0.0));
        assert!(cosine.set_param("speriod", 1.0));

        let mut constant = LrSchedule::default();
        assert!(!constant.set_param("sfactor", 0.5));
        assert!(constant.set_param("swarm", 5.0));
        assert_eq!(constant.warmup, 5);
    }

    #[test]
    fn curve_spans_first_to_last_epoch() {
        let s = plain(Schedule::Step { every: 10, factor: 0.5 });
        // 0..100 in 5 points: epochs 0, 24.75 → 25, 49.5 → 50, 74.25 → 74, 99
        let c = s.curve(100, 5);
        assert_eq!(
            c,
            vec![
                (0.0, 1.0),
                (25.0, 0.25),
                (50.0, 0.03125),
                (74.0, 0.0078125),
                (99.0, 0.001953125)
            ]
        );
        // More points than epochs: one per epoch.
        assert_eq!(
            s.curve(3, 10).iter().map(|p| p.0).collect::<Vec<_>>(),
            vec![0.0, 1.0, 2.0]
        );
        assert_eq!(s.curve(50, 1), vec![(0.0, 1.0)]);
        assert!(s.curve(0, 10).is_empty());
        assert!(s.curve(10, 0).is_empty());
    }
}
