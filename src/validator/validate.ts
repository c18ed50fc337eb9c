// Module validation (spec 3.0 valid/modules.rst), following the reference interpreter's order
// and messages (interpreter/valid/valid.ml): types, imports, tags, functions, memories,
// tables, globals, data, elements, function bodies, start, exports.
//
// The result, ValidatedModule:
//   module          the Module that was validated (unchanged)
//   typeIds         module type index -> canonical type id (canonical.ts), for the runtime
//   context         the canonical module context (function types, tables, globals, ...)
//   funcTypeIdx(f)  module type index of function f (imports first)
//   funcTypeId(f)   canonical id of function f's type
//   maxStackHeight  per DEFINED function (index - imported functions): the largest operand
//                   stack height the validator saw (v128 counts as one slot)
//   sideTable(f)    what the validator learns about each instruction of defined function f
//                   (side-table.ts), for the interpreter's translator. Recorded on request, by
//                   the same pass in recording mode, when the interpreter first translates f:
//                   module validation stays one allocation-free pass, and no table is kept
//                   for functions that never run (eager tables would hold 16 bytes per
//                   instruction: 67 MB for the 9 MB bench/wasm/big.wasm).
// Errors are ValidationError(reason, funcIndex, offset) whose reason starts with the spec's text.

import type { Features } from '../syntax/features.js';
import { DEFAULT_FEATURES } from '../syntax/features.js';
import type { Expr, Module } from '../syntax/module.js';
import type {
  FuncType, GlobalType, Limits, MemType, RefType, SubType, TableType, ValType,
} from '../syntax/types.js';
import { InstrReader } from '../decoder/instr-reader.js';
import { OP } from '../syntax/opcodes.js';
import { canonicalizeGroup, canonicalType, UnknownTypeIndex } from './canonical.js';
import { CodeValidator } from './code.js';
import { SideTable } from './side-table.js';
import type { ModuleContext } from './context.js';
import { fail } from './context.js';
import { canonValType, compSub, refSub } from './match.js';
import { checkDescriptorClauses, checkDescriptorSubtyping } from './descriptors.js';

export interface ValidatedModule {
  readonly module: Module;
  readonly typeIds: number[];
  readonly context: ModuleContext;
  funcTypeIdx(funcIndex: number): number;
  funcTypeId(funcIndex: number): number;
  readonly maxStackHeight: Int32Array;
  /** Side table of function f (a module function index, not imported); see side-table.ts. */
  sideTable(funcIndex: number): SideTable;
}

// ---- types -------------------------------------------------------------------------------

function checkHeapIndex(h: number, limit: number): void {
  if (h >= limit) fail(`unknown type ${h}`);
}

function checkValType(t: ValType | 'i8' | 'i16', limit: number): void {
  if (typeof t === 'object' && typeof t.heap === 'number') checkHeapIndex(t.heap, limit);
}

function checkSubTypeRefs(st: SubType, limit: number): void {
  const c = st.comp;
  if (c.kind === 'func') {
    for (const t of c.params) checkValType(t, limit);
    for (const t of c.results) checkValType(t, limit);
  } else if (c.kind === 'struct') {
    for (const f of c.fields) checkValType(f.type, limit);
  } else {
    checkValType(c.elem.type, limit);
  }
  for (const s of st.supers) checkHeapIndex(s, limit);
}

function checkTypes(m: Module): number[] {
  const ids: number[] = [];
  for (const g of m.recGroups) {
    const end = g.start + g.count;
    checkDescriptorClauses(m, g);
    for (let k = g.start; k < end; k++) checkSubTypeRefs(m.types[k], end);
    let first: number;
    try {
      first = canonicalizeGroup(m.types, g, ids);
    } catch (e) {
      if (e instanceof UnknownTypeIndex) fail(`unknown type ${e.index}`);
      throw e;
    }
    for (let k = 0; k < g.count; k++) ids.push(first + k);
    for (let k = 0; k < g.count; k++) {
      const x = g.start + k;
      const st = m.types[x];
      if (st.supers.length > 1) fail(`sub type ${x} has too many supertypes`);
      for (const s of st.supers) {
        if (s >= x) fail(`forward use of type ${s} in sub type definition`);
        const sup = canonicalType(ids[s]).type;
        if (sup.final) fail(`sub type ${x} has final super type ${s}`);
        const sub = canonicalType(ids[x]).type;
        if (!compSub(sub.comp, sup.comp)) fail(`sub type ${x} does not match super type ${s}`);
        checkDescriptorSubtyping(x, s, sub, sup, m);
      }
    }
  }
  return ids;
}

