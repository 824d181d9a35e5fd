//! Fixed-seed training on every built-in dataset reaches a low loss, and the
//! same seed gives the same loss sequence bit for bit.
#![allow(clippy::field_reassign_with_default)]

use nnplay::activation::Activation;
use nnplay::config::Config;
use nnplay::dataset::DatasetKind;
use nnplay::features::Feature;
use nnplay::trainer::Trainer;

fn train(c: Config, epochs: usize) -> Vec<(f32, f32)> {
    let mut t = Trainer::new(c);
    (0..epochs)
        .map(|_| {
            assert!(t.train_epoch().is_none(), "diverged");
            t.losses()
        })
        .collect()
}

/// (dataset, setup changes, epochs, highest acceptable test loss). The loss is
/// the Playground's mean ½(o − t)²: 0.5 is chance for ±1 labels.
#[test]
fn every_dataset_trains_to_a_low_loss() {
    type Case = (DatasetKind, fn(&mut Config), usize, f32);
    let cases: Vec<Case> = vec![
        (DatasetKind::Circle, |_| {}, 300, 0.02),
        (DatasetKind::Xor, |c| c.learning_rate = 0.1, 300, 0.05),
        (DatasetKind::Gauss, |_| {}, 100, 0.01),
        (
            DatasetKind::Spiral,
            |c| {
                c.features = Feature::ALL.to_vec();
                c.hidden = vec![8, 8, 6];
                c.learning_rate = 0.03;
                c.batch_size = 10;
            },
            800,
            0.1,
        ),
        (DatasetKind::Plane, |c| c.learning_rate = 0.01, 100, 0.002),
        (
            DatasetKind::MultiGauss,
            |c| {
                c.hidden = vec![8, 8];
                c.learning_rate = 0.03;
            },
            600,
            0.02,
        ),
    ];
    for (ds, tweak, epochs, max_test) in cases {
        let mut c = Config::default();
        c.set_dataset(ds);
        c.seed = 7;
        tweak(&mut c);
        let losses = train(c, epochs);
        let (first, last) = (losses[0], losses[losses.len() - 1]);
        println!(
            "{ds:?}: train {:.4} -> {:.4}, test {:.4} -> {:.4}",
            first.0, last.0, first.1, last.1
        );
        assert!(
            last.1 < max_test,
            "{ds:?}: test loss {} after {epochs} epochs, wanted < {max_test}",
            last.1
        );
    }
}

#[test]
fn same_seed_same_loss_sequence_bit_for_bit() {
    let mut c = Config::default();
    c.set_dataset(DatasetKind::Spiral);
    c.noise = 20;
    c.activation = Activation::Relu;
    c.hidden = vec![6, 4];
    c.seed = 12345;
    let a = train(c.clone(), 50);
    let b = train(c.clone(), 50);
    let bits = |v: &[(f32, f32)]| v.iter().map(|(x, y)| (x.to_bits(), y.to_bits())).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&b));
    c.seed = 12346;
    assert_ne!(bits(&a), bits(&train(c, 50)));
}

/// The default setup after 50 epochs, seed 42, natively (shuffled, the default)
/// and with shuffling off (the Playground's fixed order, unchanged since that
/// was the only order). Native bits differ from wasm's (tests/wasm.rs) in the
/// last place: the data generators' f64 sin/cos come from different libms.
#[test]
fn default_setup_is_pinned_natively_too() {
    for (shuffle, golden) in [
        (false, (1_025_112_849u32, 1_025_405_095u32)),
        (true, GOLDEN_SHUFFLED_50),
    ] {
        let mut c = Config::default();
        c.seed = 42;
        c.shuffle = shuffle;
        let mut t = nnplay::trainer::Trainer::new(c);
        for _ in 0..50 {
            assert!(t.train_epoch().is_none());
        }
        let (train, test) = t.losses();
        assert_eq!(
            (train.to_bits(), test.to_bits()),
            golden,
            "shuffle {shuffle}: train {train} test {test}"
        );
    }
}

// train 0.036288533, test 0.041055508
const GOLDEN_SHUFFLED_50: (u32, u32) = (1_024_762_697, 1_026_042_322);

/// Each new built-in set, with a fixed seed, all seven features, a 12-12 ReLU
/// network and Adam (lr 0.01), reaches a stated test accuracy after 300 epochs.
/// Measured (this code, seed 1): moons 1.000, checkerboard 0.812, rings 1.000,
/// arms K=3 0.988, arms K=5 0.952, blobs K=4 1.000, blobs K=8 0.996,
/// class rings K=3 1.000, class rings K=6 0.988. The bounds leave some room.
#[test]
fn every_new_dataset_reaches_its_stated_accuracy() {
    use nnplay::activation::Activation;
    use nnplay::dataset::DatasetKind;
    use nnplay::optimizer::Optimizer;
    for (ds, k, bound) in [
        (DatasetKind::Moons, 2, 0.97),
        (DatasetKind::Checkerboard, 2, 0.75),
        (DatasetKind::Rings, 2, 0.97),
        (DatasetKind::Arms, 3, 0.95),
        (DatasetKind::Arms, 5, 0.9),
        (DatasetKind::Blobs, 4, 0.97),
        (DatasetKind::Blobs, 8, 0.95),
        (DatasetKind::ClassRings, 3, 0.97),
        (DatasetKind::ClassRings, 6, 0.95),
    ] {
        let mut c = Config::default();
        c.set_dataset(ds);
        c.classes = k;
        c.seed = 1;
        c.hidden = vec![12, 12];
        c.activation = Activation::Relu;
        c.optimizer = Optimizer::from_key("adam").unwrap();
        c.learning_rate = 0.01;
        c.features = nnplay::features::Feature::ALL.to_vec();
        assert_eq!(c.outputs(), if k == 2 { 1 } else { k }, "{ds:?}");
        let mut t = nnplay::trainer::Trainer::new(c);
        for _ in 0..300 {
            assert!(t.train_epoch().is_none(), "{ds:?} stopped");
        }
        let accuracy = t.metrics().1.headline();
        assert!(accuracy >= bound, "{ds:?} K={k}: test accuracy {accuracy} < {bound}");
    }
}
