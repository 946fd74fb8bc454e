"""`semivisible merge`: shards join into exactly the single-run output; bad input fails cleanly.

The shard directories are written here in the exclusion.csv/json format of
docs/cli.md and docs/output-formats.md (the `scan` command that normally writes them
belongs to the physics planes). The single run is the same rows as one 1/1 "shard": merging the
shards must give byte-identical files to merging (re-writing) the single run.
"""
import json
import os
import tempfile

from clitest import run, check, finish

PARAMS = {"plane": "maprime-epsilon", "range": "1e-3:1", "points": 10, "eot": 2.84e11}


def rows_at(i, x):
    """Rows of grid point i: an island pair at i = 4, a failure at i = 7, nothing at i = 0."""
    if i == 0:
        return [(x, None, None, "ok")]
    if i == 4:
        return [(x, 1e-5, 2e-4, "ok"), (x, 3e-3, 1.5e-2, "ok")]
    if i == 7:
        return [(x, None, None, "numerical_error")]
    return [(x, 1e-5 * (1 + i / 10), 2e-2 / (1 + i), "ok")]


GRID = [1e-3 * 1000 ** (i / 9) for i in range(10)]


def write_dir(path, shard, indices, params=PARAMS, x_count=10):
    os.makedirs(path, exist_ok=True)
    rows = [r for i in indices for r in rows_at(i, GRID[i])]
    with open(os.path.join(path, "exclusion.csv"), "w") as f:
        f.write("x,lower,upper,status\n")
        for x, lo, up, st in rows:
            f.write(f"{x!r},{'' if lo is None else repr(lo)},{'' if up is None else repr(up)},{st}\n")
    doc = {"format": "semivisible-exclusion", "format_version": 1, "parameters": params,
           "shard": shard, "x_count": x_count,
           "rows": [{"x": x, "lower": lo, "upper": up, "status": st,
                     "lower_at_range": False, "upper_at_range": False} for x, lo, up, st in rows]}
    with open(os.path.join(path, "exclusion.json"), "w") as f:
        json.dump(doc, f)


def read(path, name):
    with open(os.path.join(path, name), "rb") as f:
        return f.read()


with tempfile.TemporaryDirectory() as tmp:
    d = lambda *p: os.path.join(tmp, *p)
    write_dir(d("single"), "1/1", range(10))
    for k in (1, 2, 3):
        write_dir(d(f"shard{k}"), f"{k}/3", range(k - 1, 10, 3))

    code, out, err = run("merge", d("single"), "--out", d("single-rewritten"))
    check(code == 0, f"merge of the single run: exit {code}: {err.strip()}")
    # shards given in any order
    code, out, err = run("merge", d("shard3"), d("shard1"), d("shard2"), "--out", d("merged"),
                         "--format", "json")
    check(code == 0, f"merge of 3 shards: exit {code}: {err.strip()}")
    if code == 0:
        summary = json.loads(out)
        check(summary.get("shards") == 3 and summary.get("x_count") == 10
              and summary.get("rows") == 11 and summary.get("failed_rows") == 1,
              f"summary: {summary}")
        for name in ("exclusion.csv", "exclusion.json"):
            check(read(d("merged"), name) == read(d("single-rewritten"), name),
                  f"merged {name} must be byte-identical to the single run's")
        lines = read(d("merged"), "exclusion.csv").decode().splitlines()
        check(lines[0] == "x,lower,upper,status", f"CSV header: {lines[0]!r}")
        xs = [float(l.split(",")[0]) for l in lines[1:]]
        check(xs == sorted(xs) and len(xs) == 11, f"rows sorted by x, islands kept: {xs}")
        check(lines[1].endswith(",,,ok") and "numerical_error" in lines[9],
              f"empty edges and failure status kept: {lines[1]!r}, {lines[9]!r}")
        merged = json.loads(read(d("merged"), "exclusion.json"))
        check(merged["shard"] == "1/1" and merged["parameters"] == PARAMS,
              f"merged JSON: shard {merged['shard']}, parameters {merged['parameters']}")

    # bad input: non-zero exit, the message names the option/argument and value, nothing written
    write_dir(d("other"), "2/3", range(1, 10, 3), params={**PARAMS, "eot": 1e12})
    write_dir(d("bad-shard"), "3/2", range(2, 10, 3))
    cases = [
        ((d("shard1"), d("nope"), "--out", d("o1")), ["DIR", d("nope")], d("o1")),
        ((d("shard1"), d("other"), d("shard3"), "--out", d("o2")), ["parameters", d("other")], d("o2")),
        ((d("shard1"), d("shard3"), "--out", d("o3")), ["missing 2/3"], d("o3")),
        ((d("shard1"), d("shard1"), d("shard2"), "--out", d("o4")), ["already given"], d("o4")),
        ((d("shard1"), d("bad-shard"), "--out", d("o5")), ["shard", "3/2"], d("o5")),
        ((d("shard1"), d("shard2"), d("shard3")), ["--out"], None),
    ]
    for args, words, outdir in cases:
        code, out, err = run("merge", *args)
        text = out + err
        check(code != 0, f"merge {args}: expected a non-zero exit")
        for w in words:
            check(w in text, f"merge {args}: message should mention {w!r}: {text.strip()!r}")
        if outdir:
            check(not os.path.exists(outdir), f"merge {args}: {outdir} must not be created")

    # a half-written shard (CSV and JSON disagree) is refused
    write_dir(d("torn"), "2/3", range(1, 10, 3))
    with open(d("torn", "exclusion.csv"), "w") as f:
        f.write("x,lower,upper,status\n")
    code, out, err = run("merge", d("shard1"), d("torn"), d("shard3"), "--out", d("o6"))
    check(code != 0 and d("torn") in err and "differ" in err, f"torn shard: {code} {err.strip()!r}")
    # --out naming an existing file
    open(d("afile"), "w").close()
    code, out, err = run("merge", d("shard1"), d("shard2"), d("shard3"), "--out", d("afile"))
    check(code != 0 and "--out" in err and d("afile") in err, f"--out file: {code} {err.strip()!r}")
    # no temporaries stay behind in a successful --out
    check(sorted(os.listdir(d("merged"))) == ["exclusion.csv", "exclusion.json"],
          f"--out holds only the two files: {os.listdir(d('merged'))}")

finish()
