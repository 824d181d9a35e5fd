//! The output layer and loss of a task, and how targets are coded for them.
//! The default follows the problem (the Playground's tanh and squared error
//! for two classes, softmax and cross-entropy for K classes, linear and squared
//! error for regression); a user may pick another loss or output activation
//! where the pair makes sense, and anything else falls back to the default.

use crate::activation::Activation;
use crate::loss::Loss;

/// What is predicted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    Regression,
    /// k ≥ 2 classes, numbered 0..k (two classes: 0 is −1/orange, 1 is +1/blue).
    Classes(usize),
}

/// How a target is written for the network's outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    /// The number itself (regression).
    Value,
    /// One output: −1 for class 0, +1 for class 1 (tanh or linear outputs).
    PlusMinus,
    /// One output: 0 or 1 (sigmoid output).
    ZeroOne,
    /// k outputs, 1 at the class, 0 elsewhere.
    OneHot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head {
    pub outputs: usize,
    pub activation: Activation,
    pub loss: Loss,
    pub coding: Coding,
}

impl Task {
    /// The losses that make sense for this task; the first is the default.
    pub fn losses(self) -> &'static [Loss] {
        match self {
            Self::Regression => &[Loss::HalfSquaredError, Loss::Huber],
            Self::Classes(2) => &[
                Loss::HalfSquaredError,
                Loss::BinaryCrossEntropy,
                Loss::CategoricalCrossEntropy,
                Loss::Huber,
            ],
            Self::Classes(_) => &[
                Loss::CategoricalCrossEntropy,
                Loss::BinaryCrossEntropy,
                Loss::HalfSquaredError,
                Loss::Huber,
            ],
        }
    }

    /// Output activations that go with `loss`; the first is the default.
    pub fn outputs_for(self, loss: Loss) -> &'static [Activation] {
        match (self, loss) {
            (_, Loss::CategoricalCrossEntropy) => &[Activation::Softmax],
            (_, Loss::BinaryCrossEntropy) => &[Activation::Sigmoid],
            (Self::Regression, _) => &[Activation::Linear, Activation::Tanh],
            (Self::Classes(2), _) => &[Activation::Tanh, Activation::Sigmoid, Activation::Linear],
            (Self::Classes(_), _) => &[Activation::Sigmoid, Activation::Linear],
        }
    }

    /// The head for a chosen loss and output (None: the default), falling back
    /// to the defaults where a choice does not fit this task.
    pub fn head(self, loss: Option<Loss>, output: Option<Activation>) -> Head {
        let losses = self.losses();
        let loss = loss.filter(|l| losses.contains(l)).unwrap_or(losses[0]);
        let acts = self.outputs_for(loss);
        let activation = output.filter(|a| acts.contains(a)).unwrap_or(acts[0]);
        let (outputs, coding) = match (self, activation) {
            (Self::Regression, _) => (1, Coding::Value),
            (Self::Classes(k), Activation::Softmax) => (k, Coding::OneHot),
            (Self::Classes(2), Activation::Sigmoid) => (1, Coding::ZeroOne),
            (Self::Classes(2), _) => (1, Coding::PlusMinus),
            (Self::Classes(k), _) => (k, Coding::OneHot),
        };
        Head {
            outputs,
            activation,
            loss,
            coding,
        }
    }

    pub fn classes(self) -> usize {
        match self {
            Self::Regression => 0,
            Self::Classes(k) => k,
        }
    }
}

impl Head {
    /// Appends the target row of class `c` (classification) or value `c` (regression).
    pub fn encode(&self, y: f32, out: &mut Vec<f32>) {
        match self.coding {
            Coding::Value => out.push(y),
            Coding::PlusMinus => out.push(if y >= 0.5 { 1.0 } else { -1.0 }),
            Coding::ZeroOne => out.push(if y >= 0.5 { 1.0 } else { 0.0 }),
            Coding::OneHot => out.extend((0..self.outputs).map(|k| if k == y as usize { 1.0 } else { 0.0 })),
        }
    }

    /// Where one output splits the two classes: 0.5 for sigmoid, 0 for ±1 coding.
    pub fn threshold(&self) -> f32 {
        if self.coding == Coding::ZeroOne {
            0.5
        } else {
            0.0
        }
    }

    /// Two classes: the outputs of one point as a value in [−1, 1] (−1: surely
    /// class 0, +1: surely class 1), for the pictures. Otherwise the first output.
    pub fn signed(&self, o: &[f32]) -> f32 {
        match (self.coding, o) {
            (Coding::ZeroOne, [p, ..]) => 2.0 * p - 1.0,
            (Coding::OneHot, [p0, p1]) => p1 - p0,
            (_, [v, ..]) => *v,
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_problem() {
        let two = Task::Classes(2).head(None, None);
        assert_eq!(
            (two.outputs, two.activation, two.loss, two.coding),
            (1, Activation::Tanh, Loss::HalfSquaredError, Coding::PlusMinus)
        );
        let four = Task::Classes(4).head(None, None);
        assert_eq!(
            (four.outputs, four.activation, four.loss),
            (4, Activation::Softmax, Loss::CategoricalCrossEntropy)
        );
        let reg = Task::Regression.head(None, None);
        assert_eq!((reg.activation, reg.loss), (Activation::Linear, Loss::HalfSquaredError));
    }

    #[test]
    fn choices_and_fallbacks() {
        let bce = Task::Classes(2).head(Some(Loss::BinaryCrossEntropy), Some(Activation::Tanh));
        assert_eq!((bce.activation, bce.coding), (Activation::Sigmoid, Coding::ZeroOne));
        let cce2 = Task::Classes(2).head(Some(Loss::CategoricalCrossEntropy), None);
        assert_eq!((cce2.outputs, cce2.activation), (2, Activation::Softmax));
        // Cross-entropy makes no sense for a number: back to squared error.
        let r = Task::Regression.head(Some(Loss::BinaryCrossEntropy), Some(Activation::Softmax));
        assert_eq!((r.loss, r.activation), (Loss::HalfSquaredError, Activation::Linear));
        let huber = Task::Classes(3).head(Some(Loss::Huber), None);
        assert_eq!(
            (huber.outputs, huber.activation, huber.coding),
            (3, Activation::Sigmoid, Coding::OneHot)
        );
    }

    #[test]
    fn coding_and_pictures() {
        let mut v = Vec::new();
        Task::Classes(3).head(None, None).encode(2.0, &mut v);
        Task::Classes(2).head(None, None).encode(0.0, &mut v);
        Task::Classes(2)
            .head(Some(Loss::BinaryCrossEntropy), None)
            .encode(1.0, &mut v);
        assert_eq!(v, vec![0.0, 0.0, 1.0, -1.0, 1.0]);
        let cce2 = Task::Classes(2).head(Some(Loss::CategoricalCrossEntropy), None);
        assert!((cce2.signed(&[0.2, 0.8]) - 0.6).abs() < 1e-6);
        let bce = Task::Classes(2).head(Some(Loss::BinaryCrossEntropy), None);
        assert_eq!((bce.signed(&[0.75]), bce.threshold()), (0.5, 0.5));
    }
}
