"""End-to-end tests of the CLI on the built binary: golden outputs, exit codes, discovery, options."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import SOURCE_DIR, TODAY, check, golden, main, run, write  # noqa: E402

EXAMPLES = os.path.join(SOURCE_DIR, "examples")
INSECURE = "FROM debian:latest\nRUN apt-get update\nUSER root\n"
CLEAN = ("FROM gcr.io/distroless/static-debian12:nonroot@sha256:" + "a" * 64 + "\n"
         "COPY app /app\nUSER 65532\nHEALTHCHECK CMD [\"/app\", \"-health\"]\nENTRYPOINT [\"/app\"]\n")


def test_examples_text_golden():
    r = run("scan", "examples", "--today", TODAY, "--no-color", cwd=SOURCE_DIR)
    check(r.code == 1, "insecure examples must fail", r)
    golden("examples.txt", r.out)


def test_examples_json_golden():
    r = run("scan", "examples", "--today", TODAY, "--format", "json", cwd=SOURCE_DIR)
    check(r.code == 1, "insecure examples must fail", r)
    doc = json.loads(r.out)
    check(doc["summary"]["findings"] > 0, "expected findings", r)
    golden("examples.json", r.out)


def test_hardened_examples_pass():
    r = run("scan", "examples/hardened-go", "examples/hardened-python", "examples/hardened-compose", "--today", TODAY,
            cwd=SOURCE_DIR)
    check(r.code == 0, "hardened examples must pass at the default --fail-on", r)


def test_exit_codes_and_fail_on(tmp):
    write(tmp, "Dockerfile", INSECURE)
    check(run("scan", tmp, "--today", TODAY).code == 1, "findings -> 1")
    check(run("scan", tmp, "--today", TODAY, "--fail-on", "none").code == 0, "--fail-on none -> 0")
    check(run("scan", tmp, "--today", TODAY, "--fail-on", "critical").code == 0, "nothing critical -> 0")
    r = run("scan", tmp, "--fail-on", "severe")
    check(r.code == 2 and "not a severity" in r.err, "bad severity -> usage error", r)
    r = run("scan", os.path.join(tmp, "missing"))
    check(r.code == 2 and "no such file" in r.out + r.err, "missing path -> 2", r)


def test_clean_file_passes(tmp):
    write(tmp, "Dockerfile", CLEAN)
    r = run("scan", tmp, "--today", TODAY)
    check(r.code == 0, "clean Dockerfile passes", r)
    check("PASS" in r.out, "verdict printed", r)


def test_discovery_by_name_and_skip(tmp):
    for name in ["Dockerfile", "Dockerfile.dev", "api.Dockerfile", "web.dockerfile", "Containerfile",
                 "sub/dir/Dockerfile", "vendor/Dockerfile", "README.md", "notadockerfile.txt"]:
        write(tmp, name, INSECURE)
    r = run("scan", tmp, "--format", "json", "--today", TODAY, "--skip", "vendor/*")
    paths = sorted(os.path.relpath(f["path"], tmp) for f in json.loads(r.out)["files"])
    check(paths == sorted(["Dockerfile", "Dockerfile.dev", "api.Dockerfile", "web.dockerfile", "Containerfile",
                           "sub/dir/Dockerfile"]), f"discovered {paths}", r)
    # An explicit file of any name is scanned.
    r = run("scan", os.path.join(tmp, "notadockerfile.txt"), "--format", "json", "--today", TODAY)
    check(len(json.loads(r.out)["files"]) == 1, "explicit file scanned", r)


def test_stdin_and_name():
    r = run("scan", "-", "--stdin-filename", "build/Dockerfile", "--today", TODAY, "--no-color",
            stdin=INSECURE.encode())
    check(r.code == 1, "stdin findings", r)
    check("build/Dockerfile:1:" in r.out, "stdin display name used", r)


def test_parallel_output_is_stable(tmp):
    for i in range(40):
        write(tmp, f"d{i:02}/Dockerfile", INSECURE + f"EXPOSE {1000 + i}\n")
    one = run("scan", tmp, "-j", "1", "--today", TODAY, "--format", "json")
    many = run("scan", tmp, "-j", "8", "--today", TODAY, "--format", "json")
    check(one.out == many.out and one.code == many.code, "same output whatever -j")


def test_several_formats_in_one_run(tmp):
    write(tmp, "Dockerfile", INSECURE)
    sarif = os.path.join(tmp, "out.sarif")
    js = os.path.join(tmp, "out.json")
    r = run("scan", tmp, "--today", TODAY, "--format", f"sarif={sarif}", "--format", "json", "--output", js,
            "--format", "text")
    check(r.code == 1, "exit 1", r)
    check(json.load(open(sarif))["version"] == "2.1.0", "sarif written")
    check(json.load(open(js))["files"], "json written")
    check("FAIL" in r.out, "text on stdout", r)
    r = run("scan", tmp, "--format", "json", "--format", "sarif")
    check(r.code == 2 and "standard output" in r.err, "two formats on stdout refused", r)
    r = run("scan", tmp, "--format", "yaml")
    check(r.code == 2 and "unknown format" in r.err, "unknown format refused", r)


def test_unknown_command_suggests():
    r = run("scna")
    check(r.code == 2 and "Did you mean 'scan'" in r.err, "did you mean", r)


def test_ignore_and_only(tmp):
    write(tmp, "Dockerfile", "FROM debian:latest\n")
    r = run("scan", tmp, "--format", "json", "--today", TODAY, "--only", "bd011")
    ids = {f["rule_id"] for f in json.loads(r.out)["files"][0]["findings"]}
    check(ids == {"BD011"}, f"--only keeps one rule: {ids}", r)
    r = run("scan", tmp, "--format", "json", "--today", TODAY, "--ignore", "BD011")
    ids = {f["rule_id"] for f in json.loads(r.out)["files"][0]["findings"]}
    check("BD011" not in ids, "--ignore drops the rule", r)
    r = run("scan", tmp, "--ignore", "BD9999")
    check(r.code == 2 and "no rule" in r.err, "unknown id refused", r)


def test_rules_list_json_and_explain():
    r = run("rules", "--format", "json")
    rules = json.loads(r.out)
    check(len(rules) >= 50, f"at least 50 rules, got {len(rules)}")
    for rule in rules:
        for key in ("id", "title", "severity", "category", "rationale", "remediation", "bad_example",
                    "good_example", "equivalents"):
            check(rule.get(key), f"{rule.get('id')}: {key} empty")
    r = run("explain", "BD002")
    check(r.code == 0 and "BD002" in r.out and "Fix:" in r.out, "explain by id", r)
    r = run("explain", "DL3002")
    check(r.code == 0 and "BD002" in r.out, "explain by hadolint id", r)
    r = run("explain", "NOPE1")
    check(r.code == 2, "unknown id", r)


def test_rule_docs_are_generated(tmp):
    out = os.path.join(tmp, "rules")
    r = run("rules", "--docs", out)
    check(r.code == 0, "docs written", r)
    docs = os.path.join(SOURCE_DIR, "docs", "rules")
    generated = sorted(os.listdir(out))
    committed = sorted(f for f in os.listdir(docs) if f.endswith(".md"))
    check(generated == committed, "docs/rules has exactly the generated pages; run "
          "'bulwark rules --docs docs/rules'")
    for name in generated:
        with open(os.path.join(out, name)) as a, open(os.path.join(docs, name)) as b:
            check(a.read() == b.read(), f"docs/rules/{name} is stale; run 'bulwark rules --docs docs/rules'")


if __name__ == "__main__":
    main(globals())
