//! The search as a whole: values as typed, grids, one trial against a plain
//! training run, and replay whatever order the workers finish in.

use super::objective::Objective;
use super::pruner::Pruner;
use super::setting::{Setting, Value, Values};
use super::spec::{Field, SearchSpec, Strategy};
use super::trial::{run, TrialState};
use super::Run;
use crate::config::Config;
use crate::dataset::DatasetKind;
use crate::trainer::Trainer;

fn spiral() -> Config {
    let mut c = Config::default();
    c.set_dataset(DatasetKind::Spiral);
    c.hidden = vec![4];
    c
}

#[test]
fn values_are_read_as_typed_and_wrong_ones_say_what_is_wrong() {
    let lr = Setting::LearningRate;
    assert_eq!(lr.parse("0.01, 0.1,0.01"), Ok(Values::Numbers(vec![0.01, 0.1])));
    assert_eq!(lr.parse("0.001 .. 0.1"), Ok(Values::Range(0.001, 0.1)));
    assert_eq!(
        lr.parse("0.1 .. 0.01"),
        Err("the minimum 0.1 is not below the maximum 0.01".into())
    );
    assert_eq!(
        Setting::RegularizationRate.parse("0 .. 0.1"),
        Err("a log range needs a minimum above 0, not 0".into())
    );
    assert_eq!(Setting::BatchSize.parse("1.5"), Err("1.5 is not a whole number".into()));
    assert_eq!(Setting::BatchSize.parse("x"), Err("‘x’ is not a number".into()));
    assert!(Setting::BatchSize.parse("100").unwrap_err().contains("outside"));
    assert_eq!(
        Setting::Activation.parse("TANH, relu"),
        Ok(Values::Keys(vec!["tanh", "relu"]))
    );
    assert!(Setting::Activation.parse("swish").unwrap_err().contains("not one of"));
    assert_eq!(
        Setting::Shape.parse("4 | 8,8 | 8,8,8"),
        Ok(Values::Shapes(vec![vec![4], vec![8, 8], vec![8, 8, 8]]))
    );
    assert!(Setting::Shape.parse("4 | 0").is_err());
    assert_eq!(lr.parse(" "), Err("give at least one value".into()));
}

#[test]
fn the_course_grid_counts_its_combinations_and_a_huge_grid_is_refused() {
    let base = Config::default();
    let spec = SearchSpec::default();
    let checked = spec.check(&base);
    assert_eq!(checked.problems, vec![]);
    // 4 learning rates × 3 batch sizes × 3 dropout rates.
    assert_eq!(checked.total, 36);
    let mut big = spec.clone();
    big.tick(Setting::RegularizationRate, true, Some("0.001 .. 1".into()));
    big.tick(Setting::Neurons, true, Some("1 .. 8".into()));
    big.tick(Setting::HiddenLayers, true, Some("0,1,2,3,4,5,6,7,8,9,10".into()));
    big.tick(Setting::Activation, true, Some("tanh, relu, sigmoid".into()));
    let checked = big.check(&base);
    // 36 × 5 × 5 × 11 × 3.
    assert_eq!(checked.total, 29_700);
    assert!(checked.space.is_none());
    assert!(matches!(checked.problems[0], (Field::Strategy, ref m) if m.contains("29700")));
    // The same space searched at random is fine.
    big.strategy = Strategy::Random;
    assert_eq!(big.check(&base).problems, vec![]);
}

#[test]
fn every_problem_is_named_beside_its_field() {
    let mut spec = SearchSpec {
        strategy: Strategy::Random,
        trials: 0,
        epochs: 0,
        ..SearchSpec::default()
    };
    spec.set_text(Setting::LearningRate, "0.1 .. 0.01".into());
    spec.tick(Setting::Shape, true, None);
    spec.tick(Setting::Neurons, true, None);
    spec.objective = Some(Objective::ValidationLoss);
    let fields: Vec<Field> = spec.check(&Config::default()).problems.iter().map(|p| p.0).collect();
    assert_eq!(
        fields,
        vec![
            Field::Setting(Setting::LearningRate),
            Field::Setting(Setting::Shape),
            Field::Trials,
            Field::Epochs,
            Field::Objective,
        ]
    );
}