// ---- limits ------------------------------------------------------------------------------

function checkLimits(l: Limits, range: number, msg: string): void {
  if (l.min > range) fail(msg);
  if (l.max !== null) {
    if (l.max > range) fail(msg);
    if (l.min > l.max) fail('size minimum must not be greater than maximum');
  }
}

function checkMemType(t: MemType, f: Features): void {
  const log2 = t.pageSizeLog2;
  if ((log2 !== 16 && log2 !== 0) || (log2 !== 16 && !f.customPageSizes)) fail('invalid custom page size');
  if (t.limits.is64) {
    const pages = log2 === 16 ? 2 ** 48 : 2 ** 64 - 1;
    checkLimits(t.limits, pages, log2 === 16
      ? 'memory size must be at most 2^48 pages (256 TiB) for i64'
      : 'memory size must be at most 2^64-1 bytes for i64');
  } else {
    const pages = log2 === 16 ? 2 ** 16 : 2 ** 32 - 1;
    checkLimits(t.limits, pages, log2 === 16
      ? 'memory size must be at most 65536 pages (4GiB)'
      : 'memory size must be at most 4294967295 pages (4GiB)');
  }
  if (t.shared && t.limits.max === null) fail('shared memory must have maximum');
}

function checkTableType(t: TableType, ntypes: number): void {
  checkValType(t.elem, ntypes);
  if (t.limits.is64) checkLimits(t.limits, 2 ** 64 - 1, 'table size must be at most 2^64-1 for i64');
  else checkLimits(t.limits, 0xffffffff, 'table size must be at most 2^32-1 for i32');
}

// ---- declared function references (C.refs) ----------------------------------------------

function collectRefFuncs(e: Expr, into: Uint8Array): void {
  const r = new InstrReader(e.bytes, e.offset);
  try {
    while (r.pos < r.end) {
      const op = r.next();
      if (op === OP.ref_func && r.x < into.length) into[r.x] = 1;
    }
  } catch {
    // Malformed: validation of the expression itself reports it.
  }
}

// ---- the module --------------------------------------------------------------------------

