//! The network as a formula: for a network with at most `MAX_WEIGHTS` weights,
//! one equation per neuron with its current weights and bias, written as
//! MathML for the browser to typeset:
//!
//! ```text
//! h_k^(l) = f_l( Σ_i w[l][k][i] · a_i^(l−1) + b[l][k] )    a^(0) = the inputs
//! ŷ       = g( Σ_i w[L][0][i] · h_i^(L−1) + b[L][0] )       one output
//! z_k     = Σ_i w[L][k][i] · h_i^(L−1) + b[L][k],  ŷ = softmax(z)
//! ```
//!
//! Parameters come as the snapshot carries them (`Network::params`: per layer
//! its weights (n_out, n_in) row-major, then its biases).

use crate::activation::Activation;

/// Networks with more weights than this are not written out (too long to read).
pub const MAX_WEIGHTS: usize = 24;

/// Text for MathML: `<`, `>` and `&` escaped (column names are the user's).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// An input's name as MathML: (prefix, subscript, suffix, superscript), as
/// the diagram labels built-in features (`Feature::label_parts`).
pub fn input_name((prefix, sub, suffix, sup): (&str, &str, &str, &str)) -> String {
    let mut base = format!("<mi>{}</mi>", esc(prefix));
    if !sub.is_empty() {
        base = format!("<msub>{base}<mn>{}</mn></msub>", esc(sub));
    }
    if !sup.is_empty() {
        base = format!("<msup>{base}<mn>{}</mn></msup>", esc(sup));
    }
    if !suffix.is_empty() {
        // X₁X₂: the suffix's own subscript is its last character.
        let (head, tail) = suffix.split_at(suffix.len() - 1);
        base = format!(
            "<mrow>{base}<msub><mi>{}</mi><mn>{}</mn></msub></mrow>",
            esc(head),
            esc(tail)
        );
    }
    base
}

/// The function a layer applies, as MathML (None: the identity).
fn function(a: Activation) -> Option<&'static str> {
    match a {
        Activation::Linear | Activation::Softmax => None,
        Activation::Tanh => Some("<mi>tanh</mi>"),
        Activation::Sigmoid => Some("<mi>σ</mi>"),
        Activation::Relu => Some("<mi>ReLU</mi>"),
        Activation::LeakyRelu => Some("<mi>LeakyReLU</mi>"),
        Activation::Elu => Some("<mi>ELU</mi>"),
        Activation::Gelu => Some("<mi>GELU</mi>"),
        Activation::Softplus => Some("<mi>softplus</mi>"),
    }
}

/// The operator before a term of value `v`: none before a first positive
/// term, a prefix minus before a first negative one.
fn sign(v: f32, first: bool) -> &'static str {
    match (first, v < 0.0) {
        (true, false) => "",
        (true, true) => "<mo form=\"prefix\">−</mo>",
        (false, true) => "<mo>−</mo>",
        (false, false) => "<mo>+</mo>",
    }
}

fn number(v: f32, digits: usize) -> String {
    format!("<mn>{:.digits$}</mn>", v.abs())
}

/// Neuron k of hidden layer l (both from 1); one hidden layer: h_k.
fn hidden_name(l: usize, k: usize, layers: usize) -> String {
    if layers == 1 {
        format!("<msub><mi>h</mi><mn>{k}</mn></msub>")
    } else {
        format!("<msubsup><mi>h</mi><mn>{k}</mn><mn>({l})</mn></msubsup>")
    }
}

