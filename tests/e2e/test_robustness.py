"""Bad input gets a located diagnostic with a caret and exit code 2; the other inputs are still scanned."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import TODAY, check, main, run, write  # noqa: E402

GOOD = "FROM debian:latest\n"


def scan_with_good(tmp, name, content, mode="w"):
    bad = write(tmp, name, content, mode)
    good = write(tmp, "good/Dockerfile", GOOD)
    r = run("scan", bad, good, "--today", TODAY, "--no-color")
    j = run("scan", bad, good, "--today", TODAY, "--format", "json")
    doc = json.loads(j.out)
    good_result = [f for f in doc["files"] if f["path"].endswith("good/Dockerfile")][0]
    check(any(f["rule_id"] == "BD011" for f in good_result["findings"]), "other input still scanned", j)
    check(r.code == 2 and j.code == 2, "exit code 2 on bad input", r)
    return r


def test_binary_file(tmp):
    r = scan_with_good(tmp, "bin/Dockerfile", b"FROM x\n\x00\x01\x02\xff", "wb")
    check("bin/Dockerfile:2:1: error: binary file" in r.out, "binary diagnostic", r)


def test_invalid_utf8(tmp):
    r = scan_with_good(tmp, "u/Dockerfile", b"FROM debian:12\nLABEL a=\"\xff\xfe\"\n", "wb")
    check("u/Dockerfile:2:10: error: invalid UTF-8" in r.out, "utf-8 diagnostic with line:col", r)
    check("^" in r.out, "caret", r)


def test_huge_file(tmp):
    path = os.path.join(tmp, "huge/Dockerfile")
    os.makedirs(os.path.dirname(path))
    with open(path, "w") as f:
        f.write("FROM debian:12\n")
        line = "RUN echo " + "x" * 90 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    r = scan_with_good(tmp, "huge/Dockerfile", open(path).read())
    check("file too large" in r.out, "size diagnostic", r)


def test_unterminated_heredoc(tmp):
    r = scan_with_good(tmp, "h/Dockerfile", "FROM debian:12\nRUN <<EOF\napt-get update\n")
    check("h/Dockerfile:2:5: error: unterminated heredoc" in r.out, "heredoc diagnostic", r)
    check("RUN <<EOF\n    ^" in r.out, "caret under <<EOF", r)


def test_unterminated_json_array(tmp):
    bad = write(tmp, "j/Dockerfile", "FROM debian:12\nCMD [\"nginx\", \"-g\"\n")
    r = run("scan", bad, "--today", TODAY, "--no-color")
    check("j/Dockerfile:2:5: warning: not a valid JSON array" in r.out, "json diagnostic", r)


def test_unknown_instruction_keeps_going(tmp):
    bad = write(tmp, "k/Dockerfile", "FROM debian:latest\nFORM x\nUSER root\n")
    r = run("scan", bad, "--today", TODAY, "--format", "json")
    doc = json.loads(r.out)
    ids = {f["rule_id"] for f in doc["files"][0]["findings"]}
    check(r.code == 2, "exit 2", r)
    check("BD002" in ids and "BD011" in ids, "instructions after the error still analysed", r)


def test_empty_and_directory_inputs(tmp):
    empty = write(tmp, "e/Dockerfile", "")
    r = run("scan", empty, "--today", TODAY, "--no-color")
    check(r.code == 2 and "no instructions" in r.out, "empty file diagnostic", r)


if __name__ == "__main__":
    main(globals())
