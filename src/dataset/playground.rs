//! The TensorFlow Playground's generators (dataset.ts), point for point and
//! draw for draw: their output is pinned by tests and by shared links.

use super::{point, Point, DOMAIN};
use crate::rng::Rng;
use std::f64::consts::PI;

/// Inside radius 2.5 is +1, the ring 3.5..5 is -1; noise moves the point
/// used for the label, not the point itself.
pub(super) fn circle(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let radius = 5.0;
    let label = |x: f64, y: f64| {
        if (x * x + y * y).sqrt() < radius * 0.5 {
            1.0
        } else {
            -1.0
        }
    };
    let mut out = Vec::with_capacity(n);
    for (count, (r_lo, r_hi)) in [(n / 2, (0.0, radius * 0.5)), (n - n / 2, (radius * 0.7, radius))] {
        for _ in 0..count {
            let r = rng.uniform(r_lo, r_hi);
            let angle = rng.uniform(0.0, 2.0 * PI);
            let (x, y) = (r * angle.sin(), r * angle.cos());
            let nx = rng.uniform(-radius, radius) * noise;
            let ny = rng.uniform(-radius, radius) * noise;
            out.push(point(x, y, label(x + nx, y + ny)));
        }
    }
    out
}

/// Quadrants: +1 where x·y ≥ 0, kept 0.3 away from the axes.
pub(super) fn xor(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let padding = 0.3;
    (0..n)
        .map(|_| {
            let mut x = rng.uniform(-5.0, 5.0);
            x += if x > 0.0 { padding } else { -padding };
            let mut y = rng.uniform(-5.0, 5.0);
            y += if y > 0.0 { padding } else { -padding };
            let nx = rng.uniform(-5.0, 5.0) * noise;
            let ny = rng.uniform(-5.0, 5.0) * noise;
            let label = if (x + nx) * (y + ny) >= 0.0 { 1.0 } else { -1.0 };
            point(x, y, label)
        })
        .collect()
}

/// Two gaussians at (2, 2) (+1) and (-2, -2) (-1); variance 0.5 ..= 4 with noise.
pub(super) fn two_gauss(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let variance = 0.5 + (4.0 - 0.5) * (noise / 0.5);
    let mut out = Vec::with_capacity(n);
    for (count, (c, label)) in [(n / 2, (2.0, 1.0)), (n - n / 2, (-2.0, -1.0))] {
        for _ in 0..count {
            let x = rng.normal(c, variance);
            let y = rng.normal(c, variance);
            out.push(point(x, y, label));
        }
    }
    out
}

/// Two interleaved spiral arms of 1.75 turns, radius 0 ..= 5.
pub(super) fn spiral(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let half = n / 2;
    let mut out = Vec::with_capacity(n);
    for (delta_t, label) in [(0.0, 1.0), (PI, -1.0)] {
        for i in 0..half {
            let r = i as f64 / half as f64 * 5.0;
            let t = 1.75 * i as f64 / half as f64 * 2.0 * PI + delta_t;
            let x = r * t.sin() + rng.uniform(-1.0, 1.0) * noise;
            let y = r * t.cos() + rng.uniform(-1.0, 1.0) * noise;
            out.push(point(x, y, label));
        }
    }
    out
}

/// Uniform points on the domain, each labelled from its position and its
/// noise offsets: `label(x, y, nx, ny)` (the Playground's draw order: x, y, nx, ny).
fn uniform_labelled(n: usize, noise: f64, rng: &mut Rng, label: impl Fn(f64, f64, f64, f64) -> f64) -> Vec<Point> {
    let radius = f64::from(DOMAIN);
    (0..n)
        .map(|_| {
            let x = rng.uniform(-radius, radius);
            let y = rng.uniform(-radius, radius);
            let nx = rng.uniform(-radius, radius) * noise;
            let ny = rng.uniform(-radius, radius) * noise;
            point(x, y, label(x, y, nx, ny))
        })
        .collect()
}

/// label = (x + y) / 10, uniform points on the domain.
pub(super) fn plane(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    uniform_labelled(n, noise, rng, |x, y, nx, ny| {
        ((x + nx + y + ny) / 10.0).clamp(-1.0, 1.0)
    })
}

/// Six signed bumps; the label is the strongest bump at the point.
pub(super) fn multi_gauss(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    const BUMPS: [(f64, f64, f64); 6] = [
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    ];
    let label = |x: f64, y: f64| {
        let mut best = 0.0f64;
        for (cx, cy, sign) in BUMPS {
            let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
            let v = sign * (1.0 - d / 2.0).clamp(0.0, 1.0);
            if v.abs() > best.abs() {
                best = v;
            }
        }
        best
    };
    uniform_labelled(n, noise, rng, |x, y, nx, ny| label(x + nx, y + ny))
}
