//! `cargo xtask geo`: us-atlas's pre-projected TopoJSON → the compact geometry files the widget
//! loads (format: `sanctuary_core::geometry`).
//!
//! - `states.bin`: every feature of `states-albers-10m.json`'s `states` (50 states and DC),
//!   without names (the widget has them from `sanctuary_core::policy::STATES`).
//! - `counties/<state FIPS>.bin`: that state's counties from `counties-albers-10m.json`.
//!
//! Each file gets the coarsest 1/2/5 grid whose step is at most [`MAX_GRID_PX`] CSS pixels when
//! the file's extent is drawn [`MAX_WIDTH_PX`] wide (states: the whole 975-unit view; a state's
//! counties: that state's width, as the county view enlarges it to the widget's width), but not
//! finer than the source's own grid (~0.01 units). Points within [`TOLERANCE`] grid steps of the
//! line through their neighbours are dropped (Douglas–Peucker per arc, so shared borders stay
//! identical). Output is deterministic: same input, same bytes.
//!
//! Every file written is decoded back and checked (feature count, no empty shape).

use sanctuary_core::geometry::{decode, Quantization, Topology};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The widest the widget draws a map, in CSS pixels.
pub const MAX_WIDTH_PX: f64 = 1200.0;
/// The largest grid step allowed, in CSS pixels at [`MAX_WIDTH_PX`]: the national map's grid is
/// 0.5 view units (0.62 px at 1200, 0.35 px at the widget's usual 680), so a point is at most
/// a quarter of a unit from the source's.
pub const MAX_GRID_PX: f64 = 0.62;
/// us-atlas's quantization step is ~0.010 × 0.006 view units; no point in a finer grid.
const SOURCE_GRID: f64 = 0.01;
/// Douglas–Peucker tolerance, in grid steps: a line moves at most 1.5 steps (0.75 view units),
/// and with the grid's quarter unit at most 1 unit: 1.2 CSS pixels where the map is drawn
/// [`MAX_WIDTH_PX`] wide, 0.7 px at the widget's usual 680. Screenshots at twice the pixel
/// density cannot be told from those of the grid before (0.2 units, 3 steps: 0.7 units in
/// all), and `states.bin` is 5.0 kB as served instead of 6.7 (BENCHMARKS.md): the coarser grid
/// takes a bit off every delta. The same 1.5 steps at the old 0.2 grid would move lines less
/// and cost more bytes; 1 step at the new grid, 6.0 kB.
const TOLERANCE: f64 = 1.5;
/// Width of us-atlas's view.
const VIEW_WIDTH: f64 = 975.0;

/// One file, written or read.
#[derive(Debug, Clone)]
pub struct GeoFile {
    /// Relative to the output directory (or, for sources, to `node_modules`).
    pub path: PathBuf,
    pub bytes: u64,
    /// Size after `gzip -9`, if the `gzip` command is available.
    pub gzip: Option<u64>,
    pub features: usize,
    /// Grid step in view units (sources: 0).
    pub grid: f64,
}

#[derive(Debug, Clone)]
pub struct GeoReport {
    /// The TopoJSON read.
    pub sources: Vec<GeoFile>,
    /// `states.bin`.
    pub states: GeoFile,
    /// `counties/*.bin`, by state FIPS.
    pub counties: Vec<GeoFile>,
}

impl GeoReport {
    /// The biggest county file (Texas).
    pub fn largest_county_file(&self) -> Option<&GeoFile> {
        self.counties.iter().max_by_key(|f| f.bytes)
    }
}

fn size(bytes: u64, gzip: Option<u64>) -> String {
    match gzip {
        Some(g) => format!("{bytes:>8} B  {g:>7} B gzip"),
        None => format!("{bytes:>8} B"),
    }
}

impl fmt::Display for GeoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, file: &GeoFile| {
            let grid = if file.grid > 0.0 {
                format!(", grid {}", file.grid)
            } else {
                String::new()
            };
            writeln!(
                f,
                "  {:<32} {}  ({} features{grid})",
                file.path.display(),
                size(file.bytes, file.gzip),
                file.features
            )
        };
        writeln!(f, "sources:")?;
        for s in &self.sources {
            line(f, s)?;
        }
        writeln!(f, "written:")?;
        line(f, &self.states)?;
        if let Some(largest) = self.largest_county_file() {
            line(f, largest)?;
        }
        let bytes = self.counties.iter().map(|c| c.bytes).sum();
        let gzip = self.counties.iter().map(|c| c.gzip).sum::<Option<u64>>();
        let features: usize = self.counties.iter().map(|c| c.features).sum();
        writeln!(
            f,
            "  {:<32} {}  ({features} features in {} files)",
            "counties/*.bin (total)",
            size(bytes, gzip),
            self.counties.len()
        )
    }
}

