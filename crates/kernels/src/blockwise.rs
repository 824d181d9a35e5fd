//! Activations over whole blocks of neurons (one match per block, so loops
//! vectorise) and their derivatives in backprop.

use crate::activation::{gelu, gelu_derivative, Activation};
use crate::tanh::tanh;

/// z ← f(z), one match per block instead of per neuron.
#[inline(always)]
pub fn activate(act: Activation, z: &mut [f32]) {
    match act {
        Activation::Relu => z.iter_mut().for_each(|v| *v = Activation::Relu.f(*v)),
        Activation::Tanh => z.iter_mut().for_each(|v| *v = tanh(*v)),
        Activation::Sigmoid => z.iter_mut().for_each(|v| *v = Activation::Sigmoid.f(*v)),
        Activation::LeakyRelu => z.iter_mut().for_each(|v| *v = Activation::LeakyRelu.f(*v)),
        Activation::Elu => z.iter_mut().for_each(|v| *v = Activation::Elu.f(*v)),
        Activation::Softplus => z.iter_mut().for_each(|v| *v = Activation::Softplus.f(*v)),
        // The project's tanh, so that GELU gives the same bits natively and in wasm.
        Activation::Gelu => z.iter_mut().for_each(|v| *v = gelu(*v, tanh)),
        Activation::Linear | Activation::Softmax => {}
    }
}

/// d ← d ⊙ f'(z), f' from the inputs z (GELU).
#[inline(always)]
pub fn times_derivative_of_input(act: Activation, d: &mut [f32], z: &[f32]) {
    debug_assert!(act.needs_input());
    d.iter_mut().zip(z).for_each(|(d, &z)| *d *= gelu_derivative(z, tanh));
}

/// d ← d ⊙ f'(a), f' from the outputs a = f(z).
#[inline(always)]
pub fn times_derivative(act: Activation, d: &mut [f32], a: &[f32]) {
    match act {
        Activation::Relu => d
            .iter_mut()
            .zip(a)
            .for_each(|(d, &a)| *d *= Activation::Relu.df_from_output(a)),
        Activation::Tanh => d
            .iter_mut()
            .zip(a)
            .for_each(|(d, &a)| *d *= Activation::Tanh.df_from_output(a)),
        Activation::Sigmoid => d
            .iter_mut()
            .zip(a)
            .for_each(|(d, &a)| *d *= Activation::Sigmoid.df_from_output(a)),
        other @ (Activation::LeakyRelu | Activation::Elu | Activation::Softplus | Activation::Gelu) => {
            d.iter_mut().zip(a).for_each(|(d, &a)| *d *= other.df_from_output(a))
        }
        Activation::Linear | Activation::Softmax => {}
    }
}
