//! Points a user draws on the picture (ConvNetJS's classic demo): a click adds
//! one point of the chosen class (or value), a drag sprays a few around the
//! pointer, erasing removes the points near it. The set trains like a built-in
//! dataset: shuffled from the seed, split by the training ratio, no noise.
//!
//! Positions are kept in hundredths of the picture's −6…6 frame, so the set
//! travels exactly in a link (`codec`) and replays the same run.

pub mod codec;
#[cfg(test)]
mod tests;

use crate::dataset::{Point, Problem};
use crate::rng::{Rng, Stream};

/// At most this many points (a link stays well under its 16 KiB).
pub const MAX_POINTS: usize = 2000;
/// At most this many classes to draw (the built-in sets' most).
pub const MAX_CLASSES: usize = crate::dataset::CLASSES_RANGE.1;
/// Positions are whole hundredths: −`EDGE` ..= `EDGE`.
pub const EDGE: i16 = 600;
/// Points a drag adds per pointer move.
pub const SPRAY_POINTS: usize = 3;
/// Standard deviation of a sprayed point around the pointer (picture units).
pub const SPRAY_SPREAD: f64 = 0.35;
/// Erasing removes the points within this distance (picture units).
pub const ERASE_RADIUS: f32 = 0.6;

/// One drawn point: position in hundredths, and its class index (0 .. classes)
/// or, for regression, its value in hundredths shifted by 100 (0 ..= 200 is −1 ..= 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub x: i16,
    pub y: i16,
    pub label: u8,
}

/// A drawn dataset: its classes (0: regression) and its points in drawing order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drawn {
    pub classes: u8,
    pub marks: Vec<Mark>,
}

/// One change by the user, at a position on the −6…6 frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stroke {
    /// One point with this label.
    Add {
        x: f32,
        y: f32,
        label: u8,
    },
    /// `SPRAY_POINTS` points around the position, from a stream that depends only on
    /// the position and the points so far (the same drag gives the same set).
    Spray {
        x: f32,
        y: f32,
        label: u8,
    },
    Erase {
        x: f32,
        y: f32,
    },
    Clear,
}

/// A message with whole-number arguments: `t!` through one function, so the
/// argument code exists once in the wasm.
pub fn say(id: &str, args: &[(&'static str, usize)]) -> String {
    let mut a = fluent_bundle::FluentArgs::new();
    for &(k, v) in args {
        a.set(k, v.to_string());
    }
    crate::i18n::tr(id, Some(&a))
}

/// A coordinate on the frame in hundredths, clamped to the frame.
pub fn quantise(v: f32) -> i16 {
    let v = if v.is_finite() { v } else { 0.0 };
    (v * 100.0).round().clamp(-f32::from(EDGE), f32::from(EDGE)) as i16
}

/// A regression value in −1 ..= 1 as a label (hundredths shifted by 100).
pub fn value_label(v: f32) -> u8 {
    (quantise(v).clamp(-100, 100) + 100) as u8
}

impl Drawn {
    /// An empty set for `classes` classes (0: regression; 1 counts as 2, more than `MAX_CLASSES` as that).
    pub fn new(classes: usize) -> Self {
        let classes = if classes == 0 {
            0
        } else {
            classes.clamp(2, MAX_CLASSES) as u8
        };
        Self {
            classes,
            marks: Vec::new(),
        }
    }

    pub fn problem(&self) -> Problem {
        if self.classes == 0 {
            Problem::Regression
        } else {
            Problem::Classification
        }
    }

    pub fn is_full(&self) -> bool {
        self.marks.len() >= MAX_POINTS
    }

    /// The largest label a point may have.
    pub fn max_label(&self) -> u8 {
        if self.classes == 0 {
            200
        } else {
            self.classes - 1
        }
    }

    fn push(&mut self, x: f32, y: f32, label: u8) -> bool {
        if self.is_full() {
            return false;
        }
        self.marks.push(Mark {
            x: quantise(x),
            y: quantise(y),
            label: label.min(self.max_label()),
        });
        true
    }

    /// Applies one change; whether the set changed.
    pub fn update(&mut self, s: Stroke) -> bool {
        match s {
            Stroke::Add { x, y, label } => self.push(x, y, label),
            Stroke::Spray { x, y, label } => {
                let (qx, qy) = (quantise(x), quantise(y));
                let key = (u32::from(qx as u16) << 16) | u32::from(qy as u16);
                let mut rng = Rng::for_epoch(key, self.marks.len() as u64, Stream::Shuffle);
                let mut added = false;
                for _ in 0..SPRAY_POINTS {
                    let dx = rng.normal(0.0, SPRAY_SPREAD * SPRAY_SPREAD) as f32;
                    let dy = rng.normal(0.0, SPRAY_SPREAD * SPRAY_SPREAD) as f32;
                    added |= self.push(x + dx, y + dy, label);
                }
                added
            }
            Stroke::Erase { x, y } => {
                let before = self.marks.len();
                let (cx, cy) = (f32::from(quantise(x)), f32::from(quantise(y)));
                let r = ERASE_RADIUS * 100.0;
                self.marks
                    .retain(|m| (f32::from(m.x) - cx).powi(2) + (f32::from(m.y) - cy).powi(2) > r * r);
                self.marks.len() != before
            }
            Stroke::Clear => !std::mem::take(&mut self.marks).is_empty(),
        }
    }

    /// The points as the trainer labels them: ±1 for two classes (class 1 is −1),
    /// the class index for more, the value for regression.
    pub fn points(&self) -> Vec<Point> {
        self.marks
            .iter()
            .map(|m| Point {
                x1: f32::from(m.x) / 100.0,
                x2: f32::from(m.y) / 100.0,
                label: match self.classes {
                    0 => (f32::from(m.label) - 100.0) / 100.0,
                    2 => f32::from(m.label) * 2.0 - 1.0,
                    _ => f32::from(m.label),
                },
            })
            .collect()
    }

    /// The points shuffled once from the seed, as a built-in set before its split.
    pub fn shuffled(&self, seed: u32) -> Vec<Point> {
        let mut points = self.points();
        Rng::new(seed, Stream::Data).shuffle(&mut points);
        points
    }
}
