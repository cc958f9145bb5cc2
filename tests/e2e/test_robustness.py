"""Bad input gets a located diagnostic with a caret and exit code 2; the other inputs are still scanned."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from e2e_util import BIN, TODAY, Result, check, main, run, write  # noqa: E402

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


def as_nobody(test_name):
    """The command prefix that runs bulwark as a user permissions apply to: none for a user other than
    root, setpriv to nobody (util-linux) for root, who reads and searches everything; None (the test is
    skipped, with a line that says why) when nobody cannot run the binary."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*prefix, os.path.abspath(BIN), "--version"], capture_output=True)
    if probe.returncode != 0:
        print(f"SKIP {test_name}: nobody cannot run {BIN}: {probe.stderr.decode(errors='replace').strip()}")
        return None
    return prefix


def test_unreadable_directory_is_an_input_error(tmp):
    """A directory the walk cannot read is an error naming it (exit 2), never a silent gap; the rest is
    scanned, and a build context holding it gets a note. Root reads everything, so as root bulwark
    runs as nobody (setpriv, util-linux)."""
    os.chmod(tmp, 0o755)
    write(tmp, "repo/ok/Dockerfile", GOOD)
    write(tmp, "repo/locked/Dockerfile", GOOD)
    write(tmp, "repo/Dockerfile", "FROM debian:latest\nCOPY . /app\n")
    for d in ("repo", "repo/ok"):
        os.chmod(os.path.join(tmp, d), 0o755)
    for f in ("repo/Dockerfile", "repo/ok/Dockerfile"):
        os.chmod(os.path.join(tmp, f), 0o644)
    prefix = as_nobody("test_unreadable_directory_is_an_input_error")
    if prefix is None:
        return
    os.chmod(os.path.join(tmp, "repo/locked"), 0o000)
    repo = os.path.join(tmp, "repo")
    p = subprocess.run([*prefix, os.path.abspath(BIN), "scan", repo, "--today", TODAY, "--format", "json"],
                       capture_output=True)
    os.chmod(os.path.join(tmp, "repo/locked"), 0o755)  # so that the temporary directory can go
    r = Result(p.returncode, p.stdout.decode(), p.stderr.decode())
    check(r.code == 2, "exit code 2", r)
    doc = json.loads(r.out)
    locked = os.path.join(repo, "locked")
    check(any(d["location"]["file"] == locked and d["level"] == "error" and
              d["message"] == "cannot read directory: Permission denied; the files below it were not scanned"
              for d in doc["diagnostics"]), "the unreadable directory is named", r)
    paths = sorted(f["path"] for f in doc["files"])
    check(paths == [os.path.join(repo, "Dockerfile"), os.path.join(repo, "ok/Dockerfile")],
          "the readable Dockerfiles are scanned", r)
    top = [f for f in doc["files"] if f["path"] == os.path.join(repo, "Dockerfile")][0]
    check(any(d["level"] == "note" and f"cannot read directory {locked}: Permission denied" in d["message"]
              for d in top["diagnostics"]), "the build context note", r)


def test_optional_env_file_in_an_unsearchable_directory_is_a_warning(tmp):
    """`required: false` skips an env_file silently only when it is missing: one in a directory its user
    may not search (stat fails with EACCES, not ENOENT) is a warning at its entry, as docker compose fails
    on it. Root searches everything, so as root bulwark runs as nobody (setpriv, util-linux)."""
    os.chmod(tmp, 0o755)
    d = os.path.join(tmp, "p")
    compose = write(d, "compose.yaml", "services:\n  web:\n    image: nginx:1.25\n    env_file:\n"
                    "      - path: locked/app.env\n        required: false\n"
                    "      - path: gone.env\n        required: false\n")
    write(d, "locked/app.env", "A=1\n")
    os.chmod(d, 0o755)
    os.chmod(compose, 0o644)
    prefix = as_nobody("test_optional_env_file_in_an_unsearchable_directory_is_a_warning")
    if prefix is None:
        return
    os.chmod(os.path.join(d, "locked"), 0o000)
    p = subprocess.run([*prefix, os.path.abspath(BIN), "scan", compose, "--today", TODAY, "--format", "json"],
                       capture_output=True)
    os.chmod(os.path.join(d, "locked"), 0o755)  # so that the temporary directory can go
    r = Result(p.returncode, p.stdout.decode(), p.stderr.decode())
    doc = json.loads(r.out)
    diags = [(x["location"]["line"], x["location"]["column"], x["level"], x["message"])
             for x in doc["files"][0]["diagnostics"]]
    check(diags == [(5, 15, "warning", "env_file 'locked/app.env' (required: false) may exist but cannot be "
                     "looked up (Permission denied); its variables are unknown to the scan")],
          f"the unsearchable one is named, the missing one is not: {diags}", r)


