//! The engine: a session (resolved root, validated config, run options,
//! narrowing), running the rules, suppressions, baselines and fixes.

pub mod baseline;
pub mod build;
pub mod check;
pub mod config;
pub mod fix;
pub mod redact;
pub mod run;
pub mod scope;
pub mod session;
mod sourcemap;
pub mod suppress;
#[cfg(test)]
pub(crate) mod testing;

pub use session::{RunOptions, Session};
