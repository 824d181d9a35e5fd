//! A lesson's goal and how the page's progress meets it: a metric compared with
//! a threshold, reached within a number of epochs by a network no bigger than
//! the limits. Accuracies are in percent (as a teacher writes them: 95).

/// What the goal measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    TestLoss,
    TrainLoss,
    /// Percent of the test points classified right.
    TestAccuracy,
    TrainAccuracy,
    /// Macro F1 on the test points, in percent (classification).
    TestF1,
    /// R² on the test points (regression), as a number up to 1.
    TestR2,
    /// The run stops by itself: the loss or the weights blew up.
    Diverged,
}

impl Metric {
    pub const ALL: [Metric; 7] = [
        Self::TestLoss,
        Self::TrainLoss,
        Self::TestAccuracy,
        Self::TrainAccuracy,
        Self::TestF1,
        Self::TestR2,
        Self::Diverged,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::TestLoss => "testloss",
            Self::TrainLoss => "trainloss",
            Self::TestAccuracy => "testacc",
            Self::TrainAccuracy => "trainacc",
            Self::TestF1 => "testf1",
            Self::TestR2 => "testr2",
            Self::Diverged => "diverged",
        }
    }

    pub fn from_key(s: &str) -> Option<Metric> {
        Self::ALL.into_iter().find(|m| m.key() == s)
    }

    /// Whether the metric is a percentage (its threshold too).
    pub fn is_percent(self) -> bool {
        matches!(self, Self::TestAccuracy | Self::TrainAccuracy | Self::TestF1)
    }

    /// The metric's value in `p` (None when the page has no such number, or for Diverged).
    pub fn value(self, p: &Progress) -> Option<f32> {
        let v = match self {
            Self::TestLoss => Some(p.test_loss),
            Self::TrainLoss => Some(p.train_loss),
            Self::TestAccuracy => p.test_accuracy.map(|a| a * 100.0),
            Self::TrainAccuracy => p.train_accuracy.map(|a| a * 100.0),
            Self::TestF1 => p.test_f1.map(|a| a * 100.0),
            Self::TestR2 => p.test_r2,
            Self::Diverged => None,
        };
        v.filter(|x| x.is_finite())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    Below,
    AtMost,
    AtLeast,
    Above,
}

impl Comparison {
    pub const ALL: [Comparison; 4] = [Self::Below, Self::AtMost, Self::AtLeast, Self::Above];

    pub fn key(self) -> &'static str {
        match self {
            Self::Below => "lt",
            Self::AtMost => "le",
            Self::AtLeast => "ge",
            Self::Above => "gt",
        }
    }

    pub fn from_key(s: &str) -> Option<Comparison> {
        Self::ALL.into_iter().find(|c| c.key() == s)
    }

    pub fn holds(self, value: f32, threshold: f32) -> bool {
        match self {
            Self::Below => value < threshold,
            Self::AtMost => value <= threshold,
            Self::AtLeast => value >= threshold,
            Self::Above => value > threshold,
        }
    }
}

/// What a lesson asks the student to reach.
#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    pub metric: Metric,
    pub comparison: Comparison,
    /// In the metric's units (percent for accuracies and F1); unused for Diverged.
    pub threshold: f32,
    /// The goal counts only if met at an epoch up to this one.
    pub within: Option<u64>,
    /// At most this many hidden neurons in all (summed over the hidden layers).
    pub max_neurons: Option<u32>,
    pub max_layers: Option<u32>,
}

/// What the page reports about the run, at most once per drawn frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub epoch: u64,
    pub train_loss: f32,
    pub test_loss: f32,
    /// 0 … 1, classification only.
    pub train_accuracy: Option<f32>,
    pub test_accuracy: Option<f32>,
    pub test_f1: Option<f32>,
    pub test_r2: Option<f32>,
    /// The run stopped by itself (diverged, exploded or got stuck).
    pub stopped: bool,
    /// Hidden layer sizes.
    pub hidden: Vec<u32>,
}

impl Progress {
    pub fn neurons(&self) -> u32 {
        self.hidden.iter().sum()
    }
    pub fn layers(&self) -> u32 {
        self.hidden.len() as u32
    }
}

/// Where a run stands against a goal, with the numbers to show.
#[derive(Clone, Debug, PartialEq)]
pub enum GoalState {
    /// Not met yet; the metric's value now (None before training or for Diverged).
    Pending {
        epoch: u64,
        value: Option<f32>,
    },
    Reached {
        epoch: u64,
        value: Option<f32>,
    },
    /// The epochs allowed have passed without the goal being met.
    OutOfEpochs {
        epoch: u64,
        within: u64,
    },
    /// The network is larger than the goal allows.
    TooBig {
        neurons: u32,
        layers: u32,
        max_neurons: Option<u32>,
        max_layers: Option<u32>,
    },
}

impl Goal {
    /// Checks one moment of a run. Epoch 0 (untrained) never counts as reached.
    pub fn check(&self, p: &Progress) -> GoalState {
        let (neurons, layers) = (p.neurons(), p.layers());
        if self.max_neurons.is_some_and(|m| neurons > m) || self.max_layers.is_some_and(|m| layers > m) {
            return GoalState::TooBig {
                neurons,
                layers,
                max_neurons: self.max_neurons,
                max_layers: self.max_layers,
            };
        }
        let value = self.metric.value(p);
        let met = match self.metric {
            Metric::Diverged => p.stopped,
            _ => value.is_some_and(|v| self.comparison.holds(v, self.threshold)),
        };
        let in_time = self.within.map_or(true, |n| p.epoch <= n);
        if met && in_time && p.epoch >= 1 {
            GoalState::Reached { epoch: p.epoch, value }
        } else if !in_time {
            GoalState::OutOfEpochs {
                epoch: p.epoch,
                within: self.within.unwrap_or(0),
            }
        } else {
            GoalState::Pending { epoch: p.epoch, value }
        }
    }
}
