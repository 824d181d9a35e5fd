//! The big output picture: a heatmap canvas (pixels from `heatmap::paint`,
//! scaled up by the browser) under an overlay canvas of data points, which
//! is redrawn only when the data or "Show test data" changes.

use crate::dataset::{Point, DOMAIN};
use crate::heatmap;
use crate::page::fmt_plain;
use crate::theme::hex;
use crate::web::dom::{by_id, create, device_pixel_ratio};
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

pub struct Boundary {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    points: HtmlCanvasElement,
    points_ctx: CanvasRenderingContext2d,
    /// Offscreen canvases holding the grid at its own resolution, keyed by size.
    offscreen: Vec<(usize, HtmlCanvasElement, CanvasRenderingContext2d)>,
    rgba: Vec<u8>,
}

fn ctx_of(c: &HtmlCanvasElement) -> CanvasRenderingContext2d {
    c.get_context("2d").ok().flatten().expect("2d context").unchecked_into()
}

impl Boundary {
    pub fn new() -> Self {
        let canvas: HtmlCanvasElement = by_id("boundary");
        let points: HtmlCanvasElement = by_id("points");
        let mut b = Self {
            ctx: ctx_of(&canvas),
            canvas,
            points_ctx: ctx_of(&points),
            points,
            offscreen: Vec::new(),
            rgba: Vec::new(),
        };
        b.fit();
        b
    }

    /// Sizes both canvases to their CSS box times the device pixel ratio.
    pub fn fit(&mut self) {
        let css = self.canvas.get_bounding_client_rect().width().max(100.0);
        let px = (css * device_pixel_ratio()).round() as u32;
        for c in [&self.canvas, &self.points] {
            if c.width() != px {
                c.set_width(px);
                c.set_height(px);
            }
        }
    }

    /// Draws an n × n grid of values in [−1, 1] over the whole canvas.
    pub fn draw_grid(&mut self, values: &[f32], n: usize, discretize: bool) {
        self.paint_grid(values, n, discretize, !discretize);
    }

    /// An n × n image drawn as sharp pixels (a neuron's weights over image inputs).
    pub fn draw_pixels(&mut self, values: &[f32], n: usize) {
        self.paint_grid(values, n, false, false);
    }

    /// The heatmap colours of n × n values, scaled up smoothly or as sharp cells.
    fn paint_grid(&mut self, values: &[f32], n: usize, discretize: bool, smooth: bool) {
        if values.len() < n * n {
            return;
        }
        self.rgba.resize(n * n * 4, 0);
        heatmap::paint(&values[..n * n], discretize, crate::web::theme::mid(), &mut self.rgba);
        self.ctx.set_image_smoothing_enabled(smooth);
        self.blit(n);
    }

