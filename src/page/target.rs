//! What a pointer on the network diagram points at.

use crate::features::Feature;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// Weight w[to][from] of weight layer `layer`.
    Link {
        layer: usize,
        to: usize,
        from: usize,
    },
    /// Bias of neuron `n` in weight layer `layer` (the last layer is the output).
    Bias {
        layer: usize,
        n: usize,
    },
    /// Hidden neuron: weight layer `layer` (0-based), neuron `n`.
    Neuron {
        layer: usize,
        n: usize,
    },
    Output,
    Feature(Feature),
    AddNeuron(usize),
    RemoveNeuron(usize),
}
