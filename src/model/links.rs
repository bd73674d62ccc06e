//! Local links in markdown, taken apart and resolved against the tree:
//! which file (and `#anchor`) a relative link points at.

use crate::source;

/// Whether a link destination is a local path (not a URL, mail, or template).
pub fn is_local(dest: &str) -> bool {
    let d = dest.trim();
    if d.is_empty() || d.starts_with("//") {
        return false;
    }
    if crate::regex!(r"^[A-Za-z][A-Za-z0-9+.-]*:").is_match(d) {
        return false;
    }
    !d.contains(['<', '>', '{', '}', '$', '*', '`']) && !d.contains("...")
}

/// A local link, taken apart.
pub struct LocalLink<'a> {
    /// The path as written, without `#anchor` and `?query`.
    pub path_part: &'a str,
    /// `path_part`, percent-decoded.
    pub decoded: String,
    pub anchor: Option<&'a str>,
    /// The root-relative path it points at; `None` when it climbs above the root.
    pub target: Option<String>,
}

/// Take apart a link written in `doc_path`; `None` when it is not local.
pub fn local_link<'a>(doc_path: &str, dest: &'a str) -> Option<LocalLink<'a>> {
    if !is_local(dest) {
        return None;
    }
    let (path_part, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path_part = path_part.split('?').next().unwrap_or("");
    let decoded = percent_decode(path_part);
    let target = if decoded.is_empty() {
        Some(doc_path.to_string())
    } else if let Some(abs) = decoded.strip_prefix('/') {
        source::normalize(abs)
    } else {
        source::join(source::parent(doc_path), &decoded)
    };
    Some(LocalLink {
        path_part,
        decoded,
        anchor,
        target,
    })
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(Ok(v)) = s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}
