// The printer's contract: its text parses back (with the text front end) to the same module.

import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModule } from './decode.js';
import { encodeModule } from './encode.js';
import { printModule } from './print.js';
import { f32Text, f64Text } from './print-text.js';
import { parseModuleText } from '../text/parse-module.js';
import type { Module } from '../syntax/module.js';
import { comparable, moduleArb } from '../../test/decoder/arbitrary-module.js';

/** Without what the text does not carry: custom section bytes, whether a data count is written. */
function core(m: Module): unknown {
  const { customs: _c, names: _n, ...rest } = m;
  // Local declarations group differently in text: compare runs of equal types.
  const funcs = m.funcs.map((f) => {
    const runs: Array<{ count: number; type: unknown }> = [];
    for (const d of f.locals) {
      if (d.count === 0) continue;
      const t = comparable(d.type);
      const last = runs[runs.length - 1];
      if (last && JSON.stringify(last.type) === JSON.stringify(t)) last.count += d.count;
      else runs.push({ count: d.count, type: t });
    }
    return { ...f, locals: runs };
  });
  return comparable({ ...rest, funcs, dataCount: null });
}

function reparse(m: Module): Module {
  return decodeModule(encodeModule(parseModuleText(printModule(m))));
}

describe('printModule', () => {
  it('round-trips generated modules through the text parser', () => {
    fc.assert(fc.property(moduleArb, (m) => {
      const canonical = decodeModule(encodeModule(m));
      expect(core(reparse(canonical))).toEqual(core(canonical));
    }), { numRuns: 80 });
  });

  it('round-trips the benchmark programs', () => {
    const dir = new URL('../../bench/wasm/', import.meta.url);
    // *.v8-gc.wasm are copies in V8's pre-standard GC encoding, for the native column only.
    const standard = (n: string): boolean => n.endsWith('.wasm') && !n.startsWith('big') && !n.endsWith('.v8-gc.wasm');
    for (const f of readdirSync(dir).filter(standard)) {
      const m = decodeModule(new Uint8Array(readFileSync(new URL(f, dir))));
      expect(core(reparse(m))).toEqual(core(m));
    }
  });

  it('writes floats as exact hex literals', () => {
    expect(f32Text(0x3f800000)).toBe('0x1p+0');
    expect(f32Text(0x80000000 | 0)).toBe('-0x0p+0');
    expect(f32Text(0x00000001)).toBe('0x0.000002p-126');
    expect(f32Text(0x7fc00000)).toBe('nan:0x400000');
    expect(f32Text(0xff800000 | 0)).toBe('-inf');
    expect(f64Text(0, 0x3ff00000)).toBe('0x1p+0');
    expect(f64Text(1, 0x7ff00000)).toBe('nan:0x1');
    expect(f64Text(0, 0x40091eb8)).toBe('0x1.91eb8p+1');
  });

  it('uses names from the name section as identifiers', () => {
    const wat = '(module (func $add (param $a i32) (param $b i32) (result i32) local.get $a local.get $b i32.add) (export "add" (func $add)))';
    const m = decodeModule(encodeModule(parseModuleText(wat)));
    const text = printModule(m);
    if (m.names) {
      expect(text).toContain('$add');
      expect(text).toContain('local.get $a');
    }
    expect(core(reparse(m))).toEqual(core(m));
  });
});
