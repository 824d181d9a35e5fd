use super::*;
use crate::rng::{Rng, Stream};

fn mixed() -> Vec<Domain> {
    vec![
        Domain::Real {
            lo: 1e-4,
            hi: 1.0,
            log: true,
        },
        Domain::Real {
            lo: -2.0,
            hi: 3.0,
            log: false,
        },
        Domain::Int {
            lo: 1,
            hi: 64,
            log: true,
        },
        Domain::Int {
            lo: -3,
            hi: 3,
            log: false,
        },
        Domain::Choice { n: 4 },
    ]
}

fn inside(domain: &Domain, v: f64) -> bool {
    match *domain {
        Domain::Real { lo, hi, .. } => (lo..=hi).contains(&v),
        Domain::Int { lo, hi, .. } => v.fract() == 0.0 && (lo as f64..=hi as f64).contains(&v),
        Domain::Choice { n } => v.fract() == 0.0 && (0.0..n as f64).contains(&v),
    }
}

/// Trial k's random generator in a search with seed `seed`.
fn trial_rng(seed: u32, k: usize) -> Rng {
    Rng::for_epoch(seed, k as u64, Stream::Search)
}

/// Runs `trials` trials of `objective`, trial k suggested by `sampler` from
/// the first `visible(k)` trials as seen and the later ones as pending (the
/// parallel workers' lag) with trial k's generator; returns the observations
/// in trial order.
fn search(
    seed: u32,
    trials: usize,
    objective: fn(&[f64]) -> f64,
    sampler: impl Fn(&[Observation], &[Observation], &mut Rng) -> Vec<f64>,
) -> Vec<Observation> {
    let mut seen: Vec<Observation> = Vec::with_capacity(trials);
    for k in 0..trials {
        let (finished, pending) = seen.split_at(visible(k));
        let values = sampler(finished, pending, &mut trial_rng(seed, k));
        seen.push(Observation {
            objective: objective(&values),
            values,
        });
    }
    seen
}

fn best(seen: &[Observation]) -> f64 {
    seen.iter().map(|o| o.objective).fold(f64::INFINITY, f64::min)
}

/// Branin on x1 in [-5, 10], x2 in [0, 15]; its minimum is 0.397887 (at three points).
fn branin(x: &[f64]) -> f64 {
    use std::f64::consts::PI;
    let (b, c, t) = (5.1 / (4.0 * PI * PI), 5.0 / PI, 1.0 / (8.0 * PI));
    (x[1] - b * x[0] * x[0] + c * x[0] - 6.0).powi(2) + 10.0 * (1.0 - t) * x[0].cos() + 10.0
}

fn branin_domains() -> Vec<Domain> {
    vec![
        Domain::Real {
            lo: -5.0,
            hi: 10.0,
            log: false,
        },
        Domain::Real {
            lo: 0.0,
            hi: 15.0,
            log: false,
        },
    ]
}

/// Each seed's best of a TPE search and of a random search of `trials` trials.
fn tpe_and_random_bests(trials: usize, domains: &[Domain], objective: fn(&[f64]) -> f64) -> Vec<(f64, f64)> {
    let tpe = Tpe::default();
    (1..=20)
        .map(|seed| {
            let by_tpe = search(seed, trials, objective, |seen, pending, rng| {
                tpe.suggest(domains, seen, pending, rng)
            });
            let by_random = search(seed, trials, objective, |_, _, rng| random(domains, rng));
            (best(&by_tpe), best(&by_random))
        })
        .collect()
}

#[test]
fn random_draws_stay_in_their_domains_and_the_same_seed_draws_the_same() {
    let domains = mixed();
    for k in 0..500 {
        let draw = random(&domains, &mut trial_rng(1, k));
        assert!(domains.iter().zip(&draw).all(|(d, &v)| inside(d, v)), "{draw:?}");
        assert_eq!(draw, random(&domains, &mut trial_rng(1, k)));
    }
    assert_ne!(
        random(&domains, &mut trial_rng(1, 0)),
        random(&domains, &mut trial_rng(2, 0))
    );
}

#[test]
fn log_domains_are_log_uniform() {
    // ln is uniform: a quarter of [1e-4, 1]'s log range lies below 1e-3, half below 1e-2;
    // the integer cells of 1 ..= 64 are [i − ½, i + ½]: 1 ..= 7 take ln(7.5 / 0.5) / ln(64.5 / 0.5).
    let domains = [
        Domain::Real {
            lo: 1e-4,
            hi: 1.0,
            log: true,
        },
        Domain::Int {
            lo: 1,
            hi: 64,
            log: true,
        },
    ];
    let n = 4000;
    let draws: Vec<Vec<f64>> = (0..n).map(|k| random(&domains, &mut trial_rng(3, k))).collect();
    let share = |test: &dyn Fn(&[f64]) -> bool| draws.iter().filter(|d| test(d)).count() as f64 / n as f64;
    for (got, want) in [
        (share(&|d| d[0] < 1e-3), 0.25),
        (share(&|d| d[0] < 1e-2), 0.5),
        (share(&|d| d[1] <= 7.0), (7.5f64 / 0.5).ln() / (64.5f64 / 0.5).ln()),
    ] {
        assert!((got - want).abs() < 0.025, "share {got}, expected {want}");
    }
}

