//! One pass over the training data in minibatches: per sample forward and
//! backward, accumulating gradients; one optimizer step per minibatch on the
//! mean gradient (the last, shorter batch included). The rows go in the data's
//! order (the Playground's behaviour) or in a given order (shuffling), and
//! hidden layers may drop units (dropout). This is the training core that the
//! worker, the tests and the benchmarks all run.

use crate::dropout::Dropout;
use crate::loss::Loss;
use crate::network::{Gradients, Network, Workspace};
use crate::optimizer::{step, OptimizerState, StepSettings};
use crate::rng::Rng;

/// Training buffers for one network shape, allocated once.
pub struct Buffers {
    pub ws: Workspace,
    pub grads: Gradients,
    pub state: OptimizerState,
    /// Per layer, the RMS of the minibatches' mean weight gradients over the last
    /// epoch trained with `EpochPlan::track_gradients`.
    pub grad_rms: Vec<f32>,
    /// A minibatch gathered in a given order: (batch, n_inputs), (batch, n_outputs).
    bx: Vec<f32>,
    by: Vec<f32>,
}

impl Buffers {
    pub fn new(net: &Network) -> Self {
        Self {
            ws: Workspace::new(net),
            grads: Gradients::new(net),
            state: OptimizerState::default(),
            grad_rms: vec![0.0; net.layers.len()],
            bx: Vec::new(),
            by: Vec::new(),
        }
    }
}

/// Work a caller adds around each minibatch step: pruning keeps its removed
/// weights at 0 after every step, quantisation-aware training runs the forward
/// and backward passes on quantised weights and steps the float ones (the
/// straight-through estimator). Each does nothing unless overridden.
pub trait StepHook {
    /// Before the minibatch's forward pass.
    fn before_forward(&mut self, _net: &mut Network) {}
    /// After its backward pass, before the optimizer step.
    fn before_step(&mut self, _net: &mut Network) {}
    /// After the optimizer step.
    fn after_step(&mut self, _net: &mut Network) {}
}

/// The hook of an epoch without one.
struct NoHook;
impl StepHook for NoHook {}

/// The optional parts of an epoch.
#[derive(Default)]
pub struct EpochPlan<'a> {
    /// The rows' order (a permutation of 0..n); None: the data's order.
    pub order: Option<&'a [u32]>,
    /// Hidden layers' dropout rates and the stream their masks come from.
    pub dropout: Option<(&'a [f32], Rng)>,
    /// Measure each layer's gradient size (`Buffers::grad_rms`): one more pass over
    /// the weight gradients per minibatch.
    pub track_gradients: bool,
    /// Work around each step (None: none).
    pub hook: Option<&'a mut dyn StepHook>,
}

/// A permutation of 0..n drawn from `rng` (Fisher–Yates).
// Not inlined into its one caller, the trainer in nnplay, which is built for size.
#[inline(never)]
pub fn shuffled_order(n: usize, rng: &mut Rng) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut order);
    order
}

/// x: (n, n_inputs), y: (n, n_outputs), both row-major.
#[allow(clippy::too_many_arguments)]
pub fn train_epoch(
    net: &mut Network,
    buf: &mut Buffers,
    x: &[f32],
    y: &[f32],
    batch_size: usize,
    loss: Loss,
    settings: &StepSettings,
) {
    train_epoch_planned(net, buf, x, y, batch_size, loss, settings, EpochPlan::default());
}

