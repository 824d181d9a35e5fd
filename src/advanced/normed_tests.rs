//! Normalisation layers in a network against references: every gradient by
//! central finite differences of the minibatch's loss (batch statistics, both
//! kinds, before and after the nonlinearity), evaluation by hand.

use super::{layer_eval, Normalizing, Norms};
use crate::activation::Activation;
use crate::advanced::shown::Shown;
use crate::forward::Forward;
use crate::init::Init;
use crate::loss::Loss;
use crate::network::Workspace;
use crate::network::{Gradients, Network};
use crate::norm::Kind;
use std::borrow::Cow;

/// Rows of the plane, and targets for one sigmoid output (0/1) or three softmax outputs.
const X: [f32; 10] = [0.5, -1.0, 2.0, 0.3, -0.7, 0.9, 1.1, 0.4, -1.5, -0.2];

fn net(hidden: Activation, outputs: usize) -> Network {
    let output = if outputs == 1 {
        Activation::Sigmoid
    } else {
        Activation::Softmax
    };
    let mut net = Network::new(&[2, 4, 3, outputs], hidden, output, Init::PlaygroundUniform, 3);
    // Larger weights than the Playground's start, so every path matters.
    for l in &mut net.layers {
        l.weights.iter_mut().for_each(|w| *w *= 2.0);
    }
    net
}

fn targets(outputs: usize) -> Vec<f32> {
    if outputs == 1 {
        vec![1.0, 0.0, 0.0, 1.0, 1.0]
    } else {
        let classes = [0, 2, 1, 1, 0];
        classes
            .iter()
            .flat_map(|&c| (0..3).map(move |k| f32::from(u8::from(k == c))))
            .collect()
    }
}

fn norms(net: &Network, kind: Kind, after: bool) -> Norms {
    let setting = Normalizing {
        kinds: vec![Some(kind)],
        after,
    };
    let mut n = Norms::new(setting, net);
    // γ and β away from 1 and 0, so their derivatives are tested, not assumed.
    for (k, (_, norm)) in n.layers.iter_mut().flatten().enumerate() {
        for (j, (g, b)) in norm.gamma.iter_mut().zip(&mut norm.beta).enumerate() {
            *g = 0.6 + 0.3 * ((j + k) % 3) as f32;
            *b = 0.2 * (j as f32 - 1.0);
        }
    }
    n
}

/// Σ over the rows of the loss, in training mode (the minibatch's statistics), in f64.
fn batch_loss(norms: &Norms, net: &Network, y: &[f32], loss: Loss) -> f64 {
    let mut me = norms.clone();
    let mut kept = Vec::new();
    let mut a = X.to_vec();
    for l in 0..net.layers.len() {
        a = me.layer_forward(net, l, &a, None, &mut kept);
    }
    let no = net.n_outputs();
    a.chunks_exact(no)
        .zip(y.chunks_exact(no))
        .map(|(o, t)| f64::from(loss.value(o, t)))
        .sum()
}

/// `net` with weight (which 0) or bias (which 1) i of layer l moved by d.
fn nudged(net: &Network, which: usize, l: usize, i: usize, d: f32) -> Network {
    let mut m = net.clone();
    let layer = &mut m.layers[l];
    let v = if which == 0 {
        &mut layer.weights[i]
    } else {
        &mut layer.biases[i]
    };
    *v += d;
    m
}

/// The outputs of every layer for the rows x in evaluation: [x, layer 0's, …].
fn evaluated(n: &Norms, net: &Network, x: &[f32]) -> Vec<Vec<f32>> {
    let mut acts = vec![x.to_vec()];
    for l in 0..net.layers.len() {
        let next = layer_eval(Some(n), net, l, &acts[l]);
        acts.push(next);
    }
    acts
}

fn close(fd: f64, g: f32, what: &str) {
    let g = f64::from(g);
    assert!(
        (fd - g).abs() < 3e-3 + 2e-2 * g.abs(),
        "{what}: finite difference {fd} vs {g}"
    );
}

