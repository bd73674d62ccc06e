//! What a plugin directory listing reads of a plugin beside its manifest:
//! the README's prose and the icon's header. Asked of the disk when a rule
//! asks (only the directory-submission rules do, and they are off by
//! default), like [`Project::exists`]: never outside the checked root.

use super::Project;
use crate::parse::image::{self, ImageHeader};

/// How much of an image is read for its header: enough for the segments a
/// JPEG may put before its frame (an EXIF thumbnail is at most 64 KiB).
const IMAGE_HEAD: u64 = 256 * 1024;

/// A README as the listing reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadmeText {
    /// The words of its prose (see [`crate::parse::markdown::prose_words`]).
    Words(usize),
    /// It could not be read as text: why.
    Unreadable(String),
}

/// An image file: its header and size in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageFile {
    pub header: ImageHeader,
    pub bytes: u64,
}

impl Project {
    /// Whether `path` (relative to the root) is a file: in the walk, or on
    /// disk below the root.
    pub fn has_file(&self, path: &str) -> bool {
        self.files.contains(path) || self.on_disk(path).is_some_and(|m| m.is_file())
    }

    /// The README at `path`: its words, or why it cannot be read (not a
    /// file, larger than [`crate::load::MAX_READ`], not UTF-8).
    pub fn readme_text(&self, path: &str) -> ReadmeText {
        if self.on_disk(path).is_none() {
            return ReadmeText::Unreadable("not found".into());
        }
        match crate::load::read(&self.root.join(path), crate::load::MAX_READ, false) {
            crate::load::Read::Text(t) => {
                ReadmeText::Words(crate::parse::markdown::prose_words(&t))
            }
            crate::load::Read::NotUtf8 { valid_up_to } => {
                ReadmeText::Unreadable(format!("not UTF-8 (at byte {valid_up_to})"))
            }
            crate::load::Read::TooLarge(n) => ReadmeText::Unreadable(format!(
                "{n} bytes, more than the {} read",
                crate::load::MAX_READ
            )),
            crate::load::Read::Failed(e) => ReadmeText::Unreadable(e),
        }
    }

    /// The image at `path`: its header and size, or why it cannot be read.
    pub fn image(&self, path: &str) -> Result<ImageFile, String> {
        if self.on_disk(path).is_none() {
            return Err("not found".into());
        }
        let (head, bytes) = crate::load::read_head(&self.root.join(path), IMAGE_HEAD)?;
        Ok(ImageFile {
            header: image::header(&head),
            bytes,
        })
    }
}
