use super::*;

/// The sets added by nnplay (the Playground's six are pinned).
const NEW: [DatasetKind; 6] = [
    DatasetKind::Moons,
    DatasetKind::Checkerboard,
    DatasetKind::Rings,
    DatasetKind::Arms,
    DatasetKind::Blobs,
    DatasetKind::ClassRings,
];

fn all_ks() -> std::ops::RangeInclusive<usize> {
    CLASSES_RANGE.0..=CLASSES_RANGE.1
}

fn radius(p: &Point) -> f64 {
    f64::from(p.x1).hypot(f64::from(p.x2))
}

fn assert_in_domain(kind: DatasetKind, k: usize, pts: &[Point]) {
    for p in pts {
        assert!(
            p.x1.abs() <= 6.5 && p.x2.abs() <= 6.5,
            "{kind:?} K={k} point {p:?} outside domain"
        );
    }
}

fn assert_labels(kind: DatasetKind, k: usize, pts: &[Point]) {
    for p in pts {
        if kind.is_multiclass() {
            let ok = p.label.fract() == 0.0 && (0.0..k as f32).contains(&p.label);
            assert!(ok, "{kind:?} K={k} label {}", p.label);
        } else if kind.problem() == Problem::Classification {
            assert!(p.label == 1.0 || p.label == -1.0, "{kind:?} label {}", p.label);
        } else {
            assert!((-1.0..=1.0).contains(&p.label), "{kind:?} label {}", p.label);
        }
    }
}

#[test]
fn counts_and_domain() {
    for kind in DatasetKind::ALL {
        for k in all_ks() {
            let pts = kind.generate_k(0, 5, k);
            assert_eq!(pts.len(), kind.num_samples(), "{kind:?}");
            assert_in_domain(kind, k, &pts);
            assert_labels(kind, k, &pts);
        }
    }
}

#[test]
fn new_sets_stay_in_the_domain_at_every_noise() {
    for kind in NEW {
        for k in all_ks() {
            for noise in [0, 10, 25, 50] {
                for seed in 1..=4 {
                    let pts = kind.generate_k(noise, seed, k);
                    assert_eq!(pts.len(), NUM_SAMPLES_CLASSIFY);
                    assert_in_domain(kind, k, &pts);
                    assert_labels(kind, k, &pts);
                }
            }
        }
    }
}

#[test]
fn keys_labels_and_problems() {
    for kind in DatasetKind::ALL {
        assert_eq!(DatasetKind::from_key(kind.key()), Some(kind));
        assert!(!kind.label().is_empty());
    }
    let keys: std::collections::HashSet<_> = DatasetKind::ALL.iter().map(|d| d.key()).collect();
    assert_eq!(keys.len(), DatasetKind::ALL.len());
    let expected = [
        (DatasetKind::Moons, "moons", "Two moons"),
        (DatasetKind::Checkerboard, "checker", "Checkerboard"),
        (DatasetKind::Rings, "rings", "Rings"),
        (DatasetKind::Arms, "arms", "Spiral arms"),
        (DatasetKind::Blobs, "blobs", "Gaussian blobs"),
        (DatasetKind::ClassRings, "krings", "Class rings"),
    ];
    for (kind, key, label) in expected {
        assert_eq!(
            (kind.key(), kind.label(), kind.problem()),
            (key, label.to_string(), Problem::Classification)
        );
    }
    assert_eq!(
        DatasetKind::ALL[..6],
        [
            DatasetKind::Circle,
            DatasetKind::Xor,
            DatasetKind::Gauss,
            DatasetKind::Spiral,
            DatasetKind::Plane,
            DatasetKind::MultiGauss
        ]
    );
}

#[test]
fn number_of_classes() {
    for kind in DatasetKind::ALL {
        let multi = matches!(kind, DatasetKind::Arms | DatasetKind::Blobs | DatasetKind::ClassRings);
        assert_eq!(kind.is_multiclass(), multi, "{kind:?}");
        for (requested, clamped) in [(0, 3), (1, 3), (3, 3), (5, 5), (16, 16), (17, 16), (100, 16)] {
            let want = match kind.problem() {
                Problem::Regression => 0,
                Problem::Classification if multi => clamped,
                Problem::Classification => 2,
            };
            assert_eq!(kind.classes(requested), want, "{kind:?} {requested}");
        }
    }
    assert_eq!((CLASSES_RANGE, DEFAULT_CLASSES), ((3, 16), 4));
    assert_eq!(DatasetKind::CLASSES_RANGE, CLASSES_RANGE);
    assert_eq!(DatasetKind::DEFAULT_CLASSES, DEFAULT_CLASSES);
}

#[test]
fn generate_is_generate_k_with_the_default_and_k_is_clamped() {
    for kind in DatasetKind::ALL {
        assert_eq!(
            kind.generate(20, 3),
            kind.generate_k(20, 3, DEFAULT_CLASSES),
            "{kind:?}"
        );
        assert_eq!(kind.generate_k(20, 3, 0), kind.generate_k(20, 3, 3), "{kind:?}");
        assert_eq!(kind.generate_k(20, 3, 50), kind.generate_k(20, 3, 16), "{kind:?}");
        if !kind.is_multiclass() {
            assert_eq!(kind.generate_k(20, 3, 3), kind.generate_k(20, 3, 8), "{kind:?} uses K");
        }
    }
}

