//! Read a file once: capped, without blocking on what is not a regular
//! file, UTF-8 checked.

use std::path::Path;

/// Files other than markdown larger than this are not read (8 MiB).
pub const MAX_READ: u64 = 8 * 1024 * 1024;

/// The largest `max-file-size` accepted: 256 MiB.
pub const MAX_FILE_SIZE_CEILING: u64 = 256 * 1024 * 1024;

/// Result of reading one file.
pub enum Read {
    Text(String),
    NotUtf8 { valid_up_to: usize },
    TooLarge(u64),
    Failed(String),
}

/// Read a file with the size cap; never panics. `regular`: the walk saw a
/// regular file there, so it need not be looked at before opening.
///
/// FIFOs, sockets and devices are never opened on purpose: one the walk did
/// not see is looked at first. The open does not block either, so one
/// swapped in since is opened without waiting for a writer, and the
/// handle's metadata turns it away before any read.
pub fn read(abs: &Path, cap: u64, regular: bool) -> Read {
    if !regular {
        match std::fs::metadata(abs) {
            Ok(m) if !m.is_file() => return Read::Failed("not a regular file".into()),
            Ok(_) => {}
            Err(e) => return Read::Failed(e.to_string()),
        }
    }
    // One handle for the checks and the read: reading stops one byte past
    // the cap however large the file has grown since.
    let file = match open_nonblocking(abs) {
        Ok(f) => f,
        Err(e) => return Read::Failed(e.to_string()),
    };
    let len = match file.metadata() {
        // FIFOs, sockets and devices would block or never end.
        Ok(m) if !m.is_file() => return Read::Failed("not a regular file".into()),
        Ok(m) if m.len() > cap => return Read::TooLarge(m.len()),
        Ok(m) => m.len(),
        Err(e) => return Read::Failed(e.to_string()),
    };
    // Sized from the metadata: the text is kept for the whole run, so no
    // slack from a growing buffer (the extra byte sees a file that grew).
    read_capped(file, cap, usize::try_from(len).unwrap_or(0))
}

/// Open `abs` for reading without waiting: opening a FIFO blocks until a
/// writer comes, unless the open does not block. On a regular file the flag
/// changes nothing.
fn open_nonblocking(abs: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(abs)
}

/// Read at most `cap` bytes of text from `from` (`expected`: the size to
/// allocate for): too large is told before not UTF-8.
pub fn read_capped(from: impl std::io::Read, cap: u64, expected: usize) -> Read {
    use std::io::Read as _;
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    if let Err(e) = from.take(cap + 1).read_to_end(&mut bytes) {
        return Read::Failed(e.to_string());
    }
    if bytes.len() as u64 > cap {
        return Read::TooLarge(bytes.len() as u64);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Read::Text(s),
        Err(e) => Read::NotUtf8 {
            valid_up_to: e.utf8_error().valid_up_to(),
        },
    }
}

/// The first `n` bytes of a regular file (fewer when it is shorter) and
/// its size, for the headers of files that are not text (images). Like
/// [`read`], never opens a FIFO, socket or device and never blocks.
pub fn read_head(abs: &Path, n: u64) -> Result<(Vec<u8>, u64), String> {
    use std::io::Read as _;
    match std::fs::metadata(abs) {
        Ok(m) if !m.is_file() => return Err("not a regular file".into()),
        Ok(_) => {}
        Err(e) => return Err(e.to_string()),
    }
    let file = open_nonblocking(abs).map_err(|e| e.to_string())?;
    let len = match file.metadata() {
        Ok(m) if !m.is_file() => return Err("not a regular file".into()),
        Ok(m) => m.len(),
        Err(e) => return Err(e.to_string()),
    };
    let mut bytes = Vec::with_capacity(usize::try_from(n.min(len)).unwrap_or(0));
    file.take(n)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    Ok((bytes, len))
}
