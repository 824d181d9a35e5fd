//! Normalisation layers inside a network's hidden layers (issue 17): batch
//! or layer normalisation (`crate::norm`) of each hidden layer's values,
//! before its nonlinearity (z → N(z) → f) or after it (f(z) → N), with a
//! learned scale γ and shift β per neuron.
//!
//! Training runs a minibatch through the whole network at once (batch norm's
//! statistics are the minibatch's), then back:
//!   hidden layer l, before:  z = b + a Wᵀ,  ẑ = N(z),  h = f(ẑ),  a' = h ⊙ m
//!   hidden layer l, after:   z = b + a Wᵀ,  h = f(z),  a' = N(h) ⊙ m
//! (m: dropout's mask, 1 without dropout). Backward, with g = dL/da':
//!   g ← g ⊙ m;  after: g ← N'(g);  g ← g ⊙ f';  before: g ← N'(g);  δ = g,
//!   dW += δᵀ a,  db += Σ δ,  dL/da = δ W,
//! where N' is `Norm::backward` (which also gives dγ and dβ). γ and β step
//! with the weights' optimizer and learning rate, without the weight penalty
//! (as is usual for normalisation's parameters), their gradient clipped on its
//! own. Evaluation (the pictures, the losses, the metrics) uses batch norm's
//! running statistics (`Shown`), so a point's output never depends on the
//! other points shown with it.

use crate::activation::{softmax_in_place, Activation};
use crate::blockwise::{activate, times_derivative, times_derivative_of_input};
use crate::dropout::Dropout;
use crate::epoch::{Buffers, StepHook};
use crate::health::{check_params, Fault};
use crate::loss::Loss;
use crate::network::{Gradients, Layer, Network};
use crate::norm::{Kind, Norm, Saved};
use crate::optimizer::{step, OptimizerState, StepSettings};
use crate::rng::Rng;

/// Batch norm's running statistics: r ← (1 − m) r + m · the minibatch's.
pub const MOMENTUM: f32 = 0.1;

/// Which hidden layers normalise, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalizing {
    /// Per hidden layer (the last repeats for deeper networks; None: not normalised).
    pub kinds: Vec<Option<Kind>>,
    /// After the nonlinearity instead of before it.
    pub after: bool,
}

impl Normalizing {
    pub fn kind(&self, hidden_layer: usize) -> Option<Kind> {
        self.kinds.get(hidden_layer).or(self.kinds.last()).copied().flatten()
    }
}

/// A network's normalisation layers (per hidden layer) and their optimizer's memory.
#[derive(Clone)]
pub struct Norms {
    pub setting: Normalizing,
    /// Per hidden layer: its normalisation (None: not normalised).
    pub layers: Vec<Option<(Kind, Norm)>>,
    state: OptimizerState,
}

/// What a training forward pass keeps per hidden layer for the backward pass.
struct Kept {
    /// The nonlinearity's input and output.
    pre: Vec<f32>,
    h: Vec<f32>,
    saved: Option<Saved>,
    mask: Option<Vec<f32>>,
}

/// z = b + a Wᵀ: a (rows, n_in) → (rows, n_out), each sum bias first, then the inputs in order.
fn affine(layer: &Layer, a: &[f32]) -> Vec<f32> {
    let mut z = Vec::with_capacity(a.len() / layer.n_in * layer.n_out);
    for row in a.chunks_exact(layer.n_in) {
        for (w, b) in layer.weights.chunks_exact(layer.n_in).zip(&layer.biases) {
            z.push(w.iter().zip(row).fold(*b, |s, (w, x)| s + w * x));
        }
    }
    z
}

/// f over a block (the softmax per row).
fn apply(act: Activation, n: usize, v: &mut [f32]) {
    activate(act, v);
    if act == Activation::Softmax {
        v.chunks_exact_mut(n).for_each(softmax_in_place);
    }
}

impl Norms {
    /// Fresh normalisation layers (γ = 1, β = 0, running mean 0 and variance 1) for `net`.
    pub fn new(setting: Normalizing, net: &Network) -> Self {
        let hidden = net.layers.len().saturating_sub(1);
        let layers = (0..hidden)
            .map(|l| setting.kind(l).map(|k| (k, Norm::new(net.layers[l].n_out))))
            .collect();
        Norms {
            setting,
            layers,
            state: OptimizerState::default(),
        }
    }

    /// Whether these layers are made for `net`'s shape.
    pub fn fits(&self, net: &Network) -> bool {
        self.layers.len() == net.layers.len().saturating_sub(1)
            && self
                .layers
                .iter()
                .zip(&net.layers)
                .all(|(n, l)| n.as_ref().map_or(true, |(_, n)| n.gamma.len() == l.n_out))
    }

