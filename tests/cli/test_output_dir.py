"""--out safety of `na64-2021` and `scan` (io/output_directory.hpp, docs/reliability.md):
a user's files are never removed, '.'/'..'/the working directory are refused, 'name/' is the
directory 'name', --force replaces, our own earlier output is replaced whole, two concurrent runs
on one --out never mix, SIGINT/SIGTERM leave nothing behind, kill -9 leaves a temporary that the
next run removes, and an unwritable --out fails before any computing."""
import json
import os
import signal
import subprocess
import tempfile
import time

from clitest import EXE, run, check, finish

NA64 = ["na64-2021", "--points", "2", "--no-plots"]  # ~1 s
SCAN = ["scan", "--points", "2", "--range", "0.05:0.1"]


def listing(d):
    return sorted(os.listdir(d))


def temporaries(parent):
    return [n for n in os.listdir(parent) if ".tmp-" in n or ".old-" in n or n.endswith(".lock")]


with tempfile.TemporaryDirectory() as d:
    p = lambda *a: os.path.join(d, *a)

    # ---- a user's non-empty directory is refused and untouched (was: removed unconditionally)
    for cmd in (NA64, SCAN):
        user = p("user-" + cmd[0])
        os.makedirs(user)
        open(os.path.join(user, "thesis.tex"), "w").write("precious\n")
        code, out, err = run(*cmd, "--out", user)
        check(code != 0 and "--out" in err and "--force" in err and user in err,
              f"{cmd[0]} into a user's directory: exit {code}, {err.strip()!r}")
        check(listing(user) == ["thesis.tex"], f"{cmd[0]}: the user's files stay: {listing(user)}")
        check(temporaries(d) == [], f"{cmd[0]}: no temporaries left: {temporaries(d)}")
        # --force replaces it (explicitly asked for)
        code, out, err = run(*cmd, "--out", user, "--force")
        check(code == 0 and ".semivisible-output" in listing(user)
              and "thesis.tex" not in listing(user), f"{cmd[0]} --force: {code} {err.strip()!r}")

    # ---- '.', '..' and the working directory are refused even with --force
    work = p("work")
    os.makedirs(work)
    open(os.path.join(work, "keep.txt"), "w").write("x")
    for target in (".", "./", "..", work, d):
        for cmd in (NA64, SCAN):
            r = subprocess.run([EXE, *cmd, "--out", target, "--force"], cwd=work,
                               capture_output=True, text=True, timeout=60)
            check(r.returncode != 0 and "--out" in r.stderr,
                  f"{cmd[0]} --out {target!r}: exit {r.returncode}, {r.stderr.strip()!r}")
    check(listing(work) == ["keep.txt"], f"working directory intact: {listing(work)}")

    # ---- 'name/' is the directory 'name' (was: the temporary went inside it and was lost)
    code, out, err = run(*NA64, "--out", p("slash") + "/")
    check(code == 0 and os.path.isfile(p("slash", "summary.json")), f"--out name/: {err.strip()!r}")
    check(temporaries(d) == [], f"--out name/: no temporaries: {temporaries(d)}")

    # ---- our own earlier output is replaced whole; a file added to it makes it foreign again
    code, out, err = run(*SCAN, "--out", p("ours"))
    first = json.load(open(p("ours", "exclusion.json")))
    code, out, err = run(*SCAN, "--out", p("ours"), "--hepdata")
    check(code == 0 and os.path.isdir(p("ours", "hepdata")), f"re-run over our output: {err.strip()!r}")
    open(p("ours", "notes.txt"), "w").write("mine")
    code, out, err = run(*SCAN, "--out", p("ours"))
    check(code != 0 and os.path.isfile(p("ours", "notes.txt")), "an added file protects the directory")
    # an existing file as --out
    open(p("afile"), "w").write("x")
    code, out, err = run(*SCAN, "--out", p("afile"))
    check(code != 0 and "must be a directory" in err and open(p("afile")).read() == "x",
          f"--out file: {err.strip()!r}")

    # ---- an unwritable --out fails before computing (the parent is a file): 10⁵ points would
    # take hours, so an answer within the 300 s guard of run() means nothing was computed.
    code, out, err = run("scan", "--points", "100000", "--out", p("afile", "sub"))
    check(code != 0 and "--out" in err and open(p("afile")).read() == "x",
          f"unwritable --out: exit {code}: {err.strip()!r}")
    code, out, err = run("scan", "--points", "2", "--out", p("x" * 5000))
    check(code != 0 and "at most 230 bytes" in err and len(err) < 1000,
          f"5000-character --out: {err.strip()[:200]!r}")

    # ---- two concurrent runs on one --out: the second fails at once, naming the first
    slow = ["scan", "--points", "3000", "--range", "0.01:0.5", "--threads", "1", "--out", p("busy")]
    first = subprocess.Popen([EXE, *slow], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline and not any(n.startswith(".busy.tmp-") for n in os.listdir(d)):
        time.sleep(0.05)
    code, out, err = run(*slow)
    check(code != 0 and "another semivisible run" in err and str(first.pid) in err,
          f"concurrent run: exit {code}, {err.strip()!r}")
    first.wait(timeout=600)
    check(first.returncode == 0 and os.path.isfile(p("busy", "exclusion.csv")),
          "the first run publishes normally")
    check(temporaries(d) == [], f"after the concurrent runs: {temporaries(d)}")

    # ---- SIGINT / SIGTERM remove the staging directory; kill -9 leaves one for the next run
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        target = p(f"sig{int(sig)}")
        proc = subprocess.Popen([EXE, "scan", "--points", "20000", "--threads", "1", "--out", target],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while time.time() < deadline and not any(
                n.startswith(f".sig{int(sig)}.tmp-") for n in os.listdir(d)):
            time.sleep(0.05)
        time.sleep(0.3)
        proc.send_signal(sig)
        proc.wait(timeout=60)
        check(proc.returncode == -sig, f"{sig.name}: killed by the signal ({proc.returncode})")
        check(not os.path.exists(target), f"{sig.name}: nothing published")
        left = [n for n in os.listdir(d) if n.startswith(f".sig{int(sig)}.")]
        if sig == signal.SIGKILL:
            check(any(".tmp-" in n for n in left), f"kill -9 leaves the staging dir: {left}")
            code, out, err = run(*SCAN, "--out", target)
            check(code == 0 and os.path.isfile(os.path.join(target, "exclusion.csv")),
                  f"next run after kill -9: {err.strip()!r}")
            left = [n for n in os.listdir(d) if n.startswith(f".sig{int(sig)}.")]
        check(left == [], f"{sig.name}: no temporary or lock file left: {left}")
finish()
