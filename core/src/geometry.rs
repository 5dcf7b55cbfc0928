//! The compact geometry format the widget loads ("SXG"), its decoder and (with the `build`
//! feature) its encoder from TopoJSON.
//!
//! The map shapes come from us-atlas 3.0.1's pre-projected `*-albers-10m.json` (coordinates
//! already in the 975×610 view, see [`crate::projection`]). `cargo xtask geo` turns them into
//! `states.bin` and one `counties/<state FIPS>.bin` per state; the widget fetches those and
//! calls [`decode`], which yields one SVG path string per feature.
//!
//! # Format, version 1
//!
//! All integers are unsigned LEB128 varints of at most 5 bytes (values up to `u32::MAX`);
//! "sint" is a zigzag-encoded varint (`0,-1,1,-2… → 0,1,2,3…`); "str" is a varint byte length
//! followed by that many bytes of UTF-8.
//!
//! ```text
//! file     = "SXG" version:u8=1 decimals:u8 step:varint
//!            arc_count:varint arc*  feature_count:varint feature*      (no trailing bytes)
//! arc      = n:varint (n >= 1) (dx:sint dy:sint)*n
//! feature  = id:str name:str polygon_count:varint polygon*     name may be empty
//! polygon  = ring_count:varint (>= 1) ring*            first ring exterior, others holes
//! ring     = ref_count:varint (>= 1) ref:varint*       ref = arc_index << 1 | reversed
//! ```
//!
//! - Coordinates are integers on a grid of `step × 10^-decimals` view units (`decimals <= 6`,
//!   `step >= 1`): view x = `X × step / 10^decimals`. `states.bin` uses 0.5 units, county files
//!   0.01 to 0.1 depending on the state's width (see `xtask/src/geo.rs`). The encoder drops
//!   points that land on the previous grid point or lie within one grid step of the line through
//!   their neighbours (Douglas–Peucker per arc, arc ends kept), and rings that collapse to no
//!   area (unless that would empty a feature).
//! - Every point is a delta from the previous point *in the file*, across arcs: the first point
//!   of an arc is relative to the last point of the previous arc (the first arc's to (0, 0)).
//! - Arcs are shared: a border between two shapes is stored once and referenced by both, once
//!   reversed, so neighbours cannot gap. A ring is its arcs concatenated, each arc after the
//!   first dropping its first point (it equals the previous arc's last); rings are closed.
//! - The encoder stores arcs in order of first use and in the direction of first use, so most
//!   arcs start where the previous one ended (a `0 0` delta) and most refs are forward.
//! - Winding is kept from the source (d3 convention: exteriors clockwise on screen, holes the
//!   other way), so the default `fill-rule="nonzero"` draws holes.
//!
//! The decoder never panics and never allocates more than a small multiple of its input: counts
//! are never trusted for preallocation, and a ring's output is bounded by a point budget (at most
//! [`MAX_POINT_REUSE`] times the points stored in the file).

use std::fmt;

/// The first three bytes of every file.
pub const MAGIC: [u8; 3] = *b"SXG";
/// The format version this decoder reads (byte 3).
pub const VERSION: u8 = 1;
/// The largest `decimals` allowed in the header.
pub const MAX_DECIMALS: u8 = 6;
/// Decoded rings may emit at most this many times the number of points stored in the file. An
/// arc is normally used by at most two rings (us-atlas counties has one arc used four times).
pub const MAX_POINT_REUSE: u64 = 4;
/// Largest absolute coordinate (in `10^-decimals` view units) the decoder accepts; keeps all
/// arithmetic exact in `i64` and `f64`.
const MAX_COORD: i64 = 1 << 48;
/// The label search sorts scanline crossings only when there are at most this many.
const MAX_LABEL_CROSSINGS: usize = 64;

/// A decoded file: the features in file order (the encoder sorts them by id).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layer {
    pub features: Vec<Feature>,
}

/// One shape: a state, a county.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// FIPS code as in us-atlas: "06" California, "06037" Los Angeles County.
    pub id: String,
    /// Display name, e.g. "California", "Los Angeles".
    pub name: String,
    /// SVG path data in view coordinates: `M x y l dx dy … z` per ring (absolute move, relative
    /// lines), numbers with at most `decimals` decimals. Empty if the feature has no rings.
    pub path: String,
    /// Bounding box `[x0, y0, x1, y1]` in view coordinates (`[0; 4]` if the path is empty).
    pub bbox: [f32; 4],
    /// A point for a label, inside the shape: the area centroid of its largest ring, moved
    /// along its horizontal line to the middle of the widest inside span when the centroid
    /// falls outside the shape (Florida, or a county around an independent city).
    pub label: [f32; 2],
}

impl Layer {
    /// The union of the features' bounding boxes, `None` if no feature has a path.
    pub fn bbox(&self) -> Option<[f32; 4]> {
        self.features
            .iter()
            .filter(|f| !f.path.is_empty())
            .map(|f| f.bbox)
            .reduce(|a, b| {
                [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]
            })
    }

    /// The feature with this id.
    pub fn get(&self, id: &str) -> Option<&Feature> {
        self.features.iter().find(|f| f.id == id)
    }
}

/// Why [`decode`] rejected its input, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeometryError {
    /// Byte offset of the item that could not be read.
    pub offset: usize,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The data ends before the item does.
    Truncated,
    /// The file does not start with `SXG`.
    BadMagic,
    /// A version this decoder does not read.
    UnsupportedVersion(u8),
    /// `decimals` above [`MAX_DECIMALS`].
    BadDecimals(u8),
    /// `step` is 0.
    BadStep,
    /// A varint longer than 5 bytes or above `u32::MAX`.
    BadVarint,
    /// A string that is not UTF-8.
    BadUtf8,
    /// An arc with no points.
    EmptyArc,
    /// A polygon with no rings.
    EmptyPolygon,
    /// A ring with no arcs.
    EmptyRing,
    /// A ring refers to an arc that does not exist.
    ArcOutOfRange { index: u32, count: u32 },
    /// A coordinate beyond ±2^48 grid units.
    CoordinateOverflow,
    /// The rings would emit more than [`MAX_POINT_REUSE`] times the stored points.
    TooManyPoints,
    /// Bytes after the last feature.
    TrailingBytes,
}

