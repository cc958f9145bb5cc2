#!/usr/bin/env bash
# Benchmark of `bulwark image` on an image of at least 300 MB (uncompressed), against the physical
# floor measured in the same run: `gzip -dc` / `zstd -dc` of the same layer blobs to /dev/null.
#
#   bench/image.sh [BULWARK_BIN] [MB]     (default build/release/bulwark, 320 MB)
#
# The image is written here, without an engine: layers are tars of real files from this machine
# (/usr/lib, /usr/share, /usr/bin: ELF binaries, text, compressed data, in the proportions of a
# distribution image), cut into 4 layers, each stored gzip -6 (a docker save archive) and zstd -3
# (a second archive with the same layers). With BULWARK_BENCH_ROOTFS=PATH, a rootfs is the base layer
# (layer 0), the way a distribution base image is, and 3 layers of files fill up to MB: PATH.tar is
# used as the layer tar byte for byte (e.g. build/cache/debian-bookworm-minbase.tar from
# scripts/debian-rootfs.sh: symlinks, device nodes and the dpkg database included), a directory is
# tarred first (`tar --numeric-owner -C DIR -c .`).
# Reports MB/s of uncompressed layer data (wall clock, all checks and the SBOM on: the default
# `bulwark image` run) and peak RSS from GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/bulwark}
target_mb=${2:-320}
[ -x "$bin" ] || { echo "no bulwark binary at $bin (cmake --preset release && cmake --build --preset release)"; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "GNU time (Debian package time) is required"; exit 2; }
work=$(mktemp -d /var/tmp/bulwark-bench-image.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== building the image (${target_mb} MB of files) in $work"
python3 - "$work" "$target_mb" "${BULWARK_BENCH_ROOTFS:-}" <<'PY'
import hashlib, json, os, shutil, subprocess, sys, tarfile
work, target, rootfs = sys.argv[1], int(sys.argv[2]) << 20, sys.argv[3]
base = []  # the rootfs layer, when there is one
if rootfs:
    layer0 = os.path.join(work, "layer0.tar")
    if os.path.isdir(rootfs):
        subprocess.run(["tar", "--numeric-owner", "-C", rootfs, "-cf", layer0, "."], check=True)
    else:
        shutil.copyfile(rootfs, layer0)
        try:
            tarfile.open(layer0, "r:").close()  # a layer's diff_id is the digest of the plain tar
        except tarfile.TarError:
            sys.exit(f"BULWARK_BENCH_ROOTFS={rootfs}: not an uncompressed tar")
    base = [layer0]
    target -= os.path.getsize(layer0)
files = []
for top in ("/usr/lib", "/usr/share", "/usr/bin", "/usr/libexec"):
    for root, dirs, names in os.walk(top):
        dirs.sort()
        for n in sorted(names):
            p = os.path.join(root, n)
            if os.path.isfile(p) and not os.path.islink(p):
                files.append((p, p.lstrip("/")))
total, chosen = 0, []
for p, arc in files if target > 0 else []:
    try:
        size = os.path.getsize(p)
    except OSError:
        continue
    if size > 64 << 20:
        continue
    chosen.append((p, arc))
    total += size
    if total >= target:
        break
file_layers = (3 if base else 4) if chosen else 0
per = (len(chosen) + file_layers - 1) // max(file_layers, 1)
layers = len(base) + file_layers
diff_ids, names = [], []
for i in range(layers):
    tar_path = os.path.join(work, f"layer{i}.tar")
    j = i - len(base)
    if j >= 0:
        with tarfile.open(tar_path, "w", format=tarfile.PAX_FORMAT) as t:
            for p, arc in chosen[j * per:(j + 1) * per]:
                try:
                    t.add(p, arcname=arc, recursive=False)
                except OSError:
                    pass
    h = hashlib.sha256()
    with open(tar_path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    diff_ids.append("sha256:" + h.hexdigest())
    subprocess.run(["gzip", "-6", "-k", "-n", tar_path], check=True)
    subprocess.run(["zstd", "-3", "-q", "-k", tar_path, "-o", tar_path + ".zst"], check=True)
config = json.dumps({"architecture": "amd64", "os": "linux", "created": "2026-11-01T00:00:00Z",
                     "config": {"User": "1000", "Healthcheck": {"Test": ["CMD", "true"]}},
                     "history": [{"created_by": "ADD rootfs.tar / # buildkit"} for _ in base] +
                                [{"created_by": f"COPY layer{i} / # buildkit"} for i in range(len(base), layers)],
                     "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
cid = hashlib.sha256(config).hexdigest()
for kind, ext in (("gzip", ".gz"), ("zstd", ".zst")):
    with tarfile.open(os.path.join(work, f"image-{kind}.tar"), "w") as t:
        names = []
        for i in range(layers):
            name = f"{i:02d}{kind}/layer.tar"
            t.add(os.path.join(work, f"layer{i}.tar{ext}"), arcname=name)
            names.append(name)
        cfg = os.path.join(work, cid + ".json")
        with open(cfg, "wb") as f:
            f.write(config)
        t.add(cfg, arcname=cid + ".json")
        man = os.path.join(work, "manifest.json")
        with open(man, "w") as f:
            json.dump([{"Config": cid + ".json", "RepoTags": ["bench/image:1"], "Layers": names}], f)
        t.add(man, arcname="manifest.json")
raw = sum(os.path.getsize(os.path.join(work, f"layer{i}.tar")) for i in range(layers))
with open(os.path.join(work, "raw_bytes"), "w") as f:
    f.write(str(raw))
for i in range(layers):
    os.remove(os.path.join(work, f"layer{i}.tar"))
PY
raw=$(cat "$work/raw_bytes")
raw_mb=$(awk -v b="$raw" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "uncompressed layers: ${raw_mb} MB; gzip blobs: $(du -cm "$work"/layer*.tar.gz | tail -1 | cut -f1) MB;" \
     "zstd blobs: $(du -cm "$work"/layer*.tar.zst | tail -1 | cut -f1) MB"

seconds() { # command... -> wall seconds
  local s e
  s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }'
}
mbps() { awk -v b="$raw" -v t="$1" 'BEGIN { printf "%.0f", b / 1048576 / t }'; }

for kind in gzip zstd; do
  if [ "$kind" = gzip ]; then blobs=("$work"/layer*.tar.gz); dec=(gzip -dc); else blobs=("$work"/layer*.tar.zst); dec=(zstd -dcq); fi
  cat "$work/image-$kind.tar" >/dev/null  # warm the page cache
  floor=$(seconds sh -c "for f in ${blobs[*]}; do ${dec[*]} \"\$f\" >/dev/null; done")
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" image "$work/image-$kind.tar" --format json --output /dev/null \
    --fail-on none >/dev/null 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
  read -r wall rss_kb <"$work/time"
  echo "== $kind layers"
  echo "  floor (${dec[*]} of the layers): ${floor}s  $(mbps "$floor") MB/s"
  echo "  bulwark image:                 ${wall}s  $(mbps "$wall") MB/s  peak RSS $((rss_kb / 1024)) MB" \
       "  ($(awk -v f="$floor" -v w="$wall" 'BEGIN { printf "%.0f", 100 * f / w }')% of the floor)"
done
