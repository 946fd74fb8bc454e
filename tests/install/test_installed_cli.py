"""The installed CLI works outside the source tree: `cmake --install` to a temporary prefix, then
run <prefix>/bin/semivisible with the source tree hidden (a private mount namespace with an empty
tmpfs over it, when `unshare -m` is permitted; otherwise from another directory with the data
folder it reports checked to be the prefix's). Usage: test_installed_cli.py BUILD_DIR SOURCE_DIR"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

build, source = map(os.path.abspath, sys.argv[1:3])
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL:", message)


with tempfile.TemporaryDirectory() as tmp:
    prefix = os.path.join(tmp, "prefix")
    subprocess.run(["cmake", "--install", build, "--prefix", prefix], check=True,
                   stdout=subprocess.DEVNULL)
    exe = os.path.join(prefix, "bin", "semivisible")
    share = os.path.join(prefix, "share", "semivisible")
    check(os.path.isfile(os.path.join(share, "plot_na64_2021.py")), "plot script installed")
    check(os.path.isfile(os.path.join(share, "experiments", "na64-2016-2018.json")),
          "built-in experiments installed")
    env = {k: v for k, v in os.environ.items() if k != "SEMIVISIBLE_DATA_DIR"}
    work = os.path.join(tmp, "work")
    os.makedirs(work)
    # The installed binary keeps the source path compiled in; hide the source tree so that any
    # use of it fails.
    hide = shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs none '{source}'"],
        capture_output=True).returncode == 0
    script = (f"mount -t tmpfs none '{source}' && cd '{work}' && \"$@\"" if hide
              else f"cd '{work}' && \"$@\"")

    def run(*args):
        cmd = (["unshare", "-m", "sh", "-c", script, "sh"] if hide else ["sh", "-c", script, "sh"])
        return subprocess.run(cmd + [exe, *args], capture_output=True, text=True, env=env,
                              timeout=600)

    print("source tree hidden:", hide)
    r = run("experiments", "--format", "json")
    check(r.returncode == 0, f"experiments: {r.stderr}")
    if r.returncode == 0:
        data = json.loads(r.stdout)["data_dir"]
        check(os.path.realpath(data) == os.path.realpath(share),
              f"data_dir {data} is the prefix's {share}")
    r = run("yield", "--m-aprime", "0.1", "--format", "json")
    check(r.returncode == 0 and json.loads(r.stdout)["events_total"] > 0, f"yield: {r.stderr}")
    r = run("na64-2021", "--points", "12", "--out", "repro")
    check(r.returncode == 0, f"na64-2021: {r.stdout[-300:]} {r.stderr[-500:]}")
    out = os.path.join(work, "repro")
    check(os.path.isfile(os.path.join(out, "summary.json")), "summary.json written")
    check("plots: FAILED" not in r.stdout, f"plots made by the installed script: {r.stdout[-300:]}")
    check(os.path.isfile(os.path.join(out, "fig4.png")), "fig4.png from the installed plot script")
print(f"{'OK' if not failures else 'FAILED'}: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
