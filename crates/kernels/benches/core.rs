//! Native benchmark of the training core on the peer runner's workloads
//! (../shared/bench/peers: same spiral data, same initial weights, same batch
//! order). Prints samples/s and GFLOP/s per workload, the R1 grid time, and the
//! verification losses (which must match the runner's reference values).
//!
//!   cargo bench --bench core            # or: cargo bench --bench core -- 3 (seconds per workload)

use nnplay_kernels::activation::Activation;
use nnplay_kernels::epoch::{mean_loss, train_epoch, Buffers};
use nnplay_kernels::grid;
use nnplay_kernels::loss::Loss;
use nnplay_kernels::network::{Init, Network, Workspace};
use nnplay_kernels::optimizer::{Optimizer, StepSettings};
use nnplay_kernels::regularization::Regularization;
use std::hint::black_box;
use std::time::Instant;

/// The runner's mulberry32 (web/common.js).
struct Mulberry32(u32);
impl Mulberry32 {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}

/// The runner's two-class spiral, 500 points, noise 0, shuffled with seed 1234, first half train.
/// (x (n, 2), labels ±1)
type Set = (Vec<f32>, Vec<f32>);

fn spiral() -> (Set, Set) {
    let mut rnd = Mulberry32(1234);
    let n = 250;
    let mut pts = Vec::new();
    for (delta, label) in [(0.0, 1.0f32), (std::f64::consts::PI, -1.0)] {
        for i in 0..n {
            let r = i as f64 / n as f64 * 5.0;
            let t = 1.75 * i as f64 / n as f64 * 2.0 * std::f64::consts::PI + delta;
            // noise 0, but the generator still draws its two noise numbers
            let (nx, ny) = (rnd.next() * 2.0 - 1.0, rnd.next() * 2.0 - 1.0);
            pts.push((r * t.sin() + nx * 0.0, r * t.cos() + ny * 0.0, label));
        }
    }
    let mut c = pts.len();
    while c > 0 {
        let idx = (rnd.next() * c as f64).floor() as usize;
        c -= 1;
        pts.swap(c, idx);
    }
    let pack = |p: &[(f64, f64, f32)]| {
        let x = p.iter().flat_map(|&(a, b, _)| [a as f32, b as f32]).collect();
        let y = p.iter().map(|p| p.2).collect();
        (x, y)
    };
    (pack(&pts[..250]), pack(&pts[250..]))
}

struct Workload {
    name: &'static str,
    layers: &'static [usize],
    hidden: Activation,
    output: Activation,
    loss: Loss,
    optimizer: Optimizer,
    lr: f32,
    batch: usize,
    glorot: bool,
    seed: u32,
    verify_epochs: usize,
    reference: &'static str,
    flops: f64,
}

const ADAM: Optimizer = Optimizer::Adam {
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
};

const WORKLOADS: [Workload; 4] = [
    Workload {
        name: "W1 2-4-2-1 tanh SGD b10",
        layers: &[2, 4, 2, 1],
        hidden: Activation::Tanh,
        output: Activation::Tanh,
        loss: Loss::HalfSquaredError,
        optimizer: Optimizer::Sgd,
        lr: 0.03,
        batch: 10,
        glorot: false,
        seed: 11,
        verify_epochs: 100,
        reference: "0.46877",
        flops: 135.0,
    },
    Workload {
        name: "W2 2-8x6-1 tanh SGD b10",
        layers: &[2, 8, 8, 8, 8, 8, 8, 1],
        hidden: Activation::Tanh,
        output: Activation::Tanh,
        loss: Loss::HalfSquaredError,
        optimizer: Optimizer::Sgd,
        lr: 0.03,
        batch: 10,
        glorot: false,
        seed: 22,
        verify_epochs: 100,
        reference: "0.47176",
        flops: 2359.0,
    },
    Workload {
        name: "W3 2-64-64-1 relu Adam b32",
        layers: &[2, 64, 64, 1],
        hidden: Activation::Relu,
        output: Activation::Sigmoid,
        loss: Loss::BinaryCrossEntropy,
        optimizer: ADAM,
        lr: 0.01,
        batch: 32,
        glorot: true,
        seed: 33,
        verify_epochs: 1,
        reference: "0.66545",
        flops: 28052.0,
    },
    Workload {
        name: "W4 2-128x3-1 relu Adam b64",
        layers: &[2, 128, 128, 128, 1],
        hidden: Activation::Relu,
        output: Activation::Sigmoid,
        loss: Loss::BinaryCrossEntropy,
        optimizer: ADAM,
        lr: 0.001,
        batch: 64,
        glorot: true,
        seed: 44,
        verify_epochs: 10,
        reference: "0.64525",
        flops: 207664.0,
    },
];

