//! Export → NumPy: the page's network as a standalone Python file (NumPy only,
//! Python 3.9+) with its weights, `predict(X)` on the network's inputs, and
//! the pipeline in front of it: `predict_points(xy)` computes the input
//! features of raw (x₁, x₂) pairs (built-in and drawn data, as
//! `crate::features`); `predict_rows(rows)` reads the imported file's rows as
//! `csv.DictReader` gives them and applies the mapping, the type reading
//! (`table::parse_cell`, `parse_date`), the one-hot encoding, the fill-in
//! values, the clipping and the scaling fitted in the page (`prep::prepare`).
//!
//! Both return one row per input: the probabilities of `CLASSES` (the page's
//! "Download predictions" conventions, `export::predictions_csv`: two classes
//! from the signed output as (s + 1)/2; more classes the outputs as they are,
//! softmax probabilities by default), or the predicted value in the target's
//! units (regression, the target scaling undone).
//!
//! Two built-in classes are called "-1" and "+1" (the page's orange and blue,
//! as its confusion matrix names them); more built-in classes "Class 1" …

use super::python::{array, float, list, string, strings};
use crate::activation::Activation;
use crate::config::Config;
use crate::head::{Coding, Head, Task};
use crate::network::Network;
use crate::prep::{Affine, Prepared};
use crate::table::{ColumnKind, Table};
use crate::trainer::Trainer;
use std::fmt::Write;

/// Why no script could be written.
#[derive(Clone, Debug, PartialEq)]
pub enum NumpyError {
    /// The setup trains on an imported file that is not loaded.
    FileMissing,
    /// The imported file read last is not the one in training.
    OtherFile { expected: Vec<String>, found: Vec<String> },
    /// The file no longer prepares as in training (the message says why).
    Prepare(String),
    /// The prepared data gives another number of inputs than the network takes.
    Inputs { data: usize, network: usize },
}

impl std::fmt::Display for NumpyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::FileMissing => f.write_str("the imported file in training is not loaded"),
            Self::OtherFile { expected, found } => write!(
                f,
                "the file read last has columns {found:?}, the run trains on {expected:?}"
            ),
            Self::Prepare(why) => f.write_str(why),
            Self::Inputs { data, network } => {
                write!(f, "the data gives {data} inputs, the network takes {network}")
            }
        }
    }
}

/// How one mapped column's cells become numbers (see `prep::columns`).
#[derive(Clone, Debug, PartialEq)]
enum Reading {
    /// A number as the file writes it (`table::parse_cell`).
    Number,
    /// A date, as days since the column's first date.
    Date { first: f32 },
    /// Text levels, one-hot.
    Category { levels: Vec<String> },
    /// Numbers as levels (a numeric column read as categories), one-hot.
    NumberCategory { levels: Vec<f32> },
}

/// One mapped feature column.
struct MappedColumn {
    name: String,
    /// Position in the file's rows.
    index: usize,
    reading: Reading,
    /// The fill-in value (a number, or a level's position).
    fill: f32,
}

/// The imported file's pipeline, as the page fitted it.
struct Pipeline<'a> {
    columns: Vec<MappedColumn>,
    /// Each input's (low, high) when outliers are clipped.
    clips: Option<Vec<(f32, f32)>>,
    prepared: &'a Prepared,
    delimiter: u8,
    has_header: bool,
    skipped: usize,
    target: String,
}

/// The Python script of the trainer's network and data pipeline. `link` is the
/// page's address of the setup, named in the docstring.
pub fn script(trainer: &Trainer, link: &str) -> Result<String, NumpyError> {
    let c = trainer.config();
    let net = trainer.network();
    let pipeline = match &c.csv {
        Some(setup) => {
            let p = trainer.prepared().ok_or(NumpyError::FileMissing)?;
            let table = trainer.table().ok_or(NumpyError::FileMissing)?;
            let found: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
            if found != setup.columns {
                return Err(NumpyError::OtherFile {
                    expected: setup.columns.clone(),
                    found,
                });
            }
            let mapping = crate::importer::to_mapping(&setup.mapping).map_err(|_| NumpyError::FileMissing)?;
            let fitted = crate::prep::fitted(table, &mapping, p).map_err(|e| NumpyError::Prepare(e.to_string()))?;
            let mapped = crate::prep::columns(table, &mapping);
            let columns = mapping
                .features
                .iter()
                .zip(&fitted.fills)
                .map(|(&f, &fill)| mapped_column(table, &mapped[f], f, fill))
                .collect();
            let target = table
                .columns
                .get(mapping.target)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            Some(Pipeline {
                columns,
                clips: fitted.clips,
                prepared: p,
                delimiter: table.delimiter,
                has_header: table.has_header,
                skipped: table.skipped,
                target,
            })
        }
        None => None,
    };
    let inputs = match &pipeline {
        Some(p) => p.prepared.n_features(),
        None => c.features.len(),
    };
    if inputs != net.n_inputs() {
        return Err(NumpyError::Inputs {
            data: inputs,
            network: net.n_inputs(),
        });
    }
    let head = c.head();
    let task = c.task();
    let mut s = String::new();
    docstring(&mut s, c, net, trainer.epoch(), link, pipeline.as_ref(), task);
    s.push_str("import csv\nimport sys\n\nimport numpy as np\n\n");
    classes_and_inputs(&mut s, c, pipeline.as_ref(), task);
    layers(&mut s, net);
    s.push('\n');
    s.push_str(NETWORK_PY);
    predict(
        &mut s,
        head,
        task,
        pipeline.as_ref().map(|p| &p.prepared.target_scaling),
    );
    match &pipeline {
        Some(p) => rows_part(&mut s, p),
        None => points_part(&mut s, c),
    }
    s.push('\n');
    s.push_str(PRINT_PY);
    Ok(s)
}

