// The `name` section a text module implies: its symbolic identifiers ($ids) for the module,
// functions, locals, types, fields, tables, memories, globals, tags and segments. Tools and
// trap stacks show these names; they carry no semantics.

import type { IndexSpace } from './index-space.js';
import type { ModuleContext } from './module-context.js';
import type { NameSection } from '../syntax/module.js';

function invert(space: IndexSpace): Map<number, string> {
  const m = new Map<number, string>();
  for (const [name, idx] of space.names) m.set(idx, name);
  return new Map([...m].sort((a, b) => a[0] - b[0]));
}

/** Names from the module's ids, or null when it has none. */
export function namesOf(ctx: ModuleContext, moduleName: string | null): NameSection | null {
  const fields = new Map<number, Map<number, string>>();
  ctx.fields.forEach((f, i) => {
    if (f && f.names.size > 0) fields.set(i, invert(f));
  });
  const locals = new Map([...ctx.localNames].sort((a, b) => a[0] - b[0]));
  const n: NameSection = {
    ...(moduleName !== null ? { module: moduleName } : {}),
    funcs: invert(ctx.funcs),
    locals,
    types: invert(ctx.types),
    fields,
    tables: invert(ctx.tables),
    memories: invert(ctx.mems),
    globals: invert(ctx.globals),
    elems: invert(ctx.elems),
    datas: invert(ctx.datas),
    tags: invert(ctx.tags),
  };
  const any = moduleName !== null || n.funcs.size + locals.size + n.types!.size + fields.size + n.tables!.size +
    n.memories!.size + n.globals!.size + n.elems!.size + n.datas!.size + n.tags!.size > 0;
  return any ? n : null;
}
