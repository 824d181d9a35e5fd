//! The diagram's small pictures: heatmaps blitted onto canvases, each input
//! feature's picture over the thumbnail grid, and the features' typeset labels.

use crate::features::Feature;
use crate::grid::{self, THUMB};
use crate::heatmap;
use crate::web::dom::{create, document};
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, HtmlElement, ImageData};

/// Paints `values` (n × n) in the heatmap colours onto an n × n canvas.
pub fn blit(ctx: &CanvasRenderingContext2d, values: &[f32], n: usize, discretize: bool, rgba: &mut Vec<u8>) {
    rgba.resize(n * n * 4, 0);
    heatmap::paint(values, discretize, crate::web::theme::mid(), rgba);
    put(ctx, rgba, n);
}

/// Puts n × n RGBA pixels on a canvas.
pub(super) fn put(ctx: &CanvasRenderingContext2d, rgba: &[u8], n: usize) {
    put_rect(ctx, rgba, n, n);
}

/// Puts w × h RGBA pixels on a canvas.
pub(super) fn put_rect(ctx: &CanvasRenderingContext2d, rgba: &[u8], w: usize, h: usize) {
    if let Ok(img) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), w as u32, h as u32) {
        let _ = ctx.put_image_data(&img, 0.0, 0.0);
    }
}

/// Values of feature `f` over the thumbnail grid, scaled to [−1, 1] for display.
pub fn feature_grid(f: Feature) -> Vec<f32> {
    let mut vals = Vec::with_capacity(THUMB * THUMB);
    for j in 0..THUMB {
        for i in 0..THUMB {
            vals.push(f.value(grid::coord(i, THUMB), -grid::coord(j, THUMB)));
        }
    }
    let max = vals.iter().fold(0.0f32, |m, v| m.max(v.abs())).max(1e-6);
    vals.iter_mut().for_each(|v| *v /= max);
    vals
}

/// An imported input on the picture plane: a ramp along x or y for the axis
/// features, flat (held at its mean) for the others.
pub(super) fn paint_axis(ctx: &CanvasRenderingContext2d, along_x: Option<bool>, rgba: &mut Vec<u8>) {
    let mut vals = Vec::with_capacity(THUMB * THUMB);
    for j in 0..THUMB {
        for i in 0..THUMB {
            let t = |k: usize| -1.0 + 2.0 * (k as f32 + 0.5) / THUMB as f32;
            vals.push(match along_x {
                Some(true) => t(i),
                Some(false) => -t(j),
                None => 0.0,
            });
        }
    }
    blit(ctx, &vals, THUMB, false, rgba);
}

pub(super) fn paint_feature(ctx: &CanvasRenderingContext2d, f: Feature, rgba: &mut Vec<u8>) {
    blit(ctx, &feature_grid(f), THUMB, false, rgba);
}

/// "X₁²" typeset with <sub>/<sup> (no reliance on Unicode superscript glyphs),
/// wrapping the checkbox that selects the feature.
pub(super) fn feature_label(f: Feature, active: bool) -> HtmlElement {
    let label: HtmlElement = create("label");
    label.set_class_name("feature-label");
    // Explained on keyboard focus (`web::help`); under the pointer the diagram's tooltip speaks.
    label.set_attribute("data-help", "help-in").expect("attr");
    let cb: web_sys::HtmlInputElement = create("input");
    cb.set_type("checkbox");
    cb.set_checked(active);
    cb.set_attribute("aria-label", f.label()).expect("aria");
    cb.set_attribute("data-kind", "feature").expect("attr");
    cb.set_attribute("data-feature", f.key()).expect("attr");
    label.append_child(&cb).expect("append");
    let (prefix, sub, suffix, sup) = f.label_parts();
    let text = |s: &str| document().create_text_node(s);
    label.append_child(&text(prefix)).expect("append");
    let sub_el: HtmlElement = create("sub");
    sub_el.set_text_content(Some(sub));
    label.append_child(&sub_el).expect("append");
    if !suffix.is_empty() {
        // "X₁X₂": the second factor, typeset the same way.
        let x: HtmlElement = create("span");
        x.set_text_content(Some("X"));
        let s2: HtmlElement = create("sub");
        s2.set_text_content(Some("2"));
        label.append_child(&x).expect("append");
        label.append_child(&s2).expect("append");
    }
    if !sup.is_empty() {
        let sup_el: HtmlElement = create("sup");
        sup_el.set_text_content(Some(sup));
        label.append_child(&sup_el).expect("append");
    }
    label
}
