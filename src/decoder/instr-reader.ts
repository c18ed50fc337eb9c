// The one streaming instruction reader. The validator, the interpreter's translator, the
// disassembler and constant-expression evaluation all walk code through it. It allocates
// nothing per instruction: immediates land in reused fields, named after the spec's x/y.
//
// After next():
//   op          OpInfo id (see OPS / OP in src/syntax/opcodes.ts)
//   offset      absolute byte offset of the instruction's first byte
//   x, y        index immediates in binary order: the first and second of label, func, type,
//               table, memory, global, local, tag, elem, data, field, u32 (array.new_fixed),
//               e.g. call_indirect: x=type y=table; memory.init: x=data y=memory;
//               table.init: x=elem y=table; struct.get: x=type y=field; br_on_cast: x=label.
//   lane        lane index (lane ops)
//   align, memIdx, memOffset   memarg (memOffset is a number, exact below 2^53;
//               memOffsetLo/memOffsetHi are its exact u64 words)
//   i32         i32.const value, or f32.const bits
//   lo, hi      i64.const / f64.const words
//   v128        v128.const words (reused Int32Array(4)); shuffle: lanes (reused Uint8Array(16))
//   blockType   null (empty), a ValType, or a type index (number)
//   heap, heap2 heap-type immediates; exact, exact2 whether each was `exact` (custom-descriptors);
//               castFlags for br_on_cast*
//   labels      br_table targets (reused array; labelCount of them), x = default label
//   valTypes    typed select's types
//   catches     try_table clauses (kind 0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref)

import { ByteReader } from './byte-reader.js';
import { DecodeError } from '../errors.js';
import { readHeapTypeExact, readValType } from './read-types.js';
import { OPCODE_1, OPS, PREFIXED } from '../syntax/opcodes.js';
import type { OpInfo } from '../syntax/opcodes.js';
import type { HeapType, ValType } from '../syntax/types.js';

export type BlockType = null | ValType | number;

export interface Catch {
  kind: number;
  tag: number;
  label: number;
}

export class InstrReader extends ByteReader {
  op = -1;
  offset = 0;
  x = 0;
  y = 0;
  lane = 0;
  align = 0;
  memIdx = 0;
  memOffset = 0;
  memOffsetLo = 0;
  memOffsetHi = 0;
  i32 = 0;
  readonly v128 = new Int32Array(4);
  readonly lanes = new Uint8Array(16);
  blockType: BlockType = null;
  heap: HeapType = 'any';
  heap2: HeapType = 'any';
  exact = false;
  exact2 = false;
  private readonly exactSlot: boolean[] = [false];
  castFlags = 0;
  labels: number[] = [];
  labelCount = 0;
  valTypes: ValType[] = [];
  catches: Catch[] = [];

  /** The OpInfo of the last instruction read. */
  get info(): OpInfo {
    return OPS[this.op];
  }

