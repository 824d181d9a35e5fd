//! The tree-structured Parzen estimator (Bergstra, Bardenet, Bengio, Kégl,
//! "Algorithms for Hyper-Parameter Optimization", NeurIPS 2011), in the
//! independent variant of Optuna's TPESampler: each dimension on its own.
//!
//! After `startup` random trials, the n observations split into the γ(n) best
//! (the good group, density l) and the rest (the bad group, density g), with
//! γ(n) = min(⌈n / 10⌉, 25). For each dimension, `candidates` values are drawn
//! from l and the one maximising ln l(x) − ln g(x) is suggested: the expected
//! improvement is monotone in l / g. Each group's density is a Parzen
//! estimator (`parzen.rs`); in the bad group, observations older than the
//! newest 25 weigh less, linearly from 1/n for the oldest up to 1.
//!
//! Trials still running when a trial is suggested (`pending`) join the bad
//! group with their values, as in Optuna's `constant_liar` (its default since
//! 5.0): a pending trial counts as a poor result until it is seen, so trials
//! suggested while it runs look elsewhere instead of all piling onto the same
//! promising spot. Without it, 8 trials in flight make TPE barely better than
//! random search on Branin (src/search/tests.rs).

use super::domain::{random, Domain, Observation};
use super::parzen::Parzen;
use crate::rng::Rng;

/// How far a trial's view lags behind: trial k is suggested from trials
/// j < k + 1 − LAG only. The page runs trials in parallel workers, and a shared
/// link must replay the same trials whatever the number of workers; so no
/// suggestion may depend on a trial that could still be running. With LAG 6 up
/// to 6 trials (k − 5 ..= k) run at once without waiting; more workers wait
/// during a Bayesian search. A longer lag weakens TPE (Branin, 40 trials, 100
/// seeds: it beats random search in 66 seeds with LAG 4 or 6, 61 with LAG 8).
pub const LAG: usize = 6;

/// The number of trials trial k may see: trials 0 .. visible(k), that is k + 1 − LAG (at least 0).
pub fn visible(k: usize) -> usize {
    (k + 1).saturating_sub(LAG)
}

/// TPE's settings; the defaults are Optuna's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tpe {
    /// Random suggestions while fewer observations than this are visible (default 10).
    pub startup: usize,
    /// Values drawn from l per dimension, of which the best l / g is suggested (default 24).
    pub candidates: usize,
}

impl Default for Tpe {
    fn default() -> Self {
        Self {
            startup: 10,
            candidates: 24,
        }
    }
}

impl Tpe {
    /// The next trial's values, one per domain, from the finished trials `seen`
    /// and the trials still running, `pending` (only their values are read),
    /// both in trial order. Trial k passes trials 0 .. visible(k) as `seen` and
    /// trials visible(k) .. k as `pending`. Deterministic in (domains, seen,
    /// pending's values, rng).
    pub fn suggest(
        &self,
        domains: &[Domain],
        seen: &[Observation],
        pending: &[Observation],
        rng: &mut Rng,
    ) -> Vec<f64> {
        if seen.len() < self.startup {
            return random(domains, rng);
        }
        let (good, mut bad) = split(seen);
        bad.extend(pending.iter().map(|o| o.values.as_slice()));
        let (good_weights, bad_weights) = (weights(good.len()), weights(bad.len()));
        let column = |group: &[&[f64]], d: usize| -> Vec<f64> { group.iter().map(|values| values[d]).collect() };
        let mut suggestion = Vec::with_capacity(domains.len());
        for (d, domain) in domains.iter().enumerate() {
            let (lo, hi) = domain.space_interval();
            if hi <= lo {
                suggestion.push(domain.value(lo)); // a single value: nothing to choose
                continue;
            }
            let l = Parzen::fit(domain, &column(&good, d), &good_weights);
            let g = Parzen::fit(domain, &column(&bad, d), &bad_weights);
            let mut best = (f64::NEG_INFINITY, f64::NAN);
            for i in 0..self.candidates.max(1) {
                let x = l.sample(rng);
                let score = l.log_density(x) - g.log_density(x);
                if i == 0 || score > best.0 {
                    best = (score, x);
                }
            }
            suggestion.push(best.1);
        }
        suggestion
    }
}

/// γ(n) = min(⌈n / 10⌉, 25), the size of the good group (Optuna's `default_gamma`).
fn good_count(n: usize) -> usize {
    n.div_ceil(10).min(25)
}

/// The values of the good group (the γ(n) lowest objectives, ties to the
/// earlier trial, never a failed trial) and of the bad group (the rest), each
/// in trial order.
fn split(seen: &[Observation]) -> (Vec<&[f64]>, Vec<&[f64]>) {
    let ranked = super::order::argsort(seen.iter().map(Observation::rank_key));
    let finite = seen.iter().filter(|o| o.objective.is_finite()).count();
    let mut good = vec![false; seen.len()];
    for &i in &ranked[..good_count(seen.len()).min(finite)] {
        good[i] = true;
    }
    let (mut good_group, mut bad_group) = (Vec::new(), Vec::new());
    for (o, is_good) in seen.iter().zip(good) {
        if is_good { &mut good_group } else { &mut bad_group }.push(o.values.as_slice());
    }
    (good_group, bad_group)
}

/// The observations' weights in trial order (Optuna's `default_weights`): 1
/// for n < 25; else the oldest n − 25 ramp linearly from 1/n to 1 and the
/// newest 25 weigh 1.
pub(super) fn weights(n: usize) -> Vec<f64> {
    let ramp = n.saturating_sub(25);
    let step = if ramp > 1 {
        (1.0 - 1.0 / n as f64) / (ramp - 1) as f64
    } else {
        0.0
    };
    (0..n)
        .map(|i| {
            if i < ramp {
                1.0 / n as f64 + step * i as f64
            } else {
                1.0
            }
        })
        .collect()
}
