//! Export → PyTorch and Export → Optuna: the page's run as a training script
//! (`export::pytorch`) and the page's search as an Optuna study around it
//! (`export::optuna`); the data goes in a CSV file beside the script when it
//! is too large to embed (then both files download).

use crate::export::optuna::{optuna, search_of, OptunaError};
use crate::export::pytorch::{pytorch, Options, Script};

fn offer(script: &Script) {
    super::download(&script.name, "text/x-python", script.text.as_bytes());
    if let Some((name, text)) = &script.data {
        super::download(name, "text/csv", text.as_bytes());
    }
}

fn failed(title: &str, why: String) {
    super::notice(Some((title, &[why])));
}

pub fn download_pytorch() {
    let title = crate::t!("torch-failed");
    let run = match super::page_run() {
        Ok(run) => run,
        Err(e) => return failed(&title, e),
    };
    match pytorch(&run.trainer, &format!("#{}", run.hash), &Options::default()) {
        Ok(script) => offer(&script),
        Err(e) => failed(&title, e.to_string()),
    }
}

pub fn download_optuna() {
    // The address bar's link: the search writes its part there, not in the page's setup.
    let search = crate::search::panel::search_part(&crate::web::location::read_hash());
    if search_of(&search).is_none() {
        return super::notice(Some((
            &crate::t!("torch-no-search-title"),
            &[crate::t!("torch-no-search")],
        )));
    }
    let title = crate::t!("torch-optuna-failed");
    let run = match super::page_run() {
        Ok(run) => run,
        Err(e) => return failed(&title, e),
    };
    match optuna(&run.trainer, &format!("#{}{search}", run.hash), &Options::default()) {
        Ok(script) => offer(&script),
        Err(OptunaError::BadSearch(problems)) => super::notice(Some((&title, &problems))),
        Err(e) => failed(&title, e.to_string()),
    }
}
