//! What the pictures and the measurements run rows through: a network's own
//! forward pass, or a variant of it that a trainer shows instead (the
//! advanced trainer's normalisation layers in evaluation mode). `evaluate`
//! and `grid::evaluate` take any of them.

use crate::network::{Network, Workspace};

pub trait Forward {
    /// The network whose shape (and, for the plain pass, weights) this is.
    fn net(&self) -> &Network;
    /// ws.rows(l + 1) = (rows, n_out) outputs of layer l for the rows of x
    /// (rows, n_inputs), with the weights as of the last `ws.prepare(self.net())`;
    /// `picture`: for the pictures only (tanh may take `fast_tanh`).
    fn forward_block(&self, x: &[f32], ws: &mut Workspace, picture: bool);
}

impl Forward for Network {
    fn net(&self) -> &Network {
        self
    }

    fn forward_block(&self, x: &[f32], ws: &mut Workspace, picture: bool) {
        if picture {
            self.forward_rows_picture(x, ws)
        } else {
            self.forward_rows(x, ws)
        }
    }
}
