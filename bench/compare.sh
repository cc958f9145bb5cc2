#!/usr/bin/env bash
# Side-by-side: bulwark (release build) against peers on the shared corpora, every file given in one
# invocation, measured in the same run with hyperfine; peak memory with GNU time.
#   Dockerfiles (2,514): bulwark scan vs dockerfilelint
#   Compose files (861): bulwark scan --kind compose vs dclint
# Usage: bench/compare.sh [RUNS]   (needs scripts/install-deps.sh; installs hyperfine, npm, time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shared=${BULWARK_SHARED_DIR:-../shared}

# Peers and the timer come from Debian (hyperfine, npm, time) and the npm registry (dockerfilelint,
# dclint, pinned in bench/package-lock.json); none of them is part of the product.
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
for tool in hyperfine npm; do
  command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool"
done
[ -x bench/node_modules/.bin/dclint ] || (cd bench && npm ci --no-audit --no-fund >/dev/null)
cmake --preset release >/dev/null && cmake --build --preset release >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "cores: $(nproc); bulwark rules: $(./build/release/bulwark rules --format json | grep -c '"id"')"

peak() { /usr/bin/time -f "%M" bash -c "$1" 2>&1 >/dev/null | tail -n 1; }

# compare NAME CORPUS_DIR BULWARK_ARGS PEER_NAME PEER_COMMAND (PEER_COMMAND reads the file list as $F)
compare() {
  local name=$1 dir=$2 args=$3 peer_name=$4 peer=$5
  local list="$work/$name.list"
  find "$dir" -type f | sort > "$list"
  local files bytes
  files=$(wc -l < "$list")
  bytes=$(tr '\n' '\0' < "$list" | xargs -0 cat | wc -c)
  # Exit 2 is expected: a few corpus files are really invalid (see tests/unit/test_*corpus.cpp).
  local b1="mapfile -t F < $list; ./build/release/bulwark scan -j 1 $args --fail-on none --format json \"\${F[@]}\" >/dev/null; [ \$? -le 2 ]"
  local bn="mapfile -t F < $list; ./build/release/bulwark scan $args --fail-on none --format json \"\${F[@]}\" >/dev/null; [ \$? -le 2 ]"
  local p="mapfile -t F < $list; $peer >/dev/null 2>&1 || true"
  echo
  echo "== $name: $files files, $bytes bytes"
  hyperfine --shell bash --warmup 1 --runs "$runs" --export-json "$work/$name.json" \
    -n "bulwark -j1" "$b1" -n "bulwark -j$(nproc)" "$bn" -n "$peer_name" "$p"
  echo
  echo "| $name | mean s | files/s | MB/s | peak RSS MB |"
  echo "|---|---:|---:|---:|---:|"
  local i cmd tool mean rss
  for i in 0 1 2; do
    case $i in 0) cmd=$b1 ;; 1) cmd=$bn ;; 2) cmd=$p ;; esac
    tool=$(python3 -c "import json;print(json.load(open('$work/$name.json'))['results'][$i]['command'])")
    mean=$(python3 -c "import json;print(json.load(open('$work/$name.json'))['results'][$i]['mean'])")
    rss=$(peak "$cmd")
    python3 -c "m=$mean; print(f'| $tool | {m:.3f} | {$files/m:.0f} | {$bytes/m/1e6:.2f} | {$rss/1024:.1f} |')"
  done
}

compare dockerfiles "$shared/corpus/dockerfiles" "" "dockerfilelint 1.8.0" \
  'bench/node_modules/.bin/dockerfilelint -o json "${F[@]}"'
compare compose "$shared/corpus/compose" "--kind compose" "dclint 3.1.0" \
  'bench/node_modules/.bin/dclint -f json "${F[@]}"'