/// `gzip -9 -n` size of `bytes`, `None` if gzip cannot be run.
pub fn gzip_size(bytes: &[u8]) -> Option<u64> {
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    // Write from another thread: gzip's output could fill the pipe before it reads all input.
    let output = std::thread::scope(|s| {
        s.spawn(move || stdin.write_all(bytes));
        child.wait_with_output()
    })
    .ok()?;
    output
        .status
        .success()
        .then_some(output.stdout.len() as u64)
}

/// The grid for a file whose extent is `width` view units.
fn quantization(width: f64) -> Quantization {
    let grid = (MAX_GRID_PX * width / MAX_WIDTH_PX).max(SOURCE_GRID);
    Quantization::at_most(grid, TOLERANCE)
}

fn read_topology(node_modules: &Path, name: &str) -> Result<(Topology, GeoFile), String> {
    let path = node_modules.join("us-atlas").join(name);
    let json = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (run npm ci first)", path.display()))?;
    let topology = Topology::parse(&json).map_err(|e| format!("{}: {e}", path.display()))?;
    let source = GeoFile {
        path: Path::new("us-atlas").join(name),
        bytes: json.len() as u64,
        gzip: gzip_size(json.as_bytes()),
        features: 0,
        grid: 0.0,
    };
    Ok((topology, source))
}

