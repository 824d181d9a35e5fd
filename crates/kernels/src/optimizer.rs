//! Parameter updates from minibatch gradients. Settings (`Optimizer`) are
//! plain data; `OptimizerState` holds what an optimizer remembers between
//! steps, so switching settings never touches the weights.

use crate::network::{Gradients, Network};
use crate::regularization::Regularization;

/// Each optimizer's update of one parameter p with gradient g (the minibatch mean).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Optimizer {
    /// p ← p − lr·g
    Sgd,
    /// v ← μ v + g;  p ← p − lr·v (as PyTorch's SGD with momentum). Default μ 0.9.
    Momentum { momentum: f32 },
    /// v ← μ v + g;  p ← p − lr·(g + μ v) (Nesterov's look-ahead, PyTorch's form). Default μ 0.9.
    Nesterov { momentum: f32 },
    /// G ← G + g²;  p ← p − lr·g / (√G + ε). Default ε 1e-10.
    Adagrad { epsilon: f32 },
    /// s ← ρ s + (1−ρ) g²;  p ← p − lr·g / (√s + ε). Defaults ρ 0.9, ε 1e-8.
    RmsProp { rho: f32, epsilon: f32 },
    /// As tf.train.adam, t counting steps from 1:
    /// m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;
    /// p ← p − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε). Defaults 0.9, 0.999, 1e-7.
    Adam { beta1: f32, beta2: f32, epsilon: f32 },
    /// Decoupled weight decay first, p ← p − lr·λ·p, then the Adam step (Loshchilov & Hutter). Default λ 0.01.
    AdamW {
        beta1: f32,
        beta2: f32,
        epsilon: f32,
        weight_decay: f32,
    },
    /// E_g ← ρ E_g + (1−ρ) g²;  Δ = √(E_Δ + ε) / √(E_g + ε) · g;  E_Δ ← ρ E_Δ + (1−ρ) Δ²;
    /// p ← p − lr·Δ (Zeiler; lr 1 is the paper's). Defaults ρ 0.9, ε 1e-6.
    Adadelta { rho: f32, epsilon: f32 },
}

impl Optimizer {
    pub const KEYS: [&'static str; 8] = [
        "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "adadelta",
    ];

    /// The optimizer of `key` with its default hyperparameters.
    pub fn from_key(key: &str) -> Option<Optimizer> {
        Some(match key {
            "sgd" => Self::Sgd,
            "momentum" => Self::Momentum { momentum: 0.9 },
            "nesterov" => Self::Nesterov { momentum: 0.9 },
            "adagrad" => Self::Adagrad { epsilon: 1e-10 },
            "rmsprop" => Self::RmsProp {
                rho: 0.9,
                epsilon: 1e-8,
            },
            "adam" => Self::Adam {
                beta1: 0.9,
                beta2: 0.999,
                epsilon: 1e-7,
            },
            "adamw" => Self::AdamW {
                beta1: 0.9,
                beta2: 0.999,
                epsilon: 1e-7,
                weight_decay: 0.01,
            },
            "adadelta" => Self::Adadelta {
                rho: 0.9,
                epsilon: 1e-6,
            },
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Sgd => "sgd",
            Self::Momentum { .. } => "momentum",
            Self::Nesterov { .. } => "nesterov",
            Self::Adagrad { .. } => "adagrad",
            Self::RmsProp { .. } => "rmsprop",
            Self::Adam { .. } => "adam",
            Self::AdamW { .. } => "adamw",
            Self::Adadelta { .. } => "adadelta",
        }
    }

    /// The learning rate this optimizer usually trains well with on the playground's
    /// data: the adaptive ones scale their steps themselves and want far smaller rates.
    pub fn suggested_learning_rate(self) -> f32 {
        match self {
            Self::Sgd | Self::Momentum { .. } | Self::Nesterov { .. } => 0.03,
            Self::Adagrad { .. } => 0.03,
            Self::RmsProp { .. } | Self::Adam { .. } | Self::AdamW { .. } => 0.001,
            Self::Adadelta { .. } => 1.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Sgd => "SGD",
            Self::Momentum { .. } => "SGD with momentum",
            Self::Nesterov { .. } => "Nesterov momentum",
            Self::Adagrad { .. } => "Adagrad",
            Self::RmsProp { .. } => "RMSProp",
            Self::Adam { .. } => "Adam",
            Self::AdamW { .. } => "AdamW",
            Self::Adadelta { .. } => "Adadelta",
        }
    }

    /// Its hyperparameters as (URL key, value), in a fixed order.
    pub fn params(self) -> Vec<(&'static str, f32)> {
        match self {
            Self::Sgd => vec![],
            Self::Momentum { momentum } | Self::Nesterov { momentum } => vec![("mom", momentum)],
            Self::Adagrad { epsilon } => vec![("eps", epsilon)],
            Self::RmsProp { rho, epsilon } | Self::Adadelta { rho, epsilon } => vec![("rho", rho), ("eps", epsilon)],
            Self::Adam { beta1, beta2, epsilon } => vec![("b1", beta1), ("b2", beta2), ("eps", epsilon)],
            Self::AdamW {
                beta1,
                beta2,
                epsilon,
                weight_decay,
            } => {
                vec![("b1", beta1), ("b2", beta2), ("eps", epsilon), ("wd", weight_decay)]
            }
        }
    }

    /// Sets hyperparameter `key` if this optimizer has it and the value is in range
    /// (β, ρ, μ in [0, 1); ε in (0, 1]; weight decay in [0, 1]). Returns whether it did.
    pub fn set_param(&mut self, key: &str, v: f32) -> bool {
        let unit = (0.0..1.0).contains(&v);
        let eps_ok = v > 0.0 && v <= 1.0;
        match (self, key) {
            (Self::Momentum { momentum } | Self::Nesterov { momentum }, "mom") if unit => *momentum = v,
            (Self::RmsProp { rho, .. } | Self::Adadelta { rho, .. }, "rho") if unit => *rho = v,
            (Self::Adam { beta1, .. } | Self::AdamW { beta1, .. }, "b1") if unit => *beta1 = v,
            (Self::Adam { beta2, .. } | Self::AdamW { beta2, .. }, "b2") if unit => *beta2 = v,
            (Self::AdamW { weight_decay, .. }, "wd") if (0.0..=1.0).contains(&v) => *weight_decay = v,
            (
                Self::Adagrad { epsilon }
                | Self::RmsProp { epsilon, .. }
                | Self::Adam { epsilon, .. }
                | Self::AdamW { epsilon, .. }
                | Self::Adadelta { epsilon, .. },
                "eps",
            ) if eps_ok => *epsilon = v,
            _ => return false,
        }
        true
    }
}

/// What one step needs besides the gradients.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepSettings {
    pub optimizer: Optimizer,
    pub learning_rate: f32,
    pub regularization: Regularization,
    pub regularization_rate: f32,
    /// Clip the mean gradient's global L2 norm to this value (0: no clipping).
    pub clip_norm: f32,
}