#[test]
fn every_gradient_matches_finite_differences() {
    let h = 1e-2f32;
    let cases = [
        (Activation::Tanh, 1, Loss::BinaryCrossEntropy),
        (Activation::Sigmoid, 3, Loss::CategoricalCrossEntropy),
        (Activation::Gelu, 1, Loss::HalfSquaredError),
    ];
    for (act, outputs, loss) in cases {
        for kind in [Kind::Batch, Kind::Layer] {
            for after in [false, true] {
                let case = format!("{act:?} {kind:?} after={after}");
                let net = net(act, outputs);
                let y = targets(outputs);
                let mut n = norms(&net, kind, after);
                let mut grads = Gradients::new(&net);
                let mut norm_grads = Gradients::new(&n.params());
                n.clone()
                    .minibatch(&net, &X, &y, loss, None, &mut grads, &mut norm_grads);
                assert_eq!((grads.count, norm_grads.count), (5, 5));
                for l in 0..net.layers.len() {
                    for (which, grad) in [(0, &grads.dw[l]), (1, &grads.db[l])] {
                        for (i, g) in grad.iter().enumerate() {
                            let shifted = |d: f32| batch_loss(&n, &nudged(&net, which, l, i, d), &y, loss);
                            let fd = (shifted(h) - shifted(-h)) / (2.0 * f64::from(h));
                            close(fd, *g, &format!("{case} {}[{l}][{i}]", ["dW", "db"][which]));
                        }
                    }
                }
                let params = n.params();
                for (slot, layer) in params.layers.iter().enumerate() {
                    for j in 0..layer.n_out {
                        for (which, grad) in [(0, norm_grads.dw[slot][j]), (1, norm_grads.db[slot][j])] {
                            let shifted = |d: f32| {
                                let mut p = params.clone();
                                let v = if which == 0 {
                                    &mut p.layers[slot].weights[j]
                                } else {
                                    &mut p.layers[slot].biases[j]
                                };
                                *v += d;
                                let mut m = n.clone();
                                m.set_params(&p);
                                batch_loss(&m, &net, &y, loss)
                            };
                            let fd = (shifted(h) - shifted(-h)) / (2.0 * f64::from(h));
                            close(
                                fd,
                                grad,
                                &format!("{case} {} of norm {slot}, neuron {j}", ["γ", "β"][which]),
                            );
                        }
                    }
                }
                // The forward pass moved batch norm's running statistics (layer norm has none).
                n.minibatch(&net, &X, &y, loss, None, &mut grads, &mut norm_grads);
                let (_, first) = n.layers[0].as_ref().unwrap();
                assert_eq!(
                    first.running_mean.iter().any(|&m| m != 0.0),
                    kind == Kind::Batch,
                    "{case}"
                );
            }
        }
    }
}

#[test]
fn evaluation_runs_batch_norm_on_its_running_statistics_row_by_row() {
    let net = net(Activation::Tanh, 1);
    let mut n = norms(&net, Kind::Batch, false);
    let y = targets(1);
    let (mut g, mut ng) = (Gradients::new(&net), Gradients::new(&n.params()));
    n.minibatch(&net, &X, &y, Loss::BinaryCrossEntropy, None, &mut g, &mut ng);
    let all = evaluated(&n, &net, &X);
    let alone = evaluated(&n, &net, &X[2..4]);
    assert_eq!(&all[3][1..2], &alone[3][..]);
    // Row 1's first hidden neuron by hand: tanh(γ (z − r_mean)/√(r_var + ε) + β).
    let (_, bn) = n.layers[0].as_ref().unwrap();
    let l0 = &net.layers[0];
    let z = l0.biases[0] + l0.weights[0] * X[2] + l0.weights[1] * X[3];
    let want =
        (bn.gamma[0] * (z - bn.running_mean[0]) / (bn.running_var[0] + crate::norm::EPS).sqrt() + bn.beta[0]).tanh();
    assert!((all[1][4] - want).abs() < 1e-6, "{} vs {want}", all[1][4]);
    // The pictures' pass writes the same into the workspace.
    let shown = Shown {
        net: Cow::Borrowed(&net),
        norms: Some(&n),
        acts: None,
    };
    let mut ws = Workspace::new(&net);
    shown.forward_block(&X, &mut ws, true);
    assert_eq!(ws.rows(3), &all[3][..]);
}

#[test]
fn layer_norm_evaluates_as_it_trains() {
    let net = net(Activation::Tanh, 3);
    let n = norms(&net, Kind::Layer, true);
    let mut train = n.clone();
    let mut kept = Vec::new();
    let mut a = X.to_vec();
    for l in 0..3 {
        a = train.layer_forward(&net, l, &a, None, &mut kept);
    }
    assert_eq!(evaluated(&n, &net, &X)[3], a);
}
