// The SLOW internal instruction: wasm instructions too rare or too large for a dedicated
// dispatch (memory64 and multi-memory accesses, atomics, bulk memory, tables, wide arithmetic,
// ref.eq). Operands sit in consecutive slots from `base` (v128 takes two) and results are
// written from `base` on. Immediates a, b, c, d are as translate.ts put them: memarg ops
// (memory index, offset lo, offset hi, lane), lane ops (lane), i8x16.shuffle (the 16 lane
// bytes packed little-endian into a..d), index ops (x, y).
//
// SIMD and GC plug in with registerSlowHandler: a v128 operand takes two slots (four words
// at m.I[slot * 2 ..]), references live in m.R[slot].

import { OPS, OP } from '../syntax/opcodes.js';
import { Trap } from '../errors.js';
import { OOB_MEMORY, OOB_TABLE } from '../memory/bounds.js';
import type { MemoryInstance, ModuleInstance, Ref, TableInstance } from '../runtime/objects.js';
import type { Machine } from './machine.js';
import { SCALAR_OPS } from './numerics/table.js';

/** A handler for an instruction group added in its own file (SIMD, GC). */
export type SlowHandler = (m: Machine, inst: ModuleInstance, op: number, base: number,
  a: number, b: number, c: number, d: number) => void;

const EXTRA: (SlowHandler | undefined)[] = [];

/** Registers the handler for instructions the interpreter core does not implement itself. */
export function registerSlowHandler(ops: readonly number[], h: SlowHandler): void {
  for (const op of ops) EXTRA[op] = h;
}

interface MemDesc {
  kind: number; // 0 load, 1 store, 2 rmw, 3 cmpxchg, 4 other
  bytes: number;
  signed: boolean;
  atomic: boolean;
  rmw: string;
}

const MEM_DESC: (MemDesc | undefined)[] = OPS.map((op) => {
  if (!op.imms.includes('memarg') || op.prefix === 0xfd) return undefined;
  const name = op.name;
  const bytes = 1 << op.naturalAlign;
  const atomic = op.prefix === 0xfe;
  const signed = /_s$/.test(name);
  let kind = 4;
  let rmw = '';
  if (/\.(atomic\.)?load/.test(name)) kind = 0;
  else if (/\.(atomic\.)?store/.test(name)) kind = 1;
  else if (/cmpxchg/.test(name)) kind = 3;
  else if (/\.rmw/.test(name)) {
    kind = 2;
    rmw = /\.(add|sub|and|or|xor|xchg)/.exec(name)![1];
  }
  return { kind, bytes, signed, atomic, rmw };
});

function addrAt(m: Machine, s: number, is64: boolean): number {
  const I = m.I;
  const w = s << 1;
  return is64 ? (I[w + 1] >>> 0) * 4294967296 + (I[w] >>> 0) : I[w] >>> 0;
}

function writeAddr(m: Machine, s: number, v: number, is64: boolean): void {
  const w = s << 1;
  m.I[w] = v | 0;
  m.I[w + 1] = is64 ? (v < 0 ? -1 : Math.floor(v / 4294967296) | 0) : 0;
}

/** Little-endian read of `bytes` bytes at ea, sign- or zero-extended into words (lo, hi). */
function readWords(mem: MemoryInstance, ea: number, bytes: number, signed: boolean, out: Int32Array, w: number): void {
  const dv = mem.view;
  let lo: number, hi: number;
  switch (bytes) {
    case 1: lo = signed ? dv.getInt8(ea) : dv.getUint8(ea); hi = lo < 0 ? -1 : 0; break;
    case 2: lo = signed ? dv.getInt16(ea, true) : dv.getUint16(ea, true); hi = lo < 0 ? -1 : 0; break;
    case 4: lo = dv.getInt32(ea, true); hi = signed ? lo >> 31 : 0; break;
    default: lo = dv.getInt32(ea, true); hi = dv.getInt32(ea + 4, true);
  }
  out[w] = lo;
  out[w + 1] = hi;
}

function writeWords(mem: MemoryInstance, ea: number, bytes: number, lo: number, hi: number): void {
  const dv = mem.view;
  switch (bytes) {
    case 1: dv.setInt8(ea, lo); break;
    case 2: dv.setInt16(ea, lo, true); break;
    case 4: dv.setInt32(ea, lo, true); break;
    default: dv.setInt32(ea, lo, true); dv.setInt32(ea + 4, hi, true);
  }
}

function memIs64(mem: MemoryInstance): boolean {
  return mem.type.limits.is64;
}

function tableIs64(t: TableInstance): boolean {
  return t.type.limits.is64;
}

const SCRATCH = new Int32Array(2);

