//! Data augmentation (issue 17, the pure part): each epoch trains on a fresh
//! variation of the training points, drawn from the run's seed and the
//! epoch (`Stream::Augment`), so a replayed or resumed run draws the same.
//!
//! For a point (x₁, x₂) with label y, in order:
//! - rotation about the origin by θ ~ U(−θmax, θmax);
//! - flips: x₁ → −x₁ and x₂ → −x₂, each with probability ½;
//! - jitter: x_i += ε_i, ε ~ N(0, σ²);
//! - mixup (Zhang et al. 2018): with a partner j drawn uniformly and λ ~ Beta(α, α),
//!   x = λ x + (1 − λ) x_j and y = λ y + (1 − λ) y_j (labels ±1 or values:
//!   the target becomes soft; sets of more classes need soft targets, so
//!   mixup leaves them alone).
//!
//! The built-in sets' labels do not depend on the side of the plane for the
//! symmetric sets (circle, spiral arms, rings); for the others a rotation or
//! flip is the point of the lesson: it teaches the network an invariance the
//! data may not have.
//!
//! Imported files: their standardised rows and coded targets (`rows.rs`).

mod rows;

use crate::dataset::Point;
use crate::rng::{Rng, Stream};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Augment {
    /// σ of the Gaussian jitter, in the plane's units (0: off).
    pub jitter: f32,
    /// The largest rotation, in degrees (0: off).
    pub rotate: f32,
    pub flip: bool,
    /// α of mixup's Beta(α, α) (0: off).
    pub mixup: f32,
}

/// A Gamma(k, 1) draw, k > 0 (Marsaglia & Tsang 2000; k < 1 by boosting with U^(1/k)).
fn gamma(rng: &mut Rng, k: f64) -> f64 {
    if k < 1.0 {
        let u = rng.unit().max(f64::MIN_POSITIVE);
        return gamma(rng, k + 1.0) * u.powf(1.0 / k);
    }
    let d = k - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = rng.normal(0.0, 1.0);
        let v = (1.0 + c * x).powi(3);
        if v <= 0.0 {
            continue;
        }
        let u = rng.unit();
        if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
            return d * v;
        }
    }
}

/// A Beta(a, a) draw: G₁ / (G₁ + G₂).
pub fn beta(rng: &mut Rng, a: f64) -> f64 {
    let g1 = gamma(rng, a);
    let g2 = gamma(rng, a);
    if g1 + g2 == 0.0 {
        0.5
    } else {
        g1 / (g1 + g2)
    }
}

impl Augment {
    pub fn is_on(&self) -> bool {
        self.jitter > 0.0 || self.rotate > 0.0 || self.flip || self.mixup > 0.0
    }

