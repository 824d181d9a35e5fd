//! nnplay on a CSV file as the page trains it, natively: the file read with
//! the import panel's detection (delimiter, header, leading lines), the
//! proposed target and features, the page's split and scaling, then a run of
//! `EPOCHS` epochs with the given setup. Prints one JSON line: the test
//! accuracy, and the file rows of the training and test splits (so a second
//! library can train on exactly the same rows: bench/tabular/compare.py).
//!
//!   cargo run --release --example tabular -- FILE EPOCHS 'net=16,16&act=relu&opt=adam&lr=0.003&batch=16'

use nnplay::metrics::Metrics;
use nnplay::protocol::{FromWorker, ToWorker};
use nnplay::table::ReadOptions;
use nnplay::trainer::Trainer;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, file, epochs, setup] = &args[..] else {
        eprintln!("usage: tabular FILE EPOCHS SETUP (URL keys, e.g. 'net=16,16&act=relu&opt=adam')");
        std::process::exit(2);
    };
    let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let epochs: u64 = epochs.parse().expect("EPOCHS is a number");
    let config = nnplay::url::decode(setup).config;
    let mut t = Trainer::new(config.clone());
    let info = match t.inspect(&bytes, ReadOptions::default()) {
        FromWorker::TableRead { info } => info,
        other => panic!("{file}: {other:?}"),
    };
    let mut request = info.proposed_request(config.seed);
    request.train_percent = config.train_ratio;
    let (out, _) = t.handle(ToWorker::UseCsv {
        request: request.clone(),
        axes: (0, 1),
    });
    if let Some(FromWorker::ImportFailed { message }) = out.first() {
        panic!("{file}: {message}");
    }
    for _ in 0..epochs {
        t.train_epoch();
    }
    let accuracy = match &t.metrics().1 {
        Metrics::Classification { accuracy, .. } => *accuracy,
        Metrics::Regression { .. } => f32::NAN,
    };
    // The same preparation again (deterministic) for the row lists.
    let mut importer = nnplay::importer::Importer::default();
    importer.inspect(&bytes, ReadOptions::default()).expect("read above");
    let p = importer.prepare(&request).expect("prepared above");
    let rows = |r: &[usize]| r.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(",");
    println!(
        "{{\"file\":{file:?},\"target\":{:?},\"classes\":{},\"features\":{},\"skipped\":{},\"header\":{},\"epochs\":{epochs},\"accuracy\":{accuracy},\"train_rows\":[{}],\"test_rows\":[{}]}}",
        info.columns[info.proposed_target()].name,
        p.classes.len(),
        p.n_features(),
        info.skipped,
        info.has_header,
        rows(&p.train.rows),
        rows(&p.test.rows),
    );
}
