//! The network diagram as a standalone SVG file, laid out as the page lays it
//! out (`web::network_view`): a column of inputs (every built-in feature, the
//! ones off faded, or the imported file's inputs), a column per hidden layer,
//! the outputs; each node with its picture (the feature, or the neuron's output
//! over the plane, as an embedded PNG), each bias as a small square, each
//! weight as a curve coloured by sign and thickened by magnitude
//! (`heatmap::css`, `heatmap::link_width`, the page's own), and a `<title>`
//! on every weight and bias giving its value. Everything is in attributes,
//! so the file renders alone.

use crate::features::Feature;
use crate::grid::{self, DENSITY};
use crate::heatmap::{self, link_width};
use crate::params::Layout;
use crate::trainer::Trainer;
use base64::Engine;

const NODE: f64 = 40.0;
const PITCH: f64 = 52.0;
const TOP: f64 = 44.0;
const LEFT: f64 = 96.0;
const RIGHT: f64 = 110.0;
/// Horizontal distance between two columns.
const COLUMN: f64 = 150.0;

/// Text for XML: `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// n × n values as an embedded PNG picture (a data URL).
fn picture(values: &[f32], n: usize, paint: impl Fn(&[f32], &mut [u8])) -> String {
    let mut rgba = vec![0u8; n * n * 4];
    paint(values, &mut rgba);
    let png = super::png::encode(n, n, &rgba);
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    )
}

/// Feature `f` over an n-point grid, scaled to [−1, 1] (the page's input pictures).
fn feature_values(f: Feature, n: usize) -> Vec<f32> {
    let mut v: Vec<f32> = (0..n * n)
        .map(|k| f.value(grid::coord(k % n, n), -grid::coord(k / n, n)))
        .collect();
    let max = v.iter().fold(0.0f32, |m, x| m.max(x.abs())).max(1e-6);
    v.iter_mut().for_each(|x| *x /= max);
    v
}

/// A node: its box with a picture, a label beside it, an optional bias square.
struct Node {
    x: f64,
    y: f64,
    /// The box's height (imported inputs are squeezed).
    h: f64,
}

fn fmt(v: f32) -> String {
    crate::page::fmt_plain(v)
}

