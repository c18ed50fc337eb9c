// The name section: all subsections round-trip; a malformed one is ignored (names null)
// without rejecting the module.

import { describe, expect, it } from 'vitest';
import { decodeModule } from './decode.js';
import { encodeModule } from './encode.js';
import { decodeNameSection, encodeNameSection } from './name-section.js';
import type { NameSection } from '../syntax/module.js';
import { emptyModule } from '../syntax/module.js';

const full: NameSection = {
  module: 'm',
  funcs: new Map([[0, 'f'], [2, 'g h']]),
  locals: new Map([[0, new Map([[0, 'x'], [1, 'é']])]]),
  labels: new Map([[0, new Map([[0, 'L']])]]),
  types: new Map([[0, 't']]),
  tables: new Map([[0, 'tab']]),
  memories: new Map([[1, 'mem']]),
  globals: new Map([[0, 'g']]),
  elems: new Map([[0, 'e']]),
  datas: new Map([[0, 'd']]),
  fields: new Map([[0, new Map([[1, 'fld']])]]),
  tags: new Map([[0, 'tag']]),
};

describe('name section', () => {
  it('round-trips every subsection', () => {
    expect(decodeNameSection(encodeNameSection(full))).toEqual(full);
  });

  it('is decoded from a module and re-encoded in place', () => {
    const m = emptyModule();
    m.customs.push({ name: 'name', bytes: encodeNameSection(full), after: 0 });
    const bytes = encodeModule(m);
    const back = decodeModule(bytes);
    expect(back.names).toEqual(full);
    expect(Array.from(encodeModule(back))).toEqual(Array.from(bytes));
  });

  it('a module whose names exist only as parsed names gets a name section', () => {
    const m = emptyModule();
    m.names = { funcs: new Map([[0, 'main']]), locals: new Map() };
    expect(decodeModule(encodeModule(m)).names?.funcs.get(0)).toBe('main');
  });

  it('ignores a malformed name section', () => {
    const good = encodeNameSection(full);
    const bad = [
      good.subarray(0, good.length - 1), // truncated
      Uint8Array.from([0x01, 0x05, 0x01, 0x00, 0x05, 0x61]), // name runs past the subsection
      Uint8Array.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00]), // function names before module name
      Uint8Array.from([0x01, 0x03, 0x01, 0x00, 0x01, 0xff]), // invalid UTF-8
    ];
    for (const bytes of bad) {
      const m = emptyModule();
      m.customs.push({ name: 'name', bytes, after: 0 });
      const back = decodeModule(encodeModule(m));
      expect(back.names).toBeNull();
      expect(back.customs[0].bytes).toEqual(bytes);
    }
  });
});