fn mapped_column(table: &Table, col: &crate::table::Column, index: usize, fill: f32) -> MappedColumn {
    let original = &table.columns[index];
    let reading = match (original.kind, col.kind) {
        (ColumnKind::Categorical, ColumnKind::Numeric) if crate::table::is_date_column(original) => {
            let first = original
                .levels
                .iter()
                .filter_map(|l| crate::table::parse_date(l))
                .map(|d| d as f32)
                .fold(f32::INFINITY, f32::min);
            Reading::Date { first }
        }
        (ColumnKind::Numeric, ColumnKind::Categorical) => Reading::NumberCategory {
            levels: col.levels.iter().map(|l| l.parse().unwrap_or(f32::NAN)).collect(),
        },
        (_, ColumnKind::Categorical) => Reading::Category {
            levels: col.levels.clone(),
        },
        _ => Reading::Number,
    };
    MappedColumn {
        name: col.name.clone(),
        index,
        reading,
        fill,
    }
}

fn shape(net: &Network) -> String {
    net.sizes()
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(" → ")
}

fn docstring(
    s: &mut String,
    c: &Config,
    net: &Network,
    epoch: u64,
    link: &str,
    pipeline: Option<&Pipeline>,
    task: Task,
) {
    let data = match (pipeline, &c.drawn) {
        (Some(p), _) => format!(
            "an imported file ({} rows)",
            p.prepared.train.len() + p.prepared.validation.len() + p.prepared.test.len()
        ),
        (None, Some(_)) => "drawn points".to_string(),
        (None, None) => format!("the built-in \"{}\" data", c.dataset.key()),
    };
    let what = match task {
        Task::Regression => "a number (regression)".to_string(),
        Task::Classes(k) => format!("{k} classes"),
    };
    let acts: Vec<&str> = net.layers.iter().map(|l| l.activation.key()).collect();
    let _ = writeln!(s, "\"\"\"An nnplay network as NumPy code: {what} from {data}.");
    let _ = writeln!(
        s,
        "\nLayers {} ({}), after {epoch} epochs of training.",
        shape(net),
        acts.join(", ")
    );
    let _ = writeln!(
        s,
        "Exported from nnplay; the setup (open it to see the run again):\n    {link}"
    );
    s.push_str("\nNeeds Python 3.9+ and NumPy. Use it as a module:\n\n");
    let answer = match task {
        Task::Regression => "one predicted value per row",
        Task::Classes(_) => "one row of probabilities per input, columns in the order of CLASSES",
    };
    match pipeline {
        Some(p) => {
            let _ = writeln!(
                s,
                "    import csv, nnplay_model as m\n    with open(\"data.csv\", newline=\"\", encoding=\"utf-8-sig\") as f:\n        out = m.predict_rows(csv.DictReader(f{}))   # {answer}",
                delimiter_arg(p.delimiter)
            );
            s.push_str(
                "\npredict_rows takes the rows of a file like the imported one (dicts as\n\
                 csv.DictReader gives them, or lists in the file's column order) and cleans\n\
                 them as the page did: missing markers (\"\", NA, ?, ...) and stray text get\n\
                 the filled-in value of training, so does a category not seen in the file;\n\
                 one-hot encoding, clipping and scaling as fitted in the page. The target\n\
                 column is not needed. predict(X) takes the network's inputs (prepare_rows).\n",
            );
            s.push_str(
                "\nor from a shell (prints one prediction a row of the file):\n\n    python nnplay_model.py data.csv\n",
            );
        }
        None => {
            let _ = writeln!(
                s,
                "    import nnplay_model as m\n    out = m.predict_points([[1.5, -2.0], [0.0, 3.0]])   # {answer}"
            );
            s.push_str(
                "\npredict_points takes raw (x1, x2) pairs (the picture spans -6 to 6) and\n\
                 computes the network's input features; predict(X) takes those features.\n\
                 \nor from a shell, a CSV file of x1,x2 pairs (prints one prediction a line):\n\n    python nnplay_model.py points.csv\n",
            );
        }
    }
    s.push_str("\"\"\"\n\n");
}

