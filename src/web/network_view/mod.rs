//! The network diagram: every input feature, every hidden neuron with its own
//! heatmap, the output neuron, the biases as small squares, and the weights as
//! curves coloured by sign and thickened by magnitude. Built once per shape;
//! each snapshot only recolours. Events are delegated to the container, so
//! rebuilding never leaks listeners.

use crate::compact::Sheet;
use crate::config::Config;
use crate::features::Feature;
use crate::grid::{DENSITY, THUMB};
use crate::heatmap;
use crate::heatmap::{link_width, visibly_moved};
use crate::web::dom::{create, create_svg, document, set_attr};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement};

mod thumbs;
mod wide;
pub use crate::page::Target;
pub use thumbs::{blit, feature_grid};
use thumbs::{feature_label, paint_axis, paint_feature, put};
pub use wide::target_in;

pub const NODE: f64 = 40.0;
const PITCH: f64 = 52.0;
const TOP: f64 = 104.0;
const LEFT: f64 = 96.0;
const RIGHT: f64 = 84.0;

struct Node {
    el: HtmlElement,
    ctx: CanvasRenderingContext2d,
    bias: Option<HtmlElement>,
    x: f64,
    y: f64,
}

pub struct NetworkView {
    container: HtmlElement,
    svg: Element,
    /// [n_inputs, hidden..., 1] of the built diagram.
    sizes: Vec<usize>,
    features: Vec<Feature>,
    /// Hidden neurons in order, then the output neuron.
    neurons: Vec<Node>,
    /// Input names of imported data (None: the built-in features).
    csv_names: Option<Vec<String>>,
    /// Class names of imported data with more than two classes (labels of the output nodes).
    pub class_names: Vec<String>,
    /// Visible link paths, in parameter order (layer, to, from).
    links: Vec<Element>,
    /// The weight and bias values each link and bias square was last drawn with
    /// (NaN: not yet). While training an element is restyled only when its value
    /// moved visibly (`visibly_moved`), so a frame touches few elements.
    link_drawn: Vec<f32>,
    bias_drawn: Vec<f32>,
    rgba: Vec<u8>,
    /// Wide layers: each hidden layer as one sheet of tiles and each layer's
    /// weights as one matrix picture (`crate::compact`).
    compact: bool,
    /// (x of the sheet, its context, its geometry) per hidden layer, compact only.
    sheets: Vec<(f64, CanvasRenderingContext2d, Sheet)>,
    /// The weight-matrix picture into each layer, compact only.
    matrices: Vec<CanvasRenderingContext2d>,
}

fn canvas_ctx(c: &HtmlCanvasElement) -> CanvasRenderingContext2d {
    c.get_context("2d").ok().flatten().expect("2d context").unchecked_into()
}

fn set_style(el: &HtmlElement, prop: &str, v: &str) {
    let _ = el.style().set_property(prop, v);
}

impl NetworkView {
    pub fn new() -> Self {
        let container: HtmlElement = crate::web::dom::by_id("network");
        let svg = crate::web::dom::by_id::<Element>("links");
        Self {
            container,
            svg,
            sizes: Vec::new(),
            features: Vec::new(),
            neurons: Vec::new(),
            csv_names: None,
            class_names: Vec::new(),
            links: Vec::new(),
            link_drawn: Vec::new(),
            bias_drawn: Vec::new(),
            rgba: Vec::new(),
            compact: false,
            sheets: Vec::new(),
            matrices: Vec::new(),
        }
    }

    pub fn matches(&self, c: &Config, csv_names: Option<&[String]>) -> bool {
        self.sizes == c.layer_sizes() && self.features == c.features && self.csv_names.as_deref() == csv_names
    }

