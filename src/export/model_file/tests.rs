use super::*;
use crate::config::Config;
use crate::dataset::Problem;
use crate::export::run::{CsvInput, Run};
use crate::importer::MappingRequest;
use crate::prep::{Missing, Scaling};
use crate::protocol::{FromWorker, ToWorker};
use crate::table::ReadOptions;
use crate::trainer::Trainer;

/// The page's run of `hash` after `steps` epochs.
fn trained(hash: &str, csv: Option<&CsvInput>, steps: usize) -> Run {
    let mut run = Run::rebuild(hash, csv, &[], 0.0, Vec::new()).unwrap();
    for _ in 0..steps {
        run.trainer.handle(ToWorker::Step);
    }
    run
}

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// The run an opened file gives, rebuilt as the page rebuilds it (the link, the
/// file read with the page's options and mapped as the link says, the weights).
fn reopened(o: &Opened) -> Run {
    let config = crate::url::decode(&o.hash).config;
    let csv = o.file.as_ref().map(|(_, bytes)| {
        let setup = config.csv.as_ref().unwrap();
        let mut request = setup.mapping.clone();
        request.train_percent = config.train_ratio;
        request.seed = config.seed;
        CsvInput {
            bytes: bytes.clone(),
            options: ReadOptions::default(),
            request,
            axes: (setup.axes.0 as u32, setup.axes.1 as u32),
        }
    });
    Run::rebuild(&o.hash, csv.as_ref(), &o.params, o.epoch, Vec::new()).unwrap()
}

fn assert_same_run(a: &Run, b: &Run) {
    assert_eq!(bits(&a.trainer.network().params()), bits(&b.trainer.network().params()));
    assert_eq!(a.trainer.epoch(), b.trainer.epoch());
    let (la, lb) = (a.trainer.losses(), b.trainer.losses());
    assert_eq!((la.0.to_bits(), la.1.to_bits()), (lb.0.to_bits(), lb.1.to_bits()));
}

const SPIRAL: &str = "data=spiral&net=6,4&act=tanh&lr=0.03&seed=5";

#[test]
fn a_saved_run_opens_as_the_same_network_with_the_same_losses() {
    let run = trained(SPIRAL, None, 9);
    let text = write(&run, None);
    let o = read(text.as_bytes()).unwrap();
    assert_eq!(o.hash, run.hash);
    assert_eq!(o.epoch, 9.0);
    assert_eq!(o.file, None);
    assert_eq!(bits(&o.params), bits(&run.trainer.network().params()));
    assert_same_run(&run, &reopened(&o));
    let (train, test) = run.trainer.losses();
    assert_eq!(o.model.loss.train.map(f32::to_bits), Some(train.to_bits()));
    assert_eq!(o.model.loss.test.map(f32::to_bits), Some(test.to_bits()));
    assert_eq!(o.model.sizes, vec![2, 6, 4, 1]);
    assert_eq!(o.model.classes, vec!["−1", "+1"]);
}

/// The file is readable: fields in the documented order, a row of weights per line.
#[test]
fn the_file_reads_as_documented() {
    let run = trained("data=xor&net=3&act=relu&seed=2", None, 1);
    let text = write(&run, None);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "nnplay-model");
    assert_eq!(v["version"], 1);
    assert_eq!(v["setup"], run.hash.as_str());
    assert_eq!(v["sizes"], serde_json::json!([2, 3, 1]));
    assert_eq!(v["layers"][0]["activation"], "relu");
    assert_eq!(v["layers"][1]["activation"], "tanh");
    assert_eq!(v["layers"][0]["weights"].as_array().unwrap().len(), 3);
    assert_eq!(v["layers"][0]["weights"][2].as_array().unwrap().len(), 2);
    assert_eq!(v["epoch"], 1);
    assert!(v["data"].is_null());
    // w[to 2][from 1] of the first layer, as `params::Layout` places it.
    let w = run.trainer.network().layers[0].weights[2 * 2 + 1];
    assert_eq!(v["layers"][0]["weights"][2][1].as_f64().unwrap() as f32, w);
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("  \""))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert_eq!(
        keys,
        ["format", "version", "setup", "sizes", "layers", "epoch", "loss", "classes", "data"]
    );
    assert!(text.contains("\"sizes\": [2, 3, 1]"), "{text}");
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with('[') && l.contains(','))
        .unwrap();
    assert_eq!(
        row.trim_end_matches(',').matches(',').count(),
        1,
        "a row of two weights on one line: {row}"
    );
}

