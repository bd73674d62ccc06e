//! See `skillc::fuzz::redact` for what this target asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| skillc::fuzz::redact(data));
