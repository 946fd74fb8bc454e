#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [TARGET...] — builds the `fuzz` preset (clang++-14, libFuzzer with
# AddressSanitizer + UndefinedBehaviorSanitizer) and runs each fuzz target for SECONDS (default
# 60) on a scratch copy of its seed corpus (fuzz/corpus/<name>/ stays as committed), JOBS
# (default 2) targets at a time. A crash,
# sanitizer report, leak, time-out (> 10 s per input) or allocation > 2 GB fails the target; its
# reproducer is left in build/fuzz/artifacts/. Ends with "fuzz: N passed, N failed" and exits
# non-zero when any target failed. Needs clang-14 and libclang-rt-14-dev (Debian).
set -uo pipefail
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_tables fuzz_shards fuzz_experiment_json fuzz_cli_args)
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/install-deps.sh clang-14 libclang-rt-14-dev > /dev/null || exit 1
mkdir -p build
cmake --preset fuzz > build/fuzz-configure.log 2>&1 || { cat build/fuzz-configure.log; exit 1; }
nice -n 10 cmake --build --preset fuzz -j"${JOBS:-2}" --target "${targets[@]}" || exit 1
# Fast ASan settings for fuzzing (no allocation stacks, small quarantine: 4x faster on the CLI
# target); re-run a reproducer with ASAN_OPTIONS= (defaults) for full reports.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:quarantine_size_mb=16}
mkdir -p build/fuzz/artifacts build/fuzz/logs
# One target: runs it on its scratch corpus, writes its summary line to build/fuzz/logs/<t>.result.
run_target() {
  local t=$1 name=${1#fuzz_}
  local work=build/fuzz/corpus/$name log=build/fuzz/logs/$1.log
  mkdir -p "$work"
  cp -n fuzz/corpus/"$name"/* "$work"/ 2>/dev/null || true
  local dict=()
  [ -f fuzz/"$name".dict ] && dict=(-dict="$root/fuzz/$name.dict")
  local start rc runs
  start=$(date +%s)
  build/fuzz/fuzz/"$t" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$root/build/fuzz/artifacts/$t-" "$work" > "$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "$rc $t: exit $rc, ${runs:-?} executions in $(( $(date +%s) - start )) s (log $log)" \
    > build/fuzz/logs/"$t".result
}
# Up to JOBS targets at a time (default 2: one per core of the CI machine).
jobs=${JOBS:-2}
running=0
for t in "${targets[@]}"; do
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait
passed=0 failed=0
for t in "${targets[@]}"; do
  read -r rc line < build/fuzz/logs/"$t".result
  echo "$line"
  if [ "$rc" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); tail -40 build/fuzz/logs/"$t".log; fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
