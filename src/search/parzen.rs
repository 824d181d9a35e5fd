//! One dimension's Parzen estimator, the density TPE builds from a group of
//! observations: a weighted mixture of one kernel per observed value and one
//! prior kernel covering the whole domain (Bergstra et al. 2011, with the
//! choices of Optuna's independent TPE).
//!
//! For a real or an integer the kernels are Gaussians in the transformed space
//! (ln on a log scale), truncated to the domain's interval [lo, hi] (integers:
//! [lo − ½, hi + ½], an integer's probability is its unit cell's). Each
//! observation's Gaussian sits on its value, as wide as the larger gap to its
//! sorted neighbours (the interval's ends count as neighbours, except for the
//! smallest and largest values, which take their one inner gap), clipped to
//! [(hi − lo) / min(100, n + 2), hi − lo] ("magic clip", n observations). The
//! prior kernel sits at the middle with σ = hi − lo. For a choice among m, an
//! observation's kernel puts 1 + 1/(n + 1) on its index and 1/(n + 1) on every
//! other index (normalised), the prior kernel is uniform.

use super::domain::Domain;
use super::normal::Truncated;
use crate::rng::Rng;

/// The prior kernel's weight, next to each observation's (Optuna's `prior_weight`).
const PRIOR_WEIGHT: f64 = 1.0;

pub enum Parzen<'a> {
    /// A real or an integer: the mixture weights (summing to 1) and the truncated Gaussians.
    Gaussians {
        domain: &'a Domain,
        weights: Vec<f64>,
        kernels: Vec<Truncated>,
    },
    /// A choice: the mixture's probability of each index.
    Categorical { probabilities: Vec<f64> },
}

impl<'a> Parzen<'a> {
    /// The estimator of `values` (one per observation), whose kernels weigh
    /// `weights` (one per observation) and the prior `PRIOR_WEIGHT`.
    pub fn fit(domain: &'a Domain, values: &[f64], weights: &[f64]) -> Self {
        let total = weights.iter().sum::<f64>() + PRIOR_WEIGHT;
        let mut weights: Vec<f64> = weights.iter().chain([&PRIOR_WEIGHT]).map(|w| w / total).collect();
        if let Domain::Choice { n } = *domain {
            let prior = weights.pop().unwrap_or(1.0);
            let kernels = values.len() as f64 + 1.0;
            let row_sum = 1.0 + PRIOR_WEIGHT * n as f64 / kernels;
            let (peak, spread) = (1.0 / row_sum, PRIOR_WEIGHT / kernels / row_sum);
            let mut probabilities = vec![prior / n as f64 + (1.0 - prior) * spread; n];
            for (v, w) in values.iter().zip(&weights) {
                probabilities[*v as usize] += w * peak;
            }
            return Self::Categorical { probabilities };
        }
        let (lo, hi) = domain.space_interval();
        let mus: Vec<f64> = values.iter().map(|&v| domain.space(v)).collect();
        let kernels = widths(&mus, lo, hi)
            .into_iter()
            .zip(&mus)
            .map(|(sigma, &mu)| Truncated::new(mu, sigma, lo, hi))
            .chain([Truncated::new(0.5 * (lo + hi), hi - lo, lo, hi)])
            .collect();
        Self::Gaussians {
            domain,
            weights,
            kernels,
        }
    }

    /// One draw: a kernel by its weight, then a value from it.
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        match self {
            Self::Categorical { probabilities } => pick(probabilities, rng.unit()) as f64,
            Self::Gaussians {
                domain,
                weights,
                kernels,
            } => {
                let kernel = &kernels[pick(weights, rng.unit())];
                domain.value(kernel.sample(rng.unit()))
            }
        }
    }

    /// ln of the estimator's density at a value of the domain (for an integer
    /// or a choice, of its probability), relative to the transformed space.
    pub fn log_density(&self, v: f64) -> f64 {
        match self {
            Self::Categorical { probabilities } => probabilities[v as usize].ln(),
            Self::Gaussians {
                domain,
                weights,
                kernels,
            } => {
                let int = matches!(domain, Domain::Int { .. });
                let (t0, t1) = if int { (v - 0.5, v + 0.5) } else { (v, v) };
                let (t0, t1) = (domain.space(t0), domain.space(t1));
                let log_kernel = |k: &Truncated| {
                    if int {
                        k.log_probability(t0, t1)
                    } else {
                        k.log_density(t0)
                    }
                };
                log_sum_exp(weights.iter().zip(kernels).map(|(w, k)| w.ln() + log_kernel(k)))
            }
        }
    }
}

