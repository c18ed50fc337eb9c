// Script constants and result patterns against the engine's boundary values: arguments become
// `Value`s, results are matched the way the reference interpreter's script runner matches them
// (interpreter/script/runner.ml: assert_num_pat, assert_vec_pat, assert_ref_pat): floats by
// exact bits, NaN patterns per lane, v128 lane by lane in the pattern's shape, references by kind.

import { ExnInstance, FuncInstance, HostRef } from '../src/runtime/objects.js';
import type { Ref, Value } from '../src/runtime/objects.js';
import type { ScriptValue } from '../src/text/script-ast.js';

/** Host references by number, so `ref.extern 1` is the same object every time in a script. */
export class HostRefs {
  private readonly refs = new Map<number, HostRef>();
  get(n: number): HostRef {
    let r = this.refs.get(n);
    if (!r) {
      r = new HostRef(n);
      this.refs.set(n, r);
    }
    return r;
  }
}

/** Thrown when a script constant cannot be an argument (a runner or parser problem). */
export class ScriptValueError extends Error {
  override name = 'ScriptValueError';
}

// ---- arguments ------------------------------------------------------------------------------

export function toValue(sv: ScriptValue, hosts: HostRefs): Value {
  switch (sv.type) {
    case 'i32': return { type: 'i32', value: Number(sv.value) | 0 };
    case 'i64': return { type: 'i64', value: BigInt.asIntN(64, BigInt(sv.value)) };
    case 'f32':
      if ('nan' in sv) throw new ScriptValueError('a NaN pattern cannot be an argument');
      return { type: 'f32', bits: sv.bits | 0 };
    case 'f64':
      if ('nan' in sv) throw new ScriptValueError('a NaN pattern cannot be an argument');
      return { type: 'f64', bits: BigInt.asIntN(64, BigInt(sv.bits)) };
    case 'v128': return { type: 'v128', words: laneWords(sv.shape, sv.lanes) };
    case 'ref.null': return { type: 'ref', value: null };
    case 'ref.extern':
    case 'ref.host':
      if (sv.value === null) throw new ScriptValueError(`${sv.type} without a number cannot be an argument`);
      return { type: 'ref', value: hosts.get(sv.value) };
    default:
      throw new ScriptValueError(`${sv.type} cannot be an argument`);
  }
}

const LANES = { i8: 16, i16: 8, i32: 4, i64: 2, f32: 4, f64: 2 } as const;

/** The four little-endian int32 words of a v128 written as lanes of `shape`. */
function laneWords(shape: keyof typeof LANES, lanes: readonly ScriptValue[]): Int32Array {
  if (lanes.length !== LANES[shape]) {
    throw new ScriptValueError(`v128 ${shape}x${LANES[shape]} needs ${LANES[shape]} lanes, got ${lanes.length}`);
  }
  const view = new DataView(new ArrayBuffer(16));
  lanes.forEach((lane, i) => {
    const l = lane as { value?: number | bigint; bits?: number | bigint; nan?: string };
    if (l.nan !== undefined) throw new ScriptValueError('a NaN pattern cannot be an argument');
    const x = l.value ?? l.bits ?? 0;
    switch (shape) {
      case 'i8': view.setUint8(i, Number(x) & 0xff); break;
      case 'i16': view.setUint16(i * 2, Number(x) & 0xffff, true); break;
      case 'i32': case 'f32': view.setInt32(i * 4, Number(x) | 0, true); break;
      case 'i64': case 'f64': view.setBigInt64(i * 8, BigInt.asIntN(64, BigInt(x)), true); break;
    }
  });
  return new Int32Array(view.buffer);
}

// ---- results --------------------------------------------------------------------------------

export function matchResult(v: Value, pat: ScriptValue): boolean {
  switch (pat.type) {
    case 'either': return pat.options.some((p) => matchResult(v, p));
    case 'i32': return v.type === 'i32' && (v.value | 0) === (Number(pat.value) | 0);
    case 'i64': return v.type === 'i64' && BigInt.asUintN(64, v.value) === BigInt.asUintN(64, BigInt(pat.value));
    case 'f32': return v.type === 'f32' && matchF32(v.bits, pat);
    case 'f64': return v.type === 'f64' && matchF64(v.bits, pat);
    case 'v128': return v.type === 'v128' && matchV128(v.words, pat.shape, pat.lanes);
    default: return v.type === 'ref' && matchRef(v.value, pat);
  }
}

function matchF32(bits: number, pat: ScriptValue): boolean {
  const p = pat as { bits?: number; nan?: 'canonical' | 'arithmetic' };
  if (p.nan === 'canonical') return (bits & 0x7fffffff) === 0x7fc00000;
  if (p.nan === 'arithmetic') return (bits & 0x7fc00000) === 0x7fc00000;
  return (bits | 0) === ((p.bits ?? NaN) | 0);
}

const F64_ABS = 0x7fffffffffffffffn;
const F64_CANON = 0x7ff8000000000000n;

function matchF64(bits: bigint, pat: ScriptValue): boolean {
  const p = pat as { bits?: bigint; nan?: 'canonical' | 'arithmetic' };
  const u = BigInt.asUintN(64, bits);
  if (p.nan === 'canonical') return (u & F64_ABS) === F64_CANON;
  if (p.nan === 'arithmetic') return (u & F64_CANON) === F64_CANON;
  return p.bits !== undefined && u === BigInt.asUintN(64, BigInt(p.bits));
}

