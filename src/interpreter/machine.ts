// The state of one execution: the value stack (8-byte slots in one ArrayBuffer, seen as int32,
// f32 and f64 words, plus a parallel array of references), the explicit frame stack, the
// current frame and the fuel budget. run.ts keeps the hot parts in locals and writes them
// back here whenever it leaves the loop (pause, trap, throw, return).

import type { ExnInstance, FuncInstance, Ref, Value } from '../runtime/objects.js';
import type { ValType } from '../syntax/types.js';
import { Trap } from '../errors.js';
import type { Compiled } from './translate.js';

/** Fuel counters stay below 2^30 (V8 small integers); the rest waits in `reserve`. */
export const FUEL_CHUNK = 0x3fffffff;
const INITIAL_SLOTS = 1 << 14;
/** The value stack never exceeds this many slots (1 GiB of words): "call stack exhausted". */
const MAX_SLOTS = 1 << 26;

export const DEFAULT_MAX_CALL_DEPTH = 10_000;

/** Carries a wasm exception through the JS stack to the unwinder (internal). */
export class Thrown {
  constructor(readonly exn: ExnInstance) {}
}

export class Machine {
  buf = new ArrayBuffer(INITIAL_SLOTS * 8);
  I = new Int32Array(this.buf);
  F32 = new Float32Array(this.buf);
  F64 = new Float64Array(this.buf);
  R: Ref[] = new Array<Ref>(INITIAL_SLOTS).fill(null);
  cap = INITIAL_SLOTS;

  // callers' frames k < depth: code in fComp[k], return pc and frame pointer in
  // frames[2k], frames[2k + 1] (stored by index, not pushed: a call is two int32 stores and
  // one array store; fComp may keep entries above depth, which are dead)
  readonly fComp: Compiled[] = [];
  frames = new Int32Array(512);
  depth = 0;
  maxDepth = DEFAULT_MAX_CALL_DEPTH;

  // current frame (valid whenever run() is not executing)
  comp: Compiled | null = null;
  pc = 0;
  fp = 0;

  fuel = FUEL_CHUNK;
  reserve = Infinity;
  done = false;
  /** Fast code, or exact code for every new frame (stepping). */
  exactAll = false;

  /** Ensures `slots` slots exist; keeps contents. */
  grow(slots: number): void {
    if (slots <= this.cap) return;
    if (slots > MAX_SLOTS) throw new Trap('call stack exhausted');
    let cap = this.cap * 2;
    while (cap < slots) cap *= 2;
    const buf = new ArrayBuffer(cap * 8);
    new Int32Array(buf).set(this.I);
    this.buf = buf;
    this.I = new Int32Array(buf);
    this.F32 = new Float32Array(buf);
    this.F64 = new Float64Array(buf);
    for (let k = this.cap; k < cap; k++) this.R.push(null);
    this.cap = cap;
  }

  /** Doubles the frame stack (a call at depth frames.length / 2). */
  growFrames(): Int32Array {
    const f = new Int32Array(this.frames.length * 2);
    f.set(this.frames);
    this.frames = f;
    return f;
  }

  reset(): void {
    this.fComp.length = 0;
    this.depth = 0;
    this.comp = null;
    this.pc = 0;
    this.fp = 0;
    this.done = false;
    this.exactAll = false;
    this.fuel = FUEL_CHUNK;
    this.reserve = Infinity;
  }
}

/** Reads the value of type t at slot s. */
export function readValue(m: Machine, s: number, t: ValType): Value {
  const I = m.I;
  const w = s << 1;
  switch (t) {
    case 'i32': return { type: 'i32', value: I[w] };
    case 'f32': return { type: 'f32', bits: I[w] >>> 0 };
    case 'i64': return { type: 'i64', value: (BigInt(I[w + 1]) << 32n) | BigInt(I[w] >>> 0) };
    case 'f64': return { type: 'f64', bits: (BigInt(I[w + 1] >>> 0) << 32n) | BigInt(I[w] >>> 0) };
    case 'v128': return { type: 'v128', words: I.slice(w, w + 4) };
    default: return { type: 'ref', value: m.R[s] };
  }
}

/** Writes v at slot s. */
export function writeValue(m: Machine, s: number, v: Value): void {
  const I = m.I;
  const w = s << 1;
  switch (v.type) {
    case 'i32': I[w] = v.value; I[w + 1] = 0; break;
    case 'f32': I[w] = v.bits; I[w + 1] = 0; break;
    case 'i64': I[w] = Number(BigInt.asIntN(32, v.value)); I[w + 1] = Number(BigInt.asIntN(32, v.value >> 32n)); break;
    case 'f64': I[w] = Number(BigInt.asIntN(32, v.bits)); I[w + 1] = Number(BigInt.asIntN(32, v.bits >> 32n)); break;
    case 'v128': I.set(v.words.subarray(0, 4), w); break;
    default: m.R[s] = v.value;
  }
}

export const slotCount = (t: ValType): number => (t === 'v128' ? 2 : 1);

/** Reads consecutive values of the given types starting at slot s. */
export function readValues(m: Machine, s: number, types: readonly ValType[]): Value[] {
  const out: Value[] = [];
  for (const t of types) {
    out.push(readValue(m, s, t));
    s += slotCount(t);
  }
  return out;
}

export function writeValues(m: Machine, s: number, types: readonly ValType[], vs: readonly Value[]): void {
  for (let k = 0; k < types.length; k++) {
    writeValue(m, s, vs[k]);
    s += slotCount(types[k]);
  }
}

export type { FuncInstance };
