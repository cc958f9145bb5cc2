"""End-to-end golden tests per input source: a compose project (override + extends), a shell script with
docker run lines, a GitHub Actions workflow (run steps, job container, services), a daemon.json, a dockerd
systemd unit with a drop-in, a seccomp profile and a build context with a .dockerignore. Each is scanned on
its own, in text and JSON; fixtures are in tests/e2e/fixtures/<source>/, goldens in
tests/e2e/golden/sources-<source>.{txt,json}."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import SOURCE_DIR, TODAY, check, golden, main, run  # noqa: E402

FIXTURES = os.path.join("tests", "e2e", "fixtures")


def scan_golden(source, kinds, exit_code=1):
    path = os.path.join(FIXTURES, source)
    r = run("scan", path, "--today", TODAY, "--no-color", cwd=SOURCE_DIR)
    check(r.code == exit_code, f"{source}: expected exit {exit_code}", r)
    golden(f"sources-{source}.txt", r.out)
    j = run("scan", path, "--today", TODAY, "--format", "json", cwd=SOURCE_DIR)
    check(j.code == exit_code, f"{source}: expected exit {exit_code} with --format json", j)
    doc = json.loads(j.out)
    seen = sorted({f["kind"] for f in doc["files"]})
    check(seen == sorted(kinds), f"{source}: input kinds {seen}, expected {sorted(kinds)}", j)
    check(doc["summary"]["findings"] > 0, f"{source}: expected findings", j)
    golden(f"sources-{source}.json", j.out)
    return r, doc


def rule_ids(doc):
    return {f["rule_id"] for file in doc["files"] for f in file["findings"]}


def test_compose_project():
    _, doc = scan_golden("compose", ["compose"])
    ids = rule_ids(doc)
    check({"BD100", "BD114"} <= ids, f"privileged from the override, docker.sock: {ids}")


def test_shell_script():
    _, doc = scan_golden("script", ["script"])
    check("BD100" not in rule_ids(doc), "no privileged container in the script")


def test_github_workflow():
    _, doc = scan_golden("workflow", ["script"])
    check("BD100" in rule_ids(doc), "the job container's --privileged option")


def test_daemon_json():
    scan_golden("daemon", ["daemon"])


def test_dockerd_unit():
    r, _ = scan_golden("dockerd", ["dockerd"])
    check("EnvironmentFile=-/etc/default/docker would override" in r.out, "Environment= note", r)


def test_seccomp_profile():
    scan_golden("seccomp", ["seccomp"])


def test_build_context():
    r, doc = scan_golden("context", ["dockerfile"])
    ids = rule_ids(doc)
    check({"BD151", "BD153"} <= ids, f"secret content copied and a re-included key: {ids}", r)


if __name__ == "__main__":
    main(globals())
