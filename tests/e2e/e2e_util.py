"""Shared helpers for bulwark's end-to-end tests (standard library only).

Each test_*.py file defines functions named test_*; `main()` runs them, prints one line per test and a
closing 'N passed, M failed' line, and exits non-zero on failure. Golden files live in tests/e2e/golden/;
set BULWARK_UPDATE_GOLDEN=1 to rewrite them after an intended change (then review the diff).
"""
import os
import subprocess
import sys
import tempfile
import traceback

BIN = os.environ.get("BULWARK_BIN", os.path.join("build", "dev", "bulwark"))
SOURCE_DIR = os.environ.get("BULWARK_SOURCE_DIR", os.getcwd())
SHARED_DIR = os.environ.get("BULWARK_SHARED_DIR", os.path.join(SOURCE_DIR, "..", "shared"))
GOLDEN_DIR = os.path.join(SOURCE_DIR, "tests", "e2e", "golden")
TODAY = "2026-11-23"


class Result:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    def __repr__(self):
        return f"exit={self.code}\n--- stdout\n{self.out[-3000:]}\n--- stderr\n{self.err[-3000:]}"


def run(*args, stdin=None, cwd=None, timeout=300):
    """Runs bulwark with args; returns Result (text decoded as UTF-8 with replacement)."""
    p = subprocess.run([os.path.abspath(BIN) if os.path.exists(BIN) else BIN, *args], input=stdin,
                       capture_output=True, cwd=cwd, timeout=timeout)
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


def write(dirpath, name, text, mode="w"):
    path = os.path.join(dirpath, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)
    return path


def check(cond, message, result=None):
    if not cond:
        raise AssertionError(message + (f"\n{result!r}" if result is not None else ""))


def golden(name, actual):
    """Compares actual text with tests/e2e/golden/<name>; rewrites it when BULWARK_UPDATE_GOLDEN=1."""
    path = os.path.join(GOLDEN_DIR, name)
    if os.environ.get("BULWARK_UPDATE_GOLDEN") == "1":
        os.makedirs(GOLDEN_DIR, exist_ok=True)
        with open(path, "w") as f:
            f.write(actual)
        return
    check(os.path.exists(path), f"missing golden file {path} (run with BULWARK_UPDATE_GOLDEN=1)")
    with open(path) as f:
        expected = f.read()
    if expected != actual:
        import difflib
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "golden/" + name, "actual"))
        raise AssertionError(f"output differs from golden/{name}:\n{diff[:6000]}")


def main(namespace):
    tests = [(n, f) for n, f in sorted(namespace.items()) if n.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, fn in tests:
        try:
            with tempfile.TemporaryDirectory() as tmp:
                if fn.__code__.co_argcount == 1:
                    fn(tmp)
                else:
                    fn()
            passed += 1
            print(f"PASS {name}")
        except Exception:  # noqa: BLE001 - report every failure and go on
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc(file=sys.stdout)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not tests else 0)
