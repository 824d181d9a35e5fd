//! The advanced trainer: its keys, and pruning, quantisation and augmentation
//! inside a real `Trainer` against references (exact counts, bit-identical
//! replays, the trainer without extras).

use super::extras::Advanced;
use super::summary::Summary;
use super::*;
use crate::config::Config;
use crate::dataset::DatasetKind;
use crate::protocol::ToWorker;
use crate::trainer::Trainer;
use crate::url;

fn advanced(config: Config) -> Trainer {
    Trainer::with_extras(config, Some(Box::new(Advanced::default())))
}

fn with(keys: &str) -> Config {
    let mut c = Config::default();
    c.advanced = keys.into();
    c
}

fn configure(t: &mut Trainer, c: &Config) -> Vec<crate::protocol::FromWorker> {
    t.handle(ToWorker::Configure {
        hash: url::encode(c),
        run: 1,
    })
    .0
}

fn zeros(t: &Trainer) -> usize {
    t.network()
        .layers
        .iter()
        .flat_map(|l| &l.weights)
        .filter(|w| **w == 0.0)
        .count()
}

fn weights(t: &Trainer) -> usize {
    t.network().layers.iter().map(|l| l.weights.len()).sum()
}

#[test]
fn the_keys_are_told_apart_from_the_pages() {
    for k in ["prune", "prune-by", "quant", "quant-train", "norm", "aug", "aug-mixup"] {
        assert!(is_key(k), "{k}");
    }
    for k in ["pruned", "quantity", "augment", "noise", "lr", "normal"] {
        assert!(!is_key(k), "{k}");
    }
}

#[test]
fn settings_read_back_from_their_canonical_keys() {
    let text = "prune=90&prune-by=neuron&prune-from=100&prune-to=300&quant=2&quant-scheme=affine&quant-per=neuron&quant-train=1&quant-act=1&norm=batch,none,layer&norm-at=after&aug=jitter,flip,mixup&aug-jitter=0.25";
    let (s, errors) = parse(text);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(encode(&s), text);
    let p = s.prune.unwrap();
    assert_eq!((p.percent, p.method, p.from, p.to), (90.0, Method::Neurons, 100, 300));
    assert_eq!(s.augment.jitter, 0.25);
    assert_eq!(s.augment.mixup, 0.4);
    assert!(s.augment.flip && s.augment.rotate == 0.0);
    let n = s.norm.unwrap();
    assert_eq!(n.kinds, [Some(Kind::Batch), None, Some(Kind::Layer)]);
    assert!(n.after);
    // One kind for every hidden layer; "none" everywhere is off.
    assert_eq!(parse("norm=layer").0.norm.unwrap().kind(5), Some(Kind::Layer));
    assert_eq!(parse("norm=none&norm-at=after").0.norm, None);
    assert_eq!(parse("").0, Settings::default());
    assert_eq!(encode(&Settings::default()), "");
}

#[test]
fn bad_keys_say_what_and_keep_their_defaults() {
    let (s, errors) =
        parse("prune=120&quant=3&aug=jitter,blur&prune-from=50&prune-to=10&norm=batch,group&norm-at=inside&zap=1");
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "prune=120: outside 0 … 99; ignored",
            "quant=3: expected one of 32 (off), 8, 4, 2, 1; ignored",
            "aug=blur: expected one of jitter, rotate, flip, mixup; ignored",
            "norm=group: expected one of batch, layer, none; ignored",
            "norm-at=inside: expected one of before, after; ignored",
            "zap: unknown key; ignored",
            "prune-to=10 is before prune-from=50; pruning all at epoch 50",
        ]
    );
    assert_eq!(s.prune, None);
    assert_eq!(s.quant, None);
    assert_eq!(s.norm, None);
}

#[test]
fn gradual_pruning_follows_the_cubic_schedule() {
    let p = Pruning {
        percent: 80.0,
        method: Method::Global,
        from: 10,
        to: 20,
    };
    assert_eq!(p.sparsity_at(5), 0.0);
    assert_eq!(p.sparsity_at(10), 0.0);
    // s_f (1 − (1 − ½)³) = 0.8 · 0.875 at the middle.
    assert!((p.sparsity_at(15) - 0.7).abs() < 1e-6);
    assert_eq!(p.sparsity_at(20), 0.8);
    assert_eq!(p.sparsity_at(99), 0.8);
}

