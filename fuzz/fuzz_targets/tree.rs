//! See `skillc::fuzz::tree` for what this target asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skillc::fuzz::tree(data));
