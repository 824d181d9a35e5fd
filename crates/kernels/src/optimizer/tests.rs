use super::*;
use crate::activation::Activation;
use crate::network::{Init, Layer};

fn one_weight_net(w: f32, b: f32) -> Network {
    Network {
        layers: vec![Layer {
            n_in: 1,
            n_out: 1,
            weights: vec![w],
            biases: vec![b],
            activation: Activation::Linear,
        }],
    }
}

fn grads(dw: f32, db: f32, count: usize) -> Gradients {
    Gradients {
        dw: vec![vec![dw]],
        db: vec![vec![db]],
        count,
    }
}

fn settings(optimizer: Optimizer, lr: f32, reg: Regularization, rate: f32) -> StepSettings {
    StepSettings {
        optimizer,
        learning_rate: lr,
        regularization: reg,
        regularization_rate: rate,
        clip_norm: 0.0,
    }
}

#[test]
fn sgd_steps_on_the_mean_gradient() {
    // sum of gradients 0.8 over 4 samples: mean 0.2; w = 0.5 − 0.1·0.2 = 0.48.
    let mut net = one_weight_net(0.5, 0.1);
    let s = settings(Optimizer::Sgd, 0.1, Regularization::None, 0.0);
    step(&mut net, &grads(0.8, -0.4, 4), &s, &mut OptimizerState::default());
    assert!((net.layers[0].weights[0] - 0.48).abs() < 1e-7);
    assert!((net.layers[0].biases[0] - 0.11).abs() < 1e-7);
}

#[test]
fn l2_shrinks_and_l1_stops_at_zero() {
    // L2: w = 0.5 − 0.1·0 = 0.5, then 0.5 − 0.1·0.5·0.5 = 0.475
    let mut net = one_weight_net(0.5, 0.0);
    let s = settings(Optimizer::Sgd, 0.1, Regularization::L2, 0.5);
    step(&mut net, &grads(0.0, 0.0, 1), &s, &mut OptimizerState::default());
    assert!((net.layers[0].weights[0] - 0.475).abs() < 1e-7);
    // L1 with a step larger than |w|: 0.01 − 0.1·1·1 would be −0.09, so 0.
    let mut net = one_weight_net(0.01, 0.0);
    let s = settings(Optimizer::Sgd, 0.1, Regularization::L1, 1.0);
    step(&mut net, &grads(0.0, 0.0, 1), &s, &mut OptimizerState::default());
    assert_eq!(net.layers[0].weights[0], 0.0);
}

#[test]
fn adam_first_two_steps_by_hand() {
    // Step 1, g = 0.2: m = 0.02, v = 4e-5, m̂ = 0.2, v̂ = 0.04, Δ = 0.01·0.2/(0.2+1e-7)
    //   = 0.0099999950; w = 0.5 − 0.0099999950 = 0.4900000050.
    // Step 2, g = −0.1: m = 0.9·0.02 − 0.01 = 0.008, v = 0.999·4e-5 + 1e-5 = 4.996e-5,
    //   m̂ = 0.008/0.19 = 0.0421052632, v̂ = 4.996e-5/0.001999 = 0.0249924962,
    //   √v̂ = 0.1580901523, Δ = 0.01·0.0421052632/(0.1580901523 + 1e-7) = 0.0026633687;
    //   w = 0.4900000050 − 0.0026633687 = 0.4873366363.
    let adam = Optimizer::Adam {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-7,
    };
    let s = settings(adam, 0.01, Regularization::None, 0.0);
    let mut net = one_weight_net(0.5, 0.0);
    let mut st = OptimizerState::default();
    step(&mut net, &grads(0.2, 0.0, 1), &s, &mut st);
    assert!((f64::from(net.layers[0].weights[0]) - 0.490_000_005).abs() < 1e-6);
    step(&mut net, &grads(-0.1, 0.0, 1), &s, &mut st);
    assert!((f64::from(net.layers[0].weights[0]) - 0.487_336_636).abs() < 1e-6);
}

