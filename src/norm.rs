//! Normalisation layers (issue 17, the pure part): batch normalisation
//! (Ioffe & Szegedy 2015) and layer normalisation (Ba et al. 2016) of a
//! hidden layer's values, with learned scale γ and shift β, each derivative
//! beside its forward formula. Values are (rows, features) row-major.
//!
//! Both normalise a group of n values:  μ = Σx/n,  σ² = Σ(x − μ)²/n,
//!   x̂ = (x − μ)/√(σ² + ε),  y = γ x̂ + β.
//! Backward, with g = dL/dy:  dβ = Σ g,  dγ = Σ g x̂,  and with ĝ = g γ:
//!   dx = (ĝ − mean(ĝ) − x̂ · mean(ĝ x̂)) / √(σ² + ε).
//! Batch norm's group is one feature over the rows of a batch (γ, β per
//! feature); evaluation uses the running mean and variance instead
//! (r ← (1 − m) r + m · batch statistic, the unbiased variance n/(n − 1)·σ²).
//! Layer norm's group is one row over its features (γ, β per feature too);
//! training and evaluation are the same.

pub const EPS: f32 = 1e-5;

/// Normalises each group of `x` given by `groups` (index lists) in place
/// into x̂, returning each group's 1/√(σ² + ε); the caller scales and shifts.
fn normalise(x: &mut [f32], groups: impl Iterator<Item = Vec<usize>>) -> Vec<f32> {
    let mut inv = Vec::new();
    for g in groups {
        let n = g.len() as f32;
        let mean = g.iter().map(|&i| x[i]).sum::<f32>() / n;
        let var = g.iter().map(|&i| (x[i] - mean).powi(2)).sum::<f32>() / n;
        let s = 1.0 / (var + EPS).sqrt();
        for &i in &g {
            x[i] = (x[i] - mean) * s;
        }
        inv.push(s);
    }
    inv
}

/// dx of one group from g (dL/dy), x̂ and γ of each element, 1/√(σ² + ε).
fn group_backward(g: &[f32], xhat: &[f32], gamma: &[f32], inv: f32, dx: &mut [f32]) {
    let n = g.len() as f32;
    let gh: Vec<f32> = g.iter().zip(gamma).map(|(g, c)| g * c).collect();
    let mean_gh = gh.iter().sum::<f32>() / n;
    let mean_ghx = gh.iter().zip(xhat).map(|(a, b)| a * b).sum::<f32>() / n;
    for k in 0..g.len() {
        dx[k] = (gh[k] - mean_gh - xhat[k] * mean_ghx) * inv;
    }
}

/// Learned scale and shift per feature, and (batch norm) running statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct Norm {
    pub gamma: Vec<f32>,
    pub beta: Vec<f32>,
    pub running_mean: Vec<f32>,
    pub running_var: Vec<f32>,
}

/// What a training forward pass keeps for the backward pass.
pub struct Saved {
    pub xhat: Vec<f32>,
    pub inv: Vec<f32>,
}

/// Gradients of a backward pass.
pub struct Grads {
    pub dx: Vec<f32>,
    pub dgamma: Vec<f32>,
    pub dbeta: Vec<f32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Batch,
    Layer,
}

impl Norm {
    pub fn new(features: usize) -> Self {
        Norm {
            gamma: vec![1.0; features],
            beta: vec![0.0; features],
            running_mean: vec![0.0; features],
            running_var: vec![1.0; features],
        }
    }

    fn features(&self) -> usize {
        self.gamma.len()
    }

    /// Training forward pass of `x` (rows, features): y, and what backward needs.
    /// Batch norm also moves its running statistics by `momentum`.
    pub fn forward_train(&mut self, kind: Kind, x: &[f32], momentum: f32) -> (Vec<f32>, Saved) {
        let f = self.features();
        let rows = x.len() / f;
        let mut xhat = x.to_vec();
        let inv = match kind {
            Kind::Layer => normalise(&mut xhat, (0..rows).map(|r| (r * f..(r + 1) * f).collect())),
            Kind::Batch => {
                for j in 0..f {
                    let n = rows as f32;
                    let mean = (0..rows).map(|r| x[r * f + j]).sum::<f32>() / n;
                    let var = (0..rows).map(|r| (x[r * f + j] - mean).powi(2)).sum::<f32>() / n;
                    let unbiased = if rows > 1 { var * n / (n - 1.0) } else { var };
                    self.running_mean[j] = (1.0 - momentum) * self.running_mean[j] + momentum * mean;
                    self.running_var[j] = (1.0 - momentum) * self.running_var[j] + momentum * unbiased;
                }
                normalise(&mut xhat, (0..f).map(|j| (0..rows).map(|r| r * f + j).collect()))
            }
        };
        let y = xhat
            .iter()
            .enumerate()
            .map(|(i, v)| self.gamma[i % f] * v + self.beta[i % f])
            .collect();
        (y, Saved { xhat, inv })
    }

