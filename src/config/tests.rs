use super::*;

#[test]
fn default_is_the_playgrounds() {
    let c = Config::default();
    assert_eq!(c.dataset, DatasetKind::Circle);
    assert_eq!((c.noise, c.train_ratio, c.batch_size), (0, 50, 10));
    assert_eq!(c.learning_rate, 0.03);
    assert_eq!(c.hidden, vec![4, 2]);
    assert_eq!(c.layer_sizes(), vec![2, 4, 2, 1]);
    assert_eq!(c.activation, Activation::Tanh);
    assert_eq!(c.regularization, Regularization::None);
}

#[test]
fn tuning_continues_and_shape_resets() {
    let a = Config::default();
    let mut b = a.clone();
    b.learning_rate = 0.3;
    b.batch_size = 20;
    b.regularization = Regularization::L2;
    b.regularization_rate = 0.01;
    b.discretize = true;
    assert!(!a.needs_reset(&b));
    let mut c = a.clone();
    c.hidden.push(3);
    assert!(a.needs_reset(&c));
}

#[test]
fn layer_and_neuron_limits() {
    let mut c = Config::default();
    while c.add_layer() {}
    assert_eq!(c.hidden.len(), MAX_HIDDEN_LAYERS);
    for _ in 0..80 {
        c.change_neurons(0, 1);
    }
    assert_eq!(c.hidden[0], MAX_NEURONS);
    for _ in 0..80 {
        c.change_neurons(0, -1);
    }
    assert_eq!(c.hidden[0], 1);
    while c.remove_layer() {}
    assert_eq!(c.layer_sizes(), vec![2, 1]);
}

#[test]
fn choices_that_stop_fitting_are_dropped() {
    let mut c = Config::default();
    c.loss = Some(Loss::BinaryCrossEntropy);
    c.output_activation = Some(Activation::Sigmoid);
    c.drop_unfitting_choices();
    assert_eq!(
        (c.loss, c.output_activation),
        (Some(Loss::BinaryCrossEntropy), Some(Activation::Sigmoid))
    );
    c.set_dataset(DatasetKind::Plane);
    c.drop_unfitting_choices();
    assert_eq!((c.loss, c.output_activation), (None, None));
    assert_eq!(c.head().activation, Activation::Linear);
}

#[test]
fn at_least_one_feature_stays() {
    let mut c = Config::default();
    assert!(c.toggle_feature(Feature::X1));
    assert!(!c.toggle_feature(Feature::X2));
    assert_eq!(c.features, vec![Feature::X2]);
    c.toggle_feature(Feature::SinX1);
    c.toggle_feature(Feature::X1);
    assert_eq!(c.features, vec![Feature::X1, Feature::X2, Feature::SinX1]);
}