/// The formula of a network with layer sizes `sizes` (inputs, hidden…,
/// outputs), parameters `params` and each weight layer's activation `acts`,
/// inputs named by `inputs` (MathML); numbers with `digits` decimals. None
/// when it has more than `MAX_WEIGHTS` weights or the parts do not fit.
pub fn mathml(
    sizes: &[usize],
    params: &[f32],
    acts: &[Activation],
    inputs: &[String],
    digits: usize,
) -> Option<String> {
    let layers = sizes.len().checked_sub(1)?;
    let weights: usize = sizes.windows(2).map(|w| w[0] * w[1]).sum();
    let biases: usize = sizes[1..].iter().sum();
    if weights > MAX_WEIGHTS || params.len() != weights + biases || acts.len() != layers || inputs.len() != sizes[0] {
        return None;
    }
    let outputs = sizes[layers];
    let softmax = acts[layers - 1] == Activation::Softmax;
    let mut names: Vec<String> = inputs.to_vec();
    let mut out = String::new();
    let mut at = 0;
    for l in 0..layers {
        let (n_in, n_out) = (sizes[l], sizes[l + 1]);
        let (w, b) = (
            &params[at..at + n_in * n_out],
            &params[at + n_in * n_out..at + n_in * n_out + n_out],
        );
        at += n_in * n_out + n_out;
        let last = l + 1 == layers;
        let mut next = Vec::with_capacity(n_out);
        for k in 0..n_out {
            let name = match (last, softmax, outputs) {
                (false, ..) => hidden_name(l + 1, k + 1, layers - 1),
                (true, true, _) => format!("<msub><mi>z</mi><mn>{}</mn></msub>", k + 1),
                (true, false, 1) => "<mover><mi>y</mi><mo>^</mo></mover>".to_string(),
                (true, false, _) => format!("<msub><mover><mi>y</mi><mo>^</mo></mover><mn>{}</mn></msub>", k + 1),
            };
            let mut sum = String::new();
            for (i, input) in names.iter().enumerate() {
                let v = w[k * n_in + i];
                sum.push_str(sign(v, i == 0));
                sum.push_str(&number(v, digits));
                sum.push_str("<mo>&#x2062;</mo>");
                sum.push_str(input);
            }
            let v = b[k];
            sum.push_str(sign(v, n_in == 0));
            sum.push_str(&number(v, digits));
            let rhs = match function(acts[l]) {
                Some(f) => format!("{f}<mo>&#x2061;</mo><mrow><mo>(</mo>{sum}<mo>)</mo></mrow>"),
                None => sum,
            };
            out.push_str(&format!(
                "<math display=\"block\"><mrow>{name}<mo>=</mo>{rhs}</mrow></math>"
            ));
            next.push(name);
        }
        names = next;
    }
    if softmax {
        let zs: Vec<String> = names;
        out.push_str(&format!(
            "<math display=\"block\"><mrow><mover><mi>y</mi><mo>^</mo></mover><mo>=</mo><mi>softmax</mi><mo>&#x2061;</mo><mrow><mo>(</mo>{}<mo>)</mo></mrow></mrow></math>",
            zs.join("<mo>,</mo>")
        ));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Feature;

    fn x(f: Feature) -> String {
        input_name(f.label_parts())
    }

    /// A 2-1 network by hand: every number where it belongs, signs as operators.
    #[test]
    fn one_neuron_by_hand() {
        let m = mathml(
            &[2, 1],
            &[0.5, -1.25, 0.1],
            &[Activation::Tanh],
            &[x(Feature::X1), x(Feature::X2)],
            2,
        )
        .unwrap();
        assert_eq!(
            m,
            "<math display=\"block\"><mrow><mover><mi>y</mi><mo>^</mo></mover><mo>=</mo><mi>tanh</mi><mo>&#x2061;</mo><mrow><mo>(</mo>\
             <mn>0.50</mn><mo>&#x2062;</mo><msub><mi>X</mi><mn>1</mn></msub>\
             <mo>−</mo><mn>1.25</mn><mo>&#x2062;</mo><msub><mi>X</mi><mn>2</mn></msub>\
             <mo>+</mo><mn>0.10</mn><mo>)</mo></mrow></mrow></math>"
        );
    }

    #[test]
    fn a_negative_first_term_has_a_prefix_minus() {
        let m = mathml(&[1, 1], &[-0.5, -2.0], &[Activation::Linear], &[x(Feature::X1)], 1).unwrap();
        assert!(m.contains("<mo>=</mo><mo form=\"prefix\">−</mo><mn>0.5</mn>"), "{m}");
        assert!(m.contains("<mo>−</mo><mn>2.0</mn>"), "{m}");
    }

    /// The numbers of the formula, read in order, are the parameters in the
    /// order of the equations (each neuron's weights, then its bias), and
    /// each equation names the neuron the next layer uses.
    #[test]
    fn numbers_follow_the_parameters_in_order() {
        let sizes = [3, 2, 2, 1];
        let n: usize = 3 * 2 + 2 + 2 * 2 + 2 + 2 + 1;
        let params: Vec<f32> = (0..n).map(|k| (k as f32 - 8.0) / 4.0).collect();
        let inputs: Vec<String> = [Feature::X1, Feature::X2, Feature::X1X2].map(x).to_vec();
        let acts = [Activation::Relu, Activation::Tanh, Activation::Sigmoid];
        let m = mathml(&sizes, &params, &acts, &inputs, 3).unwrap();
        let numbers: Vec<f32> = m
            .split("<mn>")
            .skip(1)
            .map(|s| s.split("</mn>").next().unwrap())
            .filter(|s| s.contains('.'))
            .map(|s| s.parse().unwrap())
            .collect();
        // Each layer's weights row by row, each row followed by its bias.
        let mut expected = Vec::new();
        let mut at = 0;
        for w in sizes.windows(2) {
            let (n_in, n_out) = (w[0], w[1]);
            for k in 0..n_out {
                expected.extend_from_slice(&params[at + k * n_in..at + (k + 1) * n_in]);
                expected.push(params[at + n_in * n_out + k]);
            }
            at += n_in * n_out + n_out;
        }
        let expected: Vec<f32> = expected.iter().map(|v| v.abs()).collect();
        assert_eq!(numbers, expected);
        assert_eq!(m.matches("<math").count(), 2 + 2 + 1);
        assert_eq!(m.matches("<mi>ReLU</mi>").count(), 2);
        assert_eq!(m.matches("<mi>σ</mi>").count(), 1);
        // h₁⁽²⁾ is defined, then used by the output.
        assert_eq!(
            m.matches("<msubsup><mi>h</mi><mn>1</mn><mn>(2)</mn></msubsup>").count(),
            2
        );
        assert!(m.contains("<msub><mi>X</mi><mn>1</mn></msub><msub><mi>X</mi><mn>2</mn></msub>"));
    }

    #[test]
    fn softmax_outputs_are_named_z_and_combined() {
        let m = mathml(
            &[1, 3],
            &[1.0, 2.0, 3.0, 0.0, 0.0, 0.0],
            &[Activation::Softmax],
            &[x(Feature::X1)],
            1,
        )
        .unwrap();
        assert_eq!(m.matches("<msub><mi>z</mi>").count(), 6);
        assert!(m.contains("<mi>softmax</mi>"));
    }

    #[test]
    fn large_networks_and_mismatched_parts_give_none() {
        // 2-4-4-1: 8 + 16 + 4 = 28 weights.
        let n = 28 + 9;
        let acts = [Activation::Tanh; 3];
        let inputs = [x(Feature::X1), x(Feature::X2)];
        assert_eq!(mathml(&[2, 4, 4, 1], &vec![0.0; n], &acts, &inputs, 2), None);
        // 2-4-2-1: 18 weights, shown.
        assert!(mathml(&[2, 4, 2, 1], &[0.0; 18 + 7], &acts, &inputs, 2).is_some());
        assert_eq!(mathml(&[2, 4, 2, 1], &[0.0; 3], &acts, &inputs, 2), None);
    }

    #[test]
    fn column_names_are_escaped() {
        assert_eq!(input_name(("<b>&", "", "", "")), "<mi>&lt;b&gt;&amp;</mi>");
    }
}
