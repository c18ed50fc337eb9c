// Unit tests of the spec runner's own parts, independent of the engine: the command splitter,
// result matching, the ratchet, profiles, the spectest host, and the runner's semantics against
// a stub engine (so a runner bug is not mistaken for an engine bug, and vice versa).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError, LinkError, Trap, ValidationError } from '../src/errors.js';
import { FuncInstance, HostRef } from '../src/runtime/objects.js';
import type { ExternValue, ModuleInstance, Value } from '../src/runtime/objects.js';
import type { Module } from '../src/syntax/module.js';
import type { Command } from '../src/text/script-ast.js';
import type { EngineStages } from './engine.js';
import { featuresFor, groupOf, PROFILES, profileNameFor } from './profiles.js';
import { checkRatchet, sortKeys, updateRatchet } from './ratchet.js';
import { markdownTable, summaryTable, toJson } from './report.js';
import { END, replaceBlock, START } from './conformance-table.js';
import { planScript, runScript } from './run-script.js';
import { HostRefs, matchResult, toValue } from './script-values.js';
import { createSpectest } from './spectest-host.js';
import { paddedAt, splitCommands } from './split-commands.js';

describe('splitCommands', () => {
  it('finds top-level forms with their lines, skipping comments and strings', () => {
    const src = [
      ';; a comment (with parens',
      '(module $m (func))',
      '(; block (; nested ;) comment ;)',
      '(assert_return (invoke "f)(" (i32.const 1))',
      '  (i32.const 1))',
      '(assert_malformed (module quote ";; (") "x")',
    ].join('\n');
    const cmds = splitCommands(src);
    expect(cmds.map((c) => [c.head, c.line])).toEqual([['module', 2], ['assert_return', 4], ['assert_malformed', 6]]);
    expect(paddedAt(cmds[1]).split('\n').length).toBe(5);
  });

  it('counts an unbalanced tail as one command', () => {
    expect(splitCommands('(module)\n(assert_return (invoke "f"')).toHaveLength(2);
  });
});

describe('result matching', () => {
  const hosts = new HostRefs();
  it('compares floats by bits and NaN patterns by class', () => {
    expect(matchResult({ type: 'f32', bits: 0x7fc00000 }, { type: 'f32', nan: 'canonical' })).toBe(true);
    expect(matchResult({ type: 'f32', bits: 0xffc00000 | 0 }, { type: 'f32', nan: 'canonical' })).toBe(true);
    expect(matchResult({ type: 'f32', bits: 0x7fc00001 }, { type: 'f32', nan: 'canonical' })).toBe(false);
    expect(matchResult({ type: 'f32', bits: 0x7fc00001 }, { type: 'f32', nan: 'arithmetic' })).toBe(true);
    expect(matchResult({ type: 'f32', bits: 0x7f800001 }, { type: 'f32', nan: 'arithmetic' })).toBe(false);
    expect(matchResult({ type: 'f64', bits: -0x8000000000000n }, { type: 'f64', nan: 'canonical' })).toBe(true);
    expect(matchResult({ type: 'f64', bits: 0x7ff0000000000001n }, { type: 'f64', nan: 'arithmetic' })).toBe(false);
    expect(matchResult({ type: 'f64', bits: 1n }, { type: 'f64', bits: 1n })).toBe(true);
    expect(matchResult({ type: 'i32', value: -1 }, { type: 'i32', value: 0xffffffff })).toBe(true);
    expect(matchResult({ type: 'i64', value: -1n }, { type: 'i64', value: 0xffffffffffffffffn })).toBe(true);
  });

  it('matches v128 lane by lane in the pattern shape', () => {
    const v = toValue({ type: 'v128', shape: 'i8', lanes: Array.from({ length: 16 }, (_, i) => ({ type: 'i32' as const, value: i - 8 })) }, hosts);
    expect(v.type).toBe('v128');
    expect(matchResult(v, { type: 'v128', shape: 'i8', lanes: Array.from({ length: 16 }, (_, i) => ({ type: 'i32' as const, value: (i - 8) & 0xff })) })).toBe(true);
    const nan = toValue({ type: 'v128', shape: 'i32', lanes: [0x7fc00000, 0x7fc00001, 0, 0].map((value) => ({ type: 'i32' as const, value })) }, hosts);
    expect(matchResult(nan, { type: 'v128', shape: 'f32', lanes: [
      { type: 'f32', nan: 'canonical' }, { type: 'f32', nan: 'arithmetic' }, { type: 'f32', bits: 0 }, { type: 'f32', bits: 0 },
    ] })).toBe(true);
    expect(matchResult(nan, { type: 'v128', shape: 'f32', lanes: [
      { type: 'f32', nan: 'canonical' }, { type: 'f32', nan: 'canonical' }, { type: 'f32', bits: 0 }, { type: 'f32', bits: 0 },
    ] })).toBe(false);
  });

  it('matches references by kind, extern/host refs by number, and either', () => {
    const ext = toValue({ type: 'ref.extern', value: 7 }, hosts);
    expect(ext).toEqual({ type: 'ref', value: hosts.get(7) });
    expect(matchResult(ext, { type: 'ref.extern', value: 7 })).toBe(true);
    expect(matchResult(ext, { type: 'ref.extern', value: 8 })).toBe(false);
    expect(matchResult(ext, { type: 'ref.extern', value: null })).toBe(true);
    expect(matchResult({ type: 'ref', value: null }, { type: 'ref.null', heap: 'func' })).toBe(true);
    expect(matchResult({ type: 'ref', value: 5 }, { type: 'ref.i31' })).toBe(true);
    expect(matchResult({ type: 'ref', value: 5 }, { type: 'ref.eq' })).toBe(true);
    expect(matchResult({ type: 'ref', value: null }, { type: 'ref.func' })).toBe(false);
    const f = new FuncInstance({ kind: 'func', params: [], results: [] }, 0, null, -1, null, () => [], null);
    expect(matchResult({ type: 'ref', value: f }, { type: 'ref.func' })).toBe(true);
    expect(matchResult({ type: 'ref', value: f }, { type: 'ref.any' })).toBe(false);
    expect(matchResult({ type: 'i32', value: 2 }, { type: 'either', options: [{ type: 'i32', value: 1 }, { type: 'i32', value: 2 }] })).toBe(true);
  });
});