/// What the optimizers remember, shaped like the parameters (weights then biases
/// per layer): m (velocity, first moment), v (squares: second moment, Adagrad's
/// sum, E_g), u (Adadelta's E_Δ); t counts steps from 1.
#[derive(Clone, Debug, Default)]
pub struct OptimizerState {
    m: Vec<Vec<f32>>,
    v: Vec<Vec<f32>>,
    u: Vec<Vec<f32>>,
    t: i32,
}

/// x, or 0 when x is subnormal (|x| < 2⁻¹²⁶). A moment that decays geometrically
/// (a dead unit's m ← β1·m) would otherwise spend thousands of steps as a subnormal
/// number, and arithmetic on those is many times slower on x86 (in wasm too): it made
/// Adam runs several times slower after their first epochs. The values flushed are
/// below 1.2e-38, far beneath anything that moves a weight.
#[inline(always)]
fn flush(x: f32) -> f32 {
    if x.abs() < f32::MIN_POSITIVE {
        0.0
    } else {
        x
    }
}

/// One parameter's update; the formulas are on `Optimizer`'s variants.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn update(opt: Optimizer, lr: f32, bc: (f32, f32), g: f32, p: &mut f32, m: &mut f32, v: &mut f32, u: &mut f32) {
    let adam = |p: &mut f32, m: &mut f32, v: &mut f32, beta1: f32, beta2: f32, epsilon: f32| {
        *m = flush(beta1 * *m + (1.0 - beta1) * g);
        *v = flush(beta2 * *v + (1.0 - beta2) * g * g);
        let (bc1, bc2) = bc;
        *p -= lr * (*m / bc1) / ((*v / bc2).sqrt() + epsilon);
    };
    match opt {
        Optimizer::Sgd => *p -= lr * g,
        Optimizer::Momentum { momentum } => {
            *m = flush(momentum * *m + g);
            *p -= lr * *m;
        }
        Optimizer::Nesterov { momentum } => {
            *m = flush(momentum * *m + g);
            *p -= lr * (g + momentum * *m);
        }
        Optimizer::Adagrad { epsilon } => {
            *v += g * g;
            *p -= lr * g / (v.sqrt() + epsilon);
        }
        Optimizer::RmsProp { rho, epsilon } => {
            *v = flush(rho * *v + (1.0 - rho) * g * g);
            *p -= lr * g / (v.sqrt() + epsilon);
        }
        Optimizer::Adam { beta1, beta2, epsilon } => adam(p, m, v, beta1, beta2, epsilon),
        Optimizer::AdamW {
            beta1,
            beta2,
            epsilon,
            weight_decay,
        } => {
            *p -= lr * weight_decay * *p;
            adam(p, m, v, beta1, beta2, epsilon);
        }
        Optimizer::Adadelta { rho, epsilon } => {
            *v = flush(rho * *v + (1.0 - rho) * g * g);
            let delta = (*u + epsilon).sqrt() / (*v + epsilon).sqrt() * g;
            *u = flush(rho * *u + (1.0 - rho) * delta * delta);
            *p -= lr * delta;
        }
    }
}

