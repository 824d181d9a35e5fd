//! Faults that end a run by themselves, found early and explained in plain
//! words: weights that stopped being numbers, weights exploding towards
//! infinity, and ReLU layers that went silent for every training point.

use crate::activation::Activation;
use crate::network::{Network, Workspace};

/// Weights past this magnitude count as exploding: far beyond anything a
/// working network of this size needs, and well before f32 overflows.
pub const EXPLODING: f32 = 1e6;

#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// A weight, bias or loss became NaN or infinite.
    NotFinite,
    /// The largest |weight| grew past `EXPLODING`.
    Exploding { largest: f32 },
    /// Every ReLU of hidden layer `layer` (1-based) outputs 0 for every training point.
    DeadLayer { layer: usize },
    /// The output neuron sits at the limits of its squashing activation for
    /// nearly every training point while the training accuracy is poor: the
    /// slope f'(z) is ~0 there, so the gradient vanishes and training is stuck.
    Saturated {
        /// Share of the training points at the limits, 0 … 1.
        share: f32,
        /// Training accuracy, 0 … 1.
        accuracy: f32,
        activation: Activation,
    },
}

/// An output within this distance of its activation's limit counts as saturated
/// (tanh: |o| > 0.999, where tanh'(z) = 1 − o² < 0.002).
pub const SATURATION_MARGIN: f32 = 1e-3;
/// Saturated on at least this share of the training points …
pub const SATURATED_SHARE: f32 = 0.95;
/// … while the training accuracy is below this: stuck, not finished.
pub const STUCK_ACCURACY: f32 = 0.9;

impl Fault {
    /// What happened, why, and what to try.
    pub fn message(&self, epoch: u64, good_epoch: u64, learning_rate: f32) -> String {
        let restored = crate::t!("fault-restored", good_epoch = good_epoch.to_string());
        let (epoch, lr) = (epoch.to_string(), learning_rate.to_string());
        match self {
            Self::NotFinite => crate::t!("fault-not-finite", epoch = epoch, lr = lr, restored = restored),
            Self::Exploding { largest } => crate::t!(
                "fault-exploding",
                epoch = epoch,
                largest = format!("{largest:.1e}"),
                restored = restored
            ),
            Self::Saturated {
                share,
                accuracy,
                activation,
            } => crate::t!(
                "fault-saturated",
                epoch = epoch,
                share = format!("{:.0}", share * 100.0),
                limits = crate::t!(if *activation == Activation::Sigmoid {
                    "limits-01"
                } else {
                    "limits-11"
                }),
                act = activation.label(),
                accuracy = format!("{:.0}", accuracy * 100.0),
                lr = lr
            ),
            Self::DeadLayer { layer } => crate::t!("fault-dead-layer", epoch = epoch, layer = layer.to_string()),
        }
    }
}

/// NaN/∞ or exploding parameters.
pub fn check_params(net: &Network) -> Option<Fault> {
    let mut largest = 0.0f32;
    for l in &net.layers {
        for &v in l.weights.iter().chain(&l.biases) {
            if !v.is_finite() {
                return Some(Fault::NotFinite);
            }
            largest = largest.max(v.abs());
        }
    }
    (largest > EXPLODING).then_some(Fault::Exploding { largest })
}

/// The share of the rows of `x` ((n, n_inputs)) whose single output sits at a
/// limit of the output activation (tanh ±1, sigmoid 0 or 1); 0 for other outputs.
pub fn saturation(net: &Network, ws: &mut Workspace, x: &[f32]) -> f32 {
    let Some(last) = net.layers.last() else { return 0.0 };
    let (lo, hi) = match last.activation {
        Activation::Tanh => (-1.0, 1.0),
        Activation::Sigmoid => (0.0, 1.0),
        _ => return 0.0,
    };
    let ni = net.n_inputs();
    let rows = x.len() / ni.max(1);
    if rows == 0 || last.biases.len() != 1 {
        return 0.0;
    }
    ws.prepare(net);
    let mut saturated = 0;
    for row in x.chunks_exact(ni) {
        let o = net.forward_prepared(row, ws)[0];
        if o - lo < SATURATION_MARGIN || hi - o < SATURATION_MARGIN {
            saturated += 1;
        }
    }
    saturated as f32 / rows as f32
}

/// The first hidden ReLU layer whose every neuron is 0 on every point of `x` ((n, n_inputs)).
pub fn dead_layer(net: &Network, ws: &mut Workspace, x: &[f32]) -> Option<usize> {
    let hidden = net.layers.len() - 1;
    if hidden == 0 || !net.layers[..hidden].iter().any(|l| l.activation == Activation::Relu) {
        return None;
    }
    let mut alive = vec![false; hidden];
    let ni = net.n_inputs();
    ws.prepare(net);
    for row in x.chunks_exact(ni) {
        net.forward_prepared(row, ws);
        for (l, a) in alive.iter_mut().enumerate() {
            *a = *a || ws.acts[l + 1].iter().any(|&v| v != 0.0);
        }
        if alive.iter().all(|&a| a) {
            return None;
        }
    }
    (0..hidden)
        .find(|&l| net.layers[l].activation == Activation::Relu && !alive[l])
        .map(|l| l + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Init;

    #[test]
    fn finite_small_weights_are_healthy() {
        let net = Network::new(
            &[2, 3, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            1,
        );
        assert_eq!(check_params(&net), None);
    }

    #[test]
    fn nan_and_huge_weights_are_faults() {
        let mut net = Network::new(
            &[2, 3, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            1,
        );
        net.layers[0].weights[2] = 3e6;
        assert_eq!(check_params(&net), Some(Fault::Exploding { largest: 3e6 }));
        net.layers[1].biases[0] = f32::NAN;
        assert_eq!(check_params(&net), Some(Fault::NotFinite));
    }

    #[test]
    fn a_silent_relu_layer_is_found() {
        let mut net = Network::new(
            &[2, 3, 2, 1],
            Activation::Relu,
            Activation::Tanh,
            Init::PlaygroundUniform,
            1,
        );
        let x = [1.0, 2.0, -0.5, 0.3, 4.0, -4.0];
        let mut ws = Workspace::new(&net);
        assert_eq!(dead_layer(&net, &mut ws, &x), None);
        // Layer 2: large negative biases silence it for every input.
        net.layers[1].biases.iter_mut().for_each(|b| *b = -100.0);
        assert_eq!(dead_layer(&net, &mut ws, &x), Some(2));
    }

    #[test]
    fn messages_say_what_to_try() {
        let m = Fault::NotFinite.message(12, 11, 3.0);
        assert!(
            m.contains("epoch 12") && m.contains("lower learning rate") && m.contains("epoch 11"),
            "{m}"
        );
        assert!(Fault::DeadLayer { layer: 2 }
            .message(5, 4, 0.1)
            .contains("hidden layer 2"));
    }
}
