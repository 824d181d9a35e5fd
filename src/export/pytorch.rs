//! Export → PyTorch: a standalone script that trains the page's setup with
//! torch, as nnplay trains it. The script is three parts: the setup as plain
//! Python data (`SETUP`, the weights, the rows), the training as nnplay does
//! it (`torch_lib.py`: the network, the losses written so that their gradient
//! is nnplay's output delta, an optimizer class with nnplay's exact update
//! rules, the schedule, early stopping, DistributedDataParallel under
//! torchrun), and a `main`. Export → Optuna (`optuna.rs`) reuses the first two.

use crate::config::Config;
use crate::dataset::split3;
use crate::head::Coding;
use crate::network::Network;
use crate::optimizer::Optimizer;
use crate::schedule::Schedule;
use crate::trainer::Trainer;
use std::fmt::Write as _;

/// The training code every exported script carries.
pub const LIBRARY: &str = include_str!("torch_lib.py");
const MAIN: &str = include_str!("torch_main.py");

/// Rows × columns of data embedded in the script; more go to a CSV file beside it.
pub const EMBED_LIMIT: usize = 40_000;

/// What to export and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// File names start with this (`nnplay-run` gives `nnplay-run.py`, `nnplay-run-data.csv`).
    pub stem: String,
    /// Numbers of data embedded at most (rows × (inputs + 1)).
    pub embed_limit: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            stem: "nnplay-run".into(),
            embed_limit: EMBED_LIMIT,
        }
    }
}

/// An exported script, and its data file when the data is too large to embed.
#[derive(Clone, Debug, PartialEq)]
pub struct Script {
    pub name: String,
    pub text: String,
    /// (file name, CSV text): columns `split`, the inputs, `label`.
    pub data: Option<(String, String)>,
}

/// Why a run cannot be exported.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportError {
    /// The setup trains on an imported file that is not in the trainer.
    NoImportedData,
    /// A weight or a data value is not a finite number.
    NotFinite { what: &'static str, index: usize },
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoImportedData => f.write_str(&crate::t!("torch-no-data")),
            Self::NotFinite { what, index } => f.write_str(&crate::t!(
                if *what == "weight" {
                    "torch-weight-not-finite"
                } else {
                    "torch-data-not-finite"
                },
                index = (index + 1).to_string()
            )),
        }
    }
}

/// A Python string literal.
pub fn py_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An f32 as Python reads it back to the same f32 (the shortest round-trip text).
fn num(v: f32) -> String {
    format!("{v:?}")
}

fn list<T>(items: impl IntoIterator<Item = T>, f: impl Fn(T) -> String) -> String {
    let parts: Vec<String> = items.into_iter().map(f).collect();
    format!("[{}]", parts.join(", "))
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn coding_key(c: Coding) -> &'static str {
    match c {
        Coding::Value => "value",
        Coding::PlusMinus => "plusminus",
        Coding::ZeroOne => "zeroone",
        Coding::OneHot => "onehot",
    }
}

