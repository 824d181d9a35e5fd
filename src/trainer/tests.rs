//! The trainer's tests: messages, runs, faults, imported data.

use super::*;
use crate::dataset::DatasetKind;
use crate::table::ReadOptions;

/// Classification of column `target` from `features`, standardised, half for training.
fn classes_of(features: Vec<u32>, target: u32) -> crate::importer::MappingRequest {
    crate::importer::MappingRequest::new(features, target, crate::dataset::Problem::Classification, 1)
}

fn configure(c: &Config) -> ToWorker {
    ToWorker::Configure {
        hash: url::encode(c),
        run: 1,
    }
}

#[test]
fn step_is_exactly_one_epoch_and_pauses() {
    let mut t = Trainer::new(Config::default());
    t.handle(ToWorker::Play);
    assert!(t.is_playing());
    let (_, snap) = t.handle(ToWorker::Step);
    assert!(snap);
    assert_eq!(t.epoch(), 1);
    assert!(!t.is_playing());
}

#[test]
fn tuning_continues_and_shape_change_resets() {
    let mut c = Config::default();
    let mut t = Trainer::new(c.clone());
    for _ in 0..5 {
        t.train_epoch();
    }
    c.learning_rate = 0.1;
    t.handle(configure(&c));
    assert_eq!(t.epoch(), 5);
    assert_eq!(t.config().learning_rate, 0.1);
    c.hidden = vec![3];
    t.handle(configure(&c));
    assert_eq!(t.epoch(), 0);
    assert_eq!(t.network().sizes(), vec![2, 3, 1]);
}

#[test]
fn a_huge_learning_rate_stops_with_an_explanation_and_keeps_the_last_good_weights() {
    let mut c = Config::default();
    c.set_dataset(DatasetKind::Plane);
    c.learning_rate = 1000.0;
    c.hidden = vec![8, 8, 8];
    let mut t = Trainer::new(c.clone());
    t.handle(ToWorker::Play);
    let mut stopped = None;
    for _ in 0..200 {
        if let Some(m) = t.train_epoch() {
            stopped = Some(m);
            break;
        }
    }
    match stopped {
        Some(FromWorker::Stopped { message }) => assert!(message.contains("lower learning rate"), "{message}"),
        other => panic!("expected a stop, got {other:?}"),
    }
    assert_eq!(t.state(), RunState::Paused);
    assert!(
        health::check_params(t.network()).is_none(),
        "the shown network is the last good one"
    );
    assert!(t.losses().0.is_finite() && t.losses().1.is_finite());
    // A lower learning rate continues from there.
    let e = t.epoch();
    c.learning_rate = 0.001;
    t.handle(configure(&c));
    assert!(t.train_epoch().is_none());
    assert_eq!(t.epoch(), e + 1);
    t.handle(ToWorker::Reset { run: 2 });
    assert_eq!(t.epoch(), 0);
}

/// Runs until the trainer stops by itself, or `epochs` have passed.
fn run_until_stopped(t: &mut Trainer, epochs: u32) -> Option<FromWorker> {
    t.handle(ToWorker::Play);
    (0..epochs).find_map(|_| t.train_epoch())
}

#[test]
fn a_saturated_tanh_output_stops_with_an_explanation() {
    let mut c = Config::default();
    c.learning_rate = 10.0;
    let mut t = Trainer::new(c);
    match run_until_stopped(&mut t, 600) {
        Some(FromWorker::Stopped { message }) => {
            assert!(message.contains("the outputs are saturated"), "{message}");
            assert!(message.contains("learning rate 10 is too high for Tanh"), "{message}");
        }
        other => panic!("expected a stop, got {other:?}"),
    }
    // The default learning rate learns the circle and is not stopped (its outputs
    // near ±1 are right answers, not a stuck run).
    let mut fine = Trainer::new(Config::default());
    assert_eq!(run_until_stopped(&mut fine, 600), None);
}

