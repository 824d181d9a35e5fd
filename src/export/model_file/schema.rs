//! The model file's schema, version 1. Field order is the written order.
//!
//! ```text
//! { "format": "nnplay-model", "version": 1,
//!   "setup": "<the page's link, after #>",
//!   "sizes": [inputs, hidden…, outputs],
//!   "layers": [ { "activation": "tanh",
//!                 "weights": [[w(to 0, from 0), …], …],   // (outputs, inputs)
//!                 "biases": [b(0), …] }, … ],
//!   "epoch": 120, "loss": { "train": 0.0123, "test": 0.0231 },
//!   "classes": ["−1", "+1"],
//!   "data": null | { imported data: see `DataFile` } }
//! ```

use crate::importer::MappingRequest;
use serde::{Deserialize, Serialize};

/// The value of `format`.
pub const FORMAT: &str = "nnplay-model";
/// The value of `version` this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    pub format: String,
    pub version: u32,
    /// The setup as the page's link (`url::encode`, without `#`).
    pub setup: String,
    /// Neurons per layer: inputs, hidden layers, outputs.
    pub sizes: Vec<usize>,
    /// One per weight layer (the last is the output layer).
    pub layers: Vec<LayerFile>,
    /// Epochs trained when saved.
    pub epoch: u64,
    /// The losses shown when saved (what the opened file shows again).
    pub loss: Losses,
    /// Class names as the page shows them, in the outputs' order (empty for regression).
    pub classes: Vec<String>,
    /// Imported data: how it was mapped and prepared (null for built-in data).
    #[serde(default)]
    pub data: Option<DataFile>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerFile {
    /// The activation's key as in links (`relu`, `tanh`, `softmax`, …).
    pub activation: String,
    /// (outputs, inputs): `weights[to][from]`.
    pub weights: Vec<Vec<f32>>,
    /// (outputs)
    pub biases: Vec<f32>,
}

/// null where the loss was not a finite number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Losses {
    pub train: Option<f32>,
    pub test: Option<f32>,
}

/// Imported data: the file's columns, the mapping, and what was fitted on the training rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataFile {
    /// The file's column names.
    pub columns: Vec<String>,
    /// The mapping as the page's import panel set it (column numbers count from 0).
    pub mapping: MappingRequest,
    /// The target column's name.
    pub target: String,
    /// Regression: value = network output / scale + offset (classes: 0 and 1).
    pub target_offset: f32,
    pub target_scale: f32,
    /// The network's inputs in order: x' = (clip(x or fill) − offset) · scale.
    pub features: Vec<Feature>,
    /// The file itself, when the link does not carry it (more than 2,000 cells).
    #[serde(default)]
    pub file: Option<EmbeddedFile>,
}

/// One network input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feature {
    /// "age", or "city=Paris" for a category's one-hot column.
    pub name: String,
    /// The column it comes from.
    pub column: String,
    /// The category, for a one-hot column.
    #[serde(default)]
    pub category: Option<String>,
    pub offset: f32,
    pub scale: f32,
    /// What a missing cell becomes (a one-hot column: 1 for the most frequent level).
    pub fill: f32,
    /// [lo, hi] in the file's units, when outliers are clipped.
    #[serde(default)]
    pub clip: Option<[f32; 2]>,
}

/// The imported file: deflated, then base64url without padding (as links embed small files).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmbeddedFile {
    pub name: String,
    /// Its size in bytes.
    pub bytes: usize,
    pub deflated_base64url: String,
}