/// The diagram of the run's network with its current weights.
pub fn network_svg(t: &mut Trainer) -> String {
    let snapshot = t.snapshot();
    let c = t.config().clone();
    let sizes = c.layer_sizes();
    let imported: Option<Vec<String>> = t.imported().map(|(p, _)| p.feature_names.clone());
    let classes: Vec<String> = t.imported().map(|(p, _)| p.classes.clone()).unwrap_or_default();
    let n_cols = sizes.len();
    let width = LEFT + RIGHT + NODE + COLUMN * (n_cols - 1) as f64;
    let col_x = |k: usize| LEFT + COLUMN * k as f64;
    let rows = match &imported {
        Some(names) => names.len().min(7),
        None => Feature::ALL.len(),
    }
    .max(sizes[1..sizes.len() - 1].iter().copied().max().unwrap_or(0));
    let height = TOP + rows as f64 * PITCH + 16.0;

    let mut body = String::new();
    let mut links = String::new();
    let push_node = |out: &mut String, node: &Node, href: &str, border: &str, opacity: f32| {
        out.push_str(&format!(
            "<g opacity=\"{opacity}\"><image x=\"{:.1}\" y=\"{:.1}\" width=\"{NODE}\" height=\"{:.1}\" \
             preserveAspectRatio=\"none\" href=\"{href}\"/><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{NODE}\" \
             height=\"{:.1}\" fill=\"none\" stroke=\"{border}\" stroke-width=\"1\"/></g>\n",
            node.x, node.y, node.h, node.x, node.y, node.h
        ));
    };
    let label = |out: &mut String, x: f64, y: f64, anchor: &str, text: &str, color: &str| {
        out.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\" \
             fill=\"{color}\">{}</text>\n",
            escape(text)
        ));
    };

    // Inputs: the nodes that feed the network, in the network's input order.
    let mut feeding: Vec<Node> = Vec::new();
    match &imported {
        Some(names) => {
            let pitch = if names.len() <= 7 {
                PITCH
            } else {
                (7.0 * PITCH / names.len() as f64).max(8.0)
            };
            let h = (pitch - 6.0).clamp(5.0, NODE);
            let axes = t.imported().map(|(_, plane)| plane.axes).unwrap_or((0, 1));
            for (k, name) in names.iter().enumerate() {
                let node = Node {
                    x: col_x(0),
                    y: TOP + k as f64 * pitch,
                    h,
                };
                let n = grid::THUMB;
                let ramp = |i: usize| -1.0 + 2.0 * (i as f32 + 0.5) / n as f32;
                let v: Vec<f32> = (0..n * n)
                    .map(|p| match k {
                        _ if k == axes.0 => ramp(p % n),
                        _ if k == axes.1 => -ramp(p / n),
                        _ => 0.0,
                    })
                    .collect();
                let href = picture(&v, n, |v, px| heatmap::paint(v, false, heatmap::NEUTRAL, px));
                push_node(&mut body, &node, &href, "#9aa5ae", 1.0);
                if h >= 14.0 {
                    label(&mut body, node.x - 6.0, node.y + h / 2.0, "end", name, "#1f2933");
                }
                feeding.push(node);
            }
        }
        None => {
            for (row, f) in Feature::ALL.into_iter().enumerate() {
                let node = Node {
                    x: col_x(0),
                    y: TOP + row as f64 * PITCH,
                    h: NODE,
                };
                let on = c.features.contains(&f);
                let href = picture(&feature_values(f, grid::THUMB), grid::THUMB, |v, px| {
                    heatmap::paint(v, false, heatmap::NEUTRAL, px)
                });
                push_node(&mut body, &node, &href, "#9aa5ae", if on { 1.0 } else { 0.35 });
                let color = if on { "#1f2933" } else { "#9aa5ae" };
                label(&mut body, node.x - 6.0, node.y + NODE / 2.0, "end", f.label(), color);
                if on {
                    feeding.push(node);
                }
            }
        }
    }

    // Hidden layers and outputs, with their pictures, biases and the weights into them.
    let step = crate::compact::thumb_step(&sizes);
    let thumb = DENSITY / step;
    let layout = Layout::new(&sizes);
    let n_out = *sizes.last().unwrap_or(&1);
    let mut prev = feeding;
    let mut hidden_index = 0;
    for (l, (weights, biases)) in layout.ranges().enumerate() {
        let n = sizes[l + 1];
        let is_out = l + 2 == sizes.len();
        let x = col_x(l + 1);
        let heading = if is_out {
            crate::t!("output-node")
        } else {
            crate::t!("layer-l", l = (l + 1).to_string())
        };
        label(&mut body, x + NODE / 2.0, TOP - 18.0, "middle", &heading, "#5f6b76");
        let mut here = Vec::new();
        for k in 0..n {
            let y = if is_out && n == 1 {
                TOP + 2.0 * PITCH
            } else {
                TOP + k as f64 * PITCH
            };
            let node = Node { x, y, h: NODE };
            let href = if !is_out {
                let area = thumb * thumb;
                let v = snapshot
                    .neurons
                    .get(hidden_index * area..(hidden_index + 1) * area)
                    .unwrap_or(&[]);
                hidden_index += 1;
                if v.len() == area {
                    picture(v, thumb, |v, px| heatmap::paint(v, false, heatmap::NEUTRAL, px))
                } else {
                    String::new()
                }
            } else if n_out == 1 || c.picture_channels() == 1 {
                picture(&snapshot.output, DENSITY, |v, px| {
                    heatmap::paint(v, c.discretize, heatmap::NEUTRAL, px)
                })
            } else {
                let probs: Vec<f32> = snapshot.output.iter().skip(k).step_by(n_out).copied().collect();
                picture(&probs, DENSITY, |v, px| {
                    heatmap::paint_class_probability(v, k, heatmap::NEUTRAL, px)
                })
            };
            let border = if is_out { "#e0701e" } else { "#9aa5ae" };
            push_node(&mut body, &node, &href, border, 1.0);
            if let Some(&b) = snapshot.params.get(biases.start + k) {
                body.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{}\" \
                     stroke=\"#555\" stroke-width=\"1\"><title>bias {}</title></rect>\n",
                    x - 7.0,
                    y + NODE - 5.0,
                    heatmap::css(b),
                    fmt(b)
                ));
            }
            if is_out {
                let name = match classes.get(k) {
                    Some(name) if n > 1 => name.clone(),
                    _ if n > 1 => format!("{}", k + 1),
                    _ => crate::t!("output-node"),
                };
                let color = if n > 1 { heatmap::class_css(k) } else { "#5f6b76".into() };
                label(&mut body, x + NODE + 8.0, y + NODE / 2.0, "start", &name, &color);
            }
            here.push(node);
        }
        // Weights (n_out, n_in) in parameter order: into node `to` from node `from`.
        let w = snapshot.params.get(weights).unwrap_or(&[]);
        for (to, b) in here.iter().enumerate() {
            for (from, a) in prev.iter().enumerate() {
                let Some(&v) = w.get(to * prev.len() + from) else {
                    continue;
                };
                let (sx, sy, ex, ey) = (a.x + NODE, a.y + a.h / 2.0, b.x, b.y + NODE / 2.0);
                let mx = (sx + ex) / 2.0;
                links.push_str(&format!(
                    "<path d=\"M{sx:.1},{sy:.1} C{mx:.1},{sy:.1} {mx:.1},{ey:.1} {ex:.1},{ey:.1}\" \
                     fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1}\" stroke-opacity=\"0.85\">\
                     <title>weight {}</title></path>\n",
                    heatmap::css(v),
                    link_width(v),
                    fmt(v)
                ));
            }
        }
        prev = here;
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<g>\n{links}</g>\n{body}</svg>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::protocol::ToWorker;

    fn trainer(hash: &str) -> Trainer {
        let mut t = Trainer::new(Config::default());
        t.handle(ToWorker::Configure {
            hash: hash.into(),
            run: 0,
        });
        t.handle(ToWorker::Step);
        t
    }

    #[test]
    fn every_weight_is_a_curve_with_its_colour_width_and_value() {
        let mut t = trainer("data=circle&net=4,2&in=x1,x2&seed=1");
        let params = t.network().params();
        let svg = network_svg(&mut t);
        assert!(svg.starts_with("<?xml") && svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        // 2·4 + 4·2 + 2·1 weights, 4 + 2 + 1 biases.
        assert_eq!(svg.matches("<path ").count(), 18);
        assert_eq!(svg.matches("<title>bias ").count(), 7);
        // Seven inputs and 7 neurons, each with its picture.
        assert_eq!(svg.matches("<image ").count(), 14);
        let w = params[0];
        assert!(svg.contains(&format!(
            "stroke=\"{}\" stroke-width=\"{:.1}\" stroke-opacity=\"0.85\"><title>weight {}</title>",
            heatmap::css(w),
            link_width(w),
            fmt(w)
        )));
        assert!(svg.contains(">X1²</text>"));
        // Well-formed enough for XML readers: every opened element is closed.
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }

    #[test]
    fn several_classes_get_one_labelled_output_each() {
        let mut t = trainer("data=blobs&classes=4&net=5&seed=2");
        let svg = network_svg(&mut t);
        assert_eq!(svg.matches("<title>bias ").count(), 5 + 4);
        assert!(svg.contains(&format!("fill=\"{}\">4</text>", heatmap::class_css(3))));
    }

    #[test]
    fn names_are_escaped() {
        assert_eq!(escape("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&apos;");
    }
}
