//! The class colours, chosen so that people with the common colour-vision
//! deficiencies tell them apart, and the colour science that checks it:
//! sRGB → linear RGB → (Machado, Oliveira & Fernandes 2009, severity 1.0)
//! simulated protanopia or deuteranopia → CIE XYZ (D65) → CIELAB, with the
//! CIE76 distance ΔE*ab between colours and the WCAG 2 contrast ratio.
//!
//! The first eight colours are what K = 3 … 8 classes use (class k takes
//! colour k): every prefix keeps a pairwise ΔE76 of at least 25 under normal
//! vision, deuteranopia and protanopia (the test states the minima), and every
//! colour stays at least 35 from both pictures' backgrounds (the light ramp's
//! pale grey and the dark one's slate). The first two are the Playground's
//! orange and blue, so two-class pictures look as they always did.

/// One colour per class (up to 16). 0–7: safe under deuteranopia and
/// protanopia (see above); 8–15: apart under normal vision only.
pub const CLASS_COLORS: [[u8; 3]; 16] = [
    [0xf5, 0x93, 0x22], // the Playground's orange
    [0x08, 0x77, 0xbd], // the Playground's blue
    [0x22, 0x99, 0x77], // green-teal
    [0x66, 0x11, 0xff], // violet
    [0x77, 0x55, 0x11], // brown
    [0x44, 0x77, 0xff], // cornflower
    [0xcc, 0xaa, 0x66], // sand
    [0x00, 0x88, 0x99], // teal
    [0x2c, 0xa0, 0x2c],
    [0x94, 0x67, 0xbd],
    [0xd6, 0x27, 0x28],
    [0x8c, 0x56, 0x4b],
    [0xe3, 0x77, 0xc2],
    [0xbb, 0xbb, 0x11],
    [0xaa, 0x00, 0x55],
    [0xff, 0x88, 0x88],
];

/// How many of the first class colours are safe for colour-vision deficiencies.
pub const CVD_SAFE: usize = 8;

/// A way of seeing colour: a 3 × 3 matrix on linear RGB.
#[derive(Clone, Copy, Debug)]
pub enum Vision {
    Normal,
    /// No working L cones (Machado et al. 2009, severity 1.0).
    Protanopia,
    /// No working M cones (Machado et al. 2009, severity 1.0).
    Deuteranopia,
}

impl Vision {
    pub const ALL: [Vision; 3] = [Vision::Normal, Vision::Deuteranopia, Vision::Protanopia];

    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            Vision::Deuteranopia => [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        }
    }
}

