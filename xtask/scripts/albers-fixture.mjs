// Writes core/tests/fixtures/albers_usa.json: reference values from d3-geo's geoAlbersUsa,
// used by the tests in core/src/projection.rs to check the Rust port against d3.
//
// Run from the workspace root:   node xtask/scripts/albers-fixture.mjs
//
// Deterministic: the random points come from a seeded PRNG (mulberry32), so re-running the
// script with the same d3-geo version rewrites the same file.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { geoAlbersUsa, geoAlbers, geoConicEqualArea } from "d3-geo";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = resolve(root, "core/tests/fixtures/albers_usa.json");
// d3-geo's "exports" map hides package.json, so read it from node_modules directly.
const d3GeoVersion = JSON.parse(
  readFileSync(resolve(root, "node_modules/d3-geo/package.json"), "utf8"),
).version;

// --- deterministic PRNG -------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(0x5a1c7e5);
// Rounded to 1e-6 degrees so the JSON stays readable; the value written is the value used.
const round6 = (v) => Math.round(v * 1e6) / 1e6;
const uniform = (lo, hi) => round6(lo + (hi - lo) * rand());

// --- input points -------------------------------------------------------------------------
const named = [
  // Lower 48
  ["Los Angeles", -118.2437, 34.0522],
  ["New York City", -74.006, 40.7128],
  ["Chicago", -87.6298, 41.8781],
  ["Houston", -95.3698, 29.7604],
  ["Miami", -80.1918, 25.7617],
  ["Seattle", -122.3321, 47.6062],
  ["Denver", -104.9903, 39.7392],
  ["Washington DC", -77.0369, 38.9072],
  ["Boston", -71.0589, 42.3601],
  ["San Diego", -117.1611, 32.7157],
  ["San Francisco", -122.4194, 37.7749],
  ["Key West", -81.78, 24.5551],
  ["Brownsville", -97.4975, 25.9017],
  ["Eastport ME", -66.9865, 44.9062],
  ["Cape Flattery", -124.7148, 48.3834],
  ["Northwest Angle", -95.1536, 49.3844],
  // Alaska
  ["Anchorage", -149.9003, 61.2181],
  ["Juneau", -134.4197, 58.3019],
  ["Fairbanks", -147.7164, 64.8378],
  ["Utqiagvik", -156.7886, 71.2906],
  ["Ketchikan", -131.6461, 55.3422],
  ["Nome", -165.4064, 64.5011],
  ["Adak", -176.6581, 51.88],
  ["Attu (east of antimeridian)", 173.1813, 52.9],
  // Hawaii
  ["Honolulu", -157.8583, 21.3069],
  ["Hilo", -155.09, 19.7241],
  ["Lihue", -159.3711, 21.9811],
  ["Ka Lae", -155.6813, 18.9108],
  ["Niihau", -160.1539, 21.9],
  // Outside all three regions (or at least expected to be: d3 decides)
  ["San Juan PR", -66.1057, 18.4655],
  ["Toronto", -79.3832, 43.6532],
  ["Montreal", -73.5673, 45.5017],
  ["Vancouver", -123.1207, 49.2827],
  ["Winnipeg", -97.1384, 49.8951],
  ["Mexico City", -99.1332, 19.4326],
  ["Monterrey", -100.3161, 25.6866],
  ["Havana", -82.3666, 23.1136],
  ["Whitehorse", -135.0568, 60.7212],
  ["Midway Atoll", -177.3735, 28.2072],
  ["Guam", 144.7937, 13.4443],
  ["Mid North Pacific", -140, 30],
  ["Mid North Atlantic", -40, 35],
  ["London", -0.1276, 51.5072],
  ["Tokyo", 139.6917, 35.6895],
  ["Sydney", 151.2093, -33.8688],
  ["Null Island", 0, 0],
  ["North Pole", 0, 90],
  ["South Pole", 0, -90],
  ["Antimeridian equator", 180, 0],
  ["Antimeridian equator (west)", -180, 0],
  // Longitudes outside [-180, 180]: d3 wraps after rotating, so these match their twins.
  ["Los Angeles +360", -118.2437 + 360, 34.0522],
  ["Anchorage -360", -149.9003 - 360, 61.2181],
  ["Honolulu +720", -157.8583 + 720, 21.3069],
];

const points = named.map(([name, lon, lat]) => ({ name, lon, lat }));

function randomBox(label, count, lon0, lon1, lat0, lat1) {
  for (let i = 0; i < count; i++) {
    points.push({ name: `${label} ${i}`, lon: uniform(lon0, lon1), lat: uniform(lat0, lat1) });
  }
}
// Box covering the lower 48, Alaska (east of the antimeridian) and Hawaii, plus ocean,
// Canada and Mexico.
randomBox("random", 200, -180, -60, 15, 72);
// Denser samples inside Alaska's and Hawaii's own boxes, and Alaska west of 180°.
randomBox("random alaska", 60, -180, -129, 51, 72);
randomBox("random aleutians west", 20, 170, 180, 50, 56);
randomBox("random hawaii", 40, -161, -154, 18.5, 22.5);

