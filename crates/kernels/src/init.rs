//! How a layer's first weights and biases are drawn. fan_in = n_in, fan_out = n_out.

use crate::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Init {
    /// The Playground's: w ~ U(−0.5, 0.5), b = 0.1.
    #[default]
    PlaygroundUniform,
    /// Glorot & Bengio (2010): w ~ U(−r, r), r = √(6 / (fan_in + fan_out)), b = 0.
    GlorotUniform,
    /// w ~ N(0, 2 / (fan_in + fan_out)), b = 0.
    GlorotNormal,
    /// He et al. (2015): w ~ U(−r, r), r = √(6 / fan_in), b = 0.
    HeUniform,
    /// w ~ N(0, 2 / fan_in), b = 0.
    HeNormal,
    /// w = 0, b = 0: every neuron of a layer computes the same thing and gets the
    /// same gradient, so they never become different (no symmetry breaking).
    Zeros,
}

impl Init {
    pub const ALL: [Init; 6] = [
        Self::PlaygroundUniform,
        Self::GlorotUniform,
        Self::GlorotNormal,
        Self::HeUniform,
        Self::HeNormal,
        Self::Zeros,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::PlaygroundUniform => "playground",
            Self::GlorotUniform => "glorot_uniform",
            Self::GlorotNormal => "glorot_normal",
            Self::HeUniform => "he_uniform",
            Self::HeNormal => "he_normal",
            Self::Zeros => "zeros",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::PlaygroundUniform => "Playground uniform (±0.5)",
            Self::GlorotUniform => "Glorot/Xavier uniform",
            Self::GlorotNormal => "Glorot/Xavier normal",
            Self::HeUniform => "He uniform",
            Self::HeNormal => "He normal",
            Self::Zeros => "Zeros (no symmetry breaking)",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.key() == s)
    }

    /// (weights (n_out · n_in), biases (n_out)) of one layer, drawn in row order.
    pub fn draw(self, n_in: usize, n_out: usize, rng: &mut Rng) -> (Vec<f32>, Vec<f32>) {
        let n = n_in * n_out;
        let (fan_in, fan_out) = (n_in as f64, n_out as f64);
        let uniform = |rng: &mut Rng, r: f64| (0..n).map(|_| rng.uniform(-r, r) as f32).collect();
        let normal = |rng: &mut Rng, var: f64| (0..n).map(|_| rng.normal(0.0, var) as f32).collect();
        match self {
            Self::PlaygroundUniform => (uniform(rng, 0.5), vec![0.1; n_out]),
            Self::GlorotUniform => (uniform(rng, (6.0 / (fan_in + fan_out)).sqrt()), vec![0.0; n_out]),
            Self::GlorotNormal => (normal(rng, 2.0 / (fan_in + fan_out)), vec![0.0; n_out]),
            Self::HeUniform => (uniform(rng, (6.0 / fan_in).sqrt()), vec![0.0; n_out]),
            Self::HeNormal => (normal(rng, 2.0 / fan_in), vec![0.0; n_out]),
            Self::Zeros => (vec![0.0; n], vec![0.0; n_out]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Stream;

    fn stats(w: &[f32]) -> (f64, f64, f32) {
        let n = w.len() as f64;
        let mean = w.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
        let var = w.iter().map(|&v| (f64::from(v) - mean).powi(2)).sum::<f64>() / n;
        (mean, var, w.iter().fold(0.0f32, |m, v| m.max(v.abs())))
    }

    /// Sample variances of 40,000 draws against the formulas: U(−r, r) has variance r²/3,
    /// so Glorot uniform and normal share 2/(fan_in + fan_out), He both 2/fan_in.
    #[test]
    fn variances_follow_the_formulas() {
        let (n_in, n_out) = (200, 200);
        for (init, var, bound) in [
            (Init::PlaygroundUniform, 0.25f64 / 3.0, 0.5f64),
            (Init::GlorotUniform, 2.0 / 400.0, (6.0f64 / 400.0).sqrt()),
            (Init::GlorotNormal, 2.0 / 400.0, f64::INFINITY),
            (Init::HeUniform, 2.0 / 200.0, (6.0f64 / 200.0).sqrt()),
            (Init::HeNormal, 2.0 / 200.0, f64::INFINITY),
        ] {
            let (w, b) = init.draw(n_in, n_out, &mut Rng::new(3, Stream::Init));
            let (mean, v, max) = stats(&w);
            // The sample mean of 40,000 draws is within 4 standard errors of 0.
            assert!(mean.abs() < 4.0 * (var / 40_000.0).sqrt(), "{init:?} mean {mean}");
            assert!((v / var - 1.0).abs() < 0.03, "{init:?} variance {v} vs {var}");
            assert!(f64::from(max) <= bound, "{init:?} max {max} > {bound}");
            let b0 = if init == Init::PlaygroundUniform { 0.1 } else { 0.0 };
            assert!(b.iter().all(|&x| x == b0));
        }
        let (w, b) = Init::Zeros.draw(3, 4, &mut Rng::new(3, Stream::Init));
        assert!(w.iter().chain(&b).all(|&x| x == 0.0));
    }

    #[test]
    fn keys_round_trip() {
        for i in Init::ALL {
            assert_eq!(Init::from_key(i.key()), Some(i));
        }
    }
}