#[test]
fn a_search_travels_in_a_link_and_comes_back_the_same() {
    let mut spec = SearchSpec {
        strategy: Strategy::Bayesian,
        trials: 40,
        epochs: 300,
        repeats: 3,
        objective: Some(Objective::TestAccuracy),
        pruner: Pruner::Median,
        seed: 7,
        ..SearchSpec::default()
    };
    spec.tick(Setting::Shape, true, Some("4 | 8,8".into()));
    let mut hash = crate::url::encode(&spiral());
    spec.encode(&mut hash);
    assert!(hash.ends_with(
        "&search=bayes&s_trials=40&s_epochs=300&s_repeats=3&s_obj=acc&s_prune=median&s_seed=7\
         &s_lr=0.003%2C0.01%2C0.03%2C0.1&s_batch=1%2C10%2C30&s_net=4%7C8%2C8&s_drop=0%2C0.1%2C0.3"
    ));
    // The playground's decoder leaves the search's keys to the panel.
    assert_eq!(crate::url::decode(&hash).warnings, vec![]);
    let (back, bad) = SearchSpec::decode(&super::panel::search_pairs(&hash));
    assert_eq!(bad, vec![]);
    let back = back.unwrap();
    assert_eq!(back.check(&spiral()), spec.check(&spiral()));
    assert_eq!(back.settings.len(), 4);
    assert_eq!(back.text(Setting::Shape), Some("4 | 8, 8"));
    // A link without a search has none.
    let plain = crate::url::encode(&spiral());
    assert_eq!(SearchSpec::decode(&super::panel::search_pairs(&plain)).0, None);
    // The search's part comes off and goes back on as written.
    assert_eq!(super::panel::setup_part(&hash), plain);
    assert_eq!(format!("{plain}{}", super::panel::search_part(&hash)), hash);
}

#[test]
fn a_trial_is_the_same_run_the_playground_trains_from_its_link() {
    let mut spec = SearchSpec::default();
    spec.epochs = 40;
    let base = spiral();
    let checked = spec.check(&base);
    let mut run_ = Run::new(spec, checked.space.unwrap(), base, checked.objective, checked.total);
    let job = run_.next_job().unwrap();
    let mut worker = Trainer::new(Config::default());
    let outcome = run(&mut worker, &job);
    assert_eq!(outcome.state, TrialState::Done);
    assert_eq!(outcome.epochs, 40);
    // The playground opening the trial's setup trains the same losses.
    let config = run_.trial_config(0).unwrap();
    let mut t = Trainer::new(config);
    for _ in 0..40 {
        assert!(t.train_epoch().is_none());
    }
    let s = t.scores();
    assert_eq!(outcome.test_loss.to_bits(), s.test_loss.to_bits());
    assert_eq!(outcome.objective, f64::from(s.test_loss));
    assert_eq!(outcome.curve.last().unwrap()[0], 40.0);
    assert!(outcome.curve.len() <= 51);
}

/// Runs a whole search with `workers` simulated workers that finish in a
/// scrambled order, returning each trial's values and objective bits.
fn simulate(spec: &SearchSpec, base: &Config, workers: usize, scramble: u64) -> Vec<(Vec<Value>, u64)> {
    let checked = spec.check(base);
    assert_eq!(checked.problems, vec![]);
    let mut r = Run::new(
        spec.clone(),
        checked.space.unwrap(),
        base.clone(),
        checked.objective,
        checked.total,
    );
    let mut trainer = Trainer::new(Config::default());
    let mut busy = Vec::new();
    let mut turn = scramble;
    while !r.is_complete() {
        while busy.len() < workers {
            match r.next_job() {
                Some(job) => busy.push(job),
                None => break,
            }
        }
        assert!(!busy.is_empty(), "a search must never stall");
        // Some worker finishes: which one depends on the scramble.
        turn = turn.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let job = busy.remove((turn >> 33) as usize % busy.len());
        r.finish(run(&mut trainer, &job));
    }
    r.trials
        .iter()
        .map(|t| (t.values.clone(), t.outcome.as_ref().unwrap().objective.to_bits()))
        .collect()
}

#[test]
fn the_same_link_gives_the_same_trials_whatever_the_workers_and_their_order() {
    let base = spiral();
    for (strategy, pruner) in [
        (Strategy::Random, Pruner::None),
        (Strategy::Bayesian, Pruner::Median),
        (Strategy::Grid, Pruner::Halving),
    ] {
        let spec = SearchSpec {
            strategy,
            pruner,
            trials: 14,
            epochs: 30,
            settings: vec![
                (Setting::LearningRate, "0.003 .. 0.3".into()),
                (Setting::BatchSize, "1, 10".into()),
            ],
            ..SearchSpec::default()
        };
        let one = simulate(&spec, &base, 1, 0);
        assert_eq!(one.len(), if strategy == Strategy::Grid { 10 } else { 14 });
        for (workers, scramble) in [(2, 1), (4, 2), (8, 3)] {
            assert_eq!(
                simulate(&spec, &base, workers, scramble),
                one,
                "{strategy:?} with {workers} workers"
            );
        }
    }
}

