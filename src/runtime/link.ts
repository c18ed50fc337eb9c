// Import matching: is the value a host or another instance provides acceptable for an
// import's declared type? Both sides are put in canonical form (type indices replaced by the
// canonical ids of the module that wrote them) and compared by the validator's
// `matchExternType`; runtime tables and memories match with their current size.

import { LinkError } from '../errors.js';
import { canonValType, matchExternType } from '../validator/match.js';
import type { CanonExternType } from '../validator/match.js';
import type { Import } from '../syntax/module.js';
import type { GlobalType, TableType } from '../syntax/types.js';
import type { ExternValue } from './objects.js';
import { typeScopeOf } from './type-scope.js';
import type { TypeScope } from './type-scope.js';

export const INCOMPATIBLE_IMPORT = 'incompatible import type';
export const UNKNOWN_IMPORT = 'unknown import';

function canonTable(t: TableType, ids: readonly number[], size: number): TableType {
  return { elem: canonValType(t.elem, ids), limits: { ...t.limits, min: size } };
}

function canonGlobal(t: GlobalType, ids: readonly number[]): GlobalType {
  return { mutable: t.mutable, type: canonValType(t.type, ids) };
}

/** The canonical external type an import expects. */
export function expectedType(imp: Import, scope: TypeScope): CanonExternType {
  const d = imp.desc;
  const ids = scope.typeIds;
  switch (d.kind) {
    case 'func': return { kind: 'func', typeId: ids[d.typeIdx], exact: d.exact };
    case 'tag': return { kind: 'tag', typeId: ids[d.type.typeIdx] };
    case 'table': return { kind: 'table', type: canonTable(d.type, ids, d.type.limits.min) };
    case 'memory': return { kind: 'memory', type: d.type };
    case 'global': return { kind: 'global', type: canonGlobal(d.type, ids) };
  }
}

/** The canonical external type of a runtime value (tables and memories at their current size). */
export function actualType(ext: ExternValue): CanonExternType {
  switch (ext.kind) {
    case 'func': return { kind: 'func', typeId: ext.value.typeId };
    case 'tag': return { kind: 'tag', typeId: ext.value.typeId };
    case 'table': {
      const t = ext.value;
      return { kind: 'table', type: canonTable(t.type, typeScopeOf(t).typeIds, t.elements.length) };
    }
    case 'memory': {
      const m = ext.value;
      return { kind: 'memory', type: { ...m.type, limits: { ...m.type.limits, min: m.pages() } } };
    }
    case 'global': {
      const g = ext.value;
      return { kind: 'global', type: canonGlobal(g.type, typeScopeOf(g).typeIds) };
    }
  }
}

/** Throws LinkError "incompatible import type" unless `ext` matches `imp` in `scope`. */
export function checkImport(imp: Import, ext: ExternValue, scope: TypeScope): void {
  const r = matchExternType(actualType(ext), expectedType(imp, scope));
  if (r !== true) throw new LinkError(INCOMPATIBLE_IMPORT, `${imp.module}.${imp.name}: ${r}`);
}
