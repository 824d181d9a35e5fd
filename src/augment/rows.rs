//! Augmentation of imported rows (issue 17): the trainer's standardised
//! feature rows x (n, n_in) and coded targets y (n, n_out), varied per epoch
//! from the seed and the epoch (`Stream::Augment`) like the built-in points.
//!
//! For a row, in order:
//! - rotation and flips, only when the file has exactly two features (the
//!   plane's two coordinates, about the scaled data's origin);
//! - jitter: x_j += σ s_j ε, ε ~ N(0, 1), where s_j is feature j's spread over
//!   the training rows, so σ is in standardised units (s_j = 1 after the
//!   import's default scaling). A feature whose training values are all 0 or 1
//!   (a one-hot level, a yes/no column) is left alone: noise would make a
//!   category a number between;
//! - mixup: with a partner row j drawn uniformly and λ ~ Beta(α, α),
//!   x = λ x + (1 − λ) x_j and y = λ y + (1 − λ) y_j, over the coded targets:
//!   soft 0/1 or ±1 labels, mixed values, and mixed one-hot rows that still sum
//!   to 1 (cross-entropy −Σ t log p and its gradient p − t take soft targets).

use super::{beta, Augment};
use crate::rng::{Rng, Stream};

/// Each feature's spread for jitter: its standard deviation over the rows, 0
/// for a feature whose values are all 0 or 1.
pub fn spreads(x: &[f32], n_in: usize) -> Vec<f32> {
    let n = (x.len() / n_in.max(1)).max(1) as f64;
    (0..n_in)
        .map(|j| {
            let col = || x.iter().skip(j).step_by(n_in).map(|&v| f64::from(v));
            if col().all(|v| v == 0.0 || v == 1.0) {
                return 0.0;
            }
            let mean = col().sum::<f64>() / n;
            (col().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt() as f32
        })
        .collect()
}

impl Augment {
    /// Whether rotation or flips are asked for a file of `n_in` features that
    /// has no plane of two to turn (they are left out, and the panel says so).
    pub fn plane_only_for(&self, n_in: usize) -> bool {
        (self.rotate > 0.0 || self.flip) && n_in != 2
    }

    /// Epoch `epoch`'s variation of the imported rows `x` (n, n_in) with targets `y` (n, n_out).
    pub fn epoch_rows(&self, x: &[f32], y: &[f32], n_in: usize, seed: u32, epoch: u64) -> (Vec<f32>, Vec<f32>) {
        let n = x.len() / n_in.max(1);
        let n_out = y.len() / n.max(1);
        let (mut x, mut y) = (x.to_vec(), y.to_vec());
        let mut rng = Rng::for_epoch(seed, epoch, Stream::Augment);
        let spread = if self.jitter > 0.0 {
            spreads(&x, n_in)
        } else {
            Vec::new()
        };
        let plane = n_in == 2;
        for row in x.chunks_exact_mut(n_in) {
            if plane && self.rotate > 0.0 {
                let t = rng.uniform(-1.0, 1.0) * f64::from(self.rotate).to_radians();
                let (s, c) = t.sin_cos();
                let (a, b) = (f64::from(row[0]), f64::from(row[1]));
                row[0] = (c * a - s * b) as f32;
                row[1] = (s * a + c * b) as f32;
            }
            if plane && self.flip {
                for v in row.iter_mut() {
                    if rng.unit() < 0.5 {
                        *v = -*v;
                    }
                }
            }
            for (v, &s) in row.iter_mut().zip(&spread).filter(|(_, s)| **s > 0.0) {
                *v += (f64::from(self.jitter * s) * rng.normal(0.0, 1.0)) as f32;
            }
        }
        if self.mixup > 0.0 && n > 1 {
            let (bx, by) = (x.clone(), y.clone());
            for (row, target) in x.chunks_exact_mut(n_in).zip(y.chunks_exact_mut(n_out)) {
                let j = rng.below(n);
                let l = beta(&mut rng, f64::from(self.mixup)) as f32;
                let mix = |a: &mut [f32], b: &[f32]| a.iter_mut().zip(b).for_each(|(a, b)| *a = l * *a + (1.0 - l) * b);
                mix(row, &bx[j * n_in..(j + 1) * n_in]);
                mix(target, &by[j * n_out..(j + 1) * n_out]);
            }
        }
        (x, y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// n rows of (a number spread over −2…2, a one-hot level 0 or 1, a number
    /// growing with the row), targets one-hot over three classes.
    fn table(n: usize) -> (Vec<f32>, Vec<f32>) {
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..n {
            let t = i as f32 / n as f32;
            x.extend([4.0 * (t * 37.0).fract() - 2.0, (i % 3 == 0) as u8 as f32, t]);
            y.extend((0..3).map(|k| f32::from(u8::from(k == i % 3))));
        }
        (x, y)
    }

    const ALL: Augment = Augment {
        jitter: 0.3,
        rotate: 20.0,
        flip: true,
        mixup: 0.4,
    };

    #[test]
    fn rows_replay_from_the_seed_and_the_epoch() {
        let (x, y) = table(300);
        let bits = |(x, y): (Vec<f32>, Vec<f32>)| x.iter().chain(&y).map(|v| v.to_bits()).collect::<Vec<_>>();
        let draw = |seed, epoch| bits(ALL.epoch_rows(&x, &y, 3, seed, epoch));
        assert_eq!(draw(4, 9), draw(4, 9));
        assert_ne!(draw(4, 9), draw(4, 10));
        assert_ne!(draw(4, 9), draw(5, 9));
        assert_eq!(bits(Augment::default().epoch_rows(&x, &y, 3, 4, 9)), bits((x, y)));
    }

    #[test]
    fn jitter_adds_the_asked_spread_in_standardised_units_and_leaves_levels_alone() {
        let (x, y) = table(20_000);
        let s = spreads(&x, 3);
        // The first column is uniform over −2…2: spread 4/√12; the one-hot level has none.
        assert!((s[0] - 4.0 / 12f32.sqrt()).abs() < 0.01, "{s:?}");
        assert_eq!(s[1], 0.0);
        let a = Augment {
            jitter: 0.3,
            ..Default::default()
        };
        let (jx, jy) = a.epoch_rows(&x, &y, 3, 7, 2);
        assert_eq!(jy, y, "jitter leaves the targets");
        for j in 0..3 {
            let d: Vec<f64> = (0..20_000).map(|i| f64::from(jx[i * 3 + j] - x[i * 3 + j])).collect();
            let mean = d.iter().sum::<f64>() / d.len() as f64;
            let sd = (d.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / d.len() as f64).sqrt();
            let want = f64::from(0.3 * s[j]);
            assert!(mean.abs() < 0.02 * want.max(0.01), "feature {j}: mean {mean}");
            assert!((sd - want).abs() <= 0.02 * want, "feature {j}: σ {sd}, asked {want}");
        }
    }

    #[test]
    fn mixup_rows_are_convex_combinations_with_their_targets() {
        let (x, y) = table(60);
        let a = Augment {
            mixup: 0.4,
            ..Default::default()
        };
        let (mx, my) = a.epoch_rows(&x, &y, 3, 3, 1);
        let mut soft = 0;
        for i in 0..60 {
            let (xi, yi) = (&mx[i * 3..i * 3 + 3], &my[i * 3..i * 3 + 3]);
            assert!(
                (yi.iter().sum::<f32>() - 1.0).abs() < 1e-5,
                "one-hot rows still sum to 1"
            );
            // Some partner j and one λ in [0, 1] give the row and its target.
            let found = (0..60).any(|j| {
                let (a, b) = (
                    (&x[i * 3..i * 3 + 3], &y[i * 3..i * 3 + 3]),
                    (&x[j * 3..j * 3 + 3], &y[j * 3..j * 3 + 3]),
                );
                let l = if (a.0[2] - b.0[2]).abs() > 1e-6 {
                    (xi[2] - b.0[2]) / (a.0[2] - b.0[2])
                } else {
                    1.0
                };
                let near = |m: &[f32], p: &[f32], q: &[f32]| {
                    m.iter()
                        .zip(p.iter().zip(q))
                        .all(|(m, (p, q))| (m - (l * p + (1.0 - l) * q)).abs() < 1e-4)
                };
                (-1e-4..=1.0 + 1e-4).contains(&l) && near(xi, a.0, b.0) && near(yi, a.1, b.1)
            });
            assert!(found, "row {i}: {xi:?} {yi:?}");
            soft += usize::from(yi.iter().all(|&v| v < 0.99));
        }
        assert!(soft > 10, "targets become soft: {soft}");
    }

    #[test]
    fn rotation_and_flips_turn_only_a_plane_of_two_features() {
        let a = Augment {
            rotate: 30.0,
            flip: true,
            ..Default::default()
        };
        let (x, y) = table(200);
        assert!(a.plane_only_for(3) && !a.plane_only_for(2));
        assert_eq!(a.epoch_rows(&x, &y, 3, 1, 1).0, x, "three features: left as they are");
        let plane: Vec<f32> = x.chunks_exact(3).flat_map(|r| [r[0], r[2]]).collect();
        let (turned, _) = a.epoch_rows(&plane, &y, 2, 1, 1);
        assert_ne!(turned, plane);
        for (p, q) in plane.chunks_exact(2).zip(turned.chunks_exact(2)) {
            assert!((p[0].hypot(p[1]) - q[0].hypot(q[1])).abs() < 1e-4, "the radius stays");
        }
    }
}
