//! What a trainer can be given beyond the playground's core: the advanced
//! module's pruning, quantisation, normalisation layers and augmentation (`crate::advanced`). The
//! page's own worker trains without (`Trainer::new`); the advanced module's
//! worker installs them (`Trainer::with_extras`), so their code is only in
//! that module's download.

use crate::config::Config;
use crate::dataset::Point;
use crate::epoch::{Buffers, StepHook};
use crate::forward::Forward;
use crate::health::Fault;
use crate::loss::Loss;
use crate::network::Network;
use crate::optimizer::StepSettings;
use crate::rng::Rng;

pub trait Extras {
    /// Reads the setup's advanced keys (`Config::advanced`); what could not be used, said in words.
    fn configure(&mut self, config: &Config) -> Option<String>;
    /// Brings the trained network to what the settings ask at `epoch` (pruning);
    /// called after every change of the weights, the settings or the epoch.
    /// True when it may have changed the weights.
    fn settle(&mut self, net: &mut Network, epoch: u64) -> bool;
    /// Epoch `epoch`'s training rows (x, y as the trainer codes them) when
    /// augmentation changes the built-in data's points `train` or, for
    /// imported data, the trainer's rows `rows` (x, y).
    fn epoch_rows(
        &mut self,
        train: &[Point],
        rows: (&[f32], &[f32]),
        config: &Config,
        epoch: u64,
    ) -> Option<(Vec<f32>, Vec<f32>)>;
    /// The work around each training step.
    fn hook(&mut self) -> Option<&mut dyn StepHook>;
    /// What the pictures and the measurements run (the quantised network, the
    /// normalisation layers in evaluation mode), when it is not the trained network.
    fn shown<'a>(&'a self, net: &'a Network) -> Option<Box<dyn Forward + 'a>>;
    /// Whether it trains the epochs itself (`train_epoch`: normalisation layers).
    fn trains_epochs(&self) -> bool;
    /// One epoch of minibatch steps on the rows x, y (in `order`, with dropout),
    /// in place of the kernels' `train_epoch_planned`; what broke in its own
    /// parameters (which it put back as they were before the epoch).
    #[allow(clippy::too_many_arguments)]
    fn train_epoch(
        &mut self,
        net: &mut Network,
        buf: &mut Buffers,
        x: &[f32],
        y: &[f32],
        batch: usize,
        loss: Loss,
        settings: &StepSettings,
        order: Option<&[u32]>,
        dropout: Option<(&[f32], Rng)>,
    ) -> Option<Fault>;
}
