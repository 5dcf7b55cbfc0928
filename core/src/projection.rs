//! The Albers USA composite projection, a port of d3-geo 3.x's `geoAlbersUsa`.
//!
//! The map geometry comes from us-atlas 3.0.1's `*-albers-10m.json` files, which were projected
//! with `d3.geoAlbersUsa().scale(1300).translate([487.5, 305])` into a 975×610 view
//! ([`AlbersUsa::us_atlas`]). To place anything else on that map (a marker at a city, say) we
//! need the very same projection, so this module reproduces d3's arithmetic step by step:
//!
//! - Three conic equal-area sub-projections: the lower 48 (parallels 29.5°/45.5°, rotated 96°,
//!   centred on (-0.6°, 38.7°)), Alaska (parallels 55°/65°, rotated 154°, centred on (-2°, 58.5°),
//!   at 0.35 × the scale) and Hawaii (parallels 8°/18°, rotated 157°, centred on (-3°, 19.9°)).
//! - Each is translated to its inset and clipped to a rectangle of the view, defined in units of
//!   the scale around the translate point.
//! - A point is projected by the lower 48, then Alaska, then Hawaii; the first whose clip
//!   rectangle contains the projected point wins. If none does, the result is `None` (d3 returns
//!   `null`). The rectangles are in *projected* space, so some points outside the United States
//!   do project (Toronto and Vancouver fall in the lower 48's rectangle, Whitehorse in Alaska's),
//!   while Puerto Rico, Mexico City or the open Pacific do not, exactly as in d3.
//!
//! The tests compare against reference values written by `xtask/scripts/albers-fixture.mjs`
//! (d3-geo itself) into `core/tests/fixtures/albers_usa.json`; the differences are at the level
//! of floating-point rounding (~1e-12 px).
//!
//! Pure `std`, no allocation; works the same natively and on wasm32.

use std::f64::consts::PI;

/// d3-geo's `epsilon`, used to shrink the Alaska and Hawaii clip rectangles.
const EPSILON: f64 = 1e-6;
const TAU: f64 = PI * 2.0;
const RADIANS: f64 = PI / 180.0;
const DEGREES: f64 = 180.0 / PI;

/// Scale of the projection us-atlas 3.0.1 used for its `*-albers-10m.json` files.
pub const US_ATLAS_SCALE: f64 = 1300.0;
/// Translate of the projection us-atlas 3.0.1 used (the centre of its view).
pub const US_ATLAS_TRANSLATE: (f64, f64) = (487.5, 305.0);
/// Width of us-atlas's view (`viewBox="0 0 975 610"`).
pub const US_ATLAS_WIDTH: f64 = 975.0;
/// Height of us-atlas's view.
pub const US_ATLAS_HEIGHT: f64 = 610.0;

/// The Albers USA composite projection, as d3-geo's `geoAlbersUsa().scale(s).translate(t)`.
///
/// ```
/// use sanctuary_core::projection::AlbersUsa;
///
/// let albers = AlbersUsa::us_atlas();
/// let (x, y) = albers.project(-118.2437, 34.0522).unwrap(); // Los Angeles
/// assert!((x - 86.812).abs() < 0.001 && (y - 363.119).abs() < 0.001);
/// assert_eq!(albers.project(-66.1057, 18.4655), None); // San Juan: outside all three insets
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlbersUsa {
    scale: f64,
    translate: (f64, f64),
    lower48: Conic,
    alaska: Conic,
    hawaii: Conic,
}