/// FNV-1a over every bit of the Playground's six sets: moving or touching
/// their generators must not change a single point.
#[test]
fn playground_sets_are_unchanged() {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for kind in &DatasetKind::ALL[..6] {
        for noise in [0, 25, 50] {
            for seed in [1, 7, 123] {
                for p in kind.generate(noise, seed) {
                    for b in [p.x1.to_bits(), p.x2.to_bits(), p.label.to_bits()] {
                        h ^= u64::from(b);
                        h = h.wrapping_mul(0x100_0000_01b3);
                    }
                }
            }
        }
    }
    assert_eq!(h, 0xab73_59c9_3d46_f7b9);
}

#[test]
fn noiseless_circle_labels_follow_the_radius() {
    for p in DatasetKind::Circle.generate(0, 9) {
        let r = (p.x1 * p.x1 + p.x2 * p.x2).sqrt();
        assert_eq!(p.label, if r < 2.5 { 1.0 } else { -1.0 });
    }
}

#[test]
fn noiseless_xor_labels_follow_the_quadrant() {
    for p in DatasetKind::Xor.generate(0, 9) {
        assert_eq!(p.label, if p.x1 * p.x2 >= 0.0 { 1.0 } else { -1.0 });
        assert!(p.x1.abs() >= 0.3 && p.x2.abs() >= 0.3);
    }
}

#[test]
fn noiseless_checkerboard_labels_follow_the_squares() {
    for seed in 1..=5 {
        for p in DatasetKind::Checkerboard.generate(0, seed) {
            assert!(p.x1.abs() <= 6.0 && p.x2.abs() <= 6.0, "{p:?}");
            let col = (f64::from(p.x1) / 3.0).floor() as i64;
            let row = (f64::from(p.x2) / 3.0).floor() as i64;
            assert_eq!(
                p.label,
                if (col + row).rem_euclid(2) == 0 { 1.0 } else { -1.0 },
                "{p:?}"
            );
        }
    }
}

/// Ring `k` of `bands` rings from `r_in` to `r_out` (see `shapes::ring_set`), or None in a gap.
fn ring_of(r: f64, bands: usize, r_in: f64, r_out: f64) -> Option<usize> {
    let pitch = (r_out - r_in) / (bands as f64 - 0.3);
    (0..bands).find(|&k| {
        let lo = r_in + k as f64 * pitch;
        (lo - 1e-4..=lo + 0.7 * pitch + 1e-4).contains(&r)
    })
}

#[test]
fn noiseless_rings_labels_follow_the_radius() {
    // Rings 0.5..1.45, 1.85..2.80, 3.20..4.15, 4.55..5.5: +1, -1, +1, -1.
    for seed in 1..=5 {
        for p in DatasetKind::Rings.generate(0, seed) {
            let k = ring_of(radius(&p), 4, 0.5, 5.5).unwrap_or_else(|| panic!("{p:?} in no ring"));
            assert_eq!(p.label, if k % 2 == 0 { 1.0 } else { -1.0 }, "{p:?}");
        }
    }
    let inner = DatasetKind::Rings.generate(0, 1).into_iter().map(|p| radius(&p));
    let (min, max) = inner.fold((f64::MAX, 0.0f64), |(lo, hi), r| (lo.min(r), hi.max(r)));
    assert!(
        (0.5 - 1e-4..0.6).contains(&min) && max <= 5.5 + 1e-4 && max > 5.4,
        "{min} {max}"
    );
}

#[test]
fn noiseless_class_rings_labels_follow_the_radius() {
    for k in all_ks() {
        for p in DatasetKind::ClassRings.generate_k(0, 4, k) {
            let ring = ring_of(radius(&p), k, 0.3, 5.8).unwrap_or_else(|| panic!("K={k} {p:?} in no ring"));
            assert_eq!(p.label, ring as f32, "K={k} {p:?}");
        }
    }
}

#[test]
fn noiseless_blobs_and_arms_follow_their_centres_and_arms() {
    for k in all_ks() {
        // Each blob's mean is its centre.
        let blobs = DatasetKind::Blobs.generate_k(0, 2, k);
        for c in 0..k {
            let class: Vec<_> = blobs.iter().filter(|p| p.label == c as f32).collect();
            let mean = |f: fn(&Point) -> f32| class.iter().map(|p| f64::from(f(p))).sum::<f64>() / class.len() as f64;
            let t = 2.0 * std::f64::consts::PI * c as f64 / k as f64;
            let (mx, my) = (mean(|p| p.x1), mean(|p| p.x2));
            assert!(
                (mx - 3.5 * t.sin()).hypot(my - 3.5 * t.cos()) < 0.25,
                "K={k} class {c} mean {mx} {my}"
            );
        }
        // Arm points lie on their arm: r = 5·i/m, angle = turns·2π·i/m + 2πc/K.
        for p in DatasetKind::Arms.generate_k(0, 2, k) {
            let r = radius(&p);
            if r < 1e-3 {
                continue;
            }
            let turns = 1.75 * (4.0 / k as f64).min(1.0);
            let t = turns * 2.0 * std::f64::consts::PI * r / 5.0
                + 2.0 * std::f64::consts::PI * f64::from(p.label) / k as f64;
            let (ex, ey) = (r * t.sin(), r * t.cos());
            assert!((f64::from(p.x1) - ex).hypot(f64::from(p.x2) - ey) < 1e-3, "K={k} {p:?}");
        }
    }
}

