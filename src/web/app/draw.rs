//! Drawing the last snapshot: the numbers, the big picture (the output, an
//! enlarged neuron or feature), the neuron pictures, the weights and the charts;
//! and the points over the big picture.

use super::View;
use crate::grid::{DENSITY, THUMB};
use crate::page::{Focus, Model};
use crate::protocol::RunState;
use crate::web::boundary::Axes;
use crate::web::dom::{self, by_id, fmt_number, set_text};
use crate::web::{chart, metrics_view, network_view};
use web_sys::Element;

/// While training, the weights (links and bias squares), the charts and the
/// metric tables are redrawn at most this often; the boundary and the neuron
/// pictures keep the display rate, and a paused or stepped run draws everything.
/// Measured (`tests/e2e/scale.mjs`, 49 inputs): restyling some 460 SVG links
/// on every snapshot cost about 6 % of the frames; a curve moves by a pixel
/// or so per epoch anyway.
pub(super) const PACED_MS: f64 = 100.0;

impl View {
    pub(super) fn draw(&mut self, m: &Model) {
        let Some(s) = &m.last else { return };
        let h = &s.header;
        set_text(&by_id::<Element>("epoch"), &format!("{}", h.epoch as u64));
        for (id, v) in [("train-loss", h.train_loss), ("test-loss", h.test_loss)] {
            let el: Element = by_id(id);
            set_text(&el, &fmt_number(v, 3));
            // The exact value, for checking that a shared link replays bit for bit.
            dom::set_attr(&el, "data-value", &v.to_string());
        }
        let c = &m.config;
        let disc = c.discretize;
        match m.focus {
            Focus::Output if m.shows_pca() => self.boundary.draw_grid(&[0.0; 4], 2, false),
            Focus::Output if c.picture_channels() > 1 => {
                self.boundary.draw_classes(&s.output, DENSITY, c.picture_channels())
            }
            Focus::Output => self.boundary.draw_grid(&s.output, DENSITY, disc),
            // Pixel inputs: a first-layer neuron shows what it looks for, its input weights as an image.
            Focus::Neuron(k) => match m.receptive_field() {
                Some((weights, side, _)) => self.boundary.draw_pixels(&weights, side),
                None => {
                    let sizes: Vec<usize> = h.sizes.iter().map(|&n| n as usize).collect();
                    let thumb = DENSITY / crate::compact::thumb_step(&sizes);
                    let area = thumb * thumb;
                    if let Some(v) = s.neurons.get(k * area..(k + 1) * area) {
                        self.boundary.draw_grid(v, thumb, false);
                    }
                }
            },
            Focus::Feature(f) => self.boundary.draw_grid(&network_view::feature_grid(f), THUMB, false),
        }
        self.network.update_pictures(&s.neurons, &s.output, disc);
        let now = dom::now_ms();
        let playing = h.state == RunState::Playing;
        if !playing || now - self.paced_drawn >= PACED_MS {
            self.paced_drawn = now;
            self.network.update_params(&s.params, !playing);
            if let Err(e) = chart::draw("loss-chart", &chart::losses(&s.history)) {
                web_sys::console::error_1(&e.into());
            }
            metrics_view::draw(c, s, &m.confusion_names());
            self.draw_formula(m);
        }
        super::progress(m);
    }

    /// The network as a formula under the diagram (rewritten only when it changed).
    fn draw_formula(&mut self, m: &Model) {
        let html = match m.formula() {
            Some(Ok(math)) => math,
            Some(Err(n)) => crate::t!(
                "formula-too-big",
                n = n.to_string(),
                max = crate::formula::MAX_WEIGHTS.to_string()
            ),
            None => String::new(),
        };
        if html != self.formula {
            by_id::<Element>("formula").set_inner_html(&html);
            self.formula = html;
        }
    }

    /// Draws the points over the big picture: on the picture plane, or on the
    /// principal components when imported data is shown that way.
    pub(super) fn draw_points(&self, m: &Model) {
        let classes = m.config.classes();
        if m.receptive_field().is_some() {
            // A neuron's weights over the pixels: no data plane to put points on.
            let (x, y) = (crate::t!("pixel-column"), crate::t!("pixel-row"));
            let pixels = Axes {
                x: &x,
                y: &y,
                ends: None,
            };
            return self.boundary.draw_points(&[], &[], false, Some(pixels), classes);
        }
        if m.shows_pca() {
            let shown = m.pca_points_shown();
            let (x, y) = (crate::t!("pc-1"), crate::t!("pc-2"));
            let axes = Some(Axes {
                x: &x,
                y: &y,
                ends: None,
            });
            return self.boundary.draw_points(&shown, &[], false, axes, classes);
        }
        let names = m.csv_info.as_ref().filter(|_| m.config.csv.is_some()).map(|i| {
            let name = |k: u32| i.feature_names.get(k as usize).map_or("", |s| s.as_str());
            Axes {
                x: name(i.axes.0),
                y: name(i.axes.1),
                ends: Some((i.x_units, i.y_units)),
            }
        });
        self.boundary
            // While drawing, every drawn point shows (test points outlined).
            .draw_points(&m.train, &m.test, m.config.show_test_data || m.tool.on, names, classes);
    }
}
