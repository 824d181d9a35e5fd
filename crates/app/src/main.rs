//! The one wasm of the site. The page runs the playground; the training worker
//! runs this same module (the page hands it over already compiled, see
//! `web/app/worker_link.rs`), so the download carries the code once. It also
//! exports `BenchModel` for `dist/bench-adapter.js`.

#[cfg(target_arch = "wasm32")]
mod bench;

fn main() {
    #[cfg(target_arch = "wasm32")]
    nnplay::web::start();
}
