#!/usr/bin/env bash
# Checks that a release bulwark binary linked with mimalloc backs its heap with transparent huge pages
# (src/bulwark/main.cpp): scanning a large Dockerfile must take well under half the page faults it
# takes with MIMALLOC_LARGE_OS_PAGES=0. Page faults are counted, not time. Says SKIP where the check
# cannot apply (binary without mimalloc, kernel with transparent huge pages off).
# Usage: scripts/check-page-faults.sh BULWARK
set -euo pipefail
bin=$1
if ! ldd "$bin" | grep -c libmimalloc >/dev/null; then
  echo "check-page-faults: SKIP: $bin does not link mimalloc"
  exit 0
fi
thp=/sys/kernel/mm/transparent_hugepage/enabled
if [ ! -r "$thp" ] || grep -q '\[never\]' "$thp"; then
  echo "check-page-faults: SKIP: transparent huge pages are off on this kernel ($thp)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$bin" "$work" <<'PY'
import os, subprocess, sys
bin, work = sys.argv[1], sys.argv[2]
path = os.path.join(work, "Dockerfile")
with open(path, "w") as f:
    f.write("FROM debian:12\n")
    for i in range(6000):
        f.write(f"RUN apt-get install -y pkg{i} && curl -k https://example.com/{i}.sh | sh\n")

def faults(extra_env):
    env = {k: v for k, v in os.environ.items() if k != "MIMALLOC_LARGE_OS_PAGES"}
    env.update(extra_env)
    p = subprocess.Popen([bin, "scan", "--fail-on", "none", "--format", "json", path],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"check-page-faults: {bin} exited {os.waitstatus_to_exitcode(status)}")
    return usage.ru_minflt

on, off = faults({}), faults({"MIMALLOC_LARGE_OS_PAGES": "0"})
print(f"check-page-faults: {on} page faults by default, {off} with MIMALLOC_LARGE_OS_PAGES=0")
if on * 2 > off:
    sys.exit("check-page-faults: huge pages are not in use by default")
PY
