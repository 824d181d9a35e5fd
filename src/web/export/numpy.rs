//! Export → NumPy: the page's network and data pipeline as a standalone Python
//! file (`export::numpy`), downloaded as nnplay_model.py.

use crate::export::numpy::{self, NumpyError};
use crate::web::dom;

/// The page's address with `hash` as its setup.
fn link(hash: &str) -> String {
    let here = dom::window().location().href().unwrap_or_default();
    let base = here.split('#').next().unwrap_or_default();
    format!("{base}#{hash}")
}

fn reason(e: &NumpyError) -> String {
    match e {
        NumpyError::FileMissing => crate::t!("numpy-error-file"),
        NumpyError::OtherFile { .. } => crate::t!("numpy-error-other-file"),
        NumpyError::Prepare(why) => why.clone(),
        NumpyError::Inputs { data, network } => crate::t!(
            "numpy-error-inputs",
            data = data.to_string(),
            network = network.to_string()
        ),
    }
}

pub fn download() {
    let script =
        super::page_run().and_then(|run| numpy::script(&run.trainer, &link(&run.hash)).map_err(|e| reason(&e)));
    match script {
        Ok(text) => {
            super::notice(None);
            super::download(numpy::FILE_NAME, "text/x-python", text.as_bytes());
        }
        Err(why) => super::notice(Some((&crate::t!("numpy-failed"), &[why]))),
    }
}
