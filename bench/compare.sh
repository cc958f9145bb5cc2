#!/usr/bin/env bash
# Side-by-side: bulwark (release build) vs dockerfilelint (npm) on the whole shared Dockerfile corpus,
# every file given in one invocation, measured in the same run with hyperfine; peak memory with
# GNU time. Usage: bench/compare.sh [RUNS]   (needs: scripts/install-deps.sh, hyperfine, npm)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shared=${BULWARK_SHARED_DIR:-../shared}
corpus="$shared/corpus/dockerfiles"

# Peers and the timer come from Debian (hyperfine, npm) and the npm registry (dockerfilelint, pinned
# in bench/package-lock.json); none of them is part of the product.
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
for tool in hyperfine npm; do
  command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool"
done
[ -x bench/node_modules/.bin/dockerfilelint ] || (cd bench && npm ci --no-audit --no-fund >/dev/null)
cmake --preset release >/dev/null && cmake --build --preset release >/dev/null

list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$corpus" -type f | sort > "$list"
files=$(wc -l < "$list")
bytes=$(cat "$list" | tr '\n' '\0' | xargs -0 cat | wc -c)
rules=$(./build/release/bulwark rules --format json | grep -c '"id"')

bulwark1="mapfile -t F < $list; ./build/release/bulwark scan -j 1 --fail-on none --format json \"\${F[@]}\" >/dev/null; [ \$? -le 2 ]"
bulwarkN="mapfile -t F < $list; ./build/release/bulwark scan --fail-on none --format json \"\${F[@]}\" >/dev/null; [ \$? -le 2 ]"
peer="mapfile -t F < $list; bench/node_modules/.bin/dockerfilelint -o json \"\${F[@]}\" >/dev/null || true"

echo "corpus: $files files, $bytes bytes; bulwark rules: $rules; cores: $(nproc)"
hyperfine --shell bash --warmup 1 --runs "$runs" --export-json /tmp/bulwark-compare.json \
  -n "bulwark -j1" "$bulwark1" -n "bulwark -j$(nproc)" "$bulwarkN" -n "dockerfilelint 1.8.0" "$peer"

peak() { /usr/bin/time -f "%M" bash -c "$1" 2>&1 >/dev/null | tail -n 1; }
echo
echo "| tool | mean s | files/s | MB/s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|"
for i in 0 1 2; do
  name=$(python3 -c "import json;print(json.load(open('/tmp/bulwark-compare.json'))['results'][$i]['command'])")
  mean=$(python3 -c "import json;print(json.load(open('/tmp/bulwark-compare.json'))['results'][$i]['mean'])")
  case $i in 0) cmd=$bulwark1 ;; 1) cmd=$bulwarkN ;; 2) cmd=$peer ;; esac
  rss=$(peak "$cmd")
  python3 -c "m=$mean; print(f'| $name | {m:.3f} | {$files/m:.0f} | {$bytes/m/1e6:.1f} | {$rss/1024:.1f} |')"
done