/// sRGB byte → linear light (IEC 61966-2-1).
pub fn linear(u: u8) -> f64 {
    let u = f64::from(u) / 255.0;
    if u <= 0.04045 {
        u / 12.92
    } else {
        ((u + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear RGB as `vision` sees it (clamped to the displayable range).
pub fn simulate(c: [u8; 3], vision: Vision) -> [f64; 3] {
    let l = c.map(linear);
    vision
        .matrix()
        .map(|row| (row[0] * l[0] + row[1] * l[1] + row[2] * l[2]).clamp(0.0, 1.0))
}

/// CIELAB (D65 white) of linear RGB.
pub fn lab_of_linear([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

/// CIELAB of an sRGB colour under normal vision.
pub fn lab(c: [u8; 3]) -> [f64; 3] {
    lab_of_linear(simulate(c, Vision::Normal))
}

/// CIE76 colour difference ΔE*ab: the Euclidean distance in CIELAB.
pub fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

/// ΔE76 between two colours as `vision` sees them.
pub fn delta_e_seen(a: [u8; 3], b: [u8; 3], vision: Vision) -> f64 {
    delta_e(lab_of_linear(simulate(a, vision)), lab_of_linear(simulate(b, vision)))
}

/// WCAG 2 relative luminance.
pub fn luminance(c: [u8; 3]) -> f64 {
    let [r, g, b] = c.map(linear);
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG 2 contrast ratio (1 … 21).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heatmap::{NEUTRAL, NEUTRAL_DARK};

    /// The smallest pairwise ΔE76 among the first `k` class colours under `vision`.
    fn min_distance(k: usize, vision: Vision) -> f64 {
        let colors = &CLASS_COLORS[..k];
        let mut m = f64::MAX;
        for (i, &a) in colors.iter().enumerate() {
            for &b in &colors[i + 1..] {
                m = m.min(delta_e_seen(a, b, vision));
            }
        }
        m
    }

    #[test]
    fn references() {
        // White is L* 100, a* = b* = 0; black L* 0; sRGB red (53.24, 80.09, 67.20).
        let w = lab([255, 255, 255]);
        assert!(delta_e(w, [100.0, 0.0, 0.0]) < 0.05, "{w:?}");
        assert!(lab([0, 0, 0])[0].abs() < 1e-9);
        let red = lab([255, 0, 0]);
        assert!(delta_e(red, [53.24, 80.09, 67.20]) < 0.1, "{red:?}");
        // Grey stays grey under both simulations (each matrix's rows sum to 1).
        for v in Vision::ALL {
            let g = simulate([128, 128, 128], v);
            assert!((g[0] - g[1]).abs() < 1e-3 && (g[1] - g[2]).abs() < 1e-3, "{v:?} {g:?}");
        }
        // Red and green, the classic confusion, nearly merge for a deuteranope
        // (7.3); the old third class colour (green) merged with the orange for a
        // protanope (9.6): why the palette changed.
        let (red, green, orange) = ([0xd6, 0x27, 0x28], [0x2c, 0xa0, 0x2c], CLASS_COLORS[0]);
        assert!(delta_e_seen(red, green, Vision::Deuteranopia) < 10.0);
        assert!(delta_e_seen(red, green, Vision::Normal) > 70.0);
        assert!(delta_e_seen(orange, green, Vision::Protanopia) < 10.0);
        // WCAG: black on white 21, a colour on itself 1.
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert_eq!(contrast([9, 9, 9], [9, 9, 9]), 1.0);
    }

    /// Measured minima (ΔE76 ≥ 25 asserted): K = 3: normal 66.5, deuteranopia
    /// 54.6, protanopia 54.1; K = 8: normal 31.4, deuteranopia 27.2, protanopia 27.5.
    #[test]
    fn three_to_eight_classes_stay_apart_under_deuteranopia_and_protanopia() {
        for vision in Vision::ALL {
            for k in 3..=CVD_SAFE {
                let m = min_distance(k, vision);
                println!("{vision:?} K={k}: min ΔE76 {m:.1}");
                assert!(m >= 25.0, "{vision:?}, {k} classes: ΔE76 {m:.1}");
            }
        }
    }

    /// Each class colour stands out from the boundary picture's ground in
    /// both themes (the ramp's middle: the pale grey, the dark slate), for
    /// every vision: ΔE76 ≥ 35.
    #[test]
    fn class_colours_stand_out_from_both_backgrounds() {
        for vision in Vision::ALL {
            for (k, &c) in CLASS_COLORS[..CVD_SAFE].iter().enumerate() {
                for ground in [NEUTRAL, NEUTRAL_DARK] {
                    let d = delta_e_seen(c, ground, vision);
                    assert!(d >= 35.0, "{vision:?}: class {k} vs {ground:?}: ΔE76 {d:.1}");
                }
            }
        }
    }

    #[test]
    fn sixteen_class_colours_are_told_apart_and_from_the_background() {
        for (i, &a) in CLASS_COLORS.iter().enumerate() {
            let ground = delta_e(lab(a), lab(NEUTRAL));
            assert!(ground > 40.0, "class {i} is close to the background");
            for (j, &b) in CLASS_COLORS.iter().enumerate().skip(i + 1) {
                let d = delta_e(lab(a), lab(b));
                assert!(d > 25.0, "classes {i} and {j}: ΔE {d}");
            }
        }
    }
}
