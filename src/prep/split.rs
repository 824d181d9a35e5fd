//! The train / validation / test split of the usable rows.

use super::Mapping;
use crate::dataset::Problem;
use crate::rng::{Rng, Stream};

/// Shuffled with the seed; for classification each class is split in the same proportions.
pub(super) fn split_rows(rows: &[usize], labels: &[Option<f32>], m: &Mapping) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let mut rng = Rng::new(m.seed, Stream::Shuffle);
    let groups: Vec<Vec<usize>> = match m.task {
        Problem::Regression => vec![rows.to_vec()],
        Problem::Classification => {
            let k = rows.iter().filter_map(|&r| labels[r]).fold(0.0f32, f32::max) as usize + 1;
            let mut g = vec![Vec::new(); k];
            for &r in rows {
                g[labels[r].unwrap_or(0.0) as usize].push(r);
            }
            g
        }
    };
    let (mut train, mut val, mut test) = (Vec::new(), Vec::new(), Vec::new());
    for mut g in groups {
        rng.shuffle(&mut g);
        let n_train = (g.len() * m.train_percent as usize).div_ceil(100);
        let n_val = g.len() * m.validation_percent as usize / 100;
        let n_val = n_val.min(g.len() - n_train);
        test.extend_from_slice(&g[n_train + n_val..]);
        val.extend_from_slice(&g[n_train..n_train + n_val]);
        train.extend_from_slice(&g[..n_train]);
    }
    rng.shuffle(&mut train);
    rng.shuffle(&mut val);
    rng.shuffle(&mut test);
    (train, val, test)
}
