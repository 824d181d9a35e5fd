//! nnplay's own sets, in the Playground's style: points inside [-6.5, 6.5]²,
//! generated class by class with balanced classes (K classes of n points:
//! n / K each, the first n % K classes one more). Noise is capped at the
//! slider's 0.5 so that every point stays in the domain.

use super::{point, Point, DOMAIN};
use crate::rng::Rng;
use std::f64::consts::PI;

/// The slider's largest noise; more is treated as this.
const MAX_NOISE: f64 = 0.5;

/// Number of points of class `k` when `n` points are dealt to `classes` classes.
fn class_count(n: usize, classes: usize, k: usize) -> usize {
    n / classes + usize::from(k < n % classes)
}

/// A gaussian sample around (cx, cy), redrawn until it lies in [-6, 6]².
fn gauss_in_domain(rng: &mut Rng, cx: f64, cy: f64, variance: f64) -> (f64, f64) {
    let d = f64::from(DOMAIN);
    loop {
        let x = rng.normal(cx, variance);
        let y = rng.normal(cy, variance);
        if x.abs() <= d && y.abs() <= d {
            return (x, y);
        }
    }
}

/// Two interleaved half circles of radius 3 (scikit-learn's `make_moons`
/// scaled by 3 and centred): +1 on (3 cos t − 1.5, 3 sin t − 0.75) and -1 on
/// its mirror through the origin, t uniform in [0, π], 1.5 apart at their
/// closest; noise adds a gaussian of standard deviation 2·noise (0 ..= 1).
pub(super) fn moons(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let variance = (2.0 * noise.min(MAX_NOISE)).powi(2);
    let mut out = Vec::with_capacity(n);
    for (count, side) in [(n / 2, 1.0), (n - n / 2, -1.0)] {
        for _ in 0..count {
            let t = rng.uniform(0.0, PI);
            let (cx, cy) = (side * (3.0 * t.cos() - 1.5), side * (3.0 * t.sin() - 0.75));
            let (x, y) = gauss_in_domain(rng, cx, cy, variance);
            out.push(point(x, y, side));
        }
    }
    out
}

/// A 4 × 4 board of 3 × 3 squares over [-6, 6]²: +1 where ⌊x/3⌋ + ⌊y/3⌋ is
/// even, -1 where odd. Half the points are uniform on the +1 squares, half
/// on the -1 squares; noise moves the point used for the label by up to
/// ±3·noise per axis (half a square at 0.5), as `xor` does.
pub(super) fn checkerboard(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    const SIDE: f64 = 3.0;
    let noise = noise.min(MAX_NOISE);
    let d = f64::from(DOMAIN);
    let label = |x: f64, y: f64| {
        if ((x / SIDE).floor() + (y / SIDE).floor()).rem_euclid(2.0) == 0.0 {
            1.0
        } else {
            -1.0
        }
    };
    let mut out = Vec::with_capacity(n);
    for (count, parity) in [(n / 2, 0), (n - n / 2, 1)] {
        for _ in 0..count {
            // One of the 8 squares of this colour: row 0..4, column of the row's parity.
            let square = rng.below(8);
            let row = square / 2;
            let col = 2 * (square % 2) + (row + parity) % 2;
            let x = -d + SIDE * col as f64 + rng.uniform(0.0, SIDE);
            let y = -d + SIDE * row as f64 + rng.uniform(0.0, SIDE);
            let nx = rng.uniform(-SIDE, SIDE) * noise;
            let ny = rng.uniform(-SIDE, SIDE) * noise;
            out.push(point(x, y, label(x + nx, y + ny)));
        }
    }
    out
}

/// Largest radial jitter amplitude of the ring sets: at noise 0.5 the outer
/// ring (5.8) moves out by at most 0.6, staying inside 6.5.
const MAX_RING_JITTER: f64 = 1.2;

/// Fraction of its pitch a ring fills; the rest is the gap to the next one.
const RING_FILL: f64 = 0.7;

