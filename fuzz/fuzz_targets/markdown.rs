//! See `skillc::fuzz::markdown` for what this target asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skillc::fuzz::markdown(data));
