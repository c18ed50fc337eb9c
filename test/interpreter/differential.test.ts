// Differential check of scalar numeric instructions against Node's native WebAssembly (an
// oracle for tests only). Floats cross the boundary as integer bits (reinterpret inside the
// module) so NaN payloads are compared exactly; when both engines produce a NaN the payload is
// not compared (the spec lets it vary), and traps must agree.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OPS } from '../../src/syntax/opcodes.js';
import { watToBinary } from '../../src/text/index.js';
import { invoke } from '../../src/interpreter/invoke.js';
import { Trap } from '../../src/errors.js';
import type { Value } from '../../src/runtime/objects.js';
import { fn, load } from './helpers.js';

const NUM = new Set(['i32', 'i64', 'f32', 'f64']);
const ops = OPS.filter((o) => o.prefix !== 0xfd && o.prefix !== 0xfe && o.imms.length === 0
  && o.params !== null && o.results !== null && o.params.length >= 1 && o.params.length <= 2
  && o.results.length === 1 && [...o.params, ...o.results].every((t) => typeof t === 'string' && NUM.has(t)));

const bitsType = (t: string): string => (t === 'f32' ? 'i32' : t === 'f64' ? 'i64' : t);
const toNum = (t: string): string => (t === 'f32' ? 'f32.reinterpret_i32' : t === 'f64' ? 'f64.reinterpret_i64' : '');
const fromNum = (t: string): string => (t === 'f32' ? 'i32.reinterpret_f32' : t === 'f64' ? 'i64.reinterpret_f64' : '');

function wrap(expr: string, f: string): string {
  return f ? `(${f} ${expr})` : expr;
}

const funcs = ops.map((o, k) => {
  const ps = o.params as string[];
  const r = o.results![0] as string;
  const params = ps.map((t) => `(param ${bitsType(t)})`).join(' ');
  const args = ps.map((t, i) => wrap(`(local.get ${i})`, toNum(t))).join(' ');
  return `(func (export "f${k}") ${params} (result ${bitsType(r)}) ${wrap(`(${o.name} ${args})`, fromNum(r))})`;
});
// the same instructions with a constant right operand (fast mode keeps it an immediate)
const CONSTS: Record<string, string[]> = {
  i32: ['0', '1', '-1', '31', '32', '0x80000000', '7'],
  i64: ['0', '1', '-1', '63', '64', '0x8000000000000000', '0x9e3779b97f4a7c15', '0xffffffff'],
};
const constCases: { k: number; c: string }[] = [];
ops.forEach((o, k) => {
  const ps = o.params as string[];
  if (ps.length !== 2 || !(ps[1] in CONSTS) || !(ps[0] in CONSTS)) return;
  for (const c of CONSTS[ps[1]]) constCases.push({ k, c });
});
const constFuncs = constCases.map(({ k, c }, j) => {
  const o = ops[k];
  const ps = o.params as string[];
  const r = o.results![0] as string;
  return `(func (export "c${j}") (param ${ps[0]}) (result ${bitsType(r)}) (local ${r}) `
    + `(local.set 1 (${o.name} (local.get 0) (${ps[1]}.const ${c}))) `
    + `${wrap('(local.get 1)', fromNum(r))})`;
});
const wat = `(module ${funcs.join('\n')}\n${constFuncs.join('\n')})`;

const i32Arb = fc.oneof(fc.integer({ min: -0x80000000, max: 0x7fffffff }),
  fc.constantFrom(0, 1, -1, 0x7fffffff, -0x80000000, 0x7f800000, 0x7fc00000, -0x400000, 0x7fa00001, 0x4f000000, 0x3f000000));
const i64Arb = fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.constantFrom(0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 0x7ff0000000000000n, 0x7ff8000000000000n,
    0x7ff4000000000001n, 0x43e0000000000000n, 0x3fe0000000000000n, -0x10000000000000n));

function isNaNBits(t: string, v: bigint | number): boolean {
  if (t === 'f32') return ((Number(v) >>> 0) & 0x7fffffff) > 0x7f800000;
  if (t === 'f64') return (BigInt(v) & 0x7fffffffffffffffn) > 0x7ff0000000000000n;
  return false;
}

describe('numeric instructions against native WebAssembly', () => {
  const bytes = watToBinary(wat);
  const native = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as Record<string, (...a: unknown[]) => unknown>;
  const inst = load(wat);
  it(`agrees on ${ops.length} instructions`, () => {
    for (let k = 0; k < ops.length; k++) {
      const o = ops[k];
      const ps = (o.params as string[]).map(bitsType);
      const rt = o.results![0] as string;
      const arb = fc.tuple(...ps.map((t) => (t === 'i32' ? i32Arb : i64Arb)) as [fc.Arbitrary<number | bigint>]);
      const f = fn(inst, `f${k}`);
      fc.assert(fc.property(arb, (args) => {
        let want: unknown;
        try { want = native[`f${k}`](...args); } catch (e) { want = e instanceof WebAssembly.RuntimeError ? 'trap' : e; }
        let got: unknown;
        try {
          const vs: Value[] = (args as (number | bigint)[]).map((a, i) => (ps[i] === 'i32'
            ? { type: 'i32', value: a as number } : { type: 'i64', value: a as bigint }));
          const r = invoke(f, vs)[0] as { value: number | bigint };
          got = r.value;
        } catch (e) { got = e instanceof Trap ? 'trap' : e; }
        if (want !== 'trap' && got !== 'trap' && isNaNBits(rt, want as number) && isNaNBits(rt, got as number)) return;
        expect({ op: o.name, args, got }).toEqual({ op: o.name, args, got: want });
      }), { numRuns: 150 });
    }
  });
  it(`agrees with constant operands (${constCases.length} cases)`, () => {
    constCases.forEach(({ k }, j) => {
      const o = ops[k];
      const p0 = (o.params as string[])[0];
      const f = fn(inst, `c${j}`);
      fc.assert(fc.property(p0 === 'i32' ? i32Arb : i64Arb, (x) => {
        let want: unknown;
        try { want = native[`c${j}`](x); } catch (e) { want = e instanceof WebAssembly.RuntimeError ? 'trap' : e; }
        let got: unknown;
        try {
          const v: Value = p0 === 'i32' ? { type: 'i32', value: x as number } : { type: 'i64', value: x as bigint };
          got = (invoke(f, [v])[0] as { value: number | bigint }).value;
        } catch (e) { got = e instanceof Trap ? 'trap' : e; }
        expect({ op: o.name, j, x, got }).toEqual({ op: o.name, j, x, got: want });
      }), { numRuns: 40 });
    });
  });
});
