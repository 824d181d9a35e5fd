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

#[test]
fn each_layers_normalisation_reads_and_writes_the_advanced_norm_key() {
    let mut c = Config::default();
    c.hidden = vec![4, 4, 4];
    c.advanced = "prune=50".into();
    assert_eq!(c.norm_kind(0), "none");
    c.set_norm(1, "batch");
    // Layer 3 keeps its own (the last of a list repeats for deeper layers).
    assert_eq!(c.advanced, "prune=50&norm=none,batch,none");
    assert_eq!(c.norm_kind(2), "none");
    c.advanced = "prune=50&norm=none,batch".into();
    assert_eq!(c.norm_kind(2), "batch");
    c.set_norm(2, "layer");
    assert_eq!(c.advanced, "prune=50&norm=none,batch,layer");
    c.set_norm(0, "layer");
    c.set_norm(1, "layer");
    assert_eq!(c.advanced, "prune=50&norm=layer,layer,layer");
    for l in 0..3 {
        c.set_norm(l, "none");
    }
    assert_eq!(c.advanced, "prune=50");
    // What it writes, the advanced trainer reads back.
    c.set_norm(0, "batch");
    let (s, errors) = crate::advanced::parse(&c.advanced);
    assert!(errors.is_empty());
    assert_eq!(s.norm.unwrap().kinds, [Some(crate::norm::Kind::Batch), None, None]);
}
