//! Browser glue: DOM, canvas, worker, location. No math here: pictures are
//! computed by the core (`heatmap`, `grid`) and only blitted.

pub mod app;
pub mod boundary;
pub mod chart;
pub mod controls;
pub mod dom;
pub mod import_preview;
pub mod import_view;
pub mod layer_head;
pub mod location;
pub mod metrics_view;
pub mod network_view;
pub mod param_boxes;
pub mod share;
pub mod training_controls;
pub mod wire;
pub mod worker;
