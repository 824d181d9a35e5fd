//! What the tooltip over the network diagram says.

use super::fmt_number;
use super::{Model, Target};

/// The tooltip for a part of the diagram (None: the part has none).
pub fn text(m: &Model, t: Target) -> Option<String> {
    let v = |t| m.param(t).map(|v| fmt_number(v, 3)).unwrap_or_else(|| "–".into());
    let n_hidden = m.config.hidden.len();
    let neuron_name = |layer: usize, n: usize| {
        if layer == n_hidden {
            "the output".to_string()
        } else {
            format!("neuron {}.{}", layer + 1, n + 1)
        }
    };
    Some(match t {
        Target::Link { layer, to, from } => {
            let src = if layer == 0 {
                match m.csv_names() {
                    Some(names) => names.get(from).cloned().unwrap_or_else(|| "input".into()),
                    None => m
                        .config
                        .features
                        .get(from)
                        .map_or("input".into(), |f| f.label().to_string()),
                }
            } else {
                format!("neuron {}.{}", layer, from + 1)
            };
            format!(
                "Weight {} (from {src} to {}). Click to change.",
                v(t),
                neuron_name(layer, to)
            )
        }
        Target::Bias { layer, n } => format!("Bias of {}: {}. Click to change.", neuron_name(layer, n), v(t)),
        Target::Neuron { layer, n } => format!(
            "Neuron {}.{}: its picture is its output at every point of the input plane (blue positive, \
             orange negative), shown large on the right while you point at it. Bias {}.",
            layer + 1,
            n + 1,
            v(Target::Bias { layer, n })
        ),
        Target::Output => format!(
            "Output neuron: the network's answer at every point of the input plane (the big picture). Bias {}.",
            v(Target::Bias { layer: n_hidden, n: 0 })
        ),
        Target::Feature(f) => format!(
            "Feature {} (click to turn {})",
            f.label(),
            if m.config.features.contains(&f) { "off" } else { "on" }
        ),
        Target::AddNeuron(_) | Target::RemoveNeuron(_) => return None,
    })
}
