// Runtime objects carry module-relative types (a global of type `(ref $3)` means type 3 of the
// module that defined it). To compare such types across modules (import matching, the JS API)
// we remember, per object, the canonical ids of the type indices its type mentions.

export interface TypeScope {
  /** Module type index -> canonical type id ([] for host-made objects: abstract types only). */
  readonly typeIds: readonly number[];
}

export const HOST_SCOPE: TypeScope = { typeIds: [] };

const scopes = new WeakMap<object, TypeScope>();

export function setTypeScope(obj: object, scope: TypeScope): void {
  scopes.set(obj, scope);
}

export function typeScopeOf(obj: object): TypeScope {
  return scopes.get(obj) ?? HOST_SCOPE;
}
