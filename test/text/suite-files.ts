// Lists the official test suite's .wast files (read-only data outside the repo).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSuiteDir } from '../../spec-tests/cli.js';

export const SUITE = defaultSuiteDir();

export function wastFiles(dir = SUITE): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...wastFiles(p));
    else if (e.endsWith('.wast')) out.push(p);
  }
  return out;
}
