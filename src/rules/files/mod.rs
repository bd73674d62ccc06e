//! Files and encodings: JSON syntax, BOM, size, UTF-8, symlinks.

pub mod encoding;
pub mod json;
pub mod paths;
