//! Built-in 2-D datasets on the domain [-6, 6]²: the TensorFlow Playground's
//! generators (dataset.ts, in `playground`) with its sample counts, and
//! nnplay's own sets (in `shapes`). `noise` is the Playground's slider value
//! / 100 (0 ..= 0.5). Labels are ±1 for two-class sets, the class index
//! 0 .. K (as f32) for multi-class sets and in [-1, 1] for regression.

mod playground;
mod shapes;
#[cfg(test)]
mod tests;

use crate::rng::{Rng, Stream};
use serde::{Deserialize, Serialize};

pub use crate::grid::DOMAIN;
pub const NUM_SAMPLES_CLASSIFY: usize = 500;
pub const NUM_SAMPLES_REGRESS: usize = 1200;
/// Smallest and largest number of classes K of a multi-class set.
pub const CLASSES_RANGE: (usize, usize) = (3, 16);
/// K of a multi-class set when none is asked for (`DatasetKind::generate`).
pub const DEFAULT_CLASSES: usize = 4;

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
    Moons,
    Checkerboard,
    Rings,
    Arms,
    Blobs,
    ClassRings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Classification,
    Regression,
}

impl Problem {
    pub const ALL: [Problem; 2] = [Self::Classification, Self::Regression];

    /// The import panel's name for it, as the type of a target column.
    pub fn target_label(self) -> String {
        crate::i18n::keyed("target", self.key())
    }

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
    pub fn label(self) -> String {
        crate::i18n::keyed("problem", self.key())
    }
    pub fn default_dataset(self) -> DatasetKind {
        match self {
            Self::Classification => DatasetKind::Circle,
            Self::Regression => DatasetKind::Plane,
        }
    }
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 12] = [
        Self::Circle,
        Self::Xor,
        Self::Gauss,
        Self::Spiral,
        Self::Plane,
        Self::MultiGauss,
        Self::Moons,
        Self::Checkerboard,
        Self::Rings,
        Self::Arms,
        Self::Blobs,
        Self::ClassRings,
    ];
    /// The module's `CLASSES_RANGE`.
    pub const CLASSES_RANGE: (usize, usize) = CLASSES_RANGE;
    /// The module's `DEFAULT_CLASSES`.
    pub const DEFAULT_CLASSES: usize = DEFAULT_CLASSES;

    pub fn key(self) -> &'static str {
        match self {
            Self::Circle => "circle",
            Self::Xor => "xor",
            Self::Gauss => "gauss",
            Self::Spiral => "spiral",
            Self::Plane => "plane",
            Self::MultiGauss => "multigauss",
            Self::Moons => "moons",
            Self::Checkerboard => "checker",
            Self::Rings => "rings",
            Self::Arms => "arms",
            Self::Blobs => "blobs",
            Self::ClassRings => "krings",
        }
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("ds", self.key())
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

    /// Whether the labels are class indices 0 .. K rather than ±1 or a value.
    pub fn is_multiclass(self) -> bool {
        matches!(self, Self::Arms | Self::Blobs | Self::ClassRings)
    }

    /// How many classes the set has when `requested` are asked for: 2 for the
    /// two-class sets, the request clamped to `CLASSES_RANGE` for the
    /// multi-class sets, 0 for regression.
    pub fn classes(self, requested: usize) -> usize {
        if self.is_multiclass() {
            clamp_classes(requested)
        } else {
            match self.problem() {
                Problem::Classification => 2,
                Problem::Regression => 0,
            }
        }
    }

    pub fn num_samples(self) -> usize {
        match self.problem() {
            Problem::Classification => NUM_SAMPLES_CLASSIFY,
            Problem::Regression => NUM_SAMPLES_REGRESS,
        }
    }

    /// `generate_k` with `DEFAULT_CLASSES` classes for the multi-class sets.
    pub fn generate(self, noise_percent: u32, seed: u32) -> Vec<Point> {
        self.generate_k(noise_percent, seed, DEFAULT_CLASSES)
    }

    /// Generates the points class by class (the Playground's order for its
    /// sets), then shuffles them once (the Playground shuffles before
    /// splitting into train and test). `classes` is clamped to
    /// `CLASSES_RANGE` and only used by the multi-class sets.
    pub fn generate_k(self, noise_percent: u32, seed: u32, classes: usize) -> Vec<Point> {
        let noise = f64::from(noise_percent) / 100.0;
        let mut rng = Rng::new(seed, Stream::Data);
        let n = self.num_samples();
        let k = clamp_classes(classes);
        let mut points = match self {
            Self::Circle => playground::circle(n, noise, &mut rng),
            Self::Xor => playground::xor(n, noise, &mut rng),
            Self::Gauss => playground::two_gauss(n, noise, &mut rng),
            Self::Spiral => playground::spiral(n, noise, &mut rng),
            Self::Plane => playground::plane(n, noise, &mut rng),
            Self::MultiGauss => playground::multi_gauss(n, noise, &mut rng),
            Self::Moons => shapes::moons(n, noise, &mut rng),
            Self::Checkerboard => shapes::checkerboard(n, noise, &mut rng),
            Self::Rings => shapes::rings(n, noise, &mut rng),
            Self::Arms => shapes::arms(n, k, noise, &mut rng),
            Self::Blobs => shapes::blobs(n, k, noise, &mut rng),
            Self::ClassRings => shapes::class_rings(n, k, noise, &mut rng),
        };
        rng.shuffle(&mut points);
        points
    }
}

fn clamp_classes(requested: usize) -> usize {
    requested.clamp(CLASSES_RANGE.0, CLASSES_RANGE.1)
}

fn point(x1: f64, x2: f64, label: f64) -> Point {
    Point {
        x1: x1 as f32,
        x2: x2 as f32,
        label: label as f32,
    }
}

/// Splits shuffled points: the first `train_percent` % train, the rest test.
pub fn split(points: &[Point], train_percent: u32) -> (Vec<Point>, Vec<Point>) {
    let n_train = (points.len() * train_percent as usize) / 100;
    (points[..n_train].to_vec(), points[n_train..].to_vec())
}

/// Splits shuffled points into (train, validation, test): the first
/// `train_percent` % are for training, of which the last
/// `validation_percent` % of all points (at most all of them) are held out
/// for validation; the rest is test. With `validation_percent` = 0 this is
/// `split` with an empty validation set.
pub fn split3(points: &[Point], train_percent: u32, validation_percent: u32) -> (Vec<Point>, Vec<Point>, Vec<Point>) {
    let n = points.len();
    let n_train_total = ((n * train_percent as usize) / 100).min(n);
    let n_val = ((n * validation_percent as usize) / 100).min(n_train_total);
    let n_train = n_train_total - n_val;
    (
        points[..n_train].to_vec(),
        points[n_train..n_train_total].to_vec(),
        points[n_train_total..].to_vec(),
    )
}
