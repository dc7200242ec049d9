#!/usr/bin/env bash
# Builds one libFuzzer target (Fuzz/) with -sanitize=fuzzer,address and runs it.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags…]
#   scripts/fuzz.sh build             # build every target, run nothing
#
# TARGET: yaml | plan | rules | cel | template | baseline | lsp
# Seeds come from Fuzz/corpus/TARGET (committed); the inputs libFuzzer adds go to
# .build-fuzzer/corpus/TARGET (not committed); crashes, leaks and timeouts to
# fuzz-out/TARGET/. Exit status: libFuzzer's (0 = no crash in the time given).
# FUZZ_NO_BUILD=1 runs the binary already built.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scratch="${FUZZ_SCRATCH:-$root/.build-fuzzer}"   # FUZZ_SCRATCH: another build folder

product_of() {
  case "$1" in
    yaml) echo FuzzYAML ;; plan) echo FuzzPlan ;; rules) echo FuzzRules ;;
    cel) echo FuzzCEL ;; template) echo FuzzTemplate ;; baseline) echo FuzzBaseline ;; lsp) echo FuzzLSP ;;
    *) echo "unknown target '$1' (yaml, plan, rules, cel, template, baseline, lsp)" >&2; exit 2 ;;
  esac
}

build() {
  # SwiftPM does not notice files added to the main package (a path dependency here)
  # when it reuses its build plan: drop the plan so it is made again (cheap).
  rm -f "$scratch/release.yaml" "$scratch/release/description.json"
  # Nor does it rebuild these targets when a type of the main package changes layout
  # (a stale FuzzPlan.o crashed in PlanLoader's destructor): they are small, rebuild them.
  rm -rf "$scratch"/*/release/Fuzz*.build "$scratch"/*/release/Modules/Fuzz*
  swift build -c release --package-path "$root/Fuzz" --scratch-path "$scratch" "$@" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -g 2>&1 \
    | grep -v -e 'Cannot export local symbol' -e '^\[[0-9]*/[0-9]*\]' || true
}

if [ "${1:-}" = build ]; then
  build
  exit 0
fi
[ $# -ge 2 ] || { sed -n 2,10p "$0" >&2; exit 2; }
target=$1; seconds=$2; shift 2
product=$(product_of "$target")
[ -n "${FUZZ_NO_BUILD:-}" ] || build --product "$product"
binary="$scratch/release/$product"
[ -x "$binary" ] || { echo "build failed: no $binary" >&2; exit 2; }

corpus="$scratch/corpus/$target"
out="$root/fuzz-out/$target"
mkdir -p "$corpus" "$out"
log="$out/last-run.log"
echo "running $product for ${seconds}s (log: $log)"
set +e
# Leak checking is off: Swift's lazily built globals (tables, caches) are allocated
# once and never freed, which LeakSanitizer reports on the first input. Unbounded
# memory is caught by -rss_limit_mb and -malloc_limit_mb instead (a smaller ASan
# quarantine keeps RSS honest). ASan keeps the call stack of every allocation in a
# store it never frees; the CEL target's random expressions make new stacks without
# end (nested closures), which grew RSS past 2 GB in 8 minutes while the live heap
# stayed near 35 MB. Four frames per stack bound that store; to see full allocation
# stacks for a crash, rerun its input with ASAN_OPTIONS=malloc_context_size=30.
# The Swift runtime's own backtracer is off so that ASan's report of a crash is the
# one printed.
ASAN_OPTIONS="detect_leaks=0:quarantine_size_mb=64:malloc_context_size=4:${ASAN_OPTIONS:-}" SWIFT_BACKTRACE=enable=no \
"$binary" "$corpus" "$root/Fuzz/corpus/$target" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 -max_len=16384 \
  -artifact_prefix="$out/" -print_final_stats=1 "$@" >"$log" 2>&1
status=$?
set -e
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs|^stat::number_of_executed_units|^stat::peak_rss_mb|ERROR: libFuzzer|ERROR: AddressSanitizer|fuzz oracle failed|Fatal error|^artifact_prefix|Test unit written' "$log" || true
if [ $status -ne 0 ]; then
  echo "FAILED ($target, status $status): see $log and $out/"
  tail -n 40 "$log"
fi
exit $status
