//! The page's run, rebuilt outside the page: the module that exports it (model
//! files, code, pictures) gets the page's setup (its link), the last drawn
//! weights and epoch, and the imported file in training, and replays the
//! messages the page's worker got, in the order a restarted worker gets them
//! (`page::Model::worker_crashed`): the file read and mapped, the setup, then
//! the weights. The result is the page's `Trainer` state: the same prepared
//! data (mapping, fitted scaling, split), the same network, bit for bit.

use crate::importer::MappingRequest;
use crate::protocol::{FromWorker, ToWorker};
use crate::table::ReadOptions;
use crate::trainer::Trainer;

/// The imported file in training: its bytes, how they were read and mapped.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvInput {
    pub bytes: Vec<u8>,
    pub options: ReadOptions,
    pub request: MappingRequest,
    /// The picture's plane (two input columns).
    pub axes: (u32, u32),
}

/// The page's run as the exports see it.
pub struct Run {
    /// The page's link (`url::encode` of its setup).
    pub hash: String,
    pub trainer: Trainer,
    /// The run's history as the last snapshot carried it: (points, `history::POINT_LEN`).
    pub history: Vec<f32>,
}

/// Why a run could not be rebuilt (the message is the worker's own, in words).
#[derive(Clone, Debug, PartialEq)]
pub struct RebuildError(pub String);

impl std::fmt::Display for RebuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn failed(out: &[FromWorker]) -> Option<RebuildError> {
    out.iter().find_map(|m| match m {
        FromWorker::ImportFailed { message } | FromWorker::Error { message } | FromWorker::Stopped { message } => {
            Some(RebuildError(message.clone()))
        }
        _ => None,
    })
}

impl Run {
    /// The run of setup `hash` with `params` (as `Snapshot::params`; empty: the
    /// setup's starting weights) at `epoch`, on the imported file `csv` when the
    /// setup trains on one that its link does not carry.
    pub fn rebuild(
        hash: &str,
        csv: Option<&CsvInput>,
        params: &[f32],
        epoch: f64,
        history: Vec<f32>,
    ) -> Result<Run, RebuildError> {
        let mut trainer = Trainer::new(crate::config::Config::default());
        if let Some(c) = csv {
            if let FromWorker::ImportFailed { message } = trainer.inspect(&c.bytes, c.options) {
                return Err(RebuildError(message));
            }
            let (out, _) = trainer.handle(ToWorker::UseCsv {
                request: c.request.clone(),
                axes: c.axes,
            });
            if let Some(e) = failed(&out) {
                return Err(e);
            }
        }
        let (out, _) = trainer.handle(ToWorker::Configure {
            hash: hash.to_string(),
            run: 0,
        });
        if let Some(e) = failed(&out) {
            return Err(e);
        }
        if !params.is_empty() {
            let (out, _) = trainer.handle(ToWorker::Resume {
                params: params.to_vec(),
                epoch,
            });
            if let Some(e) = failed(&out) {
                return Err(e);
            }
        }
        Ok(Run {
            hash: hash.to_string(),
            trainer,
            history,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run rebuilt from a link and weights has those weights and the page's losses.
    #[test]
    fn rebuilt_run_has_the_weights_and_the_same_losses() {
        let hash = "data=spiral&net=6,4&act=tanh&lr=0.03&seed=5";
        let mut page = Trainer::new(crate::config::Config::default());
        page.handle(ToWorker::Configure {
            hash: hash.into(),
            run: 0,
        });
        for _ in 0..7 {
            page.handle(ToWorker::Step);
        }
        let s = page.snapshot();
        let run = Run::rebuild(hash, None, &s.params, s.header.epoch, s.history.clone()).unwrap();
        assert_eq!(run.trainer.network().params(), s.params);
        assert_eq!(run.trainer.epoch(), 7);
        let (train, test) = run.trainer.losses();
        assert_eq!(
            (train.to_bits(), test.to_bits()),
            (s.header.train_loss.to_bits(), s.header.test_loss.to_bits())
        );
    }

    #[test]
    fn weights_of_another_shape_are_refused_with_the_reason() {
        let e = Run::rebuild("data=circle&net=4,2", None, &[0.5; 7], 3.0, Vec::new())
            .err()
            .unwrap();
        assert!(!e.0.is_empty());
    }
}
