//! The controls of the page by name: what a teacher can hide through a link
//! (`<key>_hide=1`), with each one's URL key and label.

/// Controls a teacher can hide through the URL (`<key>_hide=1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Control {
    Dataset,
    Problem,
    Noise,
    TrainRatio,
    BatchSize,
    LearningRate,
    Optimizer,
    Schedule,
    Loss,
    Init,
    Activation,
    Regularization,
    RegularizationRate,
    Layers,
    Features,
    ShowTestData,
    Discretize,
    Regenerate,
    Play,
    Step,
    Reset,
    /// The explanatory text under the playground.
    Text,
}

impl Control {
    pub const ALL: [Control; 22] = [
        Self::Dataset,
        Self::Problem,
        Self::Noise,
        Self::TrainRatio,
        Self::BatchSize,
        Self::LearningRate,
        Self::Optimizer,
        Self::Schedule,
        Self::Loss,
        Self::Init,
        Self::Activation,
        Self::Regularization,
        Self::RegularizationRate,
        Self::Layers,
        Self::Features,
        Self::ShowTestData,
        Self::Discretize,
        Self::Regenerate,
        Self::Play,
        Self::Step,
        Self::Reset,
        Self::Text,
    ];

    /// URL key; the hide key is `<key>_hide`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Dataset => "data",
            Self::Problem => "problem",
            Self::Noise => "noise",
            Self::TrainRatio => "train",
            Self::BatchSize => "batch",
            Self::LearningRate => "lr",
            Self::Optimizer => "opt",
            Self::Schedule => "sched",
            Self::Loss => "loss",
            Self::Init => "init",
            Self::Activation => "act",
            Self::Regularization => "reg",
            Self::RegularizationRate => "rr",
            Self::Layers => "net",
            Self::Features => "in",
            Self::ShowTestData => "test",
            Self::Discretize => "disc",
            Self::Regenerate => "regen",
            Self::Play => "play",
            Self::Step => "step",
            Self::Reset => "reset",
            Self::Text => "text",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Dataset => "Dataset",
            Self::Problem => "Problem type",
            Self::Noise => "Noise",
            Self::TrainRatio => "Training ratio",
            Self::BatchSize => "Batch size",
            Self::LearningRate => "Learning rate",
            Self::Optimizer => "Optimizer",
            Self::Schedule => "Learning rate schedule",
            Self::Loss => "Loss",
            Self::Init => "Initialization",
            Self::Activation => "Activation",
            Self::Regularization => "Regularization",
            Self::RegularizationRate => "Regularization rate",
            Self::Layers => "Hidden layers",
            Self::Features => "Input features",
            Self::ShowTestData => "Show test data",
            Self::Discretize => "Discretize output",
            Self::Regenerate => "Regenerate",
            Self::Play => "Play / Pause",
            Self::Step => "Step",
            Self::Reset => "Reset",
            Self::Text => "Explanatory text",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == s)
    }
}