#[test]
fn tpe_suggestions_stay_in_their_domains_and_repeat_for_the_same_seed_and_observations() {
    let domains = mixed();
    let objective = |x: &[f64]| x[0].ln().abs() + x[1] * x[1] + x[2] / 64.0 + x[3].abs() + x[4];
    let mut seen: Vec<Observation> = (0..40)
        .map(|k| {
            let values = random(&domains, &mut trial_rng(4, k));
            Observation {
                objective: objective(&values),
                values,
            }
        })
        .collect();
    seen[5].objective = f64::NAN; // a failed trial
    seen[6].objective = f64::INFINITY; // a diverged one
    let tpe = Tpe::default();
    for k in 0..200 {
        let suggestion = tpe.suggest(&domains, &seen, &[], &mut trial_rng(5, k));
        assert!(
            domains.iter().zip(&suggestion).all(|(d, &v)| inside(d, v)),
            "{suggestion:?}"
        );
        assert_eq!(suggestion, tpe.suggest(&domains, &seen, &[], &mut trial_rng(5, k)));
    }
}

#[test]
fn tpe_draws_at_random_while_fewer_than_startup_observations_are_visible() {
    let domains = mixed();
    let seen: Vec<Observation> = (0..9)
        .map(|k| Observation {
            values: random(&domains, &mut trial_rng(6, k)),
            objective: k as f64,
        })
        .collect();
    let tpe = Tpe::default();
    assert_eq!(tpe.startup, 10);
    assert_eq!(
        tpe.suggest(&domains, &seen, &[], &mut trial_rng(7, 0)),
        random(&domains, &mut trial_rng(7, 0))
    );
    // With 10 visible it models them.
    let mut ten = seen.clone();
    ten.push(Observation {
        values: random(&domains, &mut trial_rng(6, 9)),
        objective: 9.0,
    });
    assert_ne!(
        tpe.suggest(&domains, &ten, &[], &mut trial_rng(7, 0)),
        random(&domains, &mut trial_rng(7, 0))
    );
}