/// Every kind of f32 (subnormal, the extremes, negative zero, random bits)
/// reads back to the same bits.
#[test]
fn weights_read_back_bit_for_bit() {
    let run = trained("data=circle&net=8,8&seed=3", None, 0);
    let mut model: ModelFile = serde_json::from_str(&write(&run, None)).unwrap();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut special = vec![
        f32::MIN_POSITIVE,
        -f32::MIN_POSITIVE,
        f32::from_bits(1),
        f32::from_bits(0x807F_FFFF),
        f32::MAX,
        f32::MIN,
        -0.0,
        0.1,
        1.0 / 3.0,
        16_777_217.0,
    ]
    .into_iter();
    let mut want = Vec::new();
    for layer in &mut model.layers {
        for w in layer.weights.iter_mut().flatten().chain(layer.biases.iter_mut()) {
            *w = special.next().unwrap_or_else(|| loop {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let v = f32::from_bits(state as u32);
                if v.is_finite() {
                    break v;
                }
            });
        }
        want.extend(layer.weights.iter().flatten().chain(&layer.biases).copied());
    }
    let o = read(serde_json::to_string_pretty(&model).unwrap().as_bytes()).unwrap();
    // `want` is in file order; the params are weights then biases per layer: the same order.
    assert_eq!(bits(&o.params), bits(&want));
}

fn moons_request() -> MappingRequest {
    MappingRequest {
        features: vec![0, 1],
        target: 2,
        task: Problem::Classification,
        missing: Missing::Median,
        scaling: Scaling::Standard,
        train_percent: 60,
        seed: 4,
        clip_sigma: 2.0,
        validation_percent: 10,
        strays: Default::default(),
        kinds: Vec::new(),
        row_names: None,
    }
}

/// The page's run on an imported file: the worker's link after UseCsv.
fn imported(bytes: &[u8], request: MappingRequest, steps: usize) -> (Run, CsvInput) {
    let mut t = Trainer::new(Config::default());
    t.inspect(bytes, ReadOptions::default());
    let (out, _) = t.handle(ToWorker::UseCsv {
        request: request.clone(),
        axes: (0, 1),
    });
    let hash = out
        .into_iter()
        .find_map(|m| match m {
            FromWorker::CsvInUse { hash, .. } => Some(hash),
            _ => None,
        })
        .expect("the data is in use");
    let input = CsvInput {
        bytes: bytes.to_vec(),
        options: ReadOptions::default(),
        request,
        axes: (0, 1),
    };
    (trained(&hash, Some(&input), steps), input)
}

#[test]
fn a_small_imported_file_travels_in_the_link_with_its_preparation_recorded() {
    let bytes = std::fs::read("www/samples/moons.csv").unwrap();
    let (run, input) = imported(&bytes, moons_request(), 5);
    assert!(
        run.trainer.config().csv.as_ref().unwrap().data.is_some(),
        "small: in the link"
    );
    let text = write(&run, Some(("moons.csv", &input.bytes)));
    let o = read(text.as_bytes()).unwrap();
    assert_eq!(o.file, None, "the link carries it");
    assert_same_run(&run, &reopened(&o));
    let data = o.model.data.unwrap();
    assert_eq!(data.columns, ["x", "y", "class"]);
    assert_eq!(data.target, "class");
    assert_eq!(o.model.classes, run.trainer.prepared().unwrap().classes);
    let p = run.trainer.prepared().unwrap();
    assert_eq!(data.features.len(), 2);
    for (j, f) in data.features.iter().enumerate() {
        assert_eq!(f.offset.to_bits(), p.feature_scaling[j].offset.to_bits());
        assert_eq!(f.scale.to_bits(), p.feature_scaling[j].scale.to_bits());
        let [lo, hi] = f.clip.unwrap();
        assert!(lo < f.fill && f.fill < hi, "{f:?}");
    }
    // The recorded preparation maps a file row to the network's inputs exactly as training did.
    let row = &p.train.x[..2];
    let file_row = p.train.rows[0];
    let line = String::from_utf8(bytes).unwrap();
    let cells: Vec<f32> = line
        .lines()
        .nth(file_row - 1)
        .unwrap()
        .split(',')
        .take(2)
        .map(|c| c.parse().unwrap())
        .collect();
    for (j, f) in data.features.iter().enumerate() {
        let [lo, hi] = f.clip.unwrap();
        let x = (cells[j].clamp(lo, hi) - f.offset) * f.scale;
        assert_eq!(x.to_bits(), row[j].to_bits(), "feature {j} of file row {file_row}");
    }
}

