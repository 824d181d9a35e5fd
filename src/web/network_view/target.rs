//! What a click or hover on the diagram hit.

use crate::features::Feature;
use web_sys::Element;

/// What a delegated event hit, read from the element's data attributes.
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

impl Target {
    pub fn from_element(el: &Element) -> Option<Target> {
        let el = el.closest("[data-kind]").ok()??;
        let num = |k: &str| el.get_attribute(k).and_then(|v| v.parse::<usize>().ok());
        match el.get_attribute("data-kind")?.as_str() {
            "link" => Some(Target::Link {
                layer: num("data-l")?,
                to: num("data-to")?,
                from: num("data-from")?,
            }),
            "bias" => Some(Target::Bias {
                layer: num("data-l")?,
                n: num("data-n")?,
            }),
            "neuron" => Some(Target::Neuron {
                layer: num("data-l")?,
                n: num("data-n")?,
            }),
            "output" => Some(Target::Output),
            "feature" => Feature::from_key(&el.get_attribute("data-feature")?).map(Target::Feature),
            "add-neuron" => num("data-l").map(Target::AddNeuron),
            "remove-neuron" => num("data-l").map(Target::RemoveNeuron),
            _ => None,
        }
    }
}
