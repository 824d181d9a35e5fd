//! Export → Boundary PNG, Charts, Network SVG, History CSV: to be built.

fn todo() {
    super::notice(Some((&crate::t!("export-not-ready"), &[])));
}

pub fn boundary_png() {
    todo()
}
pub fn charts() {
    todo()
}
pub fn network_svg() {
    todo()
}
pub fn history_csv() {
    todo()
}
