// Test tooling: assembles small binary modules (one exported function per instruction under
// test) so the numerics tests can run the same instruction on a reference engine. Only builds
// bytes; the engine never runs them. Opcodes come from the opcode table by mnemonic.

import { ByteWriter } from '../../decoder/byte-writer.js';
import { opByName } from '../../syntax/opcodes.js';
import type { ValType } from '../../syntax/types.js';

export interface OracleFunc {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  /** Body instructions without the final `end`. */
  readonly body: readonly number[];
}

/** Bytes of one instruction by mnemonic, followed by raw immediate bytes. */
export function ins(name: string, ...imm: number[]): number[] {
  const op = opByName(name);
  const out: number[] = [];
  if (op.prefix === 0) out.push(op.code);
  else {
    out.push(op.prefix);
    let v = op.code;
    do { let b = v & 0x7f; v >>>= 7; if (v) b |= 0x80; out.push(b); } while (v);
  }
  return out.concat(imm);
}

/** A module exporting the given functions, with one exported 1-page memory "mem" if asked. */
export function oracleModule(funcs: readonly OracleFunc[], memory = false): Uint8Array {
  const out = new ByteWriter();
  out.bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const section = (id: number, body: ByteWriter) => { out.byte(id); out.sized(body); };

  const types = new ByteWriter().u32(funcs.length);
  for (const f of funcs) {
    types.byte(0x60).u32(f.params.length);
    for (const t of f.params) types.valType(t);
    types.u32(f.results.length);
    for (const t of f.results) types.valType(t);
  }
  section(1, types);
  const fidx = new ByteWriter().u32(funcs.length);
  funcs.forEach((_, i) => fidx.u32(i));
  section(3, fidx);
  if (memory) section(5, new ByteWriter().u32(1).byte(0).u32(1));
  const exps = new ByteWriter().u32(funcs.length + (memory ? 1 : 0));
  funcs.forEach((f, i) => exps.name(f.name).byte(0).u32(i));
  if (memory) exps.name('mem').byte(2).u32(0);
  section(7, exps);
  const code = new ByteWriter().u32(funcs.length);
  for (const f of funcs) {
    const body = new ByteWriter().u32(0).bytes(f.body).byte(0x0b);
    code.sized(body);
  }
  section(10, code);
  return out.finish().slice();
}

/**
 * The slice of the host's WebAssembly API the differential tests use (the project's lib
 * settings carry no DOM types). Tests read it from globalThis; the engine never does.
 */
export interface HostWasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { exports: Record<string, unknown> };
  RuntimeError: new (message?: string) => Error;
}

/** `i32.const v` with v as signed LEB128. */
export function i32Const(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) { out.push(b); return ins('i32.const', ...out); }
    out.push(b | 0x80);
  }
}
