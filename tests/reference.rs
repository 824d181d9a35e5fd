//! The network's hand-written kernels (two rows or two neurons per pass, blocks of
//! 16, 8 and 4 columns, odd tails) against an independent reference written with
//! ndarray in f64: the forward pass A_l = f(A_{l−1}·Wᵀ + b) and backprop of one
//! minibatch, δ_L = ∂L/∂Z_L, dW = δᵀ·A_{l−1} / B, db = Σ_rows δ / B, δ_{l−1} = (δ·W) ⊙ f'(Z_{l−1}),
//! and the input gradient δ·W of the first layer.
//!
//! The crate's conventions, from its code: `Gradients` hold sums over the rows and
//! `optimizer::step` divides them by `count` (the mean over the minibatch, which is
//! what is compared here); the losses are summed over the outputs (½Σ(o − t)² for
//! the squared error); regularisation is a separate step and plays no part.
#![cfg(not(target_arch = "wasm32"))]

use ndarray::{Array1, Array2, Axis};
use nnplay::activation::Activation;
use nnplay::loss::Loss;
use nnplay::network::{Gradients, Init, Layer, Network, Workspace};
use nnplay::rng::{Rng, Stream};

/// Largest accepted difference, relative to the largest magnitude of the compared quantity.
const TOLERANCE: f64 = 1e-5;

/// The hidden activations checked (the Playground's four).
const HIDDEN: [Activation; 4] = [
    Activation::Tanh,
    Activation::Relu,
    Activation::Sigmoid,
    Activation::Linear,
];

/// Minibatch sizes: odd ones leave a single row after the two-row kernels.
const BATCHES: [usize; 4] = [1, 7, 10, 64];

/// One network shape with its output layer and loss.
struct Case {
    sizes: &'static [usize],
    output: Activation,
    loss: Loss,
}

const CASES: [Case; 4] = [
    // The Playground's default head.
    Case {
        sizes: &[2, 3, 1],
        output: Activation::Tanh,
        loss: Loss::HalfSquaredError,
    },
    Case {
        sizes: &[7, 8, 8, 1],
        output: Activation::Sigmoid,
        loss: Loss::BinaryCrossEntropy,
    },
    Case {
        sizes: &[5, 16, 3],
        output: Activation::Softmax,
        loss: Loss::CategoricalCrossEntropy,
    },
    // Odd widths past the 16-, 8- and 4-column blocks (21 = 16 + 4 + 1 = 8 + 8 + 4 + 1)
    // and an odd number of neurons for the two-neuron dW kernel.
    Case {
        sizes: &[3, 21, 13, 2],
        output: Activation::Linear,
        loss: Loss::HalfSquaredError,
    },
];

/// A network of the case's shape with seeded weights and seeded, non-uniform biases.
fn network(case: &Case, hidden: Activation, seed: u32) -> Network {
    let mut net = Network::new(case.sizes, hidden, case.output, Init::PlaygroundUniform, seed);
    // A stream apart from the inputs' (Stream::Data).
    let mut rng = Rng::new(seed, Stream::Shuffle);
    for layer in &mut net.layers {
        layer.biases.iter_mut().for_each(|b| *b = rng.uniform(-0.5, 0.5) as f32);
    }
    net
}

/// A seeded minibatch: inputs (rows, n_in) in [−1.5, 1.5) and targets (rows, n_out)
/// that suit the loss (±1 for tanh, 0/1 for cross-entropy, one-hot for softmax).
fn minibatch(case: &Case, rows: usize, seed: u32) -> (Vec<f32>, Vec<f32>) {
    let (ni, no) = (case.sizes[0], case.sizes[case.sizes.len() - 1]);
    let mut rng = Rng::new(seed, Stream::Data);
    let x = (0..rows * ni).map(|_| rng.uniform(-1.5, 1.5) as f32).collect();
    let mut t = vec![0.0f32; rows * no];
    for row in t.chunks_exact_mut(no) {
        match (case.output, case.loss) {
            (Activation::Softmax, _) => row[rng.below(no)] = 1.0,
            (_, Loss::BinaryCrossEntropy) => row.iter_mut().for_each(|v| *v = rng.below(2) as f32),
            (Activation::Tanh, _) => row
                .iter_mut()
                .for_each(|v| *v = if rng.below(2) == 0 { -1.0 } else { 1.0 }),
            _ => row.iter_mut().for_each(|v| *v = rng.uniform(-1.0, 1.0) as f32),
        }
    }
    (x, t)
}

