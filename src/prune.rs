//! Pruning (issue 17, the pure part): which weights of a trained network to
//! remove, and the sparsity schedule of gradual pruning while training.
//!
//! - Magnitude pruning: the `s` fraction of the weights with the smallest
//!   |w|, over the whole network (global) or within each layer. Biases stay.
//!   Ties are broken by position (earlier layer, then earlier index first),
//!   so exactly ⌊s · n + ½⌋ weights go, whatever the values.
//! - Structured pruning: whole hidden neurons, those with the smallest L2 norm
//!   of their incoming weights; a removed neuron's incoming weights, bias and
//!   outgoing weights all become 0 (it outputs f(0) to nobody).
//! - Gradual pruning (Zhu & Gupta 2017, "To prune, or not to prune"):
//!   s_t = s_f + (s_i − s_f) · (1 − (t − t₀)/(t₁ − t₀))³ for t₀ ≤ t ≤ t₁,
//!   s_i before t₀ and s_f after t₁: fast at first, gently at the end.
//!
//! A `Mask` (one flag per weight, layer by layer, (n_out, n_in) row-major as
//! `Layer::weights`) says what is kept; applying it zeroes the rest, and
//! training applies it after every step so pruned weights stay 0.

use crate::network::Network;

/// Where magnitudes are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Global,
    PerLayer,
}

/// Kept (true) or pruned, per weight, layer by layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mask(pub Vec<Vec<bool>>);

/// How many of `n` go at fraction `s` (clamped to 0 … 1), rounded to nearest.
pub fn count_at(n: usize, s: f32) -> usize {
    ((s.clamp(0.0, 1.0) as f64 * n as f64) + 0.5).floor().min(n as f64) as usize
}

/// Indices of the `k` smallest keys, ties by position (stable).
fn smallest(keys: &[f32], k: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    // NaN sorts last (never pruned first); total_cmp keeps −0 < +0 apart, so compare |w| values.
    order.sort_by(|&a, &b| {
        keys[a]
            .partial_cmp(&keys[b])
            .unwrap_or(std::cmp::Ordering::Greater)
            .then(a.cmp(&b))
    });
    order.truncate(k);
    order
}

impl Mask {
    /// Everything kept.
    pub fn full(net: &Network) -> Self {
        Mask(net.layers.iter().map(|l| vec![true; l.weights.len()]).collect())
    }

    /// Magnitude pruning of fraction `s` of the weights.
    pub fn magnitude(net: &Network, s: f32, scope: Scope) -> Self {
        let mut mask = Self::full(net);
        match scope {
            Scope::PerLayer => {
                for (m, l) in mask.0.iter_mut().zip(&net.layers) {
                    let keys: Vec<f32> = l.weights.iter().map(|w| w.abs()).collect();
                    for i in smallest(&keys, count_at(keys.len(), s)) {
                        m[i] = false;
                    }
                }
            }
            Scope::Global => {
                let keys: Vec<f32> = net
                    .layers
                    .iter()
                    .flat_map(|l| l.weights.iter().map(|w| w.abs()))
                    .collect();
                let mut cut = vec![true; keys.len()];
                for i in smallest(&keys, count_at(keys.len(), s)) {
                    cut[i] = false;
                }
                let mut it = cut.into_iter();
                for m in &mut mask.0 {
                    for v in m.iter_mut() {
                        *v = it.next().unwrap_or(true);
                    }
                }
            }
        }
        mask
    }

