"""End-to-end tests of the output formats on the built binary.

Scans insecure Dockerfiles with every format and checks each output against its contract: SARIF
validates against the OASIS SARIF 2.1.0 schema, JSON against docs/schema/bulwark-report-v1.schema.json
(and, strictly, has no field the schema does not document), JUnit and checkstyle are well-formed XML
(xmllint), and all formats agree on the same findings. Needs python3-jsonschema and xmllint.
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import SHARED_DIR, SOURCE_DIR, TODAY, check, main, run, write  # noqa: E402

import jsonschema  # noqa: E402  (Debian: python3-jsonschema)

SARIF_SCHEMA = os.path.join(SHARED_DIR, "schemas", "sarif-schema-2.1.0.json")
JSON_SCHEMA = os.path.join(SOURCE_DIR, "docs", "schema", "bulwark-report-v1.schema.json")
FORMATS = ["text", "json", "sarif", "junit", "checkstyle"]

NODE = """# runs as root, pulls :latest, pipes a script into a shell, bakes a token in
FROM node:latest
MAINTAINER dev@example.com
ENV NPM_TOKEN=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
RUN apt-get update
RUN apt-get install -y curl && curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
ADD . /app
RUN chmod -R 777 /app
EXPOSE 3000 22
CMD npm start
"""
PYTHON = """FROM python
USER root
RUN pip install flask requests
RUN wget -O - http://example.com/install.sh | sh
ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
COPY . .
CMD python app.py
"""
# Markup characters, a terminal escape and a byte that is not UTF-8: every format must stay valid.
WEIRD = b"FROM alpine:latest\nLABEL note=\"<a & 'b'> \x1b[31m\xff\"\nRUN apk add curl && curl http://x | sh\n"


def tree(tmp):
    """Writes the inputs; returns the directory to scan."""
    root = os.path.join(tmp, "src")
    write(root, "Dockerfile", NODE)
    write(root, "web app/Dockerfile", PYTHON)  # a space: SARIF URIs must be percent-encoded
    write(root, "weird/Dockerfile", WEIRD, mode="wb")
    return root


def scan(root, *args):
    return run("scan", ".", "--today", TODAY, "--fail-on", "high", *args, cwd=root)


def load_schema(path):
    with open(path) as f:
        return json.load(f)


def validate(doc, schema):
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.absolute_path))
    check(not errors, "schema violations:\n" + "\n".join(
        f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in errors[:10]))


def strict(schema):
    """The schema with additionalProperties false wherever properties are listed, so an undocumented
    field in the output fails (the published schema stays open for additive minor versions)."""
    s = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(s)
    return s


def xmllint(path):
    p = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    check(p.returncode == 0, f"xmllint rejects {path}:\n{p.stderr[:3000]}")


def json_report(root):
    r = scan(root, "--format", "json")
    check(r.code in (1, 2), "insecure inputs must fail", r)
    doc = json.loads(r.out)
    findings = [x for f in doc["files"] for x in f["findings"]]
    check(findings, "no findings at all: the parser or the rules have not landed yet, or they broke "
                    "(these Dockerfiles are insecure on purpose)", r)
    return r, doc, findings


def test_json_validates_against_the_documented_schema(tmp):
    r, doc, findings = json_report(tree(tmp))
    schema = load_schema(JSON_SCHEMA)
    validate(doc, schema)
    validate(doc, strict(schema))
    check(doc["summary"]["exit_code"] == r.code, "summary.exit_code is the process exit code", r)
    check(doc["summary"]["findings"] == sum(1 for x in findings if not x["suppressed"]), "summary counts findings")
    check(doc["summary"]["files"] == len(doc["files"]) == 3, "three inputs reported", r)
    paths = [f["path"] for f in doc["files"]]
    check(paths == sorted(paths), f"files sorted by path: {paths}")
    check(any(x["title"] for x in findings), "findings carry rule titles")
    check(all(x["fix"] for x in findings), "every finding has a fix or remediation")


def test_sarif_validates_against_sarif_2_1_0(tmp):
    root = tree(tmp)
    _, doc, findings = json_report(root)
    r = scan(root, "--format", "sarif")
    sarif = json.loads(r.out)
    validate(sarif, load_schema(SARIF_SCHEMA))
    check(sarif["version"] == "2.1.0", "SARIF version")
    run0 = sarif["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    results = run0["results"]
    check(len(results) == len(findings), f"{len(results)} results for {len(findings)} findings", r)
    check(len({rule["id"] for rule in rules}) == len(rules), "rule descriptors are unique")
    for res in results:
        check(rules[res["ruleIndex"]]["id"] == res["ruleId"], f"ruleIndex points at {res['ruleId']}")
        check(res["level"] in ("error", "warning", "note"), "result level")
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        check(" " not in uri and not uri.startswith("./"), f"URI is encoded and relative: {uri}")
    for rule in rules:
        if "properties" in rule:
            float(rule["properties"]["security-severity"])
    check(sorted(x["fingerprint"] for x in findings) ==
          sorted(res["partialFingerprints"]["bulwark/v1"] for res in results), "SARIF and JSON fingerprints agree")
    check(any("web%20app/Dockerfile" == res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
              for res in results), "the path with a space is percent-encoded")
    inv = run0["invocations"][0]
    check(inv["executionSuccessful"] == (doc["summary"]["errors"] == 0), "executionSuccessful follows errors")


def test_junit_is_well_formed_and_counts_findings(tmp):
    root = tree(tmp)
    _, doc, findings = json_report(root)
    out = os.path.join(tmp, "junit.xml")
    r = scan(root, "--format", f"junit={out}")
    xmllint(out)
    top = ET.parse(out).getroot()
    check(top.tag == "testsuites", "root element", r)
    suites = top.findall("testsuite")
    check([s.get("name") for s in suites if s.get("name") != "bulwark"] == [f["path"] for f in doc["files"]],
          "one testsuite per scanned file, in order")
    failures = top.findall("./testsuite/testcase/failure")
    check(len(failures) == doc["summary"]["findings"], f"{len(failures)} failures", r)
    check(int(top.get("failures")) == len(failures), "testsuites failures attribute")
    check(all(f.get("type") in ("critical", "high", "medium", "low", "info") for f in failures), "failure types")
    check(len(top.findall("./testsuite/testcase/error")) == doc["summary"]["errors"], "error test cases")


def test_checkstyle_is_well_formed_and_counts_findings(tmp):
    root = tree(tmp)
    _, doc, findings = json_report(root)
    out = os.path.join(tmp, "checkstyle.xml")
    scan(root, "--format", f"checkstyle={out}")
    xmllint(out)
    top = ET.parse(out).getroot()
    check(top.tag == "checkstyle" and top.get("version") == "4.3", "checkstyle root")
    errors = top.findall("./file/error")
    rule_errors = [e for e in errors if e.get("source") != "bulwark.parse"]
    check(len(rule_errors) == doc["summary"]["findings"], f"{len(rule_errors)} rule errors")
    check(all(e.get("source").startswith("bulwark.") for e in errors), "sources")
    check(all(e.get("severity") in ("error", "warning", "info") for e in errors), "severities")
    diags = sum(len(f["diagnostics"]) for f in doc["files"]) + len(doc["diagnostics"])
    check(len(errors) - len(rule_errors) == diags, "diagnostics reported as bulwark.parse")


def test_text_summary_and_colour(tmp):
    root = tree(tmp)
    r, doc, _ = json_report(root)
    t = scan(root, "--format", "text", "--no-color")
    check(t.code == r.code, "same exit code as json", t)
    check("\x1b" not in t.out, "no colour with --no-color (and the input's escape is neutralised)", t)
    check("Summary" in t.out and "Top recommendations" in t.out, "summary printed", t)
    verdict = [line for line in t.out.splitlines() if line.startswith(("FAIL:", "PASS:"))]
    check(len(verdict) == 1 and verdict[0].startswith("FAIL: "), f"one FAIL verdict: {verdict}", t)
    check(f"(exit code {t.code})" in verdict[0], "verdict states the exit code", t)
    c = scan(root, "--format", "text", "--color", "always")
    check("\x1b[" in c.out, "colour with --color always", c)
    q = scan(root, "--format", "text", "--no-color", "-q")
    check("Summary" not in q.out and q.out.strip(), "quiet: findings only", q)


def test_several_formats_in_one_run(tmp):
    root = tree(tmp)
    a, b = os.path.join(tmp, "a.sarif"), os.path.join(tmp, "b.json")
    r = scan(root, "--format", f"sarif={a}", "--format", f"json={b}", "--format", "text", "--no-color")
    check(r.code in (1, 2), "insecure inputs fail", r)
    check("Summary" in r.out, "text went to stdout", r)
    with open(a) as f:
        validate(json.load(f), load_schema(SARIF_SCHEMA))
    with open(b) as f:
        combined = f.read()
    validate(json.loads(combined), load_schema(JSON_SCHEMA))
    alone = scan(root, "--format", "json")
    check(combined == alone.out, "the JSON file equals a JSON-only run (deterministic)")
    check(alone.code == r.code, "same exit code")


def test_streamed_reports_equal_whole_ones(tmp):
    # Text or JSON to stdout is written while the scan runs (the scan then drops each file's findings);
    # to a file it is rendered from the whole report after the scan. Same bytes, same exit code, same
    # diagnostics on stderr, also with --severity, --baseline and -j.
    root = tree(tmp)
    write(root, "bad/Dockerfile", "FROM alpine:3.20\nRUN [\"a\"\n")  # a diagnostic with a caret
    base = os.path.join(tmp, "base.json")
    with open(base, "w") as f:
        f.write(scan(root, "--format", "json", "--skip", "web app/**").out)
    for fmt in ("text", "json"):
        for extra in ([], ["--severity", "high"], ["--baseline", base], ["-j", "1"], ["--show-suppressed"]):
            out = os.path.join(tmp, f"whole.{fmt}")
            streamed = scan(root, "--format", fmt, "--no-color", *extra)
            whole = scan(root, "--format", f"{fmt}={out}", "--no-color", *extra)
            with open(out) as f:
                written = f.read()
            check(streamed.out == written, f"{fmt} {extra}: streamed output differs from the whole report", streamed)
            check(streamed.code == whole.code, f"{fmt} {extra}: exit codes differ", whole)
            if fmt == "json":
                check(streamed.err == whole.err, f"{fmt} {extra}: stderr differs", whole)
                doc = json.loads(streamed.out)
                check(list(doc) == ["schema_version", "tool", "files", "summary", "diagnostics", "notes"],
                      f"top-level keys in order: {list(doc)}")
                if "--baseline" in extra:
                    check(all(f["path"].startswith("web app") or not f["findings"] for f in doc["files"]),
                          "the baseline took the other files' findings", streamed)


def test_every_format_is_deterministic_and_agrees_on_exit_code(tmp):
    root = tree(tmp)
    codes = set()
    for fmt in FORMATS:
        first, second = scan(root, "--format", fmt, "--no-color"), scan(root, "--format", fmt, "--no-color")
        check(first.out == second.out, f"{fmt}: output differs between two runs", first)
        check(first.out.strip(), f"{fmt}: empty output", first)
        codes.add(first.code)
    check(len(codes) == 1, f"formats disagree on the exit code: {codes}")


def test_xmllint_is_installed():
    check(shutil.which("xmllint") is not None, "xmllint (Debian package libxml2-utils) is required")


if __name__ == "__main__":
    main(globals())