/// The Gaussians' widths σ for the observations at `mus` in [lo, hi] (see the module's doc).
fn widths(mus: &[f64], lo: f64, hi: f64) -> Vec<f64> {
    let n = mus.len();
    let order: Vec<usize> = super::order::argsort(mus.iter().copied());
    let sorted: Vec<f64> = [lo]
        .into_iter()
        .chain(order.iter().map(|&i| mus[i]))
        .chain([hi])
        .collect();
    let (min, max) = ((hi - lo) / (n as f64 + 2.0).min(100.0), hi - lo);
    let mut sigmas = vec![0.0; n];
    for (rank, &i) in order.iter().enumerate() {
        let j = rank + 1; // the position in `sorted`
        let gap = match (rank, n) {
            (0, 2..) => sorted[2] - sorted[1],
            (_, 2..) if rank == n - 1 => sorted[n] - sorted[n - 1],
            _ => (sorted[j] - sorted[j - 1]).max(sorted[j + 1] - sorted[j]),
        };
        sigmas[i] = gap.clamp(min, max);
    }
    sigmas
}

/// The index whose cumulative weight first exceeds u (weights summing to 1).
fn pick(weights: &[f64], u: f64) -> usize {
    let mut cumulative = 0.0;
    weights
        .iter()
        .position(|w| {
            cumulative += w;
            u < cumulative
        })
        .unwrap_or(weights.len() - 1)
}

/// ln Σ exp(xᵢ) in one pass, scaled by the largest term so far.
fn log_sum_exp(xs: impl Iterator<Item = f64>) -> f64 {
    let (mut max, mut sum) = (f64::NEG_INFINITY, 0.0);
    for x in xs.filter(|&x| x != f64::NEG_INFINITY) {
        if x > max {
            sum = sum * (max - x).exp() + 1.0;
            max = x;
        } else {
            sum += (x - max).exp();
        }
    }
    max + sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tpe::weights;

    /// ln l(x) by Optuna 5.0.0's `_ParzenEstimator` (prior weight 1, magic clip,
    /// no endpoints, `default_weights`) on the same observations: the figures
    /// bench/search/optuna_parzen.py prints (`scripts/search-reference.sh`).
    fn matches_optuna(domain: Domain, values: &[f64], at: &[f64], optuna: &[f64]) {
        let parzen = Parzen::fit(&domain, values, &weights(values.len()));
        for (&x, &want) in at.iter().zip(optuna) {
            let got = parzen.log_density(x);
            assert!((got - want).abs() < 1e-9, "{domain:?} at {x}: {got}, Optuna {want}");
        }
    }

    #[test]
    fn the_densities_are_optunas_for_reals_integers_and_choices() {
        let real = |lo, hi, log| Domain::Real { lo, hi, log };
        matches_optuna(
            real(0.0, 1.0, false),
            &[0.2, 0.5, 0.6],
            &[0.1, 0.55, 0.9],
            &[-0.17807131172314172, 0.29585132684386806, -0.5330206292759933],
        );
        matches_optuna(
            real(1e-3, 1.0, true),
            &[0.01, 0.02, 0.5],
            &[0.005, 0.1],
            &[-1.8147970524019814, -1.9416315692586659],
        );
        matches_optuna(
            Domain::Int {
                lo: 1,
                hi: 10,
                log: false,
            },
            &[2.0, 3.0, 9.0],
            &[1.0, 3.0, 10.0],
            &[-2.108713759199237, -2.0330226047608724, -2.65687527422421],
        );
        matches_optuna(
            Domain::Int {
                lo: 1,
                hi: 100,
                log: true,
            },
            &[2.0, 30.0],
            &[1.0, 25.0, 100.0],
            &[-1.6791183956354776, -4.850924658960854, -6.444522280568508],
        );
        matches_optuna(
            Domain::Choice { n: 3 },
            &[0.0, 0.0, 2.0],
            &[0.0, 1.0, 2.0],
            &[-0.7419373447293773, -1.6582280766035324, -1.0986122886681098],
        );
        matches_optuna(real(0.0, 1.0, false), &[], &[0.3], &[0.02097780049094955]);
    }

    #[test]
    fn older_observations_weigh_less_from_25_on_as_in_optuna() {
        let values: Vec<f64> = (0..30).map(|i| f64::from((i * 7) % 30) / 30.0 + 1.0 / 60.0).collect();
        let domain = Domain::Real {
            lo: 0.0,
            hi: 1.0,
            log: false,
        };
        matches_optuna(
            domain,
            &values,
            &[0.05, 0.33],
            &[-0.20961480755236317, 0.0662021922182654],
        );
    }

    #[test]
    fn a_gaussian_is_as_wide_as_its_larger_gap_and_the_outer_ones_as_their_inner_gap() {
        // Sorted with the ends: 0, 0.2, 0.5, 0.6, 1. The smallest takes its inner gap 0.3,
        // the middle one max(0.3, 0.1), the largest its inner gap 0.1, clipped up to 1 / (3 + 2).
        let sigmas = widths(&[0.6, 0.2, 0.5], 0.0, 1.0);
        let want = [0.2, 0.3, 0.3];
        assert!(
            sigmas.iter().zip(want).all(|(s, w)| (s - w).abs() < 1e-15),
            "{sigmas:?}"
        );
        // One observation: the larger gap to the ends.
        assert_eq!(widths(&[0.25], 0.0, 1.0), vec![0.75]);
    }
}
