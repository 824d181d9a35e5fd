//! A network's parameters as one flat vector: all weights then biases, layer
//! by layer (weights (n_out, n_in) row-major). This is the layout snapshots
//! carry to the page and `Resume` brings back after a worker restart
//! (`Network::params`, `Network::set_params`).

/// Where each weight and bias sits in the flat vector of a network with
/// these layer sizes [inputs, hidden..., outputs]. The one place that knows the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Per weight layer: (n_in, n_out, offset of its first weight).
    layers: Vec<(usize, usize, usize)>,
    len: usize,
}

impl Layout {
    pub fn new(sizes: &[usize]) -> Self {
        let mut offset = 0;
        let layers = sizes
            .windows(2)
            .map(|w| {
                let layer = (w[0], w[1], offset);
                offset += w[0] * w[1] + w[1];
                layer
            })
            .collect();
        Self { layers, len: offset }
    }

    /// Number of parameters.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Index of w[to][from] of weight layer `layer` (0: inputs to the first hidden layer).
    pub fn weight(&self, layer: usize, to: usize, from: usize) -> Option<usize> {
        let &(n_in, n_out, offset) = self.layers.get(layer)?;
        (to < n_out && from < n_in).then_some(offset + to * n_in + from)
    }

    /// Index of the bias of neuron `n` in weight layer `layer` (the last layer is the output).
    pub fn bias(&self, layer: usize, n: usize) -> Option<usize> {
        let &(n_in, n_out, offset) = self.layers.get(layer)?;
        (n < n_out).then_some(offset + n_in * n_out + n)
    }

    /// Per weight layer: the range of its weights (n_out, n_in) row-major and of its biases.
    pub fn ranges(&self) -> impl Iterator<Item = (std::ops::Range<usize>, std::ops::Range<usize>)> + '_ {
        self.layers.iter().map(|&(n_in, n_out, o)| {
            let w = o..o + n_in * n_out;
            (w.clone(), w.end..w.end + n_out)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::activation::Activation;
    use crate::network::{Init, Network};

    #[test]
    fn the_layout_finds_every_parameter_where_params_puts_it() {
        let mut net = Network::new(
            &[2, 3, 1],
            Activation::Tanh,
            Activation::Tanh,
            Init::PlaygroundUniform,
            1,
        );
        net.layers[0].weights[3 * 2 - 1] = 42.0; // w[2][1] of layer 0
        net.layers[1].biases[0] = -7.0;
        let p = net.params();
        let layout = super::Layout::new(&[2, 3, 1]);
        assert_eq!(layout.len(), p.len());
        assert_eq!(p[layout.weight(0, 2, 1).unwrap()], 42.0);
        assert_eq!(p[layout.bias(1, 0).unwrap()], -7.0);
        assert_eq!(layout.weight(0, 3, 0), None, "layer 0 has 3 neurons");
        assert_eq!(layout.bias(2, 0), None, "two weight layers");
        let (w, b) = layout.ranges().nth(1).unwrap();
        assert_eq!((w, b), (9..12, 12..13));
    }

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
