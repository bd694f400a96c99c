#!/usr/bin/env bash
# Rebuild the web map's offline basemap, src/eventcoder/server/static/countries-110m.geojson: the country outlines
# of Natural Earth 1:110m (public domain) as npm's world-atlas package ships them (TopoJSON), converted to GeoJSON
# with topojson-client, coordinates rounded to 0.01 degree (about 1 km; the file stays small). Rings that cross the
# antimeridian (Russia, Fiji) are unwrapped so that a flat map draws no line across the world; Antarctica is left out.
# Needs node and npm with the npm registry reachable; run once and commit the result.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/src/eventcoder/server/static/countries-110m.geojson"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
mkdir wa tc
tar xzf world-atlas-2.0.2.tgz -C wa
tar xzf topojson-client-3.1.0.tgz -C tc
node - "$tmp/wa/package/countries-110m.json" "$tmp/tc/package/dist/topojson-client.js" "$out" <<'JS'
const fs = require("fs");
const [topoPath, clientPath, outPath] = process.argv.slice(2);
const topojson = require(clientPath);
const topo = JSON.parse(fs.readFileSync(topoPath, "utf8"));
const fc = topojson.feature(topo, topo.objects.countries);
const r2 = (x) => Math.round(x * 100) / 100;
// a ring continuous in longitude: a jump of more than 180 degrees between two points is a crossing of the
// antimeridian, so the rest of the ring is shifted by 360 degrees (a flat map then draws it whole, past 180)
const unwrap = (ring) => {
  let shift = 0;
  return ring.map((p, i) => {
    const d = i > 0 ? p[0] - ring[i - 1][0] : 0;
    if (d > 180) shift -= 360; else if (d < -180) shift += 360;
    return [r2(p[0] + shift), r2(p[1])];
  });
};
const rings = (g) => g.type === "Polygon" ? g.coordinates.map(unwrap) : g.coordinates.map((poly) => poly.map(unwrap));
const features = fc.features.filter((f) => f.properties.name !== "Antarctica").map((f) => ({
  type: "Feature", id: f.id || null, properties: { name: f.properties.name },
  geometry: f.geometry && { type: f.geometry.type, coordinates: rings(f.geometry) },
}));
fs.writeFileSync(outPath, JSON.stringify({ type: "FeatureCollection",
  source: "Natural Earth 1:110m admin 0 countries (public domain), via world-atlas 2.0.2", features }) + "\n");
console.log(`${features.length} countries written to ${outPath}`);
JS
