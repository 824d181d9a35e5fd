//! Inverted dropout (Srivastava et al. 2014) in training: each unit of a hidden
//! layer with rate p is kept with probability 1 − p and scaled by 1/(1 − p), so
//! E[a ⊙ m] = a and nothing changes at test time. Masks come from a seeded
//! stream, so a run replays exactly; a test can replay a mask by reseeding.

use crate::rng::Rng;

/// The highest dropout rate a layer may have.
pub const MAX_RATE: f32 = 0.9;

pub struct Dropout<'a> {
    /// rates[l]: hidden layer l's rate p ∈ [0, MAX_RATE] (missing layers: 0).
    rates: &'a [f32],
    rng: Rng,
}

impl<'a> Dropout<'a> {
    pub fn new(rates: &'a [f32], rng: Rng) -> Self {
        Self { rates, rng }
    }

    /// Whether any layer drops anything.
    pub fn active(rates: &[f32]) -> bool {
        rates.iter().any(|&p| p > 0.0)
    }

    /// Hidden layer l's rate.
    pub fn rate(&self, l: usize) -> f32 {
        self.rates.get(l).copied().unwrap_or(0.0).clamp(0.0, MAX_RATE)
    }

    /// m_i = 0 with probability p, else 1/(1 − p).
    pub fn fill_mask(&mut self, p: f32, mask: &mut [f32]) {
        let keep = 1.0 / (1.0 - p);
        for m in mask {
            *m = if (self.rng.unit() as f32) < p { 0.0 } else { keep };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Stream;

    #[test]
    fn masks_keep_the_expected_share_and_scale() {
        let rates = [0.25];
        let mut d = Dropout::new(&rates, Rng::new(1, Stream::Dropout));
        let mut m = vec![0.0; 100_000];
        d.fill_mask(d.rate(0), &mut m);
        let kept = m.iter().filter(|&&v| v > 0.0).count() as f64 / m.len() as f64;
        assert!((kept - 0.75).abs() < 0.01, "kept {kept}");
        assert!(m.iter().all(|&v| v == 0.0 || (v - 4.0 / 3.0).abs() < 1e-6));
        let mean = m.iter().map(|&v| f64::from(v)).sum::<f64>() / m.len() as f64;
        assert!((mean - 1.0).abs() < 0.01, "E[m] = {mean}");
        assert_eq!(d.rate(5), 0.0);
    }
}
