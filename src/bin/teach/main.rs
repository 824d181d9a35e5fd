//! The lessons' module, loaded by `www/teach_loader.js` when Lessons, Make a
//! lesson or QR code is first clicked (or a link carries a lesson), so the
//! page's first download stays small. It carries the Markdown renderer, the QR
//! encoder, both languages' lesson texts and the panel (`nnplay::web::teach`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    nnplay::web::teach::start();
}
