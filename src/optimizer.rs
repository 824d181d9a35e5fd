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
                    update(opt, lr, bias_correction, g * scale, p, m, v, u);
                }
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
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::{Init, Layer};

    fn one_weight_net(w: f32, b: f32) -> Network {
        Network {
            layers: vec![Layer {
                n_in: 1,
                n_out: 1,
                weights: vec![w],
                biases: vec![b],
                activation: Activation::Linear,
            }],
        }
    }

    fn grads(dw: f32, db: f32, count: usize) -> Gradients {
        Gradients {
            dw: vec![vec![dw]],
            db: vec![vec![db]],
            count,
        }
    }

    fn settings(optimizer: Optimizer, lr: f32, reg: Regularization, rate: f32) -> StepSettings {
        StepSettings {
            optimizer,
            learning_rate: lr,
            regularization: reg,
            regularization_rate: rate,
            clip_norm: 0.0,
        }
    }

    #[test]
    fn sgd_steps_on_the_mean_gradient() {
        // sum of gradients 0.8 over 4 samples: mean 0.2; w = 0.5 − 0.1·0.2 = 0.48.
        let mut net = one_weight_net(0.5, 0.1);
        let s = settings(Optimizer::Sgd, 0.1, Regularization::None, 0.0);
        step(&mut net, &grads(0.8, -0.4, 4), &s, &mut OptimizerState::default());
        assert!((net.layers[0].weights[0] - 0.48).abs() < 1e-7);
        assert!((net.layers[0].biases[0] - 0.11).abs() < 1e-7);
    }

    #[test]
    fn l2_shrinks_and_l1_stops_at_zero() {
        // L2: w = 0.5 − 0.1·0 = 0.5, then 0.5 − 0.1·0.5·0.5 = 0.475
        let mut net = one_weight_net(0.5, 0.0);
        let s = settings(Optimizer::Sgd, 0.1, Regularization::L2, 0.5);
        step(&mut net, &grads(0.0, 0.0, 1), &s, &mut OptimizerState::default());
        assert!((net.layers[0].weights[0] - 0.475).abs() < 1e-7);
        // L1 with a step larger than |w|: 0.01 − 0.1·1·1 would be −0.09, so 0.
        let mut net = one_weight_net(0.01, 0.0);
        let s = settings(Optimizer::Sgd, 0.1, Regularization::L1, 1.0);
        step(&mut net, &grads(0.0, 0.0, 1), &s, &mut OptimizerState::default());
        assert_eq!(net.layers[0].weights[0], 0.0);
    }

    #[test]
    fn adam_first_two_steps_by_hand() {
        // Step 1, g = 0.2: m = 0.02, v = 4e-5, m̂ = 0.2, v̂ = 0.04, Δ = 0.01·0.2/(0.2+1e-7)
        //   = 0.0099999950; w = 0.5 − 0.0099999950 = 0.4900000050.
        // Step 2, g = −0.1: m = 0.9·0.02 − 0.01 = 0.008, v = 0.999·4e-5 + 1e-5 = 4.996e-5,
        //   m̂ = 0.008/0.19 = 0.0421052632, v̂ = 4.996e-5/0.001999 = 0.0249924962,
        //   √v̂ = 0.1580901523, Δ = 0.01·0.0421052632/(0.1580901523 + 1e-7) = 0.0026633687;
        //   w = 0.4900000050 − 0.0026633687 = 0.4873366363.
        let adam = Optimizer::Adam {
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-7,
        };
        let s = settings(adam, 0.01, Regularization::None, 0.0);
        let mut net = one_weight_net(0.5, 0.0);
        let mut st = OptimizerState::default();
        step(&mut net, &grads(0.2, 0.0, 1), &s, &mut st);
        assert!((f64::from(net.layers[0].weights[0]) - 0.490_000_005).abs() < 1e-6);
        step(&mut net, &grads(-0.1, 0.0, 1), &s, &mut st);
        assert!((f64::from(net.layers[0].weights[0]) - 0.487_336_636).abs() < 1e-6);
    }

    /// Two steps, g = 0.2 then −0.1, from w = 0.5 (numbers worked by hand; the
    /// same recurrences in f64 agree to 1e-10):
    /// momentum μ 0.9, lr 0.01: v 0.2 → w 0.498; v 0.9·0.2 − 0.1 = 0.08 → w 0.4972.
    /// Nesterov: w 0.5 − 0.01(0.2 + 0.18) = 0.4962; v 0.08 → w 0.4962 − 0.01(−0.1 + 0.072) = 0.49648.
    /// Adagrad: G 0.04 → w 0.5 − 0.01·0.2/0.2 = 0.49; G 0.05 → w 0.49 + 0.001/0.2236068 = 0.4944721.
    /// RMSProp ρ 0.9: s 0.004 → w 0.5 − 0.002/0.0632456 = 0.4683772; s 0.0046 → w + 0.001/0.0678233 = 0.4831214.
    /// AdamW λ 0.01: w 0.5 − 0.00005 = 0.49995, minus Adam's 0.0099999950 = 0.4899500;
    ///   then w·(1 − 0.0001) minus Adam's second step 0.0026633687 = 0.4872376.
    /// Adadelta ρ 0.9, ε 1e-6, lr 1: Δ1 = √1e-6/√0.004001·0.2 = 0.0031619 → w 0.4968381;
    ///   E_Δ 9.998e-7, E_g 0.0046009, Δ2 = √1.9998e-6/√0.0046019·(−0.1) = −0.0020846 → w 0.4989229.
    #[test]
    fn every_optimizer_first_two_steps_by_hand() {
        let cases = [
            ("momentum", 0.01, [0.498, 0.4972]),
            ("nesterov", 0.01, [0.4962, 0.49648]),
            ("adagrad", 0.01, [0.49, 0.494_472_136]),
            ("rmsprop", 0.01, [0.468_377_228, 0.483_121_422]),
            ("adamw", 0.01, [0.489_950_005, 0.487_237_641]),
            ("adadelta", 1.0, [0.496_838_118, 0.498_922_905]),
        ];
        for (key, lr, want) in cases {
            let s = settings(Optimizer::from_key(key).unwrap(), lr, Regularization::None, 0.0);
            let mut net = one_weight_net(0.5, 0.0);
            let mut st = OptimizerState::default();
            for (g, w) in [0.2f32, -0.1].into_iter().zip(want) {
                step(&mut net, &grads(g, 0.0, 1), &s, &mut st);
                let got = f64::from(net.layers[0].weights[0]);
                assert!((got - w).abs() < 1e-6, "{key}: w {got}, by hand {w}");
            }
        }
    }

    #[test]
    fn keys_and_hyperparameters_round_trip() {
        for key in Optimizer::KEYS {
            let o = Optimizer::from_key(key).unwrap();
            assert_eq!(o.key(), key);
            let mut p = o;
            for (k, v) in o.params() {
                assert!(p.set_param(k, v), "{key}.{k}");
            }
            assert_eq!(p, o);
        }
        let mut adam = Optimizer::from_key("adam").unwrap();
        assert!(!adam.set_param("b1", 1.5));
        assert!(!adam.set_param("mom", 0.5));
    }

    #[test]
    fn empty_batch_changes_nothing() {
        let mut net = Network::new(
            &[2, 3, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            3,
        );
        let before = net.clone();
        let g = Gradients::new(&net);
        let s = settings(Optimizer::Sgd, 0.1, Regularization::L2, 0.1);
        step(&mut net, &g, &s, &mut OptimizerState::default());
        assert_eq!(net, before);
    }

    /// A unit whose gradient became 0 (a dead ReLU) has its moments decay
    /// geometrically; they must reach 0 without passing through subnormal numbers.
    #[test]
    fn decaying_moments_never_become_subnormal() {
        let mut net = Network::new(
            &[1, 1],
            Activation::Linear,
            Activation::Linear,
            Init::PlaygroundUniform,
            3,
        );
        for key in ["momentum", "nesterov", "rmsprop", "adam", "adamw", "adadelta"] {
            let s = settings(Optimizer::from_key(key).unwrap(), 0.01, Regularization::None, 0.0);
            let mut state = OptimizerState::default();
            let mut g = Gradients::new(&net);
            g.dw[0][0] = 1.0;
            g.db[0][0] = 1.0;
            g.count = 1;
            step(&mut net, &g, &s, &mut state);
            g.dw[0][0] = 0.0;
            g.db[0][0] = 0.0;
            for _ in 0..200_000 {
                step(&mut net, &g, &s, &mut state);
                let all = state.m.iter().chain(&state.v).chain(&state.u).flatten();
                assert!(
                    all.clone().all(|x| *x == 0.0 || x.is_normal()),
                    "{key}: a subnormal moment"
                );
            }
            let all = state.m.iter().chain(&state.v).chain(&state.u).flatten();
            assert!(all.clone().all(|x| *x == 0.0), "{key}: the moments did not reach 0");
        }
    }
}
