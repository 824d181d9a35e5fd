//! The search panel's module, loaded by `www/search_loader.js` when Search is
//! first opened (or a link with a search is), so the page's first download
//! stays small. It runs the panel (`nnplay::web::search`); its trials run in
//! workers of the page's own module, which the page hands over.

fn main() {
    #[cfg(target_arch = "wasm32")]
    nnplay::web::search::start();
}
