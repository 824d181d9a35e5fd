//! Downloads of imported data: the dataset after cleaning (what the network
//! sees) and the network's predictions for every row, as CSV text written
//! with the `csv` crate (quoting whatever the names contain); and what the
//! Export menu, Save model and Open link are made of (`run`: the page's run
//! rebuilt outside the page).

pub mod model_file;
pub mod network_svg;
pub mod numpy;
pub mod optuna;
pub mod pictures;
pub mod png;
pub mod python;
pub mod pytorch;
pub mod run;
pub mod zip;

use crate::dataset::Problem;
use crate::head::Head;
use crate::network::{Network, Workspace};
use crate::prep::{Prepared, Split};

fn splits(p: &Prepared) -> [(&'static str, &Split); 3] {
    [("train", &p.train), ("validation", &p.validation), ("test", &p.test)]
}

fn target_text(p: &Prepared, y: f32) -> String {
    match p.task {
        Problem::Classification => p.classes.get(y as usize).cloned().unwrap_or_default(),
        Problem::Regression => p.target_scaling.invert(y).to_string(),
    }
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// row, split, every prepared feature in the file's units (missing values filled
/// in, outliers clipped, categories one-hot; the scaling the network sees undone), target.
pub fn dataset_csv(p: &Prepared, target_name: &str) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["row".to_string(), "split".to_string()];
    header.extend(p.feature_names.iter().cloned());
    header.push(target_name.to_string());
    let _ = w.write_record(&header);
    let n = p.n_features();
    for (name, s) in splits(p) {
        for (k, row) in s.x.chunks_exact(n).enumerate() {
            let mut rec = vec![s.rows[k].to_string(), name.to_string()];
            rec.extend(
                row.iter()
                    .zip(&p.feature_scaling)
                    .map(|(&v, a)| a.invert(v).to_string()),
            );
            rec.push(target_text(p, s.y[k]));
            let _ = w.write_record(&rec);
        }
    }
    finish(w)
}

/// Index of the largest value (the most likely class of a softmax output).
pub fn argmax(v: &[f32]) -> usize {
    v.iter()
        .enumerate()
        .fold(0, |best, (k, &x)| if x > v[best] { k } else { best })
}

/// Each row's identifier: the column's name and (file row, identifier), sorted by file row.
pub type RowIds = (String, Vec<(usize, String)>);

/// row (or the file's identifier column), split, target, prediction, and for classes
/// every class's probability ("p(class)" columns, in the classes' order).
pub fn predictions_csv(p: &Prepared, net: &Network, head: &Head, target_name: &str, ids: Option<&RowIds>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let classes = p.task == Problem::Classification;
    let id = |row: usize| match ids {
        Some((_, all)) => all
            .binary_search_by_key(&row, |e| e.0)
            .map_or_else(|_| row.to_string(), |k| all[k].1.clone()),
        None => row.to_string(),
    };
    let mut header = vec![
        ids.map_or("row".to_string(), |(name, _)| name.clone()),
        "split".into(),
        target_name.into(),
        "prediction".into(),
    ];
    if classes {
        header.extend(p.classes.iter().map(|c| format!("p({c})")));
    }
    let _ = w.write_record(&header);
    let mut ws = Workspace::new(net);
    ws.prepare(net);
    let n = p.n_features();
    for (name, s) in splits(p) {
        for (k, row) in s.x.chunks_exact(n).enumerate() {
            let out = net.forward_prepared(row, &mut ws);
            let mut rec = vec![id(s.rows[k]), name.to_string(), target_text(p, s.y[k])];
            if !classes {
                rec.push(p.target_scaling.invert(out[0]).to_string());
                let _ = w.write_record(&rec);
                continue;
            }
            let probs: Vec<f32> = if p.classes.len() <= 2 {
                // Two classes (one tanh or sigmoid output, or two softmax outputs):
                // the signed value says −1 for the first class, +1 for the second.
                let second = (head.signed(out) + 1.0) / 2.0;
                vec![1.0 - second, second]
            } else {
                out.to_vec()
            };
            rec.push(target_text(p, argmax(&probs) as f32));
            rec.extend(probs.iter().map(|q| format!("{q:.4}")));
            let _ = w.write_record(&rec);
        }
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::Init;
    use crate::prep::{prepare, Mapping, Missing, Scaling};
    use crate::table::{read, ReadOptions};

    fn prepared(task: Problem, target: usize) -> Prepared {
        let t = read(
            b"x,\"name, with comma\",y,label\n1,a,10,p\n2,b,20,q\n3,a,30,p\n4,b,40,q\n",
            ReadOptions::default(),
        )
        .unwrap();
        let m = Mapping {
            features: vec![0, 1],
            target,
            task,
            missing: Missing::Mean,
            scaling: Scaling::Standard,
            clip_sigma: None,
            train_percent: 50,
            validation_percent: 0,
            seed: 2,
            strays: Default::default(),
            kinds: Vec::new(),
        };
        prepare(&t, &m).unwrap()
    }

    #[test]
    fn the_cleaned_dataset_lists_every_row_once() {
        let p = prepared(Problem::Classification, 3);
        let text = dataset_csv(&p, "label");
        let mut lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.remove(0),
            "row,split,x,\"name, with comma=a\",\"name, with comma=b\",label"
        );
        assert_eq!(lines.len(), 4);
        let mut rows: Vec<&str> = lines.iter().map(|l| l.split(',').next().unwrap()).collect();
        rows.sort_unstable();
        assert_eq!(rows, ["2", "3", "4", "5"]);
        assert!(lines.iter().all(|l| l.ends_with(",p") || l.ends_with(",q")));
        // x in its own units (1 to 4), not in z-scores; the one-hot columns 0 or 1.
        let mut xs: Vec<f32> = lines
            .iter()
            .map(|l| l.split(',').nth(2).unwrap().parse().unwrap())
            .collect();
        xs.sort_by(f32::total_cmp);
        assert!(
            xs.iter()
                .zip([1.0, 2.0, 3.0, 4.0])
                .all(|(x, want)| (x - want).abs() < 1e-5),
            "{xs:?}"
        );
    }

    #[test]
    fn regression_predictions_are_in_the_targets_units() {
        let p = prepared(Problem::Regression, 2);
        let mut net = Network::new(
            &[3, 1],
            Activation::Linear,
            Activation::Linear,
            Init::PlaygroundUniform,
            1,
        );
        // A network that outputs 0 predicts the training mean of y in original units.
        net.layers[0].weights.iter_mut().for_each(|w| *w = 0.0);
        net.layers[0].biases[0] = 0.0;
        let head = crate::head::Task::Regression.head(None, None);
        let text = predictions_csv(&p, &net, &head, "y", None);
        let mean = p.target_scaling.offset;
        for line in text.lines().skip(1) {
            let pred: f32 = line.rsplit(',').next().unwrap().parse().unwrap();
            assert!((pred - mean).abs() < 1e-3, "{line}");
        }
        assert!(text.starts_with("row,split,y,prediction\n"));
    }

    /// Two classes through one sigmoid output (binary cross-entropy): o = σ(2) = 0.8808
    /// everywhere, so every row is predicted as the second class ("q") with 0.8808.
    #[test]
    fn two_class_predictions_follow_the_head() {
        let p = prepared(Problem::Classification, 3);
        let mut net = Network::new(
            &[3, 1],
            Activation::Linear,
            Activation::Sigmoid,
            Init::PlaygroundUniform,
            1,
        );
        net.layers[0].weights.iter_mut().for_each(|w| *w = 0.0);
        net.layers[0].biases[0] = 2.0;
        let head = crate::head::Task::Classes(2).head(Some(crate::loss::Loss::BinaryCrossEntropy), None);
        let text = predictions_csv(&p, &net, &head, "label", None);
        assert!(text.starts_with("row,split,label,prediction,p(p),p(q)\n"), "{text}");
        for line in text.lines().skip(1) {
            assert!(line.ends_with(",q,0.1192,0.8808"), "{line}");
        }
        // The same through two softmax outputs (categorical cross-entropy): p = (0.2, 0.8).
        let mut net = Network::new(
            &[3, 2],
            Activation::Linear,
            Activation::Softmax,
            Init::PlaygroundUniform,
            1,
        );
        net.layers[0].weights.iter_mut().for_each(|w| *w = 0.0);
        net.layers[0].biases = vec![0.0, 4f32.ln()];
        let head = crate::head::Task::Classes(2).head(Some(crate::loss::Loss::CategoricalCrossEntropy), None);
        let text = predictions_csv(&p, &net, &head, "label", None);
        for line in text.lines().skip(1) {
            assert!(line.ends_with(",q,0.2000,0.8000"), "{line}");
        }
    }
}