describe('profiles and groups', () => {
  it('gives each directory its feature set', () => {
    expect(profileNameFor('i32.wast')).toBe('core');
    expect(featuresFor('binary.wast').customPageSizes).toBe(false);
    expect(featuresFor('proposals/custom-page-sizes/memory_max.wast').customPageSizes).toBe(true);
    expect(featuresFor('proposals/threads/atomic.wast').multiMemory).toBe(false);
    expect(featuresFor('proposals/threads/atomic.wast').ops.has('threads')).toBe(true);
    expect(featuresFor('i32.wast').ops.has('threads')).toBe(false);
    expect(featuresFor('legacy/try_catch.wast').ops.has('legacy-exceptions')).toBe(true);
    expect(featuresFor('proposals/wide-arithmetic/wide-arithmetic.wast')).toBe(PROFILES.wideArithmetic);
  });

  it('groups files for the summary', () => {
    expect(groupOf('simd_lane.wast')).toBe('simd');
    expect(groupOf('relaxed_laneselect.wast')).toBe('relaxed-simd');
    expect(groupOf('i8x16_relaxed_swizzle.wast')).toBe('relaxed-simd');
    expect(groupOf('memory64.wast')).toBe('memory64');
    expect(groupOf('table_copy64.wast')).toBe('memory64');
    expect(groupOf('legacy/throw.wast')).toBe('exceptions/legacy');
    expect(groupOf('struct.wast')).toBe('gc');
    expect(groupOf('i32.wast')).toBe('core');
  });
});

describe('ratchet', () => {
  const report = toJson([
    { file: 'a.wast', ms: 0, outcomes: [
      { line: 1, command: 'module', ok: true },
      { line: 2, command: 'assert_return', ok: false, message: 'x' },
      { line: 10, command: 'assert_return', ok: false, message: 'y' },
    ] },
  ]);

  it('separates new, known and fixed failures', () => {
    const c = checkRatchet(report, new Set(['a.wast:2', 'a.wast:5', 'b.wast:1']));
    expect(c).toEqual({ fresh: ['a.wast:10'], known: ['a.wast:2'], fixed: ['a.wast:5'] });
  });

  it('sorts by file then line number', () => {
    expect(sortKeys(['b.wast:1', 'a.wast:10', 'a.wast:9'])).toEqual(['a.wast:9', 'a.wast:10', 'b.wast:1']);
  });

  it('refuses to grow the list unless allowed, and keeps files that did not run', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ratchet-')), 'known.txt');
    writeFileSync(path, 'a.wast:2\na.wast:5\nb.wast:1\n');
    expect(updateRatchet(path, report, false).written).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('a.wast:2\na.wast:5\nb.wast:1\n');
    expect(updateRatchet(path, report, true).written).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('a.wast:2\na.wast:10\nb.wast:1\n');
  });
});

