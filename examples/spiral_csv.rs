//! The spiral points that the search benchmark trains on, as CSV, so a second
//! library can train on exactly the same rows (bench/search/peer_sklearn.py).
//! The setup is the benchmark link's (data=spiral, noise 0, 50 % training
//! points, seed 1, features x1, x2), decoded as the page decodes it; the
//! points are the trainer's own (`Trainer::train_points`, `test_points`):
//! generated, shuffled and split as the page does. Writes OUT_DIR/spiral-train.csv
//! and OUT_DIR/spiral-test.csv with columns x1,x2,label (label 1 is the
//! Playground's +1 class, 0 its −1 class).
//!
//!   cargo run --release --example spiral_csv -- OUT_DIR

use nnplay::dataset::Point;
use nnplay::trainer::Trainer;
use std::fmt::Write as _;

/// The data keys of the benchmark link (bench/search/run.mjs).
const SETUP: &str = "data=spiral&act=tanh&net=8,8&seed=1&noise=0&train=50";

fn csv(points: &[Point]) -> String {
    let mut s = String::from("x1,x2,label\n");
    for p in points {
        // `{}` prints the shortest text that reads back as the same f32.
        writeln!(s, "{},{},{}", p.x1, p.x2, u8::from(p.label > 0.0)).unwrap();
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, out] = &args[..] else {
        eprintln!("usage: spiral_csv OUT_DIR");
        std::process::exit(2);
    };
    let decoded = nnplay::url::decode(SETUP);
    assert!(decoded.warnings.is_empty(), "{SETUP}: {:?}", decoded.warnings);
    let config = decoded.config;
    assert_eq!(config.validation, 0, "no validation points are held out");
    let t = Trainer::new(config);
    let out = std::path::Path::new(out);
    std::fs::create_dir_all(out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    for (name, points) in [
        ("spiral-train.csv", t.train_points()),
        ("spiral-test.csv", t.test_points()),
    ] {
        let path = out.join(name);
        std::fs::write(&path, csv(points)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("{}: {} points", path.display(), points.len());
    }
}
