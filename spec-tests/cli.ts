// `glasswasm wast` (and `npm run spec`): runs WAST scripts on worker threads and reports
// per-command results. See HELP for the options.

import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFiles } from './pool.js';
import type { FileResult, SuiteFile } from './pool.js';
import { checkRatchet, readRatchet, updateRatchet } from './ratchet.js';
import { failureKey, failureLines, fileLines, summaryTable, toJson } from './report.js';
import type { JsonReport } from './report.js';
import type { RunMode } from './engine.js';

export const HELP = `usage: glasswasm wast [FILES or DIRS...] [options]

Runs WebAssembly spec test scripts (.wast) and reports every top-level command as passed or
failed. Directories are searched recursively. Without paths, runs the whole suite found in
$WASM_TESTSUITE, else ../shared/wasm-testsuite next to the repository.

Each file runs on a worker thread with its directory's feature profile (spec-tests/profiles.ts).
A file that exceeds its time budget has its worker terminated; its unfinished commands fail as
"timeout".

options:
  --json FILE            write {"files":[{file,total,passed,failed,failures:[{line,command,message}]}],
                         "total","passed","failed"} to FILE
  --jobs N               worker threads (default: available cores; 0 = run in this thread)
  --filter SUBSTR        only files whose suite-relative path contains SUBSTR
  --timeout SECONDS      per-file time budget (default 60)
  --mode fast|exact      interpreter code for the scripts' calls: fast (default), or exact, one
                         step and pause point per instruction (start functions run fast)
  --ratchet FILE         known failures (file:line per line): exit 1 only for failures outside
                         the list; list entries that now pass are printed
  --update-ratchet       rewrite the ratchet file from this run (refuses to add entries)
  --allow-new-failures   let --update-ratchet add entries (creating the list)
  --max-failures N       failures printed (default 50; the JSON has all)
  --quiet                no per-file lines
  --help                 this text

exit status: 0 when nothing (outside the ratchet) failed, 1 otherwise, 2 on a usage error.`;

interface Args {
  paths: string[];
  json: string | null;
  jobs: number;
  filter: string | null;
  timeoutMs: number;
  mode: RunMode;
  ratchet: string | null;
  updateRatchet: boolean;
  allowNew: boolean;
  maxFailures: number;
  quiet: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = {
    paths: [], json: null, jobs: availableParallelism(), filter: null, timeoutMs: 60_000, mode: 'fast',
    ratchet: null, updateRatchet: false, allowNew: false, maxFailures: 50, quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const int = (): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`${arg}: not a non-negative integer: ${v}`);
      return n;
    };
    switch (arg) {
      case '--json': a.json = value(); break;
      case '--jobs': case '-j': a.jobs = int(); break;
      case '--filter': a.filter = value(); break;
      case '--timeout': a.timeoutMs = int() * 1000; break;
      case '--mode': {
        const m = value();
        if (m !== 'fast' && m !== 'exact') throw new UsageError(`--mode: expected fast or exact, got ${m}`);
        a.mode = m;
        break;
      }
      case '--ratchet': a.ratchet = value(); break;
      case '--update-ratchet': a.updateRatchet = true; break;
      case '--allow-new-failures': a.allowNew = true; break;
      case '--max-failures': a.maxFailures = int(); break;
      case '--quiet': case '-q': a.quiet = true; break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        a.paths.push(arg);
    }
  }
  if (a.updateRatchet && !a.ratchet) throw new UsageError('--update-ratchet needs --ratchet FILE');
  return a;
}

/** The repository root: the nearest ancestor of this file holding package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export function defaultSuiteDir(): string {
  const env = process.env.WASM_TESTSUITE;
  return env ? resolve(env) : resolve(repoRoot(), '..', 'shared', 'wasm-testsuite');
}

/**
 * The suite root a path belongs to (which decides its report name and feature profile): the
 * default suite when it is inside it, else the nearest ancestor that looks like a testsuite
 * checkout (it has a `proposals` directory), else the current directory.
 */
