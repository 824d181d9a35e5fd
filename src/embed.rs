//! Small imported files travel inside links: deflated, then base64url
//! (no padding), so a teacher can share a whole exercise as one link.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Files with more cells than this are not embedded (the link would be unwieldy).
pub const MAX_EMBED_CELLS: usize = 2000;
/// An embedded file never inflates past this, whatever a link claims.
pub const MAX_INFLATED_BYTES: usize = 1 << 20;

pub fn pack(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 9))
}

pub fn unpack(text: &str) -> Result<Vec<u8>, String> {
    let deflated = URL_SAFE_NO_PAD
        .decode(text.trim())
        .map_err(|e| format!("the embedded data is not valid base64url ({e})"))?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED_BYTES)
        .map_err(|e| format!("the embedded data cannot be unpacked ({e:?})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_garbage() {
        let csv = b"x,y,label\n1.5,2,a\n-3,4,b\n";
        let packed = pack(csv);
        assert!(packed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(unpack(&packed).unwrap(), csv);
        assert!(unpack("!!!").is_err());
        assert!(unpack("AAAA").is_err());
    }

    #[test]
    fn a_zip_bomb_is_refused() {
        let big = vec![b'a'; MAX_INFLATED_BYTES * 4];
        assert!(unpack(&pack(&big)).is_err());
    }
}
