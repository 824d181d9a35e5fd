//! The advanced trainer's work inside a `Trainer` (`trainer::Extras`).
//!
//! Pruning: at every epoch boundary (and after the weights, the settings or
//! the epoch change) the mask is made from the weights as they were before
//! pruning at that epoch (`dense`), so a slider moved back and forth at one
//! epoch removes the same weights and brings them back; after each training
//! step the mask zeroes the removed weights again, so fine-tuning keeps them
//! at 0. Quantisation: the pictures and the measurements show the quantised
//! network; with `quant-train=1` every step runs its forward and backward
//! passes on the quantised weights and applies the gradient to the float ones
//! (the straight-through estimator, Bengio et al. 2013). Normalisation
//! layers: the epochs are trained by `normed::Norms` (with the steps' work
//! above around each of its steps), and what is shown runs through them in
//! evaluation mode. Augmentation: each epoch's training points are a fresh
//! draw (`Augment::epoch_points`), or for imported data its standardised
//! rows (`Augment::epoch_rows`).

use super::normed::Norms;
use super::shown::Shown;
use super::{parse, Method, Settings};
use crate::config::Config;
use crate::dataset::Point;
use crate::epoch::{Buffers, StepHook};
use crate::forward::Forward;
use crate::health::Fault;
use crate::loss::Loss;
use crate::network::Network;
use crate::norm::Kind;
use crate::optimizer::StepSettings;
use crate::prune::{Mask, Scope};
use crate::rng::Rng;
use crate::trainer::Extras;
use std::borrow::Cow;

#[derive(Default)]
pub struct Advanced {
    settings: Settings,
    /// The weights before pruning at an epoch, and that epoch.
    dense: Option<(u64, Network)>,
    /// What is removed now (None: nothing), and the share it was made for.
    mask: Option<Mask>,
    share: f32,
    /// The float weights while a quantisation-aware step runs on quantised ones.
    floats: Vec<Vec<f32>>,
    /// The normalisation layers, when the settings have them.
    norms: Option<Norms>,
    /// Rows the activations' ranges are calibrated on (quantised activations):
    /// a built-in or drawn set's points, an imported file's training rows.
    calibration: Vec<f32>,
}

impl Advanced {
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn norms(&self) -> Option<&Norms> {
        self.norms.as_ref()
    }
}

impl Extras for Advanced {
    fn configure(&mut self, config: &Config) -> Option<String> {
        let (settings, mut errors) = parse(&config.advanced);
        if settings.prune != self.settings.prune {
            self.share = f32::NAN; // the mask is made again at the next settling
        }
        if settings.norm != self.settings.norm {
            self.norms = None; // made afresh at the next settling
        }
        self.settings = settings;
        // An imported file's rows come with its next epoch (`epoch_rows`).
        let acts = self.settings.quant.is_some_and(|q| q.acts);
        if !acts || config.csv.is_none() {
            self.calibration.clear();
        }
        if acts && config.csv.is_none() {
            let feats = &config.features;
            for p in config.points() {
                let at = self.calibration.len();
                self.calibration.resize(at + feats.len(), 0.0);
                crate::features::compute_into(feats, p.x1, p.x2, &mut self.calibration[at..]);
            }
        }
        if let Some(inputs) = config.csv.as_ref().map(|s| s.inputs) {
            if self.settings.augment.plane_only_for(inputs) {
                errors.push(super::SettingError::PlaneOnly { inputs });
            }
        }
        let mut said: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let batch_norm = (self.settings.norm.iter()).any(|n| n.kinds.contains(&Some(Kind::Batch)));
        if batch_norm && config.batch_size == 1 {
            said.push("norm=batch with batch size 1: each value is its batch's mean, so it normalises to 0; use batches of 2 or more".into());
        }
        (!said.is_empty()).then(|| said.join(" · "))
    }

