// GC heap objects: plain JS objects held by reference, reclaimed by JS's own collector.
// i31 references are JS numbers (see src/runtime/objects.ts), so only structs, arrays and the
// boxes made by extern.convert_any live here. The `kind` getters let code outside the GC
// files (the spec runner's result patterns) recognise objects without importing them.

import type { Ref } from '../objects.js';
import type { ArrayLayout, StructLayout } from './layout.js';

const NO_WORDS = new Int32Array(0);
const NO_REFS: Ref[] = [];
/** Reference fields kept on the struct object itself; the rest go to `refs`. */
const INLINE_REFS = 2;
// Templates the rest arrays are cloned from. An array literal here would carry a V8
// allocation site, and V8 pretenures a site whose objects survive scavenges: after a
// long-lived tree is built (binary-trees' first phase) every later refs array went straight to
// old space while its struct stayed young, so each scavenge walked a huge old-to-new set and
// the garbage waited for mark-compacts (the workload ran 2x slower in about half of the
// processes). slice() allocates without an allocation site, so it is never pretenured.
const NULL_REFS: Ref[][] = [];
function nullRefs(n: number): Ref[] {
  return (NULL_REFS[n] ??= new Array<Ref>(n).fill(null)).slice();
}

export class StructObj {
  /** Numeric fields' words (layout.pos gives each field's first word). */
  readonly words: Int32Array;
  // Reference fields by index (layout.pos gives each field's index): the first INLINE_REFS
  // are properties of this object, so a small struct is one heap object besides its words,
  // and reading a field is one load (a separate refs array cost a tree walk two dependent
  // cache misses per node and doubled the garbage).
  r0: Ref = null;
  r1: Ref = null;
  /** Reference fields from index INLINE_REFS on (refs[i - INLINE_REFS]). */
  readonly refs: Ref[];
  constructor(
    readonly layout: StructLayout,
    /** The descriptor object (custom-descriptors), or null for types without one. */
    readonly desc: Ref = null,
  ) {
    this.words = layout.numWords === 0 ? NO_WORDS : new Int32Array(layout.numWords);
    this.refs = layout.numRefs <= INLINE_REFS ? NO_REFS : nullRefs(layout.numRefs - INLINE_REFS);
  }
  /** Reference field i (its layout.pos index). */
  getRef(i: number): Ref {
    return i === 0 ? this.r0 : i === 1 ? this.r1 : this.refs[i - INLINE_REFS];
  }
  setRef(i: number, v: Ref): void {
    if (i === 0) this.r0 = v;
    else if (i === 1) this.r1 = v;
    else this.refs[i - INLINE_REFS] = v;
  }
  get typeId(): number { return this.layout.typeId; }
  get kind(): 'struct' { return 'struct'; }
}

export class ArrayObj {
  /** Numeric elements: `stride` words each (null for reference arrays). */
  readonly words: Int32Array | null;
  /** Reference elements (null for numeric arrays). */
  readonly refs: Ref[] | null;
  constructor(readonly layout: ArrayLayout, readonly length: number) {
    if (layout.stride === 0) {
      this.words = null;
      this.refs = new Array<Ref>(length).fill(null);
    } else {
      this.words = new Int32Array(length * layout.stride);
      this.refs = null;
    }
  }
  get typeId(): number { return this.layout.typeId; }
  get kind(): 'array' { return 'array'; }
}

/**
 * An internal reference (i31, struct, array) seen as externref after extern.convert_any;
 * any.convert_extern unwraps it, so the round trip gives back the very same reference.
 */
export class ExternBox {
  constructor(readonly inner: object | number) {}
  get kind(): 'extern' { return 'extern'; }
}

/**
 * Largest array the engine allocates (elements); beyond it array.new* traps rather than
 * letting a bad length exhaust the host (64M refs = 512 MiB of pointers).
 */
export const MAX_ARRAY_LENGTH = 1 << 26;
/** Largest numeric storage of one array, in int32 words (256 MiB). */
export const MAX_ARRAY_WORDS = 1 << 26;