/// What the crate computes for one minibatch, as the training epoch does it
/// (`prepare`, `forward_rows_training` without dropout, `backward_rows`).
struct Computed {
    /// outputs[l]: (rows, n_out) outputs of layer l.
    outputs: Vec<Vec<f32>>,
    /// Mean gradients over the minibatch (the sums divided by `count`, as `optimizer::step`).
    dw: Vec<Vec<f32>>,
    db: Vec<Vec<f32>>,
}

fn computed(net: &Network, x: &[f32], t: &[f32], loss: Loss) -> Computed {
    let rows = x.len() / net.n_inputs();
    let mut ws = Workspace::new(net);
    let mut grads = Gradients::new(net);
    ws.prepare(net);
    net.forward_rows_training(x, &mut ws, None);
    let outputs = (1..=net.layers.len())
        .map(|l| ws.rows(l)[..rows * net.layers[l - 1].n_out].to_vec())
        .collect();
    net.backward_rows(x, t, loss, &mut ws, &mut grads);
    assert_eq!(grads.count, rows, "one count per row");
    let mean = |g: &Vec<f32>| g.iter().map(|v| v / grads.count as f32).collect();
    Computed {
        outputs,
        dw: grads.dw.iter().map(mean).collect(),
        db: grads.db.iter().map(mean).collect(),
    }
}

/// The reference's results for one minibatch, in f64.
struct Reference {
    /// outputs[l]: (rows, n_out) = A_{l+1}.
    outputs: Vec<Array2<f64>>,
    /// Mean gradients: dw[l] (n_out, n_in), db[l] (n_out).
    dw: Vec<Array2<f64>>,
    db: Vec<Array1<f64>>,
    /// ∂L/∂x per row: (rows, n_inputs).
    dx: Array2<f64>,
}

fn f(act: Activation, z: f64) -> f64 {
    match act {
        Activation::Tanh => z.tanh(),
        Activation::Relu => z.max(0.0),
        Activation::Sigmoid => 1.0 / (1.0 + (-z).exp()),
        Activation::Linear => z,
        other => unimplemented!("{other:?} is not in the reference"),
    }
}

/// f'(z) from the input z.
fn df(act: Activation, z: f64) -> f64 {
    match act {
        Activation::Tanh => 1.0 - z.tanh() * z.tanh(),
        Activation::Relu => f64::from(u8::from(z > 0.0)),
        Activation::Sigmoid => f(act, z) * (1.0 - f(act, z)),
        Activation::Linear => 1.0,
        other => unimplemented!("{other:?} is not in the reference"),
    }
}

/// ∂L/∂o of one output o against its target t (losses summed over the outputs).
fn dloss(loss: Loss, o: f64, t: f64) -> f64 {
    match loss {
        Loss::HalfSquaredError => o - t,
        Loss::BinaryCrossEntropy => -(t / o - (1.0 - t) / (1.0 - o)),
        Loss::CategoricalCrossEntropy => -t / o,
        Loss::Huber => unimplemented!("Huber is not in the reference"),
    }
}

fn matrix(v: &[f32], rows: usize, cols: usize) -> Array2<f64> {
    Array2::from_shape_vec((rows, cols), v.iter().map(|&v| f64::from(v)).collect()).unwrap()
}

