// `glasswasm run`: instantiate a .wasm or .wat file and call one export with arguments given
// on the command line, printing each result on its own line.

import { readFile } from 'node:fs/promises';
import { CompileError, LinkError, RuntimeError, Trap, WasmException } from '../errors.js';
import type { WasmFrame } from '../errors.js';
import { compile } from '../index.js';
import { instantiate } from '../runtime/instantiate.js';
import { callFunc } from '../runtime/api-instance.js';
import { spectestExports } from '../runtime/spectest.js';
import type { ExternValue, Value } from '../runtime/objects.js';
import { f32FromNumber, f64FromNumber, formatValue } from '../runtime/values.js';
import type { ValType } from '../syntax/types.js';

export const HELP = `usage: glasswasm run FILE.wasm|FILE.wat [--invoke NAME [ARGS...]] [--spectest]

Instantiates the module (running its start function), then calls the exported function NAME
with ARGS converted to its parameter types, and prints each result on its own line.
Without --invoke, calls the export "_start" if there is one (after the start function).

arguments:  i32/i64 as decimal or 0x-hex (negative allowed); f32/f64 as decimal,
            nan, -nan, nan:0xPAYLOAD, inf, -inf. Reference and v128 parameters cannot be given.
results:    integers in signed decimal, floats as decimal/nan/inf.

options:
  --invoke NAME   the export to call
  --spectest      provide the test suite's "spectest" module as an import (prints to stdout)

A module with any other imports fails to link with "unknown import".
exit codes: 0 ok, 1 error (decode, validation, link, trap), 2 bad usage or arguments`;

class UsageError extends Error {}

export async function main(args: string[]): Promise<number> {
  let file: string | null = null;
  let name: string | null = null;
  let spectest = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (name === null && a === '--invoke') {
      if (i + 1 >= args.length) return usage('--invoke needs a NAME');
      name = args[++i];
    } else if (a === '--spectest') {
      spectest = true;
    } else if (file === null) {
      file = a;
    } else if (name !== null) {
      rest.push(a);
    } else {
      return usage(`unexpected argument '${a}'`);
    }
  }
  if (file === null) return usage('missing FILE');

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    process.stderr.write(`glasswasm run: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const module = compile(/\.wat$/i.test(file) ? bytes.toString('utf8') : new Uint8Array(bytes));
    const host = spectest ? spectestExports((line) => process.stdout.write(line + '\n')) : new Map<string, ExternValue>();
    const inst = instantiate(module, (mod, field) => (mod === 'spectest' ? host.get(field) : undefined));
    const target = name ?? (inst.exports.has('_start') ? '_start' : null);
    if (target === null) return 0;
    const ext = inst.exports.get(target);
    if (!ext || ext.kind !== 'func') return usage(`no exported function '${target}'`);
    const params = ext.value.type.params;
    if (rest.length !== params.length) {
      return usage(`'${target}' takes ${params.length} argument(s) (${params.map(typeName).join(' ')}), got ${rest.length}`);
    }
    const values = params.map((t, i) => parseArg(t, rest[i]));
    for (const v of callFunc(ext.value, values)) process.stdout.write(formatValue(v) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    return report(e);
  }
}

function usage(message: string): number {
  process.stderr.write(`glasswasm run: ${message}\n\n${HELP}\n`);
  return 2;
}

function report(e: unknown): number {
  if (e instanceof Trap) {
    process.stderr.write(`trap: ${e.message}\n${formatStack(e.wasmStack)}`);
  } else if (e instanceof WasmException) {
    process.stderr.write(`uncaught wasm exception\n`);
  } else if (e instanceof CompileError || e instanceof LinkError || e instanceof RuntimeError) {
    process.stderr.write(`${e.name}: ${e.message}\n`);
  } else {
    throw e;
  }
  return 1;
}

function formatStack(stack: readonly WasmFrame[]): string {
  return stack.map((f) => `  at ${f.name ?? `func[${f.funcIndex}]`} (func ${f.funcIndex}${f.offset >= 0 ? ` @0x${f.offset.toString(16)}` : ''})\n`).join('');
}

function typeName(t: ValType): string {
  return typeof t === 'string' ? t : 'ref';
}

function parseInteger(s: string, bits: 32 | 64): bigint {
  const m = /^([+-]?)(0x[0-9a-f_]+|[0-9_]+)$/i.exec(s);
  if (!m) throw new UsageError(`'${s}' is not an i${bits}`);
  const v = (m[1] === '-' ? -1n : 1n) * BigInt(m[2].replace(/_/g, ''));
  const lo = -(1n << BigInt(bits - 1));
  const hi = (1n << BigInt(bits)) - 1n;
  if (v < lo || v > hi) throw new UsageError(`'${s}' is out of range for i${bits}`);
  return v;
}

function parseFloatArg(s: string, t: 'f32' | 'f64'): Value {
  const nan = /^([+-]?)nan(?::0x([0-9a-f]+))?$/i.exec(s);
  if (nan) {
    const neg = nan[1] === '-';
    if (t === 'f32') {
      const payload = nan[2] ? parseInt(nan[2], 16) : 0x400000;
      if (payload === 0 || payload >= 0x800000) throw new UsageError(`bad f32 NaN payload in '${s}'`);
      return { type: 'f32', bits: ((neg ? 0x80000000 : 0) | 0x7f800000 | payload) | 0 };
    }
    const payload = nan[2] ? BigInt('0x' + nan[2]) : 1n << 51n;
    if (payload === 0n || payload >= 1n << 52n) throw new UsageError(`bad f64 NaN payload in '${s}'`);
    return { type: 'f64', bits: BigInt.asIntN(64, (neg ? 1n << 63n : 0n) | (0x7ffn << 52n) | payload) };
  }
  let x: number;
  if (/^[+-]?(inf|infinity)$/i.test(s)) x = s.startsWith('-') ? -Infinity : Infinity;
  else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) x = Number(s);
  else throw new UsageError(`'${s}' is not an ${t}`);
  return t === 'f32' ? f32FromNumber(x) : f64FromNumber(x);
}

function parseArg(t: ValType, s: string): Value {
  switch (t) {
    case 'i32': return { type: 'i32', value: Number(BigInt.asIntN(32, parseInteger(s, 32))) };
    case 'i64': return { type: 'i64', value: BigInt.asIntN(64, parseInteger(s, 64)) };
    case 'f32': case 'f64': return parseFloatArg(s, t);
    default: throw new UsageError(`cannot pass a ${typeName(t)} argument on the command line`);
  }
}