#[test]
fn classes_are_balanced() {
    for kind in [
        DatasetKind::Circle,
        DatasetKind::Gauss,
        DatasetKind::Spiral,
        DatasetKind::Moons,
        DatasetKind::Checkerboard,
        DatasetKind::Rings,
    ] {
        let pos = kind.generate(0, 1).iter().filter(|p| p.label > 0.0).count();
        assert_eq!(pos, 250, "{kind:?}");
    }
}

#[test]
fn multiclass_classes_are_balanced() {
    for kind in [DatasetKind::Arms, DatasetKind::Blobs, DatasetKind::ClassRings] {
        for k in all_ks() {
            let pts = kind.generate_k(30, 1, k);
            let n = pts.len();
            for c in 0..k {
                let count = pts.iter().filter(|p| p.label == c as f32).count();
                assert_eq!(count, n / k + usize::from(c < n % k), "{kind:?} K={k} class {c}");
            }
        }
    }
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    for kind in DatasetKind::ALL {
        for k in [3, 8] {
            let a = kind.generate_k(20, 42, k);
            assert_eq!(a, kind.generate_k(20, 42, k), "{kind:?}");
            assert_ne!(a, kind.generate_k(20, 43, k), "{kind:?}");
        }
    }
}

#[test]
fn noise_changes_the_data() {
    for kind in NEW {
        for k in [3, 8] {
            let clean = kind.generate_k(0, 8, k);
            assert_ne!(clean, kind.generate_k(10, 8, k), "{kind:?}");
            assert_ne!(kind.generate_k(10, 8, k), kind.generate_k(50, 8, k), "{kind:?}");
        }
    }
}

/// Leave-one-out error of the nearest-neighbour classifier: 0 for cleanly
/// separated classes, growing as they overlap.
fn nearest_neighbour_error(pts: &[Point]) -> f64 {
    let d2 = |a: &Point, b: &Point| (a.x1 - b.x1).powi(2) + (a.x2 - b.x2).powi(2);
    let wrong = pts
        .iter()
        .enumerate()
        .filter(|&(i, p)| {
            let nearest = pts
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .min_by(|(_, a), (_, b)| d2(p, a).total_cmp(&d2(p, b)))
                .unwrap()
                .1;
            nearest.label != p.label
        })
        .count();
    wrong as f64 / pts.len() as f64
}

#[test]
fn noise_makes_every_new_set_harder() {
    for kind in NEW {
        for k in [3, 8] {
            let err = |noise| nearest_neighbour_error(&kind.generate_k(noise, 11, k));
            let (clean, some, most) = (err(0), err(25), err(50));
            // The checkerboard's uniform points meet across the squares' edges even without noise.
            assert!(clean < 0.1, "{kind:?} K={k}: clean error {clean}");
            assert!(
                some >= clean && most > some && most > 2.0 * clean + 0.03,
                "{kind:?} K={k}: errors {clean} {some} {most}"
            );
        }
    }
}

#[test]
fn split_follows_the_ratio() {
    let pts = DatasetKind::Circle.generate(0, 1);
    let (train, test) = split(&pts, 30);
    assert_eq!((train.len(), test.len()), (150, 350));
}

#[test]
fn split3_without_validation_is_split() {
    let pts = DatasetKind::Moons.generate(10, 1);
    for train_percent in [0, 1, 30, 50, 99, 100] {
        let (train, validation, test) = split3(&pts, train_percent, 0);
        assert!(validation.is_empty());
        assert_eq!((train, test), split(&pts, train_percent), "{train_percent}");
    }
}

#[test]
fn split3_partitions_in_order() {
    let pts = DatasetKind::Blobs.generate(10, 1);
    let n = pts.len();
    for (train_percent, validation_percent) in [(50, 10), (80, 20), (30, 50), (100, 100), (0, 10), (70, 0), (33, 7)] {
        let (train, validation, test) = split3(&pts, train_percent, validation_percent);
        let n_train_total = n * train_percent as usize / 100;
        let n_val = (n * validation_percent as usize / 100).min(n_train_total);
        assert_eq!(
            (train.len(), validation.len(), test.len()),
            (n_train_total - n_val, n_val, n - n_train_total),
            "{train_percent} {validation_percent}"
        );
        assert_eq!(
            [train, validation, test].concat(),
            pts,
            "{train_percent} {validation_percent}"
        );
    }
    let (train, validation, test) = split3(&pts, 80, 20);
    assert_eq!((train.len(), validation.len(), test.len()), (300, 100, 100));
}
