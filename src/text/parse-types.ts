// Text syntax of types: value/heap/reference types (with their abbreviations and the
// custom-descriptors `exact`), storage and field types, function/struct/array types and
// subtypes, limits, memory/table/global types.

import type { Cursor } from './cursor.js';
import type { IndexSpace } from './index-space.js';
import type {
  AbsHeapType, CompType, FieldType, HeapType, RefType, StorageType, SubType, ValType,
} from '../syntax/types.js';
import { ABS_HEAP_CODES, refType } from '../syntax/types.js';

const NUM = new Set(['i32', 'i64', 'f32', 'f64', 'v128']);

/** `funcref` and friends: abbreviations of `(ref null ht)`. */
const SHORT_REFS: Readonly<Record<string, AbsHeapType>> = {
  funcref: 'func', externref: 'extern', anyref: 'any', eqref: 'eq', i31ref: 'i31',
  structref: 'struct', arrayref: 'array', exnref: 'exn', nullref: 'none',
  nullfuncref: 'nofunc', nullexternref: 'noextern', nullexnref: 'noexn',
};

export function isAbsHeap(s: string): s is AbsHeapType {
  return Object.prototype.hasOwnProperty.call(ABS_HEAP_CODES, s);
}

export interface Heap {
  heap: HeapType;
  exact: boolean;
}

/** `absheaptype | typeidx | (exact typeidx)` */
export function heapType(c: Cursor, types: IndexSpace): Heap {
  const t = c.peek();
  if (t?.kind === 'atom' && isAbsHeap(t.text)) {
    c.i++;
    return { heap: t.text, exact: false };
  }
  if (c.isField('exact')) {
    c.i += 2;
    // only concrete types can be exact
    if (!types.isRef(c)) throw c.unexpected();
    const heap = types.ref(c);
    c.close();
    return { heap, exact: true };
  }
  if (types.isRef(c)) return { heap: types.ref(c), exact: false };
  throw c.unexpected();
}

export function isRefTypeStart(c: Cursor): boolean {
  const t = c.peek();
  if (t?.kind === 'atom' && SHORT_REFS[t.text] !== undefined) return true;
  return c.isField('ref');
}

export function refTypeOf(c: Cursor, types: IndexSpace): RefType {
  const t = c.peek();
  if (t?.kind === 'atom' && SHORT_REFS[t.text] !== undefined) {
    c.i++;
    return refType(true, SHORT_REFS[t.text]);
  }
  c.openField('ref');
  let nullable = false;
  if (c.isAtom('null')) {
    c.i++;
    nullable = true;
  }
  const h = heapType(c, types);
  c.close();
  return refType(nullable, h.heap, h.exact);
}

export function isValTypeStart(c: Cursor): boolean {
  const t = c.peek();
  return (t?.kind === 'atom' && NUM.has(t.text)) || isRefTypeStart(c);
}

export function valType(c: Cursor, types: IndexSpace): ValType {
  const t = c.peek();
  if (t?.kind === 'atom' && NUM.has(t.text)) {
    c.i++;
    return t.text as ValType;
  }
  if (isRefTypeStart(c)) return refTypeOf(c, types);
  throw c.unexpected(t);
}

function storageType(c: Cursor, types: IndexSpace): StorageType {
  if (c.isAtom('i8') || c.isAtom('i16')) return c.next().text as StorageType;
  return valType(c, types);
}

function fieldType(c: Cursor, types: IndexSpace): FieldType {
  if (c.isField('mut')) {
    c.i += 2;
    const type = storageType(c, types);
    c.close();
    return { type, mutable: true };
  }
  return { type: storageType(c, types), mutable: false };
}

/**
 * `(param ...)* (result ...)*` with optional ids on single params. Returns param ids (null for
 * anonymous) so function definitions can bind locals. Stops at the first other token.
 */
export function paramsResults(c: Cursor, types: IndexSpace, allowIds: boolean):
  { params: ValType[]; results: ValType[]; ids: (string | null)[]; idToks: (import('./lexer.js').Token | undefined)[] } {
  const params: ValType[] = [];
  const results: ValType[] = [];
  const ids: (string | null)[] = [];
  const idToks: (import('./lexer.js').Token | undefined)[] = [];
  while (c.isField('param')) {
    c.i += 2;
    const idTok = c.peek();
    const id = c.optId();
    if (id !== null) {
      if (!allowIds) throw c.unexpected(idTok);
      params.push(valType(c, types));
      ids.push(id);
      idToks.push(idTok);
    } else {
      while (!c.isClose()) {
        params.push(valType(c, types));
        ids.push(null);
        idToks.push(undefined);
      }
    }
    c.close();
  }
  while (c.isField('result')) {
    c.i += 2;
    while (!c.isClose()) results.push(valType(c, types));
    c.close();
  }
  if (c.isField('param')) throw c.unexpected(c.peek(1));
  return { params, results, ids, idToks };
}

/** `(func ...)`, `(struct ...)` or `(array ...)`; binds field names into `fields`. */
export function compType(c: Cursor, types: IndexSpace, fields: IndexSpace): CompType {
  const kw = c.fieldName();
  if (kw === 'func') {
    c.i += 2;
    const { params, results } = paramsResults(c, types, true);
    c.close();
    return { kind: 'func', params, results };
  }
  if (kw === 'struct') {
    c.i += 2;
    const fs: FieldType[] = [];
    while (c.isField('field')) {
      const at = c.peek(1);
      c.i += 2;
      const id = c.optId();
      if (id !== null) {
        fields.bind(c, id, at);
        fs.push(fieldType(c, types));
      } else {
        while (!c.isClose()) {
          fields.bind(c, null, at);
          fs.push(fieldType(c, types));
        }
      }
      c.close();
    }
    c.close();
    return { kind: 'struct', fields: fs };
  }
  if (kw === 'array') {
    c.i += 2;
    const elem = fieldType(c, types);
    c.close();
    return { kind: 'array', elem };
  }
  throw c.unexpected(c.isOpen() ? c.peek(1) : c.peek());
}

/** The body of a `(type $id? ...)` after the id: a subtype or a plain composite type. */
export function subType(c: Cursor, types: IndexSpace, fields: IndexSpace): SubType {
  let describes: number | undefined;
  let descriptor: number | undefined;
  const clauses = (): void => {
    if (c.isField('describes')) {
      c.i += 2;
      describes = types.ref(c);
      c.close();
    }
    if (c.isField('descriptor')) {
      c.i += 2;
      descriptor = types.ref(c);
      c.close();
    }
  };
  if (c.isField('sub')) {
    c.i += 2;
    let final = false;
    if (c.isAtom('final')) {
      c.i++;
      final = true;
    }
    const supers: number[] = [];
    while (types.isRef(c)) supers.push(types.ref(c));
    clauses();
    const comp = compType(c, types, fields);
    c.close();
    return withDesc({ final, supers, comp }, describes, descriptor);
  }
  clauses();
  const comp = compType(c, types, fields);
  return withDesc({ final: true, supers: [], comp }, describes, descriptor);
}

function withDesc(s: SubType, describes?: number, descriptor?: number): SubType {
  if (describes === undefined && descriptor === undefined) return s;
  return { ...s, ...(describes !== undefined ? { describes } : {}), ...(descriptor !== undefined ? { descriptor } : {}) };
}