function matchV128(words: Int32Array, shape: keyof typeof LANES, lanes: readonly ScriptValue[]): boolean {
  if (lanes.length !== LANES[shape]) return false;
  const view = new DataView(Int32Array.from(words).buffer);
  return lanes.every((lane, i) => {
    const l = lane as { value?: number | bigint };
    switch (shape) {
      case 'i8': return view.getUint8(i) === (Number(l.value) & 0xff);
      case 'i16': return view.getUint16(i * 2, true) === (Number(l.value) & 0xffff);
      case 'i32': return view.getInt32(i * 4, true) === (Number(l.value) | 0);
      case 'i64': return BigInt.asUintN(64, view.getBigInt64(i * 8, true)) === BigInt.asUintN(64, BigInt(l.value ?? 0));
      case 'f32': return matchF32(view.getInt32(i * 4, true), lane);
      case 'f64': return matchF64(view.getBigInt64(i * 8, true), lane);
    }
  });
}

/** What kind of reference a runtime Ref is, for the type patterns. */
export type RefKind = 'null' | 'func' | 'host' | 'i31' | 'exn' | 'struct' | 'array' | 'extern' | 'object';

export function refKind(r: Ref): RefKind {
  if (r === null) return 'null';
  if (typeof r === 'number') return 'i31';
  if (r instanceof FuncInstance) return 'func';
  if (r instanceof HostRef) return 'host';
  if (r instanceof ExnInstance) return 'exn';
  return gcKind(r);
}

/**
 * GC objects (src/runtime/gc/objects.ts) carry a `kind` getter ('struct', 'array', or
 * 'extern' for an internal reference converted by extern.convert_any), so the runner can
 * recognise them without depending on the GC files. Anything else is reported as 'object'.
 */
function gcKind(r: object): RefKind {
  const kind = (r as { kind?: unknown }).kind;
  if (kind === 'struct' || kind === 'array' || kind === 'extern') return kind;
  return 'object';
}

/** Reference patterns, following the reference runner's assert_ref_pat. */
function matchRef(r: Ref, pat: ScriptValue): boolean {
  const kind = refKind(r);
  switch (pat.type) {
    case 'ref.null': return kind === 'null';
    case 'ref.extern':
      // `(ref.extern)` with no number is a type pattern that any extern reference matches.
      if (pat.value === null) return true;
      return kind === 'host' && (r as HostRef).value === pat.value;
    case 'ref.host':
      if (pat.value === null) return kind !== 'null';
      return kind === 'host' && (r as HostRef).value === pat.value;
    case 'ref.func': return kind === 'func';
    case 'ref.exn': return kind === 'exn';
    case 'ref.i31': return kind === 'i31';
    case 'ref.struct': return kind === 'struct';
    case 'ref.array': return kind === 'array';
    case 'ref.eq': return kind === 'i31' || kind === 'struct' || kind === 'array';
    case 'ref.any': return kind !== 'func';
    case 'ref': return kind !== 'null';
    default: return false;
  }
}

// ---- text for reports -----------------------------------------------------------------------

export function formatValue(v: Value): string {
  switch (v.type) {
    case 'i32': return `i32:${v.value | 0}`;
    case 'i64': return `i64:${BigInt.asIntN(64, v.value)}`;
    case 'f32': return `f32:${f32Text(v.bits)}`;
    case 'f64': return `f64:${f64Text(v.bits)}`;
    case 'v128': return `v128:i32x4[${Array.from(v.words, (w) => hex32(w)).join(' ')}]`;
    case 'ref': {
      const k = refKind(v.value);
      if (k === 'host') return `ref.host ${String((v.value as HostRef).value)}`;
      if (k === 'i31') return `ref.i31 ${String(v.value)}`;
      return `ref.${k}`;
    }
  }
}

export function formatPattern(p: ScriptValue): string {
  switch (p.type) {
    case 'i32': return `i32:${Number(p.value) | 0}`;
    case 'i64': return `i64:${BigInt.asIntN(64, BigInt(p.value))}`;
    case 'f32': return 'nan' in p ? `f32:nan:${p.nan}` : `f32:${f32Text(p.bits)}`;
    case 'f64': return 'nan' in p ? `f64:nan:${p.nan}` : `f64:${f64Text(BigInt(p.bits))}`;
    case 'v128': return `v128:${p.shape}[${p.lanes.map((l) => formatPattern(l).replace(/^[a-z0-9]+:/, '')).join(' ')}]`;
    case 'either': return `either(${p.options.map(formatPattern).join(' | ')})`;
    case 'ref.null': return `ref.null${p.heap ? ' ' + p.heap : ''}`;
    default: return 'value' in p && p.value !== null && p.value !== undefined ? `${p.type} ${p.value}` : p.type;
  }
}

export function formatValues(vs: readonly Value[]): string {
  return `[${vs.map(formatValue).join(', ')}]`;
}

export function formatPatterns(ps: readonly ScriptValue[]): string {
  return `[${ps.map(formatPattern).join(', ')}]`;
}

const f32 = new Float32Array(1);
const f32Bits = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Bits = new BigInt64Array(f64.buffer);

/** Bits, then the number they mean (NaNs by their bits alone: that is their identity). */
function f32Text(bits: number): string {
  f32Bits[0] = bits;
  return Number.isNaN(f32[0]) ? hex32(bits) : `${hex32(bits)} (${Object.is(f32[0], -0) ? '-0' : f32[0]})`;
}

function f64Text(bits: bigint): string {
  f64Bits[0] = BigInt.asIntN(64, bits);
  return Number.isNaN(f64[0]) ? hex64(bits) : `${hex64(bits)} (${Object.is(f64[0], -0) ? '-0' : f64[0]})`;
}

function hex32(x: number): string {
  return '0x' + (x >>> 0).toString(16).padStart(8, '0');
}

function hex64(x: bigint): string {
  return '0x' + BigInt.asUintN(64, x).toString(16).padStart(16, '0');
}