/// An optimizer's hyper-parameters by the names `torch_lib.py` uses.
fn optimizer_params(o: Optimizer) -> String {
    let names = |k: &'static str| -> &'static str {
        match k {
            "mom" => "momentum",
            "eps" => "epsilon",
            "b1" => "beta1",
            "b2" => "beta2",
            "wd" => "weight_decay",
            other => other,
        }
    };
    let parts: Vec<String> = o
        .params()
        .into_iter()
        .map(|(k, v)| format!("{}: {}", py_str(names(k)), num(v)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

fn schedule(c: &Config) -> String {
    let s = c.schedule;
    let shape = match s.kind {
        Schedule::Constant => "\"kind\": \"constant\"".to_string(),
        Schedule::Warmup => "\"kind\": \"warmup\"".to_string(),
        Schedule::Step { every, factor } => {
            format!("\"kind\": \"step\", \"every\": {every}, \"factor\": {}", num(factor))
        }
        Schedule::Exponential { factor } => format!("\"kind\": \"exp\", \"factor\": {}", num(factor)),
        Schedule::Cosine {
            period,
            min_ratio,
            restarts,
        } => format!(
            "\"kind\": \"cosine\", \"period\": {period}, \"min_ratio\": {}, \"restarts\": {}",
            num(min_ratio),
            py_bool(restarts)
        ),
    };
    format!("{{{shape}, \"warmup\": {}}}", s.warmup)
}

/// The epochs a script trains by default: the setup's last epoch, or 100.
pub fn default_epochs(c: &Config) -> u64 {
    if c.stopping.at_epoch > 0 {
        c.stopping.at_epoch
    } else {
        100
    }
}

/// `SETUP = {...}`: every setting the training reads, as Python data.
pub fn setup_dict(c: &Config) -> String {
    let head = c.head();
    let features = match &c.csv {
        Some(_) => "None".to_string(),
        None => list(&c.features, |f| py_str(f.key())),
    };
    let inputs = c.layer_sizes()[0];
    let st = c.stopping;
    let mut s = String::from("SETUP = {\n");
    let mut put = |k: &str, v: String| {
        let _ = writeln!(s, "    {}: {v},", py_str(k));
    };
    put("features", features);
    put("inputs", inputs.to_string());
    put("hidden", list(&c.hidden, |n| n.to_string()));
    put("outputs", head.outputs.to_string());
    put("activation", py_str(c.activation.key()));
    put("layer_activations", list(&c.layer_activations, |a| py_str(a.key())));
    put("output_activation", py_str(head.activation.key()));
    put("dropout", list(&c.dropout, |&r| num(r)));
    put("loss", py_str(head.loss.key()));
    put("coding", py_str(coding_key(head.coding)));
    put("classes", c.classes().to_string());
    put("init", py_str(c.init.key()));
    put("optimizer", py_str(c.optimizer.key()));
    put("optimizer_params", optimizer_params(c.optimizer));
    put("learning_rate", num(c.learning_rate));
    put("schedule", schedule(c));
    put("regularization", py_str(c.regularization.key()));
    put("regularization_rate", num(c.regularization_rate));
    put("clip_norm", num(c.clip_norm));
    put("batch_size", c.batch_size.to_string());
    put("shuffle", py_bool(c.shuffle).into());
    put(
        "stopping",
        format!(
            "{{\"patience\": {}, \"min_delta\": {}, \"restore_best\": {}, \"target_loss\": {}, \"target_accuracy\": {}}}",
            st.patience,
            num(st.min_delta),
            py_bool(st.restore_best),
            num(st.target_loss),
            num(st.target_accuracy)
        ),
    );
    put("seed", c.seed.to_string());
    s.push_str("}\n");
    s
}

/// Per layer (W (n_out, n_in) row by row, b), as Python lists.
fn weights(net: &Network) -> Result<String, ExportError> {
    let mut s = String::from("[\n");
    let mut index = 0;
    for layer in &net.layers {
        for v in layer.weights.iter().chain(&layer.biases) {
            if !v.is_finite() {
                return Err(ExportError::NotFinite { what: "weight", index });
            }
            index += 1;
        }
        let rows = list(layer.weights.chunks(layer.n_in.max(1)), |r| list(r, |&v| num(v)));
        let _ = writeln!(s, "    ({rows},\n     {}),", list(&layer.biases, |&v| num(v)));
    }
    s.push(']');
    Ok(s)
}

/// The rows of each split: the inputs (the points (x1, x2) for built-in data,
/// the prepared inputs for imported data) and the label (class index or value).
type Rows = Vec<(&'static str, Vec<Vec<f32>>)>;

fn rows(t: &Trainer) -> Result<(Vec<String>, Rows), ExportError> {
    let c = t.config();
    if c.csv.is_some() {
        let p = t.prepared().ok_or(ExportError::NoImportedData)?;
        let n = p.n_features();
        let of = |s: &crate::prep::Split| {
            s.x.chunks_exact(n.max(1))
                .zip(&s.y)
                .map(|(x, &y)| x.iter().copied().chain([y]).collect())
                .collect()
        };
        let names = p.feature_names.clone();
        return Ok((
            names,
            vec![
                ("train", of(&p.train)),
                ("validation", of(&p.validation)),
                ("test", of(&p.test)),
            ],
        ));
    }
    // The trainer's own split of the generated (or drawn) points (Trainer::regenerate).
    let (train, validation, test) = split3(&c.points(), c.train_ratio, c.validation);
    let two = c.classes() == 2;
    let of = |pts: &[crate::dataset::Point]| {
        pts.iter()
            .map(|p| {
                let label = if two { f32::from(p.label > 0.0) } else { p.label };
                vec![p.x1, p.x2, label]
            })
            .collect()
    };
    Ok((
        vec!["x1".into(), "x2".into()],
        vec![
            ("train", of(&train)),
            ("validation", of(&validation)),
            ("test", of(&test)),
        ],
    ))
}

fn check_finite(rows: &Rows) -> Result<(), ExportError> {
    let all = rows.iter().flat_map(|(_, r)| r.iter().flatten());
    match all.enumerate().find(|(_, v)| !v.is_finite()) {
        Some((index, _)) => Err(ExportError::NotFinite { what: "data", index }),
        None => Ok(()),
    }
}

fn data_csv(names: &[String], rows: &Rows) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["split".to_string()];
    header.extend(names.iter().cloned());
    header.push("label".into());
    let _ = w.write_record(&header);
    for (split, rs) in rows {
        for r in rs {
            let mut rec = vec![split.to_string()];
            rec.extend(r.iter().map(|&v| num(v)));
            let _ = w.write_record(&rec);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The setup, the weights and the data as the head of a script (everything but
/// the code), and the data file if the data does not fit in it.
pub fn preamble(t: &Trainer, link: &str, opts: &Options) -> Result<(String, Option<(String, String)>), ExportError> {
    let c = t.config();
    let mut s = String::new();
    let _ = writeln!(s, "LINK = {}\n", py_str(link));
    s.push_str(&setup_dict(c));
    let _ = writeln!(
        s,
        "\n# The epochs a run trains by default (--epochs).\nEPOCHS = {}\n",
        default_epochs(c)
    );
    let start = Network::with_activations(
        &c.layer_sizes(),
        &c.hidden_activations(),
        c.output_activation(),
        c.init,
        c.seed,
    );
    let _ = writeln!(
        s,
        "# The playground's starting weights (seed {}): per layer (W (n_out, n_in), b).\nSTART_WEIGHTS = {}\n",
        c.seed,
        weights(&start)?
    );
    let _ = writeln!(
        s,
        "# The page's weights when this file was written, after {} epochs.\nCURRENT_EPOCH = {}\nCURRENT_WEIGHTS = {}\n",
        t.epoch(),
        t.epoch(),
        weights(t.network())?
    );
    let (names, rows) = rows(t)?;
    check_finite(&rows)?;
    let numbers: usize = rows.iter().map(|(_, r)| r.len() * (names.len() + 1)).sum();
    let _ = writeln!(
        s,
        "# The rows of each split: {}, then the label (class number or value).",
        names.join(", ")
    );
    if numbers <= opts.embed_limit {
        s.push_str("DATA_FILE = None\nDATA = {\n");
        for (split, rs) in &rows {
            let _ = writeln!(s, "    {}: [", py_str(split));
            for r in rs {
                let _ = writeln!(s, "        {},", list(r, |&v| num(v)));
            }
            s.push_str("    ],\n");
        }
        s.push_str("}\n");
        Ok((s, None))
    } else {
        let file = format!("{}-data.csv", opts.stem);
        let _ = writeln!(s, "DATA_FILE = {}  # next to this script\nDATA = None", py_str(&file));
        Ok((s, Some((file, data_csv(&names, &rows)))))
    }
}

const SHEBANG: &str = "#!/usr/bin/env python3\n";

/// The PyTorch script of the trainer's run (its setup, starting and current
/// weights and data), `link` being the page's link.
pub fn pytorch(t: &Trainer, link: &str, opts: &Options) -> Result<Script, ExportError> {
    let (head, data) = preamble(t, link, opts)?;
    let doc = format!(
        "\"\"\"An nnplay run in PyTorch: the same network, starting weights, loss, optimizer,\n\
         learning-rate schedule, regularisation, clipping, early stopping, minibatches and\n\
         shuffling as the playground. It prints the losses after every epoch.\n\n\
         \x20   python {name}                      # from the playground's starting weights\n\
         \x20   python {name} --weights current    # go on from the page's weights\n\
         \x20   python {name} --weights fresh      # a new draw of the same scheme in torch\n\
         \x20   torchrun --nproc_per_node=4 {name} # data-parallel (gloo on CPU)\n\n\
         Needs torch (pip install torch).{csv}\n\"\"\"\n",
        name = format_args!("{}.py", opts.stem),
        csv = data
            .as_ref()
            .map(|(f, _)| format!(" Reads its data from {f} next to it."))
            .unwrap_or_default(),
    );
    Ok(Script {
        name: format!("{}.py", opts.stem),
        text: format!("{SHEBANG}{doc}\n{head}{LIBRARY}{MAIN}"),
        data,
    })
}

#[cfg(test)]
pub(crate) mod tests;
