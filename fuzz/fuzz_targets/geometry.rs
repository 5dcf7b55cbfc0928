//! Geometry files: any bytes through the decoder. See `sanctuary_fuzz::geometry`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sanctuary_fuzz::geometry(data));
