//! The standard normal distribution that TPE's kernels are made of: the
//! density φ, the cumulative Φ and its inverse Φ⁻¹, and the Gaussian truncated
//! to an interval. Plain f64 arithmetic (std has no erf), about 1e-13 relative
//! error, also deep in the tails, where the kernels of a narrow estimator live.

use std::f64::consts::PI;

/// ln √(2π)
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// φ(x) = exp(−x²/2) / √(2π)
fn density(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * PI).sqrt()
}

/// The upper tail Φ(−z) = 1 − Φ(z) for z ≥ 0. Below 3 by the series
/// Φ(z) = ½ + φ(z) (z + z³/3 + z⁵/(3·5) + …), whose terms are all positive
/// (Marsaglia, "Evaluating the Normal Distribution", 2004); from 3 by the
/// continued fraction Φ(−z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))), 40 terms.
fn upper_tail(z: f64) -> f64 {
    if z < 3.0 {
        let (mut sum, mut term) = (0.0, z);
        let mut k = 1.0;
        while term > 1e-17 * sum || sum == 0.0 && term > 0.0 {
            sum += term;
            k += 2.0;
            term *= z * z / k;
        }
        0.5 - density(z) * sum
    } else {
        let fraction = (1..=40).rev().fold(0.0, |f, k| f64::from(k) / (z + f));
        density(z) / (z + fraction)
    }
}

/// Φ(x), the probability of (−∞, x] under N(0, 1).
pub fn cdf(x: f64) -> f64 {
    if x < 0.0 {
        upper_tail(-x)
    } else {
        1.0 - upper_tail(x)
    }
}

/// Φ(b) − Φ(a) for a ≤ b, from the tail the interval lies in, so that a small
/// mass far from 0 keeps its digits.
pub fn mass(a: f64, b: f64) -> f64 {
    if b <= 0.0 {
        upper_tail(-b) - upper_tail(-a)
    } else if a >= 0.0 {
        upper_tail(a) - upper_tail(b)
    } else {
        1.0 - upper_tail(-a) - upper_tail(b)
    }
}

/// Φ⁻¹(p), the x with Φ(x) = p, for 0 < p < 1: Abramowitz & Stegun 26.2.23
/// (error below 4.5e-4), then Halley steps on Φ(x) − p. Exact in relative terms
/// for small p; for p near 1 pass the small 1 − p and negate (Φ⁻¹(p) = −Φ⁻¹(1 − p)).
pub fn quantile(p: f64) -> f64 {
    if p > 0.5 {
        return -quantile(1.0 - p);
    }
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    let t = (-2.0 * p.ln()).sqrt();
    let mut x = -(t
        - (2.515_517 + t * (0.802_853 + t * 0.010_328)) / (1.0 + t * (1.432_788 + t * (0.189_269 + t * 0.001_308))));
    for _ in 0..3 {
        let u = (cdf(x) - p) / density(x);
        if !u.is_finite() {
            break;
        }
        x -= u / (1.0 + 0.5 * x * u);
    }
    x
}

/// N(mu, sigma²) truncated to [lo, hi]: density φ(z) / (σ (Φ(b) − Φ(a))) with
/// z = (x − mu)/σ, a = (lo − mu)/σ, b = (hi − mu)/σ.
#[derive(Clone, Debug, PartialEq)]
pub struct Truncated {
    mu: f64,
    sigma: f64,
    a: f64,
    b: f64,
    /// Φ(b) − Φ(a)
    mass: f64,
}

impl Truncated {
    pub fn new(mu: f64, sigma: f64, lo: f64, hi: f64) -> Self {
        let (a, b) = ((lo - mu) / sigma, (hi - mu) / sigma);
        Self {
            mu,
            sigma,
            a,
            b,
            mass: mass(a, b),
        }
    }

    /// The draw for a uniform u in [0, 1) by the inverse cdf: z with
    /// Φ(z) = Φ(a) + u (Φ(b) − Φ(a)), solved in the smaller tail, x = mu + σ z.
    pub fn sample(&self, u: f64) -> f64 {
        let below = cdf(self.a) + u * self.mass;
        let above = cdf(-self.b) + (1.0 - u) * self.mass;
        let z = if below <= above {
            quantile(below)
        } else {
            -quantile(above)
        };
        self.mu + self.sigma * z.clamp(self.a, self.b)
    }

    /// ln of the density at x in [lo, hi]: −z²/2 − ln √(2π) − ln σ − ln (Φ(b) − Φ(a)).
    pub fn log_density(&self, x: f64) -> f64 {
        let z = (x - self.mu) / self.sigma;
        -0.5 * z * z - LN_SQRT_2PI - self.sigma.ln() - self.mass.ln()
    }

    /// ln of the probability of [x0, x1] within [lo, hi]: ln (Φ(z1) − Φ(z0)) − ln (Φ(b) − Φ(a)).
    pub fn log_probability(&self, x0: f64, x1: f64) -> f64 {
        let (z0, z1) = ((x0 - self.mu) / self.sigma, (x1 - self.mu) / self.sigma);
        mass(z0, z1).ln() - self.mass.ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Φ(x) by Python's `0.5 * math.erfc(-x / math.sqrt(2))` (the C library's erfc).
    const REFERENCE: [(f64, f64); 7] = [
        (-30.0, 4.906_713_927_148_764e-198),
        (-8.0, 6.220_960_574_271_819e-16),
        (-3.0, 1.349_898_031_630_095_7e-3),
        (-1.0, 0.158_655_253_931_457_07),
        (0.0, 0.5),
        (0.5, 0.691_462_461_274_013_1),
        (2.9, 0.998_134_186_699_616),
    ];

    #[test]
    fn the_cdf_matches_the_reference_to_1e_12_relative_even_in_the_tail() {
        for (x, want) in REFERENCE {
            let got = cdf(x);
            assert!(
                ((got - want) / want).abs() < 1e-12,
                "Φ({x}) = {got:e}, expected {want:e}"
            );
        }
    }

    #[test]
    fn the_quantile_inverts_the_cdf() {
        for p in [1e-300, 1e-20, 1e-8, 0.001, 0.1, 0.3, 0.5, 0.7, 0.99] {
            let x = quantile(p);
            let back = if p > 0.5 { 1.0 - cdf(-x) } else { cdf(x) };
            assert!(((back - p) / p).abs() < 1e-12, "Φ(Φ⁻¹({p})) = {back:e}");
        }
    }

    #[test]
    fn a_truncated_gaussian_draws_inside_its_interval_and_its_density_integrates_to_one() {
        let g = Truncated::new(0.9, 0.3, 0.0, 1.0);
        for i in 0..100 {
            let x = g.sample(f64::from(i) / 100.0);
            assert!((0.0..=1.0).contains(&x), "draw {x}");
        }
        let n = 10_000;
        let integral: f64 = (0..n)
            .map(|i| g.log_density((f64::from(i) + 0.5) / f64::from(n)).exp())
            .sum::<f64>()
            / f64::from(n);
        assert!((integral - 1.0).abs() < 1e-6, "∫ density = {integral}");
        assert!((g.log_probability(0.0, 1.0)).abs() < 1e-12);
        // The median draw sits where half the mass is on each side.
        let median = g.sample(0.5);
        assert!((g.log_probability(0.0, median).exp() - 0.5).abs() < 1e-12);
    }
}
