//! PNG files of RGBA pixels computed in pure Rust (the boundary picture, the
//! diagram's neuron pictures), written by the `png` crate (8-bit RGBA).

pub const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// A PNG file of `width` × `height` RGBA pixels (row-major from the top-left).
/// Panics if `rgba` is not `width * height * 4` bytes long (a bug).
pub fn encode(width: usize, height: usize, rgba: &[u8]) -> Vec<u8> {
    assert_eq!(rgba.len(), width * height * 4, "{width} × {height} RGBA pixels");
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // Writing to memory fails only for sizes PNG cannot state (over 2³¹ − 1 a side).
    let written = encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(rgba).and_then(|()| w.finish()));
    assert!(written.is_ok(), "a {width} × {height} PNG encodes");
    out
}

/// The width and height a PNG file states (None: not a PNG).
pub fn size(bytes: &[u8]) -> Option<(u32, u32)> {
    let reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().ok()?;
    let info = reader.info();
    Some((info.width, info.height))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pixels come back as written (decoded by the same crate's decoder).
    #[test]
    fn pixels_read_back() {
        let (w, h) = (5usize, 3usize);
        let rgba: Vec<u8> = (0..w * h * 4).map(|k| (k * 37 % 256) as u8).collect();
        let file = encode(w, h, &rgba);
        assert_eq!(&file[..8], &SIGNATURE);
        assert_eq!(size(&file), Some((5, 3)));
        let mut reader = png::Decoder::new(std::io::Cursor::new(&file)).read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let frame = reader.next_frame(&mut buf).unwrap();
        assert_eq!(&buf[..frame.buffer_size()], &rgba[..]);
        assert_eq!(size(b"not a png"), None);
    }
}
