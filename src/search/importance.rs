//! Which searched dimension mattered: each dimension's share of the
//! objective's variance that its marginal means explain, the correlation ratio
//!
//!   η² = Σ_g n_g (ȳ_g − ȳ)² / Σ_i (y_i − ȳ)²,
//!
//! over groups g of the observations by that dimension's value: a choice's
//! indices, the distinct values of a dimension with at most 8 of them, else 4
//! quantile bins. Failed and diverged trials (non-finite objectives) are left out.
//!
//! This is not fANOVA (Hutter, Hoos, Leyton-Brown 2014; Optuna's default),
//! which fits a random forest to the trials and decomposes its variance. η² is
//! used because it is cheap (one pass per dimension, no forest to grow in the
//! page), deterministic, and exact on grids: on a full grid the marginal means
//! are the main effects, so η² is each dimension's main-effect share of the
//! variance. Random and TPE trials are not a grid, so there it is an estimate
//! that also credits a dimension with what it shares with correlated others.

use super::domain::{Domain, Observation};

/// The most distinct values a real or an integer may take to be grouped by value.
const MAX_DISTINCT: usize = 8;
/// The number of quantile bins of a dimension with more distinct values.
const BINS: usize = 4;

/// η² of each domain, in [0, 1]; all 0 with fewer than 2 finite objectives or
/// when they are all equal.
pub fn importance(domains: &[Domain], seen: &[Observation]) -> Vec<f64> {
    let finite: Vec<&Observation> = seen.iter().filter(|o| o.objective.is_finite()).collect();
    let mean = finite.iter().map(|o| o.objective).sum::<f64>() / finite.len() as f64;
    let total: f64 = finite.iter().map(|o| (o.objective - mean).powi(2)).sum();
    if finite.len() < 2 || total.is_nan() || total <= 0.0 {
        return vec![0.0; domains.len()];
    }
    let groups_of = |d: usize| {
        let xs: Vec<f64> = finite.iter().map(|o| o.values[d]).collect();
        groups(&domains[d], &xs)
    };
    (0..domains.len())
        .map(|d| {
            let labels = groups_of(d);
            let count = labels.iter().max().map_or(0, |m| m + 1);
            let (mut sums, mut sizes) = (vec![0.0; count], vec![0.0; count]);
            for (o, &g) in finite.iter().zip(&labels) {
                sums[g] += o.objective;
                sizes[g] += 1.0;
            }
            let between: f64 = sums
                .iter()
                .zip(&sizes)
                .filter(|(_, &m)| m > 0.0)
                .map(|(s, m)| m * (s / m - mean).powi(2))
                .sum();
            (between / total).clamp(0.0, 1.0)
        })
        .collect()
}

/// Each value's group: its index among the distinct values when it is a choice
/// or there are at most `MAX_DISTINCT` of them, else its quantile bin
/// (the number of cut points c_j = x_(⌊j n / 4⌋), j = 1, 2, 3, at or below it).
fn groups(domain: &Domain, xs: &[f64]) -> Vec<usize> {
    let sorted = super::order::sorted(xs.iter().copied());
    let mut distinct = sorted.clone();
    distinct.dedup();
    if matches!(domain, Domain::Choice { .. }) || distinct.len() <= MAX_DISTINCT {
        return xs
            .iter()
            .map(|x| distinct.partition_point(|v| v.total_cmp(x).is_lt()))
            .collect();
    }
    let cuts: Vec<f64> = (1..BINS).map(|j| sorted[j * xs.len() / BINS]).collect();
    xs.iter().map(|x| cuts.iter().filter(|&&c| c <= *x).count()).collect()
}