/// Forward and backward pass of the rows of x with ndarray, from the network's parameters only.
fn reference(net: &Network, x: &[f32], t: &[f32], loss: Loss) -> Reference {
    let rows = x.len() / net.n_inputs();
    let weights: Vec<Array2<f64>> = net.layers.iter().map(|l| matrix(&l.weights, l.n_out, l.n_in)).collect();
    let biases: Vec<Array1<f64>> = net
        .layers
        .iter()
        .map(|l| l.biases.iter().map(|&b| f64::from(b)).collect())
        .collect();
    // acts[0] = X, acts[l + 1] = A of layer l; zs[l] = Z of layer l.
    let mut acts = vec![matrix(x, rows, net.n_inputs())];
    let mut zs = Vec::new();
    for (l, layer) in net.layers.iter().enumerate() {
        let z = acts[l].dot(&weights[l].t()) + &biases[l];
        let a = if layer.activation == Activation::Softmax {
            let mut a = z.clone();
            for mut row in a.rows_mut() {
                let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
                row.mapv_inplace(|v| (v - max).exp());
                let sum = row.sum();
                row /= sum;
            }
            a
        } else {
            z.mapv(|v| f(layer.activation, v))
        };
        zs.push(z);
        acts.push(a);
    }
    // δ of the output layer by the chain rule through ∂L/∂o (no shortcut such as o − t).
    let last = net.layers.len() - 1;
    let out = &acts[last + 1];
    let dl_do = ndarray::Zip::from(out)
        .and(&matrix(t, rows, net.n_outputs()))
        .map_collect(|&o, &t| dloss(loss, o, t));
    let mut delta = if net.layers[last].activation == Activation::Softmax {
        // ∂o_j/∂z_k = o_j (1[j = k] − o_k): δ_k = o_k (g_k − Σ_j g_j o_j).
        let mut d = Array2::zeros(out.raw_dim());
        for ((mut d, o), g) in d.rows_mut().into_iter().zip(out.rows()).zip(dl_do.rows()) {
            let go = g.dot(&o);
            d.assign(&(&o * &(&g - go)));
        }
        d
    } else {
        let act = net.layers[last].activation;
        dl_do * zs[last].mapv(|z| df(act, z))
    };
    let b = rows as f64;
    let (mut dw, mut db) = (Vec::new(), Vec::new());
    let mut dx = Array2::zeros((0, 0));
    for l in (0..net.layers.len()).rev() {
        dw.push(delta.t().dot(&acts[l]) / b);
        db.push(delta.sum_axis(Axis(0)) / b);
        let back = delta.dot(&weights[l]);
        if l == 0 {
            dx = back;
        } else {
            let act = net.layers[l - 1].activation;
            delta = back * zs[l - 1].mapv(|z| df(act, z));
        }
    }
    dw.reverse();
    db.reverse();
    Reference {
        outputs: acts.split_off(1),
        dw,
        db,
        dx,
    }
}

/// max |got − want| / max |want|: the difference relative to the quantity's size.
fn relative_error(got: &[f32], want: &[f64]) -> f64 {
    assert_eq!(got.len(), want.len(), "shapes differ");
    let scale = want.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(f64::MIN_POSITIVE);
    let diff = got
        .iter()
        .zip(want)
        .fold(0.0f64, |m, (&g, &w)| m.max((f64::from(g) - w).abs()));
    diff / scale
}

fn flat<D: ndarray::Dimension>(a: &ndarray::Array<f64, D>) -> Vec<f64> {
    a.iter().copied().collect()
}

/// Runs `check` on every case × hidden activation × minibatch size with fixed seeds
/// and returns the largest relative error it reported.
fn over_every_setup(mut check: impl FnMut(&str, &Network, &[f32], &[f32], Loss) -> f64) -> f64 {
    let mut worst = 0.0f64;
    for (k, case) in CASES.iter().enumerate() {
        for (h, &hidden) in HIDDEN.iter().enumerate() {
            for &rows in &BATCHES {
                let seed = 100 + 10 * k as u32 + h as u32;
                let net = network(case, hidden, seed);
                let (x, t) = minibatch(case, rows, seed);
                let what = format!(
                    "{:?} {hidden:?}/{:?}/{:?}, {rows} rows",
                    case.sizes, case.output, case.loss
                );
                worst = worst.max(check(&what, &net, &x, &t, case.loss));
            }
        }
    }
    worst
}

fn assert_close(what: &str, got: &[f32], want: &[f64]) -> f64 {
    let e = relative_error(got, want);
    assert!(e <= TOLERANCE, "{what}: relative error {e:e} over {TOLERANCE:e}");
    e
}

