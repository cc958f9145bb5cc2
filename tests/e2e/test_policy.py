"""End-to-end tests of policy: .bulwark.yaml discovery and trust, --config, inline ignores, baselines."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import TODAY, check, main, run, write  # noqa: E402

# BD002: last USER is root (high, hadolint DL3002). BD011: FROM ...:latest (medium, hadolint DL3007).
DOCKERFILE = "FROM debian:latest\nRUN echo hi\nUSER root\n"
UNTRUSTED_NOTE = ("config repo/.bulwark.yaml is untrusted: ignored rules.disable (BD002) and ignore[0]; "
                  "pass --trust-config or --config to allow")


def scan_json(*args, cwd):
    """Runs `scan --format json` and returns (Result, parsed report)."""
    r = run("scan", *args, "--today", TODAY, "--format", "json", cwd=cwd)
    try:
        doc = json.loads(r.out)
    except ValueError:
        raise AssertionError(f"stdout is not JSON\n{r!r}")
    return r, doc


def active(doc, rule=None):
    """(rule_id, line) of unsuppressed findings, optionally of one rule."""
    return [(x["rule_id"], x["location"]["line"]) for f in doc["files"] for x in f["findings"]
            if not x["suppressed"] and (rule is None or x["rule_id"] == rule)]


def suppressions(doc):
    """{(rule_id, line): suppression} of suppressed findings."""
    return {(x["rule_id"], x["location"]["line"]): x["suppression"] for f in doc["files"] for x in f["findings"]
            if x["suppressed"]}


def make_repo(tmp, config):
    write(tmp, "repo/Dockerfile", DOCKERFILE)
    write(tmp, "repo/.bulwark.yaml", config)


def test_untrusted_config_cannot_switch_checks_off(tmp):
    make_repo(tmp, "rules:\n  disable: [BD002]\nignore:\n  - path: '*'\n    reason: everything\n")
    r, doc = scan_json("repo", cwd=tmp)
    check(("BD002", 3) in active(doc), "an untrusted config must not disable BD002", r)
    check(doc["notes"] == [UNTRUSTED_NOTE], "one note naming every refused setting", r)
    check(r.code == 1, "findings still fail the run", r)
    t = run("scan", "repo", "--today", TODAY, "--no-color", cwd=tmp)
    check("note: " + UNTRUSTED_NOTE in t.out, "the text report prints the note", t)


def test_trust_config_lets_it_disable(tmp):
    make_repo(tmp, "rules:\n  disable: [BD002]\n")
    r, doc = scan_json("repo", "--trust-config", cwd=tmp)
    check(active(doc, "BD002") == [], "trusted config disables BD002", r)
    check(doc["notes"] == [], "no note for a trusted config", r)


def test_explicit_config_is_trusted_and_replaces_the_found_one(tmp):
    make_repo(tmp, "rules:\n  severity: {BD002: critical}\n")
    write(tmp, "policy/strict.yaml", "rules:\n  disable: [BD011]\nignore:\n  - path: repo/*\n"
                                     "    rules: [BD002]\n    reason: accepted risk\n")
    r, doc = scan_json("repo", "--config", "policy/strict.yaml", cwd=tmp)
    check(active(doc, "BD011") == [], "--config may disable", r)
    check(suppressions(doc).get(("BD002", 3)) == "config: repo/* accepted risk", "path ignore applied", r)
    sev = [x["severity"] for f in doc["files"] for x in f["findings"] if x["rule_id"] == "BD002"]
    check(sev == ["high"], "the found config is not read when --config is given", r)
    check(doc["notes"] == [], "no untrusted note", r)


def test_untrusted_config_may_tighten(tmp):
    make_repo(tmp, "rules:\n  severity: {BD012: high, DL3007: critical}\n"
                   "registries:\n  trusted: [ghcr.io/acme]\n")
    r, doc = scan_json("repo", "--fail-on", "critical", cwd=tmp)
    sev = {x["rule_id"]: x["severity"] for f in doc["files"] for x in f["findings"]}
    check(sev.get("BD012") == "high", "raised severity applies", r)
    check(sev.get("BD011") == "critical", "hadolint id DL3007 maps to BD011", r)
    check(doc["notes"] == [], "tightening needs no trust", r)
    check(r.code == 1, "a critical finding fails --fail-on critical", r)


def test_config_found_upward_from_a_file(tmp):
    write(tmp, "repo/svc/api/Dockerfile", DOCKERFILE)
    write(tmp, "repo/.bulwark.yaml", "rules:\n  severity: {BD002: critical}\n")
    r, doc = scan_json("repo/svc/api/Dockerfile", cwd=tmp)
    sev = [x["severity"] for f in doc["files"] for x in f["findings"] if x["rule_id"] == "BD002"]
    check(sev == ["critical"], "config two directories up is used", r)


def test_config_target_and_build_args_match_the_flags(tmp):
    write(tmp, "repo/Dockerfile", "ARG BASE=debian:latest\nFROM $BASE AS build\nUSER root\n"
                                  "FROM gcr.io/distroless/static:nonroot AS prod\nUSER 65532\n")
    write(tmp, "repo/.bulwark.yaml", "target: build\nbuild_args:\n  BASE: alpine:latest\n")
    _, with_config = scan_json("repo", cwd=tmp)
    os.remove(os.path.join(tmp, "repo/.bulwark.yaml"))
    _, with_flags = scan_json("repo", "--target", "build", "--build-arg", "BASE=alpine:latest", cwd=tmp)
    check(active(with_config) == active(with_flags), "config target/build_args act like the flags")
    _, plain = scan_json("repo", cwd=tmp)
    check(active(plain) != active(with_flags), "the test is meaningful: the flags change the findings")


def test_config_diagnostics_have_positions_and_never_crash(tmp):
    make_repo(tmp, "rule:\n  disable: [BD002]\nrules:\n  disabel: [BD002]\n  severity: {BD002: hihg}\n")
    r = run("scan", "repo", "--today", TODAY, "--no-color", cwd=tmp)
    check("repo/.bulwark.yaml:1:1: warning: unknown key 'rule' (did you mean 'rules'?)" in r.out, "top-level typo", r)
    check("repo/.bulwark.yaml:4:3: warning: unknown key 'disabel' in rules (did you mean 'disable'?)" in r.out,
          "nested typo", r)
    check("repo/.bulwark.yaml:5:21: error: unknown severity 'hihg' for BD002" in r.out, "bad severity", r)
    check(r.code == 2, "an error in the config is an input error (exit 2)", r)
    check("BD002" in r.out.split("Summary")[0], "the scan still ran", r)

    write(tmp, "repo/.bulwark.yaml", "rules:\n  disable: [BD002\ntarget: x\n")
    r, doc = scan_json("repo", cwd=tmp)
    check(r.code == 2, "invalid YAML -> exit 2", r)
    check("repo/.bulwark.yaml:3:7: error: invalid YAML: end of sequence flow not found" in r.err,
          "invalid YAML error at line:col on stderr", r)
    check(active(doc, "BD002") == [("BD002", 3)], "findings still reported", r)

    r = run("scan", "repo", "--config", "missing.yaml", "--today", TODAY, cwd=tmp)
    check(r.code == 2 and "missing.yaml: error: cannot read config" in r.out, "missing --config", r)


def test_inline_ignores_and_expiry(tmp):
    write(tmp, "Dockerfile",
          "# bulwark ignore=BD011 reason=\"base is pinned by CI\"\n"   # 1
          "FROM debian:latest\n"                                         # 2
          "# bulwark ignore-file=BD079\n"                                # 3
          "RUN apt-get update && \\\n"                                   # 4
          "    apt-get install -y curl\n"                                # 5
          "# hadolint ignore=DL3002\n"                                   # 6
          "USER root\n"                                                  # 7
          "# bulwark ignore=BD012 until=2026-01-01\n"                    # 8
          "# bulwark ignore=BD999,all\n"                                 # 9
          "CMD [\"sh\"]\n")                                              # 10
    r, doc = scan_json("Dockerfile", cwd=tmp)
    s = suppressions(doc)
    check(s.get(("BD011", 2)) == "inline: base is pinned by CI", "next-instruction ignore", r)
    check(s.get(("BD002", 7)) == "hadolint: DL3002", "hadolint ignore maps to BD002", r)
    check(any(k[0] == "BD079" and v == "file" for k, v in s.items()), "ignore-file", r)
    check(("BD012", 2) in active(doc), "an ignore on the wrong instruction does not apply", r)
    check("Dockerfile:8:30: warning: ignore for BD012 expired on 2026-01-01; the finding is reported again" in r.err,
          "expiry warning with position", r)
    check("Dockerfile:9:18: warning: unknown rule id 'BD999' in ignore comment" in r.err, "unknown id", r)
    check("Dockerfile:9:24: warning: 'all' is not accepted" in r.err, "'all' refused", r)
    check(doc["summary"]["suppressed"] == len(s), "summary counts suppressed findings", r)


def test_baseline_reports_only_new_findings(tmp):
    write(tmp, "app/Dockerfile", DOCKERFILE)
    r, doc = scan_json("app", cwd=tmp)
    check(r.code == 1 and active(doc), "the first run has findings", r)
    write(tmp, "base.json", r.out)

    r, doc = scan_json("app", "--baseline", "base.json", cwd=tmp)
    check(active(doc) == [], "nothing new", r)
    check(r.code == 0, "exit 0 when every finding is in the baseline", r)

    # Lines inserted above do not change fingerprints; EXPOSE 22 (BD043) is new.
    write(tmp, "app/Dockerfile", "# comment\n\n" + DOCKERFILE + "EXPOSE 22\n")
    r, doc = scan_json("app", "--baseline", "base.json", cwd=tmp)
    check(active(doc) == [("BD043", 6)], "only the new finding is reported after lines moved", r)
    check(r.code == 1, "a new medium finding fails the run", r)


def test_bad_baseline_is_an_input_error(tmp):
    write(tmp, "Dockerfile", DOCKERFILE)
    write(tmp, "base.json", '{\n  "files": [\n    {"findings": [}\n]}')
    r = run("scan", "Dockerfile", "--baseline", "base.json", "--today", TODAY, "--no-color", cwd=tmp)
    check(r.code == 2, "invalid baseline -> exit 2", r)
    check("base.json:3:19: error: cannot use baseline: invalid JSON: syntax error" in r.out, "position", r)
    check("BD002" in r.out, "findings are still reported", r)
    write(tmp, "base.json", "[]")
    r = run("scan", "Dockerfile", "--baseline", "base.json", "--today", TODAY, cwd=tmp)
    check(r.code == 2 and "not a bulwark JSON report" in r.out, "wrong shape", r)


if __name__ == "__main__":
    main(globals())
