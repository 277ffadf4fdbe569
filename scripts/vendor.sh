#!/usr/bin/env bash
# Refresh the vendored front-end assets under static/vendor/ from the npm registry.
# Pinned versions: change them here, run `make vendor`, commit the result.
set -euo pipefail
DKFDS_VERSION=11.2.0
PLOTLY_JS_VERSION=4.1.1   # must match plotly.offline.get_plotlyjs_version() of the Python package

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "dkfds@$DKFDS_VERSION" "plotly.js-strict-dist-min@$PLOTLY_JS_VERSION" >/dev/null
mkdir dkfds plotly
tar xzf "dkfds-$DKFDS_VERSION.tgz" -C dkfds --strip-components=1
tar xzf "plotly.js-strict-dist-min-$PLOTLY_JS_VERSION.tgz" -C plotly --strip-components=1

rm -rf "$dest/dkfds" "$dest/plotly"
mkdir -p "$dest/dkfds/css" "$dest/dkfds/js" "$dest/dkfds/fonts/IBMPlexSans/complete" "$dest/dkfds/img" "$dest/plotly"
cp dkfds/dist/css/dkfds.min.css "$dest/dkfds/css/"
cp dkfds/dist/js/dkfds.min.js "$dest/dkfds/js/"
cp -r dkfds/dist/img/svg-icons dkfds/dist/img/all-svg-icons.svg dkfds/dist/img/*.png "$dest/dkfds/img/"
# Only the font files that the stylesheet actually references.
for f in $(grep -o 'fonts/IBMPlexSans/complete/[a-z0-9]*/[A-Za-z0-9-]*\.[a-z0-9]*' dkfds/dist/css/dkfds.min.css | sort -u); do
  mkdir -p "$dest/dkfds/$(dirname "$f")"
  cp "dkfds/dist/$f" "$dest/dkfds/$f"
done
cp dkfds/dist/fonts/IBMPlexSans/complete/woff2/license.txt "$dest/dkfds/fonts/IBMPlexSans/LICENSE.txt"
cp dkfds/LICENSE.md "$dest/dkfds/LICENSE.md"
echo "dkfds@$DKFDS_VERSION" > "$dest/dkfds/VERSION"
cp plotly/plotly-strict.min.js plotly/LICENSE "$dest/plotly/"
echo "plotly.js-strict-dist-min@$PLOTLY_JS_VERSION" > "$dest/plotly/VERSION"
echo "vendored dkfds@$DKFDS_VERSION and plotly.js-strict-dist-min@$PLOTLY_JS_VERSION into $dest"
