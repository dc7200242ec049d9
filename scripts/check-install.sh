#!/usr/bin/env bash
# Checks an installed shore the way a CI user meets it: copied alone into an empty
# folder, it runs the main job (the example plan against the embedded starter pack,
# exit 1 with findings), and `ldd` lists nothing but libyaml and the C library family.
#
#   scripts/check-install.sh /usr/local/bin/shore
set -euo pipefail
binary="${1:?usage: scripts/check-install.sh PATH/TO/shore}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
folder="$(mktemp -d)"
trap 'rm -rf "$folder"' EXIT
cp "$binary" "$folder/shore"
cp "$repo/examples/plans/support-expansion-2027.yaml" "$folder/plan.yaml"
cd "$folder"

status=0
./shore check plan.yaml --format json --output report.json || status=$?
if [ "$status" -ne 1 ]; then
  echo "check-install: expected exit 1 (the example plan has failing findings), got $status" >&2
  exit 1
fi
grep -q '"rule" : "DATA-001"\|"rule": "DATA-001"' report.json || { echo "check-install: DATA-001 missing from the report" >&2; exit 1; }

# Allowed at run time: libyaml, the C library family and the loader.
allowed='^(linux-vdso\.so|libyaml-0\.so|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so|libutil\.so|ld-linux[-a-z0-9_]*\.so)'
unexpected="$(ldd ./shore | awk '{print $1}' | sed 's|.*/||' | grep -Ev "$allowed" || true)"
if [ -n "$unexpected" ]; then
  echo "check-install: shore links libraries beyond libyaml and libc:" >&2
  echo "$unexpected" >&2
  ldd ./shore >&2
  exit 1
fi
echo "check-install: ok ($(ldd ./shore | awk '{print $1}' | sed 's|.*/||' | tr '\n' ' '))"