function memAccess(m: Machine, inst: ModuleInstance, op: number, d: MemDesc, base: number,
  memIdx: number, offLo: number, offHi: number): void {
  const mem = inst.memories[memIdx];
  const is64 = memIs64(mem);
  const offset = (offHi >>> 0) * 4294967296 + (offLo >>> 0);
  const ea = addrAt(m, base, is64) + offset;
  const bytes = d.bytes;
  if (d.atomic && ea % bytes !== 0) throw new Trap('unaligned atomic');
  if (ea + bytes > mem.buffer.byteLength) throw new Trap(OOB_MEMORY);
  const I = m.I;
  const vw = (base + 1) << 1;
  const is64Val = OPS[op].name.startsWith('i64') || OPS[op].name.startsWith('f64');
  switch (d.kind) {
    case 0:
      readWords(mem, ea, bytes, d.signed, I, base << 1);
      if (!is64Val) I[(base << 1) + 1] = 0;
      return;
    case 1:
      writeWords(mem, ea, bytes, I[vw], I[vw + 1]);
      return;
    case 2: {
      readWords(mem, ea, bytes, false, SCRATCH, 0);
      const oldLo = SCRATCH[0], oldHi = SCRATCH[1];
      const vLo = I[vw], vHi = I[vw + 1];
      let lo = 0, hi = 0;
      switch (d.rmw) {
        case 'add': { const s = (oldLo >>> 0) + (vLo >>> 0); lo = s | 0; hi = (oldHi + vHi + (s > 0xffffffff ? 1 : 0)) | 0; break; }
        case 'sub': { const s = (oldLo >>> 0) - (vLo >>> 0); lo = s | 0; hi = (oldHi - vHi - (s < 0 ? 1 : 0)) | 0; break; }
        case 'and': lo = oldLo & vLo; hi = oldHi & vHi; break;
        case 'or': lo = oldLo | vLo; hi = oldHi | vHi; break;
        case 'xor': lo = oldLo ^ vLo; hi = oldHi ^ vHi; break;
        default: lo = vLo; hi = vHi;
      }
      writeWords(mem, ea, bytes, lo, hi);
      I[base << 1] = oldLo;
      I[(base << 1) + 1] = is64Val ? oldHi : 0;
      return;
    }
    case 3: {
      readWords(mem, ea, bytes, false, SCRATCH, 0);
      const oldLo = SCRATCH[0], oldHi = SCRATCH[1];
      const ew = vw, rw = vw + 2;
      // the expected value is compared after wrapping to the access width
      const mask = bytes >= 4 ? -1 : (1 << (bytes * 8)) - 1;
      const eLo = I[ew] & mask, eHi = bytes === 8 ? I[ew + 1] : 0;
      if (eLo === oldLo && eHi === (bytes === 8 ? oldHi : 0)) writeWords(mem, ea, bytes, I[rw], I[rw + 1]);
      I[base << 1] = oldLo;
      I[(base << 1) + 1] = is64Val ? oldHi : 0;
      return;
    }
    default: {
      // notify / wait
      if (op === OP.memory_atomic_notify) {
        I[base << 1] = 0;
        I[(base << 1) + 1] = 0;
        return;
      }
      if (!mem.type.shared) throw new Trap('expected shared memory');
      readWords(mem, ea, bytes, false, SCRATCH, 0);
      const eq = op === OP.memory_atomic_wait32 ? SCRATCH[0] === I[vw]
        : SCRATCH[0] === I[vw] && SCRATCH[1] === I[vw + 1];
      // single-threaded: nobody can notify, so an equal value can only time out
      I[base << 1] = eq ? 2 : 1;
      I[(base << 1) + 1] = 0;
    }
  }
}

function checkRange(start: number, n: number, len: number, msg: string): void {
  if (start + n > len) throw new Trap(msg);
}

