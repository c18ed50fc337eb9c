// The spec suite under vitest: one test per .wast file, each asserting that no command of the
// file fails outside the ratchet (spec-tests/known-failures.txt). The whole suite runs once,
// in parallel on worker threads, before the per-file checks; then once more in exact mode.
//
// Environment: WASM_TESTSUITE (the suite; default ../shared/wasm-testsuite next to the repo),
// GLASSWASM_SPEC_JSON (also write the runner's JSON report there; the CI counts from it),
// GLASSWASM_SPEC_FILTER (only files whose path contains it).

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSuiteDir, repoRoot, suiteFiles } from './cli.js';
import { compiledTree } from './compiled.js';
import { checkRatchet, readRatchet } from './ratchet.js';
import { failureKey } from './report.js';
import type { JsonReport } from './report.js';

const root = repoRoot();
const suite = defaultSuiteDir();
const ratchetPath = join(root, 'spec-tests', 'known-failures.txt');

if (!existsSync(suite)) {
  describe('spec suite', () => {
    it.skip(`NOT RUN: no testsuite at ${suite} (set WASM_TESTSUITE)`, () => {});
  });
} else {
  const files = suiteFiles([suite], process.env.GLASSWASM_SPEC_FILTER ?? null);
  let report: JsonReport;
  let fresh = new Set<string>();

  describe('spec suite', () => {
    beforeAll(async () => {
      const build = await compiledTree(root);
      const cli = (await import(pathToFileURL(join(build, 'spec-tests', 'cli.js')).href)) as typeof import('./cli.js');
      report = await cli.runSuite({
        files,
        jobs: availableParallelism(),
        timeoutMs: 60_000,
        workerUrl: pathToFileURL(join(build, 'spec-tests', 'worker.js')),
      });
      if (process.env.GLASSWASM_SPEC_JSON) writeFileSync(process.env.GLASSWASM_SPEC_JSON, JSON.stringify(report) + '\n');
      fresh = new Set(checkRatchet(report, readRatchet(ratchetPath)).fresh);
    });

    for (const f of files) {
      it(f.rel, () => {
        const r = report.files.find((x) => x.file === f.rel);
        expect(r, `no result for ${f.rel}`).toBeDefined();
        const outside = r!.failures.filter((x) => fresh.has(failureKey(f.rel, x.line)))
          .map((x) => `${f.rel}:${x.line} ${x.command}: ${x.message}`);
        expect(outside, `${outside.length} failures outside the ratchet`).toEqual([]);
      });
    }
  });

  // The same suite with every call the scripts make running exact code (`wast --mode exact`):
  // exact code must compute what fast code does, since stepping and fuel pauses switch to it.
  describe('spec suite in exact mode', () => {
    it('fails no command outside the ratchet', async () => {
      const build = await compiledTree(root);
      const cli = (await import(pathToFileURL(join(build, 'spec-tests', 'cli.js')).href)) as typeof import('./cli.js');
      const exact = await cli.runSuite({
        files,
        jobs: availableParallelism(),
        timeoutMs: 60_000,
        mode: 'exact',
        workerUrl: pathToFileURL(join(build, 'spec-tests', 'worker.js')),
      });
      const outside = new Set(checkRatchet(exact, readRatchet(ratchetPath)).fresh);
      const failures = exact.files.flatMap((f) => f.failures
        .filter((x) => outside.has(failureKey(f.file, x.line)))
        .map((x) => `${f.file}:${x.line} ${x.command}: ${x.message}`));
      expect(failures, `${failures.length} failures outside the ratchet in exact mode`).toEqual([]);
      expect(exact.total).toBe(report.total); // the same commands ran as in fast mode
    }, 600_000);
  });
}

// The watchdog: a runaway command must not hang the run. Its file's unfinished commands fail
// as "timeout", its worker is replaced, and the next file runs normally.
describe('runner watchdog', () => {
  it('terminates a runaway file and goes on', async () => {
    const build = await compiledTree(root);
    const pool = (await import(pathToFileURL(join(build, 'spec-tests', 'pool.js')).href)) as typeof import('./pool.js');
    const dir = mkdtempSync(join(tmpdir(), 'watchdog-'));
    const mod = '(module (func (export "spin") (loop $l (br $l))) (func (export "one") (result i32) (i32.const 1)))';
    writeFileSync(join(dir, 'a-loop.wast'), `${mod}\n(assert_return (invoke "one") (i32.const 1))\n(invoke "spin")\n(assert_return (invoke "one") (i32.const 1))\n`);
    writeFileSync(join(dir, 'b-ok.wast'), `${mod}\n(assert_return (invoke "one") (i32.const 1))\n`);
    const results = await pool.runFiles(
      [{ abs: join(dir, 'a-loop.wast'), rel: 'a-loop.wast' }, { abs: join(dir, 'b-ok.wast'), rel: 'b-ok.wast' }],
      { jobs: 1, timeoutMs: 1500, workerUrl: pathToFileURL(join(build, 'spec-tests', 'worker.js')) },
    );
    const loop = results[0].outcomes;
    expect(loop.map((o) => o.ok)).toEqual([true, true, false, false]);
    expect(loop[2].message).toMatch(/^timeout/);
    expect(loop[3].line).toBe(4);
    expect(results[1].outcomes.map((o) => o.ok)).toEqual([true, true]);
  });
});
