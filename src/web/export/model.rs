//! Save model and Open model (and model files dropped on the page): to be built.

pub fn init() {}

pub fn save() {
    super::notice(Some((&crate::t!("export-not-ready"), &[])));
}

pub fn open() {
    super::notice(Some((&crate::t!("export-not-ready"), &[])));
}