#[test]
fn without_advanced_keys_the_advanced_trainer_trains_the_same_bits() {
    let mut plain = Trainer::new(Config::default());
    let mut adv = advanced(Config::default());
    for _ in 0..50 {
        plain.train_epoch();
        adv.train_epoch();
    }
    assert_eq!(plain.network(), adv.network());
    assert_eq!(plain.losses().1.to_bits(), adv.losses().1.to_bits());
}

#[test]
fn pruning_a_trained_network_removes_exactly_that_share_and_fine_tuning_keeps_it() {
    let mut t = advanced(Config::default());
    for _ in 0..100 {
        t.train_epoch();
    }
    let trained = t.network().clone();
    configure(&mut t, &with("prune=90&prune-from=100"));
    let n = weights(&t);
    assert_eq!(zeros(&t), crate::prune::count_at(n, 0.9));
    // The kept weights are the trained ones, the largest by magnitude.
    let kept_min = t
        .network()
        .layers
        .iter()
        .flat_map(|l| &l.weights)
        .filter(|w| **w != 0.0);
    let kept_min = kept_min.map(|w| w.abs()).fold(f32::INFINITY, f32::min);
    let cut_max = trained
        .layers
        .iter()
        .flat_map(|l| &l.weights)
        .zip(t.network().layers.iter().flat_map(|l| &l.weights))
        .filter(|(_, now)| **now == 0.0)
        .map(|(was, _)| was.abs())
        .fold(0.0, f32::max);
    assert!(cut_max <= kept_min, "{cut_max} > {kept_min}");
    let pruned: Vec<bool> = t
        .network()
        .layers
        .iter()
        .flat_map(|l| &l.weights)
        .map(|w| *w == 0.0)
        .collect();
    for _ in 0..30 {
        t.train_epoch();
    }
    let still: Vec<bool> = t
        .network()
        .layers
        .iter()
        .flat_map(|l| &l.weights)
        .map(|w| *w == 0.0)
        .collect();
    assert!(
        pruned.iter().zip(&still).all(|(p, s)| !p || *s),
        "a pruned weight came back"
    );
    assert_ne!(t.network(), &trained);
    // Summary of the pruned network.
    let s = Summary::of(t.network(), &parse("prune=90").0);
    assert!((s.sparsity - 0.9).abs() < 0.05);
    assert_eq!(s.all_params, trained.param_count());
    assert!(s.params < s.all_params);
}

#[test]
fn moving_the_slider_at_one_epoch_brings_weights_back() {
    let mut t = advanced(Config::default());
    for _ in 0..60 {
        t.train_epoch();
    }
    let trained = t.network().clone();
    configure(&mut t, &with("prune=90&prune-from=60"));
    configure(&mut t, &with("prune=50&prune-from=60"));
    assert_eq!(zeros(&t), crate::prune::count_at(weights(&t), 0.5));
    configure(&mut t, &with(""));
    assert_eq!(t.network(), &trained);
}

#[test]
fn a_link_with_pruning_replays_the_interactive_run_bit_for_bit() {
    // Interactive: train 80 epochs, then prune at 80 and train 20 more.
    let mut live = advanced(Config::default());
    for _ in 0..80 {
        live.train_epoch();
    }
    let link = with("prune=75&prune-by=layer&prune-from=80");
    configure(&mut live, &link);
    for _ in 0..20 {
        live.train_epoch();
    }
    // The link replayed from the start.
    let mut replay = advanced(link);
    for _ in 0..100 {
        replay.train_epoch();
    }
    assert_eq!(live.network(), replay.network());
    assert_eq!(live.losses().0.to_bits(), replay.losses().0.to_bits());
}

#[test]
fn gradual_pruning_while_training_reaches_its_share() {
    let mut t = advanced(with("prune=80&prune-from=10&prune-to=40"));
    for _ in 0..25 {
        t.train_epoch();
    }
    let mid = zeros(&t) as f32 / weights(&t) as f32;
    assert!(mid > 0.3 && mid < 0.8, "{mid}");
    for _ in 0..30 {
        t.train_epoch();
    }
    assert_eq!(zeros(&t), crate::prune::count_at(weights(&t), 0.8));
}

#[test]
fn neuron_pruning_removes_whole_neurons() {
    let mut c = with("prune=50&prune-by=neuron");
    c.hidden = vec![6, 4];
    let mut t = advanced(c);
    t.train_epoch();
    let net = t.network();
    let dead: usize = (0..net.layers[0].n_out)
        .filter(|&o| net.layers[0].weights[o * 2..o * 2 + 2].iter().all(|w| *w == 0.0))
        .count();
    let dead2: usize = (0..net.layers[1].n_out)
        .filter(|&o| net.layers[1].weights[o * 6..o * 6 + 6].iter().all(|w| *w == 0.0))
        .count();
    assert_eq!(dead + dead2, 5, "half of 10 hidden neurons");
}

