//! Messages between the page and the training worker. Messages travel as
//! postcard bytes (compact and not self-describing: the page and the worker
//! run the same module, so both ends always agree on the shapes); the bulk
//! numbers of a `Snapshot` travel as transferred Float32Array buffers (see
//! `web::wire`).

use crate::importer::{CsvInfo, MappingReport, MappingRequest, TableInfo};
use serde::{Deserialize, Serialize};

/// Bumped whenever a message changes shape; sent in `Ready`.
pub const PROTOCOL_VERSION: u32 = 7;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// The whole setup as a URL hash (`url::encode`). Shape or data changes
    /// start a new run; learning rate, batch size and regularisation continue it.
    /// `run` is the page's number for this setup; snapshots carry it back so
    /// the page can drop pictures of a setup it has already left.
    Configure {
        hash: String,
        run: u32,
    },
    /// New weights from the same seed, epoch 0, same data.
    Reset {
        run: u32,
    },
    Play,
    Pause,
    /// Exactly one epoch, then a snapshot.
    Step,
    /// The page has drawn the last snapshot; the next may be sent.
    Ack,
    /// Sets weight w[to][from] of layer `layer` (0 = first layer of weights).
    SetWeight {
        layer: u32,
        to: u32,
        from: u32,
        value: f32,
    },
    SetBias {
        layer: u32,
        neuron: u32,
        value: f32,
    },
    /// After a worker restart: go on from these parameters (as `Snapshot::params`) at this epoch.
    Resume {
        params: Vec<f32>,
        epoch: f64,
    },
    /// Liveness check, answered with `Pong` between training slices.
    Ping,
    /// Prepares the imported table with this mapping and reports what cleaning did.
    /// (Reading the bytes is `web::wire`'s `Inspect` message: the bytes travel as a buffer.)
    CheckMapping {
        request: MappingRequest,
    },
    /// Trains on the imported table with this mapping from now on (a new run);
    /// on failure nothing changes. Answered with `CsvInUse` or `ImportFailed`.
    UseCsv {
        request: MappingRequest,
        axes: (u32, u32),
    },
    /// The imported points on their first two principal components, with predictions.
    Projection,
    /// Runs one trial of a search (a search worker's only work), answered with `TrialDone`.
    Trial {
        job: crate::search::trial::TrialJob,
    },
    /// The page's language: the texts of its other language's `MAIN_FILES`
    /// (empty: English). The worker's messages are written in it.
    Language {
        texts: Vec<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunState {
    Paused,
    Playing,
}

/// A picture of the run. Bulk vectors are moved into typed arrays by the glue.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub header: SnapshotHeader,
    /// (DENSITY²) network output over the grid.
    pub output: Vec<f32>,
    /// (hidden neurons, THUMB²) each hidden neuron's output.
    pub neurons: Vec<f32>,
    /// All weights then biases, layer by layer (weights (n_out, n_in) row-major).
    pub params: Vec<f32>,
    /// (points, history::POINT_LEN): epoch, train loss, test loss, train metric, test
    /// metric, then each layer's gradient RMS.
    pub history: Vec<f32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SnapshotHeader {
    /// The page's number of the setup this picture belongs to (see `ToWorker::Configure`).
    pub run: u32,
    /// f64 because JS numbers have no u64.
    pub epoch: f64,
    pub train_loss: f32,
    pub test_loss: f32,
    pub state: RunState,
    /// Layer sizes [inputs, hidden..., outputs].
    pub sizes: Vec<u32>,
    pub train_metrics: crate::metrics::Metrics,
    pub test_metrics: crate::metrics::Metrics,
    /// The learning rate of the next epoch (after the schedule).
    pub learning_rate: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    Ready {
        protocol: u32,
    },
    /// Training stopped by itself; `message` says why in plain words.
    Stopped {
        message: String,
    },
    /// The run stopped by a rule the user set (early stopping, an epoch, a target).
    Finished {
        message: String,
    },
    /// A message could not be applied; the run goes on as before.
    Error {
        message: String,
    },
    Pong,
    /// How much of an imported file has been read (0 … 1).
    ImportProgress {
        fraction: f32,
    },
    /// An imported file was read; the page shows the preview and the mapping.
    TableRead {
        info: TableInfo,
    },
    /// An import step failed; `message` says where. The current data and run are untouched.
    ImportFailed {
        message: String,
    },
    MappingChecked {
        report: MappingReport,
    },
    /// Imported data is in training (also sent when its picture plane changes).
    /// (points, 4): pc1, pc2, label (±1 or the scaled target), the network's output; at most 4,000 points.
    Projection {
        points: Vec<f32>,
    },
    /// A search trial's outcome (`ToWorker::Trial`).
    TrialDone {
        outcome: crate::search::trial::TrialOutcome,
    },
    CsvInUse {
        info: CsvInfo,
        /// The worker's setup as a URL hash: the page takes its `csv` part (mapping, inputs, embedded data).
        hash: String,
    },
}

/// A message as bytes.
pub fn to_bytes<T: Serialize>(message: &T) -> Vec<u8> {
    // Only sequences of unknown length fail to encode, and the messages have none.
    match postcard::to_allocvec(message) {
        Ok(bytes) => bytes,
        // (Not `expect`: the error's Debug text would be carried for nothing.)
        Err(_) => unreachable!("every message encodes"),
    }
}

/// A message from bytes; the error says how many bytes did not fit. (The
/// codec's own error texts are not carried into the page's download.)
pub fn from_bytes<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    match postcard::from_bytes(bytes) {
        Ok(message) => Ok(message),
        Err(_) => Err(format!("{} bytes do not form a message", bytes.len())),
    }
}

#[cfg(test)]
mod tests;
