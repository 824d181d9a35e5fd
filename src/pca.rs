//! A 2-D view of data with many features: the first two principal
//! components, by power iteration on the covariance matrix with deflation
//! (d ≤ 512 features, so the d × d matrix is small).

/// Two unit directions (each of length d) and the mean they are taken about.
#[derive(Clone, Debug, PartialEq)]
pub struct Pca {
    pub mean: Vec<f32>,
    pub components: [Vec<f32>; 2],
}

impl Pca {
    /// Fits on x (n, d).
    pub fn fit(x: &[f32], d: usize) -> Pca {
        let n = x.len() / d.max(1);
        let mut mean = vec![0.0f64; d];
        for row in x.chunks_exact(d) {
            for (m, &v) in mean.iter_mut().zip(row) {
                *m += f64::from(v);
            }
        }
        mean.iter_mut().for_each(|m| *m /= n.max(1) as f64);
        // C = (1/n) Σ (x − μ)(x − μ)ᵀ
        let mut cov = vec![0.0f64; d * d];
        let mut centred = vec![0.0f64; d];
        for row in x.chunks_exact(d) {
            for k in 0..d {
                centred[k] = f64::from(row[k]) - mean[k];
            }
            for i in 0..d {
                let ci = centred[i];
                for j in i..d {
                    cov[i * d + j] += ci * centred[j];
                }
            }
        }
        for i in 0..d {
            for j in i..d {
                let v = cov[i * d + j] / n.max(1) as f64;
                cov[i * d + j] = v;
                cov[j * d + i] = v;
            }
        }
        let first = power_iteration(&cov, d, 0);
        // Deflate: C ← C − λ v vᵀ, then the next direction.
        let lambda = rayleigh(&cov, d, &first);
        for i in 0..d {
            for j in 0..d {
                cov[i * d + j] -= lambda * first[i] * first[j];
            }
        }
        let second = power_iteration(&cov, d, 1);
        let f32s = |v: Vec<f64>| v.into_iter().map(|x| x as f32).collect::<Vec<f32>>();
        Pca {
            mean: f32s(mean),
            components: [f32s(first), f32s(second)],
        }
    }

    /// (pc1, pc2) of one row.
    pub fn project(&self, row: &[f32]) -> (f32, f32) {
        let dot = |c: &[f32]| {
            row.iter()
                .zip(&self.mean)
                .zip(c)
                .map(|((&x, &m), &w)| (x - m) * w)
                .sum::<f32>()
        };
        (dot(&self.components[0]), dot(&self.components[1]))
    }
}

fn rayleigh(a: &[f64], d: usize, v: &[f64]) -> f64 {
    (0..d)
        .map(|i| v[i] * (0..d).map(|j| a[i * d + j] * v[j]).sum::<f64>())
        .sum()
}

/// The dominant eigenvector of the symmetric d × d matrix `a` (unit length, sign fixed).
fn power_iteration(a: &[f64], d: usize, start: usize) -> Vec<f64> {
    // A start that is not orthogonal to the answer in practice: 1, with a nudge on one axis.
    let mut v: Vec<f64> = (0..d)
        .map(|k| 1.0 + if k == start % d.max(1) { 0.5 } else { 0.0 })
        .collect();
    for _ in 0..200 {
        let mut w: Vec<f64> = (0..d).map(|i| (0..d).map(|j| a[i * d + j] * v[j]).sum()).collect();
        let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm < 1e-12 {
            break;
        }
        w.iter_mut().for_each(|x| *x /= norm);
        let change: f64 = w.iter().zip(&v).map(|(a, b)| (a - b).abs()).sum();
        v = w;
        if change < 1e-10 {
            break;
        }
    }
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= norm);
    // Sign: largest entry positive, so the picture does not flip between runs.
    let big = v
        .iter()
        .copied()
        .fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
    if big < 0.0 {
        v.iter_mut().for_each(|x| *x = -*x);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_directions_of_an_elongated_cloud() {
        // Points along (1, 1, 0) with spread 10, along (1, −1, 0) with spread 1, z constant.
        let mut x = Vec::new();
        let mut rng = crate::rng::Rng::new(3, crate::rng::Stream::Data);
        for _ in 0..2000 {
            let a = rng.normal(0.0, 100.0) as f32;
            let b = rng.normal(0.0, 1.0) as f32;
            x.extend_from_slice(&[5.0 + a + b, -2.0 + a - b, 7.0]);
        }
        let p = Pca::fit(&x, 3);
        let s = std::f32::consts::FRAC_1_SQRT_2;
        let [c1, c2] = &p.components;
        assert!(
            (c1[0] - s).abs() < 1e-3 && (c1[1] - s).abs() < 1e-3 && c1[2].abs() < 1e-3,
            "{c1:?}"
        );
        assert!(
            (c2[0].abs() - s).abs() < 1e-2 && (c2[1].abs() - s).abs() < 1e-2 && c2[0] * c2[1] < 0.0,
            "{c2:?}"
        );
        assert!((p.mean[2] - 7.0).abs() < 1e-5);
        let (a, _) = p.project(&[5.0 + 10.0, -2.0 + 10.0, 7.0]);
        assert!((a - 20.0 * s).abs() < 0.3, "{a}");
    }
}
