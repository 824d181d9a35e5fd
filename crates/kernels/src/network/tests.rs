use super::*;

fn loss_of(net: &Network, x: &[f32], t: &[f32], loss: Loss) -> f64 {
    let mut ws = Workspace::new(net);
    let o = net.forward(x, &mut ws).to_vec();
    f64::from(loss.value(&o, t))
}

/// Backprop against central differences for every hidden activation.
#[test]
fn gradients_match_finite_differences() {
    for hidden in Activation::ALL {
        for (output, loss, t) in [
            (Activation::Tanh, Loss::HalfSquaredError, 1.0f32),
            (Activation::Linear, Loss::HalfSquaredError, -0.3),
            (Activation::Sigmoid, Loss::BinaryCrossEntropy, 1.0),
        ] {
            let mut net = Network::new(&[3, 4, 3, 1], hidden, output, Init::PlaygroundUniform, 11);
            let x = [0.7f32, -1.2, 0.4];
            let mut ws = Workspace::new(&net);
            let mut grads = Gradients::new(&net);
            net.forward(&x, &mut ws);
            net.backward(&[t], loss, &mut ws, &mut grads);
            let h = 1e-3f32;
            for l in 0..net.layers.len() {
                for k in 0..net.layers[l].weights.len() {
                    let w0 = net.layers[l].weights[k];
                    net.layers[l].weights[k] = w0 + h;
                    let up = loss_of(&net, &x, &[t], loss);
                    net.layers[l].weights[k] = w0 - h;
                    let down = loss_of(&net, &x, &[t], loss);
                    net.layers[l].weights[k] = w0;
                    let fd = (up - down) / (2.0 * f64::from(h));
                    let an = f64::from(grads.dw[l][k]);
                    // (The fixed seed keeps every ReLU pre-activation far from its kink.)
                    let tol = 2e-3 + 2e-2 * an.abs();
                    assert!(
                        (fd - an).abs() < tol,
                        "{hidden:?}/{output:?} dW[{l}][{k}]: fd {fd} vs {an}"
                    );
                }
                for k in 0..net.layers[l].biases.len() {
                    let b0 = net.layers[l].biases[k];
                    net.layers[l].biases[k] = b0 + h;
                    let up = loss_of(&net, &x, &[t], loss);
                    net.layers[l].biases[k] = b0 - h;
                    let down = loss_of(&net, &x, &[t], loss);
                    net.layers[l].biases[k] = b0;
                    let fd = (up - down) / (2.0 * f64::from(h));
                    let an = f64::from(grads.db[l][k]);
                    let tol = 2e-3 + 2e-2 * an.abs();
                    assert!(
                        (fd - an).abs() < tol,
                        "{hidden:?}/{output:?} db[{l}][{k}]: fd {fd} vs {an}"
                    );
                }
            }
        }
    }
}

#[test]
fn shapes_and_init_follow_the_playground() {
    let net = Network::new(
        &[2, 4, 2, 1],
        Activation::Tanh,
        Activation::Tanh,
        Init::PlaygroundUniform,
        1,
    );
    assert_eq!(net.sizes(), vec![2, 4, 2, 1]);
    assert_eq!(net.param_count(), 8 + 4 + 8 + 2 + 2 + 1);
    for l in &net.layers {
        assert!(l.weights.iter().all(|w| (-0.5..0.5).contains(w)));
        assert!(l.biases.iter().all(|&b| b == 0.1));
    }
    assert_eq!(net.layers[2].activation, Activation::Tanh);
}
