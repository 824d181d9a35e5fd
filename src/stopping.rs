//! When a run stops by itself: early stopping on the validation loss (with
//! patience and a minimum improvement, optionally going back to the best
//! weights), at a chosen epoch, or when a target loss or accuracy is reached.

/// The user's stopping rules; 0 turns a rule off.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stopping {
    /// Early stopping: epochs without an improvement of at least `min_delta` before stopping (0: off).
    pub patience: u32,
    pub min_delta: f32,
    /// When early stopping fires, put back the weights of the best epoch.
    pub restore_best: bool,
    /// Stop after this epoch (0: never).
    pub at_epoch: u64,
    /// Stop when the training loss is at most this (0: off).
    pub target_loss: f32,
    /// Stop when the training accuracy is at least this, in percent (0: off).
    pub target_accuracy: f32,
}

impl Default for Stopping {
    fn default() -> Self {
        Self {
            patience: 0,
            min_delta: 1e-4,
            restore_best: true,
            at_epoch: 0,
            target_loss: 0.0,
            target_accuracy: 0.0,
        }
    }
}

pub const MAX_PATIENCE: u32 = 100_000;

/// Why a run stopped by itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// The watched loss did not improve by `min_delta` for `patience` epochs; best at `best_epoch`.
    NoImprovement {
        watched: &'static str,
        patience: u32,
        best: f32,
        best_epoch: u64,
        restored: bool,
    },
    AtEpoch(u64),
    TargetLoss {
        loss: f32,
        target: f32,
    },
    TargetAccuracy {
        accuracy: f32,
        target: f32,
    },
}

impl Reason {
    pub fn message(&self, epoch: u64) -> String {
        match self {
            Self::NoImprovement {
                watched,
                patience,
                best,
                best_epoch,
                restored,
            } => {
                let after = if *restored {
                    crate::t!("stop-restored", best_epoch = best_epoch.to_string())
                } else {
                    String::new()
                };
                crate::t!(
                    "stop-early",
                    epoch = epoch.to_string(),
                    watched = crate::t!(&format!("watched-{watched}")),
                    patience = patience.to_string(),
                    best = format!("{best:.4}"),
                    best_epoch = best_epoch.to_string(),
                    after = after
                )
            }
            Self::AtEpoch(n) => crate::t!("stop-at-epoch", n = n.to_string()),
            Self::TargetLoss { loss, target } => crate::t!(
                "stop-target-loss",
                epoch = epoch.to_string(),
                loss = format!("{loss:.4}"),
                target = target.to_string()
            ),
            Self::TargetAccuracy { accuracy, target } => crate::t!(
                "stop-target-accuracy",
                epoch = epoch.to_string(),
                accuracy = format!("{accuracy:.1}"),
                target = target.to_string()
            ),
        }
    }
}

/// Early stopping's memory over a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EarlyStopper {
    best: Option<(f32, u64)>,
}

impl EarlyStopper {
    pub fn reset(&mut self) {
        self.best = None;
    }

    /// The best (loss, epoch) so far.
    pub fn best(&self) -> Option<(f32, u64)> {
        self.best
    }

    /// Sees the watched loss after `epoch`; true when the run is `patience` epochs
    /// past its best, where "better" means lower by more than `min_delta`.
    /// (Returns true once per firing: the caller stops the run.)
    pub fn observe(&mut self, rule: &Stopping, epoch: u64, loss: f32) -> bool {
        if rule.patience == 0 || !loss.is_finite() {
            return false;
        }
        match self.best {
            Some((best, _)) if loss > best - rule.min_delta => {}
            _ => self.best = Some((loss, epoch)),
        }
        let (_, best_epoch) = self.best.unwrap_or((loss, epoch));
        epoch >= best_epoch + u64::from(rule.patience)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_after_patience_epochs_without_improvement() {
        let rule = Stopping {
            patience: 3,
            min_delta: 0.01,
            ..Stopping::default()
        };
        let mut s = EarlyStopper::default();
        // Epoch 1: 1.0 (best); 2: 0.5 (best); 3: 0.495 (not by 0.01); 4: 0.6; 5: 0.499 → fires (5 ≥ 2 + 3).
        let losses = [1.0, 0.5, 0.495, 0.6, 0.499];
        let fired: Vec<bool> = losses
            .iter()
            .enumerate()
            .map(|(i, &l)| s.observe(&rule, i as u64 + 1, l))
            .collect();
        assert_eq!(fired, vec![false, false, false, false, true]);
        assert_eq!(s.best(), Some((0.5, 2)));
    }

    #[test]
    fn off_when_patience_is_zero() {
        let mut s = EarlyStopper::default();
        for e in 1..100 {
            assert!(!s.observe(&Stopping::default(), e, 1.0));
        }
    }
}
