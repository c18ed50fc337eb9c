// Conformance of the validator on the official test suite: every assert_invalid module must
// fail validation with the expected message as a prefix, and every plain module must validate.
// Modules the front ends (text parser, decoder) reject are counted apart: not validator results.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/text/parse-script.js';
import { parseModuleText } from '../../src/text/parse-module.js';
import { decodeModule } from '../../src/decoder/decode.js';
import { validateModule } from '../../src/validator/validate.js';
import { CompileError, ValidationError } from '../../src/errors.js';
import type { Module } from '../../src/syntax/module.js';
import type { Features } from '../../src/syntax/features.js';
import type { ScriptModule } from '../../src/text/script-ast.js';
import { featuresFor } from '../../spec-tests/profiles.js';
import { defaultSuiteDir } from '../../spec-tests/cli.js';

const ROOT = defaultSuiteDir();

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (p.endsWith('.wast')) out.push(p);
  }
  return out;
}

function load(sm: ScriptModule, f: Features): Module {
  if (sm.kind === 'binary') return decodeModule(sm.bytes, f);
  return parseModuleText(sm.source, f);
}

export interface SuiteResult {
  invalidPass: number;
  invalidTotal: number;
  invalidFrontEnd: number;
  validPass: number;
  validTotal: number;
  validFrontEnd: number;
  crashes: string[];
  mismatches: Map<string, string[]>;
}

export function runSuite(): SuiteResult {
  const res: SuiteResult = {
    invalidPass: 0, invalidTotal: 0, invalidFrontEnd: 0, validPass: 0, validTotal: 0,
    validFrontEnd: 0, crashes: [], mismatches: new Map(),
  };
  const miss = (key: string, where: string): void => {
    const l = res.mismatches.get(key) ?? [];
    l.push(where);
    res.mismatches.set(key, l);
  };
  for (const file of walk(ROOT)) {
    const rel = relative(ROOT, file);
    const f = featuresFor(rel);
    let cmds;
    try {
      cmds = parseScript(readFileSync(file, 'utf8'));
    } catch (e) {
      miss('script not parsed by the text front end', `${rel}: ${(e as Error).message}`);
      continue;
    }
    for (const c of cmds) {
      if (c.cmd === 'assert_invalid') {
        res.invalidTotal++;
        let m: Module;
        try {
          m = load(c.module, f);
        } catch (e) {
          res.invalidFrontEnd++;
          miss(`front end: ${c.message}`, `${rel}:${c.line} ${(e as Error).message}`);
          continue;
        }
        try {
          validateModule(m, f);
          miss(`accepted: ${c.message}`, `${rel}:${c.line}`);
        } catch (e) {
          if (e instanceof ValidationError && e.reason.startsWith(c.message)) res.invalidPass++;
          else if (e instanceof ValidationError) miss(`wrong message: expected "${c.message}"`, `${rel}:${c.line} got "${e.reason}"`);
          else if (e instanceof CompileError) miss(`decode error inside validation: expected "${c.message}"`, `${rel}:${c.line} ${e.message}`);
          else res.crashes.push(`${rel}:${c.line}: ${(e as Error).stack}`);
        }
      } else if ((c.cmd === 'module' || c.cmd === 'assert_unlinkable' || c.cmd === 'assert_uninstantiable'
        || c.cmd === 'assert_trap_module') && c.module.kind !== 'quote') {
        // Modules that must link or instantiate (or fail to) are valid modules too.
        res.validTotal++;
        let m: Module;
        try {
          m = load(c.module, f);
        } catch (e) {
          res.validFrontEnd++;
          continue;
        }
        try {
          validateModule(m, f);
          res.validPass++;
        } catch (e) {
          if (e instanceof ValidationError) miss(`rejected valid: ${e.reason.replace(/\d+/g, 'N')}`, `${rel}:${c.line} ${e.message}`);
          else if (e instanceof CompileError) miss(`decode error inside validation of a valid module: ${e.message.replace(/\d+/g, 'N')}`, `${rel}:${c.line} ${e.message}`);
          else res.crashes.push(`${rel}:${c.line}: ${(e as Error).stack}`);
        }
      }
    }
  }
  return res;
}

describe('validator on the spec test suite', () => {
  it('assert_invalid and valid modules', () => {
    const r = runSuite();
    const lines = [
      `assert_invalid: ${r.invalidPass}/${r.invalidTotal} pass (${r.invalidFrontEnd} rejected by the front end)`,
      `valid modules: ${r.validPass}/${r.validTotal} validate (${r.validFrontEnd} rejected by the front end)`,
    ];
    const sorted = [...r.mismatches.entries()].sort((a, b) => b[1].length - a[1].length);
    for (const [k, v] of sorted) lines.push(`  ${v.length} x ${k}\n      ${v.slice(0, 3).join('\n      ')}`);
    for (const c of r.crashes.slice(0, 10)) lines.push(`CRASH ${c}`);
    console.log(lines.join('\n'));
    expect(r.crashes).toEqual([]);
    // Results the validator itself is responsible for (front-end failures are reported above).
    const own = sorted.filter(([k]) => /^(accepted|wrong message|rejected valid):/.test(k));
    expect(own.map(([k, v]) => `${v.length} x ${k}`)).toEqual([]);
  });
});
