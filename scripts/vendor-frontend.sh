#!/usr/bin/env bash
# Refreshes the vendored browser libraries of web-app from the npm registry, at the exact versions pinned in
# web-app/src/main/frontend/package.json (its "dependencies"), into web-app/src/main/resources/static/js/vendor/.
# Only this script needs npm: the copies are committed, so a machine with a JDK alone builds and runs the jar.
# Usage: scripts/vendor-frontend.sh        (then review `git diff --stat` and run DashboardPagesIT, DashboardBrowserIT)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
manifest="$root/web-app/src/main/frontend/package.json"
target="$root/web-app/src/main/resources/static/js/vendor"
command -v npm >/dev/null || { echo "npm is needed to refresh the vendored files" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$target"

# one line per file: package, version, path inside the package, name in the vendor folder
node -e '
  const m = require(process.argv[1]);
  for (const [pkg, files] of Object.entries(m.gridgov.vendor)) {
    const version = m.dependencies[pkg];
    if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(pkg + ": pin an exact version, not " + version);
    for (const [from, to] of Object.entries(files)) console.log([pkg, version, from, to].join(" "));
  }' "$manifest" > "$work/files"

while read -r pkg version from to; do
  if [ ! -d "$work/$pkg" ]; then
    tarball="$(cd "$work" && npm pack --silent "$pkg@$version")"
    mkdir -p "$work/$pkg"
    tar -xzf "$work/$tarball" -C "$work/$pkg"
  fi
  cp "$work/$pkg/package/$from" "$target/$to"
  echo "$pkg@$version $from -> static/js/vendor/$to"
done < "$work/files"
