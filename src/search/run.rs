//! A search under way: which trial to hand to a free worker next, with which
//! values and pruning thresholds, and what came back.
//!
//! Replay does not depend on the number of workers: a grid or random trial's
//! values depend only on the seed and its number; a Bayesian trial k, and any
//! trial's pruning thresholds, use only trials 0 .. `visible(k)`, and trial k
//! is handed out only once all of those have finished. Every trial trains
//! deterministically from its setup, so the same link gives the same results.

use super::domain::{random, Domain, Observation};
use super::objective::Objective;
use super::pruner::{Earlier, Pruner};
use super::setting::Value;
use super::space::Space;
use super::spec::{SearchSpec, Strategy};
use super::tpe::{visible, Tpe};
use super::trial::{TrialJob, TrialOutcome, TrialState};
use crate::config::Config;
use crate::rng::{Rng, Stream};

/// A trial's work per epoch and training row, in multiply-adds: three passes
/// over the weights (forward, backward, gradients), an optimizer update of
/// every parameter per step, and a fixed cost per step. An estimate to order
/// a grid by, never a measurement.
pub fn work(space: &Space, base: &Config, x: &[f64]) -> f64 {
    let Ok(c) = space.config(base, &space.values(x)) else {
        return 0.0;
    };
    let sizes = c.layer_sizes();
    let params: usize = sizes.windows(2).map(|w| (w[0] + 1) * w[1]).sum();
    let batch = f64::from(c.batch_size.max(1));
    params as f64 * (3.0 + 2.0 / batch) + 200.0 / batch
}

/// One trial: its point in the domains, its settings, and its outcome once back.
#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    pub x: Vec<f64>,
    pub values: Vec<Value>,
    pub outcome: Option<TrialOutcome>,
    /// Times it was handed to a worker (a crashed worker's trial is retried once).
    pub tries: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub spec: SearchSpec,
    pub space: Space,
    pub base: Config,
    pub objective: Objective,
    pub total: u32,
    pub trials: Vec<Trial>,
    domains: Vec<Domain>,
    /// A grid's combinations in the order they run (shuffled by the seed).
    order: Vec<u64>,
}

impl Run {
    pub fn new(spec: SearchSpec, space: Space, base: Config, objective: Objective, total: u64) -> Self {
        let domains = space.domains();
        let total = total.min(u64::from(u32::MAX)) as u32;
        let order = if spec.strategy == Strategy::Grid {
            let mut o: Vec<u64> = (0..u64::from(total)).collect();
            Rng::for_epoch(spec.seed, u64::MAX, Stream::Search).shuffle(&mut o);
            // The costliest combinations first (ties in the shuffled order): the
            // last trials to come back are short ones, so no worker waits long
            // at the end for another (longest-processing-time-first scheduling).
            let mut by_cost: Vec<(f64, u32)> = o
                .iter()
                .enumerate()
                .map(|(i, &g)| (-work(&space, &base, &space.grid_point(g)), i as u32))
                .collect();
            super::order::sort(&mut by_cost);
            by_cost.into_iter().map(|(_, i)| o[i as usize]).collect()
        } else {
            Vec::new()
        };
        Self {
            spec,
            space,
            base,
            objective,
            total,
            trials: Vec::new(),
            domains,
            order,
        }
    }

    /// Whether trial k must wait for the trials it may see (Bayesian, or pruning).
    fn waits(&self) -> bool {
        self.spec.strategy == Strategy::Bayesian || self.spec.pruner != Pruner::None
    }

    pub fn done(&self) -> usize {
        self.trials.iter().filter(|t| t.outcome.is_some()).count()
    }

    pub fn is_complete(&self) -> bool {
        self.done() == self.total as usize
    }

    /// The next trial's job if one may start now (None: all handed out, or waiting).
    pub fn next_job(&mut self) -> Option<TrialJob> {
        loop {
            let k = self.trials.len();
            self.draw(k)?;
            // A trial whose values make no network is recorded as failed; go on to the next.
            if let Some(job) = self.job(k) {
                return Some(job);
            }
        }
    }

    /// Draws trial k's values (None: all handed out, or waiting for earlier trials).
    fn draw(&mut self, k: usize) -> Option<()> {
        if k >= self.total as usize {
            return None;
        }
        let seen = visible(k);
        if self.waits() && self.trials[..seen].iter().any(|t| t.outcome.is_none()) {
            return None;
        }
        let mut rng = Rng::for_epoch(self.spec.seed, k as u64, Stream::Search);
        let x = match self.spec.strategy {
            Strategy::Grid => self.space.grid_point(self.order[k]),
            Strategy::Random => random(&self.domains, &mut rng),
            Strategy::Bayesian => {
                let observe = |t: &Trial| Observation {
                    values: t.x.clone(),
                    objective: t.outcome.as_ref().map_or(f64::INFINITY, |o| self.cost(o)),
                };
                // Trials seen..k may still run: TPE counts them as poor (Optuna's constant liar),
                // from their values alone, which are known whatever has finished.
                let observed: Vec<Observation> = self.trials[..seen].iter().map(observe).collect();
                let pending: Vec<Observation> = self.trials[seen..].iter().map(observe).collect();
                Tpe::default().suggest(&self.domains, &observed, &pending, &mut rng)
            }
        };
        let values = self.space.values(&x);
        self.trials.push(Trial {
            x,
            values,
            outcome: None,
            tries: 0,
        });
        Some(())
    }

    /// The cost (lower is better) a finished trial counts with.
    pub fn cost(&self, o: &TrialOutcome) -> f64 {
        match o.state {
            TrialState::Done | TrialState::Pruned => self.objective.cost(o.objective),
            _ => f64::INFINITY,
        }
    }

    /// Trial k's job again (a new try after its worker crashed), or its first.
    pub fn job(&mut self, k: usize) -> Option<TrialJob> {
        let seen = visible(k);
        let earlier: Vec<Earlier> = self.trials[..seen.min(self.trials.len())]
            .iter()
            .filter_map(|t| t.outcome.as_ref())
            .map(|o| Earlier {
                costs: &o.costs,
                finished: o.state == TrialState::Done,
            })
            .collect();
        let checks = self.spec.pruner.thresholds(self.spec.epochs, &earlier);
        let config = match self.space.config(&self.base, &self.trials[k].values) {
            Ok(c) => c,
            Err(message) => {
                self.finish(TrialOutcome::failed(k as u32, message));
                return None;
            }
        };
        self.trials[k].tries += 1;
        Some(TrialJob {
            k: k as u32,
            hash: crate::url::encode(&config),
            epochs: self.spec.epochs,
            repeats: self.spec.repeats,
            objective: self.objective,
            checks,
        })
    }

    pub fn finish(&mut self, outcome: TrialOutcome) {
        if let Some(t) = self.trials.get_mut(outcome.k as usize) {
            t.outcome = Some(outcome);
        }
    }

    /// The best trial that ran to the end (ties: the earlier).
    pub fn best(&self) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for (k, t) in self.trials.iter().enumerate() {
            let Some(o) = t.outcome.as_ref().filter(|o| o.state == TrialState::Done) else {
                continue;
            };
            let c = self.cost(o);
            if c.is_finite() && best.map_or(true, |(_, b)| c < b) {
                best = Some((k, c));
            }
        }
        best.map(|(k, _)| k)
    }

    /// The setup of trial k as the playground opens it (the first repeat's seed).
    pub fn trial_config(&self, k: usize) -> Option<Config> {
        self.space.config(&self.base, &self.trials.get(k)?.values).ok()
    }
}
