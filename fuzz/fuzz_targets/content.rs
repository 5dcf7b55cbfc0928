//! Content files: any bytes as a story or data file, in JSON and TOML, then validated and used
//! as the widget uses them. See `sanctuary_fuzz::content`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sanctuary_fuzz::content(data));
