//! Losses of one output vector o against a target t, and the output-layer
//! delta dL/dz (z = pre-activation) that starts backprop.

use crate::activation::Activation;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Loss {
    /// L = ½ Σ (o − t)², dL/do = o − t (the Playground's SQUARE error).
    HalfSquaredError,
    /// L = −Σ [t ln o + (1 − t) ln(1 − o)], t ∈ {0, 1}, dL/do = (o − t) / (o (1 − o)).
    BinaryCrossEntropy,
    /// L = −Σ_k t_k ln o_k with o = softmax(z) and one-hot t; dL/dz = o − t (the stable,
    /// combined form: no division by o).
    CategoricalCrossEntropy,
    /// L = Σ h(o − t), h(r) = ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond (δ = 1):
    /// squared error near the target, absolute error far away, so outliers pull less.
    /// dL/do = clamp(o − t, −δ, δ).
    Huber,
}

/// Huber's δ: where the loss turns from squared to absolute.
pub const HUBER_DELTA: f32 = 1.0;

/// Probabilities are clamped to [EPS, 1 − EPS] inside logs (as tf.metrics).
const EPS: f32 = 1e-7;

impl Loss {
    pub const ALL: [Loss; 4] = [
        Self::HalfSquaredError,
        Self::BinaryCrossEntropy,
        Self::CategoricalCrossEntropy,
        Self::Huber,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::HalfSquaredError => "mse",
            Self::BinaryCrossEntropy => "bce",
            Self::CategoricalCrossEntropy => "cce",
            Self::Huber => "huber",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::HalfSquaredError => "½ MSE (half the mean squared error)",
            Self::BinaryCrossEntropy => "Binary cross-entropy",
            Self::CategoricalCrossEntropy => "Categorical cross-entropy",
            Self::Huber => "Huber",
        }
    }

    /// The loss as the page names it next to the numbers, and what it is.
    pub fn explained(self) -> &'static str {
        match self {
            Self::HalfSquaredError => {
                "Loss: ½ MSE (half the mean squared error, so the MSE in the table is twice the loss)"
            }
            Self::BinaryCrossEntropy => "Loss: binary cross-entropy (−log of the probability given to the right class)",
            Self::CategoricalCrossEntropy => "Loss: cross-entropy (−log of the probability given to the right class)",
            Self::Huber => "Loss: Huber (½ error² for small errors, linear beyond 1)",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.key() == s)
    }

    /// L(o, t) summed over the output vector.
    pub fn value(self, o: &[f32], t: &[f32]) -> f32 {
        o.iter()
            .zip(t)
            .map(|(&o, &t)| match self {
                Self::HalfSquaredError => 0.5 * (o - t) * (o - t),
                Self::BinaryCrossEntropy => {
                    let o = o.clamp(EPS, 1.0 - EPS);
                    -(t * o.ln() + (1.0 - t) * (1.0 - o).ln())
                }
                Self::CategoricalCrossEntropy => -t * o.max(EPS).ln(),
                Self::Huber => {
                    let r = (o - t).abs();
                    if r <= HUBER_DELTA {
                        0.5 * r * r
                    } else {
                        HUBER_DELTA * (r - 0.5 * HUBER_DELTA)
                    }
                }
            })
            .sum()
    }

    /// dL/dz for output activation `act` with outputs o = act(z); written into `delta`.
    pub fn output_delta(self, act: Activation, o: &[f32], t: &[f32], delta: &mut [f32]) {
        for ((d, &o), &t) in delta.iter_mut().zip(o).zip(t) {
            *d = match (self, act) {
                // σ and cross-entropy cancel: dL/dz = o − t, exact and stable.
                (Self::BinaryCrossEntropy, Activation::Sigmoid) => o - t,
                // Softmax and cross-entropy cancel in the same way (o is the softmax output).
                (Self::CategoricalCrossEntropy, _) => o - t,
                (Self::HalfSquaredError, _) => (o - t) * act.df_from_output(o),
                (Self::Huber, _) => (o - t).clamp(-HUBER_DELTA, HUBER_DELTA) * act.df_from_output(o),
                (Self::BinaryCrossEntropy, _) => {
                    let oc = o.clamp(EPS, 1.0 - EPS);
                    (oc - t) / (oc * (1.0 - oc)) * act.df_from_output(o)
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_delta_matches_finite_difference_in_z() {
        let h = 1e-3f32;
        for (loss, act, t) in [
            (Loss::HalfSquaredError, Activation::Tanh, 1.0f32),
            (Loss::HalfSquaredError, Activation::Linear, -0.4),
            (Loss::HalfSquaredError, Activation::Sigmoid, 0.0),
            (Loss::BinaryCrossEntropy, Activation::Sigmoid, 1.0),
            (Loss::BinaryCrossEntropy, Activation::Sigmoid, 0.0),
            (Loss::Huber, Activation::Linear, 2.5),
            (Loss::Huber, Activation::Linear, -0.4),
            (Loss::Huber, Activation::Tanh, -1.0),
            (Loss::Huber, Activation::Sigmoid, 1.0),
        ] {
            for &z in &[-1.3f32, -0.2, 0.5, 1.7] {
                let l = |z: f32| loss.value(&[act.f(z)], &[t]);
                let fd = (l(z + h) - l(z - h)) / (2.0 * h);
                let mut d = [0.0];
                loss.output_delta(act, &[act.f(z)], &[t], &mut d);
                assert!((fd - d[0]).abs() < 2e-3, "{loss:?}/{act:?} z={z}: fd {fd} vs {}", d[0]);
            }
        }
    }
}