    /// Evaluation forward pass: layer norm as in training, batch norm with
    /// the running statistics (each row on its own, whatever the batch).
    pub fn forward_eval(&self, kind: Kind, x: &[f32]) -> Vec<f32> {
        match kind {
            Kind::Layer => {
                let mut copy = self.clone();
                copy.forward_train(kind, x, 0.0).0
            }
            Kind::Batch => {
                let f = self.features();
                x.iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let j = i % f;
                        self.gamma[j] * (v - self.running_mean[j]) / (self.running_var[j] + EPS).sqrt() + self.beta[j]
                    })
                    .collect()
            }
        }
    }

    /// Backward pass of a training forward pass: g = dL/dy (rows, features).
    pub fn backward(&self, kind: Kind, g: &[f32], saved: &Saved) -> Grads {
        let f = self.features();
        let rows = g.len() / f;
        let mut dgamma = vec![0.0; f];
        let mut dbeta = vec![0.0; f];
        for (i, (gi, xh)) in g.iter().zip(&saved.xhat).enumerate() {
            dgamma[i % f] += gi * xh;
            dbeta[i % f] += gi;
        }
        let mut dx = vec![0.0; g.len()];
        match kind {
            Kind::Layer => {
                for r in 0..rows {
                    let s = r * f..(r + 1) * f;
                    group_backward(
                        &g[s.clone()],
                        &saved.xhat[s.clone()],
                        &self.gamma,
                        saved.inv[r],
                        &mut dx[s],
                    );
                }
            }
            Kind::Batch => {
                for j in 0..f {
                    let idx: Vec<usize> = (0..rows).map(|r| r * f + j).collect();
                    let gg: Vec<f32> = idx.iter().map(|&i| g[i]).collect();
                    let xh: Vec<f32> = idx.iter().map(|&i| saved.xhat[i]).collect();
                    let mut d = vec![0.0; rows];
                    group_backward(&gg, &xh, &vec![self.gamma[j]; rows], saved.inv[j], &mut d);
                    for (k, &i) in idx.iter().enumerate() {
                        dx[i] = d[k];
                    }
                }
            }
        }
        Grads { dx, dgamma, dbeta }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const X: [f32; 12] = [0.5, -1.0, 2.0, 0.3, 1.5, 0.2, -0.7, 0.9, -2.0, 1.1, 0.4, 0.0];

    fn norm() -> Norm {
        let mut n = Norm::new(3);
        n.gamma = vec![1.5, 0.5, -0.8];
        n.beta = vec![0.1, -0.2, 0.3];
        n
    }

    #[test]
    fn layer_norm_forward_by_hand() {
        // Row (0.5, −1, 2): μ = 0.5, σ² = (0 + 2.25 + 2.25)/3 = 1.5.
        let (y, _) = norm().forward_train(Kind::Layer, &X[..3], 0.1);
        let s = 1.0 / (1.5f32 + EPS).sqrt();
        let want = [0.1, 0.5 * (-1.5 * s) - 0.2, -0.8 * (1.5 * s) + 0.3];
        for (a, b) in y.iter().zip(want) {
            assert!((a - b).abs() < 1e-6, "{y:?}");
        }
    }

    #[test]
    fn batch_norm_forward_by_hand_and_its_running_statistics() {
        let mut n = norm();
        let (y, _) = n.forward_train(Kind::Batch, &X, 0.1);
        // Feature 0 over rows: 0.5, 0.3, −0.7, 1.1: μ = 0.3, σ² = (0.04 + 0 + 1 + 0.64)/4 = 0.42.
        let s = 1.0 / (0.42f32 + EPS).sqrt();
        assert!((y[0] - (1.5 * (0.2 * s) + 0.1)).abs() < 1e-5, "{}", y[0]);
        assert!((n.running_mean[0] - 0.03).abs() < 1e-6);
        // Unbiased variance 1.68/3 = 0.56; running 0.9 · 1 + 0.1 · 0.56.
        assert!((n.running_var[0] - (0.9 + 0.1 * 0.56)).abs() < 1e-6);
        // Evaluation uses the running statistics: a row gives the same alone or in a batch.
        let alone = n.forward_eval(Kind::Batch, &X[3..6]);
        let all = n.forward_eval(Kind::Batch, &X);
        assert_eq!(&alone[..], &all[3..6]);
        assert!((all[0] - (1.5 * (0.5 - 0.03) / (n.running_var[0] + EPS).sqrt() + 0.1)).abs() < 1e-6);
    }

    /// Every derivative against central finite differences of L = Σ c·y (f64 reference).
    #[test]
    fn backward_matches_finite_differences() {
        let c: Vec<f32> = (0..12).map(|k| ((k * 7 % 5) as f32 - 2.0) * 0.3).collect();
        for kind in [Kind::Batch, Kind::Layer] {
            let n = norm();
            let loss = |n: &Norm, x: &[f32]| -> f64 {
                let mut m = n.clone();
                let (y, _) = m.forward_train(kind, x, 0.1);
                y.iter().zip(&c).map(|(a, b)| f64::from(*a) * f64::from(*b)).sum()
            };
            let mut m = n.clone();
            let (_, saved) = m.forward_train(kind, &X, 0.1);
            let g = n.backward(kind, &c, &saved);
            let h = 1e-2f32;
            for i in 0..12 {
                let (mut up, mut down) = (X, X);
                up[i] += h;
                down[i] -= h;
                let fd = (loss(&n, &up) - loss(&n, &down)) / (2.0 * f64::from(h));
                assert!(
                    (fd - f64::from(g.dx[i])).abs() < 2e-3,
                    "{kind:?} dx[{i}]: fd {fd} vs {}",
                    g.dx[i]
                );
            }
            for j in 0..3 {
                for (which, grad) in [(0, g.dgamma[j]), (1, g.dbeta[j])] {
                    let (mut up, mut down) = (n.clone(), n.clone());
                    let (pu, pd) = if which == 0 {
                        (&mut up.gamma, &mut down.gamma)
                    } else {
                        (&mut up.beta, &mut down.beta)
                    };
                    pu[j] += h;
                    pd[j] -= h;
                    let fd = (loss(&up, &X) - loss(&down, &X)) / (2.0 * f64::from(h));
                    assert!(
                        (fd - f64::from(grad)).abs() < 2e-3,
                        "{kind:?} param {which} {j}: fd {fd} vs {grad}"
                    );
                }
            }
        }
    }
}
