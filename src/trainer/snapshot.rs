//! The trainer's picture of itself for the page: the output over the grid,
//! every hidden neuron's heatmap, the parameters, the history and the metrics.

use super::Trainer;
use crate::grid::{self, DENSITY};
use crate::protocol::{Snapshot, SnapshotHeader};

impl Trainer {
    /// Everything the page draws, computed now.
    pub fn snapshot(&mut self) -> Snapshot {
        let sizes = self.net.sizes();
        let hidden_neurons: usize = sizes[1..sizes.len() - 1].iter().sum();
        let mut output = vec![0.0; DENSITY * DENSITY * self.net.n_outputs()];
        // Smaller heatmaps for the compact diagram of wide layers.
        let step = crate::compact::thumb_step(&sizes);
        let thumb = DENSITY / step;
        let mut neurons = vec![0.0; hidden_neurons * thumb * thumb];
        let shown = self.extras.as_ref().and_then(|e| e.shown(&self.net));
        grid::evaluate(
            shown.as_deref().unwrap_or(&self.net),
            &self.grid_inputs,
            &mut self.buf.ws,
            &mut output,
            &mut neurons,
            step,
        );
        let head = self.config.head();
        if self.config.picture_channels() == 1 && head.outputs > 1 {
            // Two classes through two softmax outputs: one signed value per pixel.
            output = output.chunks_exact(head.outputs).map(|o| head.signed(o)).collect();
        } else if self.config.classes() == 2 {
            output.iter_mut().for_each(|o| *o = head.signed(&[*o]));
        }
        let history = self.history.flat();
        Snapshot {
            header: SnapshotHeader {
                run: self.run,
                epoch: self.epoch as f64,
                train_loss: self.losses.0,
                test_loss: self.losses.1,
                state: self.state,
                sizes: sizes.iter().map(|&s| s as u32).collect(),
                train_metrics: self.metrics.0.clone(),
                test_metrics: self.metrics.1.clone(),
                learning_rate: self.config.step_settings(self.epoch).learning_rate,
            },
            output,
            neurons,
            params: self.net.params(),
            history,
        }
    }
}
