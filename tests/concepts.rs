//! The training concepts through the trainer, as the worker runs them:
//! stopping rules, the schedule, shuffling, dropout and clipping.
#![allow(clippy::field_reassign_with_default)]

use nnplay::config::Config;
use nnplay::epoch::{train_epoch, Buffers};
use nnplay::loss::Loss;
use nnplay::network::{Init, Layer, Network};
use nnplay::optimizer::{Optimizer, StepSettings};
use nnplay::protocol::{FromWorker, ToWorker};
use nnplay::regularization::Regularization;
use nnplay::schedule::LrSchedule;
use nnplay::trainer::Trainer;

fn run(c: Config, epochs: usize) -> (Trainer, Option<FromWorker>) {
    let mut t = Trainer::new(c);
    for _ in 0..epochs {
        if let Some(m) = t.train_epoch() {
            return (t, Some(m));
        }
    }
    (t, None)
}

#[test]
fn stop_at_an_epoch() {
    let mut c = Config::default();
    c.stopping.at_epoch = 12;
    let (t, m) = run(c, 100);
    assert_eq!(t.epoch(), 12);
    assert_eq!(
        m,
        Some(FromWorker::Finished {
            message: "Stopped at epoch 12, as set.".into()
        })
    );
}

#[test]
fn early_stopping_restores_the_best_weights() {
    // A minimum improvement of 10 is never reached after the first epoch: the best is
    // epoch 1, and with patience 5 the run stops at epoch 6 and goes back to epoch 1.
    let mut c = Config::default();
    c.validation = 20;
    c.stopping.patience = 5;
    c.stopping.min_delta = 10.0;
    let (mut once, _) = run(c.clone(), 0);
    once.train_epoch();
    let after_one = once.network().clone();
    let (t, m) = run(c.clone(), 100);
    let Some(FromWorker::Finished { message }) = m else {
        panic!("expected a finished run, got {m:?}")
    };
    assert!(message.starts_with("Early stopping at epoch 6"), "{message}");
    assert!(message.contains("validation loss"), "{message}");
    assert_eq!(t.epoch(), 1);
    assert_eq!(t.network(), &after_one);
    // Without restoring, the weights of epoch 6 stay.
    c.stopping.restore_best = false;
    let (t, _) = run(c, 100);
    assert_eq!(t.epoch(), 6);
}

#[test]
fn early_stopping_waits_while_the_loss_improves() {
    let mut c = Config::default();
    c.validation = 20;
    c.stopping.patience = 10;
    c.stopping.min_delta = 0.0;
    c.learning_rate = 0.1;
    c.features = vec![
        nnplay::features::Feature::X1Squared,
        nnplay::features::Feature::X2Squared,
    ];
    let (t, m) = run(c, 60);
    // Circle data from x1², x2² keeps improving for 60 epochs.
    assert_eq!(m, None, "stopped at {}: {m:?}", t.epoch());
}

#[test]
fn target_accuracy_and_loss_stop_the_run() {
    let mut c = Config::default();
    c.stopping.target_accuracy = 90.0;
    let (t, m) = run(c.clone(), 500);
    let Some(FromWorker::Finished { message }) = m else {
        panic!("expected a finished run")
    };
    assert!(message.contains("reached the target 90%"), "{message}");
    assert!(t.metrics().0.headline() >= 0.9);
    c.stopping = Default::default();
    c.stopping.target_loss = 0.2;
    let (t, m) = run(c, 500);
    assert!(matches!(m, Some(FromWorker::Finished { .. })));
    assert!(t.losses().0 <= 0.2);
}

#[test]
fn the_schedule_sets_each_epochs_rate() {
    let mut c = Config::default();
    c.learning_rate = 0.1;
    c.schedule = LrSchedule::from_key("step").unwrap();
    c.schedule.set_param("severy", 3.0);
    c.schedule.set_param("sfactor", 0.5);
    // Epochs 0..2 at 0.1, 3..5 at 0.05, 6.. at 0.025.
    let rates: Vec<f32> = (0..7).map(|e| c.step_settings(e).learning_rate).collect();
    assert_eq!(rates, [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025]);
    // The trainer uses it: a run with the schedule differs from one without.
    let (mut a, _) = run(c.clone(), 5);
    c.schedule = LrSchedule::default();
    let (b, _) = run(c, 5);
    assert_ne!(a.network(), b.network());
    assert_eq!(a.snapshot().header.learning_rate, 0.05);
}

