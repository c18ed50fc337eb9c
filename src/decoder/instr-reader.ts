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
    const start = this.pos;
    this.offset = this.base + start;
    const b = this.u8();
    let id: number;
    if (b === 0xfb || b === 0xfc || b === 0xfd || b === 0xfe) {
      const code = this.u32();
      const found = PREFIXED.get(b)?.get(code);
      if (found === undefined) throw this.error(`illegal opcode ${hex2(b)} ${hex2(code)}`, start);
      id = found;
    } else {
      id = OPCODE_1[b];
      if (id < 0) throw this.error(`illegal opcode ${hex2(b)}`, start);
    }
    this.op = id;
    const imms = OPS[id].imms;
    const n = imms.length;
    if (n === 0) return id;
    // The most common shape (local.get, call, br, global.get, ...): one index immediate.
    if (n === 1 && ONE_INDEX[id]) {
      this.x = this.u32();
      return id;
    }
    let slot = 0;
    let heapSlot = 0;
    for (let i = 0; i < n; i++) {
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
    return id;
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

/** Per opcode id: 1 when its only immediate is a u32 index. */
const ONE_INDEX: Uint8Array = Uint8Array.from(
  OPS, (o) => (o.imms.length === 1 && INDEX_KINDS.has(o.imms[0]) ? 1 : 0),
);

/** Two-digit lowercase hex, as the reference interpreter prints opcodes. */
function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
