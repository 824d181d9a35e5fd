//! A fully connected network stored as flat f32 buffers, with a preallocated
//! workspace so that training allocates nothing per sample.
//!
//! Layer l maps a_l (n_in) to a_{l+1} = f(W a_l + b) (n_out).
//! Backprop, per sample, with δ = dL/dz:
//!   dW += δ ⊗ a_l,  db += δ,  δ_prev = (Wᵀ δ) ⊙ f'(a_l).

use crate::activation::Activation;
use crate::loss::Loss;
use crate::rng::{Rng, Stream};

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

/// How initial weights are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    /// The Playground's: w ~ U(−0.5, 0.5), b = 0.1.
    PlaygroundUniform,
}

impl Network {
    /// `sizes` = [n_inputs, hidden..., n_outputs].
    pub fn new(sizes: &[usize], hidden: Activation, output: Activation, init: Init, seed: u32) -> Self {
        assert!(sizes.len() >= 2, "a network needs an input and an output layer");
        let mut rng = Rng::new(seed, Stream::Init);
        let last = sizes.len() - 2;
        let layers = sizes
            .windows(2)
            .enumerate()
            .map(|(l, w)| {
                let (n_in, n_out) = (w[0], w[1]);
                let (weights, biases) = match init {
                    Init::PlaygroundUniform => (
                        (0..n_in * n_out).map(|_| rng.uniform(-0.5, 0.5) as f32).collect(),
                        vec![0.1; n_out],
                    ),
                };
                Layer {
                    n_in,
                    n_out,
                    weights,
                    biases,
                    activation: if l == last { output } else { hidden },
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
    pub fn forward<'w>(&self, x: &[f32], ws: &'w mut Workspace) -> &'w [f32] {
        ws.acts[0].copy_from_slice(x);
        for (l, layer) in self.layers.iter().enumerate() {
            let (prev, next) = ws.acts.split_at_mut(l + 1);
            forward_layer(layer, &prev[l], &mut next[0]);
        }
        &ws.acts[self.layers.len()]
    }

    /// Backprop of the sample last passed to `forward`, accumulating into `grads`.
    pub fn backward(&self, target: &[f32], loss: Loss, ws: &mut Workspace, grads: &mut Gradients) {
        let n_layers = self.layers.len();
        let out_layer = &self.layers[n_layers - 1];
        loss.output_delta(
            out_layer.activation,
            &ws.acts[n_layers],
            target,
            &mut ws.deltas[n_layers - 1],
        );
        for l in (0..n_layers).rev() {
            let layer = &self.layers[l];
            let a_in = &ws.acts[l];
            let (lower, upper) = ws.deltas.split_at_mut(l);
            let delta = &upper[0];
            let dw = &mut grads.dw[l];
            let db = &mut grads.db[l];
            for ((&d, b), row) in delta.iter().zip(db.iter_mut()).zip(dw.chunks_exact_mut(layer.n_in)) {
                *b += d;
                for (g, &a) in row.iter_mut().zip(a_in) {
                    *g += d * a;
                }
            }
            if l > 0 {
                let prev_act = self.layers[l - 1].activation;
                let delta_prev = &mut lower[l - 1];
                delta_prev.fill(0.0);
                for (&d, row) in delta.iter().zip(layer.weights.chunks_exact(layer.n_in)) {
                    for (dp, &w) in delta_prev.iter_mut().zip(row) {
                        *dp += w * d;
                    }
                }
                for (dp, &a) in delta_prev.iter_mut().zip(a_in) {
                    *dp *= prev_act.df_from_output(a);
                }
            }
        }
        grads.count += 1;
    }
}

/// out = f(W x + b)
#[inline]
fn forward_layer(layer: &Layer, x: &[f32], out: &mut [f32]) {
    let n_in = layer.n_in;
    for (o, y) in out.iter_mut().enumerate() {
        let row = &layer.weights[o * n_in..(o + 1) * n_in];
        let mut z = layer.biases[o];
        for (&w, &xi) in row.iter().zip(x) {
            z += w * xi;
        }
        *y = layer.activation.f(z);
    }
}

/// Per-sample buffers for one network shape.
#[derive(Clone, Debug)]
pub struct Workspace {
    /// acts[0] = input, acts[l + 1] = output of layer l.
    pub acts: Vec<Vec<f32>>,
    /// deltas[l] = dL/dz of layer l.
    deltas: Vec<Vec<f32>>,
}

impl Workspace {
    pub fn new(net: &Network) -> Self {
        let sizes = net.sizes();
        Self {
            acts: sizes.iter().map(|&n| vec![0.0; n]).collect(),
            deltas: sizes[1..].iter().map(|&n| vec![0.0; n]).collect(),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loss_of(net: &Network, x: &[f32], t: &[f32], loss: Loss) -> f64 {
        let mut ws = Workspace::new(net);
        let o = net.forward(x, &mut ws).to_vec();
        f64::from(loss.value(&o, t))
    }

    /// Backprop against central differences for every hidden activation.
    #[test]
    fn gradients_match_finite_differences() {
        for hidden in Activation::ALL {
            for (output, loss, t) in [
                (Activation::Tanh, Loss::HalfSquaredError, 1.0f32),
                (Activation::Linear, Loss::HalfSquaredError, -0.3),
                (Activation::Sigmoid, Loss::BinaryCrossEntropy, 1.0),
            ] {
                let mut net = Network::new(&[3, 4, 3, 1], hidden, output, Init::PlaygroundUniform, 11);
                let x = [0.7f32, -1.2, 0.4];
                let mut ws = Workspace::new(&net);
                let mut grads = Gradients::new(&net);
                net.forward(&x, &mut ws);
                net.backward(&[t], loss, &mut ws, &mut grads);
                let h = 1e-3f32;
                for l in 0..net.layers.len() {
                    for k in 0..net.layers[l].weights.len() {
                        let w0 = net.layers[l].weights[k];
                        net.layers[l].weights[k] = w0 + h;
                        let up = loss_of(&net, &x, &[t], loss);
                        net.layers[l].weights[k] = w0 - h;
                        let down = loss_of(&net, &x, &[t], loss);
                        net.layers[l].weights[k] = w0;
                        let fd = (up - down) / (2.0 * f64::from(h));
                        let an = f64::from(grads.dw[l][k]);
                        // (The fixed seed keeps every ReLU pre-activation far from its kink.)
                        let tol = 2e-3 + 2e-2 * an.abs();
                        assert!(
                            (fd - an).abs() < tol,
                            "{hidden:?}/{output:?} dW[{l}][{k}]: fd {fd} vs {an}"
                        );
                    }
                    for k in 0..net.layers[l].biases.len() {
                        let b0 = net.layers[l].biases[k];
                        net.layers[l].biases[k] = b0 + h;
                        let up = loss_of(&net, &x, &[t], loss);
                        net.layers[l].biases[k] = b0 - h;
                        let down = loss_of(&net, &x, &[t], loss);
                        net.layers[l].biases[k] = b0;
                        let fd = (up - down) / (2.0 * f64::from(h));
                        let an = f64::from(grads.db[l][k]);
                        let tol = 2e-3 + 2e-2 * an.abs();
                        assert!(
                            (fd - an).abs() < tol,
                            "{hidden:?}/{output:?} db[{l}][{k}]: fd {fd} vs {an}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn shapes_and_init_follow_the_playground() {
        let net = Network::new(
            &[2, 4, 2, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            1,
        );
        assert_eq!(net.sizes(), vec![2, 4, 2, 1]);
        assert_eq!(net.param_count(), 8 + 4 + 8 + 2 + 2 + 1);
        for l in &net.layers {
            assert!(l.weights.iter().all(|w| (-0.5..0.5).contains(w)));
            assert!(l.biases.iter().all(|&b| b == 0.1));
        }
        assert_eq!(net.layers[2].activation, Activation::Tanh);
    }
}
