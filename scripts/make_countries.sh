#!/usr/bin/env bash
# Rebuild the web map's offline basemap, src/eventcoder/server/static/countries-110m.geojson: the country outlines
# of Natural Earth 1:110m (public domain) as npm's world-atlas package ships them (TopoJSON), converted to GeoJSON
# with topojson-client, coordinates rounded to 0.01 degree (about 1 km; the file stays small).
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
const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
const features = fc.features.map((f) => ({
  type: "Feature", id: f.id || null, properties: { name: f.properties.name },
  geometry: f.geometry && { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
}));
fs.writeFileSync(outPath, JSON.stringify({ type: "FeatureCollection",
  source: "Natural Earth 1:110m admin 0 countries (public domain), via world-atlas 2.0.2", features }) + "\n");
console.log(`${features.length} countries written to ${outPath}`);
JS
