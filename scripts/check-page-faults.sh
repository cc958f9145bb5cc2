#!/usr/bin/env bash
# Checks that a release bulwark binary linked with mimalloc backs its heap with transparent huge pages
# (src/bulwark/main.cpp), in the main thread (-j1) and in worker threads (-j2): scanning large
# Dockerfiles must take under a tenth of the page faults it takes with MIMALLOC_LARGE_OS_PAGES=0
# (measured: a 70th at -j1 and an 80th at -j2; -j2 with MIMALLOC_EAGER_COMMIT_DELAY=1, a third).
# Page faults are counted, not time. Says SKIP where the check cannot apply (binary without
# mimalloc; kernel with transparent huge pages off, or on for every mapping, where the allocator's
# request changes nothing).
# Usage: scripts/check-page-faults.sh BULWARK
set -euo pipefail
bin=$1
if ! ldd "$bin" | grep -c libmimalloc >/dev/null; then
  echo "check-page-faults: SKIP: $bin does not link mimalloc"
  exit 0
fi
thp=/sys/kernel/mm/transparent_hugepage/enabled
if [ ! -r "$thp" ] || ! grep -q '\[madvise\]' "$thp"; then
  echo "check-page-faults: SKIP: transparent huge pages are not on request (madvise) here: $(cat "$thp" 2>/dev/null)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$bin" "$work" <<'PY'
import os, subprocess, sys
bin, work = sys.argv[1], sys.argv[2]
paths = [os.path.join(work, name) for name in ("Dockerfile", "Dockerfile.two")]
for path in paths:
    with open(path, "w") as f:
        f.write("FROM debian:12\n")
        for i in range(6000):
            f.write(f"RUN apt-get install -y pkg{i} && curl -k https://example.com/{i}.sh | sh\n")

def faults(jobs, files, extra_env):
    env = {k: v for k, v in os.environ.items() if k != "MIMALLOC_LARGE_OS_PAGES"}
    env.update(extra_env)
    p = subprocess.Popen([bin, "scan", "-j", str(jobs), "--fail-on", "none", "--format", "json", *files],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"check-page-faults: {bin} exited {os.waitstatus_to_exitcode(status)}")
    return usage.ru_minflt

for jobs, files in ((1, paths[:1]), (2, paths)):
    on, off = faults(jobs, files, {}), faults(jobs, files, {"MIMALLOC_LARGE_OS_PAGES": "0"})
    print(f"check-page-faults: -j{jobs}: {on} page faults by default, {off} with MIMALLOC_LARGE_OS_PAGES=0")
    if on * 10 > off:
        sys.exit(f"check-page-faults: -j{jobs}: huge pages are not in use by default")
PY
