//! How the loss climbed inside the epoch that diverged. A run at a high
//! learning rate can go from a fine loss to "not a number" within one epoch;
//! the chart, one point per epoch, then shows nothing. The epoch is replayed
//! from the last good weights and optimizer state, one more minibatch at a
//! time, with the same order and dropout masks, so the stop message can say
//! how the loss climbed step by step.

use super::Trainer;
use crate::epoch::{mean_loss, train_epoch_planned, Buffers, EpochPlan};

/// Epochs with more minibatch steps than this are not replayed (the replay is
/// quadratic in the steps: 64 steps are about 2,000 minibatch updates).
pub const MAX_CLIMB_STEPS: usize = 64;

impl Trainer {
    /// The training loss before the diverging epoch, then after each of its
    /// minibatch steps, up to the first that is not finite; empty when the
    /// epoch has too many steps, or did not directly follow the good one.
    pub(super) fn climb(&self, failed_epoch: u64) -> Vec<f32> {
        let c = &self.config;
        let (ni, no) = (self.good.n_inputs(), self.good.n_outputs());
        let n = self.train_y.len() / no.max(1);
        let batch = c.batch_size.max(1) as usize;
        let steps = n.div_ceil(batch);
        // A replay with the kernels' epoch (not the normalisation layers' own).
        let own = self.extras.as_ref().is_some_and(|e| e.trains_epochs());
        if own || failed_epoch != self.good_epoch + 1 || steps == 0 || steps > MAX_CLIMB_STEPS {
            return Vec::new();
        }
        let epoch = self.good_epoch;
        let order = super::epoch_order(c, n, epoch).unwrap_or_else(|| (0..n as u32).collect());
        let mut x = Vec::with_capacity(n * ni);
        let mut y = Vec::with_capacity(n * no);
        for &r in &order {
            let r = r as usize;
            x.extend_from_slice(&self.train_x[r * ni..(r + 1) * ni]);
            y.extend_from_slice(&self.train_y[r * no..(r + 1) * no]);
        }
        let (settings, loss, rates) = (c.step_settings(epoch), c.loss(), c.dropout_rates());
        let mut buf = Buffers::new(&self.good);
        let mut losses = vec![mean_loss(&self.good, &mut buf.ws, &self.train_x, &self.train_y, loss)];
        for k in 1..=steps {
            let mut net = self.good.clone();
            buf.state.clone_from(&self.good_state);
            let rows = (k * batch).min(n);
            let plan = EpochPlan {
                order: None,
                dropout: super::epoch_dropout(c, &rates, epoch),
                track_gradients: false,
                // The replay shows the loss's climb; the advanced module's step work is left out.
                hook: None,
            };
            train_epoch_planned(
                &mut net,
                &mut buf,
                &x[..rows * ni],
                &y[..rows * no],
                batch,
                loss,
                &settings,
                plan,
            );
            let l = mean_loss(&net, &mut buf.ws, &self.train_x, &self.train_y, loss);
            losses.push(l);
            if !l.is_finite() {
                break;
            }
        }
        losses
    }
}

/// "0.132 → 0.95 → 14.2 → 3.1e4 → not a number" for a stop message.
pub fn climb_text(losses: &[f32]) -> String {
    let fmt = |l: f32| {
        if !l.is_finite() {
            "not a number".to_string()
        } else if l.abs() >= 1000.0 {
            format!("{l:.1e}")
        } else {
            format!("{l:.3}")
        }
    };
    let all: Vec<String> = losses.iter().map(|&l| fmt(l)).collect();
    if all.len() <= 8 {
        return all.join(" → ");
    }
    // The start and the end of a long climb.
    format!("{} → … → {}", all[..4].join(" → "), all[all.len() - 3..].join(" → "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_climb_is_told_by_its_start_and_end() {
        let l = [0.1, 0.2, 0.5, 2.0, 40.0, 900.0, 1.5e4, 3e7, f32::NAN];
        assert_eq!(
            super::climb_text(&l),
            "0.100 → 0.200 → 0.500 → 2.000 → … → 1.5e4 → 3.0e7 → not a number"
        );
        assert_eq!(super::climb_text(&l[..3]), "0.100 → 0.200 → 0.500");
    }
}
