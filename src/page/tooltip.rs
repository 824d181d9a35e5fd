//! What the tooltip over the network diagram says.

use super::fmt_number;
use super::{Model, Target};

/// The tooltip for a part of the diagram (None: the part has none).
pub fn text(m: &Model, t: Target) -> Option<String> {
    let v = |t| m.param(t).map(|v| fmt_number(v, 3)).unwrap_or_else(|| "–".into());
    let n_hidden = m.config.hidden.len();
    let name = |layer: usize, n: usize| format!("{}.{}", layer + 1, n + 1);
    let neuron_name = |layer: usize, n: usize| {
        if layer == n_hidden {
            crate::t!("the-output")
        } else {
            crate::t!("neuron-lower", n = name(layer, n))
        }
    };
    Some(match t {
        Target::Link { layer, to, from } => {
            let src = if layer == 0 {
                match m.csv_names() {
                    Some(names) => names.get(from).cloned().unwrap_or_default(),
                    None => m
                        .config
                        .features
                        .get(from)
                        .map_or(String::new(), |f| f.label().to_string()),
                }
            } else {
                crate::t!("neuron-lower", n = name(layer - 1, from))
            };
            crate::t!("tip-weight", w = v(t), from = src, to = neuron_name(layer, to))
        }
        Target::Bias { layer, n } => crate::t!("tip-bias", of = neuron_name(layer, n), b = v(t)),
        Target::Neuron { layer, n } => crate::t!("tip-neuron", n = name(layer, n), b = v(Target::Bias { layer, n })),
        Target::Output => crate::t!("tip-output", b = v(Target::Bias { layer: n_hidden, n: 0 })),
        Target::Feature(f) => crate::t!(
            if m.config.features.contains(&f) {
                "tip-feature-off"
            } else {
                "tip-feature-on"
            },
            f = f.label()
        ),
        Target::AddNeuron(_) | Target::RemoveNeuron(_) => return None,
    })
}