impl fmt::Display for GeometryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.kind {
            ErrorKind::Truncated => "data ends too early",
            ErrorKind::BadMagic => "not a geometry file (bad magic)",
            ErrorKind::UnsupportedVersion(v) => {
                return write!(
                    f,
                    "unsupported geometry version {v} at byte {}",
                    self.offset
                )
            }
            ErrorKind::BadDecimals(d) => {
                return write!(f, "bad decimals {d} at byte {}", self.offset)
            }
            ErrorKind::BadStep => "grid step is 0",
            ErrorKind::BadVarint => "bad varint",
            ErrorKind::BadUtf8 => "string is not UTF-8",
            ErrorKind::EmptyArc => "arc without points",
            ErrorKind::EmptyPolygon => "polygon without rings",
            ErrorKind::EmptyRing => "ring without arcs",
            ErrorKind::ArcOutOfRange { index, count } => {
                return write!(
                    f,
                    "arc {index} out of range ({count} arcs) at byte {}",
                    self.offset
                )
            }
            ErrorKind::CoordinateOverflow => "coordinate out of range",
            ErrorKind::TooManyPoints => "rings reuse arcs too often",
            ErrorKind::TrailingBytes => "trailing bytes",
        };
        write!(f, "{what} at byte {}", self.offset)
    }
}

impl std::error::Error for GeometryError {}

