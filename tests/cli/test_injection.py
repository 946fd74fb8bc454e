"""The plot step of `na64-2021` starts its child with an argument vector (examples/cli/process.hpp),
never a shell: --out, --python and --plot-script containing quotes, ';', '$(...)' or spaces reach
the child verbatim and run nothing (was: std::system with quoted arguments, so
--out "r';touch INJECTED;'" ran `touch INJECTED`)."""
import json
import os
import stat
import subprocess
import tempfile

from clitest import EXE, check, finish

HOSTILE = ["r';touch INJECTED;'", 'q";touch INJECTED;"', "s$(touch INJECTED)", "b`touch INJECTED`",
           "sp ace & touch INJECTED", "-c"]

with tempfile.TemporaryDirectory() as d:
    # a stand-in interpreter: records the argv it was given, exits 0
    fake = os.path.join(d, "fake python; touch INJECTED")
    record = os.path.join(d, "argv.json")
    with open(fake, "w") as f:
        f.write(f"#!/usr/bin/python3\nimport json, sys\njson.dump(sys.argv, open({record!r}, 'w'))\n")
    os.chmod(fake, os.stat(fake).st_mode | stat.S_IXUSR)
    script = os.path.join(d, "plot 'x';$(touch INJECTED).py")
    open(script, "w").write("# never run by the fake interpreter\n")

    for i, name in enumerate(HOSTILE):
        out = name if not name.startswith("-") else "./" + name
        r = subprocess.run([EXE, "na64-2021", "--points", "2", "--out", out, "--python", fake,
                            "--plot-script", script], cwd=d, capture_output=True, text=True,
                           timeout=300)
        check(r.returncode == 0, f"--out {name!r}: exit {r.returncode}: {r.stderr.strip()!r}")
        check(not os.path.exists(os.path.join(d, "INJECTED")), f"--out {name!r}: a shell ran")
        check(os.path.isfile(os.path.join(d, out, "summary.json")), f"--out {name!r}: published")
        argv = json.load(open(record)) if os.path.exists(record) else []
        check(len(argv) == 3 and argv[1] == script and os.path.basename(argv[2]).startswith(
            "." + os.path.basename(out) + ".tmp-"),
              f"--out {name!r}: the child got the paths verbatim: {argv}")
        check("plots: fig4" in r.stdout, f"--out {name!r}: plot step reported ok")
        if os.path.exists(record):
            os.remove(record)

    # a --python that does not exist is reported, not run through a shell
    r = subprocess.run([EXE, "na64-2021", "--points", "2", "--out", "np", "--python",
                        "no-such-python;touch INJECTED"], cwd=d, capture_output=True, text=True,
                       timeout=300)
    check(r.returncode == 0 and "plots: FAILED" in r.stdout and "cannot start" in r.stdout,
          f"missing --python: {r.stdout.strip()[-300:]!r}")
    check(not os.path.exists(os.path.join(d, "INJECTED")), "missing --python: no shell")
    # a --plot-script that does not exist is refused before computing
    r = subprocess.run([EXE, "na64-2021", "--points", "2", "--out", "ns", "--plot-script",
                        "nope.py;touch INJECTED"], cwd=d, capture_output=True, text=True, timeout=60)
    check(r.returncode != 0 and "--plot-script" in r.stderr and not os.path.exists(
        os.path.join(d, "ns")), f"missing --plot-script: {r.stderr.strip()!r}")
finish()