#[test]
fn trial_k_sees_the_trials_that_finished_lag_trials_earlier() {
    assert_eq!(LAG, 6);
    assert_eq!((0..=9).map(visible).collect::<Vec<_>>(), [0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
}

/// (wins, ties, losses) of TPE against random search over the seeds' bests.
fn tally(bests: &[(f64, f64)]) -> (usize, usize, usize) {
    let count = |o: std::cmp::Ordering| bests.iter().filter(|(tpe, random)| tpe.total_cmp(random) == o).count();
    (
        count(std::cmp::Ordering::Less),
        count(std::cmp::Ordering::Equal),
        count(std::cmp::Ordering::Greater),
    )
}

/// For reference: Optuna 5.0.0's independent TPE with 8 trials in flight
/// (running trials count as bad, its constant_liar) beats its random sampler
/// on Branin after 40 trials in 11 of seeds 1..=20 ("lag8_wins_over_random_40"
/// of `scripts/search-reference.sh`, 2026-11-30). The lag costs: 10 results
/// must be seen before TPE starts, and a seed whose best is among the shared
/// random trials ties. Over seeds 1..=100 (40 trials) ours wins 66 with LAG 4,
/// 66 with LAG 6 and 61 with LAG 8 (without the pending trials in the bad
/// group, LAG 8: 37); LAG 6 keeps 6 workers busy at that rate.
#[test]
fn tpe_beats_random_search_on_branin_in_at_least_14_of_20_seeds_with_6_trials_in_flight() {
    let bests = tpe_and_random_bests(40, &branin_domains(), branin);
    let (wins, ties, losses) = tally(&bests);
    println!(
        "Branin, 40 trials, lag {LAG}: TPE beats random search in {wins} of 20 seeds, ties {ties}, loses {losses}"
    );
    assert!(wins >= 14, "{wins} wins, {losses} losses: {bests:?}");
}

/// Optuna 5.0.0's mean best on Branin after 50 trials over seeds 1..=20 with
/// TPESampler(seed=s, multivariate=False), the independent TPE as here, every
/// other setting Optuna's default, one trial at a time: so without our lag.
/// Produced by `scripts/search-reference.sh` (bench/search/optuna_branin.py,
/// "independent"."mean_50") on 2026-11-30. The same run gives 0.8199 for the
/// independent TPE with 8 trials in flight, and 0.5595 for Optuna's default,
/// the multivariate TPE (since 5.0).
const OPTUNA_INDEPENDENT_TPE_BRANIN_50: f64 = 0.8475283629390606;

#[test]
fn tpe_on_branin_is_within_20_percent_of_optunas_mean_best_after_50_trials_despite_the_lag() {
    let tpe = Tpe::default();
    let domains = branin_domains();
    let bests: Vec<f64> = (1..=20)
        .map(|seed| {
            best(&search(seed, 50, branin, |seen, pending, rng| {
                tpe.suggest(&domains, seen, pending, rng)
            }))
        })
        .collect();
    let mean = bests.iter().sum::<f64>() / 20.0;
    let optuna = OPTUNA_INDEPENDENT_TPE_BRANIN_50;
    println!("Branin, 50 trials: mean best {mean:.4} (lag {LAG}), Optuna {optuna:.4} (no lag); bests {bests:.3?}");
    assert!(
        (mean - optuna).abs() <= 0.2 * optuna,
        "mean best {mean}, Optuna's {optuna}"
    );
}

/// A toy tuning problem: a learning rate best near 0.01 (log scale), a width
/// best at 24, and four choices of which index 2 is clearly best.
fn toy(x: &[f64]) -> f64 {
    let choice_penalty = if x[2] == 2.0 { 0.0 } else { 1.0 };
    0.1 * (x[0] / 0.01).ln().powi(2) + ((x[1] - 24.0) / 16.0).powi(2) + choice_penalty
}

#[test]
fn tpe_beats_random_search_on_a_mixed_space_in_at_least_14_of_20_seeds() {
    let domains = [
        Domain::Real {
            lo: 1e-5,
            hi: 1.0,
            log: true,
        },
        Domain::Int {
            lo: 1,
            hi: 128,
            log: false,
        },
        Domain::Choice { n: 4 },
    ];
    let bests = tpe_and_random_bests(40, &domains, toy);
    let (wins, ties, losses) = tally(&bests);
    println!(
        "Mixed space, 40 trials, lag {LAG}: TPE beats random search in {wins} of 20 seeds, ties {ties}, loses {losses}"
    );
    assert!(
        wins >= 14,
        "TPE beats random search in only {wins} of 20 seeds: {bests:?}"
    );
}

#[test]
fn importance_is_each_dimensions_share_of_the_variance_on_a_grid() {
    // y = 1 + 2a + b on the grid a, b in {0, 1}: ȳ = 2.5, Σ (y − ȳ)² = 5; the means
    // by a are 1.5 and 3.5 (between 4), by b 2 and 3 (between 1).
    let domains = [
        Domain::Int {
            lo: 0,
            hi: 1,
            log: false,
        },
        Domain::Choice { n: 2 },
    ];
    let seen: Vec<Observation> = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
        .into_iter()
        .map(|(a, b)| Observation {
            values: vec![a, b],
            objective: 1.0 + 2.0 * a + b,
        })
        .collect();
    assert_eq!(importance(&domains, &seen), vec![0.8, 0.2]);
    // A failed trial changes nothing.
    let mut with_failure = seen.clone();
    with_failure.push(Observation {
        values: vec![0.0, 0.0],
        objective: f64::NAN,
    });
    assert_eq!(importance(&domains, &with_failure), vec![0.8, 0.2]);
}

#[test]
fn importance_bins_a_dimension_with_many_values_into_quartiles() {
    // x = 0 ..= 15, y = x: bins of 4 with means 1.5, 5.5, 9.5, 13.5 around 7.5:
    // between 4 (36 + 4 + 4 + 36) = 320, total Σ (x − 7.5)² = 340, η² = 16/17.
    // The choice x mod 2 has the means 7 (even) and 8 (odd): between 16 · ½² = 4, η² = 4/340.
    let domains = [
        Domain::Real {
            lo: 0.0,
            hi: 15.0,
            log: false,
        },
        Domain::Choice { n: 2 },
    ];
    let seen: Vec<Observation> = (0..16)
        .map(|i| Observation {
            values: vec![f64::from(i), f64::from(i % 2)],
            objective: f64::from(i),
        })
        .collect();
    let got = importance(&domains, &seen);
    assert!(
        (got[0] - 16.0 / 17.0).abs() < 1e-12 && (got[1] - 4.0 / 340.0).abs() < 1e-12,
        "{got:?}"
    );
}

#[test]
fn importance_is_zero_without_two_finite_objectives_or_without_variance() {
    let domains = [Domain::Choice { n: 2 }];
    let one = [Observation {
        values: vec![0.0],
        objective: 1.0,
    }];
    assert_eq!(importance(&domains, &one), vec![0.0]);
    let flat = [
        one[0].clone(),
        Observation {
            values: vec![1.0],
            objective: 1.0,
        },
    ];
    assert_eq!(importance(&domains, &flat), vec![0.0]);
}
