//! One minibatch step against finite differences of the whole objective
//! J(θ) = (1/B) Σ L(f(x), t) + rate · Σ R(w), for every hidden activation and
//! every regularisation: the step must be −lr · ∇J.
#![allow(clippy::field_reassign_with_default)]

use nnplay::activation::Activation;
use nnplay::epoch::{mean_loss, train_epoch, Buffers};
use nnplay::loss::Loss;
use nnplay::network::{Init, Network, Workspace};
use nnplay::optimizer::{Optimizer, StepSettings};
use nnplay::regularization::Regularization;

fn objective(net: &Network, x: &[f32], y: &[f32], reg: Regularization, rate: f32) -> f64 {
    let mut ws = Workspace::new(net);
    let data = f64::from(mean_loss(net, &mut ws, x, y, Loss::HalfSquaredError));
    let penalty: f64 = net
        .layers
        .iter()
        .flat_map(|l| &l.weights)
        .map(|&w| f64::from(reg.penalty(w)))
        .sum();
    data + f64::from(rate) * penalty
}

#[test]
fn a_step_is_minus_lr_times_the_objective_gradient() {
    // 4 samples, batch 4: exactly one step.
    let x = [0.5f32, -1.0, 1.5, 0.25, -0.75, 0.8, 1.1, -1.3];
    let y = [1.0f32, -1.0, 1.0, -1.0];
    let lr = 1e-3f32;
    let rate = 0.3f32;
    for act in Activation::ALL {
        for reg in Regularization::ALL {
            let net = Network::new(&[2, 3, 2, 1], act, Activation::Tanh, Init::PlaygroundUniform, 17);
            let mut stepped = net.clone();
            let mut buf = Buffers::new(&stepped);
            let s = StepSettings {
                optimizer: Optimizer::Sgd,
                learning_rate: lr,
                regularization: reg,
                regularization_rate: rate,
                clip_norm: 0.0,
            };
            train_epoch(&mut stepped, &mut buf, &x, &y, 4, Loss::HalfSquaredError, &s);
            let h = 1e-3f32;
            for l in 0..net.layers.len() {
                for k in 0..net.layers[l].weights.len() {
                    let mut up = net.clone();
                    up.layers[l].weights[k] += h;
                    let mut down = net.clone();
                    down.layers[l].weights[k] -= h;
                    let fd = (objective(&up, &x, &y, reg, rate) - objective(&down, &x, &y, reg, rate))
                        / (2.0 * f64::from(h));
                    let step = f64::from(net.layers[l].weights[k] - stepped.layers[l].weights[k]) / f64::from(lr);
                    assert!(
                        (fd - step).abs() < 5e-3 + 2e-2 * fd.abs(),
                        "{act:?}/{reg:?} w[{l}][{k}]: finite difference {fd}, step/lr {step}"
                    );
                }
            }
        }
    }
}

/// Softmax output with categorical cross-entropy: backprop's dL/dθ against
/// central differences of L = −Σ t ln softmax(z), for every hidden activation.
#[test]
fn softmax_cross_entropy_gradients_match_finite_differences() {
    let x = [0.4f32, -1.1, 0.7];
    let t = [0.0f32, 0.0, 1.0, 0.0];
    for act in Activation::ALL {
        let net = Network::new(&[3, 5, 4], act, Activation::Softmax, Init::PlaygroundUniform, 23);
        let mut ws = Workspace::new(&net);
        let out = net.forward(&x, &mut ws).to_vec();
        assert!((out.iter().sum::<f32>() - 1.0).abs() < 1e-6, "softmax sums to 1");
        let mut grads = nnplay::network::Gradients::new(&net);
        net.backward(&t, Loss::CategoricalCrossEntropy, &mut ws, &mut grads);
        let loss = |n: &Network| {
            let mut ws = Workspace::new(n);
            f64::from(Loss::CategoricalCrossEntropy.value(n.forward(&x, &mut ws), &t))
        };
        let h = 1e-3f32;
        for l in 0..net.layers.len() {
            for k in 0..net.layers[l].weights.len() {
                let (mut up, mut down) = (net.clone(), net.clone());
                up.layers[l].weights[k] += h;
                down.layers[l].weights[k] -= h;
                let fd = (loss(&up) - loss(&down)) / (2.0 * f64::from(h));
                let an = f64::from(grads.dw[l][k]);
                assert!(
                    (fd - an).abs() < 3e-3 + 2e-2 * an.abs(),
                    "{act:?} dW[{l}][{k}]: fd {fd} vs {an}"
                );
            }
        }
    }
}