export function slowOp(m: Machine, inst: ModuleInstance, op: number, base: number, a: number,
  b: number, c: number, d: number): void {
  // registered groups (SIMD, GC) first: one array load instead of walking the switch below,
  // whose case labels are property loads (halves the time of GC-heavy code)
  const ext = EXTRA[op];
  if (ext !== undefined) {
    ext(m, inst, op, base, a, b, c, d);
    return;
  }
  const md = MEM_DESC[op];
  if (md !== undefined) {
    memAccess(m, inst, op, md, base, a, b, c);
    return;
  }
  const I = m.I;
  const w = base << 1;
  switch (op) {
    case OP.i64_add128: case OP.i64_sub128:
      SCALAR_OPS[op]!(I, w, w, w + 4);
      return;
    case OP.i64_mul_wide_s: case OP.i64_mul_wide_u:
      SCALAR_OPS[op]!(I, w, w, w + 2);
      return;
    case OP.ref_eq:
      I[w] = m.R[base] === m.R[base + 1] ? 1 : 0;
      I[w + 1] = 0;
      return;
    case OP.atomic_fence:
      return;
    case OP.memory_size: {
      const mem = inst.memories[a];
      writeAddr(m, base, mem.pages(), memIs64(mem));
      return;
    }
    case OP.memory_grow: {
      const mem = inst.memories[a];
      const is64 = memIs64(mem);
      writeAddr(m, base, mem.grow(addrAt(m, base, is64)), is64);
      return;
    }
    case OP.memory_fill: {
      const mem = inst.memories[a];
      const is64 = memIs64(mem);
      const d = addrAt(m, base, is64), n = addrAt(m, base + 2, is64);
      checkRange(d, n, mem.buffer.byteLength, OOB_MEMORY);
      mem.u8.fill(I[(base + 1) << 1] & 0xff, d, d + n);
      return;
    }
    case OP.memory_copy: {
      const dm = inst.memories[a], sm = inst.memories[b];
      const d64 = memIs64(dm), s64 = memIs64(sm);
      const d = addrAt(m, base, d64), s = addrAt(m, base + 1, s64), n = addrAt(m, base + 2, d64 && s64);
      checkRange(d, n, dm.buffer.byteLength, OOB_MEMORY);
      checkRange(s, n, sm.buffer.byteLength, OOB_MEMORY);
      if (dm === sm) dm.u8.copyWithin(d, s, s + n);
      else dm.u8.set(sm.u8.subarray(s, s + n), d);
      return;
    }
    case OP.memory_init: {
      const mem = inst.memories[b];
      const data = inst.datas[a] ?? EMPTY_BYTES;
      const d = addrAt(m, base, memIs64(mem)), s = I[(base + 1) << 1] >>> 0, n = I[(base + 2) << 1] >>> 0;
      checkRange(d, n, mem.buffer.byteLength, OOB_MEMORY);
      checkRange(s, n, data.length, OOB_MEMORY);
      mem.u8.set(data.subarray(s, s + n), d);
      return;
    }
    case OP.data_drop:
      (inst.datas as (Uint8Array | null)[])[a] = null;
      return;
    case OP.elem_drop:
      (inst.elems as (Ref[] | null)[])[a] = null;
      return;
    case OP.table_get: {
      const t = inst.tables[a];
      const i = addrAt(m, base, tableIs64(t));
      if (i >= t.elements.length) throw new Trap(OOB_TABLE);
      m.R[base] = t.elements[i];
      return;
    }
    case OP.table_set: {
      const t = inst.tables[a];
      const i = addrAt(m, base, tableIs64(t));
      if (i >= t.elements.length) throw new Trap(OOB_TABLE);
      t.elements[i] = m.R[base + 1];
      return;
    }
    case OP.table_size: {
      const t = inst.tables[a];
      writeAddr(m, base, t.elements.length, tableIs64(t));
      return;
    }
    case OP.table_grow: {
      const t = inst.tables[a];
      const is64 = tableIs64(t);
      const r = t.grow(addrAt(m, base + 1, is64), m.R[base]);
      writeAddr(m, base, r, is64);
      return;
    }
    case OP.table_fill: {
      const t = inst.tables[a];
      const is64 = tableIs64(t);
      const i = addrAt(m, base, is64), n = addrAt(m, base + 2, is64);
      checkRange(i, n, t.elements.length, OOB_TABLE);
      t.elements.fill(m.R[base + 1], i, i + n);
      return;
    }
    case OP.table_copy: {
      const dt = inst.tables[a], st = inst.tables[b];
      const d64 = tableIs64(dt), s64 = tableIs64(st);
      const d = addrAt(m, base, d64), s = addrAt(m, base + 1, s64), n = addrAt(m, base + 2, d64 && s64);
      checkRange(d, n, dt.elements.length, OOB_TABLE);
      checkRange(s, n, st.elements.length, OOB_TABLE);
      if (dt === st) dt.elements.copyWithin(d, s, s + n);
      else for (let k = 0; k < n; k++) dt.elements[d + k] = st.elements[s + k];
      return;
    }
    case OP.table_init: {
      const t = inst.tables[b];
      const seg = inst.elems[a] ?? EMPTY_REFS;
      const d = addrAt(m, base, tableIs64(t)), s = I[(base + 1) << 1] >>> 0, n = I[(base + 2) << 1] >>> 0;
      checkRange(d, n, t.elements.length, OOB_TABLE);
      checkRange(s, n, seg.length, OOB_TABLE);
      for (let k = 0; k < n; k++) t.elements[d + k] = seg[s + k];
      return;
    }
  }
  const scalar = SCALAR_OPS[op];
  if (scalar !== undefined) {
    scalar(I, w, w, w + 2);
    return;
  }
  throw new Trap(`unsupported instruction ${OPS[op].name}`);
}

const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_REFS: Ref[] = [];
