"""`na64-2021 --reference FILE` is read strictly (io/two_column_csv.hpp): nan/inf, an empty file,
a directory, a non-numeric line are refused with a message naming --reference, the file, the line
and the value, nothing is written to --out; a reference that does not overlap the scan gives null
ratios in summary.json (was: a 1e300 sentinel)."""
import json
import os
import tempfile

from clitest import run, check, finish

GOOD = "m_aprime_GeV,epsilon_90\n1e-3,7.5e-6\n2e-3,8e-6\n"
CASES = {
    "nan.csv": ("1e-3,7.5e-6\n2e-3,nan\n", ["line 2", "epsilon_90 = 'nan'"]),
    "inf.csv": ("1e-3,inf\n2e-3,1e-5\n", ["line 1", "'inf'"]),
    "huge.csv": ("1e-3,1e999\n2e-3,1e-5\n", ["line 1", "finite"]),
    "abc.csv": ("abc,def\n", ["line 1 = 'abc,def'", "m_aprime_GeV = 'abc'"]),
    "empty.csv": ("", ["0 data lines"]),
    "comments.csv": ("# nothing\n\n", ["0 data lines"]),
    "negative.csv": ("1e-3,-7.5e-6\n2e-3,8e-6\n", ["epsilon_90 = -7.5e-06, but must be > 0"]),
    "unsorted.csv": ("2e-3,7.5e-6\n1e-3,8e-6\n", ["strictly increasing"]),
    "three.csv": ("1e-3,7.5e-6,1\n2e-3,8e-6\n", ["two fields"]),
}

with tempfile.TemporaryDirectory() as d:
    for name, (text, words) in CASES.items():
        path = os.path.join(d, name)
        open(path, "w").write(text)
        out = os.path.join(d, "out-" + name)
        code, stdout, err = run("na64-2021", "--points", "2", "--no-plots", "--reference", path,
                                "--out", out)
        check(code != 0, f"{name}: expected a non-zero exit")
        for w in ["--reference", path, *words]:
            check(w in err, f"{name}: message should mention {w!r}: {err.strip()!r}")
        check("stod" not in err, f"{name}: no bare 'stod'")
        check(not os.path.exists(out), f"{name}: nothing written to --out")
        check([n for n in os.listdir(d) if n.startswith(".out-")] == [], f"{name}: no temporaries")
    code, stdout, err = run("na64-2021", "--points", "2", "--no-plots", "--reference", d,
                            "--out", os.path.join(d, "out-dir"))
    check(code != 0 and "--reference" in err and "readable file" in err, f"directory: {err!r}")
    # a valid reference outside the scanned masses: the ratios are null, never 1e300
    path = os.path.join(d, "far.csv")
    open(path, "w").write("20,1e-3\n30,2e-3\n")
    out = os.path.join(d, "far")
    code, stdout, err = run("na64-2021", "--points", "2", "--no-plots", "--reference", path,
                            "--out", out)
    check(code == 0, f"far reference: exit {code}: {err.strip()!r}")
    if code == 0:
        s = json.load(open(os.path.join(out, "summary.json")))
        check(s["invisible_recast_ratio_min"] is None and s["invisible_recast_ratio_max"] is None,
              f"no overlap: null ratios, got {s['invisible_recast_ratio_min']}")
        check("1e+300" not in open(os.path.join(out, "summary.json")).read(), "no 1e300 sentinel")
finish()