#[test]
fn quantisation_changes_what_is_shown_but_not_the_trained_weights() {
    let mut float = advanced(Config::default());
    let mut quant = advanced(with("quant=2"));
    for _ in 0..100 {
        float.train_epoch();
        quant.train_epoch();
    }
    assert_eq!(
        float.network(),
        quant.network(),
        "post-training quantisation trains the same"
    );
    let (a, b) = (float.snapshot(), quant.snapshot());
    assert_eq!(a.params, b.params);
    assert_ne!(a.output, b.output);
    assert_ne!(a.header.test_loss.to_bits(), b.header.test_loss.to_bits());
    // The shown picture is the quantised network's.
    let q = crate::quantize::Quant {
        bits: 2,
        scheme: crate::quantize::Scheme::Symmetric,
        granularity: crate::quantize::Granularity::PerTensor,
    }
    .apply(float.network());
    let mut plain = Trainer::new(Config::default());
    plain.handle(ToWorker::Resume {
        params: q.params(),
        epoch: 100.0,
    });
    assert_eq!(plain.snapshot().output, b.output);
}

#[test]
fn quantisation_aware_training_steps_the_float_weights() {
    let mut qat = advanced(with("quant=4&quant-train=1"));
    let mut post = advanced(with("quant=4"));
    for _ in 0..50 {
        qat.train_epoch();
        post.train_epoch();
    }
    assert_ne!(qat.network(), post.network());
    // The weights stay float: more distinct values than 4 bits hold.
    let mut values: Vec<u32> = qat.network().layers[0].weights.iter().map(|w| w.to_bits()).collect();
    values.sort_unstable();
    values.dedup();
    assert!(values.len() > 4);
    assert!(qat.losses().1.is_finite());
}

#[test]
fn augmentation_replays_from_the_seed_and_changes_training() {
    let mut c = with("aug=jitter,rotate,flip,mixup");
    c.set_dataset(DatasetKind::Spiral);
    let run = |c: &Config| {
        let mut t = advanced(c.clone());
        for _ in 0..20 {
            t.train_epoch();
        }
        t.network().clone()
    };
    assert_eq!(run(&c), run(&c));
    let mut plain = c.clone();
    plain.advanced.clear();
    assert_ne!(run(&c), run(&plain));
}

#[test]
fn bad_keys_reach_the_page_as_an_error_and_change_nothing() {
    let mut t = advanced(Config::default());
    for _ in 0..10 {
        t.train_epoch();
    }
    let before = t.network().clone();
    let out = configure(&mut t, &with("prune=abc"));
    assert!(
        matches!(&out[..], [crate::protocol::FromWorker::Error { message }] if message == "prune=abc: not a number; ignored"),
        "{out:?}"
    );
    assert_eq!(t.network(), &before);
}

#[test]
fn switching_quantisation_off_measures_the_float_network_again() {
    let mut t = advanced(Config::default());
    for _ in 0..50 {
        t.train_epoch();
    }
    let float = t.losses();
    configure(&mut t, &with("quant=2"));
    assert_ne!(t.losses(), float);
    configure(&mut t, &with("quant=4"));
    let four = t.losses();
    assert_ne!(four, float);
    configure(&mut t, &with(""));
    assert_eq!(t.losses(), float);
}

/// The lesson's claim (`lessons/…augmentation`): with 10 % of the points for
/// training and noise 50, jitter and flips narrow the circle's gap between
/// training and test loss and lower the test loss (means over seeds 1–3,
/// 400 epochs; measured 0.275 → 0.045 and 0.462 → 0.317); on xor, whose
/// label changes sign with a flip, flips keep even the training loss high.
#[test]
fn augmentation_narrows_the_gap_with_little_noisy_data() {
    let mean = |data: &str, aug: &str| {
        let mut sum = (0.0, 0.0);
        for seed in 1..=3 {
            let hash = format!("data={data}&train=10&noise=50&net=8,8&seed={seed}&{aug}");
            let mut t = advanced(url::decode(&hash).config);
            for _ in 0..400 {
                t.train_epoch();
            }
            let (train, test) = t.losses();
            sum = (sum.0 + train / 3.0, sum.1 + test / 3.0);
        }
        sum
    };
    let (plain, augmented) = (mean("circle", ""), mean("circle", "aug=jitter,flip"));
    let gap = |(train, test): (f32, f32)| test - train;
    assert!(gap(augmented) < gap(plain) / 3.0, "{plain:?} {augmented:?}");
    assert!(augmented.1 < plain.1 - 0.1, "{plain:?} {augmented:?}");
    let xor_flipped = mean("xor", "aug=flip");
    assert!(xor_flipped.0 > 0.4, "{xor_flipped:?}");
}

