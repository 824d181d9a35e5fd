//! Writing a model file from the page's run.

use super::schema::{DataFile, EmbeddedFile, Feature, LayerFile, Losses, ModelFile, FORMAT, VERSION};
use crate::dataset::Problem;
use crate::export::run::Run;
use crate::prep::Prepared;

/// The downloaded file's name.
pub const FILE_NAME: &str = "nnplay-model.json";

/// The class names as the page shows them: the imported file's, else −1 and +1
/// for two classes, "Class 1" … for more; none for regression.
pub fn class_names(run: &Run) -> Vec<String> {
    let c = run.trainer.config();
    if c.problem != Problem::Classification {
        return Vec::new();
    }
    match run.trainer.prepared() {
        Some(p) if c.csv.is_some() => p.classes.clone(),
        _ if c.classes() <= 2 => vec!["−1".into(), "+1".into()],
        _ => (1..=c.classes())
            .map(|k| crate::t!("class-k", k = k.to_string()))
            .collect(),
    }
}

/// The network's inputs with their fitted preparation, in the network's order.
fn features(
    p: &Prepared,
    fitted: Option<&crate::prep::Fills>,
    columns: &[String],
    mapping: &crate::importer::MappingRequest,
) -> Vec<Feature> {
    let mut out = Vec::with_capacity(p.n_features());
    let mut j = 0;
    for &f in &mapping.features {
        let column = columns.get(f as usize).cloned().unwrap_or_default();
        let prefix = format!("{column}=");
        while let Some(name) = p.feature_names.get(j) {
            let category = if *name == column {
                None
            } else if let Some(level) = name.strip_prefix(&prefix) {
                Some(level.to_string())
            } else {
                break;
            };
            let numeric = category.is_none();
            out.push(Feature {
                name: name.clone(),
                column: column.clone(),
                category,
                offset: p.feature_scaling[j].offset,
                scale: p.feature_scaling[j].scale,
                fill: fitted.and_then(|f| f.0.get(j).copied()).unwrap_or(0.0),
                clip: fitted
                    .and_then(|f| f.1.get(j).copied().flatten())
                    .map(|(lo, hi)| [lo, hi]),
            });
            j += 1;
            if numeric {
                break;
            }
        }
    }
    out
}

/// The run as a model file (pretty JSON). `file` is the imported file in
/// training (its name and bytes); it is embedded when the link does not carry it.
pub fn write(run: &Run, file: Option<(&str, &[u8])>) -> String {
    let t = &run.trainer;
    let net = t.network();
    let mut sizes: Vec<usize> = net.layers.first().map(|l| vec![l.n_in]).unwrap_or_default();
    sizes.extend(net.layers.iter().map(|l| l.n_out));
    let layers = net
        .layers
        .iter()
        .map(|l| LayerFile {
            activation: l.activation.key().to_string(),
            weights: l.weights.chunks_exact(l.n_in.max(1)).map(<[f32]>::to_vec).collect(),
            biases: l.biases.clone(),
        })
        .collect();
    let (train, test) = t.losses();
    let data = match (&t.config().csv, t.prepared()) {
        (Some(setup), Some(p)) => Some(DataFile {
            columns: setup.columns.clone(),
            mapping: setup.mapping.clone(),
            target: setup
                .columns
                .get(setup.mapping.target as usize)
                .cloned()
                .unwrap_or_default(),
            target_offset: p.target_scaling.offset,
            target_scale: p.target_scaling.scale,
            features: features(p, t.fills_and_clips().as_ref(), &setup.columns, &setup.mapping),
            file: match file {
                Some((name, bytes)) if setup.data.is_none() => Some(EmbeddedFile {
                    name: name.to_string(),
                    bytes: bytes.len(),
                    deflated_base64url: crate::embed::pack(bytes),
                }),
                _ => None,
            },
        }),
        _ => None,
    };
    let model = ModelFile {
        format: FORMAT.into(),
        version: VERSION,
        setup: run.hash.clone(),
        sizes,
        layers,
        epoch: t.epoch(),
        loss: Losses {
            train: train.is_finite().then_some(train),
            test: test.is_finite().then_some(test),
        },
        classes: class_names(run),
        data,
    };
    let text = serde_json::to_string_pretty(&model).expect("a model file always serializes (plain data)");
    one_line_number_lists(&text)
}

/// Whether a line of pretty JSON is one number of a list ("0.25," or "-1e-7").
fn is_number_item(line: &str) -> bool {
    let t = line.trim().trim_end_matches(',');
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b"-+.eE".contains(&b))
}

/// Pretty JSON with every list of numbers on one line (a row of weights, the
/// biases, the sizes), so the weights read as a matrix.
fn one_line_number_lists(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k];
        if line.ends_with('[') {
            let end = (k + 1..lines.len()).find(|&e| !is_number_item(lines[e]));
            if let Some(e) = end.filter(|&e| e > k + 1 && lines[e].trim_start().starts_with(']')) {
                out.push_str(line);
                let items: Vec<&str> = lines[k + 1..e].iter().map(|l| l.trim()).collect();
                out.push_str(&items.join(" "));
                out.push_str(lines[e].trim_start());
                out.push('\n');
                k = e + 1;
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
        k += 1;
    }
    out
}
