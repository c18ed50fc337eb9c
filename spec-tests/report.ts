// Turning outcomes into reports: the JSON document (a stable format other tools read), the
// per-file lines, the summary by feature group and the list of failures.

import type { FileResult } from './pool.js';
import { GROUPS, groupOf } from './profiles.js';
import type { Group } from './profiles.js';

export interface JsonFailure {
  readonly line: number;
  readonly command: string;
  readonly message: string;
}

export interface JsonFile {
  readonly file: string;
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly failures: JsonFailure[];
}

/** The `--json` document: exactly these keys. */
export interface JsonReport {
  readonly files: JsonFile[];
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
}

export function toJson(results: readonly FileResult[]): JsonReport {
  const files = results.map((r): JsonFile => {
    const failures = r.outcomes.filter((o) => !o.ok)
      .map((o) => ({ line: o.line, command: o.command, message: o.message ?? 'failed' }));
    return { file: r.file, total: r.outcomes.length, passed: r.outcomes.length - failures.length, failed: failures.length, failures };
  });
  let total = 0;
  let passed = 0;
  for (const f of files) {
    total += f.total;
    passed += f.passed;
  }
  return { files, total, passed, failed: total - passed };
}

/** `file:line`, the ratchet's key for a command. */
export function failureKey(file: string, line: number): string {
  return `${file}:${line}`;
}

function pct(passed: number, total: number): string {
  if (total === 0) return '-';
  // Rounded down, so 26264 of 26266 reads 99.9%, never 100.0%.
  return `${(Math.floor((1000 * passed) / total) / 10).toFixed(1)}%`;
}

export function fileLines(report: JsonReport): string[] {
  const width = Math.max(10, ...report.files.map((f) => f.file.length));
  return report.files.map((f) =>
    `${f.file.padEnd(width)} ${String(f.passed).padStart(6)}/${String(f.total).padEnd(6)}${f.failed ? `  (${f.failed} failed)` : ''}`);
}

export interface GroupRow {
  readonly group: Group;
  readonly files: number;
  readonly total: number;
  readonly passed: number;
}

export function groupRows(report: JsonReport): GroupRow[] {
  const rows = new Map<Group, { files: number; total: number; passed: number }>();
  for (const f of report.files) {
    const g = groupOf(f.file);
    const row = rows.get(g) ?? { files: 0, total: 0, passed: 0 };
    row.files++;
    row.total += f.total;
    row.passed += f.passed;
    rows.set(g, row);
  }
  return GROUPS.filter((g) => rows.has(g)).map((g) => ({ group: g, ...rows.get(g)! }));
}

export function summaryTable(report: JsonReport): string[] {
  const lines = [
    `${'group'.padEnd(20)} ${'files'.padStart(5)} ${'passed'.padStart(8)} ${'total'.padStart(8)} ${'rate'.padStart(7)}`,
  ];
  for (const r of groupRows(report)) {
    lines.push(`${r.group.padEnd(20)} ${String(r.files).padStart(5)} ${String(r.passed).padStart(8)} ${String(r.total).padStart(8)} ${pct(r.passed, r.total).padStart(7)}`);
  }
  lines.push(`${'all'.padEnd(20)} ${String(report.files.length).padStart(5)} ${String(report.passed).padStart(8)} ${String(report.total).padStart(8)} ${pct(report.passed, report.total).padStart(7)}`);
  return lines;
}

/** The conformance table in Markdown (README). */
export function markdownTable(report: JsonReport): string[] {
  const lines = ['| group | files | passed | total | rate |', '|---|---:|---:|---:|---:|'];
  for (const r of groupRows(report)) {
    lines.push(`| ${r.group} | ${r.files} | ${r.passed} | ${r.total} | ${pct(r.passed, r.total)} |`);
  }
  lines.push(`| **all** | ${report.files.length} | ${report.passed} | ${report.total} | ${pct(report.passed, report.total)} |`);
  return lines;
}

/** Failures as `file:line command: message`, at most `limit` of them (with a count of the rest). */
export function failureLines(report: JsonReport, limit: number, only?: (file: string, line: number) => boolean): string[] {
  const out: string[] = [];
  let count = 0;
  for (const f of report.files) {
    for (const x of f.failures) {
      if (only && !only(f.file, x.line)) continue;
      count++;
      if (out.length < limit) out.push(`${failureKey(f.file, x.line)} ${x.command}: ${truncate(x.message, 300)}`);
    }
  }
  if (count > out.length) out.push(`... and ${count - out.length} more (see --json for the full list)`);
  return out;
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s*\n\s*/g, ' ');
  return one.length <= n ? one : one.slice(0, n - 3) + '...';
}
