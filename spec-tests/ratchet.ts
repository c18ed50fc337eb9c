// The ratchet: a checked-in list of the commands that fail today (`file:line`, one per line,
// sorted by file then line number; `#` comments and blank lines allowed). A run passes when
// nothing outside the list fails; commands of the list that now pass are reported so the list
// can shrink. Rewriting the list never adds entries unless explicitly allowed (its creation),
// so the list only ever shrinks.

import { readFileSync, writeFileSync } from 'node:fs';
import { failureKey } from './report.js';
import type { JsonReport } from './report.js';

export function readRatchet(path: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Set();
  }
  const keys = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) keys.add(line);
  }
  return keys;
}

function splitKey(k: string): [string, number] {
  const i = k.lastIndexOf(':');
  return [k.slice(0, i), Number(k.slice(i + 1))];
}

/** Sorts keys by file, then numerically by line. */
export function sortKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => {
    const [fa, la] = splitKey(a);
    const [fb, lb] = splitKey(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb;
  });
}

export interface RatchetCheck {
  /** Failing commands not in the list: these fail the run. */
  readonly fresh: string[];
  /** Failing commands in the list. */
  readonly known: string[];
  /** Listed commands (of the files that ran) that passed: remove them from the list. */
  readonly fixed: string[];
}

export function checkRatchet(report: JsonReport, list: ReadonlySet<string>): RatchetCheck {
  const failing = new Set<string>();
  for (const f of report.files) for (const x of f.failures) failing.add(failureKey(f.file, x.line));
  const ran = new Set(report.files.map((f) => f.file));
  const fresh: string[] = [];
  const known: string[] = [];
  for (const k of failing) (list.has(k) ? known : fresh).push(k);
  const fixed = [...list].filter((k) => ran.has(splitKey(k)[0]) && !failing.has(k));
  return { fresh: sortKeys(fresh), known: sortKeys(known), fixed: sortKeys(fixed) };
}

/**
 * Rewrites the list from a run: entries of files that ran are replaced by their failures;
 * entries of files that did not run are kept. Returns false (and writes nothing) when that
 * would add entries and `allowNew` is not set.
 */
export function updateRatchet(path: string, report: JsonReport, allowNew: boolean): { written: boolean; check: RatchetCheck; size: number } {
  const list = readRatchet(path);
  const check = checkRatchet(report, list);
  if (check.fresh.length > 0 && !allowNew) return { written: false, check, size: list.size };
  const ran = new Set(report.files.map((f) => f.file));
  const next = new Set([...list].filter((k) => !ran.has(splitKey(k)[0])));
  for (const k of [...check.fresh, ...check.known]) next.add(k);
  const body = sortKeys(next).join('\n');
  writeFileSync(path, body ? body + '\n' : '');
  return { written: true, check, size: next.size };
}