/// The link of an imported file (`csv`: `features` for column `target`,
/// `train` percent of the rows for training), which carries the data.
fn link_of(csv: &str, features: Vec<u32>, target: u32, task: crate::dataset::Problem, train: u32, seed: u32) -> String {
    let mut t = Trainer::new(Config::default());
    t.inspect(csv.as_bytes(), crate::table::ReadOptions::default());
    let mut request = crate::importer::MappingRequest::new(features, target, task, seed);
    request.train_percent = train;
    let (out, _) = t.handle(ToWorker::UseCsv { request, axes: (0, 1) });
    match out.first() {
        Some(crate::protocol::FromWorker::CsvInUse { hash, .. }) => hash.clone(),
        other => panic!("{other:?}"),
    }
}

/// The sample file of house prices (four numeric features, a price to predict).
fn imported_link() -> String {
    let csv = include_str!("../../www/samples/houses.csv");
    link_of(csv, vec![0, 1, 2, 3], 4, crate::dataset::Problem::Regression, 50, 1)
}

/// `trainer` on the link `hash` after 40 epochs: its weights, losses and what it said.
fn trained_on(mut t: Trainer, hash: &str) -> (crate::network::Network, (u32, u32), Vec<crate::protocol::FromWorker>) {
    let (said, _) = t.handle(ToWorker::Configure {
        hash: hash.into(),
        run: 1,
    });
    assert!(t.config().csv.is_some(), "{said:?}");
    for _ in 0..40 {
        assert!(t.train_epoch().is_none());
    }
    let (train, test) = t.losses();
    (t.network().clone(), (train.to_bits(), test.to_bits()), said)
}

#[test]
fn imported_data_without_augmentation_trains_the_same_bits_as_the_pages_worker() {
    let link = imported_link();
    let plain = trained_on(Trainer::new(Config::default()), &link);
    let adv = trained_on(advanced(Config::default()), &link);
    assert_eq!(plain.0, adv.0);
    assert_eq!(plain.1, adv.1);
}

#[test]
fn imported_data_is_augmented_by_jitter_and_mixup_and_replays_bit_for_bit() {
    let link = imported_link();
    let keys = format!("{link}&aug=jitter,mixup");
    let once = trained_on(advanced(Config::default()), &keys);
    let again = trained_on(advanced(Config::default()), &keys);
    assert_eq!(once.0, again.0);
    assert_eq!(once.1, again.1);
    assert!(
        once.2
            .iter()
            .all(|m| !matches!(m, crate::protocol::FromWorker::Error { .. })),
        "{:?}",
        once.2
    );
    let plain = trained_on(advanced(Config::default()), &link);
    assert_ne!(once.0, plain.0);
    assert_ne!(once.1, plain.1);
    assert!(f32::from_bits(once.1 .1).is_finite());
}