/// f(g, p, m, v, u) for every parameter p of the network with its gradient sum g and
/// its optimizer state m, v, u.
#[inline(always)]
fn each_parameter(
    net: &mut Network,
    grads: &Gradients,
    state: &mut OptimizerState,
    f: impl Fn(f32, &mut f32, &mut f32, &mut f32, &mut f32),
) {
    let params = net.layers.iter_mut().flat_map(|l| [&mut l.weights, &mut l.biases]);
    let gs = grads.dw.iter().zip(&grads.db).flat_map(|(a, b)| [a, b]);
    let moments = state.m.iter_mut().zip(state.v.iter_mut()).zip(state.u.iter_mut());
    for ((p, g), ((m, v), u)) in params.zip(gs).zip(moments) {
        for ((((p, &g), m), v), u) in p
            .iter_mut()
            .zip(g)
            .zip(m.iter_mut())
            .zip(v.iter_mut())
            .zip(u.iter_mut())
        {
            f(g, p, m, v, u);
        }
    }
}

impl OptimizerState {
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

/// One step on the mean gradient g = grads / grads.count, then the
/// regularisation step w ← w − lr·rate·R'(w) (the Playground's order; an L1
/// step that would cross zero stops at zero).
pub fn step(net: &mut Network, grads: &Gradients, s: &StepSettings, state: &mut OptimizerState) {
    if grads.count == 0 {
        return;
    }
    let mut scale = 1.0 / grads.count as f32;
    if s.clip_norm > 0.0 {
        // g ← g · min(1, c / ‖g‖), ‖g‖ over every weight and bias of the mean gradient.
        let norm = scale * grads.sum_of_squares().sqrt();
        if norm > s.clip_norm {
            scale *= s.clip_norm / norm;
        }
    }
    let lr = s.learning_rate;
    match s.optimizer {
        Optimizer::Sgd => {
            for (layer, (dw, db)) in net.layers.iter_mut().zip(grads.dw.iter().zip(&grads.db)) {
                for (w, &g) in layer.weights.iter_mut().zip(dw) {
                    *w -= lr * (g * scale);
                }
                for (b, &g) in layer.biases.iter_mut().zip(db) {
                    *b -= lr * (g * scale);
                }
            }
        }
        opt => {
            if state.m.is_empty() {
                let shapes = net.layers.iter().flat_map(|l| [l.weights.len(), l.biases.len()]);
                state.m = shapes.clone().map(|n| vec![0.0; n]).collect();
                state.v = shapes.clone().map(|n| vec![0.0; n]).collect();
                state.u = shapes.map(|n| vec![0.0; n]).collect();
                state.t = 0;
            }
            state.t += 1;
            let t = state.t;
            // Adam's bias corrections (1 − β1^t, 1 − β2^t), once per step rather than per parameter.
            let bias_correction = match opt {
                Optimizer::Adam { beta1, beta2, .. } | Optimizer::AdamW { beta1, beta2, .. } => {
                    (1.0 - beta1.powi(t), 1.0 - beta2.powi(t))
                }
                _ => (1.0, 1.0),
            };
            // Adam (the wide benchmarks' optimizer) gets a loop of its own: with the
            // variant chosen outside the loop, it runs 4 parameters at a time (SIMD128).
            let bc = bias_correction;
            match opt {
                Optimizer::Adam { .. } => each_parameter(net, grads, state, |g, p, m, v, u| {
                    update(opt, lr, bc, g * scale, p, m, v, u)
                }),
                _ => each_parameter(net, grads, state, |g, p, m, v, u| {
                    update(opt, lr, bc, g * scale, p, m, v, u)
                }),
            }
        }
    }
    if s.regularization != Regularization::None && s.regularization_rate > 0.0 {
        let k = lr * s.regularization_rate;
        for layer in &mut net.layers {
            for w in &mut layer.weights {
                let new = *w - k * s.regularization.der(*w);
                *w = if s.regularization.has_l1() && *w * new < 0.0 {
                    0.0
                } else {
                    new
                };
            }
        }
    }
}

#[cfg(test)]
mod tests;