/// Writes one file, decodes it back and checks it holds `expected` features, none empty.
fn write_checked(
    out_dir: &Path,
    relative: PathBuf,
    bytes: &[u8],
    expected: usize,
    q: Quantization,
) -> Result<GeoFile, String> {
    let path = out_dir.join(&relative);
    let layer = decode(bytes)
        .map_err(|e| format!("{}: encoded file does not decode: {e}", relative.display()))?;
    if layer.features.len() != expected {
        return Err(format!(
            "{}: {} features decoded, {expected} expected",
            relative.display(),
            layer.features.len()
        ));
    }
    if let Some(empty) = layer.features.iter().find(|f| f.path.is_empty()) {
        return Err(format!(
            "{}: feature {} vanished on the grid",
            relative.display(),
            empty.id
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(GeoFile {
        path: relative,
        bytes: bytes.len() as u64,
        gzip: gzip_size(bytes),
        features: expected,
        grid: q.grid(),
    })
}

/// Builds `out_dir/states.bin` and `out_dir/counties/<FIPS>.bin` from
/// `node_modules/us-atlas/{states,counties}-albers-10m.json`.
pub fn build_geometry(node_modules: &Path, out_dir: &Path) -> Result<GeoReport, String> {
    let (mut states_topo, mut states_source) =
        read_topology(node_modules, "states-albers-10m.json")?;
    // The widget names states from the core's table (in both languages): 0.5 kB gzip less.
    states_topo.forget_names("states")?;
    let state_ids: Vec<String> = states_topo
        .ids("states")?
        .into_iter()
        .map(str::to_owned)
        .collect();
    states_source.features = state_ids.len();
    let q = quantization(VIEW_WIDTH);
    let bytes = states_topo.encode("states", |_| true, q)?;
    let states = write_checked(out_dir, "states.bin".into(), &bytes, state_ids.len(), q)?;

    let (counties_topo, mut counties_source) =
        read_topology(node_modules, "counties-albers-10m.json")?;
    let county_ids = counties_topo.ids("counties")?;
    counties_source.features = county_ids.len();
    if let Some(stray) = county_ids
        .iter()
        .find(|id| id.len() != 5 || !state_ids.iter().any(|s| id.starts_with(s.as_str())))
    {
        return Err(format!(
            "county {stray:?} is in no state of states-albers-10m.json"
        ));
    }
    let mut sorted_states = state_ids.clone();
    sorted_states.sort();
    let mut counties = Vec::new();
    for fips in &sorted_states {
        let keep = |id: &str| id.len() == 5 && id.starts_with(fips.as_str());
        let expected = county_ids.iter().filter(|id| keep(id)).count();
        let Some(bbox) = counties_topo.bbox("counties", keep)? else {
            return Err(format!("state {fips} has no counties"));
        };
        let q = quantization(bbox[2] - bbox[0]);
        let bytes = counties_topo.encode("counties", keep, q)?;
        let relative = Path::new("counties").join(format!("{fips}.bin"));
        counties.push(write_checked(out_dir, relative, &bytes, expected, q)?);
    }
    Ok(GeoReport {
        sources: vec![states_source, counties_source],
        states,
        counties,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-geo-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn geo_quantization_follows_the_extent() {
        let grid = |w| quantization(w).grid();
        assert!((grid(VIEW_WIDTH) - 0.5).abs() < 1e-12); // the national map
        assert!((grid(252.0) - 0.1).abs() < 1e-12); // Texas
        assert!((grid(144.0) - 0.05).abs() < 1e-12); // California
        assert!((grid(14.0) - 0.01).abs() < 1e-12); // Rhode Island, at the source's grid
    }

    #[test]
    fn geo_builds_us_atlas_files() {
        let node_modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules");
        if !node_modules.join("us-atlas").exists() {
            eprintln!("skipped: no node_modules/us-atlas (run npm ci)");
            return;
        }
        let out = temp_dir("a");
        let report = build_geometry(&node_modules, &out).unwrap();
        println!("{report}");

        let states = decode(&std::fs::read(out.join("states.bin")).unwrap()).unwrap();
        assert_eq!(states.features.len(), 51); // 50 states and DC; us-atlas has no territories
        let ca = states.get("06").unwrap();
        assert!(!ca.path.is_empty());
        // No names: each state is one the core names, in both languages.
        for f in &states.features {
            assert_eq!(f.name, "", "{}", f.id);
            assert!(
                sanctuary_core::policy::state_by_fips(&f.id).is_some(),
                "{}",
                f.id
            );
        }
        let bbox = states.bbox().unwrap();
        // The 975×610 view, except Alaska's westernmost Aleutians (x ≈ -57.7), which us-atlas
        // keeps and its viewBox crops.
        assert!(bbox[0] > -58.0 && bbox[1] >= 0.0 && bbox[2] <= 975.0 && bbox[3] <= 610.0);
        assert!(states.features.iter().all(|f| {
            f.bbox[0] <= f.label[0]
                && f.label[0] <= f.bbox[2]
                && f.bbox[1] <= f.label[1]
                && f.label[1] <= f.bbox[3]
        }));

        assert_eq!(report.counties.len(), 51);
        let mut total = 0;
        for file in &report.counties {
            let layer = decode(&std::fs::read(out.join(&file.path)).unwrap()).unwrap();
            assert_eq!(layer.features.len(), file.features);
            total += layer.features.len();
        }
        assert_eq!(total, report.sources[1].features);
        assert_eq!(total, 3142);
        let ca = decode(&std::fs::read(out.join("counties/06.bin")).unwrap()).unwrap();
        assert_eq!(ca.get("06037").unwrap().name, "Los Angeles");
        assert_eq!(
            report.largest_county_file().unwrap().path,
            Path::new("counties/48.bin")
        );

        // Sizes: far below the JSON, within the payload budget.
        assert!(
            report.states.bytes < 20_000,
            "states.bin grew: {}",
            report.states.bytes
        );
        if let (Some(bin), Some(json)) = (report.states.gzip, report.sources[0].gzip) {
            assert!(
                bin * 2 < json,
                "states.bin {bin} B gzip vs JSON {json} B gzip"
            );
        }

        // Reproducible: a second build writes the same bytes.
        let again = temp_dir("b");
        build_geometry(&node_modules, &again).unwrap();
        for file in std::iter::once(&report.states).chain(&report.counties) {
            assert_eq!(
                std::fs::read(out.join(&file.path)).unwrap(),
                std::fs::read(again.join(&file.path)).unwrap(),
                "{}",
                file.path.display()
            );
        }
        let _ = std::fs::remove_dir_all(out);
        let _ = std::fs::remove_dir_all(again);
    }
}
