#!/usr/bin/env bash
# Recreates every checked-in .wasm under bench/wasm from its source.
# Needs: clang-19 + lld-19 + wasi-libc (Debian: clang-19 lld-19 wasi-libc), wabt (wat2wasm),
# node (for the big-module generator and GC .wat files, after `npm run build`).
# Usage: bench/build.sh [--no-big]     (--no-big skips the slow multi-megabyte module)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/wasm"
mkdir -p "$out"
CC="${CC:-clang-19}"
# Plain MVP-plus-defaults target of clang 19 (no SIMD): every engine in the table can run it.
common=(--target=wasm32-wasi --sysroot=/usr -O2 -I"$here/c")

for src in "$here"/c/*.c; do
  name="$(basename "$src" .c)"
  # No-import build: exports `run` and memory only; no _start, no WASI imports.
  "$CC" "${common[@]}" -nostartfiles -Wl,--no-entry \
    -Wl,--strip-all -o "$out/$name.wasm" "$src"
  # WASI build: `main` prints the checksum.
  "$CC" "${common[@]}" -DBENCH_WASI -Wl,--strip-all -o "$out/$name.wasi.wasm" "$src"
  echo "built $name.wasm $name.wasi.wasm"
done

for src in "$here"/wat/*.wat; do
  name="$(basename "$src" .wat)"
  if wat2wasm "$src" -o "$out/wat-$name.wasm" 2>/dev/null; then
    echo "built wat-$name.wasm (wabt)"
  else
    # wabt 1.0.32 predates the final GC encoding: fall back to glasswasm's own assembler.
    node "$here/../dist/bench/gen/wat2wasm.js" "$src" "$out/wat-$name.wasm"
    echo "built wat-$name.wasm (glasswasm's text assembler)"
  fi
done

if [[ "${1:-}" != "--no-big" ]]; then
  gen="$here/../dist/bench/gen/big-module.js"
  if [[ ! -f "$gen" ]]; then
    echo "missing $gen: run 'npm run build' first" >&2
    exit 1
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  node "$gen" > "$tmp/big.c"
  # -O1 keeps every generated function (they are all exported through a table)
  # while producing realistic optimized code; see gen/big-module.ts.
  "$CC" "${common[@]}" -O1 -w -nostartfiles -Wl,--no-entry -Wl,--strip-all \
    -o "$out/big.wasm" "$tmp/big.c"
  echo "built big.wasm ($(stat -c %s "$out/big.wasm") bytes)"
fi