#[test]
fn every_layers_outputs_match_the_ndarray_forward_pass() {
    let worst = over_every_setup(|what, net, x, t, loss| {
        let got = computed(net, x, t, loss);
        let want = reference(net, x, t, loss);
        let mut worst = 0.0f64;
        for (l, (g, w)) in got.outputs.iter().zip(&want.outputs).enumerate() {
            worst = worst.max(assert_close(&format!("{what}: A of layer {l}"), g, &flat(w)));
        }
        worst
    });
    println!("largest relative error of the outputs: {worst:e}");
}

#[test]
fn the_mean_weight_and_bias_gradients_match_the_ndarray_backward_pass() {
    let worst = over_every_setup(|what, net, x, t, loss| {
        let got = computed(net, x, t, loss);
        let want = reference(net, x, t, loss);
        let mut worst = 0.0f64;
        for l in 0..net.layers.len() {
            worst = worst.max(assert_close(
                &format!("{what}: dW of layer {l}"),
                &got.dw[l],
                &flat(&want.dw[l]),
            ));
            worst = worst.max(assert_close(
                &format!("{what}: db of layer {l}"),
                &got.db[l],
                &flat(&want.db[l]),
            ));
        }
        worst
    });
    println!("largest relative error of the gradients: {worst:e}");
}

/// The crate computes Wᵀδ for every layer but the first (nothing needs ∂L/∂x). In
/// front of an identity layer (W = I, b = 0, linear; its outputs are x exactly) the
/// first real layer's Wᵀδ becomes that layer's δ, so its mean db is the mean input
/// gradient and its mean dW is (∂L/∂X)ᵀ·X / B, which keeps each row's gradient apart.
#[test]
fn the_input_gradient_w_transpose_delta_matches_the_ndarray_backward_pass() {
    let worst = over_every_setup(|what, net, x, t, loss| {
        let n = net.n_inputs();
        let mut identity = vec![0.0f32; n * n];
        identity.iter_mut().step_by(n + 1).for_each(|v| *v = 1.0);
        let mut wrapped = net.clone();
        wrapped.layers.insert(
            0,
            Layer {
                n_in: n,
                n_out: n,
                weights: identity,
                biases: vec![0.0; n],
                activation: Activation::Linear,
            },
        );
        let got = computed(&wrapped, x, t, loss);
        let plain = computed(net, x, t, loss);
        assert_eq!(
            got.outputs[1..],
            plain.outputs[..],
            "{what}: the identity layer changes nothing"
        );
        let want = reference(net, x, t, loss);
        let rows = want.dx.nrows();
        let mean_dx = want.dx.mean_axis(Axis(0)).unwrap();
        let dx_x = want.dx.t().dot(&matrix(x, rows, n)) / rows as f64;
        let e = assert_close(&format!("{what}: mean ∂L/∂x"), &got.db[0], &flat(&mean_dx));
        e.max(assert_close(
            &format!("{what}: (∂L/∂X)ᵀ·X / B"),
            &got.dw[0],
            &flat(&dx_x),
        ))
    });
    println!("largest relative error of the input gradients: {worst:e}");
}

#[test]
fn the_comparison_catches_a_change_of_one_part_in_a_thousand() {
    let want = [0.25f64, -1.0, 0.5, 0.125];
    let exact: Vec<f32> = want.iter().map(|&v| v as f32).collect();
    assert_eq!(relative_error(&exact, &want), 0.0);
    let mut off = exact.clone();
    off[2] += 1e-3;
    assert!(relative_error(&off, &want) > TOLERANCE);
}

#[test]
fn a_weight_moved_by_1e_3_no_longer_matches_the_reference() {
    let case = &CASES[1];
    let net = network(case, Activation::Tanh, 7);
    let (x, t) = minibatch(case, 7, 7);
    let want = reference(&net, &x, &t, case.loss);
    let mut moved = net.clone();
    moved.layers[1].weights[5] += 1e-3;
    let got = computed(&moved, &x, &t, case.loss);
    let last = net.layers.len() - 1;
    assert!(relative_error(&got.outputs[last], &flat(&want.outputs[last])) > TOLERANCE);
    assert!(relative_error(&got.dw[0], &flat(&want.dw[0])) > TOLERANCE);
    // The unmoved network matches.
    let same = computed(&net, &x, &t, case.loss);
    assert!(relative_error(&same.dw[0], &flat(&want.dw[0])) <= TOLERANCE);
}
