"""Helpers for the CLI contract tests: run the `semivisible` executable and check its output."""
import json
import os
import subprocess
import sys

EXE = sys.argv[1] if len(sys.argv) > 1 else "semivisible"
if os.sep in EXE:  # a path: absolute, so that tests may run it from another working directory
    EXE = os.path.abspath(EXE)
failures = []


def run(*args, timeout=300):
    """Runs the CLI with args; returns (exit code, stdout, stderr)."""
    p = subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def run_json(*args):
    code, out, err = run(*args, "--format", "json")
    check(code == 0, f"{args}: exit {code}: {err.strip()}")
    return json.loads(out) if code == 0 else {}


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def check_close(actual, expected, rel, message):
    ok = actual is not None and abs(actual - expected) <= rel * abs(expected)
    check(ok, f"{message}: got {actual}, expected {expected} within {rel:.1e} relative")


def bad_input(args, must_mention):
    """The CLI must exit non-zero with a message naming the option and the value."""
    code, out, err = run(*args)
    text = out + err
    check(code != 0, f"{args}: expected a non-zero exit, got {code}")
    for word in must_mention:
        check(word in text, f"{args}: message should mention {word!r}: {text.strip()!r}")


def finish():
    n = len(failures)
    print(f"{'OK' if n == 0 else 'FAILED'}: {n} failure(s)")
    sys.exit(1 if n else 0)
