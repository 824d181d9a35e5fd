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
}
