//! The picture plane of an imported dataset with any number of features: two
//! chosen features span the axes over their training range (plus 5 %), all
//! others are held at their training mean. The boundary and every neuron's
//! heatmap are the network's response on this plane.

use crate::grid::DENSITY;

#[derive(Clone, Debug, PartialEq)]
pub struct Plane {
    /// (x axis, y axis) feature indices.
    pub axes: (usize, usize),
    pub x_range: (f32, f32),
    pub y_range: (f32, f32),
    /// Every feature's training mean: the values off the axes.
    pub base: Vec<f32>,
}

impl Plane {
    /// Fits the plane to training inputs x (n, n_features).
    pub fn fit(x: &[f32], n_features: usize, axes: (usize, usize)) -> Plane {
        let n = (x.len() / n_features.max(1)).max(1);
        let mut base = vec![0.0f64; n_features];
        let mut lo = vec![f32::INFINITY; n_features];
        let mut hi = vec![f32::NEG_INFINITY; n_features];
        for row in x.chunks_exact(n_features) {
            for (k, &v) in row.iter().enumerate() {
                base[k] += f64::from(v);
                lo[k] = lo[k].min(v);
                hi[k] = hi[k].max(v);
            }
        }
        let range = |k: usize| {
            let (a, b) = if lo[k] <= hi[k] { (lo[k], hi[k]) } else { (-1.0, 1.0) };
            let pad = ((b - a) * 0.05).max(1e-3);
            (a - pad, b + pad)
        };
        Plane {
            axes,
            x_range: range(axes.0),
            y_range: range(axes.1),
            base: base.iter().map(|s| (s / n as f64) as f32).collect(),
        }
    }

    /// Holds the features off the axes at one sample's values instead of the mean.
    pub fn hold(&mut self, row: &[f32]) {
        self.base.copy_from_slice(row);
    }

    /// Value of the x axis at column i (or y at row j, top = high) of an n-point grid.
    pub fn at(range: (f32, f32), i: usize, n: usize) -> f32 {
        range.0 + (range.1 - range.0) * (i as f32 + 0.5) / n as f32
    }

    /// Network inputs of every grid cell: (DENSITY², n_features), row-major from the top-left.
    pub fn inputs(&self) -> Vec<f32> {
        let nf = self.base.len();
        let mut out = Vec::with_capacity(DENSITY * DENSITY * nf);
        for j in 0..DENSITY {
            let y = Self::at(self.y_range, DENSITY - 1 - j, DENSITY);
            for i in 0..DENSITY {
                out.extend_from_slice(&self.base);
                let k = out.len() - nf;
                out[k + self.axes.0] = Self::at(self.x_range, i, DENSITY);
                out[k + self.axes.1] = y;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_span_the_data_and_the_rest_sit_at_the_mean() {
        // 3 features, 2 rows.
        let x = [0.0, 10.0, 1.0, 2.0, 20.0, 3.0];
        let p = Plane::fit(&x, 3, (2, 0));
        assert_eq!(p.base, vec![1.0, 15.0, 2.0]);
        assert!((p.x_range.0 - 0.9).abs() < 1e-6 && (p.x_range.1 - 3.1).abs() < 1e-6);
        let g = p.inputs();
        assert_eq!(g.len(), DENSITY * DENSITY * 3);
        // top-left cell: x axis (feature 2) lowest, y axis (feature 0) highest; feature 1 at its mean.
        assert!(g[2] < 1.0 && g[0] > 2.0);
        assert_eq!(g[1], 15.0);
        let last = &g[g.len() - 3..];
        assert!(last[2] > 2.9 && last[0] < 0.0);
    }
}