/// `bands` concentric rings from radius `r_in` to `r_out`: ring k spans
/// r_in + k·p ..= r_in + k·p + 0.7·p with pitch p = (r_out − r_in) / (bands − 0.3);
/// radius and angle uniform, noise adds ±noise·min(p, 1.2) to the radius.
fn ring_set(
    n: usize,
    bands: usize,
    (r_in, r_out): (f64, f64),
    noise: f64,
    rng: &mut Rng,
    label: impl Fn(usize) -> f64,
) -> Vec<Point> {
    let pitch = (r_out - r_in) / (bands as f64 - (1.0 - RING_FILL));
    let jitter = pitch.min(MAX_RING_JITTER) * noise.min(MAX_NOISE);
    let mut out = Vec::with_capacity(n);
    for k in 0..bands {
        let lo = r_in + k as f64 * pitch;
        for _ in 0..class_count(n, bands, k) {
            let r = rng.uniform(lo, lo + RING_FILL * pitch) + rng.uniform(-1.0, 1.0) * jitter;
            let angle = rng.uniform(0.0, 2.0 * PI);
            out.push(point(r * angle.sin(), r * angle.cos(), label(k)));
        }
    }
    out
}

/// Four concentric rings between radius 0.5 and 5.5 (width 0.95, gaps
/// 0.41), alternating +1 (innermost) and -1: ring k = ⌊(r − 0.5) / p⌋,
/// p = 5 / 3.7; noise jitters the radius by up to ±1.2·noise, across the gaps.
pub(super) fn rings(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    ring_set(n, 4, (0.5, 5.5), noise, rng, |k| if k % 2 == 0 { 1.0 } else { -1.0 })
}

/// K interleaved arms of the Playground's spiral: the i-th of the m points of
/// arm k is at r = 5·i/m, t = turns·2π·i/m + 2πk/K, (x, y) = (r sin t,
/// r cos t) + uniform ±noise per axis. turns = 1.75·min(1, 4/K): the
/// Playground's 1.75 up to K = 4, fewer above so that neighbouring arms stay
/// 5 / (turns·K) = 0.71 apart, farther than the points along an arm.
pub(super) fn arms(n: usize, classes: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let noise = noise.min(MAX_NOISE);
    let turns = 1.75 * (4.0 / classes as f64).min(1.0);
    let mut out = Vec::with_capacity(n);
    for k in 0..classes {
        let m = class_count(n, classes, k);
        let delta_t = 2.0 * PI * k as f64 / classes as f64;
        for i in 0..m {
            let r = i as f64 / m as f64 * 5.0;
            let t = turns * i as f64 / m as f64 * 2.0 * PI + delta_t;
            let x = r * t.sin() + rng.uniform(-1.0, 1.0) * noise;
            let y = r * t.cos() + rng.uniform(-1.0, 1.0) * noise;
            out.push(point(x, y, k as f64));
        }
    }
    out
}

/// K gaussian blobs, class k centred at 3.5·(sin 2πk/K, cos 2πk/K); variance
/// 0.2 ..= 2 with noise (as `two_gauss`), samples redrawn until in [-6, 6]².
pub(super) fn blobs(n: usize, classes: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let variance = 0.2 + (2.0 - 0.2) * (noise.min(MAX_NOISE) / 0.5);
    let mut out = Vec::with_capacity(n);
    for k in 0..classes {
        let angle = 2.0 * PI * k as f64 / classes as f64;
        let (cx, cy) = (3.5 * angle.sin(), 3.5 * angle.cos());
        for _ in 0..class_count(n, classes, k) {
            let (x, y) = gauss_in_domain(rng, cx, cy, variance);
            out.push(point(x, y, k as f64));
        }
    }
    out
}

/// K concentric rings between radius 0.3 and 5.8, class k in ring k (the
/// innermost is 0): ring k = ⌊(r − 0.3) / p⌋, p = 5.5 / (K − 0.3), each
/// 0.7·p wide; noise jitters the radius by up to ±min(p, 1.2)·noise.
pub(super) fn class_rings(n: usize, classes: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    ring_set(n, classes, (0.3, 5.8), noise, rng, |k| k as f64)
}
