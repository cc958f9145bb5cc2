"""End-to-end tests of `bulwark image`.

Archives written here with Python's tarfile (a docker save layout and an OCI layout) check every
output format on image findings: JSON against the documented schema (strictly), SARIF against the
OASIS schema, JUnit and checkstyle with xmllint, text locations ("image.tar!/path").

test_real_dockerd starts a private dockerd (Debian docker.io; vfs storage, no iptables, no bridge,
its own socket and data root under a temp dir), builds an image FROM scratch with a static busybox,
a setuid file and a secret deleted by a later layer, `docker save`s it, and scans both the archive and
NAME:TAG through the socket: both must give the same findings. The daemon is stopped and its
directory removed at the end. It is skipped, with the reason, only when dockerd cannot run here
(not root, no dockerd binary, no static busybox, or the daemon does not come up).
"""
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import check, main, run  # noqa: E402
from test_formats import JSON_SCHEMA, SARIF_SCHEMA, load_schema, strict, validate, xmllint  # noqa: E402

TODAY = "2026-11-23"
TOKEN = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"


def layer_tar(entries):
    """entries: (name, content bytes or None for a dir, mode)."""
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, data, mode in entries:
            ti = tarfile.TarInfo(name)
            ti.mode = mode
            if data is None:
                ti.type = tarfile.DIRTYPE
                t.addfile(ti)
            else:
                ti.size = len(data)
                t.addfile(ti, io.BytesIO(data))
    return b.getvalue()


def docker_save(path, layers, config):
    diff_ids = ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]
    config = dict(config, rootfs={"type": "layers", "diff_ids": diff_ids})
    cfg = json.dumps(config).encode()
    cid = hashlib.sha256(cfg).hexdigest()
    with tarfile.open(path, "w") as t:
        def add(name, data):
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            t.addfile(ti, io.BytesIO(data))
        names = []
        for i, l in enumerate(layers):
            n = hashlib.sha256(f"{i}{diff_ids[i]}".encode()).hexdigest() + "/layer.tar"
            names.append(n)
            add(n, l)
        add(cid + ".json", cfg)
        add("manifest.json", json.dumps([{"Config": cid + ".json", "RepoTags": ["e2e/app:1"],
                                          "Layers": names}]).encode())
    return path


def insecure_image(tmp):
    layers = [
        layer_tar([("etc", None, 0o755), ("etc/passwd", b"root:x:0:0::/root:/bin/sh\n", 0o644),
                   ("usr/local/bin/tool", b"#!/bin/sh\n", 0o4755), ("app", None, 0o755),
                   ("app/.env", f"TOKEN={TOKEN}\n".encode(), 0o644)]),
        layer_tar([("app/.wh..env", b"", 0o644)]),
    ]
    config = {"architecture": "amd64", "os": "linux", "created": "2026-11-01T00:00:00Z",
              "config": {"User": "root", "ExposedPorts": {"22/tcp": {}}},
              "history": [{"created_by": "/bin/sh -c #(nop) COPY dir:abc in / "},
                          {"created_by": "/bin/sh -c rm /app/.env"}]}
    return docker_save(os.path.join(tmp, "app.tar"), layers, config)


def test_text_names_the_path_inside_the_image(tmp):
    image = insecure_image(tmp)
    r = run("image", image, "--today", TODAY, "-q", "--color", "never")
    check(r.code == 1, "an insecure image fails", r)
    check(f"{image}!/app/.env:" in r.out or f"{image}!/app/.env" in r.out, "path inside the image shown", r)
    check("@sha256:" in r.out and "/config.json:" in r.out, "config findings point into config.json", r)


def test_json_and_sarif_validate(tmp):
    image = insecure_image(tmp)
    r = run("image", image, "--today", TODAY, "--format", "json")
    doc = json.loads(r.out)
    schema = load_schema(JSON_SCHEMA)
    validate(doc, schema)
    validate(doc, strict(schema))
    check(doc["files"][0]["kind"] == "image", "kind image", r)
    pointers = {x["location"].get("pointer") for x in doc["files"][0]["findings"]}
    check("/app/.env" in pointers, f"the deleted secret is reported with its path: {pointers}", r)
    s = run("image", image, "--today", TODAY, "--format", "sarif")
    sarif = json.loads(s.out)
    validate(sarif, load_schema(SARIF_SCHEMA))
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"]
            for res in sarif["runs"][0]["results"] for loc in res["locations"]]
    check(any(u.endswith("app.tar%21/app/.env") for u in uris), f"artifact uri image!/path: {uris}", s)


def test_xml_formats_are_well_formed(tmp):
    image = insecure_image(tmp)
    for fmt in ("junit", "checkstyle"):
        out = os.path.join(tmp, f"out.{fmt}.xml")
        r = run("image", image, "--today", TODAY, "--format", f"{fmt}={out}")
        check(r.code == 1, f"{fmt}: exit 1", r)
        xmllint(out)


def test_bad_inputs_are_diagnostics_and_exit_2(tmp):
    junk = os.path.join(tmp, "junk.tar")
    with open(junk, "wb") as f:
        f.write(b"not an archive")
    r = run("image", junk, "--docker-host", "unix:///nonexistent/docker.sock")
    check(r.code == 2, "exit 2", r)
    check("junk.tar: error: not a tar archive" in r.out, "clear message", r)
    r = run("image", "no-such-image:1", "--docker-host", "unix:///nonexistent/docker.sock")
    check(r.code == 2, "exit 2", r)
    check("no Docker engine reachable at unix:///nonexistent/docker.sock" in r.out, "engine-less message", r)
    # Scanning goes on with the other inputs.
    r = run("image", junk, insecure_image(tmp), "--today", TODAY, "-q")
    check(r.code == 2 and "/app/.env" in r.out, "errors win, other images still scanned", r)