/// The best test loss of a 40-trial search over 4 settings of the spiral, on a
/// network that can learn it (two hidden layers, all seven input features).
fn spiral_best(strategy: Strategy, seed: u32) -> f64 {
    let spec = SearchSpec {
        strategy,
        trials: 40,
        epochs: 100,
        seed,
        settings: vec![
            (Setting::LearningRate, "0.001 .. 1".into()),
            (Setting::BatchSize, "1 .. 32".into()),
            (Setting::Neurons, "2 .. 8".into()),
            (Setting::Activation, "tanh, relu, sigmoid".into()),
        ],
        ..SearchSpec::default()
    };
    let mut base = spiral();
    base.hidden = vec![8, 8];
    base.features = crate::features::Feature::ALL.to_vec();
    let checked = spec.check(&base);
    let mut r = Run::new(spec, checked.space.unwrap(), base, checked.objective, checked.total);
    let mut trainer = Trainer::new(Config::default());
    while let Some(job) = r.next_job() {
        r.finish(run(&mut trainer, &job));
    }
    r.best()
        .and_then(|k| r.trials[k].outcome.as_ref())
        .map_or(f64::INFINITY, |o| r.cost(o))
}

#[test]
fn bayesian_search_beats_random_search_over_4_settings_of_the_spiral_in_at_least_14_of_20_seeds() {
    let t = std::time::Instant::now();
    let wins = (1..=20)
        .filter(|&seed| spiral_best(Strategy::Bayesian, seed) < spiral_best(Strategy::Random, seed))
        .count();
    println!(
        "spiral, 4 settings, 40 trials: Bayesian beats random in {wins} of 20 seeds ({:?})",
        t.elapsed()
    );
    assert!(wins >= 14, "{wins} of 20");
}

#[test]
fn the_charts_draw_every_finished_trial_and_escape_their_text() {
    let spec = SearchSpec {
        strategy: Strategy::Grid,
        epochs: 10,
        settings: vec![
            (Setting::LearningRate, "0.01, 0.1".into()),
            (Setting::Activation, "tanh, relu".into()),
        ],
        ..SearchSpec::default()
    };
    let base = spiral();
    let checked = spec.check(&base);
    let mut r = Run::new(spec, checked.space.unwrap(), base, checked.objective, checked.total);
    let mut trainer = Trainer::new(Config::default());
    while let Some(job) = r.next_job() {
        r.finish(run(&mut trainer, &job));
    }
    let history = super::charts::history(&r);
    assert!(history.starts_with("<svg") && history.ends_with("</svg>"));
    assert_eq!(history.matches("<circle").count(), 4);
    assert_eq!(super::charts::parallel(&r).matches("stroke-opacity").count(), 4);
    assert_eq!(super::charts::slices(&r).matches("<circle").count(), 8);
    let bars = super::charts::importance_bars(&r);
    assert!(bars.contains(">learning rate<") && bars.contains(">activation<"));
    assert!(super::charts::curves(&r, &[]).contains("Tick trials"));
    assert_eq!(
        super::charts::curves(&r, &[0, 3]).matches("<path").count(),
        1 + 2 * 2,
        "the frame and each trial's two curves"
    );
    assert_eq!(
        super::charts::escape("<a href=\"x\">&</a>"),
        "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    );
}

#[test]
fn a_grid_runs_its_costliest_combinations_first_so_no_worker_waits_long_at_the_end() {
    let spec = SearchSpec {
        settings: vec![
            (Setting::BatchSize, "1, 10, 30".into()),
            (Setting::Shape, "4 | 8,8 | 8,8,8".into()),
        ],
        ..SearchSpec::default()
    };
    let base = spiral();
    let checked = spec.check(&base);
    let space = checked.space.clone().unwrap();
    let mut r = Run::new(spec, space.clone(), base.clone(), checked.objective, checked.total);
    let mut work = Vec::new();
    while let Some(job) = r.next_job() {
        work.push(super::run::work(&space, &base, &r.trials[job.k as usize].x));
        r.finish(crate::search::trial::TrialOutcome::failed(job.k, String::new()));
    }
    assert_eq!(work.len(), 9);
    assert!(work.windows(2).all(|w| w[0] >= w[1]), "{work:?}");
    // Batch size 1 with three layers of 8 is the costliest, 30 with one layer of 4 the cheapest.
    assert_eq!(r.trials[0].values[0], Value::Number(1.0));
    assert_eq!(r.trials[8].values[0], Value::Number(30.0));
}