#[test]
fn a_run_that_diverges_within_one_epoch_says_how_the_loss_climbed() {
    let mut c = Config::default();
    c.set_dataset(DatasetKind::Plane);
    c.learning_rate = 3.0;
    let mut t = Trainer::new(c);
    match run_until_stopped(&mut t, 200) {
        Some(FromWorker::Stopped { message }) => {
            let climb = message.split("the training loss went ").nth(1).expect(&message);
            let steps: Vec<&str> = climb.split(" → ").collect();
            assert!(steps.len() >= 3, "{message}");
            assert!(
                climb.contains("not a number") || message.contains("exploding"),
                "{message}"
            );
        }
        other => panic!("expected a stop, got {other:?}"),
    }
}

#[test]
fn dead_relus_stop_the_run_with_an_explanation() {
    let mut c = Config::default();
    c.activation = Activation::Relu;
    c.hidden = vec![3, 3];
    let mut t = Trainer::new(c);
    for b in &mut t.net.layers[1].biases {
        *b = -1000.0;
    }
    let msg = t.train_epoch();
    match msg {
        Some(FromWorker::Stopped { message }) => assert!(message.contains("hidden layer 2"), "{message}"),
        other => panic!("expected a stop, got {other:?}"),
    }
}

#[test]
fn set_weight_applies_and_bad_indices_are_errors() {
    let mut t = Trainer::new(Config::default());
    let (out, _) = t.handle(ToWorker::SetWeight {
        layer: 1,
        to: 1,
        from: 3,
        value: 2.5,
    });
    assert!(out.is_empty());
    assert_eq!(t.network().layers[1].weights[3 + 4], 2.5);
    t.handle(ToWorker::SetBias {
        layer: 2,
        neuron: 0,
        value: -0.7,
    });
    assert_eq!(t.network().layers[2].biases[0], -0.7);
    let (out, _) = t.handle(ToWorker::SetWeight {
        layer: 1,
        to: 2,
        from: 0,
        value: 1.0,
    });
    assert_eq!(
        out,
        vec![FromWorker::Error {
            message: "there is no weight 0→2 of layer 1 in a network of sizes [2, 4, 2, 1]".into()
        }]
    );
}

#[test]
fn resume_continues_from_saved_parameters() {
    let mut a = Trainer::new(Config::default());
    for _ in 0..7 {
        a.train_epoch();
    }
    let saved = a.snapshot();
    let mut b = Trainer::new(Config::default());
    b.handle(ToWorker::Resume {
        params: saved.params.clone(),
        epoch: saved.header.epoch,
    });
    assert_eq!(b.epoch(), 7);
    assert_eq!(b.network(), a.network());
    a.train_epoch();
    b.train_epoch();
    assert_eq!(a.losses(), b.losses());
    let (out, _) = b.handle(ToWorker::Resume {
        params: vec![1.0; 3],
        epoch: 1.0,
    });
    assert!(matches!(&out[..], [FromWorker::Error { .. }]));
}

