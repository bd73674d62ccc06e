//! Image headers: the format by its magic bytes, and the width and height
//! of a PNG (its `IHDR` chunk) or a JPEG (its first start-of-frame
//! segment). Nothing else is decoded.

/// An image's format, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Gif,
    Webp,
    Svg,
    /// None of the above.
    Unknown,
}

impl ImageFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Gif => "GIF",
            ImageFormat::Webp => "WebP",
            ImageFormat::Svg => "SVG",
            ImageFormat::Unknown => "not an image",
        }
    }
}

/// What the header of an image says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageHeader {
    pub format: ImageFormat,
    /// Width and height in pixels (PNG and JPEG), when the header holds them.
    pub size: Option<(u32, u32)>,
}

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Read the header of an image from its first bytes (the more of the file,
/// the more JPEG segments before the frame can be skipped).
pub fn header(head: &[u8]) -> ImageHeader {
    let (format, size) = if head.starts_with(PNG_MAGIC) {
        (ImageFormat::Png, png_size(head))
    } else if head.starts_with(&[0xFF, 0xD8]) {
        (ImageFormat::Jpeg, jpeg_size(head))
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        (ImageFormat::Gif, None)
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        (ImageFormat::Webp, None)
    } else if is_svg(head) {
        (ImageFormat::Svg, None)
    } else {
        (ImageFormat::Unknown, None)
    };
    ImageHeader { format, size }
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

/// The first chunk of a PNG is `IHDR`: width and height, 4 bytes each.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((be32(b, 16)?, be32(b, 20)?))
}

/// Walk the JPEG segments to the first start-of-frame marker (`SOF0`–`SOF15`
/// but `DHT`, `JPG` and `DAC`): height, then width, 2 bytes each.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    loop {
        if *b.get(i)? != 0xFF {
            return None;
        }
        // Fill bytes.
        while *b.get(i + 1)? == 0xFF {
            i += 1;
        }
        let marker = *b.get(i + 1)?;
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => {
                i += 2;
                continue;
            }
            // End of image, start of scan: no frame header before them.
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let len = usize::from(be16(b, i + 2)?);
        if len < 2 {
            return None;
        }
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let h = be16(b, i + 5)?;
            let w = be16(b, i + 7)?;
            return Some((u32::from(w), u32::from(h)));
        }
        i += 2 + len;
    }
}

/// Text that starts (after a BOM, blanks, an XML declaration, comments or
/// a doctype) with an `<svg` element.
fn is_svg(b: &[u8]) -> bool {
    let head = &b[..b.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    (t.starts_with("<?xml")
        || t.starts_with("<!--")
        || t.starts_with("<!DOCTYPE")
        || t.starts_with("<svg"))
        && t.contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG header of `w`×`h` (signature and the IHDR chunk).
    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = PNG_MAGIC.to_vec();
        b.extend_from_slice(&13u32.to_be_bytes());
        b.extend_from_slice(b"IHDR");
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    /// A JPEG header: SOI, an APP0 segment, a DHT-like segment, then SOF2.
    fn jpeg(w: u16, h: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        b.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
        b.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        b.extend_from_slice(&[0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00]);
        b.extend_from_slice(&[0xFF, 0xFF, 0xC2, 0x00, 0x11, 0x08]);
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&[0x03; 10]);
        b
    }

    #[test]
    fn png_and_jpeg_sizes() {
        assert_eq!(
            header(&png(512, 640)),
            ImageHeader {
                format: ImageFormat::Png,
                size: Some((512, 640))
            }
        );
        assert_eq!(
            header(&jpeg(1024, 768)),
            ImageHeader {
                format: ImageFormat::Jpeg,
                size: Some((1024, 768))
            }
        );
    }

    #[test]
    fn truncated_and_other_formats() {
        assert_eq!(header(&png(1, 1)[..18]).size, None);
        assert_eq!(header(&jpeg(8, 8)[..30]).size, None);
        assert_eq!(header(&[0xFF, 0xD8, 0x00]).size, None);
        assert_eq!(header(b"GIF89a....").format, ImageFormat::Gif);
        assert_eq!(header(b"RIFF\0\0\0\0WEBPVP8 ").format, ImageFormat::Webp);
        assert_eq!(
            header(b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<svg xmlns=\"x\"/>").format,
            ImageFormat::Svg
        );
        assert_eq!(header(b"hello").format, ImageFormat::Unknown);
        assert_eq!(header(b"").format, ImageFormat::Unknown);
    }
}
