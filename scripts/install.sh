#!/usr/bin/env bash
# Builds a release shore with the Swift runtime linked in statically and installs it.
#
#   scripts/install.sh                 # into /usr/local/bin (may need sudo)
#   scripts/install.sh --prefix ~/.local
#
# The binary then needs only libyaml and the C library family at run time (no Swift
# toolchain): copy it to any machine with libyaml installed (apt-get install libyaml-0-2).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (use --prefix FOLDER)" >&2; exit 2 ;;
  esac
done

swift build -c release --static-swift-stdlib --product shore
binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/shore"
mkdir -p "$prefix/bin"
install -m 0755 "$binary" "$prefix/bin/shore"
echo "installed $prefix/bin/shore ($("$prefix/bin/shore" --version 2>/dev/null || echo "version unknown"))"
