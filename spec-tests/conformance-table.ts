// Writes the conformance table into README.md, between the markers
//   <!-- conformance:start --> and <!-- conformance:end -->
// from a runner JSON report (glasswasm wast --json FILE), or from a fresh run of the whole
// suite when no report is given.
//
// usage: node dist/spec-tests/conformance-table.js [REPORT_JSON] [--readme PATH]

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSuiteDir, repoRoot, runSuite, suiteFiles } from './cli.js';
import { markdownTable } from './report.js';
import type { JsonReport } from './report.js';

export const START = '<!-- conformance:start -->';
export const END = '<!-- conformance:end -->';

/** The README text with the block between the markers replaced. */
export function replaceBlock(readme: string, block: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README has no ${START} ... ${END} block`);
  return readme.slice(0, a + START.length) + '\n' + block + '\n' + readme.slice(b);
}

export function tableBlock(report: JsonReport, commit: string | null, date: string): string {
  const source = commit ? `testsuite ${commit.slice(0, 12)}` : 'the testsuite';
  return [
    `Commands passing per feature group (${source}, ${date}; every top-level command counts once):`,
    '',
    ...markdownTable(report),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  let readme = join(repoRoot(), 'README.md');
  let reportPath: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--readme') readme = resolve(argv[++i] ?? '');
    else reportPath = argv[i];
  }
  const report: JsonReport = reportPath
    ? (JSON.parse(readFileSync(reportPath, 'utf8')) as JsonReport)
    : await runSuite({ files: suiteFiles([], null), jobs: availableParallelism(), timeoutMs: 60_000 });
  const commitFile = join(defaultSuiteDir(), 'COMMIT');
  const commit = existsSync(commitFile) ? readFileSync(commitFile, 'utf8').trim() : null;
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(readme, replaceBlock(readFileSync(readme, 'utf8'), tableBlock(report, commit, date)));
  process.stdout.write(`${readme}: ${report.passed}/${report.total} commands passing\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((c) => { process.exitCode = c; }, (e: unknown) => {
    process.stderr.write(`conformance-table: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
