//! A fully connected network stored as flat f32 buffers, with a preallocated
//! workspace so that training allocates nothing per sample.
//!
//! Layer l maps a_l (n_in) to a_{l+1} = f(W a_l + b) (n_out).
//! Backprop, per sample, with δ = dL/dz:
//!   dW += δ ⊗ a_l,  db += δ,  δ_prev = (Wᵀ δ) ⊙ f'(a_l).
//! With dropout on hidden layer l in training, a_l is replaced by a_l ⊙ m
//! (m_i = 0 with probability p, else 1/(1 − p)), so δ_prev gains the factor m.

use crate::activation::Activation;
use crate::blockwise::{activate, times_derivative, times_derivative_of_input};
use crate::dropout::Dropout;
pub use crate::init::Init;
use crate::loss::Loss;
use crate::matmul::{matmul_acc, Lhs};
use crate::rng::{Rng, Stream};
use crate::tanh::fast_tanh;

#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub n_in: usize,
    pub n_out: usize,
    /// (n_out, n_in) row-major: w[o * n_in + i] connects input i to neuron o.
    pub weights: Vec<f32>,
    /// (n_out)
    pub biases: Vec<f32>,
    pub activation: Activation,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    pub layers: Vec<Layer>,
}

impl Network {
    /// `sizes` = [n_inputs, hidden..., n_outputs], one activation for every hidden layer.
    pub fn new(sizes: &[usize], hidden: Activation, output: Activation, init: Init, seed: u32) -> Self {
        let hidden = vec![hidden; sizes.len().saturating_sub(2)];
        Self::with_activations(sizes, &hidden, output, init, seed)
    }

    /// `sizes` = [n_inputs, hidden..., n_outputs]; `hidden[l]` is hidden layer l's
    /// activation (the last one repeats if the list is short).
    pub fn with_activations(sizes: &[usize], hidden: &[Activation], output: Activation, init: Init, seed: u32) -> Self {
        assert!(sizes.len() >= 2, "a network needs an input and an output layer");
        let mut rng = Rng::new(seed, Stream::Init);
        let last = sizes.len() - 2;
        let layers = sizes
            .windows(2)
            .enumerate()
            .map(|(l, w)| {
                let (n_in, n_out) = (w[0], w[1]);
                let (weights, biases) = init.draw(n_in, n_out, &mut rng);
                let activation = if l == last {
                    output
                } else {
                    hidden.get(l).or(hidden.last()).copied().unwrap_or(Activation::Tanh)
                };
                Layer {
                    n_in,
                    n_out,
                    weights,
                    biases,
                    activation,
                }
            })
            .collect();
        Self { layers }
    }

    pub fn n_inputs(&self) -> usize {
        self.layers[0].n_in
    }

    pub fn n_outputs(&self) -> usize {
        self.layers[self.layers.len() - 1].n_out
    }

    /// [n_inputs, n_1, ..., n_outputs]
    pub fn sizes(&self) -> Vec<usize> {
        std::iter::once(self.n_inputs())
            .chain(self.layers.iter().map(|l| l.n_out))
            .collect()
    }

    pub fn param_count(&self) -> usize {
        self.layers.iter().map(|l| l.weights.len() + l.biases.len()).sum()
    }

    pub fn all_finite(&self) -> bool {
        self.layers
            .iter()
            .all(|l| l.weights.iter().chain(&l.biases).all(|v| v.is_finite()))
    }

