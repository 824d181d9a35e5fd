//! Browser glue: DOM, canvas, worker, location. No math here: pictures are
//! computed by the core (`heatmap`, `grid`) and only blitted.

pub mod advanced;
pub mod app;
pub mod boundary;
pub mod chart;
pub mod controls;
pub mod dispatch;
pub mod dom;
pub mod draw_tool;
pub mod export;
pub mod help;
pub mod import_preview;
pub mod import_view;
pub mod l10n;
pub mod layer_head;
pub mod location;
pub mod metrics_view;
pub mod network_view;
pub mod param_boxes;
pub mod search;
pub mod share;
pub mod teach;
pub mod theme;
pub mod training_controls;
pub mod wire;
pub mod worker;

use wasm_bindgen::JsCast;

/// Starts what this context is for: the training shell in a worker, the
/// playground on its own page (`<body data-nnplay>`). Anywhere else, such as
/// the benchmark runner's page that loads the module for `BenchModel`,
/// nothing starts.
// Not inlined: its one caller, crates/app's main, is built at opt-level 3, and
// the page's start-up inlined there would be too (1.8 kB more wasm, gzip).
#[inline(never)]
pub fn start() {
    let global = js_sys::global();
    if let Ok(scope) = global.dyn_into::<web_sys::DedicatedWorkerGlobalScope>() {
        worker::start(scope, crate::trainer::Trainer::new(crate::config::Config::default()));
    } else if dom::document().body().is_some_and(|b| b.has_attribute("data-nnplay")) {
        app::start();
    }
}
