"""Every subcommand has --help; an unknown subcommand or option exits non-zero."""
from clitest import run, check, finish

for sub in ["width", "gm2", "yield", "cls", "scan", "merge", "relic", "na64-2021"]:
    code, out, err = run(sub, "--help")
    check(code == 0 and f"semivisible {sub}" in out, f"{sub} --help: exit {code}, usage line missing")
code, out, err = run("no-such-command")
check(code != 0, "unknown subcommand must fail")
code, out, err = run("--version")
check(code == 0 and "0.1" in out, "--version prints the version")
finish()