    /// Epoch `epoch`'s variation of `points` (`classes` > 2: no mixup).
    pub fn epoch_points(&self, points: &[Point], seed: u32, epoch: u64, classes: usize) -> Vec<Point> {
        let mut rng = Rng::for_epoch(seed, epoch, Stream::Augment);
        let mut out: Vec<Point> = points
            .iter()
            .map(|p| {
                let (mut x1, mut x2) = (f64::from(p.x1), f64::from(p.x2));
                if self.rotate > 0.0 {
                    let t = rng.uniform(-1.0, 1.0) * f64::from(self.rotate).to_radians();
                    let (s, c) = t.sin_cos();
                    (x1, x2) = (c * x1 - s * x2, s * x1 + c * x2);
                }
                if self.flip {
                    if rng.unit() < 0.5 {
                        x1 = -x1;
                    }
                    if rng.unit() < 0.5 {
                        x2 = -x2;
                    }
                }
                if self.jitter > 0.0 {
                    let var = f64::from(self.jitter).powi(2);
                    x1 += rng.normal(0.0, var);
                    x2 += rng.normal(0.0, var);
                }
                Point {
                    x1: x1 as f32,
                    x2: x2 as f32,
                    label: p.label,
                }
            })
            .collect();
        if self.mixup > 0.0 && classes <= 2 && out.len() > 1 {
            let base = out.clone();
            for p in &mut out {
                let q = base[rng.below(base.len())];
                let l = beta(&mut rng, f64::from(self.mixup)) as f32;
                p.x1 = l * p.x1 + (1.0 - l) * q.x1;
                p.x2 = l * p.x2 + (1.0 - l) * q.x2;
                p.label = l * p.label + (1.0 - l) * q.label;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(n: usize) -> Vec<Point> {
        (0..n)
            .map(|k| {
                let t = k as f32 * 0.37;
                Point {
                    x1: 4.0 * t.cos(),
                    x2: 3.0 * t.sin(),
                    label: if k % 2 == 0 { 1.0 } else { -1.0 },
                }
            })
            .collect()
    }

    #[test]
    fn draws_replay_from_the_seed_and_the_epoch() {
        let a = Augment {
            jitter: 0.5,
            rotate: 30.0,
            flip: true,
            mixup: 0.4,
        };
        let p = points(200);
        let bits = |v: Vec<Point>| {
            v.iter()
                .flat_map(|q| [q.x1.to_bits(), q.x2.to_bits(), q.label.to_bits()])
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(a.epoch_points(&p, 9, 17, 2)), bits(a.epoch_points(&p, 9, 17, 2)));
        assert_ne!(bits(a.epoch_points(&p, 9, 17, 2)), bits(a.epoch_points(&p, 9, 18, 2)));
        assert_ne!(bits(a.epoch_points(&p, 9, 17, 2)), bits(a.epoch_points(&p, 10, 17, 2)));
        // Off: the points as they are.
        assert_eq!(bits(Augment::default().epoch_points(&p, 9, 17, 2)), bits(p.clone()));
    }

    #[test]
    fn rotation_keeps_the_radius_and_stays_within_the_angle() {
        let a = Augment {
            rotate: 20.0,
            ..Default::default()
        };
        let p = points(500);
        for (q, r) in p.iter().zip(a.epoch_points(&p, 1, 0, 2)) {
            let (rq, rr) = (q.x1.hypot(q.x2), r.x1.hypot(r.x2));
            assert!((rq - rr).abs() < 1e-4);
            let mut d = (r.x2.atan2(r.x1) - q.x2.atan2(q.x1)).to_degrees();
            d = (d + 540.0) % 360.0 - 180.0;
            assert!(d.abs() <= 20.0 + 1e-3, "{d}");
            assert_eq!(q.label, r.label);
        }
    }

    #[test]
    fn flips_are_reflections_and_jitter_has_the_asked_spread() {
        let p = points(400);
        let f = Augment {
            flip: true,
            ..Default::default()
        }
        .epoch_points(&p, 2, 3, 2);
        for (q, r) in p.iter().zip(&f) {
            assert_eq!(q.x1.abs(), r.x1.abs());
            assert_eq!(q.x2.abs(), r.x2.abs());
        }
        let base = vec![
            Point {
                x1: 0.0,
                x2: 0.0,
                label: 1.0
            };
            20_000
        ];
        let j = Augment {
            jitter: 0.5,
            ..Default::default()
        }
        .epoch_points(&base, 3, 4, 2);
        let n = j.len() as f64;
        let mean = j.iter().map(|q| f64::from(q.x1)).sum::<f64>() / n;
        let var = j.iter().map(|q| (f64::from(q.x1) - mean).powi(2)).sum::<f64>() / n;
        assert!(mean.abs() < 0.02 && (var - 0.25).abs() < 0.01, "mean {mean} var {var}");
    }

    #[test]
    fn mixup_mixes_points_and_labels_with_one_lambda() {
        let p = points(300);
        let m = Augment {
            mixup: 0.4,
            ..Default::default()
        }
        .epoch_points(&p, 4, 5, 2);
        let mut soft = 0;
        for q in &m {
            assert!(q.label >= -1.0 && q.label <= 1.0);
            if q.label.abs() < 0.99 {
                soft += 1;
            }
        }
        assert!(soft > 50, "labels become soft: {soft}");
        // Three classes: left alone.
        assert_eq!(
            Augment {
                mixup: 0.4,
                ..Default::default()
            }
            .epoch_points(&p, 4, 5, 3),
            p
        );
    }

    #[test]
    fn beta_draws_have_the_beta_moments() {
        let mut rng = Rng::new(5, Stream::Augment);
        for a in [0.2f64, 1.0, 4.0] {
            let n = 40_000;
            let v: Vec<f64> = (0..n).map(|_| beta(&mut rng, a)).collect();
            let mean = v.iter().sum::<f64>() / n as f64;
            let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
            // Beta(a, a): mean ½, variance 1 / (4(2a + 1)).
            let want = 1.0 / (4.0 * (2.0 * a + 1.0));
            assert!((mean - 0.5).abs() < 0.01, "a {a}: mean {mean}");
            assert!((var - want).abs() < 0.1 * want, "a {a}: var {var} want {want}");
            assert!(v.iter().all(|x| (0.0..=1.0).contains(x)));
        }
    }
}
