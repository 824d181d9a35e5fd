//! A ZIP archive of stored (uncompressed) files: how one menu item hands over
//! several files at once (Export → Charts: each chart as PNG and SVG), since a
//! browser lets a page start one download per click without asking. The
//! layout is PKWARE's APPNOTE: a local header and the data per file, then the
//! central directory and its end record; CRC-32 as PNG's (`png::crc32`).

use super::png::crc32;

/// DOS date 2026-01-01 00:00 (the archive's entries carry no real time, so the same
/// files give the same bytes).
const DOS_DATE: u16 = ((2026 - 1980) << 9) | (1 << 5) | 1;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The archive of `files` (name, bytes), in that order. Names are UTF-8 (flag bit 11).
pub fn store(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        // The fields both headers share: version needed 2.0, UTF-8 names, stored, time, date, crc, sizes, name length.
        let mut common = Vec::new();
        u16le(&mut common, 20);
        u16le(&mut common, 1 << 11);
        u16le(&mut common, 0);
        u16le(&mut common, 0);
        u16le(&mut common, DOS_DATE);
        u32le(&mut common, crc);
        u32le(&mut common, data.len() as u32);
        u32le(&mut common, data.len() as u32);
        u16le(&mut common, name.len() as u16);
        u16le(&mut common, 0); // extra field length
        u32le(&mut out, 0x0403_4b50);
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // version made by
        central.extend_from_slice(&common);
        u16le(&mut central, 0); // comment length
        u16le(&mut central, 0); // disk number
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    let size = central.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, files.len() as u16);
    u16le(&mut out, files.len() as u16);
    u32le(&mut out, size);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    out
}

/// The files of an archive written by `store` (name, bytes), read back through
/// its central directory; None if it is not one.
pub fn read(zip: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let le16 = |k: usize| zip.get(k..k + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let le32 = |k: usize| {
        zip.get(k..k + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let end = zip.len().checked_sub(22)?;
    if le32(end)? != 0x0605_4b50 {
        return None;
    }
    let (count, mut at) = (le16(end + 10)?, le32(end + 16)?);
    let mut files = Vec::new();
    for _ in 0..count {
        if le32(at)? != 0x0201_4b50 {
            return None;
        }
        let (size, name_len, offset) = (le32(at + 24)?, le16(at + 28)?, le32(at + 42)?);
        let name = String::from_utf8(zip.get(at + 46..at + 46 + name_len)?.to_vec()).ok()?;
        let data_at = offset + 30 + le16(offset + 26)? + le16(offset + 28)?;
        let data = zip.get(data_at..data_at + size)?.to_vec();
        if crc32(&data) as usize != le32(at + 16)? {
            return None;
        }
        files.push((name, data));
        at += 46 + name_len + le16(at + 30)? + le16(at + 32)?;
    }
    Some(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_come_back_with_their_names() {
        let files = vec![
            ("nnplay-loss.svg".to_string(), b"<svg/>".to_vec()),
            ("nnplay-loss.png".to_string(), vec![0, 1, 2, 255]),
            ("empty".to_string(), Vec::new()),
        ];
        let zip = store(&files);
        assert_eq!(&zip[..4], b"PK\x03\x04");
        assert_eq!(read(&zip), Some(files));
        // A changed byte of a file fails its CRC.
        let mut bad = zip.clone();
        bad[30 + "nnplay-loss.svg".len()] ^= 1;
        assert_eq!(read(&bad), None);
        assert_eq!(read(b"not a zip"), None);
    }
}
