// Feature switches. The default is WebAssembly 3.0 plus every proposal the opcode table lists;
// the spec runner narrows them per test-suite directory (proposals/threads is written against
// a base without multi-memory, for instance).

import type { Feature } from './opcodes.js';

export interface Features {
  /** More than one memory per module. */
  readonly multiMemory: boolean;
  /** Instruction groups (OpInfo.feature) that are enabled. */
  readonly ops: ReadonlySet<Feature>;
  /** custom-page-sizes proposal: memories with a page size other than 64 KiB. */
  readonly customPageSizes: boolean;
  /** Relaxed SIMD results follow the spec's deterministic profile. */
  readonly deterministicRelaxedSimd: boolean;
}

export const ALL_OP_FEATURES: readonly Feature[] = [
  'mvp', 'sign-ext', 'sat-conv', 'bulk-memory', 'ref-types', 'tail-call', 'function-references',
  'gc', 'exceptions', 'legacy-exceptions', 'wide-arithmetic', 'custom-descriptors', 'simd',
  'relaxed-simd', 'threads',
];

export const DEFAULT_FEATURES: Features = {
  multiMemory: true,
  ops: new Set(ALL_OP_FEATURES),
  customPageSizes: true,
  deterministicRelaxedSimd: false,
};

export function withFeatures(overrides: Partial<Features>): Features {
  return { ...DEFAULT_FEATURES, ...overrides };
}