#[test]
fn rotation_on_a_file_of_four_features_is_said_and_left_out() {
    let link = imported_link();
    let rotated = trained_on(advanced(Config::default()), &format!("{link}&aug=jitter,rotate,flip"));
    let said: Vec<String> = rotated
        .2
        .iter()
        .filter_map(|m| match m {
            crate::protocol::FromWorker::Error { message } => Some(message.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        said,
        ["aug: rotate and flip turn the plane of two features; this file has 4, so they are left out (jitter and mixup apply)"]
    );
    let jittered = trained_on(advanced(Config::default()), &format!("{link}&aug=jitter"));
    assert_eq!(rotated.0, jittered.0, "the same bits as jitter alone");
    // Only rotation asked: the file trains as without augmentation.
    let only = trained_on(advanced(Config::default()), &format!("{link}&aug=rotate"));
    assert_eq!(only.0, trained_on(advanced(Config::default()), &link).0);
}

/// Augmentation of an imported file: with 10 % of the sample moons for
/// training, jitter narrows the gap between test and training loss and lowers
/// the test loss (means over seeds 1–3, 400 epochs, 8-8 network; measured gap
/// 0.095 → 0.010, test loss 0.203 → 0.166); flips, which swap the moons'
/// sides, leave the network at chance (0.5).
#[test]
fn augmenting_a_little_imported_data_narrows_the_gap() {
    let csv = include_str!("../../www/samples/moons.csv");
    let mean = |aug: &str| {
        let mut sum = (0.0, 0.0);
        for seed in 1..=3 {
            let link = link_of(csv, vec![0, 1], 2, crate::dataset::Problem::Classification, 10, seed);
            let mut t = advanced(Config::default());
            t.handle(ToWorker::Configure {
                hash: format!("{link}&net=8,8&{aug}"),
                run: 1,
            });
            for _ in 0..400 {
                t.train_epoch();
            }
            let (train, test) = t.losses();
            sum = (sum.0 + train / 3.0, sum.1 + test / 3.0);
        }
        sum
    };
    let gap = |(train, test): (f32, f32)| test - train;
    let (plain, jittered) = (mean(""), mean("aug=jitter"));
    assert!(gap(jittered) < gap(plain) / 3.0, "{plain:?} {jittered:?}");
    assert!(jittered.1 < plain.1 - 0.02, "{plain:?} {jittered:?}");
    let flipped = mean("aug=flip");
    assert!(flipped.0 > 0.45, "{flipped:?}");
}

/// Batch normalisation's claim (Ioffe & Szegedy 2015), lesson-sized: six
/// sigmoid layers deep, the circle stays at chance without it and is learned
/// with it, at the same rate and steps.
#[test]
fn batch_norm_trains_a_deep_sigmoid_network_that_is_stuck_without() {
    for seed in 1..=3 {
        let test_loss = |norm: &str| {
            let hash = format!("data=circle&net=6,6,6,6,6,6&act=sigmoid&lr=0.1&batch=10&seed={seed}&{norm}");
            let mut t = advanced(url::decode(&hash).config);
            for _ in 0..100 {
                t.train_epoch();
            }
            t.losses().1
        };
        let (plain, normed) = (test_loss(""), test_loss("norm=batch"));
        assert!(
            plain > 0.45 && normed < 0.15,
            "seed {seed}: {plain} without, {normed} with"
        );
    }
}

#[test]
fn normalisation_replays_bit_for_bit_and_starts_afresh_with_a_new_run() {
    let hash = "data=spiral&net=8,8&batch=7&seed=4&norm=batch,layer&norm-at=after";
    let config = url::decode(&hash.replace("&norm=batch,layer&norm-at=after", "")).config;
    let mut c = url::decode(hash).config;
    assert!(!c.advanced.is_empty());
    let run = |c: &Config| {
        let mut t = advanced(c.clone());
        for _ in 0..30 {
            t.train_epoch();
        }
        (t.network().params(), t.losses())
    };
    let first = run(&c);
    assert_eq!(first, run(&c));
    // Not the plain run's.
    assert_ne!(first.0, run(&config).0);
    // Dropout too.
    c.dropout = vec![0.2];
    assert_eq!(run(&c), run(&c));
    // A reset starts with fresh γ, β and statistics: the same bits as a new trainer.
    let mut t = advanced(c.clone());
    for _ in 0..5 {
        t.train_epoch();
    }
    t.handle(ToWorker::Reset { run: 2 });
    for _ in 0..30 {
        t.train_epoch();
    }
    assert_eq!((t.network().params(), t.losses()), run(&c));
}

#[test]
fn batch_norm_with_batches_of_one_says_so() {
    let mut c = with("norm=batch");
    c.batch_size = 1;
    let mut t = advanced(Config::default());
    let said = format!("{:?}", configure(&mut t, &c));
    assert!(said.contains("batch size 1"), "{said}");
}

#[test]
fn quantised_activations_change_what_is_shown_and_eight_bits_stay_near_float() {
    let base = "data=spiral&net=8,8&seed=3&batch=10";
    let trained = |keys: &str| {
        let mut t = advanced(url::decode(&format!("{base}&{keys}")).config);
        for _ in 0..150 {
            t.train_epoch();
        }
        let output = t.snapshot().output;
        (t.network().params(), t.losses(), output)
    };
    let (float_w, float_loss, float_pic) = trained("");
    let (w2, loss2, pic2) = trained("quant=2");
    let (w2a, loss2a, pic2a) = trained("quant=2&quant-act=1");
    let (w8a, loss8a, _) = trained("quant=8&quant-act=1");
    // What is shown changes; what is trained does not.
    assert_eq!(w2, float_w);
    assert_eq!(w2a, float_w);
    assert_eq!(w8a, float_w);
    assert_ne!(loss2a, loss2, "the activations count");
    assert_ne!(pic2a, pic2);
    assert_ne!(pic2a, float_pic);
    assert!((loss8a.1 - float_loss.1).abs() < 0.02, "{float_loss:?} {loss8a:?}");
}
