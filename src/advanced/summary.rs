//! What the advanced panel says of a network: how sparse it is, how many
//! parameters it stores, and how many bytes the model takes.

use super::Settings;
use crate::network::Network;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// The share of the weights that are exactly 0 (biases not counted).
    pub sparsity: f32,
    /// Weights and biases that are not 0 (and normalisation's γ and β): what a sparse format stores.
    pub params: usize,
    /// All weights and biases.
    pub all_params: usize,
    /// The model's bytes: 4 per float parameter, or the quantised size
    /// (`Quant::model_bytes`: packed weights, scales, float biases).
    pub bytes: usize,
    /// The float model's bytes, for comparison.
    pub float_bytes: usize,
}

impl Summary {
    pub fn of(net: &Network, s: &Settings) -> Self {
        let weights: usize = net.layers.iter().map(|l| l.weights.len()).sum();
        let zeros = net
            .layers
            .iter()
            .flat_map(|l| &l.weights)
            .filter(|w| **w == 0.0)
            .count();
        // Normalisation layers add a learned scale and shift per neuron (floats).
        let hidden = &net.layers[..net.layers.len().saturating_sub(1)];
        let normed = |(l, layer): (usize, &crate::network::Layer)| {
            let on = s.norm.as_ref().is_some_and(|n| n.kind(l).is_some());
            if on {
                2 * layer.n_out
            } else {
                0
            }
        };
        let norm_params: usize = hidden.iter().enumerate().map(normed).sum();
        let float_bytes = crate::quantize::float_bytes(net) + 4 * norm_params;
        Summary {
            sparsity: if weights == 0 {
                0.0
            } else {
                zeros as f32 / weights as f32
            },
            params: crate::prune::nonzero_params(net) + norm_params,
            all_params: net.param_count() + norm_params,
            bytes: s
                .quant
                .map_or(float_bytes, |q| q.quant.model_bytes(net) + 4 * norm_params),
            float_bytes,
        }
    }
}
