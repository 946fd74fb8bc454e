"""`semivisible survey`: bad input fails with a message and writes nothing; shards merge into
exactly the single run; a survey point's exclusion agrees with `semivisible scan` there."""
import csv
import json
import os
import tempfile

from clitest import run, check, check_close, finish

SMALL = ["--points", "3,2,2,2", "--m-aprime-range", "0.02:0.3", "--alpha-dark-range", "0.01:0.5",
         "--mass-ratio-range", "2.3:3.5", "--splitting-range", "0.1:0.4",
         "--experiments", "na64-2016-2018,e137", "--no-plots", "--samples-per-node", "8"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


with tempfile.TemporaryDirectory() as tmp:
    d = lambda *p: os.path.join(tmp, *p)

    # ---- bad input: clear message, nonzero exit, nothing written
    bad = [
        (["--mass-ratio-range", "1.5:1.9"], ["--mass-ratio-range", "1.5:1.9"]),
        (["--mass-ratio-range", "2.1:2.3", "--splitting-range", "0.5:1"], ["closed everywhere"]),
        (["--alpha-dark-range", "1e-3:20"], ["--alpha-dark-range", "4 pi"]),
        (["--points", "0,2,2,2"], ["--points", "zero points"]),
        (["--points", "3,2,2"], ["--points"]),
        (["--m-aprime-range", "0.1:0.2", "--points", "1,2,2,2"], ["--m-aprime-range"]),
        (["--experiments", "no-such-experiment"], ["--experiments", "no-such-experiment"]),
        (["--shard", "3/2"], ["--shard", "3/2"]),
        (["--epsilon-range", "1e-8:2"], ["--epsilon-range"]),
    ]
    for i, (args, words) in enumerate(bad):
        out = d(f"bad{i}")
        code, so, se = run("survey", *args, "--out", out, "--no-plots")
        check(code != 0, f"{args}: expected failure, got exit {code}")
        for w in words:
            check(w in so + se, f"{args}: message should mention {w!r}: {(so + se).strip()!r}")
        check(not os.path.exists(out), f"{args}: --out must not be created")
    # an experiment file that cannot be loaded
    with open(d("broken.json"), "w") as f:
        f.write('{"name": "broken"')
    code, so, se = run("survey", "--experiments", d("broken.json"), "--out", d("badfile"),
                       "--no-plots")
    check(code != 0 and "broken.json" in se, f"unloadable file: exit {code}: {se.strip()!r}")
    check(not os.path.exists(d("badfile")), "unloadable file: --out must not be created")

    # ---- shard + merge byte-identical
    code, so, se = run("survey", *SMALL, "--out", d("single"))
    check(code == 0, f"single run: exit {code}: {se.strip()}")
    for k in (1, 2, 3):
        code, so, se = run("survey", *SMALL, "--shard", f"{k}/3", "--out", d(f"s{k}"))
        check(code == 0, f"shard {k}/3: exit {code}: {se.strip()}")
    code, so, se = run("merge", d("s3"), d("s1"), d("s2"), "--out", d("merged"))
    check(code == 0, f"merge: exit {code}: {se.strip()}")
    for name in ("survey.csv", "survey.json"):
        if os.path.exists(d("merged", name)):
            check(read(d("merged", name)) == read(d("single", name)),
                  f"merged {name} must be byte-identical to the single run")
        else:
            check(False, f"merge wrote no {name}")
    code, so, se = run("merge", d("s1"), d("s2"), "--out", d("partial"))
    check(code != 0 and "3" in se, f"merge of 2 of 3 shards must fail: {se.strip()!r}")

    rows = list(csv.DictReader(open(d("single", "survey.csv"))))
    check(len(rows) == 24, f"3*2*2*2 = 24 rows, got {len(rows)}")
    closed = [r for r in rows if r["status"] == "closed"]
    check(len(closed) == 6, f"R = 2.3, f = 0.4 is closed (2.3 <= 2.4): got {len(closed)}")
    for r in rows:
        if r["status"] == "ok":
            f = float(r["gm2_band_allowed_fraction"])
            check(0 <= f <= 1, f"fraction in [0, 1]: {f}")

    # ---- one point against `semivisible scan` (m_A' = 0.1 GeV, benchmark ratios, alpha_D = 0.1;
    # babar-2017: the collider reinterpretation through scan/collider_plane.hpp)
    for exp in ("na64-2016-2018", "e137", "babar-2017"):
        code, so, se = run("survey", "--points", "1,1,1,1", "--m-aprime-range", "0.1",
                           "--alpha-dark-range", "0.1", "--mass-ratio-range", "3",
                           "--splitting-range", "0.4", "--experiments", exp, "--no-plots",
                           "--no-relic", "--out", d(f"pt-{exp}"))
        check(code == 0, f"point survey {exp}: exit {code}: {se.strip()}")
        code, so, se = run("scan", "--plane", "maprime-epsilon", "--experiment", exp,
                           "--range", "0.1:0.2", "--points", "1", "--y-range", "1e-8:1",
                           "--out", d(f"scan-{exp}"))
        check(code == 0, f"scan {exp}: exit {code}: {se.strip()}")
        if code == 0:
            doc = json.load(open(d(f"pt-{exp}", "survey.json")))
            iv = doc["columns"][exp + ".intervals"][0]
            srows = json.load(open(d(f"scan-{exp}", "exclusion.json")))["rows"]
            check(len(iv) == len(srows), f"{exp}: {len(iv)} survey intervals, {len(srows)} scan rows")
            for (lo, hi), s in zip(iv, srows):
                # same statistics, same events; edges to the 1e-3 tolerance of each search
                check_close(lo, s["lower"], 2e-3, f"{exp}: lower edge vs scan")
                check_close(hi, s["upper"], 2e-3, f"{exp}: upper edge vs scan")

    # ---- the default experiment list: every built-in with data, but not the projection
    # (na64-compact-hcal1) nor the variants of na64-2016-2018 (the same events under other
    # assumptions; the ECAL one is an upper bound): each is named in a note instead
    code, so, se = run("survey", "--points", "1,1,1,1", "--m-aprime-range", "0.1",
                       "--alpha-dark-range", "0.1", "--mass-ratio-range", "3",
                       "--splitting-range", "0.4", "--no-plots", "--no-relic",
                       "--samples-per-node", "8", "--out", d("defaults"))
    check(code == 0, f"default-list survey: exit {code}: {se.strip()}")
    listed = next((l.split()[1] for l in so.splitlines() if l.startswith("experiments")), "")
    expected = "babar-2017,charm,e137,na64-2016-2018,na64-2016-2022,nucal"
    check(listed == expected, f"default experiments {listed!r}, expected {expected!r}")
    for name, why in (("na64-compact-hcal1", "projection"), ("na64-2016-2018-ecal", "variant"),
                      ("na64-2016-2018-hcal-gap", "variant")):
        check(any(l.startswith(f"# {name}: ") and why in l for l in so.splitlines()),
              f"a note says {name} was left out as a {why}: {so!r}")

finish()
