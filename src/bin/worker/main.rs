//! The training worker's entry point; it also exports `BenchModel` for
//! `dist/bench-adapter.js` (the page's own bundle does not carry it).

#[cfg(target_arch = "wasm32")]
mod bench;

fn main() {
    #[cfg(target_arch = "wasm32")]
    nnplay::web::worker::start();
}
