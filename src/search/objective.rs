//! What a search optimises: a loss (minimised) or a test metric (maximised).

use crate::metrics::Metrics;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Objective {
    ValidationLoss,
    TestLoss,
    TestAccuracy,
    /// Macro F1 on the test rows.
    F1,
    /// R² on the test rows.
    R2,
}

/// A run's numbers at one moment, from which any objective is read.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub train_loss: f32,
    pub test_loss: f32,
    /// NaN without validation rows.
    pub validation_loss: f32,
    pub test: Metrics,
}

impl Objective {
    pub const ALL: [Objective; 5] = [
        Self::ValidationLoss,
        Self::TestLoss,
        Self::TestAccuracy,
        Self::F1,
        Self::R2,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::ValidationLoss => "val",
            Self::TestLoss => "test",
            Self::TestAccuracy => "acc",
            Self::F1 => "f1",
            Self::R2 => "r2",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.key() == key)
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("objective", self.key())
    }

    /// Whether larger values are better.
    pub fn maximise(self) -> bool {
        matches!(self, Self::TestAccuracy | Self::F1 | Self::R2)
    }

    /// Why this objective does not fit the data (None: it fits).
    pub fn unfit(self, classification: bool, has_validation: bool) -> Option<String> {
        let why = match self {
            Self::ValidationLoss if !has_validation => "unfit-validation",
            Self::TestAccuracy | Self::F1 if !classification => "unfit-classes",
            Self::R2 if classification => "unfit-numbers",
            _ => return None,
        };
        Some(crate::t!(why))
    }

    /// The objective's value in its own orientation (a loss, or a metric).
    pub fn value(self, s: &Scores) -> f64 {
        let v = match (self, &s.test) {
            (Self::ValidationLoss, _) => s.validation_loss,
            (Self::TestLoss, _) => s.test_loss,
            (Self::TestAccuracy, Metrics::Classification { accuracy, .. }) => *accuracy,
            (Self::F1, Metrics::Classification { f1, .. }) => *f1,
            (Self::R2, Metrics::Regression { r2, .. }) => *r2,
            _ => f32::NAN,
        };
        f64::from(v)
    }

    /// `value` turned so that lower is better (what samplers and pruners compare);
    /// a missing value is the worst.
    pub fn cost(self, value: f64) -> f64 {
        if !value.is_finite() {
            f64::INFINITY
        } else if self.maximise() {
            -value
        } else {
            value
        }
    }
}
