//! Neuron activation functions. Each derivative sits beside its formula. Most
//! are written in terms of the output y = f(x), which is what backprop has at
//! hand; GELU is not invertible, so its derivative takes the input x
//! (`needs_input`), which the network keeps for such layers.

use serde::{Deserialize, Serialize};

/// Slope of leaky ReLU for x < 0.
pub const LEAKY_SLOPE: f32 = 0.01;
/// √(2/π), for the tanh form of GELU.
const GELU_C: f32 = 0.797_884_6;
const GELU_A: f32 = 0.044_715;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activation {
    Relu,
    Tanh,
    Sigmoid,
    Linear,
    LeakyRelu,
    Elu,
    Gelu,
    Softplus,
    /// Output layer only: y_k = e^{z_k} / Σ_j e^{z_j} across the layer, applied by
    /// the network after this elementwise identity; with categorical cross-entropy
    /// the output delta is y − t, so no elementwise derivative is needed (1).
    Softmax,
}

impl Activation {
    /// Every hidden-layer activation, in the order the UI lists them (the Playground's four first).
    pub const ALL: [Activation; 8] = [
        Self::Relu,
        Self::Tanh,
        Self::Sigmoid,
        Self::Linear,
        Self::LeakyRelu,
        Self::Elu,
        Self::Gelu,
        Self::Softplus,
    ];

    /// y = f(x)
    #[inline(always)]
    pub fn f(self, x: f32) -> f32 {
        match self {
            Self::Relu => x.max(0.0),    // max(0, x)
            Self::Tanh => x.tanh(),      // (e^x - e^-x) / (e^x + e^-x)
            Self::Sigmoid => sigmoid(x), // 1 / (1 + e^-x)
            Self::LeakyRelu => {
                if x > 0.0 {
                    x
                } else {
                    LEAKY_SLOPE * x
                }
            } // x if x > 0 else 0.01 x
            Self::Elu => {
                if x > 0.0 {
                    x
                } else {
                    x.exp_m1()
                }
            } // x if x > 0 else e^x − 1
            Self::Gelu => gelu(x, f32::tanh), // ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
            Self::Softplus => x.max(0.0) + (-x.abs()).exp().ln_1p(), // ln(1 + e^x), stable form
            Self::Linear | Self::Softmax => x, // x (softmax normalises across the layer)
        }
    }

    /// dy/dx as a function of y = f(x) (not for GELU: see `df_from_input`).
    #[inline(always)]
    pub fn df_from_output(self, y: f32) -> f32 {
        match self {
            // 1 if x > 0 else 0 (0 at x = 0, as the Playground)
            Self::Relu => {
                if y > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Self::Tanh => 1.0 - y * y,      // 1 - tanh²(x)
            Self::Sigmoid => y * (1.0 - y), // σ(x)(1 - σ(x))
            Self::LeakyRelu => {
                if y > 0.0 {
                    1.0
                } else {
                    LEAKY_SLOPE
                }
            } // 1 if x > 0 else 0.01
            Self::Elu => {
                if y > 0.0 {
                    1.0
                } else {
                    y + 1.0
                }
            } // 1 if x > 0 else e^x = y + 1
            Self::Softplus => -(-y).exp_m1(), // σ(x) = 1 − e^{−y}
            Self::Gelu => f32::NAN,         // needs x
            Self::Linear | Self::Softmax => 1.0, // 1
        }
    }

    /// Whether the derivative needs the input x (GELU) rather than the output.
    #[inline(always)]
    pub fn needs_input(self) -> bool {
        self == Self::Gelu
    }

    /// dy/dx at input x (every activation; GELU's derivative of its tanh form).
    pub fn df_from_input(self, x: f32) -> f32 {
        match self {
            Self::Gelu => gelu_derivative(x, f32::tanh),
            _ => self.df_from_output(self.f(x)),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Relu => "relu",
            Self::Tanh => "tanh",
            Self::Sigmoid => "sigmoid",
            Self::Linear => "linear",
            Self::LeakyRelu => "leaky",
            Self::Elu => "elu",
            Self::Gelu => "gelu",
            Self::Softplus => "softplus",
            Self::Softmax => "softmax",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Relu => "ReLU",
            Self::Tanh => "Tanh",
            Self::Sigmoid => "Sigmoid",
            Self::Linear => "Linear",
            Self::LeakyRelu => "Leaky ReLU",
            Self::Elu => "ELU",
            Self::Gelu => "GELU",
            Self::Softplus => "Softplus",
            Self::Softmax => "Softmax",
        }
    }

    /// A hidden-layer activation by its key (softmax is not one).
    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == s)
    }
}

/// GELU, tanh form (Hendrycks & Gimpel; as BERT/GPT-2): ½x(1 + tanh(u)), u = √(2/π)(x + 0.044715x³).
#[inline(always)]
pub fn gelu(x: f32, tanh: impl Fn(f32) -> f32) -> f32 {
    0.5 * x * (1.0 + tanh(GELU_C * (x + GELU_A * x * x * x)))
}

/// d/dx GELU = ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²), t = tanh(u).
#[inline(always)]
pub fn gelu_derivative(x: f32, tanh: impl Fn(f32) -> f32) -> f32 {
    let t = tanh(GELU_C * (x + GELU_A * x * x * x));
    0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * GELU_C * (1.0 + 3.0 * GELU_A * x * x)
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
            for &x in &[-4.0f32, -2.0, -0.7, -0.1, 0.3, 1.1, 2.5, 6.0] {
                let fd = (f64::from(act.f(x + h as f32)) - f64::from(act.f(x - h as f32))) / (2.0 * h);
                let an = f64::from(act.df_from_input(x));
                assert!((fd - an).abs() < 2e-3, "{act:?} at {x}: fd {fd} analytic {an}");
                if !act.needs_input() {
                    assert_eq!(act.df_from_output(act.f(x)), act.df_from_input(x));
                }
            }
        }
    }

    #[test]
    fn known_values() {
        // Reference values: PyTorch's F.gelu(approximate="tanh"), F.softplus, F.elu, F.leaky_relu.
        assert!((Activation::Gelu.f(1.0) - 0.841_192).abs() < 1e-5);
        assert!((Activation::Gelu.f(-1.0) + 0.158_808).abs() < 1e-5);
        assert!((Activation::Softplus.f(0.0) - std::f32::consts::LN_2).abs() < 1e-7);
        assert!((Activation::Softplus.f(100.0) - 100.0).abs() < 1e-5);
        assert!(Activation::Softplus.f(-100.0) >= 0.0);
        assert!((Activation::Elu.f(-1.0) - (-0.632_120_56)).abs() < 1e-6);
        assert_eq!(Activation::LeakyRelu.f(-2.0), -0.02);
    }

    #[test]
    fn keys_round_trip() {
        for a in Activation::ALL {
            assert_eq!(Activation::from_key(a.key()), Some(a));
        }
        assert_eq!(Activation::from_key("softmax"), None);
    }
}