    /// Forward pass of one sample; fills ws.acts and returns the output.
    /// (Refreshes the workspace's copy of the weights first; loops call
    /// `Workspace::prepare` once and then `forward_prepared`.)
    pub fn forward<'w>(&self, x: &[f32], ws: &'w mut Workspace) -> &'w [f32] {
        ws.prepare(self);
        self.forward_prepared(x, ws)
    }

    /// Forward pass of one sample with the weights as of the last `ws.prepare(self)`.
    pub fn forward_prepared<'w>(&self, x: &[f32], ws: &'w mut Workspace) -> &'w [f32] {
        self.forward_rows(x, ws);
        for (a, r) in ws.acts.iter_mut().zip(&ws.rows).skip(1) {
            let n = a.len();
            a.copy_from_slice(&r[..n]);
        }
        ws.acts[0].copy_from_slice(x);
        &ws.acts[self.layers.len()]
    }

    /// Forward pass of the rows of x (rows, n_inputs) at once, with the weights as
    /// of the last `ws.prepare(self)`: ws.rows[l + 1] = (rows, n_out) outputs of layer l.
    /// Each neuron of each row is summed in the same order as a single forward pass
    /// (bias first, then inputs in order), so the results are the same bits.
    pub fn forward_rows(&self, x: &[f32], ws: &mut Workspace) {
        self.forward_block(x, ws, None, false);
    }

    /// `forward_rows` for pictures: tanh through `fast_tanh` (within 4e-7 of the
    /// exact one). Only the boundary and neuron pictures use it; training and
    /// every loss and metric go through the exact `forward_rows`.
    pub fn forward_rows_picture(&self, x: &[f32], ws: &mut Workspace) {
        self.forward_block(x, ws, None, true);
    }

    /// `forward_rows` in training: with `dropout`, hidden layers with a rate drop
    /// units (a fresh mask per row, kept in `ws` for the backward pass).
    pub fn forward_rows_training(&self, x: &[f32], ws: &mut Workspace, dropout: Option<&mut Dropout>) {
        self.forward_block(x, ws, dropout, false);
    }

    fn forward_block(&self, x: &[f32], ws: &mut Workspace, mut dropout: Option<&mut Dropout>, picture: bool) {
        let rows = x.len() / self.n_inputs();
        ws.reserve_rows(rows);
        let last = self.layers.len() - 1;
        for (l, layer) in self.layers.iter().enumerate() {
            let (prev, next) = ws.rows.split_at_mut(l + 1);
            let input = if l == 0 { x } else { &prev[l][..rows * layer.n_in] };
            let out = &mut next[0][..rows * layer.n_out];
            // z = b + x·Wᵀ for the whole block: (rows, n_in) · (n_in, n_out).
            out.chunks_exact_mut(layer.n_out)
                .for_each(|z| z.copy_from_slice(&layer.biases));
            matmul_acc(Lhs::Rows(input), &ws.wt[l], layer.n_in, out);
            if layer.activation.needs_input() {
                // GELU's derivative needs z: keep it.
                ws.pre[l + 1][..out.len()].copy_from_slice(out);
            }
            // f over the whole block at once: vectorised across rows and neurons.
            if picture && layer.activation == Activation::Tanh {
                out.iter_mut().for_each(|v| *v = fast_tanh(*v));
            } else {
                activate(layer.activation, out);
            }
            if layer.activation == Activation::Softmax {
                out.chunks_exact_mut(layer.n_out)
                    .for_each(crate::activation::softmax_in_place);
            }
            ws.dropped[l + 1] = false;
            if let Some(d) = dropout.as_deref_mut().filter(|_| l < last) {
                let p = d.rate(l);
                if p > 0.0 {
                    // a ← a ⊙ m; the unmasked a stays in `kept` for f'(a).
                    ws.kept[l + 1][..out.len()].copy_from_slice(out);
                    let mask = &mut ws.mask[l + 1][..out.len()];
                    d.fill_mask(p, mask);
                    out.iter_mut().zip(mask.iter()).for_each(|(a, m)| *a *= m);
                    ws.dropped[l + 1] = true;
                }
            }
        }
    }

    /// out[s] = first output for row s of x (n, n_inputs), as the pictures compute it
    /// (`forward_rows_picture`); parameters untouched.
    pub fn predict_first(&self, x: &[f32], ws: &mut Workspace, out: &mut [f32]) {
        ws.prepare(self);
        let ni = self.n_inputs();
        let no = self.n_outputs();
        let last = self.layers.len();
        for (xs, os) in x.chunks(ROWS * ni).zip(out.chunks_mut(ROWS)) {
            self.forward_rows_picture(xs, ws);
            for (o, r) in os.iter_mut().zip(ws.rows[last].chunks_exact(no)) {
                *o = r[0];
            }
        }
    }

    /// Backprop of the sample last passed to `forward`, accumulating into `grads`.
    pub fn backward(&self, target: &[f32], loss: Loss, ws: &mut Workspace, grads: &mut Gradients) {
        let x = std::mem::take(&mut ws.acts[0]);
        let n_out = self.n_outputs();
        self.backward_rows(&x, &target[..n_out], loss, ws, grads);
        ws.acts[0] = x;
    }

    /// Backprop of the rows last passed to `forward_rows` (x: (rows, n_inputs),
    /// targets: (rows, n_outputs)), accumulating into `grads` sample after sample
    /// (each gradient entry sums the rows in order, as one `backward` per row would).
    pub fn backward_rows(&self, x: &[f32], target: &[f32], loss: Loss, ws: &mut Workspace, grads: &mut Gradients) {
        let n_layers = self.layers.len();
        let rows = x.len() / self.n_inputs();
        let out_layer = &self.layers[n_layers - 1];
        let n_out = out_layer.n_out;
        loss.output_delta(
            out_layer.activation,
            &ws.rows[n_layers][..rows * n_out],
            &target[..rows * n_out],
            &mut ws.deltas[n_layers - 1][..rows * n_out],
        );
        for l in (0..n_layers).rev() {
            let layer = &self.layers[l];
            let (n_in, n_out) = (layer.n_in, layer.n_out);
            let a_in = if l == 0 { x } else { &ws.rows[l][..rows * n_in] };
            let (lower, upper) = ws.deltas.split_at_mut(l);
            let delta = &upper[0][..rows * n_out];
            // db[o] += Σ_s δ[s][o];  dW[o][i] += Σ_s δ[s][o] a[s][i]
            let db = &mut grads.db[l];
            for d in delta.chunks_exact(n_out) {
                for (b, &d) in db.iter_mut().zip(d) {
                    *b += d;
                }
            }
            // dW (n_out, n_in) += δᵀ (n_out, rows) · a (rows, n_in), δ read as its transpose.
            matmul_acc(Lhs::Transposed(delta), a_in, rows, &mut grads.dw[l]);
            if l > 0 {
                // δ_prev[s] = (Wᵀ δ[s]) ⊙ f'(a[s]): (rows, n_out) · W (n_out, n_in)
                let delta_prev = &mut lower[l - 1][..rows * n_in];
                delta_prev.fill(0.0);
                matmul_acc(Lhs::Rows(delta), &layer.weights, n_out, delta_prev);
                let act = self.layers[l - 1].activation;
                let len = rows * n_in;
                if act.needs_input() {
                    times_derivative_of_input(act, delta_prev, &ws.pre[l][..len]);
                } else if ws.dropped[l] {
                    times_derivative(act, delta_prev, &ws.kept[l][..len]);
                } else {
                    times_derivative(act, delta_prev, a_in);
                }
                if ws.dropped[l] {
                    // δ_prev ← δ_prev ⊙ m
                    delta_prev.iter_mut().zip(&ws.mask[l][..len]).for_each(|(d, m)| *d *= m);
                }
            }
        }
        grads.count += rows;
    }
}