class Dockerd:
    """A private dockerd under `root`; `skip` says why it cannot run."""

    def __init__(self, root):
        self.root = root
        self.sock = os.path.join(root, "docker.sock")
        self.host = "unix://" + self.sock
        self.proc = None
        self.skip = None

    def start(self):
        if os.geteuid() != 0:
            self.skip = "dockerd needs root"
            return False
        if shutil.which("dockerd") is None or shutil.which("docker") is None:
            self.skip = "dockerd/docker not installed (Debian package docker.io)"
            return False
        self.log = open(os.path.join(self.root, "dockerd.log"), "w")
        self.proc = subprocess.Popen(
            ["dockerd", "--data-root", os.path.join(self.root, "data"), "--exec-root",
             os.path.join(self.root, "exec"), "--host", self.host, "--pidfile",
             os.path.join(self.root, "docker.pid"), "--storage-driver", "vfs", "--iptables=false",
             "--bridge=none"], stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(120):
            if self.proc.poll() is not None:
                break
            if self.docker("version").returncode == 0:
                return True
            time.sleep(0.5)
        with open(os.path.join(self.root, "dockerd.log")) as f:
            tail = f.read()[-1500:]
        self.skip = f"dockerd did not come up:\n{tail}"
        return False

    def docker(self, *args, **kw):
        return subprocess.run(["docker", "-H", self.host, *args], capture_output=True, text=True, **kw)

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # vfs layers may hold read-only dirs; remove everything the daemon made.
        subprocess.run(["rm", "-rf", os.path.join(self.root, "data"), os.path.join(self.root, "exec")])


def findings_without_file(doc):
    out = []
    for f in doc["files"]:
        for x in f["findings"]:
            loc = dict(x["location"])
            loc.pop("file")
            out.append((x["rule_id"], json.dumps(loc, sort_keys=True), x["message"].split(" added by ")[0]))
    return sorted(out)


def test_real_dockerd():
    busybox = shutil.which("busybox")
    # /tmp may be a small tmpfs; the daemon's data root holds whole layers (vfs copies them).
    root = tempfile.mkdtemp(prefix="bulwark-dockerd-", dir="/var/tmp" if os.path.isdir("/var/tmp") else None)
    d = Dockerd(root)
    try:
        if busybox is None or "statically linked" not in subprocess.run(
                ["file", busybox], capture_output=True, text=True).stdout:
            print("SKIP test_real_dockerd: no static busybox (Debian package busybox-static)")
            return
        if not d.start():
            print(f"SKIP test_real_dockerd: {d.skip}")
            return
        ctx = os.path.join(root, "ctx")
        os.makedirs(ctx)
        shutil.copy(busybox, os.path.join(ctx, "busybox"))
        with open(os.path.join(ctx, "tool"), "w") as f:
            f.write("#!/bin/sh\necho tool\n")
        with open(os.path.join(ctx, "secret.env"), "w") as f:
            f.write(f"TOKEN={TOKEN}\n")
        with open(os.path.join(ctx, "Dockerfile"), "w") as f:
            f.write("FROM scratch\n"
                    "COPY busybox /bin/busybox\n"
                    "COPY tool /usr/local/bin/tool\n"
                    'RUN ["/bin/busybox", "chmod", "4755", "/usr/local/bin/tool"]\n'
                    "COPY secret.env /app/.env\n"
                    'RUN ["/bin/busybox", "rm", "/app/.env"]\n')
        b = d.docker("build", "--network", "none", "-t", "bulwark-e2e/busybox:1", ctx)
        check(b.returncode == 0, f"docker build failed:\n{b.stdout[-2000:]}\n{b.stderr[-2000:]}")
        archive = os.path.join(root, "saved.tar")
        s = d.docker("save", "-o", archive, "bulwark-e2e/busybox:1")
        check(s.returncode == 0, f"docker save failed: {s.stderr}")

        a = run("image", archive, "--today", TODAY, "--format", "json")
        check(a.code == 1, "the saved image has findings", a)
        adoc = json.loads(a.out)
        check(not adoc["files"][0]["diagnostics"], "no diagnostics on a real docker save archive", a)
        e = run("image", "bulwark-e2e/busybox:1", "--docker-host", d.host, "--today", TODAY, "--format", "json")
        check(e.code == 1, "the engine image has findings", e)
        edoc = json.loads(e.out)
        check(not edoc["files"][0]["diagnostics"], "no diagnostics through the Engine API", e)
        rules = {x["rule_id"]: x for x in adoc["files"][0]["findings"]}
        pointers = {(x["rule_id"], x["location"].get("pointer")) for x in adoc["files"][0]["findings"]}
        check(any(p == "/usr/local/bin/tool" for _, p in pointers), f"the setuid file is reported: {pointers}", a)
        check(any(p == "/app/.env" for _, p in pointers), f"the deleted secret is reported: {pointers}", a)
        check("BD303" in rules, "secret content found", a)
        check(findings_without_file(adoc) == findings_without_file(edoc),
              "archive and engine give the same findings", e)
        missing = run("image", "bulwark-e2e/none:1", "--docker-host", d.host)
        check(missing.code == 2 and "no image 'bulwark-e2e/none:1' in the engine" in missing.out,
              "an unknown image is a clear error", missing)
    finally:
        d.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(globals())
