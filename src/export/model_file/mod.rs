//! Model files: "Save model" writes the page's run as one JSON document
//! (`schema`: the setup's link, the layer sizes and activations, every weight
//! and bias, the epoch and losses, the imported data's mapping and fitted
//! preparation, the class names, and the imported file itself when the link
//! does not carry it); "Open model" reads it back (`reader`), checking
//! everything before the page is touched. f32 values are written in the
//! shortest form that reads back to the same bits (serde_json, via ryu), so an
//! opened file gives the same network and the same pictures, bit for bit.
//! The schema is documented for users in the README ("Model files").

mod reader;
mod schema;
mod writer;

pub use reader::{read, Opened, ReadError};
pub use schema::{DataFile, EmbeddedFile, Feature, LayerFile, Losses, ModelFile, FORMAT, VERSION};
pub use writer::{class_names, write, FILE_NAME};

#[cfg(test)]
mod tests;
