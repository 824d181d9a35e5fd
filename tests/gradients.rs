//! One minibatch step against finite differences of the whole objective
//! J(θ) = (1/B) Σ L(f(x), t) + rate · Σ R(w), for every hidden activation and
//! every regularisation: the step must be −lr · ∇J.
#![allow(clippy::field_reassign_with_default)]

use nnplay::activation::Activation;
use nnplay::dropout::Dropout;
use nnplay::epoch::{train_epoch, Buffers};
use nnplay::head::{Head, Task};
use nnplay::loss::Loss;
use nnplay::network::Gradients;
use nnplay::network::{Init, Network, Workspace};
use nnplay::optimizer::{Optimizer, StepSettings};
use nnplay::regularization::Regularization;
use nnplay::rng::{Rng, Stream};

#[test]
fn a_step_is_minus_lr_times_the_objective_gradient() {
    // 4 samples, batch 4: exactly one step.
    let x = [0.5f32, -1.0, 1.5, 0.25, -0.75, 0.8, 1.1, -1.3];
    let y = [1.0f32, -1.0, 1.0, -1.0];
    let lr = 1e-3f32;
    let rate = 0.3f32;
    let head = Task::Classes(2).head(None, None);
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
                    let fd = (objective_with(&up, &x, &y, &head, reg, rate, &[])
                        - objective_with(&down, &x, &y, &head, reg, rate, &[]))
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

/// J(θ) = (1/B) Σ_b L(f(x_b), t_b) + rate · Σ R(w), with dropout masks drawn from a
/// stream seeded the same way on every call (so every evaluation uses one fixed mask).
fn objective_with(
    net: &Network,
    x: &[f32],
    t: &[f32],
    head: &Head,
    reg: Regularization,
    rate: f32,
    drop: &[f32],
) -> f64 {
    let mut ws = Workspace::new(net);
    ws.prepare(net);
    let mut d = Dropout::new(drop, Rng::new(5, Stream::Dropout));
    let active = drop.iter().any(|&p| p > 0.0);
    net.forward_rows_training(x, &mut ws, if active { Some(&mut d) } else { None });
    let no = net.n_outputs();
    let out = ws.rows(net.layers.len());
    let b = x.len() / net.n_inputs();
    let data: f64 = out
        .chunks_exact(no)
        .zip(t.chunks_exact(no))
        .take(b)
        .map(|(o, t)| f64::from(head.loss.value(o, t)))
        .sum::<f64>()
        / b as f64;
    let penalty: f64 = net
        .layers
        .iter()
        .flat_map(|l| &l.weights)
        .map(|&w| f64::from(reg.penalty(w)))
        .sum();
    data + f64::from(rate) * penalty
}

/// Backprop (with the same dropout mask) plus the penalty's derivative, against central
/// differences of J, for every hidden activation × every loss/output pair each task
/// allows × every regularisation × dropout off and on. A parameter whose one-sided
/// differences disagree sits on a kink (ReLU at 0, Huber at |r| = 1, the L1 penalty
/// at 0) where no derivative exists; those are counted and must stay rare.
#[test]
fn every_activation_loss_output_regularisation_and_dropout_matches_finite_differences() {
    let x = [0.7f32, -1.2, 0.4, -0.3, 0.9, 1.1, 1.4, 0.2, -0.8];
    let tasks = [Task::Classes(2), Task::Classes(3), Task::Regression];
    let (mut checked, mut kinks, mut combos) = (0usize, 0usize, 0usize);
    for task in tasks {
        for &loss in task.losses() {
            for &output in task.outputs_for(loss) {
                let head = task.head(Some(loss), Some(output));
                assert_eq!((head.loss, head.activation), (loss, output));
                let mut t = Vec::new();
                for (b, y) in [0.0f32, 1.0, 2.0].into_iter().enumerate() {
                    let y = match task {
                        Task::Regression => [0.4, -0.7, 0.1][b],
                        Task::Classes(k) => y.min(k as f32 - 1.0),
                    };
                    head.encode(y, &mut t);
                }
                for act in Activation::ALL {
                    for reg in Regularization::ALL {
                        for drop in [&[0.0f32, 0.0][..], &[0.5, 0.25][..]] {
                            combos += 1;
                            let net = Network::with_activations(
                                &[3, 4, 3, head.outputs],
                                &[act, act],
                                output,
                                Init::PlaygroundUniform,
                                29,
                            );
                            let rate = 0.05f32;
                            let mut ws = Workspace::new(&net);
                            ws.prepare(&net);
                            let mut d = Dropout::new(drop, Rng::new(5, Stream::Dropout));
                            let active = drop.iter().any(|&p| p > 0.0);
                            net.forward_rows_training(&x, &mut ws, if active { Some(&mut d) } else { None });
                            let mut grads = Gradients::new(&net);
                            net.backward_rows(&x, &t, loss, &mut ws, &mut grads);
                            let what = format!("{task:?}/{loss:?}/{output:?}/{act:?}/{reg:?}/dropout {drop:?}");
                            // Every weight (with the penalty's derivative) and every bias (none).
                            let params = net.layers.iter().enumerate().flat_map(|(l, layer)| {
                                let w = (0..layer.weights.len()).map(move |k| (l, k, true));
                                w.chain((0..layer.biases.len()).map(move |k| (l, k, false)))
                            });
                            for (l, k, is_weight) in params {
                                let an = if is_weight {
                                    let w = net.layers[l].weights[k];
                                    f64::from(grads.dw[l][k]) / 3.0 + f64::from(rate * reg.der(w))
                                } else {
                                    f64::from(grads.db[l][k]) / 3.0
                                };
                                let j = |h: f32| {
                                    let mut n = net.clone();
                                    let layer = &mut n.layers[l];
                                    *(if is_weight {
                                        &mut layer.weights[k]
                                    } else {
                                        &mut layer.biases[k]
                                    }) += h;
                                    objective_with(&n, &x, &t, &head, reg, rate, drop)
                                };
                                let h = 1e-3f32;
                                let (up, mid, down) = (j(h), j(0.0), j(-h));
                                let fd = (up - down) / (2.0 * f64::from(h));
                                let (right, left) = ((up - mid) / f64::from(h), (mid - down) / f64::from(h));
                                let tol = 3e-3 + 2e-2 * an.abs();
                                if (right - left).abs() > 2.0 * tol {
                                    kinks += 1;
                                    continue;
                                }
                                checked += 1;
                                let name = if is_weight { "dW" } else { "db" };
                                assert!(
                                    (fd - an).abs() < tol,
                                    "{what} {name}[{l}][{k}]: finite difference {fd}, backprop {an}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    println!("{combos} combinations, {checked} derivatives checked, {kinks} at kinks skipped");
    assert!(kinks * 100 < checked, "{kinks} kinks of {checked}");
}

/// Per-layer activations: each layer's own derivative is used.
#[test]
fn mixed_layer_activations_match_finite_differences() {
    let x = [0.3f32, -0.9];
    let t = [0.5f32];
    let net = Network::with_activations(
        &[2, 3, 3, 3, 1],
        &[Activation::Gelu, Activation::Elu, Activation::Softplus],
        Activation::Linear,
        Init::HeNormal,
        8,
    );
    let head = Task::Regression.head(None, None);
    let mut ws = Workspace::new(&net);
    let mut grads = Gradients::new(&net);
    net.forward(&x, &mut ws);
    net.backward(&t, head.loss, &mut ws, &mut grads);
    for l in 0..net.layers.len() {
        for k in 0..net.layers[l].weights.len() {
            let (mut up, mut down) = (net.clone(), net.clone());
            up.layers[l].weights[k] += 1e-3;
            down.layers[l].weights[k] -= 1e-3;
            let j = |n: &Network| objective_with(n, &x, &t, &head, Regularization::None, 0.0, &[]);
            let fd = (j(&up) - j(&down)) / 2e-3;
            let an = f64::from(grads.dw[l][k]);
            assert!((fd - an).abs() < 2e-3 + 2e-2 * an.abs(), "dW[{l}][{k}]: {fd} vs {an}");
        }
    }
}
