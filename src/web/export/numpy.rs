//! Export → NumPy: to be built.

pub fn download() {
    super::notice(Some((&crate::t!("export-not-ready"), &[])));
}