    /// Shows each hidden layer's activation and dropout in its selects.
    pub fn sync_layers(&self, c: &Config) {
        let Ok(list) = self.container.query_selector_all("select[data-kind]") else {
            return;
        };
        for i in 0..list.length() {
            let Some(sel) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                continue;
            };
            let l: usize = sel.get_attribute("data-l").and_then(|v| v.parse().ok()).unwrap_or(0);
            let value = match sel.get_attribute("data-kind").as_deref() {
                Some("layer-act") => c.layer_activation(l).key().to_string(),
                Some("layer-drop") => c.dropout_rate(l).to_string(),
                // Normalization: the advanced module's to set.
                _ => continue,
            };
            if sel.value() != value {
                sel.set_value(&value);
            }
        }
    }

    pub fn sizes(&self) -> &[usize] {
        &self.sizes
    }

    /// Rebuilds the diagram for the config's shape and features.
    pub fn build(&mut self, c: &Config, csv_names: Option<&[String]>) {
        // Remove everything but the svg.
        while let Some(last) = self.container.last_element_child() {
            if last == self.svg {
                break;
            }
            last.remove();
        }
        while let Some(child) = self.svg.first_child() {
            let _ = self.svg.remove_child(&child);
        }
        self.sizes = c.layer_sizes();
        self.features = c.features.clone();
        self.csv_names = csv_names.map(|n| n.to_vec());
        self.neurons.clear();
        self.links.clear();
        self.sheets.clear();
        self.matrices.clear();
        self.compact = crate::compact::is_compact(&self.sizes);
        let _ = self.container.class_list().remove_1("compact");

        let n_cols = c.hidden.len() + 2;
        // Compact: at least a pixel column per weight (the diagram then scrolls sideways).
        let _ = self.container.style().remove_property("min-width");
        let mut width = self.container.get_bounding_client_rect().width().max(420.0);
        if self.compact {
            let pitch = crate::compact::column_pitch(&self.sizes, NODE as usize) as f64;
            let need = LEFT + RIGHT + NODE + pitch * (n_cols - 1) as f64;
            if need > width {
                width = need;
                set_style(&self.container, "min-width", &format!("{need}px"));
            }
        }
        let col_x = |k: usize| LEFT + (width - LEFT - RIGHT - NODE) * k as f64 / (n_cols - 1) as f64;
        let rows = Feature::ALL.len().max(c.hidden.iter().copied().max().unwrap_or(0));
        let height = TOP + rows as f64 * PITCH + 10.0;
        set_style(&self.container, "height", &format!("{height}px"));

        let mut input_pos = Vec::new();
        if let (Some(names), Some(shape)) = (csv_names, &c.csv) {
            // Imported data: one node per input, squeezed to the same height as the built-in column.
            let pitch = if names.len() <= 7 {
                PITCH
            } else {
                (7.0 * PITCH / names.len() as f64).max(8.0)
            };
            let h = (pitch - 6.0).clamp(5.0, NODE);
            for (k, name) in names.iter().enumerate() {
                let (x, y) = (col_x(0), TOP + k as f64 * pitch);
                let node = self.node(x, y, THUMB, "input");
                set_style(&node.el, "height", &format!("{h}px"));
                node.el.set_attribute("title", name).expect("attr");
                let _ = node.el.class_list().add_2("input", "on");
                if h >= 14.0 {
                    let label: HtmlElement = create("span");
                    label.set_class_name("feature-label");
                    label.set_text_content(Some(name));
                    node.el.append_child(&label).expect("append");
                }
                let along = if k == shape.axes.0 {
                    Some(true)
                } else if k == shape.axes.1 {
                    Some(false)
                } else {
                    None
                };
                paint_axis(&node.ctx, along, &mut self.rgba);
                input_pos.push((x, y + h / 2.0 - NODE / 2.0));
            }
        }
        // Column 0 for built-in data: every feature; the active ones feed the network.
        for (row, f) in Feature::ALL.into_iter().enumerate().filter(|_| csv_names.is_none()) {
            let active = c.features.contains(&f);
            let (x, y) = (col_x(0), TOP + row as f64 * PITCH);
            let node = self.node(x, y, THUMB, "feature");
            node.el.set_attribute("data-feature", f.key()).expect("attr");
            let _ = node.el.class_list().add_2("input", if active { "on" } else { "off" });
            node.el.append_child(&feature_label(f, active)).expect("append");
            paint_feature(&node.ctx, f, &mut self.rgba);
            if active {
                input_pos.push((x, y));
            }
        }

        if self.compact {
            let _ = self.container.class_list().add_1("compact");
            let bottom = self.build_wide(c, &input_pos, &col_x);
            set_style(&self.container, "height", &format!("{bottom}px"));
            self.bias_drawn = vec![f32::NAN; self.neurons.len()];
            return;
        }
        // Hidden layers, with their +/− buttons, then the output.
        let mut prev = input_pos;
        let outputs = c.outputs();
        for (l, &n) in c.hidden.iter().chain(std::iter::once(&outputs)).enumerate() {
            let is_out = l == c.hidden.len();
            let x = col_x(l + 1);
            if !is_out {
                self.container
                    .append_child(&crate::web::layer_head::layer_head(l, n, x + NODE / 2.0, c))
                    .expect("append");
            }
            let mut here = Vec::new();
            for k in 0..n {
                let y = if is_out { output_y(k, n) } else { TOP + k as f64 * PITCH };
                if is_out {
                    self.output_node(l, k, n, x, y);
                } else {
                    let mut node = self.node(x, y, THUMB, "neuron");
                    set_attr(&node.el, "data-l", &l.to_string());
                    set_attr(&node.el, "data-n", &k.to_string());
                    let canvas = node.el.first_element_child().expect("canvas");
                    canvas
                        .set_attribute("data-testid", &format!("neuron-{}-{}", l + 1, k + 1))
                        .expect("attr");
                    // Named for a screen reader: "Neuron 1.2" (layer.neuron).
                    canvas.remove_attribute("aria-hidden").expect("attr");
                    set_attr(&canvas, "role", "img");
                    let name = crate::t!("neuron-caption", n = format!("{}.{}", l + 1, k + 1));
                    set_attr(&canvas, "aria-label", &name);
                    node.bias = Some(bias_square(l, k, &node.el));
                    self.neurons.push(node);
                }
                here.push((x, y));
            }
            // Links into this layer: (to, from) in parameter order.
            for (to, &(x2, y2)) in here.iter().enumerate() {
                for (from, &(x1, y1)) in prev.iter().enumerate() {
                    let (sx, sy, ex, ey) = (x1 + NODE, y1 + NODE / 2.0, x2, y2 + NODE / 2.0);
                    let mx = (sx + ex) / 2.0;
                    let d = format!("M{sx:.1},{sy:.1} C{mx:.1},{sy:.1} {mx:.1},{ey:.1} {ex:.1},{ey:.1}");
                    let vis = create_svg("path");
                    vis.set_attribute("d", &d).expect("d");
                    vis.set_attribute("class", "link").expect("class");
                    vis.set_attribute("pointer-events", "none").expect("pe");
                    let hit = create_svg("path");
                    for (k2, v) in [
                        ("d", d.as_str()),
                        ("class", "hit"),
                        ("data-kind", "link"),
                        ("data-l", &l.to_string()),
                        ("data-to", &to.to_string()),
                        ("data-from", &from.to_string()),
                    ] {
                        hit.set_attribute(k2, v).expect("attr");
                    }
                    self.svg.append_child(&vis).expect("append");
                    self.svg.append_child(&hit).expect("append");
                    self.links.push(vis);
                }
            }
            prev = here;
        }
        // Nothing drawn yet: the first snapshot styles every link and bias.
        self.link_drawn = vec![f32::NAN; self.links.len()];
        self.bias_drawn = vec![f32::NAN; self.neurons.len()];
    }

    /// Output node k of n (layer index l), with its label and bias square.
    fn output_node(&mut self, l: usize, k: usize, n: usize, x: f64, y: f64) {
        let mut node = self.node(x, y, DENSITY, "output");
        set_attr(&node.el, "data-l", &l.to_string());
        set_attr(&node.el, "data-n", &k.to_string());
        // neuron-output is the first (or only) output; neuron-output-K the K-th of several.
        let id = if k == 0 {
            "neuron-output".to_string()
        } else {
            format!("neuron-output-{}", k + 1)
        };
        node.el.set_attribute("data-testid", &id).expect("attr");
        let label: HtmlElement = create("span");
        label.set_class_name("out-label");
        let name = match self.class_names.get(k) {
            Some(class) if n > 1 => class.clone(),
            _ => crate::t!("output-node"),
        };
        label.set_text_content(Some(&name));
        if n > 1 {
            // The class colour as a bar beside the name (www/style.css): as the text's colour
            // some classes are too pale to read on white (axe: 3.4:1) or too dark on the dark theme.
            let _ = label.style().set_property("--c", &heatmap::class_css(k));
        }
        node.el.append_child(&label).expect("append");
        node.bias = Some(bias_square(l, k, &node.el));
        self.neurons.push(node);
    }

    fn node(&self, x: f64, y: f64, res: usize, kind: &str) -> Node {
        let el: HtmlElement = create("div");
        el.set_class_name("node");
        el.set_attribute("data-kind", kind).expect("attr");
        set_style(&el, "left", &format!("{x}px"));
        set_style(&el, "top", &format!("{y}px"));
        let canvas: HtmlCanvasElement = create("canvas");
        canvas.set_width(res as u32);
        canvas.set_height(res as u32);
        // A feature's checkbox and the output's label name their node; a hidden neuron's picture is named by `build`.
        set_attr(&canvas, "aria-hidden", "true");
        el.append_child(&canvas).expect("append");
        self.container.append_child(&el).expect("append");
        Node {
            ctx: canvas_ctx(&canvas),
            el,
            bias: None,
            x,
            y,
        }
    }

    /// Recolours neurons, biases and links from a snapshot.
    /// `neurons`: (hidden neurons, THUMB²); `output`: DENSITY²; `params` as the protocol.
    /// Every neuron's picture: hidden neurons (THUMB²) and the output (DENSITY²).
    pub fn update_pictures(&mut self, neurons: &[f32], output: &[f32], discretize: bool) {
        let area = THUMB * THUMB;
        let n_out = self.sizes.last().copied().unwrap_or(1).max(1);
        if self.compact {
            self.update_sheets(neurons);
        }
        let n_hidden = self.neurons.len().saturating_sub(n_out);
        for (k, node) in self.neurons.iter().enumerate() {
            if k < n_hidden {
                if let Some(vals) = neurons.get(k * area..(k + 1) * area) {
                    blit(&node.ctx, vals, THUMB, false, &mut self.rgba);
                }
            } else if n_out == 1 {
                blit(&node.ctx, output, DENSITY, discretize, &mut self.rgba);
            } else {
                // Class c's probability, from neutral to the class's colour.
                let c = k - n_hidden;
                let probs: Vec<f32> = output.iter().skip(c).step_by(n_out).copied().collect();
                self.rgba.resize(DENSITY * DENSITY * 4, 0);
                heatmap::paint_class_probability(&probs, c, crate::web::theme::mid(), &mut self.rgba);
                put(&node.ctx, &self.rgba, DENSITY);
            }
        }
    }

    /// Links and bias squares from the parameters: per layer, weights (n_out, n_in)
    /// then biases (n_out). `exact`: draw every change (a paused run), else only
    /// visible ones (see `visibly_moved`).
    pub fn update_params(&mut self, params: &[f32], exact: bool) {
        let layout = crate::params::Layout::new(&self.sizes);
        let mut link = 0;
        let mut neuron: usize = 0;
        // Compact: the nodes are the outputs only, so the biases drawn are the last layer's.
        let first_node = if self.compact {
            self.update_matrices(params);
            self.sizes[1..self.sizes.len() - 1].iter().sum()
        } else {
            0
        };
        for (weights, biases) in layout.ranges() {
            for &v in params.get(weights).unwrap_or(&[]) {
                if let Some(path) = self.links.get(link) {
                    if visibly_moved(self.link_drawn[link], v, exact) {
                        let _ = path.set_attribute("stroke", &heatmap::css_on(v, crate::web::theme::mid()));
                        let _ = path.set_attribute(
                            "stroke-width",
                            &format!("{:.1}", link_width(v) * crate::web::help::scale()),
                        );
                        self.link_drawn[link] = v;
                    }
                }
                link += 1;
            }
            for &b in params.get(biases).unwrap_or(&[]) {
                let k = neuron.wrapping_sub(first_node);
                if let Some(el) = self.neurons.get(k).and_then(|n| n.bias.as_ref()) {
                    if visibly_moved(self.bias_drawn[k], b, exact) {
                        let _ = el
                            .style()
                            .set_property("background", &heatmap::css_on(b, crate::web::theme::mid()));
                        self.bias_drawn[k] = b;
                    }
                }
                neuron += 1;
            }
        }
    }

    /// Where a node's box is inside the container (for placing popups).
    pub fn neuron_position(&self, layer: usize, n: usize) -> Option<(f64, f64)> {
        if self.compact {
            return self
                .tile_position(layer, n)
                .or_else(|| self.neurons.get(n).map(|node| (node.x, node.y)));
        }
        let idx: usize = self.sizes[1..].iter().take(layer).sum::<usize>() + n;
        self.neurons.get(idx).map(|node| (node.x, node.y))
    }

    pub fn highlight(&self, target: Option<Target>) {
        let list = document().query_selector_all("#network .node.hover").expect("qsa");
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.class_list().remove_1("hover");
            }
        }
        let sel = match target {
            Some(Target::Neuron { layer, n }) => {
                format!("#network .node[data-kind=neuron][data-l=\"{layer}\"][data-n=\"{n}\"]")
            }
            Some(Target::Feature(f)) => format!("#network .node[data-feature=\"{}\"]", f.key()),
            _ => return,
        };
        if let Ok(Some(el)) = document().query_selector(&sel) {
            let _ = el.class_list().add_1("hover");
        }
    }
}

/// The top of output node k of n (a single output sits level with the middle of the inputs).
fn output_y(k: usize, n: usize) -> f64 {
    if n == 1 {
        TOP + 2.0 * PITCH
    } else {
        TOP + k as f64 * PITCH
    }
}

/// The bias square of neuron k of layer l, inside its node.
fn bias_square(l: usize, k: usize, node: &HtmlElement) -> HtmlElement {
    let bias: HtmlElement = create("div");
    bias.set_class_name("bias");
    for (k2, v) in [
        ("data-kind", "bias"),
        ("data-l", &l.to_string()),
        ("data-n", &k.to_string()),
    ] {
        bias.set_attribute(k2, v).expect("attr");
    }
    node.append_child(&bias).expect("append");
    bias
}

impl Default for NetworkView {
    fn default() -> Self {
        Self::new()
    }
}

/// What a delegated event on the diagram hit, read from the element's data attributes.
pub fn target_of(el: &Element) -> Option<Target> {
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
