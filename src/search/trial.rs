//! One trial of a search, as a worker runs it: the trial's setup trained for
//! its epochs once per repeat (seeds base, base + 1, …), checked against the
//! pruner's thresholds, and summed up. Pure: the worker glue only times it.

use super::objective::Objective;
use super::pruner::Check;
use crate::protocol::FromWorker;
use crate::trainer::Trainer;
use serde::{Deserialize, Serialize};

/// Points kept of a trial's loss curves.
pub const CURVE_POINTS: u64 = 50;

/// What a worker is asked to run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrialJob {
    /// The trial's number in its search.
    pub k: u32,
    /// The trial's setup as a link (`url::encode`), with the first repeat's seed.
    pub hash: String,
    pub epochs: u32,
    pub repeats: u32,
    pub objective: Objective,
    pub checks: Vec<Check>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TrialState {
    Done,
    /// Stopped by the pruner.
    Pruned,
    /// The training diverged (or stopped on a fault); the message says why.
    Diverged,
    /// The trial could not run (its setup, its data, or its worker).
    Failed,
}

impl TrialState {
    pub fn label(&self) -> String {
        crate::t!(match self {
            Self::Done => "trial-done",
            Self::Pruned => "trial-pruned",
            Self::Diverged => "trial-diverged",
            Self::Failed => "trial-failed",
        })
    }
}

/// What a trial gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrialOutcome {
    pub k: u32,
    pub state: TrialState,
    /// Why it diverged or failed (empty otherwise).
    pub message: String,
    /// The objective, mean over the repeats (in its own orientation; NaN when none).
    pub objective: f64,
    /// The repeats' standard deviation (0 for one repeat).
    pub spread: f64,
    pub train_loss: f32,
    pub test_loss: f32,
    /// Test accuracy (classes) or R² (numbers).
    pub test_metric: f32,
    /// Epochs the first repeat ran.
    pub epochs: u32,
    /// The mean cost (lower is better) at each check reached (NaN after the trial stopped).
    pub costs: Vec<f64>,
    /// The first repeat's curves: (epoch, train loss, test loss) per point.
    pub curve: Vec<[f32; 3]>,
    /// Wall time in ms, measured by the worker's glue.
    pub wall_ms: f64,
}

impl TrialOutcome {
    pub fn failed(k: u32, message: String) -> Self {
        Self {
            k,
            state: TrialState::Failed,
            message,
            objective: f64::NAN,
            spread: 0.0,
            train_loss: f32::NAN,
            test_loss: f32::NAN,
            test_metric: f32::NAN,
            epochs: 0,
            costs: Vec::new(),
            curve: Vec::new(),
            wall_ms: 0.0,
        }
    }
}

/// Runs `job` on `trainer` (which holds any imported table the setup trains on).
pub fn run(trainer: &mut Trainer, job: &TrialJob) -> TrialOutcome {
    let decoded = crate::url::decode(&job.hash);
    let base = decoded.config;
    let stride = (u64::from(job.epochs) / CURVE_POINTS).max(1);
    let mut out = TrialOutcome::failed(job.k, String::new());
    out.state = TrialState::Done;
    let mut sums = vec![0.0; job.checks.len()];
    let mut counts = vec![0u32; job.checks.len()];
    let mut values = Vec::new();
    'repeats: for r in 0..job.repeats.max(1) {
        let mut c = base.clone();
        c.seed = base.seed.wrapping_add(r);
        if let Err(message) = trainer.restart(c, stride) {
            return TrialOutcome::failed(job.k, message);
        }
        let mut best = f64::INFINITY;
        let mut check = job.checks.iter().enumerate().peekable();
        let mut pruned = false;
        while trainer.epoch() < u64::from(job.epochs) {
            match trainer.train_epoch() {
                Some(FromWorker::Stopped { message }) => {
                    out.state = TrialState::Diverged;
                    out.message = message;
                    out.epochs = trainer.epoch() as u32;
                    values.clear();
                    break 'repeats;
                }
                Some(_) => break, // the setup's own stopping rule
                None => {}
            }
            if let Some(&(i, ch)) = check.peek().filter(|(_, ch)| u64::from(ch.epoch) == trainer.epoch()) {
                check.next();
                let cost = job.objective.cost(job.objective.value(&trainer.scores()));
                sums[i] += cost;
                counts[i] += 1;
                best = best.min(cost);
                if (if ch.best_so_far { best } else { cost }) > ch.threshold {
                    pruned = true;
                    break;
                }
            }
        }
        let s = trainer.scores();
        values.push(job.objective.value(&s));
        if r == 0 {
            out.train_loss = s.train_loss;
            out.test_loss = s.test_loss;
            out.test_metric = s.test.headline();
            out.epochs = trainer.epoch() as u32;
            out.curve = trainer
                .history()
                .points()
                .iter()
                .map(|p| [p.epoch as f32, p.train, p.test])
                .collect();
        }
        if pruned {
            out.state = TrialState::Pruned;
            break;
        }
    }
    out.costs = sums
        .iter()
        .zip(&counts)
        .map(|(s, &n)| if n == 0 { f64::NAN } else { s / f64::from(n) })
        .collect();
    if !values.is_empty() {
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        out.objective = mean;
        out.spread = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
    }
    out
}
