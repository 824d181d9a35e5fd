//! The benchmark entry points: the training core (network, epoch, optimizer,
//! loss) behind a small wasm-bindgen class, compiled into the wasm the worker runs so
//! that `bench-adapter.js` measures exactly the code the playground trains with.
//! The interface follows the peer runner's (../shared/bench/peers): weights are
//! row-major (n_out, n_in), which is `Layer`'s own layout.

use nnplay::activation::Activation;
use nnplay::epoch::{train_epoch, Buffers};
use nnplay::loss::Loss;
use nnplay::network::{Init, Network};
use nnplay::optimizer::{Optimizer, StepSettings};
use nnplay::regularization::Regularization;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct BenchModel {
    net: Network,
    buf: Buffers,
    settings: StepSettings,
    loss: Loss,
    batch: usize,
    /// (n, n_inputs) and (n, n_outputs), row-major.
    train_x: Vec<f32>,
    train_y: Vec<f32>,
}

fn activation(key: &str) -> Result<Activation, JsError> {
    Activation::from_key(key).ok_or_else(|| JsError::new(&format!("unknown activation {key:?}")))
}

#[wasm_bindgen]
impl BenchModel {
    /// `layers` = [n_inputs, hidden..., n_outputs]; `loss` is "mse_half" or "bce";
    /// `optimizer` is "sgd" (beta1, beta2, epsilon unused) or "adam".
    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        layers: &[u32],
        hidden_activation: &str,
        output_activation: &str,
        loss: &str,
        optimizer: &str,
        learning_rate: f32,
        beta1: f32,
        beta2: f32,
        epsilon: f32,
        batch_size: u32,
    ) -> Result<BenchModel, JsError> {
        let sizes: Vec<usize> = layers.iter().map(|&n| n as usize).collect();
        if sizes.len() < 2 || sizes.contains(&0) {
            return Err(JsError::new(&format!("bad layer sizes {sizes:?}")));
        }
        let loss = match loss {
            "mse_half" => Loss::HalfSquaredError,
            "bce" => Loss::BinaryCrossEntropy,
            other => return Err(JsError::new(&format!("unknown loss {other:?}"))),
        };
        let optimizer = match optimizer {
            "sgd" => Optimizer::Sgd,
            "adam" => Optimizer::Adam { beta1, beta2, epsilon },
            other => return Err(JsError::new(&format!("unknown optimizer {other:?}"))),
        };
        let net = Network::new(
            &sizes,
            activation(hidden_activation)?,
            activation(output_activation)?,
            Init::PlaygroundUniform,
            0,
        );
        Ok(BenchModel {
            buf: Buffers::new(&net),
            net,
            settings: StepSettings {
                optimizer,
                learning_rate,
                regularization: Regularization::None,
                regularization_rate: 0.0,
                clip_norm: 0.0,
            },
            loss,
            batch: batch_size.max(1) as usize,
            train_x: Vec::new(),
            train_y: Vec::new(),
        })
    }

    /// Layer `l`'s weights, (n_out, n_in) row-major, and biases (n_out).
    pub fn set_layer(&mut self, l: usize, weights: &[f32], biases: &[f32]) -> Result<(), JsError> {
        let layer = self
            .net
            .layers
            .get_mut(l)
            .ok_or_else(|| JsError::new(&format!("no layer {l}")))?;
        if weights.len() != layer.weights.len() || biases.len() != layer.biases.len() {
            return Err(JsError::new(&format!(
                "layer {l}: got {} weights and {} biases, expected {} and {}",
                weights.len(),
                biases.len(),
                layer.weights.len(),
                layer.biases.len()
            )));
        }
        layer.weights.copy_from_slice(weights);
        layer.biases.copy_from_slice(biases);
        Ok(())
    }

    /// x: (n, n_inputs), y: (n, n_outputs), both row-major.
    pub fn set_train(&mut self, x: &[f32], y: &[f32]) -> Result<(), JsError> {
        let (ni, no) = (self.net.n_inputs(), self.net.n_outputs());
        if x.len() % ni != 0 || x.len() / ni != y.len() / no || y.len() % no != 0 {
            return Err(JsError::new(&format!(
                "{} inputs and {} targets do not make whole samples of {ni} and {no}",
                x.len(),
                y.len()
            )));
        }
        self.train_x = x.to_vec();
        self.train_y = y.to_vec();
        Ok(())
    }

    /// `k` epochs over the training data in its order (the worker's `train_epoch`).
    pub fn train_epochs(&mut self, k: u32) {
        for _ in 0..k {
            train_epoch(
                &mut self.net,
                &mut self.buf,
                &self.train_x,
                &self.train_y,
                self.batch,
                self.loss,
                &self.settings,
            );
        }
    }

    /// The first output for each of the `n` rows of x (n, n_inputs); parameters untouched.
    pub fn predict(&mut self, x: &[f32], n: usize) -> Vec<f32> {
        let ni = self.net.n_inputs();
        let n = n.min(x.len() / ni);
        let mut out = vec![0.0; n];
        self.net.predict_first(&x[..n * ni], &mut self.buf.ws, &mut out);
        out
    }
}
