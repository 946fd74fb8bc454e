"""`merge` refuses an --out that is one of its inputs (any spelling, a symbolic link), and shards
edited after the scan: an x moved off the grid, an interval with lower > upper, nan/inf edges.
Shards come from real `scan --shard K/N` runs, which record their grid (parameters.x_grid)."""
import json
import os
import tempfile

from clitest import run, check, finish

SCAN = ["scan", "--points", "4", "--range", "0.05:0.2"]


def read(path):
    return open(path, "rb").read()


def edit(src, dst, fn):
    """Copies shard src to dst with fn applied to its JSON rows and CSV lines alike."""
    os.makedirs(dst)
    doc = json.load(open(os.path.join(src, "exclusion.json")))
    fn(doc["rows"])
    json.dump(doc, open(os.path.join(dst, "exclusion.json"), "w"))
    with open(os.path.join(dst, "exclusion.csv"), "w") as f:
        f.write("x,lower,upper,status\n")
        for r in doc["rows"]:
            lo = "" if r["lower"] is None else repr(r["lower"])
            up = "" if r["upper"] is None else repr(r["upper"])
            f.write(f"{r['x']!r},{lo},{up},{r['status']}\n")


with tempfile.TemporaryDirectory() as d:
    p = lambda *a: os.path.join(d, *a)
    for k in (1, 2):
        code, _, err = run(*SCAN, "--shard", f"{k}/2", "--out", p(f"s{k}"))
        check(code == 0, f"shard {k}: {err.strip()!r}")
    meta = json.load(open(p("s1", "exclusion.json")))
    check(meta["parameters"].get("x_grid") == {"spacing": "log", "lo": 0.05, "hi": 0.2, "points": 4},
          f"the scan records its grid: {meta['parameters'].get('x_grid')}")
    code, _, err = run("merge", p("s1"), p("s2"), "--out", p("m"))
    check(code == 0, f"merge of real shards: {err.strip()!r}")

    # --out equal to an input, however it is spelled: refused, the input untouched
    before = read(p("s1", "exclusion.json"))
    os.symlink(p("s1"), p("link"))
    for out in (p("s1"), p("s1") + "/", p("s2", "..", "s1"), p("link")):
        code, _, err = run("merge", p("s1"), p("s2"), "--out", out)
        check(code != 0 and "--out" in err and "input" in err, f"--out {out}: {code} {err.strip()!r}")
    check(read(p("s1", "exclusion.json")) == before, "the input shard is untouched")

    # an x edited off the grid (by 1e-9 relative) or moved: refused naming the shard
    def nudge(rows):
        for r in rows:
            if r is rows[0]:
                r["x"] *= 1 + 1e-9
    edit(p("s2"), p("offgrid"), nudge)
    code, _, err = run("merge", p("s1"), p("offgrid"), "--out", p("o1"))
    check(code != 0 and "off the run's grid" in err and p("offgrid") in err,
          f"off-grid x: {err.strip()!r}")
    check(not os.path.exists(p("o1")), "off-grid: nothing written")

    # lower > upper
    def swap(rows):
        r = next(r for r in rows if r["lower"] is not None)
        r["lower"], r["upper"] = r["upper"], r["lower"]
    edit(p("s2"), p("swapped"), swap)
    code, _, err = run("merge", p("s1"), p("swapped"), "--out", p("o2"))
    check(code != 0 and "lower" in err and "upper" in err and p("swapped") in err,
          f"lower > upper: {err.strip()!r}")
    check(not os.path.exists(p("o2")), "lower > upper: nothing written")

    # a huge x_count or shard count in a hand-edited JSON: a message, no allocation failure
    os.makedirs(p("huge"))
    doc = json.load(open(p("s2", "exclusion.json")))
    doc["x_count"] = 10 ** 15
    json.dump(doc, open(p("huge", "exclusion.json"), "w"))
    open(p("huge", "exclusion.csv"), "wb").write(read(p("s2", "exclusion.csv")))
    code, _, err = run("merge", p("s1"), p("huge"), "--out", p("o3"))
    check(code != 0 and "x_count" in err and "bad_alloc" not in err, f"huge x_count: {err.strip()!r}")
finish()
