//! See `skillc::fuzz::yaml` for what this target asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skillc::fuzz::yaml(data));
