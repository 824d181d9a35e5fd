//! The advanced module, loaded by `www/advanced_loader.js` when the advanced
//! panel is first touched or a link carries its keys, so the page's first
//! download stays small. On the page it runs the panel; in a worker it trains
//! with pruning, quantisation and augmentation (`nnplay::web::advanced`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    nnplay::web::advanced::start();
}
