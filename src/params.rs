//! A network's parameters as one flat vector: all weights then biases, layer
//! by layer (weights (n_out, n_in) row-major). This is the layout snapshots
//! carry to the page and `Resume` brings back after a worker restart.

use crate::error::Error;
use crate::network::Network;

impl Network {
    pub fn params(&self) -> Vec<f32> {
        self.layers
            .iter()
            .flat_map(|l| l.weights.iter().chain(&l.biases))
            .copied()
            .collect()
    }

    pub fn set_params(&mut self, p: &[f32]) -> Result<(), Error> {
        let expected = self.param_count();
        if p.len() != expected {
            return Err(Error::ParamCount { got: p.len(), expected });
        }
        let mut k = 0;
        for l in &mut self.layers {
            for v in l.weights.iter_mut().chain(l.biases.iter_mut()) {
                *v = p[k];
                k += 1;
            }
        }
        Ok(())
    }

    /// Copies another network's parameters without allocating; shapes must match.
    pub fn copy_params_from(&mut self, other: &Network) {
        debug_assert_eq!(self.sizes(), other.sizes());
        for (a, b) in self.layers.iter_mut().zip(&other.layers) {
            a.weights.copy_from_slice(&b.weights);
            a.biases.copy_from_slice(&b.biases);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::activation::Activation;
    use crate::network::{Init, Network};

    #[test]
    fn flat_parameters_round_trip() {
        let a = Network::new(
            &[2, 3, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            1,
        );
        let mut b = Network::new(
            &[2, 3, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            2,
        );
        let p = a.params();
        assert_eq!(p.len(), 13);
        assert_eq!(p[6..9], a.layers[0].biases[..]);
        b.set_params(&p).unwrap();
        assert_eq!(a, b);
        assert!(b.set_params(&p[1..]).is_err());
        let c = Network::new(
            &[2, 3, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            3,
        );
        b.copy_params_from(&c);
        assert_eq!(b, c);
    }
}
