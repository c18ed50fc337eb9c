// The `spectest` host module the scripts import, as the reference interpreter defines it
// (WebAssembly/spec interpreter/host/spectest.ml):
//   print, print_i32, print_i64, print_f32, print_f64, print_i32_f32, print_f64_f64  (no results)
//   global_i32 = 666, global_i64 = 666, global_f32 = 666.6, global_f64 = 666.6   (immutable)
//   table   = 10..20 funcref (i32 addresses), table64 = 10..20 funcref (i64 addresses)
//   memory  = 1..2 pages
//   shared_memory = 1..2 pages shared (the threads proposal's version of that file)
// Any other name is not provided, so importing it is an "unknown import" link error.
//
// One source of truth: the exports come from the runtime's spectest (src/runtime/spectest.ts,
// which `glasswasm run --spectest` also uses).
// A fresh instance per script, as the reference interpreter runs each script in its own
// process. The print functions print nothing: the runner's output is its report.

import type { ExternValue } from '../src/runtime/objects.js';
import { spectestExports } from '../src/runtime/spectest.js';

export type HostModule = (name: string) => ExternValue | undefined;

/** Builds a fresh spectest module. */
export function createSpectest(): HostModule {
  const exports = spectestExports();
  return (name) => exports.get(name);
}