describe('spectest host', () => {
  it('provides the reference interpreter spectest exports', () => {
    const st = createSpectest();
    expect(st('memory')?.kind).toBe('memory');
    expect(st('shared_memory')?.kind).toBe('memory');
    expect(st('table')?.kind).toBe('table');
    expect(st('table64')?.kind).toBe('table');
    expect(st('print_i32_f32')?.kind).toBe('func');
    expect(st('unknown')).toBeUndefined();
    expect(st('toString')).toBeUndefined();
    const g = st('global_f32');
    expect(g?.kind === 'global' && g.value.words[0]).toBe(0x4426a666);
    const g64 = st('global_i64');
    expect(g64?.kind === 'global' && g64.value.words[0]).toBe(666);
    expect(st('memory')).toBe(st('memory'));
  });
});

// ---- the runner against a stub engine ---------------------------------------------------------

/** A stub "engine": modules are JSON lists of exports; functions compute from a table. */
function stubEngine(commands: Command[], overrides: Partial<EngineStages> = {}): EngineStages {
  const fns: Record<string, (args: Value[]) => Value[]> = {
    one: () => [{ type: 'i32', value: 1 }],
    trap: () => { throw new Trap('integer divide by zero'); },
    bug: () => { throw new TypeError('x is undefined'); },
    host: () => [{ type: 'ref', value: new HostRef(3) }],
  };
  const engine: EngineStages = {
    parseScript: () => commands,
    parseModuleText: (src) => {
      if (src.includes('malformed')) throw new DecodeError('unexpected token', -1, 1, 1);
      return { src } as unknown as Module;
    },
    decodeModule: () => { throw new DecodeError('magic header not detected', 0); },
    validateModule: (m) => {
      if ((m as unknown as { src: string }).src.includes('invalid')) throw new ValidationError('type mismatch');
    },
    instantiate: (m, imports) => {
      const src = (m as unknown as { src: string }).src;
      if (src.includes('import')) {
        const ext = imports('spectest', 'nope');
        if (!ext) throw new LinkError('unknown import', 'spectest.nope');
      }
      const exports = new Map<string, ExternValue>();
      for (const name of Object.keys(fns)) {
        exports.set(name, { kind: 'func', value: new FuncInstance({ kind: 'func', params: [], results: [] }, 0, null, -1, null, fns[name], name) });
      }
      return { exports } as unknown as ModuleInstance;
    },
    invoke: (f, args) => f.host!(args),
    ensureValidated: null,
    missing: new Map(),
    ...overrides,
  };
  return engine;
}

const mod = (line: number, source = '(module)', extra: Partial<{ name: string; definition: boolean }> = {}): Command =>
  ({ line, cmd: 'module', name: extra.name ?? null, definition: extra.definition ?? false, module: { kind: 'text', source, line } });
const inv = (name: string) => ({ kind: 'invoke' as const, module: null, name, args: [] });