impl AlbersUsa {
    /// The projection with the given scale and translate (pixel position of the lower 48's
    /// centre), like `d3.geoAlbersUsa().scale(scale).translate(translate)`. d3's own default is
    /// `new(1070.0, (480.0, 250.0))`, for a 960×500 view.
    pub fn new(scale: f64, translate: (f64, f64)) -> Self {
        // albersUsa.scale(k): lower48.scale(k), alaska.scale(k * 0.35), hawaii.scale(k), then
        // albersUsa.translate([x, y]) sets each translate and clip extent as below.
        let k = scale;
        let (x, y) = translate;
        let lower48 = Conic::new(
            (29.5, 45.5),
            96.0,
            (-0.6, 38.7),
            k,
            (x, y),
            Rect {
                x0: x - 0.455 * k,
                y0: y - 0.238 * k,
                x1: x + 0.455 * k,
                y1: y + 0.238 * k,
            },
        );
        let alaska = Conic::new(
            (55.0, 65.0),
            154.0,
            (-2.0, 58.5),
            k * 0.35,
            (x - 0.307 * k, y + 0.201 * k),
            Rect {
                x0: x - 0.425 * k + EPSILON,
                y0: y + 0.120 * k + EPSILON,
                x1: x - 0.214 * k - EPSILON,
                y1: y + 0.234 * k - EPSILON,
            },
        );
        let hawaii = Conic::new(
            (8.0, 18.0),
            157.0,
            (-3.0, 19.9),
            k,
            (x - 0.205 * k, y + 0.212 * k),
            Rect {
                x0: x - 0.214 * k + EPSILON,
                y0: y + 0.166 * k + EPSILON,
                x1: x - 0.115 * k - EPSILON,
                y1: y + 0.234 * k - EPSILON,
            },
        );
        AlbersUsa {
            scale,
            translate,
            lower48,
            alaska,
            hawaii,
        }
    }

    /// The projection us-atlas 3.0.1 used: scale 1300, translate (487.5, 305), for a 975×610
    /// view ([`US_ATLAS_WIDTH`] × [`US_ATLAS_HEIGHT`]).
    pub fn us_atlas() -> Self {
        Self::new(US_ATLAS_SCALE, US_ATLAS_TRANSLATE)
    }

    /// The scale given to [`AlbersUsa::new`] (the lower 48's; Alaska uses 0.35 × this).
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// The translate given to [`AlbersUsa::new`].
    pub fn translate(&self) -> (f64, f64) {
        self.translate
    }

    /// Projects a longitude and latitude (degrees) to view coordinates (pixels, y down).
    ///
    /// `None` where d3 returns `null`: the point falls outside the clip rectangles of all three
    /// sub-projections (or is not finite). Longitudes outside [-180°, 180°] are accepted and
    /// wrapped as d3 does.
    pub fn project(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let lambda = lon * RADIANS;
        let phi = lat * RADIANS;
        self.lower48
            .project_clipped(lambda, phi)
            .or_else(|| self.alaska.project_clipped(lambda, phi))
            .or_else(|| self.hawaii.project_clipped(lambda, phi))
    }

    /// The inverse, as d3's `albersUsa.invert`: view coordinates (pixels) to (longitude,
    /// latitude) in degrees.
    ///
    /// Like d3, this picks the sub-projection by which inset rectangle the pixel lies in
    /// (Alaska's, Hawaii's, else the lower 48) and never fails: any finite pixel maps to some
    /// point on the globe, even one over the ocean or outside every inset. To know whether the
    /// pixel is really on the map, project the result back and compare.
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        let k = self.scale;
        let (tx, ty) = self.translate;
        let u = (x - tx) / k;
        let v = (y - ty) / k;
        let sub = if (0.120..0.234).contains(&v) && (-0.425..-0.214).contains(&u) {
            &self.alaska
        } else if (0.166..0.234).contains(&v) && (-0.214..-0.115).contains(&u) {
            &self.hawaii
        } else {
            &self.lower48
        };
        sub.invert(x, y)
    }
}

/// A clip rectangle in view coordinates; d3's `clipExtent`, whose point test is inclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn contains(&self, x: f64, y: f64) -> bool {
        self.x0 <= x && x <= self.x1 && self.y0 <= y && y <= self.y1
    }
}

/// One conic equal-area sub-projection (d3's `geoConicEqualArea()` with parallels, a
/// longitude rotation, a centre, scale, translate and clip extent), with its derived constants.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Conic {
    /// Raw projection constants (`conicEqualAreaRaw`).
    n: f64,
    c: f64,
    r0: f64,
    /// Longitude rotation in radians (`rotate([delta, 0])`).
    delta_lambda: f64,
    /// `scaleTranslate(k, dx, dy, 1, 1)`.
    k: f64,
    dx: f64,
    dy: f64,
    clip: Rect,
}

