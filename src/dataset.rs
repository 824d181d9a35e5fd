//! Built-in 2-D datasets: the TensorFlow Playground's generators (dataset.ts),
//! with its sample counts and domain [-6, 6]². `noise` is the Playground's
//! slider value / 100 (0 ..= 0.5). Labels are ±1 for classification and in
//! [-1, 1] for regression.

use crate::rng::{Rng, Stream};
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

pub const DOMAIN: f32 = 6.0;
pub const NUM_SAMPLES_CLASSIFY: usize = 500;
pub const NUM_SAMPLES_REGRESS: usize = 1200;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x1: f32,
    pub x2: f32,
    pub label: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatasetKind {
    Circle,
    Xor,
    Gauss,
    Spiral,
    Plane,
    MultiGauss,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Classification,
    Regression,
}

impl Problem {
    pub fn key(self) -> &'static str {
        match self {
            Self::Classification => "classification",
            Self::Regression => "regression",
        }
    }
    pub fn from_key(s: &str) -> Option<Self> {
        match s {
            "classification" => Some(Self::Classification),
            "regression" => Some(Self::Regression),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Classification => "Classification",
            Self::Regression => "Regression",
        }
    }
    pub fn default_dataset(self) -> DatasetKind {
        match self {
            Self::Classification => DatasetKind::Circle,
            Self::Regression => DatasetKind::Plane,
        }
    }
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 6] = [
        Self::Circle,
        Self::Xor,
        Self::Gauss,
        Self::Spiral,
        Self::Plane,
        Self::MultiGauss,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Circle => "circle",
            Self::Xor => "xor",
            Self::Gauss => "gauss",
            Self::Spiral => "spiral",
            Self::Plane => "plane",
            Self::MultiGauss => "multigauss",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Circle => "Circle",
            Self::Xor => "Exclusive or",
            Self::Gauss => "Two gaussians",
            Self::Spiral => "Spiral",
            Self::Plane => "Plane",
            Self::MultiGauss => "Multi gaussian",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == s)
    }

    pub fn problem(self) -> Problem {
        match self {
            Self::Plane | Self::MultiGauss => Problem::Regression,
            _ => Problem::Classification,
        }
    }

    pub fn num_samples(self) -> usize {
        match self.problem() {
            Problem::Classification => NUM_SAMPLES_CLASSIFY,
            Problem::Regression => NUM_SAMPLES_REGRESS,
        }
    }

    /// Generates the points in the Playground's order, then shuffles them once
    /// (the Playground shuffles before splitting into train and test).
    pub fn generate(self, noise_percent: u32, seed: u32) -> Vec<Point> {
        let noise = f64::from(noise_percent) / 100.0;
        let mut rng = Rng::new(seed, Stream::Data);
        let n = self.num_samples();
        let mut points = match self {
            Self::Circle => circle(n, noise, &mut rng),
            Self::Xor => xor(n, noise, &mut rng),
            Self::Gauss => two_gauss(n, noise, &mut rng),
            Self::Spiral => spiral(n, noise, &mut rng),
            Self::Plane => plane(n, noise, &mut rng),
            Self::MultiGauss => multi_gauss(n, noise, &mut rng),
        };
        rng.shuffle(&mut points);
        points
    }
}

fn point(x1: f64, x2: f64, label: f64) -> Point {
    Point {
        x1: x1 as f32,
        x2: x2 as f32,
        label: label as f32,
    }
}

/// Inside radius 2.5 is +1, the ring 3.5..5 is -1; noise moves the point
/// used for the label, not the point itself.
fn circle(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
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
fn xor(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
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
fn two_gauss(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
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
fn spiral(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
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

/// label = (x + y) / 10, uniform points on the domain.
fn plane(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let radius = f64::from(DOMAIN);
    (0..n)
        .map(|_| {
            let x = rng.uniform(-radius, radius);
            let y = rng.uniform(-radius, radius);
            let nx = rng.uniform(-radius, radius) * noise;
            let ny = rng.uniform(-radius, radius) * noise;
            point(x, y, ((x + nx + y + ny) / 10.0).clamp(-1.0, 1.0))
        })
        .collect()
}

/// Six signed bumps; the label is the strongest bump at the point.
fn multi_gauss(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
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
    let radius = f64::from(DOMAIN);
    (0..n)
        .map(|_| {
            let x = rng.uniform(-radius, radius);
            let y = rng.uniform(-radius, radius);
            let nx = rng.uniform(-radius, radius) * noise;
            let ny = rng.uniform(-radius, radius) * noise;
            point(x, y, label(x + nx, y + ny))
        })
        .collect()
}

/// Splits shuffled points: the first `train_percent` % train, the rest test.
pub fn split(points: &[Point], train_percent: u32) -> (Vec<Point>, Vec<Point>) {
    let n_train = (points.len() * train_percent as usize) / 100;
    (points[..n_train].to_vec(), points[n_train..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_domain() {
        for kind in DatasetKind::ALL {
            let pts = kind.generate(0, 5);
            assert_eq!(pts.len(), kind.num_samples(), "{kind:?}");
            for p in &pts {
                assert!(
                    p.x1.abs() <= 6.5 && p.x2.abs() <= 6.5,
                    "{kind:?} point {p:?} outside domain"
                );
                assert!((-1.0..=1.0).contains(&p.label), "{kind:?} label {}", p.label);
            }
        }
    }

    #[test]
    fn noiseless_circle_labels_follow_the_radius() {
        for p in DatasetKind::Circle.generate(0, 9) {
            let r = (p.x1 * p.x1 + p.x2 * p.x2).sqrt();
            assert_eq!(p.label, if r < 2.5 { 1.0 } else { -1.0 });
        }
    }

    #[test]
    fn noiseless_xor_labels_follow_the_quadrant() {
        for p in DatasetKind::Xor.generate(0, 9) {
            assert_eq!(p.label, if p.x1 * p.x2 >= 0.0 { 1.0 } else { -1.0 });
            assert!(p.x1.abs() >= 0.3 && p.x2.abs() >= 0.3);
        }
    }

    #[test]
    fn classes_are_balanced() {
        for kind in [DatasetKind::Circle, DatasetKind::Gauss, DatasetKind::Spiral] {
            let pos = kind.generate(0, 1).iter().filter(|p| p.label > 0.0).count();
            assert_eq!(pos, 250, "{kind:?}");
        }
    }

    #[test]
    fn same_seed_same_data_other_seed_other_data() {
        let a = DatasetKind::Spiral.generate(20, 42);
        assert_eq!(a, DatasetKind::Spiral.generate(20, 42));
        assert_ne!(a, DatasetKind::Spiral.generate(20, 43));
    }

    #[test]
    fn split_follows_the_ratio() {
        let pts = DatasetKind::Circle.generate(0, 1);
        let (train, test) = split(&pts, 30);
        assert_eq!((train.len(), test.len()), (150, 350));
    }
}
