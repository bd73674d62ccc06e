//! The source database: every file skillc read, with its text and line index.
//!
//! Spans everywhere in skillc are byte ranges into one file's text; line and
//! column are computed here, only when a diagnostic is printed.

pub mod fs;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in the [`SourceDb`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range inside one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }
    pub fn empty(at: usize) -> Self {
        Span::new(at, at)
    }
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
    /// Shift a span that is relative to `base`.
    pub fn offset(self, base: usize) -> Span {
        Span::new(self.start as usize + base, self.end as usize + base)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A value with the span it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A path relative to the checked root (`/`-separated), shared by every
/// part of the model that names the file: held once however often named.
pub type RelPath = Arc<str>;

/// One file that was read.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the checked root, with `/` separators.
    pub path: RelPath,
    /// The text, shared with what refers into it (shell facts of a block
    /// that is a plain slice of the file).
    pub text: Arc<String>,
    /// Byte offsets of line starts, built the first time a position is asked
    /// for: most files never are (a clean file reports nothing).
    line_starts: std::sync::OnceLock<Vec<u32>>,
}

impl SourceFile {
    pub fn new(path: impl Into<RelPath>, text: impl Into<Arc<String>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text
                        .bytes()
                        .enumerate()
                        .filter(|(_, b)| *b == b'\n')
                        .map(|(i, _)| i as u32 + 1),
                )
                .collect()
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = match starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = starts[line] as usize;
        let mut end = offset;
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end].chars().count() + 1;
        (line + 1, col)
    }

    /// Byte range of the 1-based line `line`, without its line terminator.
    pub fn line_span(&self, line: usize) -> Span {
        let starts = self.line_starts();
        let idx = line.saturating_sub(1).min(starts.len() - 1);
        let start = starts[idx] as usize;
        let mut end = starts
            .get(idx + 1)
            .map(|e| *e as usize - 1)
            .unwrap_or(self.text.len());
        if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// All files read during one run, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceDb {
    /// The checked root, which every path is relative to.
    root: PathBuf,
    files: Vec<SourceFile>,
}

impl SourceDb {
    /// An empty database for the tree at `root`.
    pub fn new(root: PathBuf) -> SourceDb {
        SourceDb {
            root,
            files: Vec::new(),
        }
    }
    /// An empty database for the tree at `root`, with room for `n` files.
    pub fn with_capacity(root: PathBuf, n: usize) -> SourceDb {
        SourceDb {
            root,
            files: Vec::with_capacity(n),
        }
    }
    /// The checked root.
    pub fn root(&self) -> &std::path::Path {
        &self.root
    }
    /// The file's absolute path.
    pub fn abs(&self, id: FileId) -> PathBuf {
        self.root.join(self.path(id))
    }
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
    pub fn path(&self, id: FileId) -> &str {
        &self.get(id).path
    }
    pub fn text(&self, id: FileId) -> &str {
        &self.get(id).text
    }
    /// The text, to share.
    pub fn shared_text(&self, id: FileId) -> &Arc<String> {
        &self.get(id).text
    }
    /// Give a file that was registered unread (a narrowed run reads some
    /// files only once it knows it needs them) its text.
    pub fn set_text(&mut self, id: FileId, text: Arc<String>) {
        let f = &mut self.files[id.0 as usize];
        f.text = text;
        f.line_starts.take();
    }
    pub fn len(&self) -> usize {
        self.files.len()
    }
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
    pub fn find(&self, path: &str) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| &*f.path == path)
            .map(|i| FileId(i as u32))
    }
}

/// Normalise a relative path: `/` separators, no `.` segments, `..` folded.
/// Returns `None` when the path climbs above its base.
pub fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Join a base directory (relative, `/`-separated) and a relative path.
pub fn join(base: &str, rel: &str) -> Option<String> {
    if base.is_empty() {
        normalize(rel)
    } else {
        normalize(&format!("{base}/{rel}"))
    }
}

/// Parent directory of a relative path (`""` for top-level entries).
pub fn parent(path: &str) -> &str {
    path.rfind('/').map(|i| &path[..i]).unwrap_or("")
}

/// Relative path string for `p` under `root`, `/`-separated.
pub fn rel_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `path` below `base` (a directory with a trailing `/`, or empty).
pub fn prefixed<'a>(base: &str, path: &'a str) -> std::borrow::Cow<'a, str> {
    if base.is_empty() {
        path.into()
    } else {
        format!("{base}{path}").into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_and_lines() {
        let f = SourceFile::new("a", "ab\nçd\r\nx".to_string());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        assert_eq!(f.line_col(5), (2, 2)); // after the two-byte ç
        assert_eq!(f.line_col(8), (3, 1));
        assert_eq!(f.line_span(2), Span::new(3, 6));
    }

    #[test]
    fn normalize_folds_dots() {
        assert_eq!(normalize("./a/./b/../c").as_deref(), Some("a/c"));
        assert_eq!(normalize("../a"), None);
        assert_eq!(
            join("p/s", "references/x.md").as_deref(),
            Some("p/s/references/x.md")
        );
        assert_eq!(join("p/s", "../../../x"), None);
    }
}
