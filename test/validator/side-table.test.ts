// The validator's side table (src/validator/side-table.ts): per instruction the stack height,
// entries popped, types pushed and branch arity, as the translator consumes them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModule } from '../../src/decoder/decode.js';
import { InstrReader } from '../../src/decoder/instr-reader.js';
import { parseModuleText } from '../../src/text/parse-module.js';
import { validateModule } from '../../src/validator/validate.js';
import type { SideTable } from '../../src/validator/side-table.js';
import { T_F64, T_I32, T_I64, T_REF, T_UNKNOWN, T_V128 } from '../../src/validator/side-table.js';
import { OPS } from '../../src/syntax/opcodes.js';

interface Row { op: string; height: number; pops: number; pushed: number[]; arity: number }

function rows(t: SideTable): Row[] {
  const out: Row[] = [];
  for (let k = 0; k < t.count; k++) {
    const pushed: number[] = [];
    for (let j = 0; j < t.pushCount(k); j++) pushed.push(t.pushType(k, j));
    out.push({ op: '', height: t.height(k), pops: t.pops(k), pushed, arity: t.arity(k) });
  }
  return out;
}

function tableOf(wat: string, fi = 0): Row[] {
  const m = parseModuleText(wat);
  const v = validateModule(m);
  const r = rows(v.sideTable(fi));
  const body = m.funcs[fi - (v.context.funcTypeIdx.length - m.funcs.length)].body;
  const rd = new InstrReader(body.bytes, body.offset);
  let k = 0;
  while (rd.pos < rd.end) r[k++].op = OPS[rd.next()].name;
  expect(k).toBe(r.length);
  return r;
}

describe('validator side table', () => {
  it('records heights, pops, pushed types and arities', () => {
    const r = tableOf(`(module
      (type $t (func (param i64) (result i64 f64)))
      (global $g (mut externref) (ref.null extern))
      (func $f (type $t) (local.get 0) (f64.const 1))
      (func (param i32) (result f64)
        (i64.const 7)
        (block (type $t) (call $f))
        (drop) (drop)
        (global.get $g) (drop)
        (v128.const i64x2 0 0) (drop)
        (block (result f64)
          (f64.const 2)
          (local.get 0)
          (br_if 0))))`, 1);
    const byOp = (op: string, n = 0): Row => r.filter((x) => x.op === op)[n];
    expect(byOp('i64.const')).toMatchObject({ height: 0, pops: 0, pushed: [T_I64], arity: -1 });
    // a block pops its parameters and pushes them back as its first values
    expect(byOp('block')).toMatchObject({ height: 1, pops: 1, pushed: [T_I64] });
    expect(byOp('call')).toMatchObject({ height: 1, pops: 1, pushed: [T_I64, T_F64] });
    expect(byOp('end')).toMatchObject({ height: 2, pops: 2, pushed: [T_I64, T_F64] });
    expect(byOp('global.get')).toMatchObject({ pushed: [T_REF] });
    expect(byOp('v128.const')).toMatchObject({ pushed: [T_V128] });
    expect(byOp('br_if')).toMatchObject({ height: 2, pops: 2, pushed: [T_F64], arity: 1 });
    // the function's own end pops its results and leaves nothing
    const last = r[r.length - 1];
    expect(last).toMatchObject({ op: 'end', pops: 1, pushed: [] });
  });

  it('marks branches with the target arity and unknown types in unreachable code', () => {
    const r = tableOf(`(module
      (func (param i32) (result i32)
        (block (result i32 i32)
          (i32.const 1) (i32.const 2)
          (br_table 0 0 (local.get 0)))
        (drop)
        (return)
        (i32.add)))`);
    expect(r.find((x) => x.op === 'br_table')).toMatchObject({ height: 3, pops: 3, pushed: [], arity: 2 });
    expect(r.find((x) => x.op === 'return')).toMatchObject({ arity: 1, pops: 1 });
    // after `return` the stack is polymorphic: i32.add pops unknowns and pushes an i32
    expect(r.find((x) => x.op === 'i32.add')).toMatchObject({ height: 0, pops: 0, pushed: [T_I32] });
    expect(r.find((x) => x.op === 'local.get')).toMatchObject({ pushed: [T_I32] });
    const un = tableOf(`(module (func (result i32) (unreachable) (select)))`);
    expect(un[1]).toMatchObject({ op: 'select', pushed: [T_UNKNOWN] });
  });

  it('is consistent on real programs: each height is the last one minus pops plus pushes', () => {
    for (const name of ['coremark', 'sha256', 'simd', 'wat-binary-trees']) {
      const bytes = new Uint8Array(readFileSync(new URL(`../../bench/wasm/${name}.wasm`, import.meta.url)));
      const m = decodeModule(bytes);
      const v = validateModule(m);
      const imported = v.context.funcTypeIdx.length - m.funcs.length;
      for (let i = 0; i < m.funcs.length; i++) {
        const t = v.sideTable(imported + i);
        expect(t.height(0)).toBe(0);
        for (let k = 0; k + 1 < t.count; k++) {
          expect(t.height(k + 1)).toBe(t.height(k) - t.pops(k) + t.pushCount(k));
        }
        expect(t.pushCount(t.count - 1)).toBe(0);
      }
    }
  });

  it('recording leaves plain validation results unchanged', () => {
    const m = decodeModule(new Uint8Array(readFileSync(new URL('../../bench/wasm/qsort.wasm', import.meta.url))));
    const v = validateModule(m);
    const before = v.maxStackHeight.slice();
    const imported = v.context.funcTypeIdx.length - m.funcs.length;
    for (let i = 0; i < m.funcs.length; i++) {
      const t = v.sideTable(imported + i);
      let max = 0;
      for (let k = 0; k < t.count; k++) max = Math.max(max, t.height(k));
      expect(max).toBeLessThanOrEqual(before[i]);
    }
    expect(() => v.sideTable(imported + m.funcs.length)).toThrow(RangeError);
  });
});
