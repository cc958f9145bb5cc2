"""End-to-end tests of `bulwark check-run` and of scanning scripts for docker run lines."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import check, main, run, write  # noqa: E402

HARDENED = ["docker", "run", "-d", "--read-only", "--cap-drop", "ALL", "--security-opt",
            "no-new-privileges:true", "--memory", "256m", "--cpus", "0.5", "--pids-limit", "100",
            "--network", "appnet", "-p", "127.0.0.1:8080:8080", "--user", "10001:10001", "nginx:1.27"]


def test_clean_command_passes():
    r = run("check-run", "--no-color", "--", *HARDENED)
    check(r.code == 0, "a hardened command line passes", r)
    check("0 clean" not in r.out or "findings" in r.out, "text summary is printed", r)


def test_privileged_fails_with_caret_under_the_flag():
    r = run("check-run", "--no-color", "--", "docker", "run", "-d", "--privileged", "nginx:1.27")
    check(r.code == 1, "a privileged container fails", r)
    lines = r.out.splitlines()
    idx = next((i for i, l in enumerate(lines) if "BD100" in l), None)
    check(idx is not None, "BD100 is reported", r)
    check(lines[idx].startswith("<command line>:1:15:"), "located at the flag", r)
    check(lines[idx + 1] == "docker run -d --privileged nginx:1.27", "the command line is the evidence", r)
    check(lines[idx + 2] == " " * 14 + "^" + "~" * 11, "carets under --privileged", r)


def test_single_quoted_string_and_short_form():
    r = run("check-run", "--no-color", "--only", "BD107", "docker run --net=host nginx:1.27")
    check(r.code == 1 and "BD107" in r.out, "one quoted argument is a shell line", r)
    r = run("check-run", "--no-color", "--only", "BD107", "--", "run", "--network", "host", "nginx:1.27")
    check(r.code == 1 and "BD107" in r.out, "`docker` may be left out", r)


def test_json_and_sarif_outputs():
    r = run("check-run", "--format", "json", "--", "docker", "run", "-v", "/var/run/docker.sock:/var/run/docker.sock",
            "traefik:v3.1")
    check(r.code == 1, "socket mount fails", r)
    doc = json.loads(r.out)
    ids = [f["rule_id"] for f in doc["files"][0]["findings"]]
    check("BD114" in ids, "BD114 in JSON", r)
    r = run("check-run", "--format", "sarif", "--", "docker", "run", "--pid=host", "nginx:1.27")
    doc = json.loads(r.out)
    results = doc["runs"][0]["results"]
    check(any(x["ruleId"] == "BD108" for x in results), "BD108 in SARIF", r)


def test_fail_on_and_usage_errors():
    low_only = ["docker", "run", "-d", "nginx:1.27"]
    r = run("check-run", "--fail-on", "high", "--", *low_only)
    check(r.code == 0, "only low/medium findings pass --fail-on high", r)
    r = run("check-run", "--fail-on", "none", "--", "docker", "run", "--privileged", "nginx:1.27")
    check(r.code == 0, "--fail-on none always passes", r)
    r = run("check-run")
    check(r.code == 2 and "no command line" in r.err, "no command -> usage error", r)
    r = run("check-run", "--", "ls", "-la")
    check(r.code == 2 and "not a docker run" in r.err, "not docker run -> usage error", r)
    r = run("check-run", "--fail-on", "severe", "--", *low_only)
    check(r.code == 2, "bad severity -> usage error", r)
    r = run("check-run", "--format", "yaml", "--", *low_only)
    check(r.code == 2, "bad format -> usage error", r)


def test_unknown_flag_is_a_warning_not_a_crash():
    r = run("check-run", "--no-color", "--fail-on", "none", "--", "docker", "run", "--frobnicate", "nginx:1.27")
    check(r.code == 0, "unknown flags do not fail the run", r)
    check("unknown flag '--frobnicate'" in r.out, "the warning is shown", r)


def test_scan_finds_scripts_and_markdown_only_when_asked(tmp):
    write(tmp, "deploy.sh", "#!/bin/sh\ndocker run -d --privileged nginx:1.27\n")
    write(tmp, "Makefile", "up:\n\tdocker run --pid host nginx:1.27\n")
    write(tmp, ".github/workflows/ci.yml",
          "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker run --ipc host x:1\n")
    write(tmp, "README.md", "```sh\ndocker run --uts host nginx:1.27\n```\n")
    r = run("scan", tmp, "--format", "json", "--fail-on", "none", "--only", "BD100", "--only", "BD108",
            "--only", "BD109", "--only", "BD110")
    doc = json.loads(r.out)
    found = {(os.path.basename(f["path"]), x["rule_id"]) for f in doc["files"] for x in f["findings"]}
    check(("deploy.sh", "BD100") in found and ("Makefile", "BD108") in found and ("ci.yml", "BD109") in found,
          "scripts, Makefiles and workflows are scanned", r)
    check(not any(name == "README.md" for name, _ in found), "Markdown is not walked by default", r)
    r = run("scan", tmp, "--markdown", "--format", "json", "--fail-on", "none", "--only", "BD110")
    doc = json.loads(r.out)
    check(any(x["rule_id"] == "BD110" for f in doc["files"] for x in f["findings"]), "--markdown walks it", r)
    r = run("scan", os.path.join(tmp, "README.md"), "--format", "json", "--fail-on", "none", "--only", "BD110")
    doc = json.loads(r.out)
    check(any(x["rule_id"] == "BD110" for f in doc["files"] for x in f["findings"]), "explicit README.md", r)


if __name__ == "__main__":
    main(globals())
