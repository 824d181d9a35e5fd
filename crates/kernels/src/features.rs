//! Input features computed from a point (x1, x2), as the Playground's INPUTS.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Feature {
    X1,
    X2,
    X1Squared,
    X2Squared,
    X1X2,
    SinX1,
    SinX2,
}

impl Feature {
    pub const ALL: [Feature; 7] = [
        Self::X1,
        Self::X2,
        Self::X1Squared,
        Self::X2Squared,
        Self::X1X2,
        Self::SinX1,
        Self::SinX2,
    ];

    /// The feature's value at the point (x1, x2).
    pub fn value(self, x1: f32, x2: f32) -> f32 {
        match self {
            Self::X1 => x1,
            Self::X2 => x2,
            Self::X1Squared => x1 * x1,
            Self::X2Squared => x2 * x2,
            Self::X1X2 => x1 * x2,
            Self::SinX1 => x1.sin(),
            Self::SinX2 => x2.sin(),
        }
    }

    /// Short key used in URLs.
    /// The given features in `Feature::ALL` order (the order the network's inputs take).
    pub fn in_order(features: &[Feature]) -> Vec<Feature> {
        Self::ALL.into_iter().filter(|f| features.contains(f)).collect()
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::X1 => "x1",
            Self::X2 => "x2",
            Self::X1Squared => "x1sq",
            Self::X2Squared => "x2sq",
            Self::X1X2 => "x1x2",
            Self::SinX1 => "sinx1",
            Self::SinX2 => "sinx2",
        }
    }

    /// Plain-text label; the page renders the exponent with <sup> (see `label_parts`).
    pub fn label(self) -> &'static str {
        match self {
            Self::X1 => "X1",
            Self::X2 => "X2",
            Self::X1Squared => "X1²",
            Self::X2Squared => "X2²",
            Self::X1X2 => "X1·X2",
            Self::SinX1 => "sin(X1)",
            Self::SinX2 => "sin(X2)",
        }
    }

    /// (base with subscript index, optional superscript) for typesetting without
    /// relying on Unicode superscript glyphs, which some fonts render badly.
    pub fn label_parts(self) -> (&'static str, &'static str, &'static str, &'static str) {
        // (prefix, subscript, suffix, superscript)
        match self {
            Self::X1 => ("X", "1", "", ""),
            Self::X2 => ("X", "2", "", ""),
            Self::X1Squared => ("X", "1", "", "2"),
            Self::X2Squared => ("X", "2", "", "2"),
            Self::X1X2 => ("X", "1", "X2", ""),
            Self::SinX1 => ("sin X", "1", "", ""),
            Self::SinX2 => ("sin X", "2", "", ""),
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == s)
    }
}

/// Writes the selected features of (x1, x2) into `out` (len = features.len()).
pub fn compute_into(features: &[Feature], x1: f32, x2: f32, out: &mut [f32]) {
    for (o, f) in out.iter_mut().zip(features) {
        *o = f.value(x1, x2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_at_a_point() {
        let (a, b) = (2.0f32, -3.0f32);
        let got: Vec<f32> = Feature::ALL.iter().map(|f| f.value(a, b)).collect();
        assert_eq!(got[..5], [2.0, -3.0, 4.0, 9.0, -6.0]);
        assert!((got[5] - 2f32.sin()).abs() < 1e-7);
        assert!((got[6] - (-3f32).sin()).abs() < 1e-7);
    }

    #[test]
    fn keys_round_trip() {
        for f in Feature::ALL {
            assert_eq!(Feature::from_key(f.key()), Some(f));
        }
    }
}