  /** Reads one instruction and its immediates; returns its OpInfo id. */
  next(): number {
    // Hot path: one byte-array read per opcode, a numeric shape code per opcode id, and the
    // single-byte LEB128 case of the commonest immediates read inline. Anything unusual
    // (multi-byte LEBs, reads at the end, rare immediates) goes through the general readers,
    // which own the error messages.
    const bytes = this.bytes;
    const end = this.end;
    let p = this.pos;
    this.offset = this.base + p;
    if (p >= end) throw this.eof();
    const b = bytes[p++];
    let id = OPCODE_1[b];
    this.pos = p;
    if (id < 0) {
      id = this.prefixed(b, p - 1);
      p = this.pos;
    }
    this.op = id;
    switch (SHAPE[id]) {
      case S_NONE:
        return id;
      case S_INDEX: {
        if (p < end) {
          const v = bytes[p];
          if (v < 0x80) {
            this.pos = p + 1;
            this.x = v;
            return id;
          }
        }
        this.x = this.u32();
        return id;
      }
      case S_MEMARG: {
        // align (no memory index bit) and offset both single-byte: the usual memarg.
        if (p + 1 < end) {
          const a = bytes[p];
          const o = bytes[p + 1];
          if (a < 0x40 && o < 0x80) {
            this.pos = p + 2;
            this.align = a;
            this.memIdx = 0;
            this.memOffset = o;
            this.memOffsetLo = this.lo = o;
            this.memOffsetHi = this.hi = 0;
            if (SHAPE_REST[id]) this.readImms(id, 1);
            return id;
          }
        }
        this.readMemarg();
        if (SHAPE_REST[id]) this.readImms(id, 1);
        return id;
      }
      case S_I32: {
        if (p < end) {
          const v = bytes[p];
          if (v < 0x80) {
            this.pos = p + 1;
            this.i32 = v < 0x40 ? v : v - 0x80;
            return id;
          }
        }
        this.i32 = this.s32();
        return id;
      }
      case S_BLOCK: {
        if (p < end && bytes[p] === 0x40) {
          this.pos = p + 1;
          this.blockType = null;
          if (SHAPE_REST[id]) this.readImms(id, 1);
          return id;
        }
        this.readBlockType();
        if (SHAPE_REST[id]) this.readImms(id, 1);
        return id;
      }
      case S_INDEX2: {
        if (p + 1 < end) {
          const v = bytes[p];
          const w = bytes[p + 1];
          if ((v | w) < 0x80) {
            this.pos = p + 2;
            this.x = v;
            this.y = w;
            return id;
          }
        }
        this.x = this.u32();
        this.y = this.u32();
        return id;
      }
      case S_I64: {
        if (p < end) {
          const v = bytes[p];
          if (v < 0x80) {
            this.pos = p + 1;
            if (v < 0x40) {
              this.lo = v;
              this.hi = 0;
            } else {
              this.lo = v - 0x80;
              this.hi = -1;
            }
            return id;
          }
        }
        this.s64();
        return id;
      }
      case S_F32:
        this.i32 = this.i32le();
        return id;
      case S_F64:
        this.lo = this.i32le();
        this.hi = this.i32le();
        return id;
      default:
        this.readImms(id, 0);
        return id;
    }
  }

  /** A prefixed opcode whose prefix byte (at `start`) has been read; returns its id. */
  private prefixed(b: number, start: number): number {
    const table = b >= 0xfb && b <= 0xfe ? PREFIX_TABLES[b - 0xfb] : null;
    if (table === null) throw this.error(`illegal opcode ${hex2(b)}`, start);
    const code = this.u32();
    const id = code < table.length ? table[code] : -1;
    if (id < 0) throw this.error(`illegal opcode ${hex2(b)} ${hex2(code)}`, start);
    return id;
  }

  /** The general immediate reader: immediates of `id` from index `from` on, in binary order. */
  private readImms(id: number, from: number): void {
    const imms = OPS[id].imms;
    const n = imms.length;
    let slot = 0;
    let heapSlot = 0;
    for (let i = from; i < n; i++) {
      switch (imms[i]) {
        case 'label': case 'func': case 'type': case 'table': case 'memory': case 'global':
        case 'local': case 'tag': case 'elem': case 'data': case 'field': case 'u32': {
          const v = this.u32();
          if (slot++ === 0) this.x = v; else this.y = v;
          break;
        }
        case 'blocktype': this.readBlockType(); break;
        case 'labels': this.readLabels(); break;
        case 'memarg': this.readMemarg(); break;
        case 'i32': this.i32 = this.s32(); break;
        case 'i64': this.s64(); break;
        case 'f32': this.i32 = this.i32le(); break;
        case 'f64': this.lo = this.i32le(); this.hi = this.i32le(); break;
        case 'v128':
          for (let k = 0; k < 4; k++) this.v128[k] = this.i32le();
          break;
        case 'lane': this.lane = this.u8(); break;
        case 'shuffle':
          for (let k = 0; k < 16; k++) this.lanes[k] = this.u8();
          break;
        case 'heaptype':
          if (heapSlot++ === 0) {
            this.heap = readHeapTypeExact(this, this.exactSlot);
            this.exact = this.exactSlot[0];
          } else {
            this.heap2 = readHeapTypeExact(this, this.exactSlot);
            this.exact2 = this.exactSlot[0];
          }
          break;
        case 'valtypes': {
          const n = this.len32();
          const ts: ValType[] = [];
          for (let k = 0; k < n; k++) ts.push(readValType(this));
          this.valTypes = ts;
          break;
        }
        case 'castflags': {
          const at = this.pos;
          this.castFlags = this.u8();
          if (this.castFlags > 3) throw this.error('malformed br_on_cast flags', at);
          break;
        }
        case 'catches': this.readCatches(); break;
        case 'zero': {
          const at = this.pos;
          if (this.u8() !== 0) throw this.error('malformed atomic.fence', at);
          break;
        }
      }
    }
  }

