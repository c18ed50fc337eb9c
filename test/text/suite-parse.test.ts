// Every .wast file of the suite parses with parseScript; every text module that is not expected
// malformed parses with parseModuleText; every `assert_malformed (module quote ...)` is rejected
// with the expected message prefix.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScript } from '../../src/text/parse-script.js';
import { parseModuleText } from '../../src/text/parse-module.js';
import { DecodeError } from '../../src/errors.js';
import { wastFiles, SUITE } from './suite-files.js';
import type { Command } from '../../src/text/script-ast.js';
import { featuresFor } from '../../spec-tests/profiles.js';
import { lex, decodeSourceBytes } from '../../src/text/lexer.js';

const files = wastFiles();
const scripts = new Map<string, Command[]>();

describe('suite scripts', () => {
  it('parses all .wast files', () => {
    const failed: string[] = [];
    for (const f of files) {
      try {
        scripts.set(f, parseScript(readFileSync(f, 'utf8')));
      } catch (e) {
        failed.push(`${f.slice(SUITE.length + 1)}: ${(e as Error).message}`);
      }
    }
    console.log(`parseScript: ${files.length - failed.length}/${files.length} files`);
    expect(failed).toEqual([]);
  });

  it('parses every text module not expected malformed', () => {
    let ok = 0;
    const failed: string[] = [];
    for (const [f, cmds] of scripts) {
      for (const cmd of cmds) {
        if (!('module' in cmd) || typeof cmd.module !== 'object') continue;
        const m = cmd.module;
        if (cmd.cmd === 'assert_malformed') continue;
        if (m.kind !== 'text' && m.kind !== 'quote') continue;
        try {
          parseModuleText(m.source, featuresFor(f.slice(SUITE.length + 1)));
          ok++;
        } catch (e) {
          failed.push(`${f.slice(SUITE.length + 1)}:${cmd.line}: ${(e as Error).message}`);
        }
      }
    }
    console.log(`text modules parsed: ${ok}/${ok + failed.length}`);
    if (failed.length) console.log(failed.slice(0, 60).join('\n'));
    expect(failed).toEqual([]);
  });

  it('rejects assert_malformed quote modules with the expected message', () => {
    let ok = 0;
    let total = 0;
    const wrong: string[] = [];
    const accepted: string[] = [];
    for (const [f, cmds] of scripts) {
      for (const cmd of cmds) {
        if (cmd.cmd !== 'assert_malformed' || cmd.module.kind !== 'quote') continue;
        total++;
        try {
          parseModuleText(cmd.module.source, featuresFor(f.slice(SUITE.length + 1)));
          accepted.push(`${f.slice(SUITE.length + 1)}:${cmd.line}: expected "${cmd.message}"`);
        } catch (e) {
          if (!(e instanceof DecodeError)) {
            wrong.push(`${f.slice(SUITE.length + 1)}:${cmd.line}: non-DecodeError ${(e as Error).stack}`);
          } else if (e.reason.startsWith(cmd.message)) ok++;
          else wrong.push(`${f.slice(SUITE.length + 1)}:${cmd.line}: got "${e.reason}" expected "${cmd.message}"`);
        }
      }
    }
    console.log(`assert_malformed quote: ${ok}/${total} rejected with the expected message`);
    console.log(`accepted (malformed only at binary/validation level?): ${accepted.length}\n${accepted.join('\n')}`);
    console.log(`wrong message: ${wrong.length}\n${wrong.slice(0, 80).join('\n')}`);
    expect(wrong).toEqual([]);
    expect(ok).toBe(total);
  });

  it('rejects assert_malformed_custom quote modules with the expected message', () => {
    let ok = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const [f, cmds] of scripts) {
      for (const cmd of cmds) {
        if (cmd.cmd !== 'other' || cmd.name !== 'assert_malformed_custom') continue;
        // (assert_malformed_custom (module quote "..."*) "message")
        const toks = lex(cmd.text).tokens;
        if (toks[4]?.text !== 'quote') continue;
        total++;
        const strs = toks.filter((t) => t.kind === 'str');
        const msg = new TextDecoder().decode(strs[strs.length - 1].bytes);
        const parts = strs.slice(0, -1).flatMap((t) => Array.from(t.bytes!));
        try {
          parseModuleText(decodeSourceBytes(Uint8Array.from(parts)));
          wrong.push(`${f.slice(SUITE.length + 1)}:${cmd.line}: accepted, expected "${msg}"`);
        } catch (e) {
          if (e instanceof DecodeError && e.reason.startsWith(msg)) ok++;
          else wrong.push(`${f.slice(SUITE.length + 1)}:${cmd.line}: got "${(e as Error).message}" expected "${msg}"`);
        }
      }
    }
    console.log(`assert_malformed_custom quote: ${ok}/${total}`);
    expect(wrong).toEqual([]);
  });
});
