//! The faint dots of an epoch's augmented points (issue 17): pixels of an
//! overlay laid over the boundary picture, computed here and blitted by the
//! advanced module's panel (`web::advanced::dots`).
//!
//! A point (x₁, x₂) lands where the page draws the real points: pixel
//! ((x₁ + D) / 2D · size, size − (x₂ + D) / 2D · size), D = `DOMAIN`. Each dot
//! is a disc of radius r pixels in its label's colour (the ramp's −1…+1, so
//! mixup's soft labels fall between, or the class's colour for more classes)
//! with a rim of that colour darkened (it shows over a region of its own
//! class), anti-aliased over its last pixel, at opacity `alpha`. Where dots
//! overlap the more opaque one wins instead of adding up, so a dense cloud
//! stays as faint as one dot.

use crate::dataset::{Point, DOMAIN};
use crate::heatmap::{color_on, CLASS_COLORS};

/// How the dots look: the radius of their fill and the width of their rim in
/// pixels, and their opacity (0–255).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    pub radius: f32,
    pub rim: f32,
    pub alpha: u8,
}

impl Look {
    /// The real points are 3.2 px (times the scale) with a white rim, opaque;
    /// the dots are smaller (1.5 px and a 1 px rim) and see-through (55 %).
    pub fn scaled(scale: f32) -> Self {
        Look {
            radius: 1.5 * scale,
            rim: scale,
            alpha: 140,
        }
    }
}

/// The colour of a point with label `label` (`classes` > 2: a class index).
pub fn color(label: f32, classes: usize, mid: [u8; 3]) -> [u8; 3] {
    if classes > 2 {
        CLASS_COLORS[label as usize % CLASS_COLORS.len()]
    } else {
        color_on(label, mid)
    }
}

/// A dot's rim: its colour darkened, so a dot shows even over a region of its own colour.
pub fn rim_color([r, g, b]: [u8; 3]) -> [u8; 3] {
    [r, g, b].map(|c| (f32::from(c) * RIM_SHADE).round() as u8)
}

const RIM_SHADE: f32 = 0.55;

/// Paints `points` onto `rgba` (size × size, cleared first) as faint dots.
pub fn paint(points: &[Point], classes: usize, mid: [u8; 3], look: Look, size: usize, rgba: &mut Vec<u8>) {
    rgba.clear();
    rgba.resize(size * size * 4, 0);
    let to_px = |v: f32| (v + DOMAIN) / (2.0 * DOMAIN) * size as f32;
    let (r, outer) = (look.radius.max(0.5), look.radius.max(0.5) + look.rim.max(0.0));
    for p in points {
        let (cx, cy) = (to_px(p.x1), size as f32 - to_px(p.x2));
        if !(cx.is_finite() && cy.is_finite()) {
            continue;
        }
        let fill = color(p.label, classes, mid);
        let rim = rim_color(fill);
        let lo = |c: f32| (c - outer - 1.0).floor().max(0.0) as usize;
        let hi = |c: f32| ((c + outer + 1.0).ceil().max(0.0) as usize).min(size);
        for y in lo(cy)..hi(cy) {
            for x in lo(cx)..hi(cx) {
                let d = (x as f32 + 0.5 - cx).hypot(y as f32 + 0.5 - cy);
                // The outer edge fades over its last pixel.
                let cover = (outer + 0.5 - d).clamp(0.0, 1.0);
                let a = (cover * f32::from(look.alpha)).round() as u8;
                let [red, green, blue] = if d <= r { fill } else { rim };
                let px = &mut rgba[(y * size + x) * 4..][..4];
                if a > px[3] {
                    px.copy_from_slice(&[red, green, blue, a]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heatmap::{NEGATIVE, NEUTRAL, NEUTRAL_DARK, POSITIVE};

    const LOOK: Look = Look {
        radius: 2.0,
        rim: 1.0,
        alpha: 115,
    };

    fn at(rgba: &[u8], size: usize, x: usize, y: usize) -> [u8; 4] {
        rgba[(y * size + x) * 4..][..4].try_into().unwrap()
    }

    fn point(x1: f32, x2: f32, label: f32) -> Point {
        Point { x1, x2, label }
    }

    #[test]
    fn dots_land_where_the_points_are_in_their_class_colour_and_faint() {
        let mut rgba = Vec::new();
        // 120 px over −6…6: 10 px a unit, the origin at pixel (60, 60), x₂ upwards.
        let pts = [point(0.0, 0.0, 1.0), point(-3.0, 3.0, -1.0), point(4.0, -5.0, 1.0)];
        paint(&pts, 2, NEUTRAL, LOOK, 120, &mut rgba);
        assert_eq!(rgba.len(), 120 * 120 * 4);
        let [r, g, b] = POSITIVE;
        assert_eq!(at(&rgba, 120, 60, 60), [r, g, b, 115]);
        assert_eq!(at(&rgba, 120, 59, 59), [r, g, b, 115]);
        let [r, g, b] = NEGATIVE;
        assert_eq!(at(&rgba, 120, 30, 30), [r, g, b, 115]);
        assert_eq!(at(&rgba, 120, 100, 110)[..3], POSITIVE);
        // Its rim, darker in the same hue, then nothing beyond (but one anti-aliased pixel).
        let [r, g, b] = rim_color(POSITIVE);
        let edge = at(&rgba, 120, 62, 60);
        assert_eq!(edge[..3], [r, g, b]);
        assert!((100..=115).contains(&edge[3]), "{edge:?}");
        assert!(rim_color(POSITIVE).iter().zip(POSITIVE).all(|(d, c)| *d < c));
        assert_eq!(at(&rgba, 120, 64, 60)[3], 0);
        assert_eq!(at(&rgba, 120, 60, 90)[3], 0);
        let painted = rgba.chunks_exact(4).filter(|p| p[3] > 0).count();
        // About π (r + rim + ½)² per dot.
        assert!((3 * 25..=3 * 45).contains(&painted), "{painted}");
        assert!(
            rgba.chunks_exact(4).all(|p| p[3] <= 115),
            "no pixel is more opaque than a dot"
        );
    }

    #[test]
    fn overlapping_dots_stay_faint_and_more_classes_take_their_colours() {
        let mut rgba = Vec::new();
        let pile = vec![point(1.0, 1.0, 2.0); 50];
        paint(&pile, 3, NEUTRAL, LOOK, 60, &mut rgba);
        assert_eq!(at(&rgba, 60, 35, 25), {
            let [r, g, b] = CLASS_COLORS[2];
            [r, g, b, 115]
        });
        // A soft label (mixup) takes the ramp between, on the theme's middle.
        paint(&[point(0.0, 0.0, 0.0)], 2, NEUTRAL_DARK, LOOK, 60, &mut rgba);
        assert_eq!(at(&rgba, 60, 30, 30)[..3], NEUTRAL_DARK);
        // Painting again clears the last picture; points off the plane draw nothing.
        paint(
            &[point(40.0, 0.0, 1.0), point(f32::NAN, 0.0, 1.0)],
            2,
            NEUTRAL,
            LOOK,
            60,
            &mut rgba,
        );
        assert!(rgba.iter().all(|&v| v == 0));
    }

    #[test]
    fn the_dots_are_smaller_than_the_points_and_grow_with_the_scale() {
        assert!(Look::scaled(1.0).radius + Look::scaled(1.0).rim < 3.2);
        assert_eq!(Look::scaled(3.0).radius, 3.0 * Look::scaled(1.0).radius);
        assert!(Look::scaled(1.0).alpha < 150);
    }
}
