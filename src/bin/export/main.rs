//! The export module, loaded by `www/export_loader.js` when Save model, Open
//! model, Export or Open link is first clicked, so the page's first download
//! stays small. It carries the model files, the NumPy, PyTorch and Optuna
//! code, the pictures' downloads and the TensorFlow Playground links
//! (`nnplay::web::export`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    nnplay::web::export::start();
}