export function validateModule(m: Module, features: Features = DEFAULT_FEATURES): ValidatedModule {
  const ids = checkTypes(m);
  const ntypes = m.types.length;
  const types: SubType[] = ids.map((id) => canonicalType(id).type);
  const funcTypeIdx: number[] = [];
  const tables: TableType[] = [];
  const memories: MemType[] = [];
  const globals: GlobalType[] = [];
  const tags: number[] = [];

  const funcTypeCheck = (x: number): void => {
    if (x >= ntypes) fail(`unknown type ${x}`);
    if (types[x].comp.kind !== 'func') fail(`non-function type ${x}`);
  };
  const canonTable = (t: TableType): TableType => ({ elem: canonValType(t.elem, ids), limits: t.limits });
  const checkTag = (x: number): void => {
    funcTypeCheck(x);
    const ft = types[x].comp;
    if (ft.kind === 'func' && ft.results.length > 0) fail('non-empty tag result type');
  };

  for (const imp of m.imports) {
    const d = imp.desc;
    switch (d.kind) {
      case 'func': funcTypeCheck(d.typeIdx); funcTypeIdx.push(d.typeIdx); break;
      case 'table': checkTableType(d.type, ntypes); tables.push(canonTable(d.type)); break;
      case 'memory': checkMemType(d.type, features); memories.push(d.type); break;
      case 'global':
        checkValType(d.type.type, ntypes);
        globals.push({ type: canonValType(d.type.type, ids), mutable: d.type.mutable });
        break;
      case 'tag': checkTag(d.type.typeIdx); tags.push(d.type.typeIdx); break;
    }
  }
  const importedGlobals = globals.length;
  for (const t of m.tags) {
    checkTag(t.type.typeIdx);
    tags.push(t.type.typeIdx);
  }
  for (const f of m.funcs) {
    funcTypeCheck(f.typeIdx);
    funcTypeIdx.push(f.typeIdx);
  }
  for (const mem of m.memories) {
    checkMemType(mem.type, features);
    memories.push(mem.type);
  }
  if (!features.multiMemory && memories.length > 1) fail('multiple memories');
  for (const t of m.tables) {
    checkTableType(t.type, ntypes);
    tables.push(canonTable(t.type));
  }
  if (!features.multiMemory && tables.length > 1) fail('multiple tables');

  const declaredFuncs = new Uint8Array(funcTypeIdx.length);
  for (const g of m.globals) collectRefFuncs(g.init, declaredFuncs);
  for (const t of m.tables) if (t.init) collectRefFuncs(t.init, declaredFuncs);
  for (const e of m.elems) {
    if (e.init.kind === 'funcs') {
      for (const f of e.init.funcs) if (f < declaredFuncs.length) declaredFuncs[f] = 1;
    } else {
      for (const x of e.init.exprs) collectRefFuncs(x, declaredFuncs);
    }
    if (e.mode.kind === 'active') collectRefFuncs(e.mode.offset, declaredFuncs);
  }
  for (const d of m.datas) if (d.mode.kind === 'active') collectRefFuncs(d.mode.offset, declaredFuncs);
  for (const ex of m.exports) {
    if (ex.kind === 'func' && ex.index < declaredFuncs.length) declaredFuncs[ex.index] = 1;
  }

  const funcExact = new Uint8Array(funcTypeIdx.length);
  {
    let fi = 0;
    for (const imp of m.imports) if (imp.desc.kind === 'func') funcExact[fi++] = imp.desc.exact ? 1 : 0;
    funcExact.fill(1, fi);
  }
  const elemTypes: RefType[] = [];
  const ctx: ModuleContext = {
    module: m, features, ids, types, funcTypeIdx, tables, memories, globals, tags, elemTypes,
    dataCount: m.dataCount ?? m.datas.length, hasDataCount: m.dataCount !== null,
    declaredFuncs, funcExact,
  };
  const cv = new CodeValidator(ctx);

  // Tables: initializers see only imported globals (tables precede globals).
  for (let i = 0; i < m.tables.length; i++) {
    const t = m.tables[i];
    const elem = tables[tables.length - m.tables.length + i].elem;
    if (t.init) cv.validateConst(t.init, elem, importedGlobals);
    else if (!elem.nullable) fail('type mismatch: table without initializer needs a nullable element type');
  }
  for (const g of m.globals) {
    checkValType(g.type.type, ntypes);
    const t = canonValType(g.type.type, ids);
    cv.validateConst(g.init, t, globals.length);
    globals.push({ type: t, mutable: g.type.mutable });
  }
  // Data segments: all globals are visible; data indices for code come from the datacount.
  for (const d of m.datas) {
    if (d.mode.kind === 'active') {
      const mi = d.mode.memory;
      if (mi >= memories.length) fail(`unknown memory ${mi}`);
      cv.validateConst(d.mode.offset, memories[mi].limits.is64 ? 'i64' : 'i32', globals.length);
    }
  }
  if (m.dataCount !== null && m.dataCount !== m.datas.length) {
    fail('data count and data section have inconsistent lengths');
  }
  const nfuncs = funcTypeIdx.length;
  for (const e of m.elems) {
    checkValType(e.type, ntypes);
    const et = canonValType(e.type, ids);
    if (e.init.kind === 'funcs') {
      // Every function reference matches `func`: only concrete segment types need the check.
      const anyFunc = et.heap === 'func';
      for (const f of e.init.funcs) {
        if (f >= nfuncs) fail(`unknown function ${f}`);
        if (anyFunc) continue;
        const ft = canonValType({ kind: 'ref', nullable: false, exact: funcExact[f] === 1, heap: funcTypeIdx[f] }, ids);
        if (!refSub(ft, et)) fail(`type mismatch: element segment's type does not match`);
      }
    } else {
      for (const x of e.init.exprs) cv.validateConst(x, et, globals.length);
    }
    if (e.mode.kind === 'active') {
      const ti = e.mode.table;
      if (ti >= tables.length) fail(`unknown table ${ti}`);
      const tt = tables[ti];
      if (!refSub(et, tt.elem)) {
        fail("type mismatch: element segment's type does not match table's element type");
      }
      cv.validateConst(e.mode.offset, tt.limits.is64 ? 'i64' : 'i32', globals.length);
    }
    elemTypes.push(et);
  }

  // Function bodies.
  const nImportedFuncs = nfuncs - m.funcs.length;
  const maxStackHeight = new Int32Array(m.funcs.length);
  const declTypes: ValType[] = [];
  const declCounts: number[] = [];
  /** Function fi's type; its local declarations, checked and canonical, into declTypes/Counts. */
  const readFunc = (fi: number): FuncType => {
    const f = m.funcs[fi - nImportedFuncs];
    const ft = types[f.typeIdx].comp;
    if (ft.kind !== 'func') fail(`non-function type ${f.typeIdx}`);
    let total = ft.params.length;
    const locals = f.locals;
    for (let k = 0; k < locals.length; k++) {
      const l = locals[k];
      total += l.count;
      if (total > 50000) fail('too many locals', fi);
      checkValType(l.type, ntypes);
      declTypes[k] = canonValType(l.type, ids);
      declCounts[k] = l.count;
    }
    return ft;
  };
  for (let i = 0; i < m.funcs.length; i++) {
    const fi = nImportedFuncs + i;
    const f = m.funcs[i];
    maxStackHeight[i] = cv.validateFunc(fi, readFunc(fi), declTypes, declCounts, f.locals.length, f.body);
  }

  let recorder: CodeValidator | null = null;
  const sideTable = (fi: number): SideTable => {
    const i = fi - nImportedFuncs;
    if (i < 0 || i >= m.funcs.length) throw new RangeError(`function ${fi} is not defined in this module`);
    if (recorder === null) {
      recorder = new CodeValidator(ctx);
      recorder.recordInto = new SideTable();
    }
    const f = m.funcs[i];
    recorder.validateFunc(fi, readFunc(fi), declTypes, declCounts, f.locals.length, f.body);
    return recorder.recordInto!;
  };

  if (m.start !== null) {
    const s = m.start;
    if (s >= nfuncs) fail(`unknown function ${s}`);
    const ft = types[funcTypeIdx[s]].comp;
    if (ft.kind !== 'func' || ft.params.length > 0 || ft.results.length > 0) {
      fail('start function must not have parameters or results');
    }
  }

  const names = new Set<string>();
  const counts = {
    func: nfuncs, table: tables.length, memory: memories.length, global: globals.length, tag: tags.length,
  };
  const kindWord = { func: 'function', table: 'table', memory: 'memory', global: 'global', tag: 'tag' };
  for (const ex of m.exports) {
    if (ex.index >= counts[ex.kind]) fail(`unknown ${kindWord[ex.kind]} ${ex.index}`);
  }
  for (const ex of m.exports) {
    if (names.has(ex.name)) fail(`duplicate export name "${ex.name}"`);
    names.add(ex.name);
  }

  return {
    module: m,
    typeIds: ids,
    context: ctx,
    funcTypeIdx: (f: number) => funcTypeIdx[f],
    funcTypeId: (f: number) => ids[funcTypeIdx[f]],
    maxStackHeight,
    sideTable,
  };
}
