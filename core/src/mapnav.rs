//! The map's view and keyboard rules, pure so they test natively.
//!
//! - [`View`]: which map is shown (the nation, or one state's counties and cities) and what is
//!   selected; [`View::show`] is what "Show on the map" does for any jurisdiction id.
//! - [`nearest`]: the arrow keys move to the nearest place in that direction (by label points),
//!   so a keyboard user moves across the map as a mouse user would.
//! - [`fit`]: the SVG viewBox that frames a bounding box with a margin.

use crate::policy::{Dataset, Kind};

/// An arrow key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

impl Direction {
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            _ => None,
        }
    }
}

/// `v` with at most two decimals, for SVG attributes, without float formatting (which would
/// pull `core::fmt`'s float printing, some 20 KB, into the wasm).
pub fn fixed2(v: f32) -> String {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let a = hundredths.unsigned_abs();
    match a % 100 {
        0 => format!("{sign}{}", a / 100),
        f if f % 10 == 0 => format!("{sign}{}.{}", a / 100, f / 10),
        f => format!("{sign}{}.{:02}", a / 100, f),
    }
}

/// The index of the point nearest to `points[from]` in `dir`: among points within 60° either
/// side of the direction, the one with the smallest distance, off-axis distance counting double.
/// `None` when nothing lies that way.
pub fn nearest(points: &[[f32; 2]], from: usize, dir: Direction) -> Option<usize> {
    let [x0, y0] = *points.get(from)?;
    let mut best: Option<(f32, usize)> = None;
    for (i, &[x, y]) in points.iter().enumerate() {
        if i == from {
            continue;
        }
        let (dx, dy) = (x - x0, y - y0);
        // `along`: distance in the direction; `across`: distance off its axis (SVG y grows down).
        let (along, across) = match dir {
            Direction::Right => (dx, dy.abs()),
            Direction::Left => (-dx, dy.abs()),
            Direction::Down => (dy, dx.abs()),
            Direction::Up => (-dy, dx.abs()),
        };
        // Within 60 degrees of the axis: across <= along * tan(60°).
        if along <= 0.0 || across > along * 1.732 {
            continue;
        }
        let score = along + 2.0 * across;
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// A viewBox `[x, y, width, height]` framing `bbox` with `margin` (a fraction of its size),
/// widened or heightened to the `aspect` (width / height) of the frame it is shown in.
pub fn fit(bbox: [f32; 4], margin: f32, aspect: f32) -> [f32; 4] {
    let [x0, y0, x1, y1] = bbox;
    let (mut w, mut h) = ((x1 - x0).max(1.0), (y1 - y0).max(1.0));
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    w *= 1.0 + 2.0 * margin;
    h *= 1.0 + 2.0 * margin;
    if w / h < aspect {
        w = h * aspect;
    } else {
        h = w / aspect;
    }
    [cx - w / 2.0, cy - h / 2.0, w, h]
}

/// What the map shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The state (FIPS) whose counties and cities are shown; `None` for the national map.
    pub zoom: Option<String>,
    /// The selected jurisdiction, whose detail panel is open.
    pub selected: Option<String>,
}

impl View {
    /// Selects `id` and zooms to where it can be seen: a state on the national map, a county or
    /// city in its state's view. Unknown ids leave the view as it is and return false.
    pub fn show(&mut self, data: &Dataset, id: &str) -> bool {
        let Some(j) = data.jurisdiction(id) else {
            return false;
        };
        self.zoom = match j.kind {
            Kind::State => None,
            Kind::County | Kind::City => j.state_fips().map(str::to_owned),
        };
        self.selected = Some(id.to_owned());
        true
    }

    /// Selects a place on the map that is shown now (also counties not in the data).
    pub fn select(&mut self, id: &str) {
        self.selected = Some(id.to_owned());
    }

    /// Opens a state's counties view, keeping the state selected.
    pub fn zoom_into(&mut self, state: &str) {
        self.zoom = Some(state.to_owned());
        self.selected = Some(state.to_owned());
    }

    /// Escape: first closes the selection, then leaves the counties view (selecting the state
    /// it showed). Returns false when there was nothing to back out of.
    pub fn back(&mut self) -> bool {
        if let Some(state) = self.zoom.clone() {
            if self.selected.as_deref() != Some(state.as_str()) && self.selected.is_some() {
                self.selected = None;
            } else {
                self.zoom = None;
                self.selected = Some(state);
            }
            true
        } else {
            self.selected.take().is_some()
        }
    }

    /// Back to the national map.
    pub fn zoom_out(&mut self) {
        if let Some(state) = self.zoom.take() {
            self.selected = Some(state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A plus sign of points: centre, right, left, down (SVG y grows down), up, far right.
    const PTS: [[f32; 2]; 6] = [
        [0.0, 0.0],
        [10.0, 1.0],
        [-10.0, 0.0],
        [0.0, 10.0],
        [1.0, -10.0],
        [30.0, 0.0],
    ];

    #[test]
    fn arrows_go_to_the_nearest_point_that_way() {
        assert_eq!(nearest(&PTS, 0, Direction::Right), Some(1));
        assert_eq!(nearest(&PTS, 0, Direction::Left), Some(2));
        assert_eq!(nearest(&PTS, 0, Direction::Down), Some(3));
        assert_eq!(nearest(&PTS, 0, Direction::Up), Some(4));
        assert_eq!(nearest(&PTS, 1, Direction::Right), Some(5));
        assert_eq!(
            nearest(&PTS, 5, Direction::Right),
            None,
            "nothing further east"
        );
        assert_eq!(nearest(&PTS, 9, Direction::Right), None, "no such start");
    }

    #[test]
    fn fixed2_formats_like_a_person_would() {
        assert_eq!(fixed2(0.0), "0");
        assert_eq!(fixed2(975.0), "975");
        assert_eq!(fixed2(12.5), "12.5");
        assert_eq!(fixed2(-3.456), "-3.46");
        assert_eq!(fixed2(0.05), "0.05");
        assert_eq!(fixed2(-0.004), "0");
    }

    #[test]
    fn off_axis_points_count_less() {
        // Straight ahead at 20 beats 12 away at a steep angle.
        let pts = [[0.0, 0.0], [20.0, 0.0], [7.0, 9.0]];
        assert_eq!(nearest(&pts, 0, Direction::Right), Some(1));
    }

    #[test]
    fn fit_keeps_the_aspect_and_centre() {
        let [x, y, w, h] = fit([100.0, 100.0, 200.0, 150.0], 0.0, 2.0);
        assert_eq!((w, h), (100.0, 50.0));
        assert_eq!((x + w / 2.0, y + h / 2.0), (150.0, 125.0));
        let [_, _, w, h] = fit([0.0, 0.0, 10.0, 100.0], 0.1, 1.6);
        assert!(
            (h - 120.0).abs() < 1e-4 && (w - 192.0).abs() < 1e-3,
            "{w} {h}"
        );
    }

    fn data() -> Dataset {
        let text = r#"{"as_of":"2025-08-05","sources":[],"jurisdictions":[
          {"id":"06","kind":"state","name":"California","status":"unknown"},
          {"id":"06037","kind":"county","name":"Los Angeles County","status":"unknown"},
          {"id":"los-angeles-ca","kind":"city","name":"Los Angeles","state":"06","lon":-118.24,"lat":34.05,"status":"unknown"}]}"#;
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn show_zooms_to_where_the_place_is() {
        let d = data();
        let mut v = View::default();
        assert!(v.show(&d, "los-angeles-ca"));
        assert_eq!(
            (v.zoom.as_deref(), v.selected.as_deref()),
            (Some("06"), Some("los-angeles-ca"))
        );
        assert!(v.show(&d, "06"));
        assert_eq!(
            (v.zoom.as_deref(), v.selected.as_deref()),
            (None, Some("06"))
        );
        assert!(v.show(&d, "06037"));
        assert_eq!(v.zoom.as_deref(), Some("06"));
        assert!(!v.show(&d, "nowhere"));
        assert_eq!(
            v.selected.as_deref(),
            Some("06037"),
            "an unknown id changes nothing"
        );
    }

    #[test]
    fn escape_backs_out_one_step_at_a_time() {
        let mut v = View::default();
        v.zoom_into("06");
        v.select("06037");
        assert!(v.back());
        assert_eq!(
            (v.zoom.as_deref(), v.selected.as_deref()),
            (Some("06"), None)
        );
        assert!(v.back());
        assert_eq!(
            (v.zoom.as_deref(), v.selected.as_deref()),
            (None, Some("06"))
        );
        assert!(v.back());
        assert_eq!(v, View::default());
        assert!(!v.back());
    }
}
