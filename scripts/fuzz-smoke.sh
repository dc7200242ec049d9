#!/usr/bin/env bash
# A short, bounded fuzz run for CI: builds the libFuzzer targets once, then runs each
# for SECONDS (default 20). Fails if any target crashes, hangs (-timeout=10) or goes
# over the memory limit. See docs/limits.md.
#
#   scripts/fuzz-smoke.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
start=$(date +%s)
scripts/fuzz.sh build
failed=()
for target in yaml plan rules cel template baseline lsp; do
  if ! FUZZ_NO_BUILD=1 scripts/fuzz.sh "$target" "$seconds"; then failed+=("$target"); fi
done
echo "fuzz smoke: $(( $(date +%s) - start ))s in all"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz smoke FAILED: ${failed[*]} (inputs in fuzz-out/)"
  exit 1
fi
echo "fuzz smoke: no crash in ${seconds}s per target"