  private readBlockType(): void {
    const at = this.pos;
    if (this.peek() === 0x40) {
      this.pos++;
      this.blockType = null;
      return;
    }
    // A type index is an s33 >= 0; anything else must be a value type (one-byte codes are
    // negative s33 values), whose error is the one reported.
    try {
      const v = this.s33();
      if (v >= 0 && v <= 0x7fffffff) {
        this.blockType = v;
        return;
      }
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
    }
    this.pos = at;
    this.blockType = readValType(this);
  }

  private readLabels(): void {
    const n = this.len32();
    const labels = this.labels;
    for (let k = 0; k < n; k++) labels[k] = this.u32();
    this.labelCount = n;
    this.x = this.u32();
  }

  private readMemarg(): void {
    const at = this.pos;
    let align = this.u32();
    if (align & 0x40) {
      align &= ~0x40;
      this.memIdx = this.u32();
    } else {
      this.memIdx = 0;
    }
    if (align >= 0x40) throw this.error('malformed memop flags', at);
    this.align = align;
    this.memOffset = this.u64();
    this.memOffsetLo = this.lo;
    this.memOffsetHi = this.hi;
  }

  private readCatches(): void {
    const n = this.len32();
    const list: Catch[] = [];
    for (let k = 0; k < n; k++) {
      const at = this.pos;
      const kind = this.u8();
      if (kind > 3) throw this.error('malformed catch clause', at);
      const tag = kind < 2 ? this.u32() : -1;
      const label = this.u32();
      list.push({ kind, tag, label });
    }
    this.catches = list;
  }
}

const INDEX_KINDS: ReadonlySet<string> = new Set([
  'label', 'func', 'type', 'table', 'memory', 'global', 'local', 'tag', 'elem', 'data', 'field', 'u32',
]);

// Immediate shapes next() reads inline (numbers, so its dispatch is a jump table).
const S_NONE = 0;
/** Exactly one u32 index immediate (local.get, call, br, global.get, ...). */
const S_INDEX = 1;
/** A memarg first (loads, stores, atomics; lane ops carry a lane after it). */
const S_MEMARG = 2;
/** i32.const. */
const S_I32 = 3;
/** A block type first (block, loop, if; try_table has catches after it). */
const S_BLOCK = 4;
/** Two u32 index immediates (call_indirect, memory.copy, table.init, struct.get, ...). */
const S_INDEX2 = 5;
/** i64.const. */
const S_I64 = 6;
/** f32.const (four raw bytes). */
const S_F32 = 7;
/** f64.const (eight raw bytes). */
const S_F64 = 8;
/** Anything else: the general reader. */
const S_OTHER = 9;

/** Per opcode id: its immediate shape (S_*), derived from the opcode table's immediate kinds. */
const SHAPE: Uint8Array = Uint8Array.from(OPS, (o) => {
  const k = o.imms;
  if (k.length === 0) return S_NONE;
  if (k.length === 1 && INDEX_KINDS.has(k[0])) return S_INDEX;
  if (k[0] === 'memarg') return S_MEMARG;
  if (k.length === 1 && k[0] === 'i32') return S_I32;
  if (k[0] === 'blocktype') return S_BLOCK;
  if (k.length === 2 && INDEX_KINDS.has(k[0]) && INDEX_KINDS.has(k[1])) return S_INDEX2;
  if (k.length === 1 && k[0] === 'i64') return S_I64;
  if (k.length === 1 && k[0] === 'f32') return S_F32;
  if (k.length === 1 && k[0] === 'f64') return S_F64;
  return S_OTHER;
});

/** Per opcode id: 1 when a S_MEMARG / S_BLOCK op has immediates after the first. */
const SHAPE_REST: Uint8Array = Uint8Array.from(OPS, (o) => (o.imms.length > 1 ? 1 : 0));

/**
 * Prefixed opcodes by prefix (0xfb..0xfe): dense tables from code to id (-1: none), built from
 * the opcode table's PREFIXED map so lookups are array reads, not Map probes.
 */
const PREFIX_TABLES: (Int16Array | null)[] = [0xfb, 0xfc, 0xfd, 0xfe].map((prefix) => {
  const codes = PREFIXED.get(prefix);
  if (!codes) return null;
  let max = -1;
  for (const code of codes.keys()) max = Math.max(max, code);
  const t = new Int16Array(max + 1).fill(-1);
  for (const [code, id] of codes) t[code] = id;
  return t;
});

/** Two-digit lowercase hex, as the reference interpreter prints opcodes. */
function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
