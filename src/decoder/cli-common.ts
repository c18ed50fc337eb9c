// Shared by the binary-reading CLI subcommands this folder's owner writes (inspect, dump,
// wasm2wat): read a .wasm file and decode it, turning failures into `file:offset: message`.

import { readFileSync } from 'node:fs';
import { decodeModule } from './decode.js';
import type { SectionInfo } from './decode.js';
import { DecodeError } from '../errors.js';
import type { Module } from '../syntax/module.js';

export interface LoadedWasm {
  bytes: Uint8Array;
  module: Module;
  sections: SectionInfo[];
}

/** Decodes FILE; on failure writes the error to stderr and returns null. */
export function loadWasm(file: string): LoadedWasm | null {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    process.stderr.write(`${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return null;
  }
  const sections: SectionInfo[] = [];
  try {
    const module = decodeModule(bytes, undefined, { sections });
    return { bytes, module, sections };
  } catch (e) {
    if (e instanceof DecodeError) {
      process.stderr.write(`${file}:${e.offset}: ${e.reason}\n`);
      return null;
    }
    throw e;
  }
}

/** Parses `FILE [-o OUT]`-style arguments; returns null (after printing usage) when bad. */
export function parseArgs(
  args: string[], help: string, allowOutput: boolean, flags: readonly string[] = [],
): { file: string; out: string | null; flags: Set<string> } | null {
  let file: string | null = null;
  let out: string | null = null;
  const set = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (allowOutput && (a === '-o' || a === '--output')) {
      if (i + 1 >= args.length) return usageError(help, `missing value for ${a}`);
      out = args[++i];
    } else if (flags.includes(a)) {
      set.add(a);
    } else if (a.startsWith('-') && a !== '-') {
      return usageError(help, `unknown option '${a}'`);
    } else if (file === null) {
      file = a;
    } else {
      return usageError(help, `unexpected argument '${a}'`);
    }
  }
  if (file === null) return usageError(help, 'missing FILE');
  return { file, out, flags: set };
}

function usageError(help: string, message: string): null {
  process.stderr.write(`glasswasm: ${message}\n\n${help}\n`);
  return null;
}

export function hex(n: number, width = 8): string {
  return '0x' + n.toString(16).padStart(width, '0');
}
