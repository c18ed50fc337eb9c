// Binary -> Module AST (the spec's binary format chapter, 3.0 plus the proposals the opcode
// table lists). Function bodies and constant expressions stay byte ranges; the decoder walks
// them once to check what the binary format itself requires (opcodes exist, immediates are
// well formed, blocks nest and end with `end`), allocating nothing per instruction: the
// commonest instructions are stepped over in place, all others read with InstrReader.
//
// Conformance detail: like the reference interpreter (WebAssembly/spec interpreter/binary/
// decode.ml), reads are not fenced at section or function boundaries; a section or body whose
// content does not end exactly at its declared size is a "section size mismatch" found after
// reading it. This is what makes the test suite's expected messages come out the same (e.g. a
// body missing its `end` that runs into the next section reports the size mismatch).

import { InstrReader } from './instr-reader.js';
import { decodeNameSection } from './name-section.js';
import { readRefType, readStorageType, readValType } from './read-types.js';
import { DecodeError } from '../errors.js';
import type { Features } from '../syntax/features.js';
import { DEFAULT_FEATURES } from '../syntax/features.js';
import type {
  CustomSection, Data, DataMode, Elem, ElemMode, Export, Expr, Func, Global, Import,
  ImportDesc, LocalDecl, Memory, Module, Table, Tag,
} from '../syntax/module.js';
import { SECTION_ORDER, emptyModule } from '../syntax/module.js';
import { OP, OPCODE_1, OPS } from '../syntax/opcodes.js';
import type {
  CompType, FieldType, GlobalType, Limits, MemType, RefType, SubType, TableType, ValType,
} from '../syntax/types.js';
import { refType } from '../syntax/types.js';

/** Where each section stood in the binary (for tools such as `glasswasm inspect`). */
export interface SectionInfo {
  readonly id: number;
  /** Offset of the section id byte. */
  readonly start: number;
  /** Offset of the payload (after the size). */
  readonly payload: number;
  readonly size: number;
  /** Custom sections: their name. */
  readonly name?: string;
}

export interface DecodeOptions {
  /** Filled with one entry per section, in binary order. */
  sections?: SectionInfo[];
}

const EXTERN_KINDS = ['func', 'table', 'memory', 'global', 'tag'] as const;

/** Highest section id the format defines (tag = 13). */
const MAX_SECTION_ID = 13;

/** Decodes a module binary. Throws DecodeError (with the spec's message and byte offset). */
export function decodeModule(
  bytes: Uint8Array, features: Features = DEFAULT_FEATURES, options: DecodeOptions = {},
): Module {
  // One copy up front: expressions are views into it, so the caller may reuse its buffer.
  // (Uint8Array's slice, not Buffer's, which would only make a view.)
  const own = Uint8Array.prototype.slice.call(bytes);
  return new Decoder(own, features, options.sections ?? null).module();
}

// Frame kinds of the block-structure check in bodies.
const F_BLOCK = 0; // block, loop, try_table: `end` only
const F_IF = 1; // if before else
const F_ELSE = 2; // if after else
const F_TRY = 3; // legacy try before any catch
const F_CATCH = 4; // legacy try after a catch
const F_CATCH_ALL = 5; // legacy try after catch_all