#[test]
fn imported_data_trains_and_a_bad_mapping_changes_nothing() {
    // Two classes split by x + y > 0, plus a useless categorical column.
    let mut csv = String::from("x,y,colour,label\n");
    let mut rng = crate::rng::Rng::new(5, crate::rng::Stream::Data);
    for i in 0..200 {
        let (x, y) = (rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0));
        let label = if x + y > 0.0 { "pos" } else { "neg" };
        csv.push_str(&format!("{x:.3},{y:.3},{},{label}\n", ["red", "blue"][i % 2]));
    }
    let mut t = Trainer::new(Config::default());
    assert!(matches!(
        t.inspect(csv.as_bytes(), ReadOptions::default()),
        FromWorker::TableRead { .. }
    ));
    let request = classes_of(vec![0, 1, 2], 3);
    // A mapping that cannot work leaves the built-in run as it was.
    let mut bad = request.clone();
    bad.features = vec![3];
    let (out, _) = t.handle(ToWorker::UseCsv {
        request: bad,
        axes: (0, 1),
    });
    assert!(matches!(&out[..], [FromWorker::ImportFailed { .. }]));
    assert_eq!(t.network().sizes(), vec![2, 4, 2, 1]);

    let (out, _) = t.handle(ToWorker::UseCsv { request, axes: (0, 1) });
    let Some(FromWorker::CsvInUse { info, hash }) = out.first() else {
        panic!("{out:?}")
    };
    // The plane's ends in the file's units (x and y were drawn from −3…3), not in z-scores.
    let (lo, hi) = info.x_units;
    assert!(
        (-4.0..-2.5).contains(&lo) && (2.5..4.0).contains(&hi),
        "{:?}",
        info.x_units
    );
    assert!(
        info.x_range.1 - info.x_range.0 < hi - lo,
        "z-scores span less than the units here"
    );
    // Small files travel in the link: a fresh worker loads the same data from it alone.
    let linked = url::decode(hash).config;
    assert!(linked.csv.as_ref().is_some_and(|s| s.data.is_some() && s.inputs == 4));
    let mut fresh = Trainer::new(Config::default());
    let (out2, _) = fresh.handle(ToWorker::Configure {
        hash: hash.clone(),
        run: 1,
    });
    assert!(matches!(&out2[..], [FromWorker::CsvInUse { .. }]), "{out2:?}");
    assert_eq!(fresh.network().sizes(), vec![4, 4, 2, 1]);
    assert_eq!(info.feature_names, ["x", "y", "colour=red", "colour=blue"]);
    let (proj, _) = t.handle(ToWorker::Projection);
    let Some(FromWorker::Projection { points }) = proj.first() else {
        panic!("{proj:?}")
    };
    assert_eq!(points.len(), 200 * 4);
    assert!(points.iter().all(|v| v.is_finite()));
    assert_eq!(info.points.len(), 200 * 4);
    assert_eq!(t.network().sizes(), vec![4, 4, 2, 1]);
    let before = t.losses().1;
    for _ in 0..60 {
        assert!(t.train_epoch().is_none());
    }
    assert!(t.losses().1 < before * 0.5, "test loss {} -> {}", before, t.losses().1);
    let s = t.snapshot();
    assert_eq!(s.header.sizes, vec![4, 4, 2, 1]);
    // The page's hash for this setup keeps the data; new axes only move the plane.
    let mut c = t.config().clone();
    c.csv.as_mut().unwrap().axes = (1, 0);
    let e = t.epoch();
    let (out, _) = t.handle(configure(&c));
    assert_eq!(t.epoch(), e);
    assert!(matches!(&out[..], [FromWorker::CsvInUse { .. }]));
    // Off-axis features at their mean: the one-hot colour sits between 0 and 1.
    assert!(t.grid_inputs[2] > 0.2 && t.grid_inputs[2] < 0.8, "{}", t.grid_inputs[2]);
    // ... or at one file row's values: exactly 0 or 1.
    c.csv.as_mut().unwrap().hold_row = Some(5);
    let (out, _) = t.handle(configure(&c));
    assert!(matches!(&out[..], [FromWorker::CsvInUse { .. }]));
    assert!(
        t.grid_inputs[2] == 0.0 || t.grid_inputs[2] == 1.0,
        "{}",
        t.grid_inputs[2]
    );
    assert_eq!(t.epoch(), e);
    // Choosing a built-in dataset leaves the imported data.
    c.set_dataset(DatasetKind::Xor);
    t.handle(configure(&c));
    assert_eq!(t.network().sizes(), vec![2, 4, 2, 1]);
    assert!(t.config().csv.is_none());
}