/// All parameters as one flat vector: all weights then biases, layer by layer
/// (weights (n_out, n_in) row-major), the layout snapshots carry to the page
/// and `Resume` brings back after a worker restart (`nnplay::params::Layout`
/// says where each one sits).
impl Network {
    pub fn params(&self) -> Vec<f32> {
        self.layers
            .iter()
            .flat_map(|l| l.weights.iter().chain(&l.biases))
            .copied()
            .collect()
    }

    pub fn set_params(&mut self, p: &[f32]) -> Result<(), ParamCount> {
        let expected = self.param_count();
        if p.len() != expected {
            return Err(ParamCount { got: p.len(), expected });
        }
        let mut k = 0;
        for l in &mut self.layers {
            for v in l.weights.iter_mut().chain(l.biases.iter_mut()) {
                *v = p[k];
                k += 1;
            }
        }
        Ok(())
    }

    /// Copies another network's parameters without allocating; shapes must match.
    pub fn copy_params_from(&mut self, other: &Network) {
        debug_assert_eq!(self.sizes(), other.sizes());
        for (a, b) in self.layers.iter_mut().zip(&other.layers) {
            a.weights.copy_from_slice(&b.weights);
            a.biases.copy_from_slice(&b.biases);
        }
    }
}

/// `Network::set_params` was given a parameter vector of the wrong length.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamCount {
    pub got: usize,
    pub expected: usize,
}

impl std::fmt::Display for ParamCount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "got {} parameters, but this network has {}", self.got, self.expected)
    }
}

impl std::error::Error for ParamCount {}

/// Rows per block in `predict_first`.
const ROWS: usize = 64;

/// Buffers for one network shape.
#[derive(Clone, Debug)]
pub struct Workspace {
    /// acts[0] = input, acts[l + 1] = output of layer l, of the last single-sample forward.
    pub acts: Vec<Vec<f32>>,
    /// rows[l + 1]: (rows, n_out) outputs of layer l for a block of rows (rows[0] unused).
    rows: Vec<Vec<f32>>,
    /// deltas[l]: (rows, n_out) dL/dz of layer l.
    deltas: Vec<Vec<f32>>,
    /// pre[l + 1]: (rows, n_out) pre-activations z of layer l, kept for layers whose f' needs z.
    pre: Vec<Vec<f32>>,
    /// kept[l + 1], mask[l + 1]: (rows, n_out) layer l's outputs before dropout and the
    /// dropout mask (0 or 1/(1 − p)) of the last training forward, when dropped[l + 1].
    kept: Vec<Vec<f32>>,
    mask: Vec<Vec<f32>>,
    dropped: Vec<bool>,
    /// wt[l]: (n_in, n_out), layer l's weights transposed, as of the last `prepare`.
    wt: Vec<Vec<f32>>,
    sizes: Vec<usize>,
    capacity: usize,
}