    /// γ and β as a network the optimizers can step: one layer per normalised
    /// hidden layer, γ its weights (n_out, 1) and β its biases.
    fn params(&self) -> Network {
        let layers = self.layers.iter().flatten();
        Network {
            layers: layers
                .map(|(_, n)| Layer {
                    n_in: 1,
                    n_out: n.gamma.len(),
                    weights: n.gamma.clone(),
                    biases: n.beta.clone(),
                    activation: Activation::Linear,
                })
                .collect(),
        }
    }

    fn set_params(&mut self, p: &Network) {
        for ((_, n), l) in self.layers.iter_mut().flatten().zip(&p.layers) {
            n.gamma.clone_from(&l.weights);
            n.beta.clone_from(&l.biases);
        }
    }

    /// Layer l's output (rows, n_out) from its input `a` in training (the
    /// minibatch's statistics, dropout), keeping what its backward pass needs.
    fn layer_forward(
        &mut self,
        net: &Network,
        l: usize,
        a: &[f32],
        dropout: Option<&mut Dropout>,
        kept: &mut Vec<Kept>,
    ) -> Vec<f32> {
        let layer = &net.layers[l];
        let (n, f) = (layer.n_out, layer.activation);
        let z = affine(layer, a);
        let (pre, h, mut out, saved) = match self.layers.get_mut(l) {
            Some(Some((kind, norm))) if self.setting.after => {
                let mut h = z.clone();
                apply(f, n, &mut h);
                let (out, saved) = norm.forward_train(*kind, &h, MOMENTUM);
                (z, h, out, Some(saved))
            }
            Some(Some((kind, norm))) => {
                let (pre, saved) = norm.forward_train(*kind, &z, MOMENTUM);
                let mut h = pre.clone();
                apply(f, n, &mut h);
                (pre, h.clone(), h, Some(saved))
            }
            // Not normalised (or the output layer).
            _ => {
                let mut h = z.clone();
                apply(f, n, &mut h);
                (z, h.clone(), h, None)
            }
        };
        // Dropout on hidden layers: a fresh mask per row, as the kernels' epoch draws it.
        let mask = dropout.filter(|_| l + 1 < net.layers.len()).and_then(|d| {
            let p = d.rate(l);
            (p > 0.0).then(|| {
                let mut m = vec![0.0; out.len()];
                d.fill_mask(p, &mut m);
                m
            })
        });
        if let Some(m) = &mask {
            out.iter_mut().zip(m).for_each(|(v, m)| *v *= m);
        }
        kept.push(Kept { pre, h, saved, mask });
        out
    }

    /// One minibatch's forward and backward passes: the weights' gradients
    /// into `grads`, γ's and β's into `norm_grads` (shaped as `params`).
    #[allow(clippy::too_many_arguments)]
    fn minibatch(
        &mut self,
        net: &Network,
        x: &[f32],
        y: &[f32],
        loss: Loss,
        mut dropout: Option<&mut Dropout>,
        grads: &mut Gradients,
        norm_grads: &mut Gradients,
    ) {
        let n_layers = net.layers.len();
        let mut kept = Vec::with_capacity(n_layers);
        let mut acts = vec![x.to_vec()];
        for l in 0..n_layers {
            let next = self.layer_forward(net, l, &acts[l], dropout.as_deref_mut(), &mut kept);
            acts.push(next);
        }
        let rows = x.len() / net.n_inputs();
        let out = &net.layers[n_layers - 1];
        let mut delta = vec![0.0; rows * out.n_out];
        loss.output_delta(out.activation, &acts[n_layers], y, &mut delta);
        // Which `params` layer each normalised hidden layer is.
        let mut slot = self.layers.iter().filter(|n| n.is_some()).count();
        for l in (0..n_layers).rev() {
            let layer = &net.layers[l];
            let (n_in, n_out) = (layer.n_in, layer.n_out);
            let a = &acts[l];
            for (d, a) in delta.chunks_exact(n_out).zip(a.chunks_exact(n_in)) {
                let dw = grads.dw[l].chunks_exact_mut(n_in);
                for ((db, dw), &d) in grads.db[l].iter_mut().zip(dw).zip(d) {
                    *db += d;
                    dw.iter_mut().zip(a).for_each(|(w, a)| *w += d * a);
                }
            }
            if l == 0 {
                break;
            }
            // g = dL/da: (rows, n_out) · W (n_out, n_in).
            let mut g = vec![0.0; rows * n_in];
            for (g, d) in g.chunks_exact_mut(n_in).zip(delta.chunks_exact(n_out)) {
                for (w, d) in layer.weights.chunks_exact(n_in).zip(d) {
                    g.iter_mut().zip(w).for_each(|(g, w)| *g += d * w);
                }
            }
            let k = &kept[l - 1];
            let act = net.layers[l - 1].activation;
            if let Some(m) = &k.mask {
                g.iter_mut().zip(m).for_each(|(g, m)| *g *= m);
            }
            let mut through_norm = |g: Vec<f32>, slot: &mut usize| -> Vec<f32> {
                let (Some((kind, norm)), Some(saved)) = (&self.layers[l - 1], &k.saved) else {
                    return g;
                };
                *slot -= 1;
                let d = norm.backward(*kind, &g, saved);
                norm_grads.dw[*slot]
                    .iter_mut()
                    .zip(&d.dgamma)
                    .for_each(|(a, b)| *a += b);
                norm_grads.db[*slot].iter_mut().zip(&d.dbeta).for_each(|(a, b)| *a += b);
                d.dx
            };
            if self.setting.after {
                g = through_norm(g, &mut slot);
            }
            if act.needs_input() {
                // The nonlinearity's input: ẑ before, z after (both kept as `pre`).
                times_derivative_of_input(act, &mut g, &k.pre);
            } else {
                times_derivative(act, &mut g, &k.h);
            }
            if !self.setting.after {
                g = through_norm(g, &mut slot);
            }
            delta = g;
        }
        grads.count += rows;
        norm_grads.count += rows;
    }

