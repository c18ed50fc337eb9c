// `glasswasm run` in-process: argument parsing per parameter type, printed results, exit codes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'glasswasm-run-'));
const wat = join(dir, 'm.wat');
writeFileSync(wat, `(module
  (import "spectest" "print_i32" (func $p (param i32)))
  (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
  (func (export "mix") (param i64 f32 f64) (result i64 f32 f64) local.get 0 local.get 1 local.get 2)
  (func (export "say") (param i32) local.get 0 call $p)
  (func $inner (unreachable))
  (func (export "trap") call $inner))`);
const plain = join(dir, 'plain.wat');
writeFileSync(plain, '(module (func (export "one") (result i32) i32.const 1))');

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
});
afterEach(() => vi.restoreAllMocks());

describe('glasswasm run', () => {
  it('prints results one per line', async () => {
    expect(await main([wat, '--spectest', '--invoke', 'add', '2', '-3'])).toBe(0);
    expect(out).toBe('-1\n');
    out = '';
    expect(await main([wat, '--spectest', '--invoke', 'mix', '-9223372036854775808', 'nan', '-inf'])).toBe(0);
    expect(out).toBe('-9223372036854775808\nnan\n-inf\n');
    out = '';
    expect(await main([plain, '--invoke', 'one'])).toBe(0);
    expect(out).toBe('1\n');
  });

  it('provides spectest printing', async () => {
    expect(await main([wat, '--spectest', '--invoke', 'say', '0x10'])).toBe(0);
    expect(out).toBe('i32:16\n');
  });

  it('traps: message and wasm stack, exit 1', async () => {
    expect(await main([wat, '--spectest', '--invoke', 'trap'])).toBe(1);
    expect(err).toMatch(/^trap: unreachable/);
  });

  it('bad arguments exit 2 with usage', async () => {
    expect(await main([wat, '--spectest', '--invoke', 'add', '1'])).toBe(2);
    expect(await main([wat, '--spectest', '--invoke', 'add', '1', 'x'])).toBe(2);
    expect(await main([wat, '--spectest', '--invoke', 'add', '1', '4294967296'])).toBe(2);
    expect(await main([wat, '--spectest', '--invoke', 'nope'])).toBe(2);
    expect(await main([])).toBe(2);
    expect(err).toContain('usage: glasswasm run');
  });

  it('imports without a host are link errors, exit 1', async () => {
    expect(await main([wat, '--invoke', 'add', '1', '2'])).toBe(1);
    expect(err).toMatch(/LinkError: unknown import: spectest\.print_i32/);
  });
});