    /// Puts `self.rgba` (n × n) on an offscreen canvas of that size and scales it onto the picture.
    fn blit(&mut self, n: usize) {
        let idx = match self.offscreen.iter().position(|(s, _, _)| *s == n) {
            Some(i) => i,
            None => {
                let c: HtmlCanvasElement = create("canvas");
                c.set_width(n as u32);
                c.set_height(n as u32);
                let ctx = ctx_of(&c);
                self.offscreen.push((n, c, ctx));
                self.offscreen.len() - 1
            }
        };
        let (_, off, off_ctx) = &self.offscreen[idx];
        if let Ok(img) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&self.rgba[..]), n as u32, n as u32) {
            let _ = off_ctx.put_image_data(&img, 0.0, 0.0);
        }
        let size = f64::from(self.canvas.width());
        let _ = self
            .ctx
            .draw_image_with_html_canvas_element_and_dw_and_dh(off, 0.0, 0.0, size, size);
    }

    /// Class probabilities over the grid ((n², k)), coloured per class with confidence as intensity.
    pub fn draw_classes(&mut self, probs: &[f32], n: usize, k: usize) {
        if probs.len() < n * n * k {
            return;
        }
        self.rgba.resize(n * n * 4, 0);
        heatmap::paint_classes(&probs[..n * n * k], k, crate::web::theme::mid(), &mut self.rgba);
        self.ctx.set_image_smoothing_enabled(true);
        self.blit(n);
    }

    /// Training points filled with a white rim; test points (when shown) with a dark outline.
    /// `axes`: the names on the axes of imported data, with their ends in the features'
    /// own units when the picture is a plane of two features; None shows the −6…6 ticks.
    /// With `classes` > 2 a point's label is its class index, drawn in that class's colour.
    pub fn draw_points(
        &self,
        train: &[Point],
        test: &[Point],
        show_test: bool,
        axes: Option<Axes<'_>>,
        classes: usize,
    ) {
        let axis_names = axes.as_ref().map(|a| (a.x, a.y));
        let size = f64::from(self.points.width());
        let ctx = &self.points_ctx;
        ctx.clear_rect(0.0, 0.0, size, size);
        // What is drawn, for tests and assistive tools.
        let shown = train.len() + if show_test { test.len() } else { 0 };
        let _ = self.points.set_attribute("data-points", &shown.to_string());
        let _ = self
            .points
            .set_attribute("data-x-axis", axis_names.map_or("X1", |a| a.0));
        // Points and rims grow with the presenter view's type.
        let dpr = device_pixel_ratio() * f64::from(crate::web::help::scale());
        let r = 3.2 * dpr;
        let to_px = |v: f32| (f64::from(v) + f64::from(DOMAIN)) / (2.0 * f64::from(DOMAIN)) * size;
        let (ink, mid) = (crate::web::theme::ink(), crate::web::theme::mid());
        let draw = |pts: &[Point], rim: &str, rim_width: f64| {
            ctx.set_line_width(rim_width * dpr);
            ctx.set_stroke_style_str(rim);
            for p in pts {
                ctx.begin_path();
                let _ = ctx.arc(to_px(p.x1), size - to_px(p.x2), r, 0.0, std::f64::consts::TAU);
                let fill = if classes > 2 {
                    heatmap::class_css(p.label as usize)
                } else {
                    heatmap::css_on(p.label, mid)
                };
                ctx.set_fill_style_str(&fill);
                ctx.fill();
                ctx.stroke();
            }
        };
        draw(train, &hex(ink.rim), 1.0);
        if show_test {
            draw(test, &hex(ink.test_rim), 1.6);
        }
        let [r, g, b] = ink.text;
        ctx.set_fill_style_str(&format!("rgba({r},{g},{b},0.75)"));
        ctx.set_font(&format!("{}px sans-serif", (11.0 * dpr).round()));
        if let Some((x_name, y_name)) = axis_names {
            ctx.set_text_align("center");
            let _ = ctx.fill_text(&format!("{x_name} →"), size / 2.0, size - 4.0 * dpr);
            ctx.save();
            let _ = ctx.translate(12.0 * dpr, size / 2.0);
            let _ = ctx.rotate(-std::f64::consts::FRAC_PI_2);
            let _ = ctx.fill_text(&format!("{y_name} →"), 0.0, 0.0);
            ctx.restore();
            // The plane's ends in the features' units: x under the corners, y beside them.
            if let Some(((x_lo, x_hi), (y_lo, y_hi))) = axes.and_then(|a| a.ends) {
                let pad = 3.0 * dpr;
                let (bottom, top) = (size - 18.0 * dpr, 14.0 * dpr);
                for (text, align, x, y) in [
                    (fmt_plain(x_lo), "left", pad, size - 4.0 * dpr),
                    (fmt_plain(x_hi), "right", size - pad, size - 4.0 * dpr),
                    (fmt_plain(y_lo), "left", 18.0 * dpr, bottom),
                    (fmt_plain(y_hi), "left", 18.0 * dpr, top),
                ] {
                    ctx.set_text_align(align);
                    let _ = ctx.fill_text(&text, x, y);
                }
            }
            return;
        }
        // Axis ticks at −6, 0 and 6.
        for (v, align) in [(-6, "left"), (0, "center"), (6, "right")] {
            let x = to_px(v as f32);
            ctx.set_text_align(align);
            let _ = ctx.fill_text(&v.to_string(), x.clamp(3.0 * dpr, size - 3.0 * dpr), size - 4.0 * dpr);
        }
    }
}

/// The axes of imported data: the names, and the plane's ends in the features' units.
pub struct Axes<'a> {
    pub x: &'a str,
    pub y: &'a str,
    pub ends: Option<((f32, f32), (f32, f32))>,
}

impl Default for Boundary {
    fn default() -> Self {
        Self::new()
    }
}

/// A small picture of a dataset's points (the dataset picker's thumbnails).
/// `classes` > 2: labels are class indices, drawn in the classes' colours.
pub fn draw_dataset_thumb(canvas: &HtmlCanvasElement, points: &[Point], classes: usize) {
    let ctx = ctx_of(canvas);
    let size = f64::from(canvas.width());
    // The ground is the canvas's CSS background (the theme's), so a theme change needs no redraw.
    let to_px = |v: f32| (f64::from(v) + f64::from(DOMAIN)) / (2.0 * f64::from(DOMAIN)) * size;
    for p in points {
        let fill = if classes > 2 {
            heatmap::class_css(p.label as usize)
        } else {
            heatmap::css_on(p.label, heatmap::NEUTRAL)
        };
        ctx.set_fill_style_str(&fill);
        ctx.fill_rect(to_px(p.x1) - 1.0, size - to_px(p.x2) - 1.0, 2.0, 2.0);
    }
}
