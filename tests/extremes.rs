//! Every learning rate of the controls (and the largest a link allows), on
//! every dataset with every activation, either trains or stops by itself with
//! a plain explanation; the network shown is always finite.
#![allow(clippy::field_reassign_with_default)]

use nnplay::activation::Activation;
use nnplay::config::{Config, LEARNING_RATES, LEARNING_RATE_RANGE};
use nnplay::dataset::DatasetKind;
use nnplay::health;
use nnplay::optimizer::Optimizer;
use nnplay::protocol::FromWorker;
use nnplay::trainer::Trainer;

/// Trains up to `epochs`; true if the run stopped itself (with a plain explanation).
/// Either way the network shown, its losses and its picture must be finite.
fn trains_or_stops(c: Config, epochs: usize, what: &str) -> bool {
    trains_or_stops_with(Trainer::new(c), epochs, what)
}

fn trains_or_stops_with(mut t: Trainer, epochs: usize, what: &str) -> bool {
    let mut stopped = false;
    for _ in 0..epochs {
        if let Some(msg) = t.train_epoch() {
            let FromWorker::Stopped { message } = msg else {
                panic!("unexpected {msg:?}")
            };
            assert!(message.starts_with("Training stopped at epoch"), "{message}");
            stopped = true;
            break;
        }
    }
    let (train, test) = t.losses();
    assert!(
        health::check_params(t.network()).is_none() && train.is_finite() && test.is_finite(),
        "{what}: the shown network is broken"
    );
    let shown = t.snapshot();
    assert!(
        shown.output.iter().all(|v| v.is_finite()),
        "{what}: a pixel is not finite"
    );
    stopped
}

#[test]
fn every_learning_rate_trains_or_stops_with_an_explanation() {
    let mut rates = LEARNING_RATES.to_vec();
    rates.push(LEARNING_RATE_RANGE.1);
    let (mut runs, mut stops) = (0, 0);
    for ds in DatasetKind::ALL {
        for act in Activation::ALL {
            for &lr in &rates {
                let mut c = Config::default();
                c.set_dataset(ds);
                c.activation = act;
                c.learning_rate = lr;
                c.hidden = vec![6, 6];
                c.batch_size = 1;
                runs += 1;
                stops += usize::from(trains_or_stops(c, 15, &format!("{ds:?}/{act:?}/lr {lr}")));
            }
        }
    }
    // The largest rates do blow up somewhere: the explanation path is exercised.
    assert!(stops > 0);
    println!("{stops} of {runs} runs stopped with an explanation");
}

/// Every other optimizer at the ends of the learning-rate range (and the middle),
/// on every dataset, with a saturating and a non-saturating activation.
#[test]
fn every_optimizer_at_the_extremes_trains_or_stops_with_an_explanation() {
    let rates = [LEARNING_RATES[0], 0.03, LEARNING_RATES[10], LEARNING_RATE_RANGE.1];
    let (mut runs, mut stops) = (0, 0);
    for key in Optimizer::KEYS.into_iter().filter(|&k| k != "sgd") {
        for ds in DatasetKind::ALL {
            for act in [Activation::Relu, Activation::Tanh] {
                for &lr in &rates {
                    let mut c = Config::default();
                    c.set_dataset(ds);
                    c.activation = act;
                    c.learning_rate = lr;
                    c.optimizer = Optimizer::from_key(key).unwrap();
                    c.hidden = vec![6, 6];
                    runs += 1;
                    stops += usize::from(trains_or_stops(c, 10, &format!("{key}/{ds:?}/{act:?}/lr {lr}")));
                }
            }
        }
    }
    println!("{stops} of {runs} runs with other optimizers stopped with an explanation");
}

