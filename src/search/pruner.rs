//! Stopping poor trials early. A trial measures its objective at a few check
//! epochs; a pruner turns the earlier trials' values into one threshold per
//! check, fixed when the trial starts, so the worker needs no round trip and
//! the verdict never depends on which worker finished first.
//!
//! - Median rule (Optuna's `MedianPruner`, from Google Vizier, Golovin et al. 2017):
//!   at each of 9 checks (every tenth of the epochs), stop when the trial's best
//!   value so far is worse than the median of the finished trials' values at
//!   that epoch; from 5 finished trials on.
//! - Successive halving (asynchronous, "ASHA", Li et al. 2018, as Optuna's
//!   `SuccessiveHalvingPruner`), reduction factor η = 3: rungs at 1/27, 1/9 and
//!   1/3 of the epochs; a trial goes on from a rung only if its value there is
//!   among the best ⌊n/η⌋ (at least 1) of the n trials (itself included) that
//!   reached the rung.

use serde::{Deserialize, Serialize};

/// The halving's reduction factor.
pub const ETA: u32 = 3;
/// The median rule waits for this many finished trials.
pub const MEDIAN_STARTUP: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Pruner {
    #[default]
    None,
    Median,
    Halving,
}

/// One check of a running trial: at `epoch`, go on only if the cost (lower is
/// better; the best so far for the median rule) is at most `threshold`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub epoch: u32,
    pub threshold: f64,
    pub best_so_far: bool,
}

/// An earlier trial as the pruners see it: its cost at each check (NaN where it
/// stopped before), and whether it ran to the end.
pub struct Earlier<'a> {
    pub costs: &'a [f64],
    pub finished: bool,
}

impl Pruner {
    pub const ALL: [Pruner; 3] = [Self::None, Self::Median, Self::Halving];

    pub fn key(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Median => "median",
            Self::Halving => "halving",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn label(self) -> String {
        crate::i18n::keyed("pruner", self.key())
    }

    /// The check epochs of a trial of `epochs` epochs (increasing, below `epochs`).
    pub fn checks(self, epochs: u32) -> Vec<u32> {
        let mut v: Vec<u32> = match self {
            Self::None => Vec::new(),
            Self::Median => (1..10).map(|i| epochs * i / 10).collect(),
            Self::Halving => [ETA * ETA * ETA, ETA * ETA, ETA].iter().map(|d| epochs / d).collect(),
        };
        v.retain(|&e| e >= 1 && e < epochs);
        v.dedup();
        v
    }

    /// The thresholds for a new trial, from the trials it may see.
    pub fn thresholds(self, epochs: u32, earlier: &[Earlier]) -> Vec<Check> {
        let checks = self.checks(epochs);
        checks
            .iter()
            .enumerate()
            .map(|(i, &epoch)| {
                let threshold = match self {
                    Self::None => f64::INFINITY,
                    Self::Median => {
                        let v = super::order::sorted(
                            earlier
                                .iter()
                                .filter(|t| t.finished)
                                .filter_map(|t| t.costs.get(i).copied().filter(|c| !c.is_nan())),
                        );
                        if v.len() < MEDIAN_STARTUP {
                            f64::INFINITY
                        } else {
                            median(&v)
                        }
                    }
                    Self::Halving => {
                        let v = super::order::sorted(
                            earlier
                                .iter()
                                .filter_map(|t| t.costs.get(i).copied().filter(|c| !c.is_nan())),
                        );
                        // n others plus this trial compete; the best q go on.
                        let q = ((v.len() + 1) / ETA as usize).max(1);
                        v.get(q - 1).copied().unwrap_or(f64::INFINITY)
                    }
                };
                Check {
                    epoch,
                    threshold,
                    best_so_far: self == Self::Median,
                }
            })
            .collect()
    }
}

/// The median of sorted values (the mean of the two middle values for an even count).
fn median(v: &[f64]) -> f64 {
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_rule_checks_every_tenth_and_halving_at_its_rungs() {
        assert_eq!(
            Pruner::Median.checks(500),
            vec![50, 100, 150, 200, 250, 300, 350, 400, 450]
        );
        assert_eq!(Pruner::Halving.checks(270), vec![10, 30, 90]);
        assert_eq!(Pruner::Halving.checks(5), vec![1]);
        assert!(Pruner::None.checks(500).is_empty());
    }

    #[test]
    fn the_median_rule_waits_for_five_finished_trials_then_takes_their_median() {
        let costs = [[1.0], [2.0], [3.0], [4.0], [f64::NAN], [0.5]];
        let all: Vec<Earlier> = costs
            .iter()
            .enumerate()
            .map(|(i, c)| Earlier {
                costs: c,
                finished: i != 5,
            })
            .collect();
        // Four finished trials with a value: not yet.
        assert_eq!(Pruner::Median.thresholds(20, &all)[0].threshold, f64::INFINITY);
        let five: Vec<Earlier> = [1.0, 2.0, 3.0, 4.0, 6.0]
            .iter()
            .map(|c| Earlier {
                costs: std::slice::from_ref(c),
                finished: true,
            })
            .collect();
        let t = Pruner::Median.thresholds(20, &five);
        assert_eq!(t.len(), 9);
        assert_eq!(t[0].threshold, 3.0);
        assert!(t[0].best_so_far);
        // The second check has no values yet.
        assert_eq!(t[1].threshold, f64::INFINITY);
    }

    #[test]
    fn halving_lets_the_best_third_of_a_rung_go_on() {
        let costs: Vec<[f64; 3]> = [5.0, 1.0, 4.0, 2.0, 3.0]
            .iter()
            .map(|&c| [c, f64::NAN, f64::NAN])
            .collect();
        let earlier: Vec<Earlier> = costs
            .iter()
            .map(|c| Earlier {
                costs: c,
                finished: false,
            })
            .collect();
        // 5 others + this one: the best 2 go on, so this one must be at most the 2nd best other (2.0).
        let t = Pruner::Halving.thresholds(270, &earlier);
        assert_eq!(t[0].threshold, 2.0);
        assert!(!t[0].best_so_far);
        // With one other, only the better of the two goes on.
        assert_eq!(Pruner::Halving.thresholds(270, &earlier[..1])[0].threshold, 5.0);
        // Alone at a rung, it goes on.
        assert_eq!(Pruner::Halving.thresholds(270, &[])[0].threshold, f64::INFINITY);
    }
}