class Decoder {
  private readonly r: InstrReader;
  private readonly m: Module = emptyModule();
  private funcTypes: number[] = [];
  /** A body used a data index (memory.init, data.drop, array.*_data): needs a data count. */
  private usesDataIndex = false;
  private readonly frames: number[] = [];
  /** Per opcode id: what the structure check does with it under these features. */
  private readonly actions: Uint8Array;
  /** Per first byte: what the structure check's fast path may step over (K_* codes). */
  private readonly skips: Uint8Array;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly features: Features,
    private readonly sections: SectionInfo[] | null,
  ) {
    this.r = new InstrReader(bytes);
    this.actions = actionsFor(features);
    this.skips = skipsFor(features);
  }

  private fail(message: string, at: number): never {
    throw new DecodeError(message, at);
  }

  module(): Module {
    const r = this.r;
    const magic = r.i32le();
    if (magic !== 0x6d736100) this.fail('magic header not detected', 0);
    const version = r.i32le();
    if (version !== 1) this.fail('unknown binary version', 4);

    this.customs(0);
    for (const id of SECTION_ORDER) {
      if (this.peekSectionId() === id) this.section(id);
      this.customs(id);
    }
    const len = this.bytes.length;
    if (r.pos !== len) this.fail('unexpected content after last section', r.pos);
    const m = this.m;
    if (this.funcTypes.length !== this.codeCount) {
      this.fail('function and code section have inconsistent lengths', len);
    }
    if (m.dataCount !== null && m.dataCount !== m.datas.length) {
      this.fail('data count and data section have inconsistent lengths', len);
    }
    if (m.dataCount === null && this.usesDataIndex) this.fail('data count section required', len);

    const nameSec = m.customs.find((c) => c.name === 'name');
    if (nameSec) m.names = decodeNameSection(nameSec.bytes);
    return m;
  }

  /** The id of the next section, or -1 at the end; rejects ids the format does not define. */
  private peekSectionId(): number {
    const r = this.r;
    if (r.pos >= r.end) return -1;
    const id = this.bytes[r.pos];
    if (id > MAX_SECTION_ID) this.fail('malformed section id', r.pos);
    return id;
  }

  private customs(after: number): void {
    while (this.peekSectionId() === 0) this.section(0, after);
  }

  private section(id: number, after = 0): void {
    const r = this.r;
    const start = r.pos;
    r.pos++;
    const size = r.len32();
    const payload = r.pos;
    let name: string | undefined;
    switch (id) {
      case 0: name = this.customSection(size, after); break;
      case 1: this.typeSection(); break;
      case 2: this.vec(() => this.m.imports.push(this.import_())); break;
      case 3: this.vec(() => this.funcTypes.push(r.u32())); break;
      case 4: this.vec(() => this.m.tables.push(this.table())); break;
      case 5: this.vec(() => this.m.memories.push(this.memory())); break;
      case 13: this.vec(() => this.m.tags.push(this.tag())); break;
      case 6: this.vec(() => this.m.globals.push(this.global())); break;
      case 7: this.vec(() => this.m.exports.push(this.export_())); break;
      case 8: this.m.start = r.u32(); break;
      case 9: this.vec(() => this.m.elems.push(this.elem())); break;
      case 12: this.m.dataCount = r.u32(); break;
      case 10: this.codeSection(); break;
      case 11: this.vec(() => this.m.datas.push(this.data())); break;
    }
    if (r.pos !== payload + size) this.fail('section size mismatch', payload);
    this.sections?.push({ id, start, payload, size, ...(name !== undefined ? { name } : {}) });
  }

  private vec(each: () => void): void {
    const n = this.r.len32();
    for (let i = 0; i < n; i++) each();
  }

  // ---- custom ----------------------------------------------------------------------------

  private customSection(size: number, after: number): string {
    const r = this.r;
    const start = r.pos;
    const name = r.name();
    const rest = size - (r.pos - start);
    if (rest < 0) this.fail('unexpected end of section or function', r.pos);
    const offset = r.pos;
    const bytes = r.bytesN(rest);
    const c: CustomSection = { name, bytes, after, offset };
    this.m.customs.push(c);
    return name;
  }

  // ---- types -----------------------------------------------------------------------------

  private typeSection(): void {
    const r = this.r;
    const m = this.m;
    this.vec(() => {
      const start = m.types.length;
      if (r.peek() === 0x4e) {
        r.pos++;
        const n = r.len32();
        for (let i = 0; i < n; i++) m.types.push(this.subType());
        m.recGroups.push({ start, count: n, explicit: true });
      } else {
        m.types.push(this.subType());
        m.recGroups.push({ start, count: 1, explicit: false });
      }
    });
  }

  private typeIdxU32(): number {
    const r = this.r;
    const at = r.pos;
    const x = r.u32();
    if (x > 0x7fffffff) this.fail('malformed type index', at);
    return x;
  }

  private subType(): SubType {
    const r = this.r;
    const b = r.peek();
    let final = true;
    let supers: number[] = [];
    if (b === 0x50 || b === 0x4f) {
      r.pos++;
      final = b === 0x4f;
      const n = r.len32();
      supers = [];
      for (let i = 0; i < n; i++) supers.push(this.typeIdxU32());
    }
    // custom-descriptors: optional `describes` (0x4c) then optional `descriptor` (0x4d).
    let describes: number | undefined;
    let descriptor: number | undefined;
    if (r.peek() === 0x4c) {
      r.pos++;
      describes = this.typeIdxU32();
    }
    if (r.peek() === 0x4d) {
      r.pos++;
      descriptor = this.typeIdxU32();
    }
    const comp = this.compType();
    const t: SubType = { final, supers, comp };
    if (describes !== undefined || descriptor !== undefined) {
      return {
        ...t,
        ...(descriptor !== undefined ? { descriptor } : {}),
        ...(describes !== undefined ? { describes } : {}),
      };
    }
    return t;
  }

  private compType(): CompType {
    const r = this.r;
    const at = r.pos;
    const b = r.u8();
    if (b & 0x80) this.fail('integer representation too long', r.pos);
    switch (b) {
      case 0x60: {
        const params = this.resultType();
        const results = this.resultType();
        return { kind: 'func', params, results };
      }
      case 0x5f: {
        const fields: FieldType[] = [];
        this.vec(() => fields.push(this.fieldType()));
        return { kind: 'struct', fields };
      }
      case 0x5e:
        return { kind: 'array', elem: this.fieldType() };
      default:
        return this.fail('malformed definition type', at);
    }
  }

  private resultType(): ValType[] {
    const ts: ValType[] = [];
    this.vec(() => ts.push(readValType(this.r)));
    return ts;
  }

  private fieldType(): FieldType {
    const type = readStorageType(this.r);
    const mutable = this.mutability();
    return { type, mutable };
  }

  private mutability(): boolean {
    const r = this.r;
    const b = r.u8();
    if (b === 0) return false;
    if (b === 1) return true;
    return this.fail('malformed mutability', r.pos - 1);
  }

  // ---- imports, tables, memories, globals, tags --------------------------------------------

  private import_(): Import {
    const r = this.r;
    const module = r.name();
    const name = r.name();
    const at = r.pos;
    const kind = r.u8();
    let desc: ImportDesc;
    switch (kind) {
      case 0x00: desc = { kind: 'func', typeIdx: this.typeIdxU32() }; break;
      case 0x01: desc = { kind: 'table', type: this.tableType() }; break;
      case 0x02: desc = { kind: 'memory', type: this.memType() }; break;
      case 0x03: desc = { kind: 'global', type: this.globalType() }; break;
      case 0x04: desc = { kind: 'tag', type: this.tagType() }; break;
      case 0x20: desc = { kind: 'func', typeIdx: this.typeIdxU32(), exact: true }; break;
      default: return this.fail('malformed import kind', at);
    }
    return { module, name, desc };
  }

  private limits(allowedFlags: number): { limits: Limits; flags: number } {
    const r = this.r;
    const at = r.pos;
    const flags = r.u8();
    if (flags & ~allowedFlags) this.fail('malformed limits flags', at);
    const is64 = (flags & 4) !== 0;
    // Both address types read u64 bounds; the validator checks the range.
    const min = r.u64();
    const max = flags & 1 ? r.u64() : null;
    return { limits: { min, max, is64 }, flags };
  }

  private tableType(): TableType {
    const elem = readRefType(this.r);
    const { limits } = this.limits(0x05);
    return { elem, limits };
  }

  private memType(): MemType {
    const r = this.r;
    let allowed = 0x05;
    if (this.features.ops.has('threads')) allowed |= 0x02;
    if (this.features.customPageSizes) allowed |= 0x08;
    const { limits, flags } = this.limits(allowed);
    const shared = (flags & 2) !== 0;
    if (flags & 8) {
      const at = r.pos;
      const log2 = r.u32();
      // A page of 2^64 bytes or more cannot be described at all; other sizes are the
      // validator's to reject.
      if (log2 >= 64) this.fail('invalid custom page size', at);
      return { limits, shared, pageSizeLog2: log2, explicitPageSize: true };
    }
    return { limits, shared, pageSizeLog2: 16 };
  }

  private globalType(): GlobalType {
    const type = readValType(this.r);
    const mutable = this.mutability();
    return { type, mutable };
  }

  private tagType(): { typeIdx: number } {
    const r = this.r;
    const at = r.pos;
    if (r.u8() !== 0x00) this.fail('zero byte expected', at);
    return { typeIdx: this.typeIdxU32() };
  }

  private table(): Table {
    const r = this.r;
    const at = r.pos;
    if (r.peek() === 0x40) {
      // `0x40 0x00 tabletype expr`. Any failure inside falls back, as in the reference
      // interpreter, to reading 0x40 as a reference type, which is malformed.
      try {
        r.pos++;
        if (r.u8() !== 0x00) this.fail('zero byte expected', r.pos - 1);
        const type = this.tableType();
        const init = this.constExpr();
        return { type, init };
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
        this.fail('malformed reference type', at);
      }
    }
    return { type: this.tableType(), init: null };
  }

  private memory(): Memory {
    return { type: this.memType() };
  }

  private tag(): Tag {
    return { type: this.tagType() };
  }

  private global(): Global {
    const type = this.globalType();
    const init = this.constExpr();
    return { type, init };
  }

  private export_(): Export {
    const r = this.r;
    const name = r.name();
    const at = r.pos;
    const k = r.u8();
    if (k >= EXTERN_KINDS.length) this.fail('malformed export kind', at);
    return { name, kind: EXTERN_KINDS[k], index: r.u32() };
  }

  // ---- element and data segments -----------------------------------------------------------

  private elem(): Elem {
    const r = this.r;
    const at = r.pos;
    const flags = r.u32();
    if (flags > 7) this.fail('malformed elements segment kind', at);
    let mode: ElemMode;
    if (flags & 1) {
      mode = { kind: flags & 2 ? 'declarative' : 'passive' };
    } else {
      const table = flags & 2 ? r.u32() : 0;
      mode = { kind: 'active', table, offset: this.constExpr() };
    }
    const usesExprs = (flags & 4) !== 0;
    let type: RefType;
    if (!usesExprs) {
      if (flags & 3) {
        const kat = r.pos;
        if (r.u8() !== 0x00) this.fail('malformed element kind', kat);
      }
      type = refType(false, 'func');
      const funcs: number[] = [];
      this.vec(() => funcs.push(r.u32()));
      return { mode, type, init: { kind: 'funcs', funcs } };
    }
    type = flags & 3 ? readRefType(r) : refType(true, 'func');
    const exprs: Expr[] = [];
    this.vec(() => exprs.push(this.constExpr()));
    return { mode, type, init: { kind: 'exprs', exprs } };
  }

  private data(): Data {
    const r = this.r;
    const at = r.pos;
    const flags = r.u32();
    let mode: DataMode;
    switch (flags) {
      case 0: mode = { kind: 'active', memory: 0, offset: this.constExpr() }; break;
      case 1: mode = { kind: 'passive' }; break;
      case 2: {
        const memory = r.u32();
        mode = { kind: 'active', memory, offset: this.constExpr() };
        break;
      }
      default: return this.fail('malformed data segment kind', at);
    }
    const n = r.len32();
    return { mode, bytes: r.bytesN(n) };
  }

  // ---- code ------------------------------------------------------------------------------

  private codeCount = 0;

  private codeSection(): void {
    const r = this.r;
    const n = r.len32();
    this.codeCount = n;
    const funcs = this.m.funcs;
    for (let i = 0; i < n; i++) {
      const size = r.len32();
      const start = r.pos;
      const locals = this.locals();
      const bodyStart = r.pos;
      this.instrs();
      if (r.pos !== start + size) this.fail('section size mismatch', start);
      const body: Expr = { bytes: this.bytes.subarray(bodyStart, r.pos), offset: bodyStart };
      // The function section's type index pairs with it; a count mismatch is reported later.
      const f: Func = { typeIdx: this.funcTypes[i] ?? -1, locals, body };
      funcs.push(f);
    }
    // Functions declared without bodies (or the reverse) are caught after all sections.
  }

  private locals(): LocalDecl[] {
    const r = this.r;
    const at = r.pos;
    const n = r.len32();
    const decls: LocalDecl[] = [];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const count = r.u32();
      const type = readValType(r);
      total += count;
      decls.push({ count, type });
    }
    if (total > 0xffffffff) this.fail('too many locals', at);
    return decls;
  }

  private constExpr(): Expr {
    const start = this.r.pos;
    this.instrs();
    return { bytes: this.bytes.subarray(start, this.r.pos), offset: start };
  }

  /**
   * Reads instructions up to and including the `end` that closes the expression, checking
   * block structure and opcode existence the way the binary grammar does. One table read per
   * instruction (ACT, for this feature set) says what, if anything, the check must do.
   */
  private instrs(): void {
    const r = this.r;
    const bytes = this.bytes;
    const frames = this.frames;
    let depth = 0;
    const act = this.actions;
    const skip = this.skips;
    const end = r.end;
    let p = r.pos;
    for (;;) {
      // Fast path: an instruction with nothing to check whose immediates are all short and
      // always well formed (see SKIP) is stepped over here, without a full read. Anything
      // else, and anything near the end, goes through InstrReader.next() (and its errors).
      if (p + 9 <= end) {
        const k = skip[bytes[p]];
        if (k === K_ONE) {
          p += 1;
          continue;
        }
        if (k === K_LEB1) {
          if (bytes[p + 1] < 0x80) {
            p += 2;
            continue;
          }
        } else if (k === K_MEMARG1) {
          if (bytes[p + 1] < 0x40 && bytes[p + 2] < 0x80) {
            p += 3;
            continue;
          }
        } else if (k === K_F32) {
          p += 5;
          continue;
        } else if (k === K_F64) {
          p += 9;
          continue;
        }
      }
      r.pos = p;
      const id = r.next();
      p = r.pos;
      const a = act[id];
      if (a === A_NONE) continue;
      switch (a) {
        case A_END:
          if (depth === 0) return;
          depth--;
          break;
        case A_BLOCK: frames[depth++] = F_BLOCK; break;
        case A_IF: frames[depth++] = F_IF; break;
        case A_ELSE:
          if (depth === 0 || frames[depth - 1] !== F_IF) this.fail('END opcode expected', r.offset);
          frames[depth - 1] = F_ELSE;
          break;
        case A_TRY: frames[depth++] = F_TRY; break;
        case A_CATCH: case A_CATCH_ALL: {
          const top = depth > 0 ? frames[depth - 1] : -1;
          if (top !== F_TRY && top !== F_CATCH) this.fail('END opcode expected', r.offset);
          frames[depth - 1] = a === A_CATCH ? F_CATCH : F_CATCH_ALL;
          break;
        }
        case A_DELEGATE:
          if (depth === 0 || frames[depth - 1] !== F_TRY) this.fail('END opcode expected', r.offset);
          depth--;
          break;
        case A_DATA: this.usesDataIndex = true; break;
        case A_DISABLED: {
          const info = OPS[id];
          this.fail(`illegal opcode ${hexOp(info.prefix, info.code)}`, r.offset);
        }
      }
    }
  }
}

