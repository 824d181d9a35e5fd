//! What the trainer measures (losses, metrics, gradient sizes into the history)
//! and the rules that end a run by themselves (early stopping, an epoch, a target).

use super::Trainer;
use crate::activation::Activation;
use crate::evaluate::{evaluate, Evaluation};
use crate::history::{LossPoint, MAX_LAYERS};
use crate::loss::Loss;
use crate::metrics::Metrics;
use crate::protocol::{FromWorker, RunState};
use crate::stopping::Reason;

impl Trainer {
    pub(super) fn evaluate_on(&mut self, which: Data) -> Evaluation {
        let (x, y) = match which {
            Data::Train => (&self.train_x, &self.train_y),
            Data::Validation => (&self.val_x, &self.val_y),
            Data::Test => (&self.test_x, &self.test_y),
        };
        let shown = self.extras.as_ref().and_then(|e| e.shown(&self.net));
        evaluate(
            shown.as_deref().unwrap_or(&self.net),
            &mut self.buf.ws,
            x,
            y,
            &self.config.head(),
        )
    }

    /// Computes both losses and the metrics (without touching the history).
    pub(super) fn measure(&mut self) {
        let train = self.evaluate_on(Data::Train);
        let test = self.evaluate_on(Data::Test);
        self.losses = (train.loss, test.loss);
        // Imported numbers to predict: errors in the target's own units (the loss stays scaled).
        let scale = self.csv.as_ref().map_or(1.0, |(p, _)| p.target_scaling.scale);
        self.metrics = (train.metrics.in_units(scale), test.metrics.in_units(scale));
    }

    /// The losses (the validation loss too) and the test metrics of the current
    /// weights: what a search trial's objective is read from.
    pub fn scores(&mut self) -> crate::search::Scores {
        self.measure();
        let validation_loss = if self.val_x.is_empty() {
            f32::NAN
        } else {
            self.evaluate_on(Data::Validation).loss
        };
        crate::search::Scores {
            train_loss: self.losses.0,
            test_loss: self.losses.1,
            validation_loss,
            test: self.metrics.1.clone(),
        }
    }

    /// Starts a fresh run of `config` (its data from its seed, new weights) that
    /// records its history every `stride` epochs: a search trial.
    pub fn restart(&mut self, config: crate::config::Config, stride: u64) -> Result<(), String> {
        if let Some(setup) = &config.csv {
            self.ensure_csv(setup)?;
        }
        self.config = config;
        self.regenerate();
        self.history.set_stride(stride);
        Ok(())
    }

    pub fn history(&self) -> &crate::history::LossHistory {
        &self.history
    }

    /// A saturated output that keeps the run stuck (`health::Fault::Saturated`), checked
    /// from epoch 16 on at powers of two and every 256 epochs (a forward pass over the
    /// training points each time). Only for a squashing output trained with a loss whose
    /// gradient carries its slope (squared error, Huber): with cross-entropy the slope cancels.
    pub(super) fn saturation(&mut self) -> Option<crate::health::Fault> {
        let e = self.epoch;
        if e < 16 || !(e.is_power_of_two() || e % 256 == 0) || self.config.classes() != 2 {
            return None;
        }
        let activation = self.config.output_activation();
        let squashing = matches!(activation, Activation::Tanh | Activation::Sigmoid);
        let slope_in_gradient = matches!(self.config.loss(), Loss::HalfSquaredError | Loss::Huber);
        if !squashing || !slope_in_gradient {
            return None;
        }
        let accuracy = self.metrics.0.headline();
        // A NaN accuracy is no evidence of being stuck either.
        if accuracy.is_nan() || accuracy >= crate::health::STUCK_ACCURACY {
            return None;
        }
        let share = crate::health::saturation(&self.net, &mut self.buf.ws, &self.train_x);
        (share >= crate::health::SATURATED_SHARE).then_some(crate::health::Fault::Saturated {
            share,
            accuracy,
            activation,
        })
    }

    /// Computes both losses and the metrics, and keeps them in the history if it wants this epoch.
    pub(super) fn record(&mut self) {
        self.measure();
        let mut grads = [0.0; MAX_LAYERS];
        grads.iter_mut().zip(&self.buf.grad_rms).for_each(|(g, &v)| *g = v);
        self.history.push(LossPoint {
            epoch: self.epoch,
            train: self.losses.0,
            test: self.losses.1,
            train_metric: self.metrics.0.headline(),
            test_metric: self.metrics.1.headline(),
            grads,
        });
    }

    /// The stopping rules after an epoch; Some(reason) when the run should stop.
    pub(super) fn stopping_reason(&mut self) -> Option<Reason> {
        let rule = self.config.stopping;
        if rule.patience > 0 {
            let (which, watched) = if self.val_x.is_empty() {
                (Data::Train, "training")
            } else {
                (Data::Validation, "validation")
            };
            let loss = self.evaluate_on(which).loss;
            let before = self.stopper.best();
            let fired = self.stopper.observe(&rule, self.epoch, loss);
            if self.stopper.best() != before {
                self.best.copy_params_from(&self.net);
            }
            if fired {
                let (best, best_epoch) = self.stopper.best().unwrap_or((loss, self.epoch));
                return Some(Reason::NoImprovement {
                    watched,
                    patience: rule.patience,
                    best,
                    best_epoch,
                    restored: rule.restore_best,
                });
            }
        }
        if rule.target_loss > 0.0 || rule.target_accuracy > 0.0 {
            let e = self.evaluate_on(Data::Train);
            if rule.target_loss > 0.0 && e.loss <= rule.target_loss {
                return Some(Reason::TargetLoss {
                    loss: e.loss,
                    target: rule.target_loss,
                });
            }
            let accuracy = match e.metrics {
                Metrics::Classification { accuracy, .. } => accuracy * 100.0,
                Metrics::Regression { .. } => 0.0,
            };
            if rule.target_accuracy > 0.0 && accuracy >= rule.target_accuracy {
                return Some(Reason::TargetAccuracy {
                    accuracy,
                    target: rule.target_accuracy,
                });
            }
        }
        if rule.at_epoch > 0 && self.epoch >= rule.at_epoch {
            return Some(Reason::AtEpoch(rule.at_epoch));
        }
        None
    }

    /// Ends the run for a stopping rule (going back to the best weights if asked) and says why.
    pub(super) fn finish(&mut self, reason: Reason) -> FromWorker {
        let epoch = self.epoch;
        if let Reason::NoImprovement {
            restored: true,
            best_epoch,
            ..
        } = reason
        {
            self.net.copy_params_from(&self.best);
            self.good.copy_params_from(&self.net);
            self.epoch = best_epoch;
            self.good_epoch = best_epoch;
            self.buf.state.reset();
        }
        self.state = RunState::Paused;
        self.record();
        FromWorker::Finished {
            message: reason.message(epoch),
        }
    }
}

/// Which rows to evaluate.
#[derive(Clone, Copy)]
pub(super) enum Data {
    Train,
    Validation,
    Test,
}
