#!/usr/bin/env bash
# Recreates every checked-in .wasm under bench/wasm from its source.
# Needs: clang-19 + lld-19 + wasi-libc (Debian: clang-19 lld-19 wasi-libc), wabt (wat2wasm),
# binaryen (wasm-as, optional: the V8-flagged GC copies),
# node (for the big-module generator and GC .wat files, after `npm run build`).
# Usage: bench/build.sh [--no-big]     (--no-big skips the slow multi-megabyte module)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/wasm"
mkdir -p "$out"
CC="${CC:-clang-19}"
# Plain MVP-plus-defaults target of clang 19 (no SIMD): every engine in the table can run it.
# Only the `simd` workload adds -msimd128 (see below).
common=(--target=wasm32-wasi --sysroot=/usr -O2 -I"$here/c")

# build_c NAME SRC [EXTRA_FLAGS...]: wasm/NAME.wasm and wasm/NAME.wasi.wasm from SRC.
build_c() {
  local name="$1" src="$2"
  shift 2
  # No-import build: exports `run` and memory only; no _start, no WASI imports.
  "$CC" "${common[@]}" "$@" -nostartfiles -Wl,--no-entry \
    -Wl,--strip-all -o "$out/$name.wasm" "$src"
  # WASI build: `main` prints the checksum.
  "$CC" "${common[@]}" "$@" -DBENCH_WASI -Wl,--strip-all -o "$out/$name.wasi.wasm" "$src"
  echo "built $name.wasm $name.wasi.wasm"
}

for src in "$here"/c/*.c; do
  name="$(basename "$src" .c)"
  if [[ "$name" == simd ]]; then
    # The SIMD workload is built twice from one source: with clang's vectorizers targeting
    # 128-bit SIMD, and as plain scalar code; both must return the same checksum.
    build_c simd "$src" -msimd128
    build_c simd-scalar "$src"
    # Guard: the point of the SIMD build is v128 code in the hot loops.
    # (grep without -q reads all input: an early exit would fail the pipe under pipefail)
    if command -v wasm2wat >/dev/null &&
      ! wasm2wat "$out/simd.wasm" | grep -E '(i8x16|i16x8|i32x4|f32x4)\.' >/dev/null; then
      echo "simd.wasm has no v128 lane instructions: vectorization failed" >&2
      exit 1
    fi
  else
    build_c "$name" "$src"
  fi
done

for src in "$here"/wat/*.wat; do
  name="$(basename "$src" .wat)"
  if wat2wasm "$src" -o "$out/wat-$name.wasm" 2>/dev/null; then
    echo "built wat-$name.wasm (wabt)"
  else
    # wabt 1.0.32 predates the final GC encoding: fall back to glasswasm's own assembler.
    node "$here/../dist/bench/gen/wat2wasm.js" "$src" "$out/wat-$name.wasm"
    echo "built wat-$name.wasm (glasswasm's text assembler)"
    # Native copy for Node 20's V8, which runs GC only behind --experimental-wasm-gc and in a
    # pre-standard encoding that binaryen 108 emits (engines/native-flagged.ts runs it).
    if command -v wasm-as >/dev/null; then
      wasm-as --enable-gc --enable-reference-types "$src" -o "$out/wat-$name.v8-gc.wasm"
      echo "built wat-$name.v8-gc.wasm (binaryen, for native V8 with --experimental-wasm-gc)"
    fi
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
