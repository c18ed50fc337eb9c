// The binary-reading subcommands: output shape, error format and exit codes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as dump from '../../src/cli/dump.js';
import * as inspect from '../../src/cli/inspect.js';
import * as wasm2wat from '../../src/cli/wasm2wat.js';
import { decodeModule } from '../../src/decoder/decode.js';
import { encodeModule } from '../../src/decoder/encode.js';
import { parseModuleText } from '../../src/text/parse-module.js';

let out = '';
let err = '';

beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'glasswasm-cli-'));
const good = join(dir, 'good.wasm');
writeFileSync(good, encodeModule(parseModuleText(`(module
  (import "env" "log" (func $log (param i32)))
  (memory (export "mem") 1)
  (global $g (mut i32) (i32.const 7))
  (func $main (export "main") (param $n i32) (result i32)
    (block (result i32) (local.get $n) (br_if 0 (i32.eqz (local.get $n))) (call $log (local.get $n)) (global.get $g))))`)));
const bad = join(dir, 'bad.wasm');
writeFileSync(bad, Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x0e, 0x01, 0x00]));

describe('glasswasm inspect / dump / wasm2wat', () => {
  it('inspect lists sections, imports, exports and counts', async () => {
    expect(await inspect.main([good])).toBe(0);
    expect(out).toMatch(/type\s+start=0x00000008/);
    expect(out).toContain('"env" "log": func type=');
    expect(out).toContain('"main": func 1');
    expect(out).toMatch(/functions\s+2 \(1 imported\)/);
  });

  it('dump prints one instruction per line with offsets', async () => {
    expect(await dump.main([good])).toBe(0);
    expect(out).toMatch(/^func\[1\]/m);
    expect(out).toMatch(/^[0-9a-f]{6}:\s+block \(result i32\)$/m);
    expect(out).toMatch(/^[0-9a-f]{6}:\s+call /m);
  });

  it('wasm2wat output parses back to the same module', async () => {
    const target = join(dir, 'out.wat');
    expect(await wasm2wat.main([good, '-o', target])).toBe(0);
    const text = readFileSync(target, 'utf8');
    const original = decodeModule(new Uint8Array(readFileSync(good)));
    const again = decodeModule(encodeModule(parseModuleText(text)));
    expect(again.funcs.map((f) => Array.from(f.body.bytes))).toEqual(original.funcs.map((f) => Array.from(f.body.bytes)));
    expect(again.exports).toEqual(original.exports);
  });

  it('malformed input: file:offset: message, exit 1', async () => {
    for (const cmd of [inspect, dump, wasm2wat]) {
      err = '';
      expect(await cmd.main([bad])).toBe(1);
      expect(err).toBe(`${bad}:8: malformed section id\n`);
    }
  });

  it('bad arguments: usage, exit 2', async () => {
    expect(await inspect.main([])).toBe(2);
    expect(await dump.main([good, 'extra'])).toBe(2);
    expect(await wasm2wat.main([good, '--nope'])).toBe(2);
    expect(await wasm2wat.main([good, '-o'])).toBe(2);
    expect(err).toContain('usage: glasswasm wasm2wat');
  });
});
