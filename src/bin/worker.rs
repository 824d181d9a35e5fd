fn main() {
    #[cfg(target_arch = "wasm32")]
    nnplay::web::worker::start();
}
