//! A ZIP archive of stored (uncompressed) files, written by the `zip` crate:
//! how one menu item hands over several files at once (Export → Charts: each
//! chart as PNG and SVG), since a browser lets a page start one download per
//! click without asking.

use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

/// The archive of `files` (name, bytes), in that order, stored with a fixed
/// time (2026-01-01), so the same files give the same bytes.
pub fn store(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let time = zip::DateTime::from_date_and_time(2026, 1, 1, 0, 0, 0).unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(time);
    for (name, data) in files {
        // Writing to memory cannot fail but for names or sizes ZIP cannot state.
        let ok = zip.start_file(name.as_str(), options).is_ok() && zip.write_all(data).is_ok();
        assert!(ok, "{name} goes into the archive");
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// The files of an archive (name, bytes), in order; None when it does not read.
pub fn read(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    (0..zip.len())
        .map(|k| {
            let mut f = zip.by_index(k).ok()?;
            let mut data = Vec::new();
            f.read_to_end(&mut data).ok()?;
            Some((f.name().to_string(), data))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_come_back_with_their_names() {
        let files = vec![
            ("nnplay-loss.png".to_string(), vec![1, 2, 3]),
            ("nnplay-loss.svg".to_string(), b"<svg/>".to_vec()),
            ("读我.txt".to_string(), Vec::new()),
        ];
        let z = store(&files);
        assert_eq!(&z[..4], b"PK\x03\x04");
        assert_eq!(read(&z), Some(files.clone()));
        assert_eq!(store(&files), z, "the same files give the same bytes");
        assert_eq!(read(b"PK but not a zip"), None);
    }
}