fn error<T>(offset: usize, kind: ErrorKind) -> Result<T, GeometryError> {
    Err(GeometryError { offset, kind })
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, GeometryError> {
        let b = *self.buf.get(self.pos).ok_or(GeometryError {
            offset: self.pos,
            kind: ErrorKind::Truncated,
        })?;
        self.pos += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u32, GeometryError> {
        let start = self.pos;
        let mut value = 0u32;
        for i in 0..5 {
            let Some(&b) = self.buf.get(self.pos) else {
                return error(start, ErrorKind::Truncated);
            };
            self.pos += 1;
            if i == 4 && b > 0x0F {
                return error(start, ErrorKind::BadVarint);
            }
            value |= u32::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        // Unreachable: the fifth byte either ends the varint or is rejected above.
        error(start, ErrorKind::BadVarint)
    }

    fn sint(&mut self) -> Result<i64, GeometryError> {
        let v = self.varint()?;
        Ok(i64::from(v >> 1) ^ -i64::from(v & 1))
    }

    fn string(&mut self) -> Result<String, GeometryError> {
        let start = self.pos;
        let len = self.varint()? as usize;
        let bytes = self
            .pos
            .checked_add(len)
            .and_then(|end| self.buf.get(self.pos..end))
            .ok_or(GeometryError {
                offset: start,
                kind: ErrorKind::Truncated,
            })?;
        self.pos += len;
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => error(start, ErrorKind::BadUtf8),
        }
    }
}

/// Decodes a file written by the encoder (`cargo xtask geo`).
pub fn decode(bytes: &[u8]) -> Result<Layer, GeometryError> {
    let mut r = Reader { buf: bytes, pos: 0 };
    for m in MAGIC {
        if r.byte()? != m {
            return error(0, ErrorKind::BadMagic);
        }
    }
    let version = r.byte()?;
    if version != VERSION {
        return error(3, ErrorKind::UnsupportedVersion(version));
    }
    let decimals = r.byte()?;
    if decimals > MAX_DECIMALS {
        return error(4, ErrorKind::BadDecimals(decimals));
    }
    let decimals = u32::from(decimals);
    let step = i64::from(r.varint()?);
    if step == 0 {
        return error(5, ErrorKind::BadStep);
    }

    // Arcs, as points in 10^-decimals view units, all in one vector; arc i is
    // points[starts[i]..starts[i + 1]].
    let arc_count = r.varint()?;
    let mut points: Vec<[i64; 2]> = Vec::new();
    let mut starts: Vec<usize> = vec![0];
    let (mut x, mut y) = (0i64, 0i64);
    for _ in 0..arc_count {
        let at = r.pos;
        let n = r.varint()?;
        if n == 0 {
            return error(at, ErrorKind::EmptyArc);
        }
        for _ in 0..n {
            let at = r.pos;
            // Deltas are below 2^31 and each takes a byte, so the sums cannot overflow; the
            // bound below keeps them (and the products) far from it anyway.
            x += r.sint()?;
            y += r.sint()?;
            let (Some(vx), Some(vy)) = (x.checked_mul(step), y.checked_mul(step)) else {
                return error(at, ErrorKind::CoordinateOverflow);
            };
            if vx.abs() > MAX_COORD || vy.abs() > MAX_COORD {
                return error(at, ErrorKind::CoordinateOverflow);
            }
            points.push([vx, vy]);
        }
        starts.push(points.len());
    }

    let mut budget = (points.len() as u64).saturating_mul(MAX_POINT_REUSE);
    let feature_count = r.varint()?;
    let mut features = Vec::new();
    // A feature's rings, reused across features: points, and where each ring ends.
    let mut ring_points: Vec<[i64; 2]> = Vec::new();
    let mut ring_ends: Vec<usize> = Vec::new();
    for _ in 0..feature_count {
        let id = r.string()?;
        let name = r.string()?;
        ring_points.clear();
        ring_ends.clear();
        let polygon_count = r.varint()?;
        for _ in 0..polygon_count {
            let at = r.pos;
            let ring_count = r.varint()?;
            if ring_count == 0 {
                return error(at, ErrorKind::EmptyPolygon);
            }
            for _ in 0..ring_count {
                let at = r.pos;
                let ref_count = r.varint()?;
                if ref_count == 0 {
                    return error(at, ErrorKind::EmptyRing);
                }
                let ring_start = ring_points.len();
                for k in 0..ref_count {
                    let at = r.pos;
                    let v = r.varint()?;
                    let index = v >> 1;
                    let arc = starts
                        .get(index as usize)
                        .zip(starts.get(index as usize + 1))
                        .and_then(|(&s, &e)| points.get(s..e));
                    let Some(arc) = arc else {
                        return error(
                            at,
                            ErrorKind::ArcOutOfRange {
                                index,
                                count: arc_count,
                            },
                        );
                    };
                    budget = match budget.checked_sub(arc.len() as u64) {
                        Some(b) => b,
                        None => return error(at, ErrorKind::TooManyPoints),
                    };
                    // An arc after the first starts where the last one ended. Plain loops: an
                    // iterator chain is its own functions in the wasm, each compiled on its own.
                    let skip = usize::from(k > 0);
                    let from = skip.min(arc.len());
                    if v & 1 == 0 {
                        ring_points.extend_from_slice(&arc[from..]);
                    } else {
                        for i in (0..arc.len() - from).rev() {
                            ring_points.push(arc[i]);
                        }
                    }
                }
                // Closed by `z`; drop the repeated first point.
                if ring_points.len() - ring_start > 1
                    && ring_points.last() == ring_points.get(ring_start)
                {
                    ring_points.pop();
                }
                ring_ends.push(ring_points.len());
            }
        }
        features.push(build_feature(id, name, &ring_points, &ring_ends, decimals));
    }
    if r.pos != bytes.len() {
        return error(r.pos, ErrorKind::TrailingBytes);
    }
    Ok(Layer { features })
}

/// Splits `points` into rings at `ends`.
fn rings<'a>(points: &'a [[i64; 2]], ends: &'a [usize]) -> impl Iterator<Item = &'a [[i64; 2]]> {
    let mut start = 0;
    ends.iter().map(move |&end| {
        let ring = points.get(start..end).unwrap_or(&[]);
        start = end;
        ring
    })
}

fn build_feature(
    id: String,
    name: String,
    points: &[[i64; 2]],
    ends: &[usize],
    decimals: u32,
) -> Feature {
    let mut path = String::new();
    for ring in rings(points, ends) {
        push_ring(&mut path, ring, decimals);
    }
    let scale = 10f64.powi(decimals as i32);
    let to_view = |v: f64| (v / scale) as f32;

    let mut bbox = [i64::MAX, i64::MAX, i64::MIN, i64::MIN];
    for p in points {
        bbox = [
            bbox[0].min(p[0]),
            bbox[1].min(p[1]),
            bbox[2].max(p[0]),
            bbox[3].max(p[1]),
        ];
    }
    if points.is_empty() {
        bbox = [0; 4];
    }
    let bbox_f = [
        bbox[0] as f64,
        bbox[1] as f64,
        bbox[2] as f64,
        bbox[3] as f64,
    ];

    // Label: centroid of the ring with the largest area (centre of the feature's box if all
    // rings are degenerate)...
    let mut best = 0.0;
    let mut label = [(bbox_f[0] + bbox_f[2]) / 2.0, (bbox_f[1] + bbox_f[3]) / 2.0];
    for ring in rings(points, ends) {
        let Some(&o) = ring.first() else { continue };
        let (mut area2, mut cx, mut cy) = (0.0, 0.0, 0.0);
        for (p, q) in ring.iter().zip(ring.iter().skip(1).chain([&o])) {
            let (x0, y0) = ((p[0] - o[0]) as f64, (p[1] - o[1]) as f64);
            let (x1, y1) = ((q[0] - o[0]) as f64, (q[1] - o[1]) as f64);
            let cross = x0 * y1 - x1 * y0;
            area2 += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }
        if area2.abs() > best {
            best = area2.abs();
            label = [
                o[0] as f64 + cx / (3.0 * area2),
                o[1] as f64 + cy / (3.0 * area2),
            ];
        }
    }
    // ...unless it falls outside the shape (concave, or in a hole): then the middle of the
    // widest inside span of the horizontal line through it.
    let mut xs: Vec<f64> = Vec::new();
    for ring in rings(points, ends) {
        for (p, q) in ring.iter().zip(ring.iter().skip(1).chain(ring.first())) {
            let (py, qy) = (p[1] as f64, q[1] as f64);
            if (py > label[1]) != (qy > label[1]) {
                let (px, qx) = (p[0] as f64, q[0] as f64);
                xs.push(px + (label[1] - py) * (qx - px) / (qy - py));
            }
        }
    }
    let inside = xs.iter().filter(|&&x| x < label[0]).count() % 2 == 1;
    if !inside && xs.len() <= MAX_LABEL_CROSSINGS {
        // Insertion sort: tiny, and bounded by MAX_LABEL_CROSSINGS.
        for i in 1..xs.len() {
            let mut j = i;
            while j > 0 && xs[j - 1] > xs[j] {
                xs.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut widest = 0.0;
        for span in xs.chunks_exact(2) {
            if span[1] - span[0] > widest {
                widest = span[1] - span[0];
                label[0] = (span[0] + span[1]) / 2.0;
            }
        }
    }
    // Near-degenerate rings can put a centroid anywhere: keep it in the box (`max`/`min`, as
    // `clamp` asserts its bounds).
    label = [
        label[0].max(bbox_f[0]).min(bbox_f[2]),
        label[1].max(bbox_f[1]).min(bbox_f[3]),
    ];

    Feature {
        id,
        name,
        path,
        bbox: [
            to_view(bbox_f[0]),
            to_view(bbox_f[1]),
            to_view(bbox_f[2]),
            to_view(bbox_f[3]),
        ],
        label: [to_view(label[0]), to_view(label[1])],
    }
}

/// Appends `M x y l dx dy … z` for one ring.
fn push_ring(out: &mut String, ring: &[[i64; 2]], decimals: u32) {
    let Some((first, rest)) = ring.split_first() else {
        return;
    };
    out.push('M');
    push_number(out, first[0], decimals, false);
    push_number(out, first[1], decimals, true);
    let mut prev = *first;
    let mut started = false;
    for p in rest {
        let (dx, dy) = (p[0] - prev[0], p[1] - prev[1]);
        if dx == 0 && dy == 0 {
            continue;
        }
        if !started {
            out.push('l');
        }
        push_number(out, dx, decimals, started);
        push_number(out, dy, decimals, true);
        started = true;
        prev = *p;
    }
    out.push('z');
}

/// Appends `value × 10^-decimals` shortest: `-1.5`, `.25`, `3`. A space goes before it if
/// `separate` and it does not start with `-`. No float formatting (smaller wasm, exact).
fn push_number(out: &mut String, value: i64, decimals: u32, separate: bool) {
    if value < 0 {
        out.push('-');
    } else if separate {
        out.push(' ');
    }
    let abs = value.unsigned_abs();
    let scale = 10u64.pow(decimals);
    let (int, mut frac) = (abs / scale, abs % scale);
    if int != 0 || frac == 0 {
        push_digits(out, int, 1);
    }
    if frac != 0 {
        out.push('.');
        let mut width = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        push_digits(out, frac, width);
    }
}

/// Appends `n` in decimal, zero-padded to at least `width` digits (`width <= 20`).
fn push_digits(out: &mut String, mut n: u64, width: u32) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while n > 0 || buf.len() - i < width as usize {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    // ASCII digits: always UTF-8. One append, not a char-by-char push (this is the map's
    // hottest loop: every coordinate of every path).
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

#[cfg(feature = "build")]
pub use encoder::{encode_topojson, Quantization, Topology};

/// TopoJSON → SXG, for `cargo xtask geo` (native only, behind the `build` feature).
#[cfg(feature = "build")]
mod encoder {
    use super::{MAGIC, MAX_DECIMALS, VERSION};
    use serde_json::Value;
    use std::collections::HashMap;

    /// The output grid and simplification.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Quantization {
        /// Coordinates are written in units of `step × 10^-decimals` view units.
        pub decimals: u8,
        pub step: u32,
        /// Douglas–Peucker tolerance in grid steps (0: only drop points that fall on the same
        /// grid point as the previous one). Arc ends are always kept, so shared borders stay
        /// identical.
        pub tolerance: f64,
    }

    impl Quantization {
        /// The grid step in view units.
        pub fn grid(&self) -> f64 {
            f64::from(self.step) / 10f64.powi(i32::from(self.decimals))
        }

        /// The coarsest grid of 1, 2 or 5 × 10^-d view units (d <= 6) not coarser than `max`.
        pub fn at_most(max: f64, tolerance: f64) -> Quantization {
            let mut decimals = 0u8;
            loop {
                let unit = 10f64.powi(-i32::from(decimals));
                for step in [5u32, 2, 1] {
                    if f64::from(step) * unit <= max * (1.0 + 1e-9)
                        || decimals == MAX_DECIMALS && step == 1
                    {
                        return Quantization {
                            decimals,
                            step,
                            tolerance,
                        };
                    }
                }
                decimals += 1;
            }
        }
    }

    /// A parsed TopoJSON topology (polygons only), arcs in absolute view coordinates.
    #[derive(Debug)]
    pub struct Topology {
        arcs: Vec<Vec<[f64; 2]>>,
        objects: Vec<(String, Vec<SourceFeature>)>,
    }

    #[derive(Debug)]
    struct SourceFeature {
        id: String,
        name: String,
        /// Polygons → rings → TopoJSON arc references (`~i` = arc i reversed).
        polygons: Vec<Vec<Vec<i64>>>,
    }

    /// Parses `json` and encodes the features of `object` whose id passes `keep`.
    pub fn encode_topojson(
        json: &str,
        object: &str,
        keep: impl Fn(&str) -> bool,
        quantization: Quantization,
    ) -> Result<Vec<u8>, String> {
        Topology::parse(json)?.encode(object, keep, quantization)
    }

    fn pair(v: &Value, what: &str) -> Result<[f64; 2], String> {
        match v.as_array().map(Vec::as_slice) {
            Some([a, b, ..]) => match (a.as_f64(), b.as_f64()) {
                (Some(a), Some(b)) => Ok([a, b]),
                _ => Err(format!("{what}: expected two numbers")),
            },
            _ => Err(format!("{what}: expected an array of two numbers")),
        }
    }

    fn arc_index(r: i64) -> usize {
        if r < 0 {
            !r as usize
        } else {
            r as usize
        }
    }

    impl Topology {
        pub fn parse(json: &str) -> Result<Topology, String> {
            let v: Value = serde_json::from_str(json).map_err(|e| format!("invalid JSON: {e}"))?;
            if v["type"] != "Topology" {
                return Err("not a TopoJSON Topology".into());
            }
            let transform = match v.get("transform") {
                None | Some(Value::Null) => None,
                Some(t) => Some((
                    pair(&t["scale"], "transform.scale")?,
                    pair(&t["translate"], "transform.translate")?,
                )),
            };
            let mut arcs = Vec::new();
            for (i, arc) in v["arcs"]
                .as_array()
                .ok_or("missing arcs")?
                .iter()
                .enumerate()
            {
                let positions = arc
                    .as_array()
                    .ok_or_else(|| format!("arc {i}: not an array"))?;
                let mut points = Vec::with_capacity(positions.len());
                let (mut qx, mut qy) = (0.0, 0.0);
                for p in positions {
                    let [x, y] = pair(p, "position").map_err(|e| format!("arc {i}: {e}"))?;
                    points.push(match transform {
                        // Quantized: delta-encoded integers.
                        Some(([sx, sy], [tx, ty])) => {
                            qx += x;
                            qy += y;
                            [qx * sx + tx, qy * sy + ty]
                        }
                        None => [x, y],
                    });
                }
                if points.iter().flatten().any(|c| !c.is_finite()) {
                    return Err(format!("arc {i}: coordinate out of range"));
                }
                arcs.push(points);
            }
            let mut objects = Vec::new();
            for (name, object) in v["objects"].as_object().ok_or("missing objects")? {
                let geometries = if object["type"] == "GeometryCollection" {
                    object["geometries"]
                        .as_array()
                        .ok_or_else(|| format!("object {name}: missing geometries"))?
                        .iter()
                        .collect()
                } else {
                    vec![object]
                };
                let features = geometries
                    .into_iter()
                    .map(|g| {
                        SourceFeature::parse(g, arcs.len())
                            .map_err(|e| format!("object {name}: {e}"))
                    })
                    .collect::<Result<_, _>>()?;
                objects.push((name.clone(), features));
            }
            Ok(Topology { arcs, objects })
        }

        fn features(&self, object: &str) -> Result<&[SourceFeature], String> {
            self.objects
                .iter()
                .find(|(name, _)| name == object)
                .map(|(_, f)| f.as_slice())
                .ok_or_else(|| {
                    let names: Vec<&str> = self.objects.iter().map(|(n, _)| n.as_str()).collect();
                    format!("no object {object:?} (objects: {})", names.join(", "))
                })
        }

        /// Clears the names of the features of `object`: files whose places are named elsewhere
        /// (the states: [`crate::policy::STATES`]) need not carry them.
        pub fn forget_names(&mut self, object: &str) -> Result<(), String> {
            let features = self
                .objects
                .iter_mut()
                .find(|(name, _)| name == object)
                .map(|(_, f)| f)
                .ok_or_else(|| format!("no object {object:?}"))?;
            for f in features {
                f.name.clear();
            }
            Ok(())
        }

        /// The ids of the features of `object`, in file order.
        pub fn ids(&self, object: &str) -> Result<Vec<&str>, String> {
            Ok(self
                .features(object)?
                .iter()
                .map(|f| f.id.as_str())
                .collect())
        }

        /// The bounding box `[x0, y0, x1, y1]` of the features of `object` whose id passes
        /// `keep`, before quantization; `None` if there are none.
        pub fn bbox(
            &self,
            object: &str,
            keep: impl Fn(&str) -> bool,
        ) -> Result<Option<[f64; 4]>, String> {
            let mut bbox: Option<[f64; 4]> = None;
            for f in self.features(object)?.iter().filter(|f| keep(&f.id)) {
                for &r in f.polygons.iter().flatten().flatten() {
                    for p in &self.arcs[arc_index(r)] {
                        let b = bbox.get_or_insert([p[0], p[1], p[0], p[1]]);
                        *b = [
                            b[0].min(p[0]),
                            b[1].min(p[1]),
                            b[2].max(p[0]),
                            b[3].max(p[1]),
                        ];
                    }
                }
            }
            Ok(bbox)
        }

        /// Encodes the features of `object` whose id passes `keep`, sorted by id. Rings that
        /// collapse to no area on the grid are dropped (with their holes, for an exterior),
        /// unless that would leave the feature empty: then its exteriors are kept as they are
        /// (a zero-area path still has a position). Only arcs used by the rings are written.
        pub fn encode(
            &self,
            object: &str,
            keep: impl Fn(&str) -> bool,
            q: Quantization,
        ) -> Result<Vec<u8>, String> {
            if q.decimals > MAX_DECIMALS || q.step == 0 || q.tolerance.is_nan() || q.tolerance < 0.0
            {
                return Err(format!("bad quantization {q:?}"));
            }
            let mut features: Vec<&SourceFeature> = self
                .features(object)?
                .iter()
                .filter(|f| keep(&f.id))
                .collect();
            features.sort_by(|a, b| a.id.cmp(&b.id));

            let factor = 10f64.powi(i32::from(q.decimals)) / f64::from(q.step);
            let mut grid_arcs: HashMap<usize, Vec<[i64; 2]>> = HashMap::new();
            let mut arc = |i: usize| -> Vec<[i64; 2]> {
                grid_arcs
                    .entry(i)
                    .or_insert_with(|| {
                        let mut points: Vec<[i64; 2]> = Vec::new();
                        for p in &self.arcs[i] {
                            let g = [
                                (p[0] * factor).round() as i64,
                                (p[1] * factor).round() as i64,
                            ];
                            if points.last() != Some(&g) {
                                points.push(g);
                            }
                        }
                        simplify(&points, q.tolerance)
                    })
                    .clone()
            };

            // Keep rings with an area on the grid.
            let mut kept: Vec<(&SourceFeature, Vec<Vec<&Vec<i64>>>)> = Vec::new();
            for f in features {
                let mut polygons = Vec::new();
                for polygon in &f.polygons {
                    let mut rings = Vec::new();
                    for (k, ring) in polygon.iter().enumerate() {
                        let mut points: Vec<[i64; 2]> = Vec::new();
                        for (j, &r) in ring.iter().enumerate() {
                            let mut a = arc(arc_index(r));
                            if r < 0 {
                                a.reverse();
                            }
                            points.extend(a.into_iter().skip(usize::from(j > 0)));
                        }
                        if area2(&points) != 0 {
                            rings.push(ring);
                        } else if k == 0 {
                            break;
                        }
                    }
                    if !rings.is_empty() {
                        polygons.push(rings);
                    }
                }
                if polygons.is_empty() {
                    // Never lose a feature (some us-atlas cities are already degenerate in the
                    // source): keep its exteriors as they are, for its position and box.
                    polygons = f
                        .polygons
                        .iter()
                        .filter_map(|p| p.first())
                        .map(|r| vec![r])
                        .collect();
                }
                kept.push((f, polygons));
            }

            // Number arcs by first use, stored in the direction of first use.
            let mut numbering: HashMap<usize, (u32, bool)> = HashMap::new();
            let mut order: Vec<(usize, bool)> = Vec::new();
            let mut refs: Vec<Vec<Vec<Vec<u32>>>> = Vec::new();
            for (_, polygons) in &kept {
                let mut f_refs = Vec::new();
                for polygon in polygons {
                    let mut p_refs = Vec::new();
                    for ring in polygon {
                        let mut r_refs = Vec::new();
                        for &r in ring.iter() {
                            let (i, reversed) = (arc_index(r), r < 0);
                            let (j, flipped) = *numbering.entry(i).or_insert_with(|| {
                                order.push((i, reversed));
                                ((order.len() - 1) as u32, reversed)
                            });
                            r_refs.push(j << 1 | u32::from(reversed != flipped));
                        }
                        p_refs.push(r_refs);
                    }
                    f_refs.push(p_refs);
                }
                refs.push(f_refs);
            }

            let mut out = Vec::new();
            out.extend_from_slice(&MAGIC);
            out.push(VERSION);
            out.push(q.decimals);
            put_varint(&mut out, q.step);
            put_len(&mut out, order.len())?;
            let mut cursor = [0i64; 2];
            for &(i, flipped) in &order {
                let mut points = arc(i);
                if flipped {
                    points.reverse();
                }
                put_len(&mut out, points.len())?;
                for p in points {
                    put_sint(&mut out, p[0] - cursor[0])?;
                    put_sint(&mut out, p[1] - cursor[1])?;
                    cursor = p;
                }
            }
            put_len(&mut out, kept.len())?;
            for ((f, _), f_refs) in kept.iter().zip(&refs) {
                put_str(&mut out, &f.id)?;
                put_str(&mut out, &f.name)?;
                put_len(&mut out, f_refs.len())?;
                for p_refs in f_refs {
                    put_len(&mut out, p_refs.len())?;
                    for r_refs in p_refs {
                        put_len(&mut out, r_refs.len())?;
                        for &r in r_refs {
                            put_varint(&mut out, r);
                        }
                    }
                }
            }
            Ok(out)
        }
    }

    impl SourceFeature {
        fn parse(g: &Value, arc_count: usize) -> Result<SourceFeature, String> {
            let id = match &g["id"] {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Null => String::new(),
                other => return Err(format!("bad id {other}")),
            };
            let name = g["properties"]["name"].as_str().unwrap_or("").to_owned();
            let rings = |v: &Value| -> Result<Vec<Vec<i64>>, String> {
                let rings = v
                    .as_array()
                    .ok_or_else(|| format!("feature {id:?}: bad arcs"))?;
                rings
                    .iter()
                    .map(|ring| {
                        let refs = ring.as_array().filter(|r| !r.is_empty());
                        let refs = refs.ok_or_else(|| format!("feature {id:?}: bad ring"))?;
                        refs.iter()
                            .map(|r| match r.as_i64() {
                                Some(r) if arc_index(r) < arc_count => Ok(r),
                                _ => Err(format!("feature {id:?}: bad arc reference {r}")),
                            })
                            .collect()
                    })
                    .collect()
            };
            let polygons = match g["type"].as_str() {
                None => Vec::new(),
                Some("Polygon") => vec![rings(&g["arcs"])?],
                Some("MultiPolygon") => g["arcs"]
                    .as_array()
                    .ok_or_else(|| format!("feature {id:?}: bad arcs"))?
                    .iter()
                    .map(rings)
                    .collect::<Result<_, _>>()?,
                Some(t) => return Err(format!("feature {id:?}: unsupported geometry type {t}")),
            };
            let polygons = polygons
                .into_iter()
                .filter(|p: &Vec<Vec<i64>>| !p.is_empty())
                .collect();
            Ok(SourceFeature { id, name, polygons })
        }
    }

    /// Twice the signed area of a ring (closed implicitly).
    fn area2(ring: &[[i64; 2]]) -> i128 {
        let Some(&o) = ring.first() else { return 0 };
        ring.iter()
            .zip(ring.iter().skip(1).chain([&o]))
            .map(|(p, q)| i128::from(p[0]) * i128::from(q[1]) - i128::from(q[0]) * i128::from(p[1]))
            .sum()
    }

    /// Douglas–Peucker, keeping both ends; `tolerance` in grid units.
    fn simplify(points: &[[i64; 2]], tolerance: f64) -> Vec<[i64; 2]> {
        let n = points.len();
        if n <= 2 || tolerance <= 0.0 {
            return points.to_vec();
        }
        let mut keep = vec![false; n];
        keep[0] = true;
        keep[n - 1] = true;
        let mut stack = vec![(0, n - 1)];
        while let Some((a, b)) = stack.pop() {
            let (pa, pb) = (points[a], points[b]);
            let mut farthest = (0.0, a);
            for (i, p) in points.iter().enumerate().take(b).skip(a + 1) {
                let d = distance(*p, pa, pb);
                if d > farthest.0 {
                    farthest = (d, i);
                }
            }
            if farthest.0 > tolerance {
                keep[farthest.1] = true;
                stack.push((a, farthest.1));
                stack.push((farthest.1, b));
            }
        }
        points
            .iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(p, _)| *p)
            .collect()
    }

    /// Distance from `p` to the segment `a`–`b` (to `a` if they coincide).
    fn distance(p: [i64; 2], a: [i64; 2], b: [i64; 2]) -> f64 {
        let (px, py) = ((p[0] - a[0]) as f64, (p[1] - a[1]) as f64);
        let (bx, by) = ((b[0] - a[0]) as f64, (b[1] - a[1]) as f64);
        let len2 = bx * bx + by * by;
        let t = if len2 == 0.0 {
            0.0
        } else {
            ((px * bx + py * by) / len2).clamp(0.0, 1.0)
        };
        ((px - t * bx).powi(2) + (py - t * by).powi(2)).sqrt()
    }

    fn put_varint(out: &mut Vec<u8>, mut v: u32) {
        while v >= 0x80 {
            out.push((v as u8 & 0x7F) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    fn put_len(out: &mut Vec<u8>, n: usize) -> Result<(), String> {
        put_varint(
            out,
            u32::try_from(n).map_err(|_| format!("count {n} too large"))?,
        );
        Ok(())
    }

    fn put_sint(out: &mut Vec<u8>, v: i64) -> Result<(), String> {
        let v = i32::try_from(v).map_err(|_| format!("coordinate delta {v} too large"))?;
        put_varint(out, ((v << 1) ^ (v >> 31)) as u32);
        Ok(())
    }

    fn put_str(out: &mut Vec<u8>, s: &str) -> Result<(), String> {
        put_len(out, s.len())?;
        out.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `mini.topo.json` encoded with 0.1-unit grid, no simplification, keeping ids "01".."03".
    const MINI_BIN: &[u8] = include_bytes!("../tests/fixtures/mini.bin");

    /// A tiny writer for hand-made files.
    fn varint(out: &mut Vec<u8>, mut v: u32) {
        while v >= 0x80 {
            out.push((v as u8 & 0x7F) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    fn zigzag(v: i32) -> u32 {
        ((v << 1) ^ (v >> 31)) as u32
    }

    /// Header (0.1 units), one arc: a unit triangle at (1, 1); one feature "x" with one
    /// polygon of one ring of the given refs.
    fn hand_made(refs: &[u32]) -> Vec<u8> {
        let mut b = b"SXG\x01\x01\x01".to_vec();
        varint(&mut b, 1); // arcs
        varint(&mut b, 4);
        for (dx, dy) in [(10, 10), (10, 0), (-10, 10), (0, -10)] {
            varint(&mut b, zigzag(dx));
            varint(&mut b, zigzag(dy));
        }
        varint(&mut b, 1); // features
        b.extend_from_slice(b"\x01x\x00"); // id "x", name ""
        varint(&mut b, 1);
        varint(&mut b, 1);
        varint(&mut b, refs.len() as u32);
        for &r in refs {
            varint(&mut b, r);
        }
        b
    }

    fn kind(bytes: &[u8]) -> ErrorKind {
        decode(bytes).expect_err("should be rejected").kind
    }

    #[test]
    fn geometry_decodes_mini_fixture_as_computed_by_hand() {
        let layer = decode(MINI_BIN).unwrap();
        let ids: Vec<&str> = layer.features.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["01", "02", "03"]);
        let a = &layer.features[0];
        assert_eq!(a.name, "Alpha");
        // Arc 1 (11,22)→(10,22)→(10,20)→(11,20), then the shared arc 0 up to (11,22).
        assert_eq!(a.path, "M11 22l-1 0 0-2 1 0z");
        assert_eq!(a.bbox, [10.0, 20.0, 11.0, 22.0]);
        assert_eq!(a.label, [10.5, 21.0]);
        let b = &layer.features[1];
        // Arc 2 (11,20)→(12,20)→(12,22)→(11,22), then the shared arc reversed back to (11,20).
        assert_eq!(b.path, "M11 20l1 0 0 2-1 0z");
        assert_eq!(b.bbox, [11.0, 20.0, 12.0, 22.0]);
        assert_eq!(b.label, [11.5, 21.0]);
        let c = &layer.features[2];
        assert_eq!(c.name, "Doña Ana");
        assert_eq!(
            c.path,
            "M13 20l2 0 0 4-2 0zM13.5 21l0 2 1 0 0-2zM16 20l.5 0-.5 1z"
        );
        assert_eq!(c.bbox, [13.0, 20.0, 16.5, 24.0]);
        // The outer square's centroid (14, 22) is in the hole: moved to the middle of the
        // first of the two equal spans of y = 22, [13, 13.5].
        assert_eq!(c.label, [13.25, 22.0]);
        assert_eq!(layer.bbox(), Some([10.0, 20.0, 16.5, 24.0]));
        assert_eq!(layer.get("02").map(|f| f.name.as_str()), Some("Beta"));
        assert!(layer.get("99").is_none());
    }

    #[test]
    fn geometry_mini_fixture_stores_shared_arc_once() {
        // Header, then 6 arcs (arc 6 belongs to the filtered-out feature).
        assert_eq!(&MINI_BIN[..7], b"SXG\x01\x01\x01\x06");
    }

    #[test]
    fn geometry_rejects_every_truncation() {
        for cut in 0..MINI_BIN.len() {
            assert_eq!(kind(&MINI_BIN[..cut]), ErrorKind::Truncated, "cut at {cut}");
        }
        assert!(decode(MINI_BIN).is_ok());
    }

    #[test]
    fn geometry_rejects_bad_header() {
        assert_eq!(kind(b"SVG\x01\x01\x01\x00\x00"), ErrorKind::BadMagic);
        assert_eq!(kind(b"{\"type\":\"Topology\"}"), ErrorKind::BadMagic);
        assert_eq!(
            kind(b"SXG\x02\x01\x01\x00\x00"),
            ErrorKind::UnsupportedVersion(2)
        );
        assert_eq!(kind(b"SXG\x01\x07\x01\x00\x00"), ErrorKind::BadDecimals(7));
        assert_eq!(kind(b"SXG\x01\x01\x00\x00\x00"), ErrorKind::BadStep);
        let empty = decode(b"SXG\x01\x01\x01\x00\x00").unwrap();
        assert_eq!(empty, Layer::default());
        assert_eq!(empty.bbox(), None);
    }

    #[test]
    fn geometry_hand_made_file_and_its_errors() {
        let ok = decode(&hand_made(&[0])).unwrap();
        assert_eq!(ok.features[0].path, "M1 1l1 0-1 1z");
        // Reversed.
        assert_eq!(
            decode(&hand_made(&[1])).unwrap().features[0].path,
            "M1 1l0 1 1-1z"
        );
        let bad = hand_made(&[4]);
        let err = decode(&bad).unwrap_err();
        assert_eq!(err.kind, ErrorKind::ArcOutOfRange { index: 2, count: 1 });
        assert_eq!(err.offset, bad.len() - 1);
        assert_eq!(
            err.to_string(),
            format!("arc 2 out of range (1 arcs) at byte {}", bad.len() - 1)
        );
        assert_eq!(kind(&hand_made(&[])), ErrorKind::EmptyRing);
        // The 4-point arc may be emitted 4 times, not 5.
        assert!(decode(&hand_made(&[0, 0, 0, 0])).is_ok());
        assert_eq!(kind(&hand_made(&[0, 0, 0, 0, 0])), ErrorKind::TooManyPoints);
        let mut trailing = hand_made(&[0]);
        trailing.push(0);
        let err = decode(&trailing).unwrap_err();
        assert_eq!(
            (err.kind, err.offset),
            (ErrorKind::TrailingBytes, trailing.len() - 1)
        );
        // Five-byte varints: u32::MAX is fine as a count (then truncated), more is not.
        assert_eq!(
            kind(b"SXG\x01\x01\x01\xff\xff\xff\xff\x0f"),
            ErrorKind::Truncated
        );
        assert_eq!(
            kind(b"SXG\x01\x01\x01\xff\xff\xff\xff\x1f"),
            ErrorKind::BadVarint
        );
        assert_eq!(
            kind(b"SXG\x01\x01\x01\x80\x80\x80\x80\x80\x00"),
            ErrorKind::BadVarint
        );
        // A zero-point arc; a bad string.
        assert_eq!(kind(b"SXG\x01\x01\x01\x01\x00"), ErrorKind::EmptyArc);
        assert_eq!(
            kind(b"SXG\x01\x01\x01\x00\x01\x01\xff\x00\x00"),
            ErrorKind::BadUtf8
        );
        assert_eq!(
            kind(b"SXG\x01\x01\x01\x00\x01\x00\x00\x01\x00"),
            ErrorKind::EmptyPolygon
        );
        // A huge step overflows the coordinates.
        let mut big = b"SXG\x01\x00\xff\xff\xff\xff\x0f\x01\x01".to_vec();
        varint(&mut big, u32::MAX - 1);
        varint(&mut big, 0);
        assert_eq!(kind(&big), ErrorKind::CoordinateOverflow);
    }

    #[test]
    fn geometry_survives_garbage() {
        // xorshift64*: deterministic pseudo-random bytes.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        let mut decoded = 0;
        for round in 0..20_000 {
            let mut bytes: Vec<u8> = if round % 2 == 0 {
                // Random bytes behind a valid header, mostly small ones (plausible counts and
                // deltas), so the decoder gets past the first few items.
                let mut b = b"SXG\x01\x01\x01".to_vec();
                let len = (next() % 64) as usize;
                b.extend((0..len).map(|_| match next() % 4 {
                    0 => next() as u8,
                    _ => (next() % 6) as u8,
                }));
                b
            } else {
                MINI_BIN.to_vec()
            };
            // Mutate a few bytes (of the fixture, or more garbage).
            for _ in 0..(next() % 4 + 1) {
                let i = (next() % bytes.len() as u64) as usize;
                bytes[i] = next() as u8;
            }
            if let Ok(layer) = decode(&bytes) {
                decoded += 1;
                for f in &layer.features {
                    assert!(f.path.len() <= 128 * bytes.len() + 64);
                }
            }
        }
        // Some inputs get all the way through (not just rejected at the header).
        assert!(decoded > 100, "only {decoded} decoded");
    }

    #[test]
    fn geometry_survives_every_single_byte_change() {
        for i in 0..MINI_BIN.len() {
            for b in 0..=255u8 {
                let mut bytes = MINI_BIN.to_vec();
                bytes[i] = b;
                let _ = decode(&bytes);
            }
        }
    }

    #[test]
    fn geometry_formats_numbers_compactly() {
        let cases = [
            (0, 0, false, "0"),
            (5, 0, true, " 5"),
            (-5, 0, true, "-5"),
            (5, 1, false, ".5"),
            (-5, 1, true, "-.5"),
            (120, 1, true, " 12"),
            (1205, 2, false, "12.05"),
            (-1250, 3, false, "-1.25"),
            (97_512, 2, false, "975.12"),
            (i64::MIN, 6, false, "-9223372036854.775808"),
        ];
        for (value, decimals, separate, expected) in cases {
            let mut s = String::new();
            push_number(&mut s, value, decimals, separate);
            assert_eq!(s, expected, "{value} with {decimals} decimals");
        }
    }

    #[cfg(feature = "build")]
    mod encoder {
        use super::*;

        const MINI_JSON: &str = include_str!("../tests/fixtures/mini.topo.json");

        fn tenths() -> Quantization {
            Quantization {
                decimals: 1,
                step: 1,
                tolerance: 0.0,
            }
        }

        #[test]
        fn geometry_encoder_matches_committed_fixture() {
            let bin = encode_topojson(MINI_JSON, "shapes", |id| id != "99", tenths()).unwrap();
            if std::env::var_os("UPDATE_FIXTURES").is_some() {
                let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.bin");
                std::fs::write(path, &bin).unwrap();
            }
            assert_eq!(
                bin, MINI_BIN,
                "rerun with UPDATE_FIXTURES=1 to rewrite mini.bin"
            );
        }

        #[test]
        fn geometry_encoder_filters_and_reports() {
            let topo = Topology::parse(MINI_JSON).unwrap();
            assert_eq!(topo.ids("shapes").unwrap(), ["03", "02", "99", "01"]);
            assert_eq!(
                topo.bbox("shapes", |id| id < "03").unwrap(),
                Some([10.0, 20.0, 12.0, 22.0])
            );
            let only_b =
                decode(&topo.encode("shapes", |id| id == "02", tenths()).unwrap()).unwrap();
            assert_eq!(only_b.features.len(), 1);
            assert_eq!(only_b.features[0].path, "M11 20l1 0 0 2-1 0z");
            let all = decode(&topo.encode("shapes", |_| true, tenths()).unwrap()).unwrap();
            assert_eq!(all.get("99").unwrap().path, "M17.5 20l.5 0 0 1z");
            assert!(topo
                .encode("nope", |_| true, tenths())
                .unwrap_err()
                .contains("shapes"));
            assert!(encode_topojson("{}", "shapes", |_| true, tenths()).is_err());

            // Without names: the same shapes, every name empty, fewer bytes.
            let mut nameless = Topology::parse(MINI_JSON).unwrap();
            nameless.forget_names("shapes").unwrap();
            let bin = nameless.encode("shapes", |_| true, tenths()).unwrap();
            let named = topo.encode("shapes", |_| true, tenths()).unwrap();
            assert!(bin.len() < named.len());
            let back = decode(&bin).unwrap();
            assert!(back.features.iter().all(|f| f.name.is_empty()));
            let paths = |l: &Layer| {
                l.features
                    .iter()
                    .map(|f| f.path.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(paths(&back), paths(&all));
            assert!(nameless.forget_names("nope").is_err());
            let bad_ref = MINI_JSON.replace("[[6]]", "[[7]]");
            assert!(Topology::parse(&bad_ref)
                .unwrap_err()
                .contains("bad arc reference 7"));
        }

        #[test]
        fn geometry_encoder_coarse_grid_drops_collapsed_rings() {
            // On a 2-unit grid the hole (x 13.5..14.5) and the triangle (x 16..16.5) become
            // vertical lines and are dropped; the outer square (13..15 → 14..16) stays.
            let q = Quantization {
                decimals: 0,
                step: 2,
                tolerance: 0.0,
            };
            let layer =
                decode(&encode_topojson(MINI_JSON, "shapes", |id| id == "03", q).unwrap()).unwrap();
            assert_eq!(layer.features[0].path, "M14 20l2 0 0 4-2 0z");
            // On a 5-unit grid everything collapses; the feature keeps its exteriors, flat.
            let q = Quantization {
                decimals: 0,
                step: 5,
                tolerance: 0.0,
            };
            let layer =
                decode(&encode_topojson(MINI_JSON, "shapes", |id| id == "03", q).unwrap()).unwrap();
            assert_eq!(layer.features[0].path, "M15 20l0 5zM15 20z");
            assert_eq!(layer.bbox(), Some([15.0, 20.0, 15.0, 25.0]));
        }

        #[test]
        fn geometry_encoder_simplifies_within_tolerance() {
            let json = r#"{"type":"Topology","objects":{"o":{"type":"Polygon","id":"a",
                "arcs":[[0]]}},"arcs":[[[0,0],[1,0.1],[2,0],[3,0.5],[4,0],[4,4],[0,4],[0,0]]]}"#;
            let q = Quantization {
                decimals: 1,
                step: 1,
                tolerance: 2.0,
            };
            let layer = decode(&encode_topojson(json, "o", |_| true, q).unwrap()).unwrap();
            // (1, 0.1) is 1 step off the line (0,0)–(2,0): dropped; (3, 0.5) is 5 steps off.
            assert_eq!(layer.features[0].path, "M0 0l2 0 1 .5 1-.5 0 4-4 0z");
        }

        #[test]
        fn geometry_quantization_picks_1_2_5_steps() {
            let pick = |max| {
                let q = Quantization::at_most(max, 0.0);
                (q.decimals, q.step)
            };
            assert_eq!(pick(0.1), (1, 1));
            assert_eq!(pick(0.3), (1, 2));
            assert_eq!(pick(0.07), (2, 5));
            assert_eq!(pick(7.0), (0, 5));
            assert_eq!(pick(0.0), (6, 1));
            assert!((Quantization::at_most(0.05, 0.0).grid() - 0.05).abs() < 1e-12);
        }
    }
}
