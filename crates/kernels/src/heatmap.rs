//! Colour maps, computed as pixels in pure Rust (the page only blits them).
//! The Playground's look: orange (#f59322) for −1, light grey (#e8eaeb) for 0,
//! blue (#0877bd) for +1, clamped outside [−1, 1]. The dark theme keeps the
//! ends and moves the middle to a dark slate (`neutral`): the painters take
//! the middle as `mid`.
//!
//! The painters run on every frame over every picture's pixels: they are not
//! inlined, so that their loops stay at this crate's opt-level 3 while their
//! callers in the page are built for size.

pub const NEGATIVE: [u8; 3] = [0xf5, 0x93, 0x22];
pub const NEUTRAL: [u8; 3] = [0xe8, 0xea, 0xeb];
pub const POSITIVE: [u8; 3] = [0x08, 0x77, 0xbd];

/// The dark theme's middle of the ramp: the boundary picture's ground on a dark page.
pub const NEUTRAL_DARK: [u8; 3] = [0x26, 0x2b, 0x30];

/// The ramp's middle in a light or dark theme (the ends stay: a picture keeps its meaning).
pub fn neutral(dark: bool) -> [u8; 3] {
    if dark {
        NEUTRAL_DARK
    } else {
        NEUTRAL
    }
}

/// One colour per class: `palette` (safe for colour-vision deficiencies up to 8).
pub use crate::palette::CLASS_COLORS;

pub fn class_css(k: usize) -> String {
    let [r, g, b] = CLASS_COLORS[k % CLASS_COLORS.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Pixels of class probabilities (cells × k, row-major): the most likely class's
/// colour, its intensity the confidence (from 1/k, a guess, to 1, certain).
#[inline(never)]
pub fn paint_classes(probs: &[f32], k: usize, mid: [u8; 3], rgba: &mut [u8]) {
    let k = k.max(2);
    for (px, p) in rgba.chunks_exact_mut(4).zip(probs.chunks_exact(k)) {
        let (best, pmax) = p
            .iter()
            .enumerate()
            .fold((0, f32::MIN), |b, (c, &v)| if v > b.1 { (c, v) } else { b });
        let guess = 1.0 / k as f32;
        let t = ((pmax - guess) / (1.0 - guess)).clamp(0.0, 1.0);
        let end = CLASS_COLORS[best % CLASS_COLORS.len()];
        for c in 0..3 {
            let a = f32::from(mid[c]);
            px[c] = (a + (f32::from(end[c]) - a) * t).round() as u8;
        }
        px[3] = 255;
    }
}

/// One class's probability (0 … 1) from neutral to that class's colour.
#[inline(never)]
pub fn paint_class_probability(probs: &[f32], class: usize, mid: [u8; 3], rgba: &mut [u8]) {
    let end = CLASS_COLORS[class % CLASS_COLORS.len()];
    for (px, &p) in rgba.chunks_exact_mut(4).zip(probs) {
        let t = if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) };
        for c in 0..3 {
            let a = f32::from(mid[c]);
            px[c] = (a + (f32::from(end[c]) - a) * t).round() as u8;
        }
        px[3] = 255;
    }
}

/// Colour of a value in [−1, 1] (clamped; NaN is neutral).
pub fn color(v: f32) -> [u8; 3] {
    color_on(v, NEUTRAL)
}

/// Colour of a value in [−1, 1] on a ramp whose middle is `mid`.
pub fn color_on(v: f32, mid: [u8; 3]) -> [u8; 3] {
    let v = if v.is_nan() { 0.0 } else { v.clamp(-1.0, 1.0) };
    let (end, t) = if v < 0.0 { (NEGATIVE, -v) } else { (POSITIVE, v) };
    let mut c = [0u8; 3];
    for k in 0..3 {
        let a = f32::from(mid[k]);
        let b = f32::from(end[k]);
        c[k] = (a + (b - a) * t).round() as u8;
    }
    c
}

/// CSS colour string of a value, for links and points.
pub fn css(v: f32) -> String {
    css_on(v, NEUTRAL)
}

