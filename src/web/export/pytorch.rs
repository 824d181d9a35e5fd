//! Export → PyTorch and Export → Optuna: to be built.

pub fn download_pytorch() {
    super::notice(Some((&crate::t!("export-not-ready"), &[])));
}

pub fn download_optuna() {
    super::notice(Some((&crate::t!("export-not-ready"), &[])));
}
