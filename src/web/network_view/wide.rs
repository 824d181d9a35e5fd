//! The compact diagram of wide layers (`crate::compact`): a sheet of tiles per
//! hidden layer and a weight-matrix picture between layers, each one canvas,
//! so a 10 × 64 network is 21 canvases instead of 640 nodes and 37,000 curves.

use super::{canvas_ctx, set_style, thumbs::put_rect, NetworkView, Target, NODE, TOP};
use crate::compact::{matrix_cell, paint_matrix, Sheet, MATRIX_MARGIN, TILE};
use crate::config::Config;
use crate::web::dom::{create, set_attr};
use web_sys::{Element, HtmlCanvasElement};

const MARGIN: f64 = MATRIX_MARGIN as f64;

impl NetworkView {
    /// A canvas of `w` × `h` pixels drawn `css_w` × `css_h` large at (x, y).
    fn wide_canvas(
        &self,
        x: f64,
        y: f64,
        (w, h): (usize, usize),
        (css_w, css_h): (f64, f64),
        kind: &str,
    ) -> HtmlCanvasElement {
        let canvas: HtmlCanvasElement = create("canvas");
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        canvas.set_class_name(kind);
        set_attr(&canvas, "data-kind", kind);
        for (prop, v) in [("left", x), ("top", y), ("width", css_w), ("height", css_h)] {
            set_style(&canvas, prop, &format!("{v}px"));
        }
        self.container.append_child(&canvas).expect("append");
        canvas
    }

    /// The hidden layers as sheets, the outputs as nodes and the weights as
    /// matrices; returns the diagram's height. `inputs`: the input nodes' places.
    pub(super) fn build_wide(&mut self, c: &Config, inputs: &[(f64, f64)], col_x: &dyn Fn(usize) -> f64) -> f64 {
        let mut prev_right = col_x(0) + NODE;
        let mut prev_bottom = inputs.iter().map(|p| p.1 + NODE).fold(TOP, f64::max);
        let mut bottom = prev_bottom;
        let outputs = c.outputs();
        for (l, &n) in c.hidden.iter().chain(std::iter::once(&outputs)).enumerate() {
            let x = col_x(l + 1);
            let (right, col_bottom) = if l == c.hidden.len() {
                for k in 0..n {
                    self.output_node(l, k, n, x, super::output_y(k, n));
                }
                let last = self.neurons.last().map_or(TOP, |node| node.y);
                (x + NODE, last + NODE)
            } else {
                self.container
                    .append_child(&crate::web::layer_head::layer_head(l, n, x + NODE / 2.0, c))
                    .expect("append");
                let sheet = Sheet { n };
                let (w, h) = sheet.size();
                let canvas = self.wide_canvas(x, TOP, (w, h), (w as f64, h as f64), "sheet");
                set_attr(&canvas, "data-l", &l.to_string());
                set_attr(&canvas, "data-count", &n.to_string());
                set_attr(&canvas, "data-testid", &format!("sheet-{}", l + 1));
                self.sheets.push((x, canvas_ctx(&canvas), sheet));
                (x + w as f64, TOP + h as f64)
            };
            let n_in = self.sizes[l];
            let (mx, mw) = (prev_right + MARGIN, x - prev_right - 2.0 * MARGIN);
            let mh = prev_bottom.max(col_bottom) - TOP;
            let matrix = self.wide_canvas(mx, TOP, (n_in, n), (mw.max(4.0), mh), "matrix");
            for (k, v) in [("data-l", l), ("data-in", n_in), ("data-out", n)] {
                set_attr(&matrix, k, &v.to_string());
            }
            set_attr(&matrix, "data-testid", &format!("weights-{}", l + 1));
            self.matrices.push(canvas_ctx(&matrix));
            (prev_right, prev_bottom) = (right, col_bottom);
            bottom = bottom.max(col_bottom);
        }
        bottom + 10.0
    }

    /// Every hidden neuron's tile (`neurons`: (hidden neurons, TILE²)).
    pub(super) fn update_sheets(&mut self, neurons: &[f32]) {
        let mut at = 0;
        for (_, ctx, sheet) in &self.sheets {
            let len = sheet.n * TILE * TILE;
            if let Some(values) = neurons.get(at..at + len) {
                sheet.paint(values, crate::web::theme::mid(), &mut self.rgba);
                let (w, h) = sheet.size();
                put_rect(ctx, &self.rgba, w, h);
            }
            at += len;
        }
    }

    /// Each layer's weights as its matrix picture.
    pub(super) fn update_matrices(&mut self, params: &[f32]) {
        let layout = crate::params::Layout::new(&self.sizes);
        for (l, (weights, _)) in layout.ranges().enumerate() {
            if let (Some(ctx), Some(w)) = (self.matrices.get(l), params.get(weights)) {
                paint_matrix(w, crate::web::theme::mid(), &mut self.rgba);
                put_rect(ctx, &self.rgba, self.sizes[l], self.sizes[l + 1]);
            }
        }
    }

    /// Where hidden neuron n of layer l is drawn (the tile's top-left).
    pub(super) fn tile_position(&self, layer: usize, n: usize) -> Option<(f64, f64)> {
        let (x, _, sheet) = self.sheets.get(layer)?;
        let (dx, dy) = sheet.origin(n);
        Some((x + dx as f64, TOP + dy as f64))
    }
}

/// The neuron or weight under the pointer at (client_x, client_y) on a sheet or a matrix picture.
pub fn target_in(el: &Element, client_x: f64, client_y: f64) -> Option<Target> {
    let r = el.get_bounding_client_rect();
    let (x, y) = (client_x - r.left(), client_y - r.top());
    let num = |k: &str| el.get_attribute(k).and_then(|v| v.parse::<usize>().ok());
    let layer = num("data-l")?;
    match el.get_attribute("data-kind")?.as_str() {
        "sheet" => {
            let n = Sheet { n: num("data-count")? }.tile_at(x, y)?;
            Some(Target::Neuron { layer, n })
        }
        "matrix" => {
            let (to, from) = matrix_cell(x, y, r.width(), r.height(), num("data-in")?, num("data-out")?)?;
            Some(Target::Link { layer, to, from })
        }
        _ => None,
    }
}
