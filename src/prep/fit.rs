//! What is fitted on the training rows only: the scaling maps, the values that
//! fill in missing cells, and the statistics both need.

use super::{Missing, Scaling};
use crate::table::Column;

/// x' = (x − offset) · scale, per feature; y likewise for regression.
#[derive(Clone, Debug, PartialEq)]
pub struct Affine {
    pub offset: f32,
    pub scale: f32,
}

impl Affine {
    pub const IDENTITY: Affine = Affine {
        offset: 0.0,
        scale: 1.0,
    };
    pub fn apply(&self, v: f32) -> f32 {
        (v - self.offset) * self.scale
    }
    pub fn invert(&self, v: f32) -> f32 {
        v / self.scale + self.offset
    }
}

pub(super) fn mean_std(values: impl Iterator<Item = f32>) -> (f32, f32) {
    let (mut n, mut sum, mut sq) = (0usize, 0.0f64, 0.0f64);
    for v in values {
        n += 1;
        sum += f64::from(v);
        sq += f64::from(v) * f64::from(v);
    }
    if n == 0 {
        return (0.0, 1.0);
    }
    let mean = sum / n as f64;
    let var = (sq / n as f64 - mean * mean).max(0.0);
    (mean as f32, var.sqrt() as f32)
}

/// The affine map of `scaling`, fitted on `values` (training rows).
pub(super) fn fit(values: impl Iterator<Item = f32> + Clone, scaling: Scaling) -> Affine {
    match scaling {
        Scaling::None => Affine::IDENTITY,
        Scaling::Standard => {
            let (mean, std) = mean_std(values);
            Affine {
                offset: mean,
                scale: if std > 0.0 { 1.0 / std } else { 1.0 },
            }
        }
        Scaling::MinMax => {
            let (lo, hi) = values.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
            if hi > lo {
                Affine {
                    offset: (lo + hi) / 2.0,
                    scale: 2.0 / (hi - lo),
                }
            } else {
                Affine { offset: lo, scale: 1.0 }
            }
        }
    }
}

pub(super) fn fill_value(v: &mut [f32], strategy: Missing) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    match strategy {
        Missing::Mean | Missing::DropRows => v.iter().map(|&x| f64::from(x)).sum::<f64>() as f32 / v.len() as f32,
        Missing::Median => {
            v.sort_unstable_by(f32::total_cmp);
            let n = v.len();
            if n % 2 == 1 {
                v[n / 2]
            } else {
                (v[n / 2 - 1] + v[n / 2]) / 2.0
            }
        }
        Missing::MostFrequent => {
            v.sort_unstable_by(f32::total_cmp);
            let mut best = (v[0], 0usize);
            let mut run = (v[0], 0usize);
            for &x in v.iter() {
                run = if x == run.0 { (x, run.1 + 1) } else { (x, 1) };
                if run.1 > best.1 {
                    best = run;
                }
            }
            best.0
        }
    }
}

pub(super) fn most_frequent_code(c: &Column, rows: &[usize]) -> u32 {
    let mut counts = vec![0usize; c.levels.len()];
    for &r in rows {
        if let Some(n) = counts.get_mut(c.codes[r] as usize) {
            *n += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|&(k, &n)| (n, std::cmp::Reverse(k)))
        .map_or(0, |(k, _)| k as u32)
}
