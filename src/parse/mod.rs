//! Parsers. Each file is parsed once, here; rules only read the results.

pub mod frontmatter;
pub mod image;
pub mod json;
pub mod markdown;
pub mod mentions;
pub mod phase;
pub mod shell;
pub mod suppress;
pub mod yaml;
pub mod yaml_de;
