// Which features each part of the test suite is written against, and which summary group each
// file belongs to. The suite mixes the core spec with proposals that are specified against
// different bases, and some of them contradict each other (core binary.wast requires memory
// limits flag 0x08 to be malformed, custom-page-sizes requires it to mean "explicit page size"),
// so every directory runs with its own feature set:
//
//   (top level), custom/   WebAssembly 3.0: MVP, sign-ext, sat-conv, bulk memory, reference
//                          types, tail calls, typed function references, GC, exceptions,
//                          SIMD and relaxed SIMD, multi-memory, memory64. No threads, no
//                          legacy exceptions, no wide arithmetic, no custom page sizes or
//                          descriptors.
//   legacy/                3.0 + legacy exceptions (try/catch/delegate/rethrow).
//   proposals/threads      3.0 + threads (shared memories, atomics), WITHOUT multi-memory:
//                          the proposal's tests predate it (a second memory is invalid there).
//   proposals/wide-arithmetic    3.0 + wide arithmetic.
//   proposals/custom-page-sizes  3.0 + custom page sizes.
//   proposals/custom-descriptors 3.0 + custom descriptors (exact types, descriptors).
//
// Relaxed SIMD runs non-deterministically-allowed (the tests accept every permitted result
// with `either`), so deterministicRelaxedSimd stays off everywhere.

import { DEFAULT_FEATURES } from '../src/syntax/features.js';
import type { Features } from '../src/syntax/features.js';
import type { Feature } from '../src/syntax/opcodes.js';

const WASM_3_OPS: readonly Feature[] = [
  'mvp', 'sign-ext', 'sat-conv', 'bulk-memory', 'ref-types', 'tail-call', 'function-references',
  'gc', 'exceptions', 'simd', 'relaxed-simd',
];

function profile(extraOps: readonly Feature[], overrides: Partial<Features> = {}): Features {
  return {
    ...DEFAULT_FEATURES,
    multiMemory: true,
    customPageSizes: false,
    deterministicRelaxedSimd: false,
    ops: new Set<Feature>([...WASM_3_OPS, ...extraOps]),
    ...overrides,
  };
}

/**
 * One object per profile, created once: the runtime caches validation per (module, features
 * object), so handing out the same object keeps that cache effective.
 */
export const PROFILES = {
  core: profile([]),
  legacy: profile(['legacy-exceptions']),
  threads: profile(['threads'], { multiMemory: false }),
  wideArithmetic: profile(['wide-arithmetic']),
  customPageSizes: profile([], { customPageSizes: true }),
  customDescriptors: profile(['custom-descriptors']),
} as const satisfies Record<string, Features>;

export type ProfileName = keyof typeof PROFILES;

/** Normalizes a path relative to the suite root to forward slashes. */
function norm(rel: string): string {
  return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** The profile for a file, by its path relative to the suite root. */
export function profileNameFor(relPath: string): ProfileName {
  const p = norm(relPath);
  if (p.startsWith('legacy/')) return 'legacy';
  if (p.startsWith('proposals/threads/')) return 'threads';
  if (p.startsWith('proposals/wide-arithmetic/')) return 'wideArithmetic';
  if (p.startsWith('proposals/custom-page-sizes/')) return 'customPageSizes';
  if (p.startsWith('proposals/custom-descriptors/')) return 'customDescriptors';
  return 'core';
}

export function featuresFor(relPath: string): Features {
  return PROFILES[profileNameFor(relPath)];
}

/** Summary groups, in the order the summary table prints them. */
export const GROUPS = [
  'core', 'memory64', 'simd', 'relaxed-simd', 'gc', 'function-references', 'tail-call',
  'exceptions', 'exceptions/legacy', 'custom', 'threads', 'wide-arithmetic', 'custom-page-sizes',
  'custom-descriptors', 'other-proposals',
] as const;
export type Group = (typeof GROUPS)[number];

const GC_FILES = new Set([
  'array', 'array_copy', 'array_fill', 'array_init_data', 'array_init_elem', 'array_new_data',
  'array_new_elem', 'binary-gc', 'br_on_cast', 'br_on_cast_fail', 'extern', 'i31', 'ref_cast',
  'ref_eq', 'ref_test', 'struct', 'type-canon', 'type-equivalence', 'type-rec', 'type-subtyping',
]);
const FUNCREF_FILES = new Set([
  'br_on_non_null', 'br_on_null', 'call_ref', 'ref_as_non_null', 'local_init', 'table-sub',
  'unreached-valid',
]);
const TAIL_CALL_FILES = new Set(['return_call', 'return_call_indirect', 'return_call_ref']);
const EXCEPTION_FILES = new Set(['tag', 'throw', 'throw_ref', 'try_table']);

/** The summary group of a file, by its path relative to the suite root. */
export function groupOf(relPath: string): Group {
  const p = norm(relPath);
  if (p.startsWith('legacy/')) return 'exceptions/legacy';
  if (p.startsWith('custom/')) return 'custom';
  if (p.startsWith('proposals/threads/')) return 'threads';
  if (p.startsWith('proposals/wide-arithmetic/')) return 'wide-arithmetic';
  if (p.startsWith('proposals/custom-page-sizes/')) return 'custom-page-sizes';
  if (p.startsWith('proposals/custom-descriptors/')) return 'custom-descriptors';
  if (p.startsWith('proposals/')) return 'other-proposals';
  const base = p.slice(p.lastIndexOf('/') + 1).replace(/\.wast$/, '');
  if (base.startsWith('relaxed_') || base.includes('_relaxed_')) return 'relaxed-simd';
  if (base.startsWith('simd_')) return 'simd';
  if (/64$/.test(base) || base.startsWith('memory64') || base === 'binary_leb128_64') return 'memory64';
  if (GC_FILES.has(base)) return 'gc';
  if (FUNCREF_FILES.has(base)) return 'function-references';
  if (TAIL_CALL_FILES.has(base)) return 'tail-call';
  if (EXCEPTION_FILES.has(base)) return 'exceptions';
  return 'core';
}