/// 900 rows × 4 columns (3,600 cells): too large for a link, so the model
/// file embeds it; one category column is one-hot encoded, one cell missing.
fn large_csv() -> Vec<u8> {
    let mut s = String::from("a,b,colour,label\n");
    for k in 0..900u32 {
        let a = (k as f32 * 0.37).sin() * 3.0;
        let b = (k as f32 * 0.11).cos() * 2.0;
        let colour = ["red", "green", "blue"][(k % 3) as usize];
        let label = if a * b > 0.0 { "yes" } else { "no" };
        let b = if k == 17 { String::new() } else { format!("{b:.3}") };
        s.push_str(&format!("{a:.3},{b},{colour},{label}\n"));
    }
    s.into_bytes()
}

fn large_request() -> MappingRequest {
    MappingRequest {
        features: vec![0, 1, 2],
        target: 3,
        scaling: Scaling::MinMax,
        missing: Missing::Mean,
        clip_sigma: 0.0,
        ..moons_request()
    }
}

#[test]
fn a_large_imported_file_is_embedded_and_opens_as_the_same_run() {
    let bytes = large_csv();
    let (run, input) = imported(&bytes, large_request(), 4);
    assert!(
        run.trainer.config().csv.as_ref().unwrap().data.is_none(),
        "large: not in the link"
    );
    let text = write(&run, Some(("big.csv", &input.bytes)));
    let o = read(text.as_bytes()).unwrap();
    assert_eq!(
        o.file.as_ref().map(|f| (f.0.as_str(), f.1.as_slice())),
        Some(("big.csv", &bytes[..]))
    );
    assert_same_run(&run, &reopened(&o));
    let data = o.model.data.unwrap();
    let names: Vec<&str> = data.features.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a", "b", "colour=red", "colour=green", "colour=blue"]);
    assert_eq!(data.features[4].category.as_deref(), Some("blue"));
    assert_eq!(data.features[2].column, "colour");
    assert!(data.features.iter().all(|f| f.clip.is_none()));
    let one_hot_fills: Vec<f32> = data.features[2..].iter().map(|f| f.fill).collect();
    assert_eq!(one_hot_fills.iter().sum::<f32>(), 1.0, "one level is the fill-in");
    // File line 19 (k = 17) has no b: the network saw the recorded fill-in, scaled.
    let p = run.trainer.prepared().unwrap();
    let n = p.n_features();
    let seen = [&p.train, &p.validation, &p.test]
        .into_iter()
        .find_map(|s| s.rows.iter().position(|&r| r == 19).map(|k| s.x[k * n + 1]))
        .unwrap();
    let b = &data.features[1];
    assert_eq!(seen.to_bits(), ((b.fill - b.offset) * b.scale).to_bits());
    let mean = {
        let values: Vec<f64> = (0..900u32)
            .filter(|&k| k != 17)
            .filter(|k| p.train.rows.contains(&(*k as usize + 2)))
            .map(|k| f64::from(format!("{:.3}", (k as f32 * 0.11).cos() * 2.0).parse::<f32>().unwrap()))
            .collect();
        values.iter().sum::<f64>() / values.len() as f64
    };
    assert!(
        (f64::from(b.fill) - mean).abs() < 1e-5,
        "the training rows' mean {mean}, recorded {}",
        b.fill
    );
}

// ---- Bad files: the reason, with where. ----

