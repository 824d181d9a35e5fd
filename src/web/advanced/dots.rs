//! "Show augmented points": the current epoch's augmented training points as
//! faint dots over the boundary picture (issue 17). The advanced module makes
//! the checkbox and an overlay canvas of its own under the page's points, so
//! the page's first load carries neither. The points are computed here, not
//! sent by the worker: augmentation is drawn from the seed and the epoch
//! (`Augment::epoch_points`) and the training points from the seed, so the
//! page's run rebuilt in the panel (`export::run::Run`) gives the same draw.
//! The pixels come from `advanced::dots`.

use crate::advanced::dots::{paint, Look};
use crate::advanced::Settings;
use crate::trainer::Trainer;
use crate::web::dom::{self, by_id, create, device_pixel_ratio, set_attr, set_hidden, set_text};
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, Element, Event, HtmlCanvasElement, HtmlInputElement, ImageData};

/// The overlay's memory, kept in the panel's state.
#[derive(Default)]
pub struct Dots {
    /// What was drawn last (the epoch, the link, the canvas size, dark, the
    /// points' scale), so an unchanged frame is not painted again; None: nothing.
    drawn: Option<(u64, String, u32, bool, u32)>,
    /// The overlay's pixels, reused.
    rgba: Vec<u8>,
}

/// The checkbox, under the Augmentation select; `redraw` runs when it is ticked or cleared.
pub fn wire(redraw: fn()) {
    let input = super::checkbox_beside("aug", "aug-dots");
    label_text();
    // Unticking clears the overlay and forgets the drawing, so ticking draws again.
    dom::on(&input, "change", move |_: Event| redraw());
}

/// The checkbox's words in the page's language now.
pub fn label_text() {
    if let Some(t) = dom::document().get_element_by_id("aug-dots-text") {
        set_text(&t, &crate::t!("adv-dots"));
    }
}

/// The overlay, made on first use between the picture and the page's points.
fn canvas() -> HtmlCanvasElement {
    if let Some(c) = dom::document().get_element_by_id("aug-dots-layer") {
        return c.unchecked_into();
    }
    let c: HtmlCanvasElement = create("canvas");
    c.set_id("aug-dots-layer");
    set_attr(&c, "data-testid", "aug-dots");
    set_attr(&c, "aria-hidden", "true");
    let points: Element = by_id("points");
    if let Some(wrap) = points.parent_element() {
        let _ = wrap.insert_before(&c, Some(&points));
    }
    c
}

/// Shows epoch `epoch`'s augmented points of `trainer`'s data under settings
/// `s` when the box is ticked and augmentation is on; otherwise nothing.
/// `epoch` is the page's counter: epochs count from 0, so these are the points
/// the next epoch trains on (at speed, the one in training). The box shows
/// only while augmentation is on and the data is a built-in or drawn set
/// (imported rows have no place on the plane's picture unless they are its two axes).
pub fn draw(dots: &mut Dots, trainer: Option<&Trainer>, hash: &str, s: &Settings, epoch: u64) {
    let built_in = trainer.is_some_and(|t| t.config().csv.is_none());
    let offered = s.augment.is_on() && built_in;
    if let Some(f) = dom::document().get_element_by_id("aug-dots-field") {
        set_hidden(&f, !offered);
    }
    let ticked = dom::document()
        .get_element_by_id("aug-dots")
        .is_some_and(|i| i.unchecked_into::<HtmlInputElement>().checked());
    let layer = canvas();
    let ctx = layer
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    let Some(ctx) = ctx else { return };
    let Some(trainer) = trainer.filter(|_| offered && ticked) else {
        if dots.drawn.take().is_some() || layer.width() > 0 {
            layer.set_width(0);
            layer.set_height(0);
        }
        set_attr(&layer, "data-dots", "0");
        return;
    };
    let css = by_id::<Element>("boundary")
        .get_bounding_client_rect()
        .width()
        .max(100.0);
    let px = (css * device_pixel_ratio()).round() as u32;
    let dark = dom::document()
        .document_element()
        .is_some_and(|e| e.class_list().contains("dark"));
    let scale = device_pixel_ratio() as f32 * crate::web::help::scale();
    let key = (epoch, hash.to_owned(), px, dark, scale.to_bits());
    if dots.drawn.as_ref() == Some(&key) {
        return;
    }
    if layer.width() != px {
        layer.set_width(px);
        layer.set_height(px);
    }
    let c = trainer.config();
    let points = s
        .augment
        .epoch_points(trainer.train_points(), c.seed, epoch, c.classes());
    let mid = crate::heatmap::neutral(dark);
    let rgba = &mut dots.rgba;
    paint(&points, c.classes(), mid, Look::scaled(scale), px as usize, rgba);
    if let Ok(img) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba[..]), px, px) {
        let _ = ctx.put_image_data(&img, 0.0, 0.0);
    }
    set_attr(&layer, "data-dots", &points.len().to_string());
    set_attr(&layer, "data-epoch", &epoch.to_string());
    dots.drawn = Some(key);
}
