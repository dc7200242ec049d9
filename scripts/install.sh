#!/usr/bin/env bash
# Builds a release shore with the Swift runtime linked in statically and installs it.
#
#   scripts/install.sh                 # into /usr/local/bin (may need sudo)
#   scripts/install.sh --prefix ~/.local
#
# The binary then needs only libyaml and the C library at run time (no Swift toolchain,
# no libstdc++): copy it to any machine with libyaml installed (apt-get install libyaml-0-2).
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

flags=(-c release --static-swift-stdlib)
# The Swift runtime still asks for libstdc++ (-lstdc++): link the static archive
# instead, found first on the library path, and libgcc statically, so only libyaml
# and the C library remain dynamic.
cc="$(command -v clang || command -v gcc || true)"
archive="${cc:+$("$cc" -print-file-name=libstdc++.a)}"
if [ -n "$archive" ] && [ -f "$archive" ]; then
  static_cxx="$PWD/.build/static-libstdc++"
  mkdir -p "$static_cxx"
  ln -sf "$archive" "$static_cxx/libstdc++.a"
  flags+=(-Xswiftc -L -Xswiftc "$static_cxx" -Xswiftc -Xclang-linker -Xswiftc -static-libgcc)
else
  echo "install.sh: no static libstdc++ found; the binary will also need libstdc++ at run time" >&2
fi

swift build "${flags[@]}" --product shore
binary="$(swift build "${flags[@]}" --show-bin-path)/shore"
mkdir -p "$prefix/bin"
install -m 0755 "$binary" "$prefix/bin/shore"
echo "installed $prefix/bin/shore ($("$prefix/bin/shore" --version 2>/dev/null || echo "version unknown"))"
