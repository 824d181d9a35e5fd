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