fn delimiter_arg(d: u8) -> &'static str {
    match d {
        b';' => ", delimiter=\";\"",
        b'\t' => ", delimiter=\"\\t\"",
        _ => "",
    }
}

fn classes_and_inputs(s: &mut String, c: &Config, pipeline: Option<&Pipeline>, task: Task) {
    match (task, pipeline) {
        (Task::Regression, Some(p)) => {
            let _ = writeln!(s, "# What is predicted: the file's column {}.", string(&p.target));
            let _ = writeln!(s, "TARGET = {}\nCLASSES = []", string(&p.target));
        }
        (Task::Regression, None) => {
            s.push_str("# What is predicted: the value of the point (regression).\nTARGET = \"value\"\nCLASSES = []\n");
        }
        (Task::Classes(k), _) => {
            let names: Vec<String> = match pipeline {
                Some(p) => p.prepared.classes.clone(),
                None if k == 2 => vec!["-1".into(), "+1".into()],
                None => (1..=k).map(|i| format!("Class {i}")).collect(),
            };
            s.push_str("# The classes, in the order of the probabilities' columns.\n");
            let _ = writeln!(s, "CLASSES = {}", strings(&names));
        }
    }
    let inputs: Vec<String> = match pipeline {
        Some(p) => p.prepared.feature_names.clone(),
        None => c.features.iter().map(|f| f.label().to_string()).collect(),
    };
    s.push_str("# The network's inputs, in order.\n");
    let _ = writeln!(s, "INPUTS = {}\n", strings(&inputs));
}

fn layers(s: &mut String, net: &Network) {
    s.push_str("# The layers: (weights (outputs, inputs), biases (outputs), activation).\nLAYERS = [\n");
    for l in &net.layers {
        let _ = writeln!(
            s,
            "    (\n        {},\n        {},\n        {},\n    ),",
            array(&l.weights, l.n_in, 8),
            array(&l.biases, 0, 8),
            string(l.activation.key())
        );
    }
    s.push_str("]\n\n");
}

/// The activations and the forward pass, as `crate::activation` computes them (in float32).
const NETWORK_PY: &str = include_str!("network.py");

fn predict(s: &mut String, head: Head, task: Task, target: Option<&Affine>) {
    s.push_str("\ndef predict(X):\n");
    match task {
        Task::Regression => {
            let target = target.cloned().unwrap_or(Affine::IDENTITY);
            s.push_str("    \"\"\"The predicted value (n,) for the network's inputs X (n, len(INPUTS)).\"\"\"\n");
            if target == Affine::IDENTITY {
                s.push_str("    return network(X)[:, 0]\n");
            } else {
                let _ = writeln!(
                    s,
                    "    # The network predicts the target scaled as in training: undone here.\n    return network(X)[:, 0] / np.float32({}) + np.float32({})",
                    float(target.scale),
                    float(target.offset)
                );
            }
        }
        Task::Classes(k) => {
            s.push_str(
                "    \"\"\"The probabilities (n, len(CLASSES)) for the network's inputs X (n, len(INPUTS)).\"\"\"\n    out = network(X)\n",
            );
            if k > 2 {
                if head.activation == Activation::Softmax {
                    s.push_str("    return out  # softmax: one probability per class\n");
                } else {
                    s.push_str(
                        "    # Not a softmax output: the outputs as they are (each near 1 for its class), as the page shows them.\n    return out\n",
                    );
                }
            } else {
                let signed = match head.coding {
                    Coding::ZeroOne => "np.float32(2) * out[:, 0] - np.float32(1)  # sigmoid: p(+1) in [0, 1]",
                    Coding::OneHot => "out[:, 1] - out[:, 0]  # softmax over the two classes",
                    _ if head.activation == Activation::Tanh => {
                        "out[:, 0]  # tanh: -1 for the first class, +1 for the second"
                    }
                    _ => "out[:, 0]  # -1 for the first class, +1 for the second (not bounded)",
                };
                let _ = writeln!(
                    s,
                    "    # The output as a value s in [-1, 1], and p(second class) = (s + 1) / 2, as the page does.\n    signed = {signed}\n    second = (signed + np.float32(1)) / np.float32(2)\n    return np.stack([np.float32(1) - second, second], axis=1)"
                );
            }
        }
    }
    s.push('\n');
}

