//! Weight penalties. Biases are never regularised (as in the Playground).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Regularization {
    None,
    L1,
    L2,
    /// L1 and L2 mixed half and half (scikit-learn's l1_ratio = 0.5).
    ElasticNet,
}

/// Elastic net's share of L1.
pub const L1_RATIO: f32 = 0.5;

impl Regularization {
    pub const ALL: [Regularization; 4] = [Self::None, Self::L1, Self::L2, Self::ElasticNet];

    /// Penalty of one weight: L1 |w|, L2 ½w², elastic net ρ|w| + (1 − ρ)½w².
    pub fn penalty(self, w: f32) -> f32 {
        match self {
            Self::None => 0.0,
            Self::L1 => w.abs(),
            Self::L2 => 0.5 * w * w,
            Self::ElasticNet => L1_RATIO * w.abs() + (1.0 - L1_RATIO) * 0.5 * w * w,
        }
    }

    /// d penalty / dw: L1 sign(w) (0 at 0), L2 w, elastic net ρ sign(w) + (1 − ρ) w.
    #[inline(always)]
    pub fn der(self, w: f32) -> f32 {
        let sign = if w > 0.0 {
            1.0
        } else if w < 0.0 {
            -1.0
        } else {
            0.0
        };
        match self {
            Self::None => 0.0,
            Self::L1 => sign,
            Self::L2 => w,
            Self::ElasticNet => L1_RATIO * sign + (1.0 - L1_RATIO) * w,
        }
    }

    /// Whether a step may cross zero because of an L1 part (it stops at zero instead).
    pub fn has_l1(self) -> bool {
        matches!(self, Self::L1 | Self::ElasticNet)
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::L1 => "l1",
            Self::L2 => "l2",
            Self::ElasticNet => "elastic",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::L1 => "L1",
            Self::L2 => "L2",
            Self::ElasticNet => "Elastic net (L1 + L2)",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivative_matches_finite_difference() {
        let h = 1e-3f32;
        for r in Regularization::ALL {
            for &w in &[-1.5f32, -0.2, 0.4, 2.0] {
                let fd = (r.penalty(w + h) - r.penalty(w - h)) / (2.0 * h);
                assert!((fd - r.der(w)).abs() < 1e-3, "{r:?} at {w}: fd {fd} vs {}", r.der(w));
            }
        }
    }
}
