// Per-module state of the text parser: the index spaces with their identifiers, the type
// section being built (explicit definitions first, implicit ones from inline type uses
// appended in order of use), and type uses (`(type x)? (param ...)* (result ...)*`).

import type { Cursor } from './cursor.js';
import { IndexSpace } from './index-space.js';
import type { Token } from './lexer.js';
import { paramsResults } from './parse-types.js';
import type { Module } from '../syntax/module.js';
import { emptyModule } from '../syntax/module.js';
import type { Features } from '../syntax/features.js';
import { DEFAULT_FEATURES } from '../syntax/features.js';
import type { FuncType, ValType } from '../syntax/types.js';
import { equalValTypes, valTypeToString } from '../syntax/types.js';

export interface TypeUse {
  readonly idx: number;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  /** Parameter ids (null when anonymous), one per param. */
  readonly ids: readonly (string | null)[];
  readonly idToks: readonly (Token | undefined)[];
}

function sigKey(params: readonly ValType[], results: readonly ValType[]): string {
  return params.map(valTypeToString).join(' ') + '->' + results.map(valTypeToString).join(' ');
}

export class ModuleContext {
  readonly m: Module = emptyModule();
  readonly types = new IndexSpace('type');
  readonly funcs = new IndexSpace('function');
  readonly tables = new IndexSpace('table');
  readonly mems = new IndexSpace('memory');
  readonly globals = new IndexSpace('global');
  readonly tags = new IndexSpace('tag');
  readonly elems = new IndexSpace('elem segment');
  readonly datas = new IndexSpace('data segment');
  /** Field names per type index. */
  readonly fields: IndexSpace[] = [];
  /** Address type of each memory (true: i64), for memarg offsets. */
  readonly mem64: boolean[] = [];
  /** Local names per function index (params and locals with ids). */
  readonly localNames = new Map<number, Map<number, string>>();
  /** Some instruction names a data segment: the binary then needs a data count section. */
  dataRefs = false;

  constructor(readonly features: Features = DEFAULT_FEATURES) {}

  fieldsOf(typeIdx: number): IndexSpace {
    let f = this.fields[typeIdx];
    if (!f) this.fields[typeIdx] = f = new IndexSpace('field');
    return f;
  }

  /** The function type at an index, or an error naming it. */
  funcTypeAt(c: Cursor, tok: Token | undefined, idx: number): FuncType {
    const t = this.m.types[idx];
    if (!t) throw c.errAt(tok, `unknown type ${idx}`);
    if (t.comp.kind !== 'func') throw c.errAt(tok, `non-function type ${idx}`);
    return t.comp;
  }

  /** Plain singleton function types by signature, first index wins (built on first use). */
  private sigIndex: Map<string, number> | null = null;

  /** Index of an implicit function type: an existing plain singleton one, else a new one. */
  implicitFuncType(params: readonly ValType[], results: readonly ValType[]): number {
    const m = this.m;
    if (!this.sigIndex) {
      this.sigIndex = new Map();
      for (const g of m.recGroups) {
        if (g.count !== 1) continue;
        const t = m.types[g.start];
        if (t.final && t.supers.length === 0 && t.comp.kind === 'func' && t.describes === undefined &&
          t.descriptor === undefined) {
          const key = sigKey(t.comp.params, t.comp.results);
          if (!this.sigIndex.has(key)) this.sigIndex.set(key, g.start);
        }
      }
    }
    const key = sigKey(params, results);
    const found = this.sigIndex.get(key);
    if (found !== undefined) return found;
    const idx = m.types.length;
    m.types.push({ final: true, supers: [], comp: { kind: 'func', params: [...params], results: [...results] } });
    m.recGroups.push({ start: idx, count: 1, explicit: false });
    this.types.count = m.types.length;
    this.sigIndex.set(key, idx);
    return idx;
  }

  /** `(type x)? (param ...)* (result ...)*`; param ids allowed when `allowIds`. */
  typeUse(c: Cursor, allowIds: boolean): TypeUse {
    if (c.isField('type')) {
      c.i += 2;
      const tok = c.peek();
      const idx = this.types.ref(c);
      c.close();
      const pr = paramsResults(c, this.types, allowIds);
      if (pr.params.length === 0 && pr.results.length === 0 && this.m.types[idx]?.comp.kind !== 'func') {
        // an unknown or non-function type without inline signature is the validator's to reject
        return { idx, params: [], results: [], ids: [], idToks: [] };
      }
      const ft = this.funcTypeAt(c, tok, idx);
      if (pr.params.length > 0 || pr.results.length > 0) {
        if (!equalValTypes(pr.params, ft.params) || !equalValTypes(pr.results, ft.results)) {
          throw c.errAt(tok, 'inline function type does not match explicit type');
        }
        return { idx, ...pr };
      }
      return { idx, params: ft.params, results: ft.results, ids: ft.params.map(() => null), idToks: [] };
    }
    const pr = paramsResults(c, this.types, allowIds);
    return { idx: this.implicitFuncType(pr.params, pr.results), ...pr };
  }
}
