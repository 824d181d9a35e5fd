//! Loss, metric and gradient history with bounded memory: at most `CAPACITY` points whatever the
//! run's length. When full, every other point is dropped and the recording
//! stride doubles, so a run of millions of epochs keeps an even overview.

pub const CAPACITY: usize = 512;

/// Layers whose gradient size a point keeps (8 hidden layers and the output).
pub const MAX_LAYERS: usize = crate::config::MAX_HIDDEN_LAYERS + 1;
/// Numbers per point in `LossHistory::flat`: epoch, train, test, train metric, test metric, gradients.
pub const POINT_LEN: usize = 5 + MAX_LAYERS;

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct LossPoint {
    pub epoch: u64,
    pub train: f32,
    pub test: f32,
    /// Accuracy (classification) or R² (regression), on the training and the test data.
    pub train_metric: f32,
    pub test_metric: f32,
    /// Per layer, the RMS of the weight gradient (`Gradients::layer_rms`); unused layers 0.
    pub grads: [f32; MAX_LAYERS],
}

/// One point of a flat history (`LossHistory::flat`, as a snapshot carries it), read by name.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a>(&'a [f32]);

impl Row<'_> {
    pub fn epoch(&self) -> f32 {
        self.0[0]
    }
    pub fn train_loss(&self) -> f32 {
        self.0[1]
    }
    pub fn test_loss(&self) -> f32 {
        self.0[2]
    }
    /// Accuracy (classification) or R² (regression) on the training data.
    pub fn train_metric(&self) -> f32 {
        self.0[3]
    }
    pub fn test_metric(&self) -> f32 {
        self.0[4]
    }
    /// The RMS of weight layer `l`'s gradient (0 for layers the network does not have).
    pub fn grad(&self, l: usize) -> f32 {
        self.0.get(5 + l).copied().unwrap_or(0.0)
    }
}

/// The points of a flat history, oldest first.
pub fn rows(flat: &[f32]) -> impl Iterator<Item = Row<'_>> + '_ {
    flat.chunks_exact(POINT_LEN).map(Row)
}

#[derive(Clone, Debug)]
pub struct LossHistory {
    points: Vec<LossPoint>,
    /// Only epochs divisible by `stride` are recorded.
    stride: u64,
}

impl Default for LossHistory {
    fn default() -> Self {
        Self {
            points: Vec::with_capacity(CAPACITY),
            stride: 1,
        }
    }
}

impl LossHistory {
    /// Whether `epoch` is one the history will keep (so its loss is worth computing).
    pub fn wants(&self, epoch: u64) -> bool {
        epoch % self.stride == 0
    }

    /// Keeps `p` if the history wants its epoch; a new measurement of the last
    /// kept epoch (after a Step, or an edited weight) replaces it.
    pub fn push(&mut self, p: LossPoint) {
        if !self.wants(p.epoch) {
            return;
        }
        if let Some(last) = self.points.last_mut().filter(|q| q.epoch == p.epoch) {
            *last = p;
            return;
        }
        if self.points.len() == CAPACITY {
            self.stride *= 2;
            let stride = self.stride;
            self.points.retain(|q| q.epoch % stride == 0);
            if !self.wants(p.epoch) {
                return;
            }
        }
        self.points.push(p);
    }

    pub fn points(&self) -> &[LossPoint] {
        &self.points
    }

    /// (points, POINT_LEN) row-major, for a message.
    pub fn flat(&self) -> Vec<f32> {
        let mut out = Vec::with_capacity(self.points.len() * POINT_LEN);
        for p in &self.points {
            out.extend([p.epoch as f32, p.train, p.test, p.train_metric, p.test_metric]);
            out.extend(p.grads);
        }
        out
    }

    pub fn stride(&self) -> u64 {
        self.stride
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Records only every `stride`-th epoch from now on (a search trial keeps a short curve).
    pub fn set_stride(&mut self, stride: u64) {
        self.stride = stride.max(1);
        let s = self.stride;
        self.points.retain(|q| q.epoch % s == 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_million_epochs_stay_bounded_and_even() {
        let mut h = LossHistory::default();
        for e in 0..=1_000_000u64 {
            if h.wants(e) {
                h.push(LossPoint {
                    epoch: e,
                    train: 1.0 / (1.0 + e as f32),
                    test: 0.0,
                    ..Default::default()
                });
            }
        }
        let pts = h.points();
        assert!(pts.len() <= CAPACITY && pts.len() > CAPACITY / 2, "{}", pts.len());
        assert_eq!(pts[0].epoch, 0);
        let gaps: Vec<u64> = pts.windows(2).map(|w| w[1].epoch - w[0].epoch).collect();
        assert!(gaps.iter().all(|&g| g == h.stride()), "uneven gaps");
        assert!(pts.last().unwrap().epoch > 1_000_000 - h.stride());
    }

    #[test]
    fn measuring_an_epoch_again_replaces_its_point() {
        let mut h = LossHistory::default();
        h.push(LossPoint {
            epoch: 3,
            train: 0.5,
            test: 0.6,
            ..Default::default()
        });
        h.push(LossPoint {
            epoch: 3,
            train: 0.4,
            test: 0.45,
            ..Default::default()
        });
        assert_eq!(
            h.points(),
            [LossPoint {
                epoch: 3,
                train: 0.4,
                test: 0.45,
                ..Default::default()
            }]
        );
    }

    #[test]
    fn short_runs_keep_every_epoch() {
        let mut h = LossHistory::default();
        for e in 0..100 {
            h.push(LossPoint {
                epoch: e,
                train: 0.0,
                test: 0.0,
                ..Default::default()
            });
        }
        assert_eq!(h.points().len(), 100);
    }

    #[test]
    fn flat_rows_read_back_by_name() {
        let mut h = LossHistory::default();
        let mut grads = [0.0; MAX_LAYERS];
        grads[1] = 0.25;
        h.push(LossPoint {
            epoch: 7,
            train: 0.5,
            test: 0.75,
            train_metric: 0.9,
            test_metric: 0.8,
            grads,
        });
        let flat = h.flat();
        let row = rows(&flat).next().expect("one row");
        assert_eq!(
            (
                row.epoch(),
                row.train_loss(),
                row.test_loss(),
                row.train_metric(),
                row.test_metric()
            ),
            (7.0, 0.5, 0.75, 0.9, 0.8)
        );
        assert_eq!((row.grad(0), row.grad(1), row.grad(MAX_LAYERS + 3)), (0.0, 0.25, 0.0));
        assert_eq!(rows(&flat[..POINT_LEN - 1]).count(), 0, "a cut row is not read");
    }
}