impl Workspace {
    pub fn new(net: &Network) -> Self {
        let sizes = net.sizes();
        let mut ws = Self {
            acts: sizes.iter().map(|&n| vec![0.0; n]).collect(),
            rows: Vec::new(),
            deltas: Vec::new(),
            pre: Vec::new(),
            kept: Vec::new(),
            mask: Vec::new(),
            dropped: vec![false; sizes.len()],
            wt: net.layers.iter().map(|l| vec![0.0; l.weights.len()]).collect(),
            sizes,
            capacity: 0,
        };
        ws.reserve_rows(1);
        ws
    }

    /// Outputs of layer l − 1 (l ≥ 1) for the rows of the last `forward_rows`: (rows, n_l).
    pub fn rows(&self, l: usize) -> &[f32] {
        &self.rows[l]
    }

    /// Layer l − 1's outputs (rows, n_l) to write, room made for `rows`: for a
    /// forward pass of one's own (`forward::Forward`).
    pub fn rows_mut(&mut self, l: usize, rows: usize) -> &mut [f32] {
        self.reserve_rows(rows);
        let n = self.sizes[l];
        &mut self.rows[l][..rows * n]
    }

    /// Makes room for blocks of `rows` samples (allocates only when it grows).
    fn reserve_rows(&mut self, rows: usize) {
        if rows > self.capacity {
            self.capacity = rows;
            self.rows = self.sizes.iter().map(|&n| vec![0.0; n * rows]).collect();
            self.rows[0] = Vec::new();
            self.deltas = self.sizes[1..].iter().map(|&n| vec![0.0; n * rows]).collect();
            self.pre = self.rows.clone();
            self.kept = self.rows.clone();
            self.mask = self.rows.clone();
        }
    }

    /// Copies the current weights (transposed) for `forward_prepared` and
    /// `forward_rows`; call after every change of the weights.
    pub fn prepare(&mut self, net: &Network) {
        for (wt, layer) in self.wt.iter_mut().zip(&net.layers) {
            let (n_in, n_out) = (layer.n_in, layer.n_out);
            for (o, row) in layer.weights.chunks_exact(n_in).enumerate() {
                for (i, &w) in row.iter().enumerate() {
                    wt[i * n_out + o] = w;
                }
            }
        }
    }
}

/// Gradients summed over the samples of a minibatch.
#[derive(Clone, Debug)]
pub struct Gradients {
    /// dw[l]: (n_out, n_in) like the weights.
    pub dw: Vec<Vec<f32>>,
    /// db[l]: (n_out)
    pub db: Vec<Vec<f32>>,
    /// Samples accumulated since the last `clear`.
    pub count: usize,
}

impl Gradients {
    pub fn new(net: &Network) -> Self {
        Self {
            dw: net.layers.iter().map(|l| vec![0.0; l.weights.len()]).collect(),
            db: net.layers.iter().map(|l| vec![0.0; l.biases.len()]).collect(),
            count: 0,
        }
    }

    pub fn clear(&mut self) {
        self.dw.iter_mut().chain(self.db.iter_mut()).for_each(|g| g.fill(0.0));
        self.count = 0;
    }

    /// Σ g² over every weight and bias gradient (summed in f64).
    pub fn sum_of_squares(&self) -> f32 {
        let s: f64 = self
            .dw
            .iter()
            .chain(&self.db)
            .flat_map(|g| g.iter())
            .map(|&g| f64::from(g) * f64::from(g))
            .sum();
        s as f32
    }

    /// Adds, per layer, the mean square of the mean weight gradient,
    /// (Σ dW² / n_weights) / count², to `acc`: its square root is the size of the
    /// updates a layer gets. (The gradients are read before `clear`.)
    pub fn add_layer_mean_squares(&self, acc: &mut [f64]) {
        let count = self.count.max(1) as f64;
        for (a, g) in acc.iter_mut().zip(&self.dw) {
            let s: f64 = g.iter().map(|&v| f64::from(v) * f64::from(v)).sum();
            *a += s / g.len().max(1) as f64 / (count * count);
        }
    }
}

#[cfg(test)]
mod tests;
