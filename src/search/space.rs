//! A search space: the ticked settings with their values, seen by the samplers
//! as `Domain`s (a list is a choice, a range is a real or integer interval,
//! each listed input feature is an on/off choice), and turned back into a
//! trial's setup.

use super::domain::Domain;
use super::setting::{apply_features, apply_network, Kind, Setting, Value, Values};
use crate::config::Config;

/// A grid splits a range into this many points (log-spaced on a log range).
pub const GRID_POINTS: usize = 5;
/// The largest grid a search runs.
pub const MAX_GRID: u64 = 10_000;

#[derive(Clone, Debug, PartialEq)]
pub struct Space {
    /// Ticked settings in `Setting::ALL` order.
    pub dims: Vec<(Setting, Values)>,
}

impl Space {
    /// Each setting's domains, in order (input features give one per listed feature).
    pub fn domains(&self) -> Vec<Domain> {
        let mut out = Vec::new();
        for (setting, values) in &self.dims {
            match values {
                Values::Numbers(v) => out.push(Domain::Choice { n: v.len() }),
                Values::Keys(k) if *setting == Setting::Features => {
                    out.extend(k.iter().map(|_| Domain::Choice { n: 2 }))
                }
                Values::Keys(k) => out.push(Domain::Choice { n: k.len() }),
                Values::Shapes(s) => out.push(Domain::Choice { n: s.len() }),
                Values::Range(lo, hi) => {
                    let (int, log) = match setting.kind() {
                        Kind::Number { int, log, .. } => (int, log),
                        _ => (false, false),
                    };
                    out.push(if int {
                        Domain::Int {
                            lo: *lo as i64,
                            hi: *hi as i64,
                            log,
                        }
                    } else {
                        Domain::Real { lo: *lo, hi: *hi, log }
                    });
                }
            }
        }
        out
    }

    /// The values a grid takes in each domain.
    pub fn grid_axes(&self) -> Vec<Vec<f64>> {
        self.domains()
            .iter()
            .map(|d| match *d {
                Domain::Choice { n } => (0..n).map(|i| i as f64).collect(),
                Domain::Real { lo, hi, log } => (0..GRID_POINTS)
                    .map(|i| {
                        let t = i as f64 / (GRID_POINTS - 1) as f64;
                        if log {
                            lo * (hi / lo).powf(t)
                        } else {
                            lo + (hi - lo) * t
                        }
                    })
                    .collect(),
                Domain::Int { lo, hi, log } => {
                    let mut v: Vec<f64> = (0..GRID_POINTS)
                        .map(|i| {
                            let t = i as f64 / (GRID_POINTS - 1) as f64;
                            let (a, b) = (lo as f64, hi as f64);
                            if log {
                                (a * (b / a).powf(t)).round()
                            } else {
                                (a + (b - a) * t).round()
                            }
                        })
                        .collect();
                    v.dedup();
                    v
                }
            })
            .collect()
    }

    /// Combinations in the grid (saturating; compare with `MAX_GRID`).
    pub fn grid_size(&self) -> u64 {
        self.grid_axes()
            .iter()
            .fold(1u64, |n, a| n.saturating_mul(a.len() as u64))
    }

    /// The grid's combination `index` (the last domain varies fastest).
    pub fn grid_point(&self, mut index: u64) -> Vec<f64> {
        let axes = self.grid_axes();
        let mut x = vec![0.0; axes.len()];
        for (d, axis) in axes.iter().enumerate().rev() {
            let n = axis.len() as u64;
            x[d] = axis[(index % n) as usize];
            index /= n;
        }
        x
    }

    /// Each setting's value at the domain point `x`.
    pub fn values(&self, x: &[f64]) -> Vec<Value> {
        let mut it = x.iter().copied();
        let mut out = Vec::new();
        for (setting, values) in &self.dims {
            let pick = |i: f64, n: usize| (i.max(0.0) as usize).min(n - 1);
            out.push(match values {
                Values::Numbers(v) => Value::Number(v[pick(it.next().unwrap_or(0.0), v.len())]),
                Values::Keys(k) if *setting == Setting::Features => {
                    Value::Features(k.iter().copied().filter(|_| it.next().unwrap_or(0.0) >= 0.5).collect())
                }
                Values::Keys(k) => Value::Key(k[pick(it.next().unwrap_or(0.0), k.len())]),
                Values::Shapes(s) => Value::Shape(s[pick(it.next().unwrap_or(0.0), s.len())].clone()),
                Values::Range(lo, hi) => Value::Number(it.next().unwrap_or(*lo).clamp(*lo, *hi)),
            });
        }
        out
    }

    /// The base setup with a trial's values; Err when the values make no network
    /// (no input feature left).
    pub fn config(&self, base: &Config, values: &[Value]) -> Result<Config, String> {
        let mut c = base.clone();
        let (mut layers, mut neurons) = (None, None);
        for ((setting, listed), value) in self.dims.iter().zip(values) {
            match (setting, value, listed) {
                (Setting::HiddenLayers, Value::Number(n), _) => layers = Some(*n as usize),
                (Setting::Neurons, Value::Number(n), _) => neurons = Some(*n as usize),
                (Setting::Features, Value::Features(on), Values::Keys(keys)) => apply_features(&mut c, keys, on),
                _ => {}
            }
        }
        apply_network(&mut c, layers, neurons);
        // Dropout applies per layer, so it follows the final network.
        for ((setting, _), value) in self.dims.iter().zip(values) {
            setting.apply(&mut c, value);
        }
        if c.features.is_empty() {
            return Err("no input feature is switched on".into());
        }
        Ok(c.validate().0)
    }
}
