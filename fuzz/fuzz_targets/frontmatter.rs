//! See `skillc::fuzz::frontmatter` for what this target asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skillc::fuzz::frontmatter(data));