    /// One epoch of minibatch steps (the kernels' `train_epoch_planned` with
    /// normalisation layers): rows in `order` (None: the data's), dropout
    /// masks from its stream, `hook` around each step, each layer's gradient
    /// size into `buf.grad_rms`. When γ, β or the running statistics end the
    /// epoch broken (not finite, or exploding), they go back to where the epoch
    /// started and the fault is returned (the trainer restores the weights).
    #[allow(clippy::too_many_arguments)]
    pub fn train_epoch(
        &mut self,
        net: &mut Network,
        buf: &mut Buffers,
        x: &[f32],
        y: &[f32],
        batch: usize,
        loss: Loss,
        settings: &StepSettings,
        order: Option<&[u32]>,
        dropout: Option<(&[f32], Rng)>,
        hook: &mut dyn StepHook,
    ) -> Option<Fault> {
        let start_of_epoch = self.layers.clone();
        let (ni, no) = (net.n_inputs(), net.n_outputs());
        let n = x.len() / ni;
        let batch = batch.max(1);
        let mut dropout = dropout.map(|(rates, rng)| Dropout::new(rates, rng));
        let mut params = self.params();
        let mut norm_grads = Gradients::new(&params);
        // γ and β: the same optimizer and rate, no weight penalty.
        let norm_settings = StepSettings {
            regularization_rate: 0.0,
            ..*settings
        };
        let mut squares = vec![0.0f64; net.layers.len()];
        let mut steps = 0usize;
        buf.grads.clear();
        let (mut bx, mut by) = (Vec::new(), Vec::new());
        let mut start = 0;
        while start < n {
            let end = (start + batch).min(n);
            bx.clear();
            by.clear();
            for r in start..end {
                let r = order.map_or(r, |o| o[r] as usize);
                bx.extend_from_slice(&x[r * ni..(r + 1) * ni]);
                by.extend_from_slice(&y[r * no..(r + 1) * no]);
            }
            hook.before_forward(net);
            norm_grads.clear();
            self.minibatch(net, &bx, &by, loss, dropout.as_mut(), &mut buf.grads, &mut norm_grads);
            hook.before_step(net);
            step(net, &buf.grads, settings, &mut buf.state);
            step(&mut params, &norm_grads, &norm_settings, &mut self.state);
            self.set_params(&params);
            hook.after_step(net);
            buf.grads.add_layer_mean_squares(&mut squares);
            steps += 1;
            buf.grads.clear();
            start = end;
        }
        if steps > 0 {
            buf.grad_rms = squares.iter().map(|s| (s / steps as f64).sqrt() as f32).collect();
        }
        let statistics = self
            .layers
            .iter()
            .flatten()
            .flat_map(|(_, n)| n.running_mean.iter().chain(&n.running_var));
        let fault = check_params(&params).or_else(|| {
            let finite = statistics.clone().all(|v| v.is_finite());
            (!finite).then_some(Fault::NotFinite)
        });
        if fault.is_some() {
            self.layers = start_of_epoch;
        }
        fault
    }
}

/// Layer l's outputs (rows, n_out) from its input `a` in evaluation: through
/// its normalisation (batch norm's running statistics), if `norms` has one.
pub fn layer_eval(norms: Option<&Norms>, net: &Network, l: usize, a: &[f32]) -> Vec<f32> {
    let layer = &net.layers[l];
    let mut z = affine(layer, a);
    let (n, f) = (layer.n_out, layer.activation);
    match norms.and_then(|n| Some((n.setting.after, n.layers.get(l)?.as_ref()?))) {
        None => {
            apply(f, n, &mut z);
            z
        }
        Some((true, (kind, norm))) => {
            apply(f, n, &mut z);
            norm.forward_eval(*kind, &z)
        }
        Some((false, (kind, norm))) => {
            let mut h = norm.forward_eval(*kind, &z);
            apply(f, n, &mut h);
            h
        }
    }
}

#[cfg(test)]
#[path = "normed_tests.rs"]
mod tests;