fn valid() -> String {
    write(&trained("data=circle&net=3,2&seed=7", None, 2), None)
}

fn error(text: &str) -> (ReadError, String) {
    let e = read(text.as_bytes()).unwrap_err();
    let message = e.to_string();
    (e, message)
}

#[test]
fn another_version_is_named() {
    let text = valid().replacen("\"version\": 1", "\"version\": 2", 1);
    let (e, m) = error(&text);
    assert_eq!(e, ReadError::Version { found: "2".into() });
    assert!(m.contains("version 2") && m.contains("version 1"), "{m}");
    let (e, _) = error(r#"{"format": "something-else", "version": 1}"#);
    assert_eq!(
        e,
        ReadError::NotAModel {
            format: "something-else".into()
        }
    );
}

#[test]
fn a_truncated_file_says_the_line_and_column() {
    let text = valid();
    let cut = &text[..text.len() / 2];
    let (e, m) = error(cut);
    let lines = cut.lines().count();
    assert!(matches!(e, ReadError::Json { line, .. } if line == lines), "{e:?}");
    assert!(m.starts_with(&format!("Line {lines}, column ")), "{m}");
    assert_eq!(error("   ").0, ReadError::Empty);
}

#[test]
fn a_missing_field_is_named_with_its_place() {
    let text = valid().replacen("\"biases\"", "\"bias\"", 1);
    let (e, m) = error(&text);
    assert!(matches!(e, ReadError::Json { .. }), "{e:?}");
    assert!(m.contains("missing field `biases`"), "{m}");
}

#[test]
fn weights_that_do_not_fit_the_setup_are_refused_with_the_numbers() {
    // The setup says net=3,2; the layers are for 3,2 too, but the link now says 4,2.
    let text = valid().replacen("net=3,2", "net=4,2", 1);
    let (e, m) = error(&text);
    assert_eq!(
        e,
        ReadError::Sizes {
            file: vec![2, 3, 2, 1],
            setup: vec![2, 4, 2, 1]
        }
    );
    assert!(m.contains("2–3–2–1") && m.contains("2–4–2–1"), "{m}");
    // A row of weights one short.
    let mut v: serde_json::Value = serde_json::from_str(&valid()).unwrap();
    v["layers"][1]["weights"][1].as_array_mut().unwrap().pop();
    let (e, m) = error(&v.to_string());
    assert_eq!(
        e,
        ReadError::Row {
            layer: 2,
            row: 2,
            found: 2,
            expected: 3
        }
    );
    assert!(
        m.contains("layer 2, row 2 has 2 weights") && m.contains("3 inputs"),
        "{m}"
    );
    // A bias too many.
    let mut v: serde_json::Value = serde_json::from_str(&valid()).unwrap();
    v["layers"][2]["biases"].as_array_mut().unwrap().push(0.5.into());
    assert_eq!(
        error(&v.to_string()).0,
        ReadError::Rows {
            layer: 3,
            biases: true,
            found: 2,
            expected: 1
        }
    );
    // Another activation than the setup's.
    let mut v: serde_json::Value = serde_json::from_str(&valid()).unwrap();
    v["layers"][0]["activation"] = "relu".into();
    assert_eq!(
        error(&v.to_string()).0,
        ReadError::Activation {
            layer: 1,
            found: "relu".into(),
            expected: "tanh".into()
        }
    );
}

#[test]
fn numbers_beyond_f32_are_refused_with_their_place() {
    let mut v: serde_json::Value = serde_json::from_str(&valid()).unwrap();
    v["layers"][1]["weights"][0][2] = serde_json::json!(1e39);
    let (e, m) = error(&v.to_string());
    assert_eq!(
        e,
        ReadError::NotFinite {
            layer: 2,
            row: 1,
            column: Some(3)
        }
    );
    assert!(m.contains("layer 2, row 1, weight 3"), "{m}");
    let text = valid().replacen("\"biases\": [", "\"biases\": [NaN, ", 1);
    assert!(matches!(error(&text).0, ReadError::Json { .. }));
}

#[test]
fn a_broken_embedded_file_is_refused() {
    let (run, input) = imported(&large_csv(), large_request(), 1);
    let text = write(&run, Some(("big.csv", &input.bytes)));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let packed = v["data"]["file"]["deflated_base64url"].as_str().unwrap().to_string();
    // Cut short: the deflate stream ends early.
    v["data"]["file"]["deflated_base64url"] = packed[..packed.len() / 2].into();
    let (e, m) = error(&v.to_string());
    assert!(matches!(e, ReadError::File { .. }), "{e:?}");
    assert!(m.starts_with("The embedded data file is damaged"), "{m}");
    // Not base64url.
    v["data"]["file"]["deflated_base64url"] = "@@@".into();
    assert!(matches!(error(&v.to_string()).0, ReadError::File { .. }));
    // Another file's bytes.
    v["data"]["file"]["deflated_base64url"] = crate::embed::pack(b"p,q\n1,2\n").into();
    v["data"]["file"]["bytes"] = 8.into();
    assert_eq!(
        error(&v.to_string()).0,
        ReadError::FileColumns {
            found: vec!["p".into(), "q".into()],
            expected: vec!["a".into(), "b".into(), "colour".into(), "label".into()]
        }
    );
    // No file at all.
    v["data"]["file"] = serde_json::Value::Null;
    assert!(matches!(error(&v.to_string()).0, ReadError::NoFile { .. }));
    v["data"] = serde_json::Value::Null;
    assert_eq!(error(&v.to_string()).0, ReadError::NoData);
}

// ---- Anything at all: a model or a clear error, never a panic. ----

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static VALID: String = valid();
}