    /// Structured pruning of fraction `s` of the hidden neurons by the L2
    /// norm of their incoming weights (over all hidden layers; at least one
    /// neuron stays in every layer so the network still connects).
    pub fn neurons(net: &Network, s: f32) -> Self {
        let mut mask = Self::full(net);
        let hidden = net.layers.len().saturating_sub(1);
        // (layer, neuron, norm) of every hidden neuron.
        let mut all: Vec<(usize, usize, f32)> = Vec::new();
        for (l, layer) in net.layers.iter().take(hidden).enumerate() {
            for o in 0..layer.n_out {
                let row = &layer.weights[o * layer.n_in..(o + 1) * layer.n_in];
                all.push((l, o, row.iter().map(|w| w * w).sum::<f32>().sqrt()));
            }
        }
        let keys: Vec<f32> = all.iter().map(|a| a.2).collect();
        let mut left: Vec<usize> = net.layers.iter().take(hidden).map(|l| l.n_out).collect();
        let mut removed = 0;
        let want = count_at(all.len(), s);
        for i in smallest(&keys, all.len()) {
            if removed == want {
                break;
            }
            let (l, o, _) = all[i];
            if left[l] == 1 {
                continue; // the layer's last neuron stays
            }
            left[l] -= 1;
            removed += 1;
            let n_in = net.layers[l].n_in;
            mask.0[l][o * n_in..(o + 1) * n_in].fill(false);
            let next = &net.layers[l + 1];
            for to in 0..next.n_out {
                mask.0[l + 1][to * next.n_in + o] = false;
            }
        }
        mask
    }

    /// Zeroes what is pruned: the weights, and the bias of a neuron whose
    /// incoming weights are all pruned (a removed neuron).
    pub fn apply(&self, net: &mut Network) {
        for (m, l) in self.0.iter().zip(&mut net.layers) {
            for (w, &keep) in l.weights.iter_mut().zip(m) {
                if !keep {
                    *w = 0.0;
                }
            }
            for o in 0..l.n_out {
                if l.n_in > 0 && m[o * l.n_in..(o + 1) * l.n_in].iter().all(|&k| !k) {
                    l.biases[o] = 0.0;
                }
            }
        }
    }

    /// The fraction of weights pruned.
    pub fn sparsity(&self) -> f32 {
        let n: usize = self.0.iter().map(Vec::len).sum();
        let cut = self.0.iter().flatten().filter(|&&k| !k).count();
        if n == 0 {
            0.0
        } else {
            cut as f32 / n as f32
        }
    }
}

/// Parameters that are not zero (weights and biases): what a sparse format stores.
pub fn nonzero_params(net: &Network) -> usize {
    net.layers
        .iter()
        .map(|l| l.weights.iter().chain(&l.biases).filter(|v| **v != 0.0).count())
        .sum()
}

