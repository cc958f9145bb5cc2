"""End-to-end tests of the SBOM formats on the built binary (`bulwark image --format cyclonedx|spdx`).

Writes a real `docker save` archive (Python's tarfile: manifest.json, config, gzip layer tars with
verified diff_ids) whose layers hold package metadata of several ecosystems (this machine's dpkg
status, a Debian dist-info METADATA, a real jar, a node_modules package.json), deletes one package
in a later layer, and checks that both SBOM documents validate against the official schemas (offline,
../shared/schemas) and list exactly the packages of the final filesystem. The output is stable: the
same archive gives byte-identical documents (golden-friendly). Needs python3-jsonschema.
"""
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import SHARED_DIR, SOURCE_DIR, TODAY, check, main, run  # noqa: E402

SCHEMAS = os.path.join(SHARED_DIR, "schemas")
VALIDATOR = os.path.join(SOURCE_DIR, "tests", "data", "packages", "validate_json_schema.py")
DATA = os.path.join(SOURCE_DIR, "tests", "data", "packages")


def read(rel):
    with open(os.path.join(DATA, rel), "rb") as f:
        return f.read()


def layer_tar(entries):
    """Uncompressed layer tar bytes from [(path, bytes or None for a whiteout-style empty file)]."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        for path, data in entries:
            info = tarfile.TarInfo(path)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = 1700000000
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def docker_save(path, layers, tags):
    """A legacy `docker save` archive: gzip layer blobs, diff_ids of the uncompressed tars."""
    tars = [layer_tar(entries) for entries in layers]
    diff_ids = ["sha256:" + hashlib.sha256(t).hexdigest() for t in tars]
    config = {"architecture": "amd64", "os": "linux", "created": "2026-01-02T03:04:05Z",
              "config": {"User": "1000"},
              "rootfs": {"type": "layers", "diff_ids": diff_ids},
              "history": [{"created": "2026-01-02T03:04:05Z", "created_by": f"COPY layer{i} / # buildkit"}
                          for i in range(len(tars))]}
    config_bytes = json.dumps(config).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    names = []
    with tarfile.open(path, "w") as out:
        def add(name, data):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1700000000
            out.addfile(info, io.BytesIO(data))
        for t in tars:
            blob = gzip.compress(t, mtime=0)
            name = hashlib.sha256(blob).hexdigest() + "/layer.tar"
            names.append(name)
            add(name, blob)
        add(config_name, config_bytes)
        add("manifest.json", json.dumps([{"Config": config_name, "RepoTags": tags, "Layers": names}]).encode())
    return "sha256:" + hashlib.sha256(config_bytes).hexdigest()


def dpkg_query():
    p = subprocess.run(["dpkg-query", "-W", "-f", "${db:Status-Status} ${Package} ${Version}\n"],
                       capture_output=True, text=True)
    return {line.split(" ", 1)[1] for line in p.stdout.splitlines() if line.startswith("installed ")}


def build(tmp):
    with open("/var/lib/dpkg/status", "rb") as f:
        status = f.read()
    path = os.path.join(tmp, "sbom.tar")
    image_id = docker_save(path, [
        [("etc/os-release", b'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'),
         ("var/lib/dpkg/status", status),
         ("usr/share/doc/bash/copyright", read("dpkg/bash.copyright")),
         ("usr/lib/python3/dist-packages/jsonschema-4.10.3.dist-info/METADATA", read("python/jsonschema.METADATA")),
         ("usr/lib/python3/dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO", read("python/PyJWT.PKG-INFO"))],
        [("usr/lib/python3/dist-packages/.wh.jsonschema-4.10.3.dist-info", b""),
         ("srv/lib/slf4j-nop-1.7.32.jar", read("java/slf4j-nop-1.7.32.jar")),
         ("app/node_modules/@isaacs/string-locale-compare/package.json", read("npm/scoped.package.json"))],
    ], ["sbom/e2e:1"])
    return path, image_id


def validate(doc_text, schema, tmp):
    doc = os.path.join(tmp, "doc.json")
    with open(doc, "w") as f:
        f.write(doc_text)
    p = subprocess.run([sys.executable, VALIDATOR, SCHEMAS, schema, doc], capture_output=True, text=True)
    check(p.returncode == 0, f"{schema}: exit {p.returncode}\n{p.stderr[:3000]}")


def sbom(path, fmt):
    r = run("image", path, "--today", TODAY, "--fail-on", "none", "--format", fmt)
    check(r.code == 0, f"bulwark image --format {fmt} failed", r)
    return r.out


def test_cyclonedx_lists_the_final_filesystem_and_validates(tmp):
    path, image_id = build(tmp)
    out = sbom(path, "cyclonedx")
    validate(out, "bom-1.5.schema.json", tmp)
    bom = json.loads(out)
    check(bom["metadata"]["component"]["type"] == "container", "image component")
    check(bom["metadata"]["component"]["name"] == "sbom/e2e:1", "image name is its repo tag")
    check(bom["metadata"]["component"]["version"] == image_id, "image version is its id")
    check(bom["metadata"]["timestamp"] == "2026-01-02T03:04:05Z", "timestamp is the image's created")
    purls = {c["purl"] for c in bom["components"]}
    check("pkg:pypi/pyjwt@2.6.0" in purls, "egg-info package listed")
    check(not any(p.startswith("pkg:pypi/jsonschema") for p in purls), "a deleted package is not listed")
    check("pkg:maven/org.slf4j/slf4j-nop@1.7.32" in purls, "jar listed")
    check("pkg:npm/%40isaacs/string-locale-compare@1.1.0" in purls, "scoped npm package listed")
    debs = {(c["name"] + " " + c["version"]) for c in bom["components"] if c["purl"].startswith("pkg:deb/")}
    check(debs == dpkg_query(), f"dpkg packages differ from dpkg-query -W: {sorted(debs ^ dpkg_query())[:10]}")
    check(all("distro=debian-12" in c["purl"] for c in bom["components"] if c["purl"].startswith("pkg:deb/")),
          "deb purls carry the distro from os-release")
    check(sbom(path, "cyclonedx") == out, "the same image gives the same document")


def test_spdx_lists_the_final_filesystem_and_validates(tmp):
    path, _ = build(tmp)
    out = sbom(path, "spdx")
    validate(out, "spdx-schema-2.3.json", tmp)
    doc = json.loads(out)
    check(doc["packages"][0]["primaryPackagePurpose"] == "CONTAINER", "image package first")
    refs = {r["referenceLocator"] for p in doc["packages"] for r in p.get("externalRefs", [])}
    check("pkg:maven/org.slf4j/slf4j-nop@1.7.32" in refs, "jar listed")
    check(not any(r.startswith("pkg:pypi/jsonschema") for r in refs), "a deleted package is not listed")
    contains = [r for r in doc["relationships"] if r["relationshipType"] == "CONTAINS"]
    check(len(contains) == len(doc["packages"]) - 1, "the image CONTAINS every package")


def test_sbom_formats_on_non_image_inputs_are_empty_and_valid(tmp):
    df = os.path.join(tmp, "Dockerfile")
    with open(df, "w") as f:
        f.write("FROM debian:12\nUSER 1000\n")
    for fmt, schema in (("cyclonedx", "bom-1.5.schema.json"), ("spdx", "spdx-schema-2.3.json")):
        r = run("scan", df, "--today", TODAY, "--fail-on", "none", "--format", fmt)
        check(r.code == 0, f"scan --format {fmt}", r)
        validate(r.out, schema, tmp)
        doc = json.loads(r.out)
        check(not doc.get("components") and not doc.get("packages"), f"{fmt}: no packages for a Dockerfile")


if __name__ == "__main__":
    main(globals())