function suiteRootOf(path: string, suite: string): string {
  const inside = (root: string): boolean => path === root || path.startsWith(root + sep);
  if (inside(suite)) return suite;
  let dir = dirname(path);
  for (;;) {
    if (existsSync(join(dir, 'proposals'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

function collect(paths: readonly string[], suite: string): SuiteFile[] {
  const out = new Map<string, SuiteFile>();
  const add = (abs: string): void => {
    const root = suiteRootOf(abs, suite);
    const rel = relative(root, abs).split(sep).join('/');
    out.set(abs, { abs, rel });
  };
  const walk = (abs: string): void => {
    const st = statSync(abs);
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        const p = join(abs, name);
        if (statSync(p).isDirectory() || name.endsWith('.wast')) walk(p);
      }
    } else {
      add(abs);
    }
  };
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new UsageError(`no such file or directory: ${p}`);
    walk(abs);
  }
  return [...out.values()].sort((x, y) => (x.rel < y.rel ? -1 : x.rel > y.rel ? 1 : 0));
}

export interface RunSuiteOptions {
  readonly files: readonly SuiteFile[];
  readonly jobs: number;
  readonly timeoutMs: number;
  /** Fast (default) or exact interpreter code for the scripts' calls. */
  readonly mode?: RunMode;
  /** The compiled worker (default: worker.js beside this file). */
  readonly workerUrl?: URL;
  readonly onProgress?: (done: number, total: number) => void;
  /** Each file's raw result as it completes (wall time included). */
  readonly onFile?: (r: FileResult) => void;
}

/** Runs files and returns the JSON report (also the vitest entry's way in). */
export async function runSuite(o: RunSuiteOptions): Promise<JsonReport> {
  let done = 0;
  const results = await runFiles(o.files, {
    jobs: o.jobs,
    timeoutMs: o.timeoutMs,
    mode: o.mode,
    workerUrl: o.workerUrl ?? new URL('./worker.js', import.meta.url),
    onFile: (r) => {
      o.onFile?.(r);
      o.onProgress?.(++done, o.files.length);
    },
  });
  return toJson(results);
}

export function suiteFiles(paths: readonly string[], filter: string | null): SuiteFile[] {
  const suite = defaultSuiteDir();
  const files = collect(paths.length ? paths : [suite], suite);
  return filter ? files.filter((f) => f.rel.includes(filter)) : files;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  let files: SuiteFile[];
  try {
    args = parseArgs(argv);
    files = suiteFiles(args.paths, args.filter);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`glasswasm wast: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (files.length === 0) {
    process.stderr.write('glasswasm wast: no .wast files to run\n');
    return 2;
  }
  const t0 = Date.now();
  const tty = process.stderr.isTTY;
  const times: [string, number][] = [];
  const report = await runSuite({
    files, jobs: args.jobs, timeoutMs: args.timeoutMs, mode: args.mode,
    onProgress: tty ? (d, n) => process.stderr.write(`\r${d}/${n} files`) : undefined,
    onFile: (r) => times.push([r.file, r.ms]),
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const secs = ((Date.now() - t0) / 1000).toFixed(1);

  const out: string[] = [];
  if (!args.quiet) out.push(...fileLines(report), '');
  out.push(...summaryTable(report), '');
  const slowest = times.sort((a, b) => b[1] - a[1]).slice(0, 5);
  out.push(`slowest files: ${slowest.map(([f, ms]) => `${f} ${(ms / 1000).toFixed(1)} s`).join(', ')}`, '');
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 1) + '\n');

  let exit: number;
  if (args.ratchet) {
    const list = readRatchet(args.ratchet);
    const check = checkRatchet(report, list);
    const fresh = new Set(check.fresh);
    if (check.fresh.length) {
      out.push(`failures outside the ratchet (${check.fresh.length}):`);
      out.push(...failureLines(report, args.maxFailures, (f, l) => fresh.has(failureKey(f, l))), '');
    }
    if (check.fixed.length) {
      out.push(`now passing, remove from ${args.ratchet} (${check.fixed.length}; --update-ratchet does it):`);
      out.push(...check.fixed.slice(0, args.maxFailures).map((k) => `  ${k}`));
      if (check.fixed.length > args.maxFailures) out.push(`  ... and ${check.fixed.length - args.maxFailures} more`);
      out.push('');
    }
    exit = check.fresh.length ? 1 : 0;
    if (args.updateRatchet) {
      const u = updateRatchet(args.ratchet, report, args.allowNew);
      if (u.written) {
        out.push(`ratchet: wrote ${u.size} entries to ${args.ratchet}`);
        exit = 0;
      } else {
        out.push(`ratchet: NOT updated: ${u.check.fresh.length} new failures would be added (use --allow-new-failures)`);
      }
    }
    out.push(`spec: ${report.passed} passed, ${check.known.length} known failures (ratchet), ${check.fresh.length} new failures, ${report.total} commands in ${report.files.length} files, ${secs} s`);
  } else {
    if (report.failed) {
      out.push(`failures (${report.failed}):`);
      out.push(...failureLines(report, args.maxFailures), '');
    }
    exit = report.failed ? 1 : 0;
    out.push(`spec: ${report.passed} passed, ${report.failed} failed, ${report.total} commands in ${report.files.length} files, ${secs} s`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return exit;
}

// Run directly (`node dist/spec-tests/cli.js ...`, the npm `spec` script).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`glasswasm wast: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