/// Gradual pruning's target sparsity at epoch `t`, from `s_i` at `t0` to `s_f` at `t1`.
pub fn gradual(t: u64, t0: u64, t1: u64, s_i: f32, s_f: f32) -> f32 {
    if t <= t0 || t1 <= t0 {
        return if t1 <= t0 && t >= t1 { s_f } else { s_i };
    }
    if t >= t1 {
        return s_f;
    }
    let x = 1.0 - (t - t0) as f64 / (t1 - t0) as f64;
    (f64::from(s_f) + f64::from(s_i - s_f) * x * x * x) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::Init;

    fn net(sizes: &[usize], seed: u32) -> Network {
        Network::new(sizes, Activation::Tanh, Activation::Tanh, Init::PlaygroundUniform, seed)
    }

    /// At s %, exactly the s % smallest magnitudes are zeroed (checked against
    /// a sort of all magnitudes), and nothing else changes.
    #[test]
    fn global_magnitude_pruning_zeroes_exactly_the_smallest() {
        let base = net(&[2, 8, 8, 1], 4);
        let all: Vec<f32> = base
            .layers
            .iter()
            .flat_map(|l| l.weights.iter().map(|w| w.abs()))
            .collect();
        for pct in [0, 10, 50, 90, 99, 100] {
            let s = pct as f32 / 100.0;
            let mask = Mask::magnitude(&base, s, Scope::Global);
            let mut pruned = base.clone();
            mask.apply(&mut pruned);
            let k = count_at(all.len(), s);
            let mut sorted = all.clone();
            sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
            let zero = pruned
                .layers
                .iter()
                .flat_map(|l| &l.weights)
                .filter(|w| **w == 0.0)
                .count();
            assert_eq!(zero, k, "{pct} %");
            if k > 0 && k < all.len() {
                // Every kept weight is at least as large as every pruned one.
                let largest_cut = sorted[k - 1];
                for (l, p) in base.layers.iter().zip(&pruned.layers) {
                    for (w, q) in l.weights.iter().zip(&p.weights) {
                        if *q == 0.0 {
                            assert!(w.abs() <= largest_cut);
                        } else {
                            assert_eq!(w, q);
                            assert!(w.abs() >= largest_cut);
                        }
                    }
                }
            }
            assert!((mask.sparsity() - k as f32 / all.len() as f32).abs() < 1e-6);
        }
    }

    #[test]
    fn ties_go_by_position_and_per_layer_keeps_each_layers_share() {
        let mut n = net(&[2, 2, 1], 1);
        n.layers[0].weights = vec![0.5, -0.5, 0.5, 0.1];
        n.layers[1].weights = vec![0.5, 0.5];
        // Global 50 %: 3 of 6 go: 0.1 first, then the first two |0.5| by position.
        let m = Mask::magnitude(&n, 0.5, Scope::Global);
        assert_eq!(m.0, vec![vec![false, false, true, false], vec![true, true]]);
        // Per layer 50 %: 2 of 4 in layer 1 (0.1, then the first 0.5), 1 of 2 in layer 2.
        let m = Mask::magnitude(&n, 0.5, Scope::PerLayer);
        assert_eq!(m.0, vec![vec![false, true, true, false], vec![false, true]]);
    }

    #[test]
    fn structured_pruning_removes_whole_neurons_and_keeps_one_per_layer() {
        let mut n = net(&[2, 3, 2, 1], 2);
        n.layers[0].weights = vec![1.0, 1.0, 0.1, 0.1, 2.0, 0.0];
        let m = Mask::neurons(&n, 0.2); // 1 of 5 hidden neurons: neuron 1 of layer 1 (norm 0.14)
        let mut p = n.clone();
        m.apply(&mut p);
        assert_eq!(&p.layers[0].weights[2..4], &[0.0, 0.0]);
        assert_eq!(p.layers[0].biases[1], 0.0);
        assert!(p.layers[1].weights.iter().skip(1).step_by(3).all(|w| *w == 0.0));
        assert_eq!(p.layers[0].weights[0], 1.0);
        // Everything asked: each hidden layer keeps one neuron.
        let m = Mask::neurons(&n, 1.0);
        let kept_rows = |l: usize| {
            let layer = &n.layers[l];
            (0..layer.n_out)
                .filter(|&o| m.0[l][o * layer.n_in..(o + 1) * layer.n_in].iter().any(|&k| k))
                .count()
        };
        assert_eq!((kept_rows(0), kept_rows(1)), (1, 1));
    }

    #[test]
    fn the_gradual_schedule_follows_zhu_and_gupta() {
        assert_eq!(gradual(0, 10, 110, 0.0, 0.9), 0.0);
        assert_eq!(gradual(10, 10, 110, 0.0, 0.9), 0.0);
        assert_eq!(gradual(200, 10, 110, 0.0, 0.9), 0.9);
        // Halfway: s_f + (s_i − s_f)(½)³ = 0.9 − 0.9/8.
        assert!((gradual(60, 10, 110, 0.0, 0.9) - (0.9 - 0.9 / 8.0)).abs() < 1e-6);
        // Monotone, fastest at first.
        let s: Vec<f32> = (10..=110).map(|t| gradual(t, 10, 110, 0.0, 0.9)).collect();
        assert!(s.windows(2).all(|w| w[1] >= w[0]));
        assert!(s[10] - s[0] > s[100] - s[90]);
    }

    #[test]
    fn nonzero_params_count_what_a_sparse_file_stores() {
        let mut n = net(&[2, 4, 1], 3);
        let total = n.param_count();
        assert_eq!(
            nonzero_params(&n),
            total - n.layers.iter().flat_map(|l| &l.biases).filter(|b| **b == 0.0).count()
        );
        Mask::magnitude(&n, 1.0, Scope::Global).apply(&mut n);
        assert_eq!(
            n.layers.iter().flat_map(|l| &l.weights).filter(|w| **w != 0.0).count(),
            0
        );
        assert_eq!(nonzero_params(&n), 0, "a neuron without inputs loses its bias too");
    }
}
