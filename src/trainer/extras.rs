//! What a trainer can be given beyond the playground's core: the advanced
//! module's pruning, quantisation and augmentation (`crate::advanced`). The
//! page's own worker trains without (`Trainer::new`); the advanced module's
//! worker installs them (`Trainer::with_extras`), so their code is only in
//! that module's download.

use crate::config::Config;
use crate::dataset::Point;
use crate::epoch::StepHook;
use crate::network::Network;

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
    /// The network that the pictures and the measurements show (the quantised
    /// one), when it is not the trained one.
    fn shown(&self, net: &Network) -> Option<Network>;
}
