"""`semivisible scan`: files and columns of the contract, sharding + merge equals one run, bad input."""
import csv
import json
import os
import tempfile

from clitest import run, check, bad_input, finish

with tempfile.TemporaryDirectory() as d:
    full = os.path.join(d, "full")
    code, out, err = run("scan", "--plane", "maprime-epsilon", "--points", 8, "--range", "0.01:0.5",
                         "--out", full, "--format", "json")
    check(code == 0, f"scan failed: {err}")
    code, _, err = run("scan", "--plane", "maprime-epsilon", "--points", 3, "--range", "0.01:0.5",
                       "--hepdata", "--darkcast", "--out", os.path.join(d, "formats"))
    check(code == 0 and os.path.exists(os.path.join(d, "formats", "hepdata", "submission.yaml"))
          and os.path.exists(os.path.join(d, "formats", "exclusion.lmt")), f"--hepdata/--darkcast: {err}")
    rows = list(csv.DictReader(open(os.path.join(full, "exclusion.csv"))))
    check(list(rows[0].keys()) == ["x", "lower", "upper", "status"], f"columns: {list(rows[0].keys())}")
    check(len(rows) == 8 and all(r["status"] == "ok" for r in rows), "8 ok rows")
    check(all(float(r["lower"]) < float(r["upper"]) for r in rows if r["lower"]), "lower < upper")
    meta = json.load(open(os.path.join(full, "exclusion.json")))
    check(meta["parameters"]["plane"] == "maprime-epsilon", "parameters recorded")
    # Shards 1/2 and 2/2 merged give byte-identical files.
    for k in (1, 2):
        code, _, err = run("scan", "--plane", "maprime-epsilon", "--points", 8, "--range", "0.01:0.5",
                           "--shard", f"{k}/2", "--out", os.path.join(d, f"s{k}"))
        check(code == 0, f"shard {k} failed: {err}")
    code, _, err = run("merge", os.path.join(d, "s1"), os.path.join(d, "s2"), "--out", os.path.join(d, "m"))
    check(code == 0, f"merge failed: {err}")
    check(open(os.path.join(d, "m", "exclusion.csv")).read() == open(os.path.join(full, "exclusion.csv")).read(),
          "merge of shards == single run")
    # Other planes run.
    for plane, rng in (("maprime-alphadark", "0.1:0.5"), ("mchi1-splitting", "0.03:0.15")):
        code, _, err = run("scan", "--plane", plane, "--points", 3, "--range", rng, "--out", os.path.join(d, plane))
        check(code == 0, f"{plane} failed: {err}")
    # Bad input: message names option and value; nothing written.
    bad = os.path.join(d, "bad")
    bad_input(["scan", "--range", "1:0.1", "--out", bad], ["--range", "1:0.1"])
    bad_input(["scan", "--shard", "3/2", "--out", bad], ["--shard", "3/2"])
    bad_input(["scan", "--points", "0", "--out", bad], ["--points"])
    bad_input(["scan", "--plane", "foo", "--out", bad], ["--plane", "foo"])
    bad_input(["scan", "--setup", "/no/such.json", "--out", bad], ["--setup", "/no/such.json"])
    bad_input(["scan", "--plane", "mchi1-splitting", "--y-range", "0.1:1.5", "--out", bad], ["--y-range"])
    check(not os.path.exists(bad), "nothing written to --out on bad input")
finish()
