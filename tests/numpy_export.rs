//! Export → NumPy, run for real: the generated script (`export::numpy`) with
//! Python and NumPy (the virtual environment `scripts/setup.sh` makes,
//! target/pyvenv) on the page's 100 × 100 picture grid and on imported files'
//! rows, against the core's own outputs (within 1e-5).
//!
//! Without the environment the tests say so loudly and pass, except under CI
//! (`CI=true`), where they fail.
#![allow(clippy::field_reassign_with_default)]

use nnplay::activation::Activation;
use nnplay::config::Config;
use nnplay::dataset::{DatasetKind, Problem};
use nnplay::drawn::{Drawn, Mark};
use nnplay::export::numpy;
use nnplay::export::python;
use nnplay::features::Feature;
use nnplay::grid;
use nnplay::importer::MappingRequest;
use nnplay::loss::Loss;
use nnplay::network::Workspace;
use nnplay::prep::{Missing, Scaling};
use nnplay::protocol::{FromWorker, ToWorker};
use nnplay::table::{ColumnKind, ReadOptions};
use nnplay::trainer::Trainer;
use std::path::{Path, PathBuf};
use std::process::Command;

const TOLERANCE: f32 = 1e-5;

/// The venv's Python (NNPLAY_PYTHON overrides), or None after a loud message
/// (a failure under CI).
fn python() -> Option<PathBuf> {
    let path = std::env::var_os("NNPLAY_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyvenv/bin/python"));
    let works = Command::new(&path)
        .args(["-c", "import numpy"])
        .output()
        .is_ok_and(|o| o.status.success());
    if works {
        return Some(path);
    }
    let message = format!(
        "\n\n*** NumPy export tests SKIPPED: no Python with NumPy at {} ***\n*** run scripts/setup.sh (it makes target/pyvenv) or set NNPLAY_PYTHON ***\n\n",
        path.display()
    );
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("{message}");
    }
    eprintln!("{message}");
    None
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("numpy_export");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Loads the script as a module and prints predict_points / predict_rows of the input, one row a line.
const DRIVER: &str = r#"
import csv, importlib.util, sys
import numpy as np
spec = importlib.util.spec_from_file_location("nnplay_model", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
if sys.argv[2] == "points":
    xy = np.loadtxt(sys.argv[3], delimiter=",", dtype=np.float64, ndmin=2).astype(np.float32)
    out = m.predict_points(xy)
else:
    with open(sys.argv[3], newline="", encoding="utf-8-sig") as f:
        out = m.predict_rows(csv.DictReader(f, delimiter=m.DELIMITER))
out = np.asarray(out)
print(out.dtype)
for row in out.reshape(len(out), -1):
    print(",".join(format(float(v), ".9g") for v in row))
"#;

fn run_python(py: &Path, args: &[&str]) -> String {
    let out = Command::new(py).args(args).output().expect("python runs");
    assert!(
        out.status.success(),
        "python {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn numbers(lines: &str) -> Vec<Vec<f32>> {
    lines
        .lines()
        .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
        .collect()
}

/// The answer of one network output row as the page's "Download predictions" gives it
/// (export::predictions_csv): probabilities of the classes, or the value.
fn answer(t: &Trainer, out: &[f32]) -> Vec<f32> {
    let c = t.config();
    let head = c.head();
    match c.task() {
        nnplay::head::Task::Regression => {
            let v = t.prepared().map_or(out[0], |p| p.target_scaling.invert(out[0]));
            vec![v]
        }
        nnplay::head::Task::Classes(2) => {
            let second = (head.signed(out) + 1.0) / 2.0;
            vec![1.0 - second, second]
        }
        _ => out.to_vec(),
    }
}

fn close(got: &[Vec<f32>], want: &[Vec<f32>], what: &str) -> f32 {
    assert_eq!(got.len(), want.len(), "{what}: rows");
    let mut worst = 0.0f32;
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(
            g.len(),
            w.len(),
            "{what}: row {k} has {} values, expected {}",
            g.len(),
            w.len()
        );
        for (a, b) in g.iter().zip(w) {
            let err = (a - b).abs() / b.abs().max(1.0);
            worst = worst.max(err);
            assert!(err <= TOLERANCE, "{what}: row {k}: python {g:?}, core {w:?}");
        }
    }
    worst
}

fn write_script(t: &Trainer, name: &str) -> PathBuf {
    let text = numpy::script(t, "https://example.org/nnplay/#test").unwrap();
    let path = scratch(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The script's `predict_points` ("points") or `predict_rows` ("rows") on
/// `input`, through the test driver: the outputs, checked to be float32.
fn drive(py: &Path, script: &Path, mode: &str, input: &Path, name: &str) -> Vec<Vec<f32>> {
    let driver = scratch("driver.py");
    std::fs::write(&driver, DRIVER).unwrap();
    let out = run_python(
        py,
        &[
            driver.to_str().unwrap(),
            script.to_str().unwrap(),
            mode,
            input.to_str().unwrap(),
        ],
    );
    let (dtype, rows) = out.split_once('\n').unwrap();
    assert_eq!(dtype, "float32", "{name}");
    numbers(rows)
}

/// The script on the page's picture grid against the core's forward pass (and the picture's own outputs).
fn check_grid(py: &Path, t: &Trainer, name: &str) {
    let script = write_script(t, &format!("{name}.py"));
    let feats = &t.config().features;
    let mut xy = String::new();
    for j in 0..grid::DENSITY {
        for i in 0..grid::DENSITY {
            let (x1, x2) = (grid::coord(i, grid::DENSITY), -grid::coord(j, grid::DENSITY));
            xy.push_str(&format!("{},{}\n", python::float(x1), python::float(x2)));
        }
    }
    let points = scratch(&format!("{name}-grid.csv"));
    std::fs::write(&points, xy).unwrap();
    let got = drive(py, &script, "points", &points, name);
    let net = t.network();
    let inputs = grid::inputs(feats);
    let mut ws = Workspace::new(net);
    let want: Vec<Vec<f32>> = inputs
        .chunks_exact(feats.len())
        .map(|x| answer(t, net.forward(x, &mut ws)))
        .collect();
    let worst = close(&got, &want, name);
    // The picture's own outputs (fast tanh) agree too.
    let mut picture = vec![0.0; grid::DENSITY * grid::DENSITY * net.n_outputs()];
    let mut neurons = vec![0.0; 64 * grid::THUMB * grid::THUMB];
    grid::evaluate(net, &inputs, &mut ws, &mut picture, &mut neurons, grid::THUMB_STEP);
    let from_picture: Vec<Vec<f32>> = picture.chunks_exact(net.n_outputs()).map(|o| answer(t, o)).collect();
    close(&got, &from_picture, &format!("{name} (picture)"));
    eprintln!("{name}: {} grid points, largest difference {worst:e}", got.len());
}

fn trained(c: Config, epochs: usize) -> Trainer {
    let mut t = Trainer::new(c);
    for _ in 0..epochs {
        assert!(t.train_epoch().is_none());
    }
    t
}

#[test]
fn built_in_sets_give_the_cores_outputs_on_the_picture_grid() {
    let Some(py) = python() else { return };
    // Circle, several input features, two hidden layers (tanh output, ±1).
    let mut c = Config::default();
    c.features = vec![
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::SinX1,
    ];
    c.hidden = vec![6, 3];
    check_grid(&py, &trained(c, 20), "circle");
    // Spiral with ReLU, every feature.
    let mut c = Config::default();
    c.dataset = DatasetKind::Spiral;
    c.activation = Activation::Relu;
    c.features = Feature::ALL.to_vec();
    c.hidden = vec![8, 5];
    check_grid(&py, &trained(c, 30), "spiral-relu");
    // Three classes through softmax, mixed hidden activations.
    let mut c = Config::default();
    c.dataset = DatasetKind::Blobs;
    c.classes = 3;
    c.hidden = vec![5, 4];
    c.layer_activations = vec![Activation::Gelu, Activation::Elu];
    c.features = vec![Feature::X1, Feature::X2, Feature::X1X2, Feature::SinX2];
    let t = trained(c, 20);
    assert_eq!(t.config().output_activation(), Activation::Softmax);
    check_grid(&py, &t, "blobs-softmax");
    // Regression (the plane).
    let mut c = Config::default();
    c.problem = Problem::Regression;
    c.dataset = DatasetKind::Plane;
    c.activation = Activation::Softplus;
    check_grid(&py, &trained(c, 10), "plane-regression");
    // Two classes through a sigmoid (binary cross-entropy), leaky ReLU.
    let mut c = Config::default();
    c.dataset = DatasetKind::Xor;
    c.loss = Some(Loss::BinaryCrossEntropy);
    c.activation = Activation::LeakyRelu;
    c.features = vec![Feature::X1, Feature::X2, Feature::X1X2];
    check_grid(&py, &trained(c, 15), "xor-sigmoid");
    // Drawn points, two classes through a two-way softmax.
    let mut c = Config::default();
    let marks = (0..60)
        .map(|k: i16| Mark {
            x: (k * 19) % 1100 - 550,
            y: (k * 37) % 1100 - 550,
            label: u8::from((k * 19) % 1100 > 550),
        })
        .collect();
    c.drawn = Some(Drawn { classes: 2, marks });
    c.loss = Some(Loss::CategoricalCrossEntropy);
    c.activation = Activation::Sigmoid;
    let t = trained(c, 15);
    assert_eq!(t.network().n_outputs(), 2);
    check_grid(&py, &t, "drawn-softmax2");
}

/// The imported file `bytes` (saved as `name`) mapped by `request` (None: the
/// page's proposal), trained `epochs` epochs.
fn imported(c: Config, bytes: &[u8], change: impl Fn(&mut MappingRequest), epochs: usize) -> Trainer {
    let mut t = Trainer::new(c);
    let FromWorker::TableRead { info } = t.inspect(bytes, ReadOptions::default()) else {
        panic!("the file reads")
    };
    let mut request = info.proposed_request(3);
    change(&mut request);
    let (out, _) = t.handle(ToWorker::UseCsv { request, axes: (0, 1) });
    assert!(matches!(&out[..], [FromWorker::CsvInUse { .. }]), "{out:?}");
    for _ in 0..epochs {
        assert!(t.train_epoch().is_none());
    }
    t
}

/// The script on every row of the file (through csv.DictReader, and through the
/// script's command line) against the core's outputs on the prepared rows.
fn check_rows(py: &Path, t: &Trainer, bytes: &[u8], name: &str) {
    let script = write_script(t, &format!("{name}.py"));
    let file = scratch(&format!("{name}.csv"));
    std::fs::write(&file, bytes).unwrap();
    let p = t.prepared().unwrap();
    let table = t.table().unwrap();
    // The command line: the class (or value) first, then the probabilities.
    let cli = run_python(py, &[script.to_str().unwrap(), file.to_str().unwrap()]);
    let mut lines = cli.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("prediction"), "{header}");
    let got: Vec<Vec<f32>> = lines
        .map(|l| {
            let mut fields: Vec<&str> = l.rsplitn(1 + p.classes.len(), ',').collect();
            fields.reverse();
            let skip = usize::from(!p.classes.is_empty());
            fields[skip..].iter().map(|v| v.parse().unwrap()).collect()
        })
        .collect();
    assert_eq!(got.len(), table.rows, "{name}: one prediction per row of the file");
    if table.has_header && table.skipped == 0 {
        // predict_rows of csv.DictReader's rows, as the docstring shows, gives the same.
        let rows = drive(py, &script, "rows", &file, name);
        assert_eq!(rows, got, "{name}: the command line and predict_rows agree");
    }
    let net = t.network();
    let mut ws = Workspace::new(net);
    let n = p.n_features();
    let (mut want, mut mine) = (Vec::new(), Vec::new());
    for s in [&p.train, &p.validation, &p.test] {
        for (k, x) in s.x.chunks_exact(n).enumerate() {
            let r = s.rows[k] - 1 - table.skipped - usize::from(table.has_header);
            want.push(answer(t, net.forward(x, &mut ws)));
            mine.push(got[r].clone());
        }
    }
    assert!(want.len() * 10 >= table.rows * 9, "{name}: most rows are in the data");
    let worst = close(&mine, &want, name);
    eprintln!("{name}: {} rows, largest difference {worst:e}", want.len());
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/samples").join(name)).unwrap()
}

#[test]
fn imported_samples_give_the_cores_outputs_on_every_row() {
    let Some(py) = python() else { return };
    let mut c = Config::default();
    c.hidden = vec![6, 4];
    let houses = sample("houses.csv");
    let t = imported(c.clone(), &houses, |_| {}, 8);
    assert_eq!(t.config().task(), nnplay::head::Task::Regression);
    check_rows(&py, &t, &houses, "houses");
    // Min-max scaling and clipping at 1.5 standard deviations.
    let t = imported(
        c.clone(),
        &houses,
        |r| {
            r.scaling = Scaling::MinMax;
            r.clip_sigma = 1.5;
        },
        5,
    );
    check_rows(&py, &t, &houses, "houses-minmax-clip");
    let moons = sample("moons.csv");
    check_rows(&py, &imported(c.clone(), &moons, |_| {}, 8), &moons, "moons");
    let fruit = sample("fruit.csv");
    let t = imported(c.clone(), &fruit, |r| r.missing = Missing::Median, 8);
    assert_eq!(t.prepared().unwrap().classes.len(), 4);
    assert!(
        !t.prepared().unwrap().report.imputed.is_empty(),
        "fruit.csv has missing values"
    );
    check_rows(&py, &t, &fruit, "fruit");
    let t = imported(c, &fruit, |r| r.missing = Missing::MostFrequent, 8);
    check_rows(&py, &t, &fruit, "fruit-mode");
}

/// A semicolon file with decimal commas, grouped thousands and currency signs,
/// dates read as numbers, numbers read as categories, stray text, missing
/// markers of every spelling and padded cells.
#[test]
fn a_messy_file_is_cleaned_as_in_the_page() {
    let Some(py) = python() else { return };
    let mut csv = String::from("when;price;size;n;score;label\n");
    let sizes = ["S", " M", "L ", "?", "NA", "XL", "n/a", ""];
    for k in 0..60usize {
        let day = 1 + (k * 7) % 28;
        let month = 1 + k % 12;
        let when = match k % 9 {
            0 => format!("{day:02}.{month:02}.2023"),
            4 => "None".to_string(),
            _ => format!("2023-{month:02}-{day:02}"),
        };
        let n = [3, 1, 4, 1, 5][k % 5];
        let score = if k % 13 == 5 {
            "null".to_string()
        } else {
            format!("{},{}", k % 17, k % 10)
        };
        let price = match k % 30 {
            4 => "forty".to_string(),
            9 | 21 => "-".to_string(),
            13 => format!("{}.{:03},5 €", 1 + k / 10, (k * 7) % 1000),
            0 | 10 => format!("€ {k},25"),
            17 => format!("  {},75  ", k % 9),
            _ => format!("{},{}", k * 3, k % 10),
        };
        let label = if (k * 31 + day) % 3 == 0 { "yes" } else { "no" };
        csv.push_str(&format!(
            "{when};{price};{};{n};{score};{label}\n",
            sizes[(k * 5) % sizes.len()]
        ));
    }
    let bytes = csv.into_bytes();
    let mut c = Config::default();
    c.hidden = vec![5];
    let t = imported(
        c,
        &bytes,
        |r| {
            r.features = vec![0, 1, 2, 3, 4];
            r.target = 5;
            r.task = Problem::Classification;
            r.kinds = vec![(0, ColumnKind::Numeric), (3, ColumnKind::Categorical)];
            r.clip_sigma = 2.0;
        },
        6,
    );
    let table = t.table().unwrap();
    assert_eq!(table.delimiter, b';');
    assert_eq!(
        table.columns[0].kind,
        ColumnKind::Categorical,
        "dates are text until read as numbers"
    );
    assert!(t.prepared().unwrap().feature_names.iter().any(|f| f == "n=4"));
    assert_eq!(
        (table.columns[1].kind, table.columns[1].not_numbers),
        (ColumnKind::Numeric, 2)
    );
    check_rows(&py, &t, &bytes, "messy");
    // A category the file did not have, stray text and an unreadable date are filled in like missing cells.
    let unseen = run_python(
        &py,
        &[
            "-c",
            "import importlib.util, sys\n\
             spec = importlib.util.spec_from_file_location('m', sys.argv[1]); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n\
             a = m.prepare_rows([{'when': '31.02.2023', 'price': 'lots', 'size': 'XXL', 'n': '7', 'score': '1,5'}])\n\
             b = m.prepare_rows([{'when': 'NA', 'price': '', 'size': '?', 'n': 'none', 'score': ' 1,50 '}])\n\
             c = m.prepare_rows([['', '-', 'n/a', '', '1,5']])\n\
             print(bool((a == b).all() and (b == c).all()), a.shape)",
            scratch("messy.py").to_str().unwrap(),
        ],
    );
    assert_eq!(unseen.trim(), "True (1, 11)");
}

/// A file without a header row, after a line of metadata (as scikit-learn ships them), classes as numbers.
#[test]
fn a_file_without_names_after_a_metadata_line() {
    let Some(py) = python() else { return };
    let mut csv = String::from("80,2,small,large\n");
    for k in 0..80u32 {
        let (x, y) = ((k * 37 % 100) as f32 / 10.0 - 5.0, (k * 61 % 100) as f32 / 25.0 - 2.0);
        csv.push_str(&format!("{x},{y},{}\n", u32::from(x + y > 0.0) * 2 + 1));
    }
    let bytes = csv.into_bytes();
    let t = imported(Config::default(), &bytes, |_| {}, 5);
    let table = t.table().unwrap();
    assert_eq!((table.has_header, table.skipped), (false, 1));
    assert_eq!(t.prepared().unwrap().classes, ["1", "3"]);
    check_rows(&py, &t, &bytes, "no-header");
}

#[test]
fn the_script_names_classes_inputs_and_the_link() {
    let mut c = Config::default();
    c.features = vec![Feature::X1, Feature::X2, Feature::X1Squared];
    let t = Trainer::new(c);
    let text = numpy::script(&t, "https://example.org/#data=circle").unwrap();
    assert!(
        text.starts_with("\"\"\"An nnplay network as NumPy code: 2 classes"),
        "{text}"
    );
    assert!(text.contains("https://example.org/#data=circle"));
    assert!(text.contains("CLASSES = [\"-1\", \"+1\"]"));
    assert!(text.contains("INPUTS = [\"X1\", \"X2\", \"X1²\"]"));
    assert!(text.contains("def predict_points(xy):"));
    assert!(!text.contains("def predict_rows("));
    assert!(text.contains("if __name__ == \"__main__\":"));
}