#[test]
fn shuffling_changes_the_order_every_epoch_and_replays() {
    let mut c = Config::default();
    c.seed = 3;
    let (a, _) = run(c.clone(), 10);
    let (b, _) = run(c.clone(), 10);
    assert_eq!(a.network(), b.network(), "same seed, same run");
    c.shuffle = false;
    let (fixed, _) = run(c, 10);
    assert_ne!(a.network(), fixed.network());
}

#[test]
fn a_resumed_run_shuffles_as_the_uninterrupted_one() {
    // A worker restarted at epoch 4 with the weights of epoch 4 goes on exactly as before.
    let mut c = Config::default();
    c.seed = 11;
    c.set_dropout(0, 0.3);
    let (whole, _) = run(c.clone(), 8);
    let (first, _) = run(c.clone(), 4);
    let mut resumed = Trainer::new(c);
    resumed.handle(ToWorker::Resume {
        params: first.network().params(),
        epoch: 4.0,
    });
    for _ in 0..4 {
        resumed.train_epoch();
    }
    assert_eq!(resumed.network(), whole.network());
}

#[test]
fn dropout_changes_training_not_evaluation() {
    let mut c = Config::default();
    c.seed = 2;
    c.hidden = vec![8, 8];
    let (plain, _) = run(c.clone(), 5);
    c.set_dropout(0, 0.5);
    let (dropped, _) = run(c.clone(), 5);
    assert_ne!(plain.network(), dropped.network());
    // Evaluation has no dropout: the same weights give the same losses every time.
    let mut t = dropped;
    let first = t.snapshot().header.train_loss;
    t.handle(ToWorker::Pause);
    assert_eq!(t.snapshot().header.train_loss, first);
    assert_eq!(t.losses().0, first);
}

/// One SGD step with clipping, by hand: y = w·x, w = 0, x = 3, t = 1 (½ squared error),
/// so g = (0 − 1)·3 = −3; ‖g‖ = 3 > c = 1.5 scales it to −1.5; lr 0.1: w = 0.15.
/// (The bias has g = −1: ‖(−3, −1)‖ = √10, scale 1.5/√10.)
#[test]
fn clipping_scales_the_gradient_to_the_norm() {
    let mut net = Network {
        layers: vec![Layer {
            n_in: 1,
            n_out: 1,
            weights: vec![0.0],
            biases: vec![0.0],
            activation: nnplay::activation::Activation::Linear,
        }],
    };
    let mut buf = Buffers::new(&net);
    let s = StepSettings {
        optimizer: Optimizer::Sgd,
        learning_rate: 0.1,
        regularization: Regularization::None,
        regularization_rate: 0.0,
        clip_norm: 1.5,
    };
    train_epoch(&mut net, &mut buf, &[3.0], &[1.0], 1, Loss::HalfSquaredError, &s);
    let scale = 1.5 / 10f32.sqrt();
    assert!((net.layers[0].weights[0] - 0.1 * 3.0 * scale).abs() < 1e-6);
    assert!((net.layers[0].biases[0] - 0.1 * scale).abs() < 1e-6);
    // Below the norm nothing changes.
    let mut small = Network::new(
        &[1, 1],
        nnplay::activation::Activation::Linear,
        nnplay::activation::Activation::Linear,
        Init::Zeros,
        0,
    );
    let mut buf = Buffers::new(&small);
    let s = StepSettings { clip_norm: 100.0, ..s };
    train_epoch(&mut small, &mut buf, &[3.0], &[1.0], 1, Loss::HalfSquaredError, &s);
    assert!((small.layers[0].weights[0] - 0.3).abs() < 1e-6);
}

#[test]
fn zero_initialisation_never_breaks_symmetry() {
    let mut c = Config::default();
    c.init = Init::Zeros;
    c.hidden = vec![4];
    let (t, _) = run(c, 20);
    let w = &t.network().layers[0].weights;
    // Every hidden neuron has the same incoming weights (all still 0: no gradient reaches them).
    for row in w.chunks_exact(2) {
        assert_eq!(row, &w[..2]);
    }
}

#[test]
fn gradient_sizes_are_recorded_per_layer() {
    let mut c = Config::default();
    c.hidden = vec![4, 3];
    let (mut t, _) = run(c, 3);
    let s = t.snapshot();
    let p = nnplay::history::POINT_LEN;
    let last = &s.history[s.history.len() - p..];
    assert_eq!(last[0], 3.0);
    assert!(last[5..8].iter().all(|&g| g > 0.0), "{last:?}");
    assert!(last[8..].iter().all(|&g| g == 0.0), "only 3 layers");
}