def test_compose_files_honour_max_file_size(tmp):
    """--max-file-size holds for every file a compose scan reads, not only the positional one: the
    override, an extends file, an env_file and the .env over it are refused with the size message every
    other input gets; under the default limit they are read."""
    pad = "# " + "x" * 400 + "\n"
    d = os.path.join(tmp, "p")
    write(d, "compose.yaml", "services:\n  web:\n    image: nginx:1.25\n    extends:\n      file: base.yaml\n"
          "      service: base\n    env_file: app.env\n")
    write(d, "compose.override.yaml", pad + "services:\n  web:\n    privileged: true\n")
    write(d, "base.yaml", pad + "services:\n  base:\n    pid: host\n")
    write(d, "app.env", pad + "A=1\n")
    write(d, ".env", pad + "TAG=1\n")
    big = write(d, "big/compose.yaml", pad + "services:\n  web:\n    image: nginx:1.25\n")
    dockerfile = write(d, "big/Dockerfile", pad + "FROM debian:12\n")

    def too_large(path):
        return f"file too large: {os.path.getsize(path)} bytes (limit 300 bytes, see --max-file-size)"

    compose = os.path.join(d, "compose.yaml")
    r = run("scan", compose, "--today", TODAY, "--format", "json", "--max-file-size", "300")
    doc = json.loads(r.out)
    diags = {(x["location"]["file"], x["location"]["line"], x["message"]) for x in doc["files"][0]["diagnostics"]}
    override = os.path.join(d, "compose.override.yaml")
    expected = {
        (override, 0, f"cannot read this override of {compose}: {too_large(override)}; what it defines is not "
         "scanned"),
        (compose, 5, f"cannot read '{os.path.join(d, 'base.yaml')}': {too_large(os.path.join(d, 'base.yaml'))}; "
         "what it defines is not scanned"),
        (compose, 7, f"env_file 'app.env' cannot be read ({too_large(os.path.join(d, 'app.env'))}); its "
         "variables are unknown to the scan"),
        (os.path.join(d, ".env"), 0, f"cannot read the project's .env: {too_large(os.path.join(d, '.env'))}; its "
         "variables are unknown to the scan"),
    }
    check(diags == expected, f"each file over the limit is named, with its size: {diags}", r)
    ids = {f["rule_id"] for f in doc["files"][0]["findings"]}
    check("BD100" not in ids and "BD108" not in ids, "what the refused files say is not scanned", r)

    r = run("scan", compose, "--today", TODAY, "--format", "json")
    doc = json.loads(r.out)
    check(doc["files"][0]["diagnostics"] == [], "under the default limit every file is read", r)
    ids = {f["rule_id"] for f in doc["files"][0]["findings"]}
    check("BD100" in ids and "BD108" in ids, "the override's privileged and the base's pid: host", r)

    # A compose file over the limit, positional or --compose-file, gets a Dockerfile's message.
    r = run("scan", big, dockerfile, "--today", TODAY, "--format", "json", "--max-file-size", "300")
    r2 = run("scan", "--compose-file", big, "--today", TODAY, "--format", "json", "--max-file-size", "300")
    check(r.code == 2 and r2.code == 2, "exit code 2", r)
    msgs = [x["message"] for f in json.loads(r.out)["files"] + json.loads(r2.out)["files"]
            for x in f["diagnostics"]]
    check(msgs == [too_large(big), too_large(dockerfile), too_large(big)], f"the same message: {msgs}", r)


if __name__ == "__main__":
    main(globals())