#[test]
fn three_classes_train_through_softmax() {
    let mut csv = String::from("a,b,kind\n");
    let mut rng = crate::rng::Rng::new(8, crate::rng::Stream::Data);
    for i in 0..300 {
        let (cx, cy, name) = [(-2.0, 0.0, "left"), (2.0, 0.0, "right"), (0.0, 3.0, "top")][i % 3];
        csv.push_str(&format!(
            "{:.3},{:.3},{name}\n",
            rng.normal(cx, 0.5),
            rng.normal(cy, 0.5)
        ));
    }
    let mut c = Config::default();
    c.hidden = vec![6];
    let mut t = Trainer::new(c);
    t.inspect(csv.as_bytes(), ReadOptions::default());
    let request = classes_of(vec![0, 1], 2);
    let (out, _) = t.handle(ToWorker::UseCsv { request, axes: (0, 1) });
    assert!(matches!(&out[..], [FromWorker::CsvInUse { .. }]), "{out:?}");
    assert_eq!(t.network().sizes(), vec![2, 6, 3]);
    assert_eq!(t.config().loss(), crate::loss::Loss::CategoricalCrossEntropy);
    let start = t.losses().1;
    for _ in 0..100 {
        assert!(t.train_epoch().is_none());
    }
    // Cross-entropy of a uniform guess over 3 classes is ln 3 ≈ 1.1.
    assert!(
        start > 0.9 && t.losses().1 < 0.15,
        "test loss {start} -> {}",
        t.losses().1
    );
    let s = t.snapshot();
    assert_eq!(s.output.len(), 100 * 100 * 3);
    let sum: f32 = s.output[..3].iter().sum();
    assert!((sum - 1.0).abs() < 1e-5, "each picture cell holds 3 probabilities");
    let (proj, _) = t.handle(ToWorker::Projection);
    let Some(FromWorker::Projection { points }) = proj.first() else {
        panic!()
    };
    assert!(points
        .chunks_exact(4)
        .all(|p| [0.0, 1.0, 2.0].contains(&p[2]) && [0.0, 1.0, 2.0].contains(&p[3])));
    let hash = url::encode(t.config());
    assert!(hash.contains("&csvout=3"), "{hash}");
}

#[test]
fn switching_optimizer_keeps_the_weights_and_the_epoch() {
    let mut c = Config::default();
    let mut t = Trainer::new(c.clone());
    for _ in 0..3 {
        t.train_epoch();
    }
    let before = t.network().clone();
    c.optimizer = crate::optimizer::Optimizer::from_key("adam").unwrap();
    t.handle(configure(&c));
    assert_eq!(t.epoch(), 3);
    assert_eq!(t.network(), &before);
    for _ in 0..30 {
        assert!(t.train_epoch().is_none());
    }
    assert!(t.losses().1 < 0.3, "Adam trains the circle: {}", t.losses().1);
}

#[test]
fn ping_is_answered_without_a_snapshot() {
    let mut t = Trainer::new(Config::default());
    assert_eq!(t.handle(ToWorker::Ping), (vec![FromWorker::Pong], false));
}

#[test]
fn snapshot_has_every_picture() {
    let mut c = Config::default();
    c.hidden = vec![8, 8, 8, 8, 8, 8];
    let mut t = Trainer::new(c);
    let s = t.snapshot();
    assert_eq!(s.output.len(), 100 * 100);
    assert_eq!(s.neurons.len(), 48 * 50 * 50);
    assert_eq!(s.params.len(), t.network().param_count());
    assert_eq!(s.history.len(), crate::history::POINT_LEN);
    assert_eq!(s.header.sizes, vec![2, 8, 8, 8, 8, 8, 8, 1]);
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any sequence of messages, with any values, leaves a trainer that answers and is finite.
    #[test]
    fn any_message_sequence_is_survived(ops in proptest::collection::vec((0u8..9, proptest::num::u32::ANY, proptest::num::f32::ANY, ".{0,40}"), 0..40)) {
        let mut t = Trainer::new(Config::default());
        for (kind, n, v, s) in ops {
            let msg = match kind {
                0 => ToWorker::Configure { hash: s, run: n },
                1 => ToWorker::Reset { run: n },
                2 => ToWorker::Step,
                3 => ToWorker::SetWeight { layer: n % 4, to: n % 9, from: n % 7, value: v },
                4 => ToWorker::SetBias { layer: n % 4, neuron: n % 9, value: v },
                5 => ToWorker::Resume { params: vec![v; (n % 40) as usize], epoch: f64::from(v) },
                6 => ToWorker::Play,
                7 => ToWorker::Pause,
                _ => ToWorker::Ping,
            };
            t.handle(msg);
            t.train_epoch();
        }
        proptest::prop_assert!(health::check_params(t.network()).is_none());
        let s = t.snapshot();
        proptest::prop_assert_eq!(s.params.len(), t.network().param_count());
    }
}
