//! Parameter updates from minibatch gradients. Settings (`Optimizer`) are
//! plain data; `OptimizerState` holds what an optimizer remembers between
//! steps, so switching settings never touches the weights.

use crate::network::{Gradients, Network};
use crate::regularization::Regularization;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Optimizer {
    /// p ← p − lr·g
    Sgd,
    /// As tf.train.adam, t counting steps from 1:
    /// m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;
    /// p ← p − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)
    Adam { beta1: f32, beta2: f32, epsilon: f32 },
}

/// What one step needs besides the gradients.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepSettings {
    pub optimizer: Optimizer,
    pub learning_rate: f32,
    pub regularization: Regularization,
    pub regularization_rate: f32,
}

/// Adam's moments, shaped like the parameters (weights then biases per layer).
#[derive(Clone, Debug, Default)]
pub struct OptimizerState {
    m: Vec<Vec<f32>>,
    v: Vec<Vec<f32>>,
    t: i32,
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
    let scale = 1.0 / grads.count as f32;
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
        Optimizer::Adam { beta1, beta2, epsilon } => {
            if state.m.is_empty() {
                let shapes = net.layers.iter().flat_map(|l| [l.weights.len(), l.biases.len()]);
                state.m = shapes.clone().map(|n| vec![0.0; n]).collect();
                state.v = shapes.map(|n| vec![0.0; n]).collect();
                state.t = 0;
            }
            state.t += 1;
            let bc1 = 1.0 - beta1.powi(state.t);
            let bc2 = 1.0 - beta2.powi(state.t);
            let params = net.layers.iter_mut().flat_map(|l| [&mut l.weights, &mut l.biases]);
            let gs = grads.dw.iter().zip(&grads.db).flat_map(|(a, b)| [a, b]);
            for (((p, g), m), v) in params.zip(gs).zip(&mut state.m).zip(&mut state.v) {
                for (((p, &g), m), v) in p.iter_mut().zip(g).zip(m.iter_mut()).zip(v.iter_mut()) {
                    let g = g * scale;
                    *m = beta1 * *m + (1.0 - beta1) * g;
                    *v = beta2 * *v + (1.0 - beta2) * g * g;
                    *p -= lr * (*m / bc1) / ((*v / bc2).sqrt() + epsilon);
                }
            }
        }
    }
    if s.regularization != Regularization::None && s.regularization_rate > 0.0 {
        let k = lr * s.regularization_rate;
        for layer in &mut net.layers {
            for w in &mut layer.weights {
                let new = *w - k * s.regularization.der(*w);
                *w = if s.regularization == Regularization::L1 && *w * new < 0.0 {
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
}
