//! Reading a model file: everything is checked before anything is handed to
//! the page (the format and version, the JSON's syntax and schema with line
//! and column, the setup's link, every layer's shape against the setup's
//! sizes, finite values, the embedded file), so a bad file changes nothing.

use super::schema::{ModelFile, FORMAT, VERSION};
use crate::activation::Activation;
use crate::table::{read as read_table, ReadOptions, MAX_BYTES};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;
use std::fmt;

/// What the page needs to open a model file.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The setup's link.
    pub hash: String,
    /// Every weight and bias in `params::Layout` order (`Snapshot::params`).
    pub params: Vec<f32>,
    pub epoch: f64,
    /// The imported file the link does not carry: its name and bytes.
    pub file: Option<(String, Vec<u8>)>,
    /// The whole file as read.
    pub model: ModelFile,
}

/// Why a model file cannot be opened; each says what and where.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    Empty,
    /// Not JSON, or JSON that does not follow the schema (serde_json's words).
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a model file (its `format`, if any).
    NotAModel {
        format: String,
    },
    /// A model file of another version.
    Version {
        found: String,
    },
    /// The setup's link has settings this build cannot use.
    Setup {
        problems: Vec<String>,
    },
    /// `sizes` differ from the layer sizes the setup builds.
    Sizes {
        file: Vec<usize>,
        setup: Vec<usize>,
    },
    Layers {
        found: usize,
        expected: usize,
    },
    /// Weight layer `layer` (from 1) has `found` rows of weights (or biases), the setup `expected`.
    Rows {
        layer: usize,
        biases: bool,
        found: usize,
        expected: usize,
    },
    /// Row `row` (from 1) of weight layer `layer` has `found` weights, the setup `expected`.
    Row {
        layer: usize,
        row: usize,
        found: usize,
        expected: usize,
    },
    Activation {
        layer: usize,
        found: String,
        expected: String,
    },
    /// A weight (`column` Some) or bias that is not a finite f32.
    NotFinite {
        layer: usize,
        row: usize,
        column: Option<usize>,
    },
    /// The setup trains on imported data but the file has no `data`.
    NoData,
    /// The link does not carry the imported file and the model file does not embed it.
    NoFile {
        columns: Vec<String>,
    },
    /// The embedded file cannot be unpacked or read.
    File {
        problem: String,
    },
    FileSize {
        found: usize,
        expected: usize,
    },
    FileColumns {
        found: Vec<String>,
        expected: Vec<String>,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |v: usize| v.to_string();
        let list = |v: &[String]| v.join(", ");
        let sizes = |v: &[usize]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join("–");
        let text = match self {
            Self::Empty => crate::t!("model-e-empty"),
            Self::Json { line, column, message } => crate::t!(
                "model-e-json",
                line = n(*line),
                column = n(*column),
                message = message.as_str()
            ),
            Self::NotAModel { format } => crate::t!("model-e-format", format = format.as_str()),
            Self::Version { found } => crate::t!(
                "model-e-version",
                found = found.as_str(),
                supported = VERSION.to_string()
            ),
            Self::Setup { problems } => crate::t!("model-e-setup", problems = problems.join("; ")),
            Self::Sizes { file, setup } => crate::t!("model-e-sizes", file = sizes(file), setup = sizes(setup)),
            Self::Layers { found, expected } => {
                crate::t!("model-e-layers", found = n(*found), expected = n(*expected))
            }
            Self::Rows {
                layer,
                biases,
                found,
                expected,
            } => crate::t!(
                if *biases { "model-e-biases" } else { "model-e-rows" },
                layer = n(*layer),
                found = n(*found),
                expected = n(*expected)
            ),
            Self::Row {
                layer,
                row,
                found,
                expected,
            } => crate::t!(
                "model-e-row",
                layer = n(*layer),
                row = n(*row),
                found = n(*found),
                expected = n(*expected)
            ),
            Self::Activation { layer, found, expected } => crate::t!(
                "model-e-activation",
                layer = n(*layer),
                found = found.as_str(),
                expected = expected.as_str()
            ),
            Self::NotFinite {
                layer,
                row,
                column: Some(c),
            } => crate::t!("model-e-weight", layer = n(*layer), row = n(*row), column = n(*c)),
            Self::NotFinite {
                layer,
                row,
                column: None,
            } => {
                crate::t!("model-e-bias", layer = n(*layer), row = n(*row))
            }
            Self::NoData => crate::t!("model-e-no-data"),
            Self::NoFile { columns } => crate::t!("model-e-no-file", columns = list(columns)),
            Self::File { problem } => crate::t!("model-e-file", problem = problem.as_str()),
            Self::FileSize { found, expected } => {
                crate::t!("model-e-file-size", found = n(*found), expected = n(*expected))
            }
            Self::FileColumns { found, expected } => {
                crate::t!("model-e-file-columns", found = list(found), expected = list(expected))
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ReadError {}

fn json_error(e: serde_json::Error) -> ReadError {
    // serde_json's message ends with " at line L column C": the numbers are kept apart.
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(k) => message[..k].to_string(),
        None => message,
    };
    ReadError::Json {
        line: e.line(),
        column: e.column(),
        message,
    }
}

/// What is read first: enough to tell another format or version from a broken file.
#[derive(Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// The embedded file's bytes (inflated up to the import limit).
fn unpack(text: &str) -> Result<Vec<u8>, ReadError> {
    let deflated = URL_SAFE_NO_PAD.decode(text.trim()).map_err(|e| ReadError::File {
        problem: format!("base64url: {e}"),
    })?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_BYTES).map_err(|e| ReadError::File {
        problem: format!("deflate: {:?}", e.status),
    })
}

/// Reads and checks a model file.
pub fn read(bytes: &[u8]) -> Result<Opened, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let head: Head = serde_json::from_slice(bytes).map_err(json_error)?;
    let text = |v: &Option<serde_json::Value>| match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    if head.format.as_ref().and_then(|v| v.as_str()) != Some(FORMAT) {
        return Err(ReadError::NotAModel {
            format: text(&head.format),
        });
    }
    if head.version.as_ref().and_then(|v| v.as_u64()) != Some(u64::from(VERSION)) {
        return Err(ReadError::Version {
            found: text(&head.version),
        });
    }
    let model: ModelFile = serde_json::from_slice(bytes).map_err(json_error)?;

    // The setup, exactly as the page would open its link.
    let decoded = crate::url::decode(&model.setup);
    if !decoded.warnings.is_empty() {
        return Err(ReadError::Setup {
            problems: decoded.warnings.iter().map(|w| w.to_string()).collect(),
        });
    }
    let config = decoded.config;
    let setup = config.layer_sizes();
    if model.sizes != setup {
        return Err(ReadError::Sizes {
            file: model.sizes.clone(),
            setup,
        });
    }
    let weight_layers = setup.len() - 1;
    if model.layers.len() != weight_layers {
        return Err(ReadError::Layers {
            found: model.layers.len(),
            expected: weight_layers,
        });
    }
    let mut params = Vec::with_capacity(crate::params::Layout::new(&setup).len());
    for (l, layer) in model.layers.iter().enumerate() {
        let (n_in, n_out) = (setup[l], setup[l + 1]);
        let expected = if l + 1 == weight_layers {
            config.output_activation()
        } else {
            config.layer_activation(l)
        };
        if Activation::from_key(&layer.activation) != Some(expected) {
            return Err(ReadError::Activation {
                layer: l + 1,
                found: layer.activation.clone(),
                expected: expected.key().to_string(),
            });
        }
        if layer.weights.len() != n_out {
            return Err(ReadError::Rows {
                layer: l + 1,
                biases: false,
                found: layer.weights.len(),
                expected: n_out,
            });
        }
        for (r, row) in layer.weights.iter().enumerate() {
            if row.len() != n_in {
                return Err(ReadError::Row {
                    layer: l + 1,
                    row: r + 1,
                    found: row.len(),
                    expected: n_in,
                });
            }
            if let Some(c) = row.iter().position(|w| !w.is_finite()) {
                return Err(ReadError::NotFinite {
                    layer: l + 1,
                    row: r + 1,
                    column: Some(c + 1),
                });
            }
            params.extend_from_slice(row);
        }
        if layer.biases.len() != n_out {
            return Err(ReadError::Rows {
                layer: l + 1,
                biases: true,
                found: layer.biases.len(),
                expected: n_out,
            });
        }
        if let Some(r) = layer.biases.iter().position(|b| !b.is_finite()) {
            return Err(ReadError::NotFinite {
                layer: l + 1,
                row: r + 1,
                column: None,
            });
        }
        // Layout: a layer's weights, then its biases.
        params.extend_from_slice(&layer.biases);
    }

    // Imported data: the link carries the file, or the model file embeds it.
    let mut file = None;
    if let Some(csv) = &config.csv {
        let data = model.data.as_ref().ok_or(ReadError::NoData)?;
        if csv.data.is_none() {
            let embedded = data.file.as_ref().ok_or_else(|| ReadError::NoFile {
                columns: csv.columns.clone(),
            })?;
            let bytes = unpack(&embedded.deflated_base64url)?;
            if bytes.len() != embedded.bytes {
                return Err(ReadError::FileSize {
                    found: bytes.len(),
                    expected: embedded.bytes,
                });
            }
            let table =
                read_table(&bytes, ReadOptions::default()).map_err(|e| ReadError::File { problem: e.to_string() })?;
            let found: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
            if found != csv.columns {
                return Err(ReadError::FileColumns {
                    found,
                    expected: csv.columns.clone(),
                });
            }
            file = Some((embedded.name.clone(), bytes));
        }
    }
    Ok(Opened {
        hash: model.setup.clone(),
        params,
        epoch: model.epoch as f64,
        file,
        model,
    })
}