/// Two steps, g = 0.2 then −0.1, from w = 0.5 (numbers worked by hand; the
/// same recurrences in f64 agree to 1e-10):
/// momentum μ 0.9, lr 0.01: v 0.2 → w 0.498; v 0.9·0.2 − 0.1 = 0.08 → w 0.4972.
/// Nesterov: w 0.5 − 0.01(0.2 + 0.18) = 0.4962; v 0.08 → w 0.4962 − 0.01(−0.1 + 0.072) = 0.49648.
/// Adagrad: G 0.04 → w 0.5 − 0.01·0.2/0.2 = 0.49; G 0.05 → w 0.49 + 0.001/0.2236068 = 0.4944721.
/// RMSProp ρ 0.9: s 0.004 → w 0.5 − 0.002/0.0632456 = 0.4683772; s 0.0046 → w + 0.001/0.0678233 = 0.4831214.
/// AdamW λ 0.01: w 0.5 − 0.00005 = 0.49995, minus Adam's 0.0099999950 = 0.4899500;
///   then w·(1 − 0.0001) minus Adam's second step 0.0026633687 = 0.4872376.
/// Adadelta ρ 0.9, ε 1e-6, lr 1: Δ1 = √1e-6/√0.004001·0.2 = 0.0031619 → w 0.4968381;
///   E_Δ 9.998e-7, E_g 0.0046009, Δ2 = √1.9998e-6/√0.0046019·(−0.1) = −0.0020846 → w 0.4989229.
#[test]
fn every_optimizer_first_two_steps_by_hand() {
    let cases = [
        ("momentum", 0.01, [0.498, 0.4972]),
        ("nesterov", 0.01, [0.4962, 0.49648]),
        ("adagrad", 0.01, [0.49, 0.494_472_136]),
        ("rmsprop", 0.01, [0.468_377_228, 0.483_121_422]),
        ("adamw", 0.01, [0.489_950_005, 0.487_237_641]),
        ("adadelta", 1.0, [0.496_838_118, 0.498_922_905]),
    ];
    for (key, lr, want) in cases {
        let s = settings(Optimizer::from_key(key).unwrap(), lr, Regularization::None, 0.0);
        let mut net = one_weight_net(0.5, 0.0);
        let mut st = OptimizerState::default();
        for (g, w) in [0.2f32, -0.1].into_iter().zip(want) {
            step(&mut net, &grads(g, 0.0, 1), &s, &mut st);
            let got = f64::from(net.layers[0].weights[0]);
            assert!((got - w).abs() < 1e-6, "{key}: w {got}, by hand {w}");
        }
    }
}

#[test]
fn keys_and_hyperparameters_round_trip() {
    for key in Optimizer::KEYS {
        let o = Optimizer::from_key(key).unwrap();
        assert_eq!(o.key(), key);
        let mut p = o;
        for (k, v) in o.params() {
            assert!(p.set_param(k, v), "{key}.{k}");
        }
        assert_eq!(p, o);
    }
    let mut adam = Optimizer::from_key("adam").unwrap();
    assert!(!adam.set_param("b1", 1.5));
    assert!(!adam.set_param("mom", 0.5));
}

#[test]
fn empty_batch_changes_nothing() {
    let mut net = Network::new(
        &[2, 3, 1],
        Activation::Tanh,
        Activation::Tanh,
        Init::PlaygroundUniform,
        3,
    );
    let before = net.clone();
    let g = Gradients::new(&net);
    let s = settings(Optimizer::Sgd, 0.1, Regularization::L2, 0.1);
    step(&mut net, &g, &s, &mut OptimizerState::default());
    assert_eq!(net, before);
}

/// A unit whose gradient became 0 (a dead ReLU) has its moments decay
/// geometrically; they must reach 0 without passing through subnormal numbers.
#[test]
fn decaying_moments_never_become_subnormal() {
    let mut net = Network::new(
        &[1, 1],
        Activation::Linear,
        Activation::Linear,
        Init::PlaygroundUniform,
        3,
    );
    for key in ["momentum", "nesterov", "rmsprop", "adam", "adamw", "adadelta"] {
        let s = settings(Optimizer::from_key(key).unwrap(), 0.01, Regularization::None, 0.0);
        let mut state = OptimizerState::default();
        let mut g = Gradients::new(&net);
        g.dw[0][0] = 1.0;
        g.db[0][0] = 1.0;
        g.count = 1;
        step(&mut net, &g, &s, &mut state);
        g.dw[0][0] = 0.0;
        g.db[0][0] = 0.0;
        for _ in 0..200_000 {
            step(&mut net, &g, &s, &mut state);
            let all = state.m.iter().chain(&state.v).chain(&state.u).flatten();
            assert!(
                all.clone().all(|x| *x == 0.0 || x.is_normal()),
                "{key}: a subnormal moment"
            );
        }
        let all = state.m.iter().chain(&state.v).chain(&state.u).flatten();
        assert!(all.clone().all(|x| *x == 0.0), "{key}: the moments did not reach 0");
    }
}