impl Conic {
    /// `parallels`, `rotate` and `center` in degrees, as passed to d3.
    fn new(
        parallels: (f64, f64),
        rotate: f64,
        center: (f64, f64),
        k: f64,
        translate: (f64, f64),
        clip: Rect,
    ) -> Self {
        // conicEqualAreaRaw(y0, y1). (d3 falls back to a cylindrical projection when the
        // parallels are symmetric about the equator; none of ours are.)
        let sy0 = (parallels.0 * RADIANS).sin();
        let n = (sy0 + (parallels.1 * RADIANS).sin()) / 2.0;
        let c = 1.0 + sy0 * (2.0 * n - sy0);
        let r0 = c.sqrt() / n;
        // projection.rotate([r, 0]): `_[0] % 360 * radians`, then rotateRadians' `%= tau`.
        let delta_lambda = (rotate % 360.0 * RADIANS) % TAU;
        let mut conic = Conic {
            n,
            c,
            r0,
            delta_lambda,
            k,
            dx: 0.0,
            dy: 0.0,
            clip,
        };
        // recenter(): the centre (not rotated) is projected, scaled, and moved to `translate`.
        let lambda = center.0 % 360.0 * RADIANS;
        let phi = center.1 % 360.0 * RADIANS;
        let (px, py) = conic.raw(lambda, phi);
        let (cx, cy) = (k * px, -k * py);
        conic.dx = translate.0 - cx;
        conic.dy = translate.1 - cy;
        conic
    }

    /// `conicEqualAreaRaw` forward, in radians.
    fn raw(&self, lambda: f64, phi: f64) -> (f64, f64) {
        let r = (self.c - 2.0 * self.n * phi.sin()).sqrt() / self.n;
        let x = lambda * self.n;
        (r * x.sin(), self.r0 - r * x.cos())
    }

    /// `conicEqualAreaRaw.invert`, in radians.
    fn raw_invert(&self, x: f64, y: f64) -> (f64, f64) {
        let r0y = self.r0 - y;
        let mut l = x.atan2(r0y.abs()) * js_sign(r0y);
        if r0y * self.n < 0.0 {
            l -= PI * js_sign(x) * js_sign(r0y);
        }
        let n = self.n;
        (
            l / n,
            d3_asin((self.c - (x * x + r0y * r0y) * n * n) / (2.0 * n)),
        )
    }

    /// The point stream d3's albersUsa uses for this sub-projection: rotate, project, scale and
    /// translate, then keep the point only if it lies in the clip rectangle.
    fn project_clipped(&self, lambda: f64, phi: f64) -> Option<(f64, f64)> {
        let lambda = rotate_lambda(lambda, self.delta_lambda);
        let (px, py) = self.raw(lambda, phi);
        let x = self.dx + self.k * px;
        let y = self.dy - self.k * py;
        self.clip.contains(x, y).then_some((x, y))
    }

    /// `projection.invert` (no clipping): pixels to degrees.
    fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        let (px, py) = ((x - self.dx) / self.k, (self.dy - y) / self.k);
        let (lambda, phi) = self.raw_invert(px, py);
        let lambda = rotate_lambda(lambda, -self.delta_lambda);
        (lambda * DEGREES, phi * DEGREES)
    }
}

/// d3's `forwardRotationLambda`: add the rotation and wrap back into [-π, π].
fn rotate_lambda(lambda: f64, delta: f64) -> f64 {
    let mut lambda = lambda + delta;
    if lambda.abs() > PI {
        lambda -= js_round(lambda / TAU) * TAU;
    }
    lambda
}

/// JavaScript's `Math.round`: halves round towards +∞ (Rust's `round` goes away from zero).
fn js_round(x: f64) -> f64 {
    let r = x.round();
    if x - r == 0.5 {
        r + 1.0
    } else {
        r
    }
}

/// JavaScript's `Math.sign`: ±1, or the argument itself for ±0 and NaN.
fn js_sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        x
    }
}

