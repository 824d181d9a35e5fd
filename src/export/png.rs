//! A PNG encoder for RGBA pixels computed in pure Rust (the boundary picture,
//! the diagram's neuron pictures): the signature, IHDR (8-bit RGBA), one IDAT
//! (zlib through miniz_oxide, the crate the links' deflate already uses; every
//! row with filter 0) and IEND, each chunk with its CRC-32 (ISO 3309, as the
//! PNG specification gives it).

pub const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// CRC-32 (polynomial 0xEDB88320, reflected), over the chunk's type and data.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (n, t) in table.iter_mut().enumerate() {
        let mut c = n as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *t = c;
    }
    !bytes
        .iter()
        .fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8))
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A PNG file of `width` × `height` RGBA pixels (row-major from the top-left).
/// Panics if `rgba` is not `width * height * 4` bytes long (a bug).
pub fn encode(width: usize, height: usize, rgba: &[u8]) -> Vec<u8> {
    assert_eq!(rgba.len(), width * height * 4, "{width} × {height} RGBA pixels");
    let mut raw = Vec::with_capacity(height * (width * 4 + 1));
    for row in rgba.chunks_exact(width * 4) {
        raw.push(0); // filter: none
        raw.extend_from_slice(row);
    }
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&(width as u32).to_be_bytes());
    header.extend_from_slice(&(height as u32).to_be_bytes());
    // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
    header.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut out = SIGNATURE.to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The width and height a PNG file's header states.
pub fn size(png: &[u8]) -> Option<(u32, u32)> {
    if png.get(..8)? != SIGNATURE || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let be = |k: usize| png.get(k..k + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    Some((be(16)?, be(20)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_specifications_check_values() {
        // The standard check value of CRC-32 and the CRC every PNG's IEND chunk carries.
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
    }

    #[test]
    fn pixels_come_back_from_the_file() {
        let (w, h) = (3, 2);
        let rgba: Vec<u8> = (0..w * h * 4).map(|k| (k * 7) as u8).collect();
        let png = encode(w, h, &rgba);
        assert_eq!(&png[..8], &SIGNATURE);
        assert_eq!(size(&png), Some((3, 2)));
        assert_eq!(
            &png[png.len() - 12..],
            &[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]
        );
        // IDAT: after the signature (8) and IHDR (4 + 4 + 13 + 4).
        let at = 8 + 25;
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        assert_eq!(&png[at + 4..at + 8], b"IDAT");
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&png[at + 8..at + 8 + len]).unwrap();
        assert_eq!(raw.len(), h * (1 + w * 4));
        for (y, row) in raw.chunks_exact(1 + w * 4).enumerate() {
            assert_eq!(row[0], 0);
            assert_eq!(&row[1..], &rgba[y * w * 4..(y + 1) * w * 4]);
        }
        let crc = u32::from_be_bytes(png[at + 8 + len..at + 12 + len].try_into().unwrap());
        assert_eq!(crc, crc32(&png[at + 4..at + 8 + len]));
    }
}
