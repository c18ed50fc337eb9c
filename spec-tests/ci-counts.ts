// The CI's final tally, from vitest's JSON report and the spec runner's JSON report:
//   unit: U passed, V failed            (vitest tests, except the per-file spec tests)
//   spec: P passed, K known failures (ratchet)
//   N passed, M failed                  N = U + P, M = V + spec failures outside the ratchet
// Exit status 1 when M > 0 (or a report is missing: that counts as a failure too).
//
// usage: node dist/spec-tests/ci-counts.js VITEST_JSON SPEC_JSON RATCHET_FILE

import { readFileSync } from 'node:fs';
import { checkRatchet, readRatchet } from './ratchet.js';
import type { JsonReport } from './report.js';

interface VitestJson {
  testResults: {
    name: string; status: string; message?: string;
    assertionResults: { status: string; ancestorTitles?: string[] }[];
  }[];
}

const SPEC_ENTRY = /spec-tests[\\/]spec\.test\.ts$/;

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function main(argv: string[]): number {
  const [vitestPath, specPath, ratchetPath] = argv;
  if (!vitestPath || !specPath || !ratchetPath) {
    process.stderr.write('usage: ci-counts VITEST_JSON SPEC_JSON RATCHET_FILE\n');
    return 2;
  }
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;

  const unit = readJson<VitestJson>(vitestPath);
  if (!unit) {
    lines.push(`unit: no vitest report at ${vitestPath}`);
    failed++;
  } else {
    let up = 0;
    let uf = 0;
    for (const file of unit.testResults) {
      const specEntry = SPEC_ENTRY.test(file.name);
      let fileFailures = 0;
      let specFailures = 0;
      for (const t of file.assertionResults) {
        // The per-file spec tests are counted as spec commands (below), not as unit tests.
        if (specEntry && t.ancestorTitles?.[0] === 'spec suite') {
          if (t.status === 'failed') specFailures++;
          continue;
        }
        if (t.status === 'passed') up++;
        else if (t.status === 'failed') fileFailures++;
      }
      // A test file that failed without a failing test (it did not load) is one failure.
      if (file.status === 'failed' && fileFailures === 0 && specFailures === 0) fileFailures = 1;
      uf += fileFailures;
    }
    lines.push(`unit: ${up} passed, ${uf} failed`);
    passed += up;
    failed += uf;
  }

  const spec = readJson<JsonReport>(specPath);
  if (!spec) {
    lines.push(`spec: no spec report at ${specPath}`);
    failed++;
  } else {
    const check = checkRatchet(spec, readRatchet(ratchetPath));
    lines.push(`spec: ${spec.passed} passed, ${check.known.length} known failures (ratchet)` +
      (check.fresh.length ? `, ${check.fresh.length} NEW failures` : '') +
      (check.fixed.length ? `, ${check.fixed.length} ratchet entries now pass` : ''));
    passed += spec.passed;
    failed += check.fresh.length;
  }

  lines.push(`${passed} passed, ${failed} failed`);
  process.stdout.write(lines.join('\n') + '\n');
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