// What the structure check does per instruction (ACT tables, below).
const A_NONE = 0;
const A_DISABLED = 1;
const A_END = 2;
const A_BLOCK = 3; // block, loop, try_table
const A_IF = 4;
const A_ELSE = 5;
const A_TRY = 6;
const A_CATCH = 7;
const A_CATCH_ALL = 8;
const A_DELEGATE = 9;
const A_DATA = 10; // has a data-segment immediate: requires the data count section

/** Per opcode id, ignoring features: its structural action. */
const ACTION: Uint8Array = Uint8Array.from(OPS, (o) => {
  switch (o.id) {
    case OP.end: return A_END;
    case OP.block: case OP.loop: case OP.try_table: return A_BLOCK;
    case OP.if: return A_IF;
    case OP.else: return A_ELSE;
    case OP.try: return A_TRY;
    case OP.catch: return A_CATCH;
    case OP.catch_all: return A_CATCH_ALL;
    case OP.delegate: return A_DELEGATE;
    default: return o.imms.includes('data') ? A_DATA : A_NONE;
  }
});

const actionCache = new WeakMap<Features, Uint8Array>();

// The fast path of instrs(), per first byte (SKIP tables): what it may step over. Only
// single-byte opcodes with action A_NONE, whose short immediates cannot be malformed.
const K_SLOW = 0;
/** No immediates. */
const K_ONE = 1;
/** One LEB128 immediate (an index, i32.const, i64.const): stepped over when one byte long. */
const K_LEB1 = 2;
/** A memarg: stepped over when align (without the memory-index bit) and offset are one byte. */
const K_MEMARG1 = 3;
/** f32.const: four raw bytes. */
const K_F32 = 4;
/** f64.const: eight raw bytes. */
const K_F64 = 5;

