// Boundary values: defaults per type, conversion between the engine's `Value` (floats as bits,
// i64 as bigint) and JS-API values (i32 number, i64 BigInt, f32/f64 number, references), and
// the word layout of globals. Floats cross to JS numbers only here, at the user's request.
// Float bits are produced unsigned (f32 in [0, 2^32), f64 in [0n, 2^64n)), as the interpreter
// does; writers accept signed or unsigned bits.

import type { GlobalInstance, Ref, Value } from './objects.js';
import { HostRef } from './objects.js';
import type { ValType } from '../syntax/types.js';

const f32 = new Float32Array(1);
const f32bits = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const f64bits = new BigInt64Array(f64.buffer);

/** The default (zero / null) value of a type. */
export function defaultValue(t: ValType): Value {
  switch (t) {
    case 'i32': return { type: 'i32', value: 0 };
    case 'i64': return { type: 'i64', value: 0n };
    case 'f32': return { type: 'f32', bits: 0 };
    case 'f64': return { type: 'f64', bits: 0n };
    case 'v128': return { type: 'v128', words: new Int32Array(4) };
    default: return { type: 'ref', value: null };
  }
}

/** The boundary kind of a value type ('ref' for every reference type). */
export function valueKind(t: ValType): Value['type'] {
  return typeof t === 'object' ? 'ref' : t;
}

export function i32(v: number): Value {
  return { type: 'i32', value: v | 0 };
}
export function i64(v: bigint): Value {
  return { type: 'i64', value: BigInt.asIntN(64, v) };
}
export function f32FromNumber(v: number): Value {
  f32[0] = v;
  return { type: 'f32', bits: f32bits[0] >>> 0 };
}
export function f64FromNumber(v: number): Value {
  f64[0] = v;
  return { type: 'f64', bits: BigInt.asUintN(64, f64bits[0]) };
}
export function f32ToNumber(bits: number): number {
  f32bits[0] = bits | 0;
  return f32[0];
}
export function f64ToNumber(bits: bigint): number {
  f64bits[0] = BigInt.asIntN(64, bits);
  return f64[0];
}
export function refValue(r: Ref): Value {
  return { type: 'ref', value: r };
}

/** Thrown for a JS value that cannot become a value of the requested type. */
export class ValueConversionError extends Error {
  override name = 'ValueConversionError';
}

/**
 * A JS-API value to a boundary Value (ToWebAssemblyValue). References: `null` stays null;
 * anything else becomes what `toRef` makes of it (default: a HostRef wrapper, for externref).
 */
export function fromJS(t: ValType, v: unknown, toRef: (v: unknown, t: ValType) => Ref = wrapHost): Value {
  switch (t) {
    case 'i32':
      return i32(Number(v));
    case 'i64':
      if (typeof v !== 'bigint') throw new ValueConversionError('i64 values must be BigInts');
      return i64(v);
    case 'f32': return f32FromNumber(Number(v));
    case 'f64': return f64FromNumber(Number(v));
    case 'v128': throw new ValueConversionError('v128 values cannot cross the JS boundary');
    default:
      return refValue(v === null ? null : toRef(v, t));
  }
}

function wrapHost(v: unknown): Ref {
  return v instanceof HostRef ? v : new HostRef(v);
}

/**
 * A boundary Value to a JS-API value (ToJSValue). References go through `fromRef`
 * (default: HostRef unwrapped, everything else as is).
 */
export function toJS(v: Value, fromRef: (r: Ref) => unknown = unwrapHost): unknown {
  switch (v.type) {
    case 'i32': return v.value;
    case 'i64': return v.value;
    case 'f32': return f32ToNumber(v.bits);
    case 'f64': return f64ToNumber(v.bits);
    case 'v128': throw new ValueConversionError('v128 values cannot cross the JS boundary');
    case 'ref': return v.value === null ? null : fromRef(v.value);
  }
}

function unwrapHost(r: Ref): unknown {
  return r instanceof HostRef ? r.value : r;
}

/** Stores a boundary Value into a global's words/ref (no type check: the caller checked). */
export function writeGlobal(g: GlobalInstance, v: Value): void {
  const w = g.words;
  switch (v.type) {
    case 'i32': w[0] = v.value; break;
    case 'f32': w[0] = v.bits; break;
    case 'i64': w[0] = Number(BigInt.asIntN(32, v.value)); w[1] = Number(BigInt.asIntN(32, v.value >> 32n)); break;
    case 'f64': w[0] = Number(BigInt.asIntN(32, v.bits)); w[1] = Number(BigInt.asIntN(32, v.bits >> 32n)); break;
    case 'v128': w.set(v.words); break;
    case 'ref': g.ref = v.value; break;
  }
}

/** Reads a global as a boundary Value. */
export function readGlobal(g: GlobalInstance): Value {
  const w = g.words;
  switch (valueKind(g.type.type)) {
    case 'i32': return { type: 'i32', value: w[0] };
    case 'f32': return { type: 'f32', bits: w[0] >>> 0 };
    case 'i64': return { type: 'i64', value: wordsToBigInt(w[0], w[1]) };
    case 'f64': return { type: 'f64', bits: BigInt.asUintN(64, wordsToBigInt(w[0], w[1])) };
    case 'v128': return { type: 'v128', words: Int32Array.from(w) };
    default: return { type: 'ref', value: g.ref };
  }
}

/** A signed 64-bit BigInt from its int32 words. */
export function wordsToBigInt(lo: number, hi: number): bigint {
  return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
}

/** Text of a value for tools (CLI output): decimal integers, JS float syntax, nan/inf. */
export function formatValue(v: Value): string {
  switch (v.type) {
    case 'i32': return String(v.value);
    case 'i64': return String(v.value);
    case 'f32': return formatNaN32(v.bits) ?? formatFloat(f32ToNumber(v.bits));
    case 'f64': return formatNaN64(v.bits) ?? formatFloat(f64ToNumber(v.bits));
    case 'v128': return 'i32x4 ' + Array.from(v.words, (x) => String(x)).join(' ');
    case 'ref': return v.value === null ? 'null' : v.value instanceof HostRef ? `ref.host ${String(v.value.value)}` : typeof v.value === 'number' ? `ref.i31 ${v.value}` : 'ref';
  }
}

/** NaNs print as `nan`, `-nan` or with their payload when it is not the canonical one. */
function formatNaN32(bits: number): string | null {
  const b = bits >>> 0;
  if ((b & 0x7f800000) !== 0x7f800000 || (b & 0x7fffff) === 0) return null;
  const payload = b & 0x7fffff;
  return `${b >>> 31 ? '-' : ''}nan${payload === 0x400000 ? '' : `:0x${payload.toString(16)}`}`;
}

function formatNaN64(bits: bigint): string | null {
  const b = BigInt.asUintN(64, bits);
  const payload = b & ((1n << 52n) - 1n);
  if (((b >> 52n) & 0x7ffn) !== 0x7ffn || payload === 0n) return null;
  return `${b >> 63n ? '-' : ''}nan${payload === 1n << 51n ? '' : `:0x${payload.toString(16)}`}`;
}

function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

/** A new global instance holding `v` (defaults to the type's zero/null). */
export function makeGlobal(type: import('../syntax/types.js').GlobalType, v: Value = defaultValue(type.type)): GlobalInstance {
  const g: GlobalInstance = { type, words: new Int32Array(4), ref: null };
  writeGlobal(g, v);
  return g;
}