/// CSS colour string of a value on a ramp whose middle is `mid`.
pub fn css_on(v: f32, mid: [u8; 3]) -> String {
    let [r, g, b] = color_on(v, mid);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Writes RGBA pixels (4 bytes per value, opaque). With `discretize`, values
/// are shown as their sign, as the Playground's "Discretize output".
#[inline(never)]
pub fn paint(values: &[f32], discretize: bool, mid: [u8; 3], rgba: &mut [u8]) {
    for (px, &v) in rgba.chunks_exact_mut(4).zip(values) {
        let v = if discretize {
            if v >= 0.0 {
                1.0
            } else {
                -1.0
            }
        } else {
            v
        };
        let [r, g, b] = color_on(v, mid);
        px.copy_from_slice(&[r, g, b, 255]);
    }
}

/// Whether a parameter drawn as `drawn` must be redrawn as `now`. While
/// training (`exact` false): when its colour moved by 1 % of the ramp over
/// [−1, 1] or its width (`link_width`) by a tenth of a pixel. Otherwise on any
/// change. Never drawn (NaN) or not a number: always.
pub fn visibly_moved(drawn: f32, now: f32, exact: bool) -> bool {
    let tone = |v: f32| v.clamp(-1.0, 1.0);
    drawn.is_nan()
        || now.is_nan()
        || if exact {
            drawn != now
        } else {
            (tone(drawn) - tone(now)).abs() >= 0.02 || (link_width(drawn) - link_width(now)).abs() >= 0.1
        }
}

/// The Playground's link width: |w| on [0, 5] maps to [1, 10] px, clamped.
/// A weight of exactly 0 (pruned: no connection) is not drawn (0 px).
pub fn link_width(w: f32) -> f32 {
    if !w.is_finite() {
        return 1.0;
    }
    if w == 0.0 {
        return 0.0;
    }
    1.0 + 9.0 * (w.abs() / 5.0).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_and_middle() {
        assert_eq!(color(-1.0), NEGATIVE);
        assert_eq!(color(0.0), NEUTRAL);
        assert_eq!(color(1.0), POSITIVE);
        assert_eq!(color(7.0), POSITIVE);
        assert_eq!(color(f32::NAN), NEUTRAL);
        assert_eq!(css(1.0), "#0877bd");
    }

    #[test]
    fn classes_take_their_colour_with_confidence_as_intensity() {
        let mut px = vec![0u8; 8];
        paint_classes(&[0.0, 0.0, 1.0, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0], 3, NEUTRAL, &mut px);
        assert_eq!(px[..3], CLASS_COLORS[2]);
        assert_eq!(px[4..7], NEUTRAL);
    }

    #[test]
    fn paint_discretizes() {
        let mut px = vec![0u8; 8];
        paint(&[0.2, -0.01], true, NEUTRAL, &mut px);
        assert_eq!(px, [8, 0x77, 0xbd, 255, 0xf5, 0x93, 0x22, 255]);
    }

    #[test]
    fn parameters_are_redrawn_when_the_change_shows() {
        // Never drawn, or not a number: always.
        assert!(visibly_moved(f32::NAN, 0.5, false));
        assert!(visibly_moved(0.5, f32::NAN, false));
        // A paused run draws every change and skips none.
        assert!(visibly_moved(0.5, 0.5001, true));
        assert!(!visibly_moved(0.5, 0.5, true));
        // Training: 1 % of the colour ramp (0.02 of [−1, 1]) ...
        assert!(!visibly_moved(0.5, 0.519, false));
        assert!(visibly_moved(0.5, 0.521, false));
        assert!(visibly_moved(-0.01, 0.011, false));
        // ... or a tenth of a pixel of width (9 px over |w| ≤ 5), where the colour is saturated.
        assert!(!visibly_moved(3.0, 3.05, false)); // 0.09 px
        assert!(visibly_moved(3.0, 3.06, false)); // 0.108 px
        assert!(!visibly_moved(6.0, 60.0, false)); // both at the widest, both saturated
        assert_eq!(link_width(0.0), 0.0, "a pruned link vanishes");
        assert_eq!(link_width(1e-30), 1.0);
        assert_eq!(link_width(-5.0), 10.0);
        assert_eq!(link_width(f32::INFINITY), 1.0);
    }

    #[test]
    fn the_dark_ramp_keeps_its_ends_and_moves_its_middle() {
        assert_eq!(color_on(-1.0, NEUTRAL_DARK), NEGATIVE);
        assert_eq!(color_on(1.0, NEUTRAL_DARK), POSITIVE);
        assert_eq!(color_on(0.0, neutral(true)), NEUTRAL_DARK);
        assert_eq!(css_on(0.0, neutral(false)), css(0.0));
        let mut px = vec![0u8; 8];
        paint_class_probability(&[1.0, 0.0], 4, NEUTRAL_DARK, &mut px);
        assert_eq!(
            (px[..3].to_vec(), &px[4..7]),
            (CLASS_COLORS[4].to_vec(), &NEUTRAL_DARK[..])
        );
    }
}
