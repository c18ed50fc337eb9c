// Test-only: the `(module binary "...")` modules of a .wast script, with the command they sit
// in (`assert_malformed` + its expected message, or anything else), read through the project's
// own script parser so the decoder is checked against exactly what the runner sees.

import { parseScript } from '../../src/text/parse-script.js';

export interface WastBinary {
  file: string;
  line: number;
  bytes: Uint8Array;
  /** Expected message when inside assert_malformed, else null (must decode). */
  malformed: string | null;
}

export function extractBinaries(file: string, src: string): WastBinary[] {
  const out: WastBinary[] = [];
  for (const c of parseScript(src)) {
    if (!('module' in c) || typeof c.module !== 'object' || c.module.kind !== 'binary') continue;
    const malformed = c.cmd === 'assert_malformed' ? c.message : null;
    out.push({ file, line: c.line, bytes: c.module.bytes, malformed });
  }
  return out;
}
