//! Neuron activation functions. Each derivative sits beside its formula and is
//! written in terms of the output y = f(x), which is what backprop has at hand.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activation {
    Relu,
    Tanh,
    Sigmoid,
    Linear,
    /// Output layer only: y_k = e^{z_k} / Σ_j e^{z_j} across the layer, applied by
    /// the network after this elementwise identity; with categorical cross-entropy
    /// the output delta is y − t, so no elementwise derivative is needed (1).
    Softmax,
}

impl Activation {
    pub const ALL: [Activation; 4] = [Self::Relu, Self::Tanh, Self::Sigmoid, Self::Linear];

    /// y = f(x)
    #[inline(always)]
    pub fn f(self, x: f32) -> f32 {
        match self {
            Self::Relu => x.max(0.0),          // max(0, x)
            Self::Tanh => x.tanh(),            // (e^x - e^-x) / (e^x + e^-x)
            Self::Sigmoid => sigmoid(x),       // 1 / (1 + e^-x)
            Self::Linear | Self::Softmax => x, // x (softmax normalises across the layer)
        }
    }

    /// dy/dx as a function of y = f(x).
    #[inline(always)]
    pub fn df_from_output(self, y: f32) -> f32 {
        match self {
            Self::Relu => {
                if y > 0.0 {
                    1.0
                } else {
                    0.0
                }
            } // 1 if x > 0 else 0 (0 at x = 0, as the Playground)
            Self::Tanh => 1.0 - y * y,           // 1 - tanh²(x)
            Self::Sigmoid => y * (1.0 - y),      // σ(x)(1 - σ(x))
            Self::Linear | Self::Softmax => 1.0, // 1
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Relu => "relu",
            Self::Tanh => "tanh",
            Self::Sigmoid => "sigmoid",
            Self::Linear => "linear",
            Self::Softmax => "softmax",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Relu => "ReLU",
            Self::Tanh => "Tanh",
            Self::Sigmoid => "Sigmoid",
            Self::Linear => "Linear",
            Self::Softmax => "Softmax",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == s)
    }
}

/// y ← softmax(y) in place, shifted by the maximum so that e^z never overflows.
pub fn softmax_in_place(y: &mut [f32]) {
    let max = y.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0f32;
    for v in y.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in y.iter_mut() {
        *v /= sum;
    }
}

#[inline(always)]
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivative_matches_finite_difference() {
        let h = 1e-3f64;
        for act in Activation::ALL {
            for &x in &[-2.0f32, -0.7, -0.1, 0.3, 1.1, 2.5] {
                let fd = (f64::from(act.f(x + h as f32)) - f64::from(act.f(x - h as f32))) / (2.0 * h);
                let an = f64::from(act.df_from_output(act.f(x)));
                assert!((fd - an).abs() < 2e-3, "{act:?} at {x}: fd {fd} analytic {an}");
            }
        }
    }

    #[test]
    fn keys_round_trip() {
        for a in Activation::ALL {
            assert_eq!(Activation::from_key(a.key()), Some(a));
        }
        assert_eq!(Activation::from_key("softmax"), None);
    }
}
