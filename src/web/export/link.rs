//! Open link (nnplay and TensorFlow Playground links): to be built.

pub fn open() {
    super::notice(Some((&crate::t!("export-not-ready"), &[])));
}
