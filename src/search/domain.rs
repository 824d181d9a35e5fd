//! The samplers' view of a search: one `Domain` per searched dimension, a
//! finished trial as an `Observation`, and the uniform draw (`random`) that
//! random search is and that TPE starts from.
//!
//! Samplers work in a transformed space: the logarithm for log domains, and
//! for integers the real interval [lo − ½, hi + ½] whose rounding gives each
//! integer its share. A value v of the domain is `space(v)` there, and a point
//! t of that space is the value `value(t)`.

use crate::rng::Rng;

/// One searched dimension.
#[derive(Clone, Debug, PartialEq)]
pub enum Domain {
    /// A real in [lo, hi], on a log scale when `log` (then lo > 0).
    Real { lo: f64, hi: f64, log: bool },
    /// An integer in lo ..= hi, log scale when `log` (then lo ≥ 1).
    Int { lo: i64, hi: i64, log: bool },
    /// One of n unordered choices; the value is the index as f64.
    Choice { n: usize },
}

/// A finished trial as samplers see it: one value per domain, and the
/// objective (lower is better; NaN/inf = failed or diverged; treat as worst).
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub values: Vec<f64>,
    pub objective: f64,
}

impl Observation {
    /// The objective as it ranks: failed and diverged trials (non-finite) rank last.
    pub(super) fn rank_key(&self) -> f64 {
        if self.objective.is_finite() {
            self.objective
        } else {
            f64::INFINITY
        }
    }
}

impl Domain {
    fn log(&self) -> bool {
        matches!(self, Self::Real { log: true, .. } | Self::Int { log: true, .. })
    }

    /// The interval of the transformed space: [lo, hi] for a real, [lo − ½, hi + ½]
    /// for an integer, each through ln on a log scale; a choice's indices count
    /// as the integers 0 ..= n − 1.
    pub fn space_interval(&self) -> (f64, f64) {
        let (lo, hi) = match *self {
            Self::Real { lo, hi, .. } => (lo, hi),
            Self::Int { lo, hi, .. } => (lo as f64 - 0.5, hi as f64 + 0.5),
            Self::Choice { n } => (-0.5, n as f64 - 0.5),
        };
        if self.log() {
            (lo.ln(), hi.ln())
        } else {
            (lo, hi)
        }
    }

    /// A value of the domain in the transformed space: ln v on a log scale, else v.
    pub fn space(&self, v: f64) -> f64 {
        if self.log() {
            v.ln()
        } else {
            v
        }
    }

    /// The domain's value at a point t of the transformed space: exp t on a log
    /// scale, rounded to the nearest integer for an integer, clamped to the domain.
    pub fn value(&self, t: f64) -> f64 {
        let v = if self.log() { t.exp() } else { t };
        match *self {
            Self::Real { lo, hi, .. } => v.clamp(lo, hi),
            Self::Int { lo, hi, .. } => v.round().clamp(lo as f64, hi as f64),
            Self::Choice { n } => v.round().clamp(0.0, n.saturating_sub(1) as f64),
        }
    }

    /// A uniform draw on the transformed space: a real is uniform (log-uniform on a
    /// log scale), an integer uniform over lo ..= hi (on a log scale uniform in ln
    /// between lo − ½ and hi + ½, then rounded), a choice uniform over its n indices.
    pub fn draw(&self, rng: &mut Rng) -> f64 {
        match *self {
            Self::Choice { n } => rng.below(n) as f64,
            _ => {
                let (lo, hi) = self.space_interval();
                self.value(rng.uniform(lo, hi))
            }
        }
    }
}

/// One uniform draw per domain (`Domain::draw`).
pub fn random(domains: &[Domain], rng: &mut Rng) -> Vec<f64> {
    domains.iter().map(|d| d.draw(rng)).collect()
}