// Points 1e-3 px inside and outside each edge of each sub-projection's clip rectangle, found
// by inverting the sub-projection itself (built exactly as geoAlbersUsa builds it). 1e-3 px
// is far larger than any floating-point difference between d3 and the Rust port, so these
// test the clip decisions without being knife-edge cases.
function edgePoints(scale, [tx, ty]) {
  const k = scale;
  const eps = 1e-6;
  const subs = [
    {
      label: "lower48",
      proj: geoAlbers().scale(k).translate([tx, ty]),
      extent: [[tx - 0.455 * k, ty - 0.238 * k], [tx + 0.455 * k, ty + 0.238 * k]],
    },
    {
      label: "alaska",
      proj: geoConicEqualArea()
        .rotate([154, 0])
        .center([-2, 58.5])
        .parallels([55, 65])
        .scale(k * 0.35)
        .translate([tx - 0.307 * k, ty + 0.201 * k]),
      extent: [
        [tx - 0.425 * k + eps, ty + 0.12 * k + eps],
        [tx - 0.214 * k - eps, ty + 0.234 * k - eps],
      ],
    },
    {
      label: "hawaii",
      proj: geoConicEqualArea()
        .rotate([157, 0])
        .center([-3, 19.9])
        .parallels([8, 18])
        .scale(k)
        .translate([tx - 0.205 * k, ty + 0.212 * k]),
      extent: [
        [tx - 0.214 * k + eps, ty + 0.166 * k + eps],
        [tx - 0.115 * k - eps, ty + 0.234 * k - eps],
      ],
    },
  ];
  const d = 1e-3;
  const result = [];
  for (const { label, proj, extent } of subs) {
    const [[x0, y0], [x1, y1]] = extent;
    for (const t of [0.02, 0.3, 0.5, 0.77, 0.98]) {
      const xm = x0 + (x1 - x0) * t;
      const ym = y0 + (y1 - y0) * t;
      const probes = [
        ["left in", x0 + d, ym],
        ["left out", x0 - d, ym],
        ["right in", x1 - d, ym],
        ["right out", x1 + d, ym],
        ["top in", xm, y0 + d],
        ["top out", xm, y0 - d],
        ["bottom in", xm, y1 - d],
        ["bottom out", xm, y1 + d],
      ];
      for (const [side, px, py] of probes) {
        const ll = proj.invert([px, py]);
        if (!ll || !Number.isFinite(ll[0]) || !Number.isFinite(ll[1])) continue;
        // Skip points whose round trip through the sub-projection is not close (e.g. past
        // the pole): they would not be testing the edge they claim to.
        const back = proj(ll);
        if (!back || Math.hypot(back[0] - px, back[1] - py) > 1e-6) continue;
        result.push({ name: `edge ${label} ${side} t=${t}`, lon: ll[0], lat: ll[1] });
      }
    }
  }
  return result;
}

// --- reference values ---------------------------------------------------------------------
function config(label, scale, translate, width, height) {
  const projection = geoAlbersUsa().scale(scale).translate(translate);
  const all = points.concat(edgePoints(scale, translate));
  const forward = all.map(({ name, lon, lat }) => ({ name, lon, lat, xy: projection([lon, lat]) }));
  // Inverse: every projected point, plus a grid over the view (d3's invert never returns
  // null for geoAlbersUsa; it picks a sub-projection by pixel position).
  const inverse = [];
  for (const { name, xy } of forward) {
    if (xy) inverse.push({ name, xy, lonlat: projection.invert(xy) });
  }
  const step = 50;
  for (let y = 0; y <= height; y += step) {
    for (let x = 0; x <= width; x += step) {
      inverse.push({ name: `grid ${x},${y}`, xy: [x, y], lonlat: projection.invert([x, y]) });
    }
  }
  return { label, scale, translate, forward, inverse };
}

const configs = [
  config("us-atlas 3.0.1 (975x610)", 1300, [487.5, 305], 975, 610),
  config("d3 default (960x500)", 1070, [480, 250], 960, 500),
];

// --- write --------------------------------------------------------------------------------
const json = (v) => JSON.stringify(v);
let text = "{\n";
text += `  "generator": "xtask/scripts/albers-fixture.mjs",\n`;
text += `  "d3_geo_version": ${json(d3GeoVersion)},\n`;
text += `  "configs": [\n`;
text += configs
  .map((c) => {
    let s = "    {\n";
    s += `      "label": ${json(c.label)},\n`;
    s += `      "scale": ${json(c.scale)},\n`;
    s += `      "translate": ${json(c.translate)},\n`;
    s += `      "forward": [\n`;
    s += c.forward.map((p) => `        ${json(p)}`).join(",\n");
    s += `\n      ],\n`;
    s += `      "inverse": [\n`;
    s += c.inverse.map((p) => `        ${json(p)}`).join(",\n");
    s += `\n      ]\n`;
    s += "    }";
    return s;
  })
  .join(",\n");
text += `\n  ]\n}\n`;

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
const counts = configs.map(
  (c) => `${c.label}: ${c.forward.length} forward (${c.forward.filter((p) => p.xy === null).length} null), ${c.inverse.length} inverse`,
);
console.log(`wrote ${out}\n  ${counts.join("\n  ")}`);
