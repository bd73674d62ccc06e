//! The file system side of a run: walk the tree once (gitignore-aware,
//! symlink-safe, exclusions pruned) and read files (capped, UTF-8 checked,
//! never blocking). Nothing here parses.

mod read;
mod walk;

pub use read::{MAX_FILE_SIZE_CEILING, MAX_READ, Read, read, read_capped, read_head};
pub use walk::{Exclude, WalkOptions, WalkProblem, WalkResult, Walked, walk};