/// d3's `asin`, clamped to ±π/2 outside [-1, 1].
fn d3_asin(x: f64) -> f64 {
    if x > 1.0 {
        PI / 2.0
    } else if x < -1.0 {
        -PI / 2.0
    } else {
        x.asin()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const FIXTURE: &str = include_str!("../tests/fixtures/albers_usa.json");

    fn configs() -> Vec<Value> {
        let fixture: Value = serde_json::from_str(FIXTURE).expect("fixture is JSON");
        let configs = fixture["configs"].as_array().expect("configs").clone();
        assert!(!configs.is_empty());
        configs
    }

    fn projection_of(config: &Value) -> AlbersUsa {
        let scale = config["scale"].as_f64().unwrap();
        let t = config["translate"].as_array().unwrap();
        AlbersUsa::new(scale, (t[0].as_f64().unwrap(), t[1].as_f64().unwrap()))
    }

    fn pair(v: &Value) -> Option<(f64, f64)> {
        let a = v.as_array()?;
        Some((a[0].as_f64().unwrap(), a[1].as_f64().unwrap()))
    }

    #[test]
    fn fixture_matches_d3_forward() {
        let mut max_err: f64 = 0.0;
        let (mut some, mut none) = (0, 0);
        for config in configs() {
            let albers = projection_of(&config);
            let label = config["label"].as_str().unwrap();
            for p in config["forward"].as_array().unwrap() {
                let name = p["name"].as_str().unwrap();
                let lon = p["lon"].as_f64().unwrap();
                let lat = p["lat"].as_f64().unwrap();
                let got = albers.project(lon, lat);
                match (pair(&p["xy"]), got) {
                    (None, None) => none += 1,
                    (Some((ex, ey)), Some((x, y))) => {
                        let err = (x - ex).hypot(y - ey);
                        assert!(
                            err <= 0.5,
                            "{label}: {name} ({lon}, {lat}): got ({x}, {y}), d3 ({ex}, {ey})"
                        );
                        max_err = max_err.max(err);
                        some += 1;
                    }
                    (expected, got) => {
                        panic!("{label}: {name} ({lon}, {lat}): got {got:?}, d3 {expected:?}")
                    }
                }
            }
        }
        eprintln!("albers usa forward: {some} points, {none} nulls, max error {max_err:e} px");
        assert!(
            some > 400 && none > 200,
            "fixture too small: {some} / {none}"
        );
        // The port does d3's arithmetic in d3's order; only libm rounding may differ.
        assert!(max_err < 1e-6, "max error {max_err} px");
    }

    #[test]
    fn fixture_matches_d3_inverse() {
        let mut max_err: f64 = 0.0;
        let mut count = 0;
        for config in configs() {
            let albers = projection_of(&config);
            let label = config["label"].as_str().unwrap();
            for p in config["inverse"].as_array().unwrap() {
                let name = p["name"].as_str().unwrap();
                let (x, y) = pair(&p["xy"]).unwrap();
                let (elon, elat) = pair(&p["lonlat"]).unwrap();
                let (lon, lat) = albers.invert(x, y);
                // Compare longitudes modulo 360° (±180° are the same meridian).
                let dlon = (lon - elon + 540.0).rem_euclid(360.0) - 180.0;
                let err = dlon.abs().max((lat - elat).abs());
                assert!(
                    err < 1e-6,
                    "{label}: {name} ({x}, {y}): got ({lon}, {lat}), d3 ({elon}, {elat})"
                );
                max_err = max_err.max(err);
                count += 1;
            }
        }
        eprintln!("albers usa inverse: {count} points, max error {max_err:e} degrees");
        assert!(count > 500);
    }

    #[test]
    fn cities_land_in_their_states_on_the_us_atlas_map() {
        // Bounding boxes of the states in us-atlas 3.0.1's states-albers-10m.json (computed
        // from the file's decoded coordinates, rounded outwards to 0.1 px).
        let albers = AlbersUsa::us_atlas();
        let cases = [
            (
                "Los Angeles",
                -118.2437,
                34.0522,
                (18.4, 159.9, 162.8, 407.2),
            ),
            (
                "San Francisco",
                -122.4194,
                37.7749,
                (18.4, 159.9, 162.8, 407.2),
            ),
            (
                "New York City",
                -74.006,
                40.7128,
                (767.5, 117.8, 903.1, 221.5),
            ),
            ("Denver", -104.9903, 39.7392, (264.6, 237.1, 395.4, 340.8)),
            ("Houston", -95.3698, 29.7604, (294.3, 350.7, 546.2, 597.7)),
            ("Miami", -80.1918, 25.7617, (660.2, 464.8, 824.0, 606.6)),
            ("Seattle", -122.3321, 47.6062, (62.9, 12.9, 183.6, 102.4)),
            (
                "Anchorage",
                -149.9003,
                61.2181,
                (-57.7, 465.0, 203.0, 604.2),
            ),
            ("Juneau", -134.4197, 58.3019, (-57.7, 465.0, 203.0, 604.2)),
            ("Honolulu", -157.8583, 21.3069, (216.2, 528.1, 332.1, 603.2)),
            ("Hilo", -155.09, 19.7241, (216.2, 528.1, 332.1, 603.2)),
        ];
        for (name, lon, lat, (x0, y0, x1, y1)) in cases {
            let (x, y) = albers
                .project(lon, lat)
                .unwrap_or_else(|| panic!("{name}: None"));
            assert!(
                (x0..=x1).contains(&x) && (y0..=y1).contains(&y),
                "{name} at ({x}, {y}) is outside ({x0}, {y0})–({x1}, {y1})"
            );
            // And everything in the lower 48 and the insets is inside the 975×610 view.
            assert!((0.0..=US_ATLAS_WIDTH).contains(&x) && (0.0..=US_ATLAS_HEIGHT).contains(&y));
        }
    }

    #[test]
    fn points_outside_every_inset_are_none() {
        let albers = AlbersUsa::us_atlas();
        for (name, lon, lat) in [
            ("San Juan", -66.1057, 18.4655),
            ("Mexico City", -99.1332, 19.4326),
            ("Havana", -82.3666, 23.1136),
            ("Mid North Pacific", -140.0, 30.0),
            ("London", -0.1276, 51.5072),
            ("North Pole", 0.0, 90.0),
        ] {
            assert_eq!(albers.project(lon, lat), None, "{name}");
        }
        assert_eq!(albers.project(f64::NAN, 40.0), None);
        assert_eq!(albers.project(-100.0, f64::NAN), None);
        assert_eq!(albers.project(f64::INFINITY, 40.0), None);
    }

    #[test]
    fn longitudes_wrap_like_d3() {
        let albers = AlbersUsa::us_atlas();
        for (lon, lat) in [
            (-118.2437, 34.0522),
            (-149.9003, 61.2181),
            (-157.8583, 21.3069),
        ] {
            let (x, y) = albers.project(lon, lat).unwrap();
            for turns in [-2.0, -1.0, 1.0, 2.0] {
                let (x2, y2) = albers.project(lon + 360.0 * turns, lat).unwrap();
                assert!((x - x2).abs() < 1e-9 && (y - y2).abs() < 1e-9);
            }
        }
        // Alaska's Near Islands, west of the antimeridian, are in the Alaska inset.
        let (x, y) = albers.project(173.1813, 52.9).unwrap();
        assert!(x < 0.0 && (465.0..610.0).contains(&y), "Attu at ({x}, {y})");
    }

    #[test]
    fn invert_round_trips() {
        let albers = AlbersUsa::us_atlas();
        for (lon, lat) in [
            (-118.2437, 34.0522),
            (-74.006, 40.7128),
            (-149.9003, 61.2181),
            (-147.7164, 64.8378),
            (-157.8583, 21.3069),
            (-155.09, 19.7241),
        ] {
            let (x, y) = albers.project(lon, lat).unwrap();
            let (lon2, lat2) = albers.invert(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
    }

    #[test]
    fn js_helpers_match_javascript() {
        assert_eq!(js_round(-0.5), 0.0);
        assert_eq!(js_round(0.5), 1.0);
        assert_eq!(js_round(-1.5), -1.0);
        assert_eq!(js_round(2.5), 3.0);
        assert_eq!(js_round(-2.6), -3.0);
        assert_eq!(js_sign(0.0), 0.0);
        assert_eq!(js_sign(-3.0), -1.0);
        assert_eq!(d3_asin(1.5), PI / 2.0);
    }
}
