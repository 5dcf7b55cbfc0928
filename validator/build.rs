//! Minifies the rules of the map's laws and table (`../styles/laws.css`, the widget's) into
//! `OUT_DIR/laws.css`: the validator writes them into a newsroom's panels, as the widget's
//! build writes them into ours.

fn main() {
    let file = "../styles/laws.css";
    println!("cargo:rerun-if-changed={file}");
    let css = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
    let min = minifier::css::minify(&css)
        .unwrap_or_else(|e| panic!("{file}: the minifier refused it: {e}"))
        .to_string();
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&out).join("laws.css"), min).expect("OUT_DIR is writable");
}