const skipCache = new WeakMap<Features, Uint8Array>();

/** Per first byte, under these features: the fast path's K_* code (K_SLOW: use next()). */
function skipsFor(features: Features): Uint8Array {
  let t = skipCache.get(features);
  if (!t) {
    const table = new Uint8Array(256).fill(K_SLOW);
    const act = actionsFor(features);
    for (let b = 0; b < 256; b++) {
      const id = OPCODE_1[b];
      if (id < 0 || act[id] !== A_NONE) continue;
      const k = OPS[id].imms;
      if (k.length === 0) table[b] = K_ONE;
      else if (k.length > 1) continue;
      else if (k[0] === 'memarg') table[b] = K_MEMARG1;
      else if (k[0] === 'f32') table[b] = K_F32;
      else if (k[0] === 'f64') table[b] = K_F64;
      else if (LEB_KINDS.has(k[0])) table[b] = K_LEB1;
    }
    skipCache.set(features, (t = table));
  }
  return t;
}

const LEB_KINDS: ReadonlySet<string> = new Set([
  'label', 'func', 'type', 'table', 'memory', 'global', 'local', 'tag', 'elem', 'data', 'field',
  'u32', 'i32', 'i64',
]);

/** ACTION with the instructions of disabled features turned into A_DISABLED. */
function actionsFor(features: Features): Uint8Array {
  let t = actionCache.get(features);
  if (!t) {
    const ops = features.ops;
    t = Uint8Array.from(OPS, (o, i) => (ops.has(o.feature) ? ACTION[i] : A_DISABLED));
    actionCache.set(features, t);
  }
  return t;
}

function hexOp(prefix: number, code: number): string {
  const h = (n: number): string => n.toString(16).padStart(2, '0');
  return prefix ? `${h(prefix)} ${h(code)}` : h(code);
}