#[cfg(not(target_arch = "wasm32"))]
fn opens_or_says_why(bytes: &[u8]) -> Result<(), String> {
    match read(bytes) {
        Ok(o) => {
            if o.params.iter().any(|w| !w.is_finite()) {
                return Err("a non-finite weight was accepted".into());
            }
            Ok(())
        }
        Err(e) if e.to_string().trim().is_empty() => Err(format!("{e:?} has no message")),
        Err(_) => Ok(()),
    }
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any finite f32 is written in a form that reads back to its bits.
    #[test]
    fn any_f32_reads_back_bit_for_bit(v in proptest::num::f32::ANY) {
        if v.is_finite() {
            let text = serde_json::to_string(&v).unwrap();
            let back: f32 = serde_json::from_str(&text).unwrap();
            proptest::prop_assert_eq!(back.to_bits(), v.to_bits(), "{}", text);
        }
    }

    /// Random bytes.
    #[test]
    fn any_bytes_give_a_model_or_a_clear_error(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
        proptest::prop_assert_eq!(opens_or_says_why(&bytes), Ok(()));
    }

    /// A valid file with bytes changed, cut short, or a number edited.
    #[test]
    fn mutated_model_files_give_a_model_or_a_clear_error(
        edits in proptest::collection::vec((proptest::num::usize::ANY, proptest::num::u8::ANY), 1..4),
        cut in proptest::option::of(proptest::num::usize::ANY),
        number in proptest::option::of((proptest::num::usize::ANY, "-?[0-9]{0,12}(\\.[0-9]{0,8})?([eE][-+]?[0-9]{1,3})?")),
    ) {
        let mut text = VALID.with(|v| v.clone());
        if let Some((at, value)) = number {
            // Replace the at-th number of the file with `value`.
            let starts: Vec<usize> = text
                .char_indices()
                .filter(|&(k, c)| (c == '-' || c.is_ascii_digit()) && !text[..k].ends_with(|p: char| p.is_ascii_alphanumeric() || p == '.' || p == '-' || p == '='))
                .map(|(k, _)| k)
                .collect();
            let k = starts[at % starts.len()];
            let end = text[k..].find([',', ']', '\n', '}']).map_or(text.len(), |e| k + e);
            text.replace_range(k..end, &value);
        }
        let mut bytes = text.into_bytes();
        for (at, b) in edits {
            let k = at % bytes.len();
            bytes[k] = b;
        }
        if let Some(c) = cut {
            bytes.truncate(c % (bytes.len() + 1));
        }
        proptest::prop_assert_eq!(opens_or_says_why(&bytes), Ok(()));
    }
}