fn points_part(s: &mut String, c: &Config) {
    s.push_str("\ndef features(xy):\n    \"\"\"The network's inputs (n, len(INPUTS)) of raw points xy (n, 2).\"\"\"\n");
    s.push_str("    xy = np.asarray(xy, dtype=np.float32).reshape(-1, 2)\n    x1, x2 = xy[:, 0], xy[:, 1]\n");
    let exprs: Vec<&str> = c
        .features
        .iter()
        .map(|f| match f.key() {
            "x1" => "x1",
            "x2" => "x2",
            "x1sq" => "x1 * x1",
            "x2sq" => "x2 * x2",
            "x1x2" => "x1 * x2",
            "sinx1" => "np.sin(x1)",
            _ => "np.sin(x2)",
        })
        .collect();
    let _ = writeln!(s, "    return np.stack([{}], axis=1)\n", exprs.join(", "));
    s.push_str(
        "\ndef predict_points(xy):\n    \"\"\"predict() of raw (x1, x2) points: one row per point.\"\"\"\n    return predict(features(xy))\n\n",
    );
    s.push('\n');
    s.push_str(POINTS_MAIN_PY);
}

const POINTS_MAIN_PY: &str = include_str!("points_main.py");

fn rows_part(s: &mut String, p: &Pipeline) {
    let pr = p.prepared;
    s.push_str("# How the imported file was read: its delimiter, whether its first row names\n# the columns, leading lines left out.\n");
    let delimiter = match p.delimiter {
        b';' => "\";\"",
        b'\t' => "\"\\t\"",
        _ => "\",\"",
    };
    let _ = writeln!(
        s,
        "DELIMITER = {delimiter}\nHEADER = {}\nSKIPPED_LINES = {}\n",
        if p.has_header { "True" } else { "False" },
        p.skipped
    );
    s.push_str(
        "# The mapped columns in the network's order: the column's name and position\n\
         # in the file, how its cells are read, and the value that fills in a missing\n\
         # one (fitted on the training rows; for categories the level's position).\n\
         COLUMNS = [\n",
    );
    for c in &p.columns {
        let (read, extra) = match &c.reading {
            Reading::Number => ("number", String::new()),
            Reading::Date { first } => ("date", format!(", \"first\": {}", float(*first))),
            Reading::Category { levels } => ("category", format!(", \"levels\": {}", strings(levels))),
            Reading::NumberCategory { levels } => ("number-category", format!(", \"levels\": {}", list(levels))),
        };
        let fill = match c.reading {
            Reading::Number | Reading::Date { .. } => float(c.fill),
            _ => (c.fill as usize).to_string(),
        };
        let _ = writeln!(
            s,
            "    {{\"name\": {}, \"index\": {}, \"read\": \"{read}\"{extra}, \"fill\": {fill}}},",
            string(&c.name),
            c.index
        );
    }
    s.push_str("]\n");
    let decimal_comma = p.delimiter == b';';
    let _ = writeln!(
        s,
        "# Numbers may use decimal commas (\"5,1\") in a semicolon-separated file.\nDECIMAL_COMMA = {}",
        if decimal_comma { "True" } else { "False" }
    );
    if let Some(clips) = &p.clips {
        let (lo, hi): (Vec<f32>, Vec<f32>) = clips.iter().copied().unzip();
        let _ = writeln!(
            s,
            "# Inputs clipped to [CLIP_LOW, CLIP_HIGH] (mean ± k standard deviations of training).\nCLIP_LOW = {}\nCLIP_HIGH = {}",
            array(&lo, 0, 0),
            array(&hi, 0, 0)
        );
    } else {
        s.push_str("# Outliers were not clipped.\nCLIP_LOW = None\nCLIP_HIGH = None\n");
    }
    let offsets: Vec<f32> = pr.feature_scaling.iter().map(|a| a.offset).collect();
    let scales: Vec<f32> = pr.feature_scaling.iter().map(|a| a.scale).collect();
    let _ = writeln!(
        s,
        "# Scaling fitted on the training rows: input = (value - OFFSET) * SCALE.\nOFFSET = {}\nSCALE = {}\n",
        array(&offsets, 0, 0),
        array(&scales, 0, 0)
    );
    s.push('\n');
    s.push_str(ROWS_PY);
}

/// Reading the file's cells as `crate::table` does (`is_missing`, `parse_cell`,
/// `parse_date`), then `prep::prepare`'s filling, one-hot encoding, clipping and scaling.
const ROWS_PY: &str = include_str!("rows.py");

/// Printing predictions and the entry point (shared by both kinds of script).
const PRINT_PY: &str = include_str!("print.py");

/// The file name of the download.
pub const FILE_NAME: &str = "nnplay_model.py";