/// The runner's initial weights (web/common.js initialParams).
fn network(w: &Workload) -> Network {
    let mut net = Network::new(w.layers, w.hidden, w.output, Init::PlaygroundUniform, 0);
    let mut rnd = Mulberry32(w.seed);
    for layer in &mut net.layers {
        let lim = (6.0 / (layer.n_in + layer.n_out) as f64).sqrt();
        for v in &mut layer.weights {
            let r = rnd.next();
            *v = if w.glorot {
                ((r * 2.0 - 1.0) * lim) as f32
            } else {
                (r - 0.5) as f32
            };
        }
        layer.biases.fill(if w.glorot { 0.0 } else { 0.1 });
    }
    net
}

fn main() {
    let seconds: f64 = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(2.0);
    let ((train_x, labels), (test_x, test_labels)) = spiral();
    println!("nnplay core, native, {seconds} s per workload");
    println!(
        "{:<28} {:>12} {:>9} {:>22}",
        "workload", "samples/s", "GFLOP/s", "train loss (reference)"
    );
    for w in &WORKLOADS {
        let target = |l: &[f32]| -> Vec<f32> {
            l.iter()
                .map(|&v| {
                    if w.loss == Loss::BinaryCrossEntropy {
                        f32::from(v > 0.0)
                    } else {
                        v
                    }
                })
                .collect()
        };
        let (train_y, test_y) = (target(&labels), target(&test_labels));
        let mut net = network(w);
        let mut buf = Buffers::new(&net);
        let s = StepSettings {
            optimizer: w.optimizer,
            learning_rate: w.lr,
            regularization: Regularization::None,
            regularization_rate: 0.0,
            clip_norm: 0.0,
        };
        let epoch = |net: &mut Network, buf: &mut Buffers| {
            train_epoch(net, buf, &train_x, &train_y, w.batch, w.loss, &s);
        };
        for _ in 0..w.verify_epochs {
            epoch(&mut net, &mut buf);
        }
        let mut ws = Workspace::new(&net);
        let verify = mean_loss(&net, &mut ws, &train_x, &train_y, w.loss);
        // Timed: chunks of epochs until `seconds` have passed.
        let start = Instant::now();
        let mut epochs = 0usize;
        while start.elapsed().as_secs_f64() < seconds {
            for _ in 0..10 {
                epoch(&mut net, &mut buf);
            }
            epochs += 10;
        }
        let rate = (epochs * 250) as f64 / start.elapsed().as_secs_f64();
        println!(
            "{:<28} {:>12.0} {:>9.2} {:>13.5} ({}, {} ep)",
            w.name,
            rate,
            rate * w.flops * 1e-9,
            verify,
            w.reference,
            w.verify_epochs
        );
        black_box(mean_loss(&net, &mut ws, &test_x, &test_y, w.loss));

        if w.layers.len() == 8 {
            r1(&net);
        }
    }
}

/// R1: the runner's 100 × 100 grid through `predict_first`, and the playground's own
/// `grid::evaluate` (output plus every hidden neuron's thumbnail) on the same net.
fn r1(net: &Network) {
    let d = 100;
    let x: Vec<f32> = (0..d)
        .flat_map(|i| (0..d).flat_map(move |j| [-6.0 + 12.0 * i as f32 / 99.0, 6.0 - 12.0 * j as f32 / 99.0]))
        .collect();
    let mut ws = Workspace::new(net);
    let mut out = vec![0.0; d * d];
    let time = |f: &mut dyn FnMut()| {
        for _ in 0..3 {
            f();
        }
        let start = Instant::now();
        let mut reps = 0;
        while reps < 5 || start.elapsed().as_secs_f64() < 1.0 {
            f();
            reps += 1;
        }
        start.elapsed().as_secs_f64() * 1e3 / reps as f64
    };
    let ms = time(&mut || net.predict_first(black_box(&x), &mut ws, &mut out));
    println!(
        "{:<28} {:>9.3} ms per grid {:>9.2} GFLOP/s",
        "R1 100x100 predict (W2 net)",
        ms,
        7.86e6 / (ms * 1e6)
    );
    let inputs = grid::inputs(&[
        nnplay_kernels::features::Feature::X1,
        nnplay_kernels::features::Feature::X2,
    ]);
    let hidden: usize = net.sizes()[1..net.layers.len()].iter().sum();
    let mut neurons = vec![0.0; hidden * grid::THUMB * grid::THUMB];
    let ms = time(&mut || {
        grid::evaluate(
            net,
            black_box(&inputs),
            &mut ws,
            &mut out,
            &mut neurons,
            grid::THUMB_STEP,
        )
    });
    println!("{:<28} {:>9.3} ms per grid", "grid::evaluate (+ thumbnails)", ms);
}