    fn settle(&mut self, net: &mut Network, epoch: u64) -> bool {
        // A new run (or shape) starts with fresh normalisation layers.
        match &self.settings.norm {
            Some(n) if epoch == 0 || !self.norms.as_ref().is_some_and(|m| m.fits(net)) => {
                self.norms = Some(Norms::new(n.clone(), net))
            }
            Some(_) => {}
            None => self.norms = None,
        }
        let Some(p) = self.settings.prune else {
            // Pruning switched off at the epoch it was made: the weights come back.
            if let (Some((e, dense)), Some(_)) = (&self.dense, &self.mask) {
                if *e == epoch && dense.sizes() == net.sizes() {
                    net.copy_params_from(dense);
                }
            }
            let changed = self.mask.is_some();
            self.dense = None;
            self.mask = None;
            return changed;
        };
        let s = p.sparsity_at(epoch);
        let same_epoch = matches!(&self.dense, Some((e, d)) if *e == epoch && d.sizes() == net.sizes());
        if !same_epoch {
            // Each epoch of training comes here: without a new share there is
            // nothing to copy or sort (the steps keep the removed weights at 0).
            match &self.mask {
                None if s <= 0.0 => return false,
                Some(mask) if s == self.share => {
                    mask.apply(net);
                    return false;
                }
                _ => self.dense = Some((epoch, net.clone())),
            }
        }
        let Some((_, dense)) = &self.dense else { return false };
        if s <= 0.0 {
            self.mask = None;
            net.copy_params_from(dense);
            return true;
        }
        let mask = match p.method {
            Method::Global => Mask::magnitude(dense, s, Scope::Global),
            Method::PerLayer => Mask::magnitude(dense, s, Scope::PerLayer),
            Method::Neurons => Mask::neurons(dense, s),
        };
        net.copy_params_from(dense);
        mask.apply(net);
        self.mask = Some(mask);
        self.share = s;
        true
    }

    fn epoch_rows(
        &mut self,
        train: &[Point],
        (x, y): (&[f32], &[f32]),
        config: &Config,
        epoch: u64,
    ) -> Option<(Vec<f32>, Vec<f32>)> {
        if self.settings.quant.is_some_and(|q| q.acts) && config.csv.is_some() && self.calibration.len() != x.len() {
            self.calibration = x.to_vec();
        }
        let a = self.settings.augment;
        if !a.is_on() {
            return None;
        }
        if let Some(setup) = &config.csv {
            // Imported rows: rotation and flips only on a plane of two features (`configure` says so).
            let n = setup.inputs;
            let varied = a.jitter > 0.0 || a.mixup > 0.0 || !a.plane_only_for(n);
            return varied.then(|| a.epoch_rows(x, y, n, config.seed, epoch));
        }
        let classes = config.classes();
        let points = a.epoch_points(train, config.seed, epoch, classes);
        let (feats, head) = (&config.features, config.head());
        let mut x = vec![0.0; points.len() * feats.len()];
        let mut y = Vec::with_capacity(points.len() * head.outputs);
        for (p, row) in points.iter().zip(x.chunks_exact_mut(feats.len())) {
            crate::features::compute_into(feats, p.x1, p.x2, row);
            // Two classes are labelled ±1 and coded 1 and 0 (`Trainer::regenerate`);
            // mixup's soft labels fall in between.
            let label = if classes == 2 { (p.label + 1.0) * 0.5 } else { p.label };
            head.encode(label, &mut y);
        }
        Some((x, y))
    }

    fn hook(&mut self) -> Option<&mut dyn StepHook> {
        let training_quantized = self.settings.quant.is_some_and(|q| q.train);
        (self.mask.is_some() || training_quantized).then_some(self as &mut dyn StepHook)
    }

    fn shown<'a>(&'a self, net: &'a Network) -> Option<Box<dyn Forward + 'a>> {
        let quantized = self.settings.quant.map(|q| q.quant.apply(net));
        let acts = (self.settings.quant).filter(|q| q.acts && !self.calibration.is_empty());
        if self.norms.is_none() && acts.is_none() {
            return quantized.map(|n| Box::new(n) as Box<dyn Forward>);
        }
        let mut shown = Shown {
            net: quantized.map_or(Cow::Borrowed(net), Cow::Owned),
            norms: self.norms.as_ref(),
            acts: None,
        };
        if let Some(q) = acts {
            shown.calibrate(&self.calibration, q.quant.bits);
        }
        Some(Box::new(shown))
    }

    fn trains_epochs(&self) -> bool {
        self.norms.is_some()
    }

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
    ) -> Option<Fault> {
        let mut norms = self.norms.take()?;
        let fault = norms.train_epoch(net, buf, x, y, batch, loss, settings, order, dropout, self);
        self.norms = Some(norms);
        fault
    }
}

impl StepHook for Advanced {
    fn before_forward(&mut self, net: &mut Network) {
        let Some(q) = self.settings.quant.filter(|q| q.train) else {
            return;
        };
        self.floats = net.layers.iter().map(|l| l.weights.clone()).collect();
        *net = q.quant.apply(net);
    }

    fn before_step(&mut self, net: &mut Network) {
        for (l, w) in net.layers.iter_mut().zip(self.floats.drain(..)) {
            l.weights = w;
        }
    }

    fn after_step(&mut self, net: &mut Network) {
        if let Some(mask) = &self.mask {
            mask.apply(net);
        }
    }
}