/// `train_epoch` with an order of the rows and dropout.
// Not inlined: the trainer and the divergence replay (`trainer::climb`) share one
// copy of the hot loop (about 8 kB of wasm), and a call per epoch costs nothing.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn train_epoch_planned(
    net: &mut Network,
    buf: &mut Buffers,
    x: &[f32],
    y: &[f32],
    batch_size: usize,
    loss: Loss,
    settings: &StepSettings,
    plan: EpochPlan,
) {
    let (ni, no) = (net.n_inputs(), net.n_outputs());
    let n = x.len() / ni;
    let batch_size = batch_size.max(1);
    let mut dropout = plan.dropout.map(|(rates, rng)| Dropout::new(rates, rng));
    // Called whether or not there is one: a branch here would let LLVM keep two
    // copies of the hot loop below.
    let mut no_hook = NoHook;
    let hook: &mut dyn StepHook = plan.hook.unwrap_or(&mut no_hook);
    // Σ over minibatches of each layer's mean squared (mean) weight gradient.
    let mut squares = vec![0.0f64; net.layers.len()];
    let mut steps = 0usize;
    buf.grads.clear();
    let mut start = 0;
    while start < n {
        let end = (start + batch_size).min(n);
        // Forward the whole minibatch at once (the weights only change between
        // minibatches), then backprop it; the same sums in the same order as
        // one sample at a time.
        let (bx, by) = match plan.order {
            None => (&x[start * ni..end * ni], &y[start * no..end * no]),
            Some(order) => {
                buf.bx.clear();
                buf.by.clear();
                for &r in &order[start..end] {
                    let r = r as usize;
                    buf.bx.extend_from_slice(&x[r * ni..(r + 1) * ni]);
                    buf.by.extend_from_slice(&y[r * no..(r + 1) * no]);
                }
                (&buf.bx[..], &buf.by[..])
            }
        };
        hook.before_forward(net);
        buf.ws.prepare(net);
        net.forward_rows_training(bx, &mut buf.ws, dropout.as_mut());
        net.backward_rows(bx, by, loss, &mut buf.ws, &mut buf.grads);
        hook.before_step(net);
        step(net, &buf.grads, settings, &mut buf.state);
        hook.after_step(net);
        if plan.track_gradients {
            buf.grads.add_layer_mean_squares(&mut squares);
            steps += 1;
        }
        buf.grads.clear();
        start = end;
    }
    if steps > 0 {
        buf.grad_rms = squares.iter().map(|s| (s / steps as f64).sqrt() as f32).collect();
    }
}

/// Mean loss over a dataset: (1/n) Σ L(f(x), y).
pub fn mean_loss(net: &Network, ws: &mut Workspace, x: &[f32], y: &[f32], loss: Loss) -> f32 {
    let (ni, no) = (net.n_inputs(), net.n_outputs());
    let n = x.len() / ni;
    if n == 0 {
        return 0.0;
    }
    let mut total = 0.0f64;
    ws.prepare(net);
    let last = net.layers.len();
    for (xs, ys) in x.chunks(BLOCK * ni).zip(y.chunks(BLOCK * no)) {
        net.forward_rows(xs, ws);
        for (o, t) in ws.rows(last).chunks_exact(no).zip(ys.chunks_exact(no)) {
            total += f64::from(loss.value(o, t));
        }
    }
    (total / n as f64) as f32
}

/// Samples per forward block in `mean_loss`.
const BLOCK: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::{Init, Layer};
    use crate::optimizer::Optimizer;
    use crate::regularization::Regularization;

    /// y = w x + b, two samples, batch 2, SGD lr 0.1, by hand:
    /// w = 0.5, b = 0; x = [1, 2], t = [1, 0]; outputs 0.5, 1.0; δ = o − t = −0.5, 1.0;
    /// dW = (−0.5·1 + 1.0·2)/2 = 0.75, db = 0.25; w = 0.5 − 0.075 = 0.425, b = −0.025.
    #[test]
    fn one_epoch_by_hand() {
        let mut net = Network {
            layers: vec![Layer {
                n_in: 1,
                n_out: 1,
                weights: vec![0.5],
                biases: vec![0.0],
                activation: Activation::Linear,
            }],
        };
        let mut buf = Buffers::new(&net);
        let s = StepSettings {
            optimizer: Optimizer::Sgd,
            learning_rate: 0.1,
            regularization: Regularization::None,
            regularization_rate: 0.0,
            clip_norm: 0.0,
        };
        train_epoch(
            &mut net,
            &mut buf,
            &[1.0, 2.0],
            &[1.0, 0.0],
            2,
            Loss::HalfSquaredError,
            &s,
        );
        assert!((net.layers[0].weights[0] - 0.425).abs() < 1e-7);
        assert!((net.layers[0].biases[0] + 0.025).abs() < 1e-7);
    }

    #[test]
    fn a_partial_last_batch_still_steps() {
        // 3 samples, batch 2: two steps. With batch 3: one step. They differ.
        let make = || {
            Network::new(
                &[1, 2, 1],
                Activation::Tanh,
                Activation::Tanh,
                Init::PlaygroundUniform,
                2,
            )
        };
        let s = StepSettings {
            optimizer: Optimizer::Sgd,
            learning_rate: 0.5,
            regularization: Regularization::None,
            regularization_rate: 0.0,
            clip_norm: 0.0,
        };
        let (x, y) = ([0.1, -0.4, 0.9], [1.0, -1.0, 1.0]);
        let mut a = make();
        let mut ba = Buffers::new(&a);
        train_epoch(&mut a, &mut ba, &x, &y, 2, Loss::HalfSquaredError, &s);
        let mut b = make();
        let mut bb = Buffers::new(&b);
        train_epoch(&mut b, &mut bb, &x, &y, 3, Loss::HalfSquaredError, &s);
        assert_ne!(a, b);
        assert_ne!(a, make());
    }
}
