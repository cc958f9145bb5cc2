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

The same dockerd also listens on tcp://127.0.0.1:PORT with --tlsverify (certificates made with the
openssl CLI): NAME:TAG over TLS, by flags and by DOCKER_HOST/DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, gives
the socket's findings; a wrong CA, no client certificate and plain HTTP are clear errors (exit 2).

test_debian_rootfs_sbom_matches_dpkg_query imports a Debian 12 rootfs made by `debootstrap
--variant=minbase` (scripts/debian-rootfs.sh, cached in build/cache/) into its own private dockerd,
`docker save`s it, and checks that the deb packages of the CycloneDX SBOM, of the archive and of the
engine image, are exactly `dpkg-query -W` on that rootfs (name, version, architecture; status
installed), that SPDX lists the same purls, and that the os-release found through the
/etc/os-release symlink drives the end-of-life check. It is skipped, with the reason, when dockerd
cannot run or when debootstrap cannot reach the mirror (the script's exit status 3).
"""
import hashlib
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import BIN, SOURCE_DIR, check, main, run  # noqa: E402
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


def loaded_libraries(*args):
    """Runs bulwark with the dynamic loader tracing which files it opens; returns (Result, sonames)."""
    env = dict(os.environ, LD_DEBUG="files")
    p = subprocess.run([os.path.abspath(BIN), *args], capture_output=True, env=env, timeout=300)
    err = p.stderr.decode("utf-8", "replace")
    names = set(re.findall(r"file=(\S+) \[0\];", err))
    return p.returncode, names, err


def test_image_libraries_load_only_when_used(tmp):
    # A Dockerfile scan starts without libcurl, libarchive, libcrypto and libsqlite3 (and the ~35
    # libraries they need); an image scan loads libarchive and libcrypto (digest checks) on their
    # first use, and nothing there needs libcurl, nor libsqlite3 (no rpm database in the image).
    with open(os.path.join(tmp, "Dockerfile"), "w") as f:
        f.write("FROM debian:12\nUSER 1000\n")
    code, names, err = loaded_libraries("scan", tmp, "--today", TODAY)
    check(code in (0, 1), f"scan ran: {code}\n{err[-2000:]}")
    check("libc.so.6" in names, f"the loader trace is read: {sorted(names)}")
    lazy = ("libcurl", "libarchive", "libcrypto", "libssl", "libsqlite3")
    check(not any(n.startswith(lazy) for n in names), f"scan loaded {sorted(names)}")
    image = insecure_image(tmp)
    code, names, err = loaded_libraries("image", image, "--today", TODAY, "-q")
    check(code == 1, f"image scan ran: {code}\n{err[-2000:]}")
    check({"libarchive.so.13", "libcrypto.so.3"} <= names, f"image scan loaded {sorted(names)}")
    check(not any(n.startswith(("libcurl", "libsqlite3")) for n in names), f"image scan loaded {sorted(names)}")


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


def test_missing_tls_files_are_named(tmp):
    ca = os.path.join(tmp, "nope.pem")
    r = run("image", "app:1", "--docker-host", "tcp://127.0.0.1:1", "--tlsverify", "--tlscacert", ca)
    check(r.code == 2, "exit 2", r)
    check(f"app:1: error: cannot read the TLS CA certificate '{ca}': No such file or directory" in r.out,
          "the missing CA is named", r)
    r = run_with_env({"DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": tmp, "DOCKER_HOST": ""}, "image", "app:1")
    check(r.code == 2, "exit 2", r)
    check(f"cannot read the TLS CA certificate '{tmp}/ca.pem'" in r.out, "ca.pem in DOCKER_CERT_PATH", r)


class Dockerd:
    """A private dockerd under `root`; `skip` says why it cannot run."""

    def __init__(self, root, extra_args=()):
        self.root = root
        self.extra_args = list(extra_args)  # more listeners, e.g. a TLS tcp:// one
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
             "--bridge=none", *self.extra_args], stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
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


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_tls_certs(tls_dir):
    """A CA, a server certificate for IP 127.0.0.1 and a client certificate signed by it, and a second CA
    that signed nothing, made with the openssl CLI. Returns the paths; the client's files are ca.pem,
    cert.pem and key.pem in `client` (a DOCKER_CERT_PATH)."""
    os.makedirs(tls_dir)
    p = {"ca": os.path.join(tls_dir, "ca.pem"), "ca_key": os.path.join(tls_dir, "ca-key.pem"),
         "other_ca": os.path.join(tls_dir, "other-ca.pem"), "server_cert": os.path.join(tls_dir, "server-cert.pem"),
         "server_key": os.path.join(tls_dir, "server-key.pem"), "client": os.path.join(tls_dir, "client")}
    os.makedirs(p["client"])

    def openssl(*args):
        r = subprocess.run(["openssl", *args], capture_output=True, text=True, cwd=tls_dir)
        check(r.returncode == 0, f"openssl {' '.join(args)} failed:\n{r.stderr}")

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl("req", "-x509", *ec, "-keyout", p["ca_key"], "-out", p["ca"], "-days", "2", "-subj", "/CN=bulwark-e2e-ca")
    openssl("req", "-x509", *ec, "-keyout", os.path.join(tls_dir, "other-ca-key.pem"), "-out", p["other_ca"],
            "-days", "2", "-subj", "/CN=bulwark-e2e-other-ca")
    for name, subj, ext, key, cert, serial in (
            ("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n",
             p["server_key"], p["server_cert"], "1"),
            ("client", "/CN=bulwark-e2e-client", "extendedKeyUsage=clientAuth\n",
             os.path.join(p["client"], "key.pem"), os.path.join(p["client"], "cert.pem"), "2")):
        csr = os.path.join(tls_dir, f"{name}.csr")
        extfile = os.path.join(tls_dir, f"{name}.ext")
        with open(extfile, "w") as f:
            f.write(ext)
        openssl("req", "-new", *ec, "-keyout", key, "-out", csr, "-subj", subj)
        openssl("x509", "-req", "-in", csr, "-CA", p["ca"], "-CAkey", p["ca_key"], "-set_serial", serial,
                "-days", "2", "-extfile", extfile, "-out", cert)
    shutil.copy(p["ca"], os.path.join(p["client"], "ca.pem"))
    return p


def run_with_env(env, *args):
    """run() with `env` added to the environment."""
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return run(*args)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def check_tls_engine(tls, tcp_host, image, expected):
    """NAME:TAG over tcp:// with TLS gives `expected` (the findings over the unix socket), with flags and
    with the docker CLI's environment variables; a wrong CA is a clear error."""
    client = tls["client"]
    args = ("image", image, "--today", TODAY, "--format", "json")
    flags = ("--docker-host", tcp_host, "--tlsverify", "--tlscacert", os.path.join(client, "ca.pem"),
             "--tlscert", os.path.join(client, "cert.pem"), "--tlskey", os.path.join(client, "key.pem"))
    t = run(*args, *flags)
    check(t.code == 1, "the engine image has findings over TLS", t)
    tdoc = json.loads(t.out)
    check(not tdoc["files"][0]["diagnostics"], "no diagnostics over TLS", t)
    check(findings_without_file(tdoc) == expected, "TLS and unix socket give the same findings", t)

    env = run_with_env({"DOCKER_HOST": tcp_host, "DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": client}, *args)
    check(env.code == 1 and findings_without_file(json.loads(env.out)) == expected,
          "DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH work like the flags", env)

    # --tls alone encrypts without checking the engine: the wrong CA does not matter.
    unverified = run(*args, "--docker-host", tcp_host, "--tls", "--tlscacert", tls["other_ca"], "--tlscert",
                     os.path.join(client, "cert.pem"), "--tlskey", os.path.join(client, "key.pem"))
    check(unverified.code == 1 and findings_without_file(json.loads(unverified.out)) == expected,
          "--tls without verification", unverified)

    wrong = run("image", image, "--docker-host", tcp_host, "--tlsverify", "--tlscacert", tls["other_ca"],
                "--tlscert", os.path.join(client, "cert.pem"), "--tlskey", os.path.join(client, "key.pem"))
    check(wrong.code == 2, "a wrong CA is an input error", wrong)
    check(f"{image}: error: no such file, and the TLS handshake with the Docker engine at {tcp_host} failed: "
          "SSL certificate problem: unable to get local issuer certificate "
          "(check --tlscacert, --tlscert, --tlskey or DOCKER_CERT_PATH)" in wrong.out,
          "the wrong CA is named as a TLS failure", wrong)

    plain = run("image", image, "--docker-host", tcp_host)
    check(plain.code == 2 and f"the engine at {tcp_host} answered 400: Client sent an HTTP request to an HTTPS "
          "server. (it expects TLS: use --tlsverify or DOCKER_TLS_VERIFY=1)" in plain.out,
          "plain HTTP to the TLS listener says TLS is needed", plain)

    # The engine demands a client certificate (dockerd --tlsverify): without one it refuses.
    anonymous = run("image", image, "--docker-host", tcp_host, "--tlsverify", "--tlscacert",
                    os.path.join(client, "ca.pem"))
    check(anonymous.code == 2 and f"the TLS handshake with the Docker engine at {tcp_host} failed" in anonymous.out,
          "no client certificate is a TLS failure", anonymous)


def check_hard_links(d, root):
    """A RUN that writes a file and hard-links it elsewhere gives a layer whose tar holds the bytes under
    the name met first (/app/...) and a hard link under the other: /etc/shadow with an empty password,
    and a second name of a file holding a token. Both are judged under the link's path, from the archive
    and from the engine (whose export is read once more for the link's bytes)."""
    ctx = os.path.join(root, "ctx-links")
    os.makedirs(ctx)
    shutil.copy(os.path.join(root, "ctx", "busybox"), os.path.join(ctx, "busybox"))
    bb = "/bin/busybox"
    with open(os.path.join(ctx, "Dockerfile"), "w") as f:
        f.write("FROM scratch\n"
                "COPY busybox /bin/busybox\n"
                f'RUN ["{bb}", "sh", "-c", "{bb} mkdir -p /app /etc /srv && '
                f"{bb} printf 'root:*:19000:0:99999:7:::\\\\nguest::19000:0:99999:7:::\\\\n' > /app/shadow && "
                f"{bb} ln /app/shadow /etc/shadow && {bb} printf 'TOKEN={TOKEN}\\\\n' > /app/token && "
                f'{bb} ln /app/token /srv/token"]\n')
    b = d.docker("build", "--network", "none", "-t", "bulwark-e2e/links:1", ctx)
    check(b.returncode == 0, f"docker build failed:\n{b.stdout[-2000:]}\n{b.stderr[-2000:]}")
    archive = os.path.join(root, "links.tar")
    s = d.docker("save", "-o", archive, "bulwark-e2e/links:1")
    check(s.returncode == 0, f"docker save failed: {s.stderr}")
    # The engine wrote hard links (else this test would prove nothing).
    links = {}
    with tarfile.open(archive) as outer:
        for m in outer.getmembers():
            if m.isfile() and (m.name.endswith(".tar") or m.name.startswith("blobs/")):
                try:
                    with tarfile.open(fileobj=io.BytesIO(outer.extractfile(m).read())) as layer:
                        links.update({x.name: x.linkname for x in layer.getmembers() if x.islnk()})
                except tarfile.TarError:
                    pass
    check(links.get("etc/shadow") == "app/shadow" and links.get("srv/token") == "app/token",
          f"the layer holds hard links: {links}")
    expected = None
    for source in ((archive,), ("bulwark-e2e/links:1", "--docker-host", d.host)):
        r = run("image", *source, "--today", TODAY, "--format", "json")
        check(r.code == 1, "the image has findings", r)
        doc = json.loads(r.out)
        check(not doc["files"][0]["diagnostics"], "no diagnostics", r)
        pointers = {(x["rule_id"], x["location"].get("pointer")) for x in doc["files"][0]["findings"]}
        check(("BD304", "/etc/shadow") in pointers, f"the empty password of the linked /etc/shadow: {pointers}", r)
        check(("BD303", "/srv/token") in pointers and ("BD303", "/app/token") in pointers,
              f"the token under both names: {pointers}", r)
        check(expected is None or findings_without_file(doc) == expected, "archive and engine agree", r)
        expected = findings_without_file(doc)


def test_real_dockerd():
    busybox = shutil.which("busybox")
    # /tmp may be a small tmpfs; the daemon's data root holds whole layers (vfs copies them).
    root = tempfile.mkdtemp(prefix="bulwark-dockerd-", dir="/var/tmp" if os.path.isdir("/var/tmp") else None)
    d = Dockerd(root)
    tls = None
    try:
        if busybox is None or "statically linked" not in subprocess.run(
                ["file", busybox], capture_output=True, text=True).stdout:
            print("SKIP test_real_dockerd: no static busybox (Debian package busybox-static)")
            return
        # The same daemon also listens on tcp://127.0.0.1 with TLS and client certificates.
        if os.geteuid() == 0 and shutil.which("openssl") is not None:
            tls = make_tls_certs(os.path.join(root, "tls"))
            tcp_host = f"tcp://127.0.0.1:{free_port()}"
            d.extra_args += ["--tlsverify", "--tlscacert", tls["ca"], "--tlscert", tls["server_cert"], "--tlskey",
                             tls["server_key"], "--host", tcp_host]
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
        check_hard_links(d, root)
        missing = run("image", "bulwark-e2e/none:1", "--docker-host", d.host)
        check(missing.code == 2 and "no image 'bulwark-e2e/none:1' in the engine" in missing.out,
              "an unknown image is a clear error", missing)
        if tls is None:
            print("SKIP test_real_dockerd over TLS: no openssl CLI (Debian package openssl)")
        else:
            check_tls_engine(tls, tcp_host, "bulwark-e2e/busybox:1", findings_without_file(edoc))
    finally:
        d.stop()
        shutil.rmtree(root, ignore_errors=True)


ROOTFS_SCRIPT = os.path.join(SOURCE_DIR, "scripts", "debian-rootfs.sh")
ROOTFS_CACHE = os.path.join(SOURCE_DIR, "build", "cache", "debian-bookworm-minbase.tar")
ROOTFS_IMAGE = "bulwark-test/debian:minbase"


def debian_rootfs():
    """(the cached rootfs tar, None), or (None, why it cannot be made); other failures fail the test."""
    p = subprocess.run(["bash", ROOTFS_SCRIPT, ROOTFS_CACHE], capture_output=True, text=True, timeout=1800)
    if p.returncode == 3:
        return None, f"debootstrap cannot reach the mirror:\n{p.stderr[-2000:]}"
    check(p.returncode == 0 and os.path.isfile(ROOTFS_CACHE),
          f"scripts/debian-rootfs.sh failed (exit {p.returncode}):\n{p.stderr[-3000:]}")
    return ROOTFS_CACHE, None


def dpkg_query_installed(rootfs_tar, tmp):
    """(package, version, architecture) of every installed package, by dpkg-query on the rootfs."""
    dest = os.path.join(tmp, "rootfs")
    os.makedirs(dest)
    subprocess.run(["tar", "-xf", rootfs_tar, "-C", dest, "./var/lib/dpkg"], check=True)
    p = subprocess.run(["dpkg-query", "--admindir=" + os.path.join(dest, "var", "lib", "dpkg"), "-W", "-f",
                        "${Package} ${Version} ${Architecture} ${db:Status-Status}\n"],
                       capture_output=True, text=True, check=True)
    rows = [line.split(" ") for line in p.stdout.splitlines()]
    return sorted(tuple(r[:3]) for r in rows if r[3] == "installed")


DEB_PURL = re.compile(r"pkg:deb/debian/([^@?/]+)@([^?]+)\?(.+)")


def cyclonedx_debs(bom):
    """(name, version, arch) of each deb component, read from its purl (and checked against its fields)."""
    out = []
    for c in bom["components"]:
        if not c["purl"].startswith("pkg:deb/"):
            continue
        m = DEB_PURL.fullmatch(c["purl"])
        check(m is not None, f"deb purl shape: {c['purl']}")
        qualifiers = dict(kv.split("=", 1) for kv in m.group(3).split("&"))
        name, version = urllib.parse.unquote(m.group(1)), urllib.parse.unquote(m.group(2))
        check((name, version) == (c["name"], c["version"]), f"purl agrees with name and version: {c}")
        check(qualifiers.get("distro") == "debian-12", f"distro qualifier from os-release: {c['purl']}")
        out.append((name, version, qualifiers["arch"]))
    return sorted(out)


def test_debian_rootfs_sbom_matches_dpkg_query(tmp):
    root = tempfile.mkdtemp(prefix="bulwark-dockerd-", dir="/var/tmp" if os.path.isdir("/var/tmp") else None)
    d = Dockerd(root)
    try:
        if not d.start():
            print(f"SKIP test_debian_rootfs_sbom_matches_dpkg_query: {d.skip}")
            return
        rootfs, why = debian_rootfs()
        if rootfs is None:
            print(f"SKIP test_debian_rootfs_sbom_matches_dpkg_query: {why}")
            return
        expected = dpkg_query_installed(rootfs, tmp)
        check(len(expected) > 50, f"a minbase rootfs has dozens of packages: {len(expected)}")
        i = d.docker("import", rootfs, ROOTFS_IMAGE)
        check(i.returncode == 0, f"docker import failed: {i.stderr}")
        archive = os.path.join(root, "debian.tar")
        s = d.docker("save", "-o", archive, ROOTFS_IMAGE)
        check(s.returncode == 0, f"docker save failed: {s.stderr}")

        # One scan writes every format the test reads.
        outs = {fmt: os.path.join(tmp, f"archive.{fmt}") for fmt in ("text", "json", "cyclonedx", "spdx")}
        a = run("image", archive, "--today", TODAY, "--color", "never",
                *[x for fmt, path in outs.items() for x in ("--format", f"{fmt}={path}")])
        check(a.code in (0, 1), "the archive scans without input errors", a)
        with open(outs["json"]) as f:
            jdoc = json.load(f)
        check(not jdoc["files"][0]["diagnostics"], f"no diagnostics: {jdoc['files'][0]['diagnostics']}", a)
        with open(outs["text"]) as f:
            text = f.read()
        check(": error:" not in text and re.search(r"input errors:\s+0\n", text),
              f"no error in the text report:\n{text[-3000:]}")
        check("BD015" not in text, "bookworm is not past its end of life on " + TODAY)
        with open(outs["cyclonedx"]) as f:
            bom = json.load(f)
        props = {p["name"]: p["value"] for p in bom["metadata"]["component"]["properties"]}
        check(props.get("bulwark:image:os_release") == "Debian GNU/Linux 12 (bookworm)",
              f"os-release read through the /etc/os-release symlink: {props}")
        check(bom["metadata"]["component"]["name"] == ROOTFS_IMAGE, "the image is named by its tag")
        debs = cyclonedx_debs(bom)
        check(debs == expected,
              f"CycloneDX debs differ from dpkg-query -W ({len(debs)} vs {len(expected)}): "
              f"only in the SBOM {sorted(set(debs) - set(expected))[:10]}, "
              f"only in dpkg-query {sorted(set(expected) - set(debs))[:10]}")
        with open(outs["spdx"]) as f:
            spdx = json.load(f)
        spdx_purls = sorted(r["referenceLocator"] for p in spdx["packages"] for r in p.get("externalRefs", [])
                            if r["referenceLocator"].startswith("pkg:deb/"))
        check(spdx_purls == sorted(c["purl"] for c in bom["components"] if c["purl"].startswith("pkg:deb/")),
              f"SPDX lists the same {len(expected)} deb packages ({len(spdx_purls)})")
        check(len(spdx["packages"]) == len(expected) + 1, "a minbase rootfs holds debs only: SPDX lists the image "
              f"and {len(expected)} packages, not {len(spdx['packages'])}")

        e = run("image", ROOTFS_IMAGE, "--docker-host", d.host, "--today", TODAY, "--format", "cyclonedx")
        check(e.code in (0, 1), "the engine image scans without input errors", e)
        check(cyclonedx_debs(json.loads(e.out)) == expected, "the engine image gives the same SBOM", e)

        # Past bookworm's end of life (2028-06-30) the OS that os-release names is reported.
        late = run("image", archive, "--today", "2028-07-01", "--color", "never", "--only", "BD015")
        check(late.code == 1 and "BD015" in late.out and "Debian 12 (bookworm)" in late.out,
              "the end-of-life check names Debian 12", late)
        check(f"{archive}!/usr/lib/os-release" in late.out, "the finding points at the symlink's target", late)
    finally:
        d.stop()
        shutil.rmtree(root, ignore_errors=True)


def two_image_archive(path):
    """`docker save one two`: two images (their layers, configs and one manifest.json entry each)."""
    images = [
        ("e2e/one:1", [layer_tar([("one", b"1\n", 0o644)])], {"User": "root"}),
        ("e2e/two:2", [layer_tar([("app", None, 0o755), ("app/.env", f"TOKEN={TOKEN}\n".encode(), 0o644)])],
         {"User": "1000"}),
    ]
    manifest = []
    with tarfile.open(path, "w") as t:
        def add(name, data):
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            t.addfile(ti, io.BytesIO(data))
        for tag, layers, cfg in images:
            diff_ids = ["sha256:" + hashlib.sha256(l).hexdigest() for l in layers]
            config = json.dumps({"architecture": "amd64", "os": "linux", "created": "2026-11-01T00:00:00Z",
                                 "config": cfg, "rootfs": {"type": "layers", "diff_ids": diff_ids},
                                 "history": [{"created_by": "/bin/sh -c #(nop) COPY dir:abc in / "}]}).encode()
            cid = hashlib.sha256(config).hexdigest()
            names = []
            for l, d in zip(layers, diff_ids):
                names.append(d[len("sha256:"):] + "/layer.tar")
                add(names[-1], l)
            add(cid + ".json", config)
            manifest.append({"Config": cid + ".json", "RepoTags": [tag], "Layers": names})
        add("manifest.json", json.dumps(manifest).encode())
    return path


def test_every_image_of_a_multi_image_archive(tmp):
    archive = two_image_archive(os.path.join(tmp, "both.tar"))
    r = run("image", archive, "--today", TODAY, "--format", "json")
    doc = json.loads(r.out)
    paths = [f["path"] for f in doc["files"]]
    check(paths == [archive + "[e2e/one:1]", archive + "[e2e/two:2]"], f"one result per image: {paths}", r)
    check(all(not f["diagnostics"] for f in doc["files"]), "no warning about the second image", r)
    rules = [{x["rule_id"] for x in f["findings"]} for f in doc["files"]]
    check("BD303" not in rules[0] and "BD303" in rules[1], f"each image's own findings: {rules}", r)
    files = {x["location"]["file"] for x in doc["files"][1]["findings"]}
    check(all(f.startswith(archive + "[e2e/two:2]") for f in files), f"findings name their image: {files}", r)
    t = run("image", archive, "--today", TODAY, "-q", "--color", "never", "--image", "e2e/two:2")
    check(f"{archive}[e2e/two:2]!/app/.env:1:7:" in t.out and "[e2e/one:1]" not in t.out,
          "--image picks one; text names image and line", t)
    s = run("image", archive, "--today", TODAY, "--image", "@1", "--format", "sarif")
    regions = [loc["physicalLocation"].get("region") for res in json.loads(s.out)["runs"][0]["results"]
               if res["ruleId"] == "BD303" for loc in res["locations"]]
    check(regions == [{"startLine": 1, "startColumn": 7}], f"SARIF region of the secret, no snippet: {regions}", s)
    m = run("image", archive, "--today", TODAY, "--image", "e2e/three:3")
    check(m.code == 2 and "no image 'e2e/three:3' in the archive; it holds e2e/one:1, e2e/two:2" in m.out,
          "an unknown --image is an input error listing the images", m)


def test_config_next_to_the_archive(tmp):
    image = insecure_image(tmp)
    with open(os.path.join(tmp, ".bulwark.yaml"), "w") as f:
        f.write("rules:\n  disable: [BD303]\n  severity:\n    BD300: critical\n")

    def severities(r):
        return {x["rule_id"]: x["severity"] for f in json.loads(r.out)["files"] for x in f["findings"]}

    # Found upward from the archive's directory, untrusted: it raises BD300 but cannot switch BD303 off.
    u = run("image", image, "--today", TODAY, "--format", "json")
    su = severities(u)
    check(su.get("BD300") == "critical", f"an untrusted config may raise a severity: {su}", u)
    check("BD303" in su, "an untrusted config found in the tree cannot disable a rule", u)
    check(any("is untrusted: ignored rules.disable (BD303)" in n for n in json.loads(u.out).get("notes", [])),
          "a note says what was ignored", u)
    # Trusted with --trust-config, or named with --config (from another directory): BD303 is off.
    for extra in (["--trust-config"], ["--config", os.path.join(tmp, ".bulwark.yaml")]):
        t = run("image", image, "--today", TODAY, "--format", "json", *extra, cwd="/")
        st = severities(t)
        check("BD303" not in st and st.get("BD300") == "critical", f"{extra}: the config applies: {st}", t)


if __name__ == "__main__":
    main(globals())