/// The advanced trainer's every option (pruning by each method, at once and
/// gradually up to 99 %; quantisation at every width, scheme and granularity,
/// after training and while training; each normalisation, before and after the
/// nonlinearity; each augmentation) at the ends of the
/// learning-rate range, on every dataset: it trains or stops by itself, and
/// what it shows (losses, pixels) is finite.
#[test]
fn every_advanced_option_at_the_extremes_trains_or_stops_with_an_explanation() {
    use nnplay::advanced::extras::Advanced;
    let mut options: Vec<String> = Vec::new();
    for by in ["global", "layer", "neuron"] {
        for p in [50, 99] {
            options.push(format!("prune={p}&prune-by={by}"));
        }
        options.push(format!("prune=99&prune-by={by}&prune-from=2&prune-to=8"));
    }
    for bits in [8, 4, 2, 1] {
        for scheme in ["sym", "affine"] {
            for per in ["tensor", "neuron"] {
                for train in [0, 1] {
                    options.push(format!(
                        "quant={bits}&quant-scheme={scheme}&quant-per={per}&quant-train={train}"
                    ));
                }
            }
        }
    }
    for aug in ["jitter", "rotate", "flip", "mixup", "jitter,rotate,flip,mixup"] {
        options.push(format!("aug={aug}&aug-jitter=3&aug-rotate=180&aug-mixup=4"));
    }
    for bits in [8, 2, 1] {
        options.push(format!("quant={bits}&quant-act=1"));
    }
    options.push("quant=4&quant-act=1&norm=layer&norm-at=after".into());
    for norm in ["batch", "layer", "batch,layer"] {
        for at in ["before", "after"] {
            options.push(format!("norm={norm}&norm-at={at}"));
        }
    }
    options.push("prune=90&quant=2&quant-train=1&aug=mixup".into());
    options.push("prune=90&prune-by=neuron&quant=1&quant-train=1&norm=batch&aug=mixup".into());
    let rates = [LEARNING_RATES[0], 0.03, LEARNING_RATE_RANGE.1];
    let (mut runs, mut stops) = (0, 0);
    for advanced in &options {
        for ds in DatasetKind::ALL {
            for &lr in &rates {
                let mut c = Config::default();
                c.set_dataset(ds);
                c.learning_rate = lr;
                c.hidden = vec![6, 6];
                c.advanced = advanced.clone();
                let t = Trainer::with_extras(c, Some(Box::new(Advanced::default())));
                runs += 1;
                stops += usize::from(trains_or_stops_with(t, 10, &format!("{advanced}/{ds:?}/lr {lr}")));
            }
        }
    }
    println!("{stops} of {runs} runs with advanced options stopped with an explanation");
}

/// Augmentation of imported files (two numeric features and two classes;
/// four numeric features and a price; numbers, categories and missing values
/// and four classes) with every augmentation at the ends of its strengths and
/// of the learning-rate range: it trains or stops by itself, finite.
#[test]
fn augmenting_imported_files_at_the_extremes_trains_or_stops_with_an_explanation() {
    use nnplay::advanced::extras::Advanced;
    use nnplay::dataset::Problem;
    use nnplay::importer::MappingRequest;
    use nnplay::protocol::ToWorker;
    let files = [
        (
            "moons",
            include_str!("../www/samples/moons.csv"),
            vec![0, 1],
            2,
            Problem::Classification,
        ),
        (
            "houses",
            include_str!("../www/samples/houses.csv"),
            vec![0, 1, 2, 3],
            4,
            Problem::Regression,
        ),
        (
            "fruit",
            include_str!("../www/samples/fruit.csv"),
            vec![0, 1, 2, 3, 4],
            5,
            Problem::Classification,
        ),
    ];
    let (mut runs, mut stops) = (0, 0);
    for (name, csv, features, target, task) in &files {
        let mut t = Trainer::new(Config::default());
        t.inspect(csv.as_bytes(), Default::default());
        let request = MappingRequest::new(features.clone(), *target, *task, 1);
        let (out, _) = t.handle(ToWorker::UseCsv { request, axes: (0, 1) });
        let Some(FromWorker::CsvInUse { hash, .. }) = out.first() else {
            panic!("{name}: {out:?}")
        };
        for aug in ["jitter", "rotate,flip", "mixup", "jitter,rotate,flip,mixup"] {
            for lr in [LEARNING_RATES[0], 0.03, LEARNING_RATE_RANGE.1] {
                let link = format!("{hash}&lr={lr}&aug={aug}&aug-jitter=3&aug-rotate=180&aug-mixup=4");
                let mut t = Trainer::with_extras(Config::default(), Some(Box::new(Advanced::default())));
                t.handle(ToWorker::Configure { hash: link, run: 1 });
                assert!(t.config().csv.is_some(), "{name}: the link loads the file");
                assert_eq!(t.config().learning_rate, lr);
                runs += 1;
                stops += usize::from(trains_or_stops_with(t, 10, &format!("{name}/{aug}/lr {lr}")));
            }
        }
    }
    println!("{stops} of {runs} augmented runs on imported files stopped with an explanation");
}