describe('runScript semantics', () => {
  it('passes and fails the assertions as the reference runner does', () => {
    const cmds: Command[] = [
      mod(1),
      { line: 2, cmd: 'assert_return', action: inv('one'), expected: [{ type: 'i32', value: 1 }] },
      { line: 3, cmd: 'assert_return', action: inv('one'), expected: [{ type: 'i32', value: 2 }] },
      { line: 4, cmd: 'assert_trap', action: inv('trap'), message: 'integer divide' },
      { line: 5, cmd: 'assert_trap', action: inv('trap'), message: 'integer overflow' },
      { line: 6, cmd: 'assert_return', action: inv('bug'), expected: [] },
      { line: 7, cmd: 'assert_malformed', module: { kind: 'quote', source: 'malformed' }, message: 'unexpected token' },
      { line: 8, cmd: 'assert_malformed', module: { kind: 'binary', bytes: new Uint8Array() }, message: 'magic header not detected' },
      { line: 9, cmd: 'assert_invalid', module: { kind: 'text', source: '(module invalid)', line: 9 }, message: 'type mismatch' },
      { line: 10, cmd: 'assert_invalid', module: { kind: 'text', source: '(module malformed)', line: 10 }, message: 'type mismatch' },
      { line: 11, cmd: 'assert_unlinkable', module: { kind: 'text', source: '(module import)', line: 11 }, message: 'unknown import' },
      { line: 12, cmd: 'assert_return', action: inv('host'), expected: [{ type: 'ref.extern', value: 3 }] },
      { line: 13, cmd: 'assert_return', action: inv('missing'), expected: [] },
      { line: 14, cmd: 'other', name: 'assert_whatever', text: '(assert_whatever)' },
    ];
    const out = runScript('', { engine: stubEngine(cmds), features: PROFILES.core });
    expect(out.map((o) => [o.line, o.ok])).toEqual([
      [1, true], [2, true], [3, false], [4, true], [5, false], [6, false], [7, true], [8, true],
      [9, true], [10, false], [11, true], [12, true], [13, false], [14, false],
    ]);
    expect(out[2].message).toBe('expected [i32:2], got [i32:1]');
    expect(out[5].message).toMatch(/^expected \[\], got engine bug: TypeError: x is undefined/);
    expect(out[9].message).toMatch(/^expected invalid "type mismatch", got malformed: unexpected token/);
    expect(out[12].message).toBe('expected [], got undefined export "missing"');
  });

  it('fails commands whose module failed, and marks missing stages as not executed', () => {
    const cmds: Command[] = [
      mod(1, '(module invalid)'),
      { line: 2, cmd: 'assert_return', action: inv('one'), expected: [{ type: 'i32', value: 1 }] },
      mod(3),
      { line: 4, cmd: 'assert_return', action: inv('one'), expected: [{ type: 'i32', value: 1 }] },
      { line: 5, cmd: 'assert_invalid', module: { kind: 'text', source: '(module invalid)', line: 5 }, message: 'type mismatch' },
    ];
    const out = runScript('', { engine: stubEngine(cmds), features: PROFILES.core });
    expect(out.map((o) => o.ok)).toEqual([false, false, true, true, true]);
    expect(out[1].message).toMatch(/the module at line 1 failed/);

    const missing = stubEngine(cmds, { instantiate: null, missing: new Map([['instantiate', 'instantiate: not there']]) });
    const out2 = runScript('', { engine: missing, features: PROFILES.core });
    expect(out2.map((o) => o.ok)).toEqual([false, false, false, false, true]);
    expect(out2[2].message).toBe('not executed: instantiate: not there');
    expect(out2[3].message).toMatch(/^not executed: /);
  });

  it('counts every form when there is no script parser, and treats bare fields as one module', () => {
    const none = stubEngine([], { parseScript: null, missing: new Map([['parseScript', 'parseScript: missing']]) });
    const plan = planScript('(module)\n(assert_return (invoke "f"))\n(register "m")', none);
    expect(plan.map((p) => [p.line, p.command])).toEqual([[1, 'module'], [2, 'assert_return'], [3, 'register']]);
    expect(planScript('(func)\n(memory 1)', none).map((p) => p.command)).toEqual(['module']);
  });
});

describe('reports', () => {
  const report = toJson([
    { file: 'i32.wast', ms: 0, outcomes: [{ line: 1, command: 'module', ok: true }, { line: 2, command: 'assert_return', ok: false, message: 'm' }] },
    { file: 'simd_lane.wast', ms: 0, outcomes: [{ line: 1, command: 'module', ok: true }] },
  ]);

  it('writes the JSON shape and the group summary', () => {
    expect(report).toEqual({
      files: [
        { file: 'i32.wast', total: 2, passed: 1, failed: 1, failures: [{ line: 2, command: 'assert_return', message: 'm' }] },
        { file: 'simd_lane.wast', total: 1, passed: 1, failed: 0, failures: [] },
      ],
      total: 3, passed: 2, failed: 1,
    });
    expect(summaryTable(report).join('\n')).toMatch(/core\s+1\s+1\s+2\s+50\.0%/);
    expect(markdownTable(report)).toContain('| simd | 1 | 1 | 1 | 100.0% |');
  });

  it('replaces only the README block between the markers', () => {
    const readme = `a\n${START}\nold\n${END}\nb\n`;
    expect(replaceBlock(readme, 'new')).toBe(`a\n${START}\nnew\n${END}\nb\n`);
    expect(() => replaceBlock('no markers', 'x')).toThrow();
  });
});
