/**
 * Native WebAssembly behind V8 flags, in a child process: Node 20's V8 runs GC modules only
 * with --experimental-wasm-gc and only in its pre-standard encoding, so the harness gives it
 * binaryen's assembly of the same .wat (bench/build.sh) in `node <flags> native-child.js`.
 * The child times `run()` itself (engines/native-child.ts), so process start, compile and
 * warm-up are not counted; its rounds are not interleaved with the in-process engines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./native-child.js', import.meta.url));

export interface FlaggedResult {
  checksum: number;
  samples: number[];
}

/** Runs `file` in a child Node with `flags`; throws with the child's reason on failure. */
export function runNativeFlagged(
  file: string,
  flags: readonly string[],
  opts: { warmups: number; rounds: number; budgetMs: number },
): FlaggedResult {
  if (!existsSync(file)) throw new Error(`${file} missing: run bench/build.sh`);
  const child = spawnSync(
    process.execPath,
    [...flags, CHILD, file, String(opts.warmups), String(opts.rounds), String(opts.budgetMs)],
    // Generous: the budget covers the timed rounds; warm-up and compile come on top.
    { encoding: 'utf8', timeout: opts.budgetMs * 4 + 60000, maxBuffer: 1 << 20 },
  );
  const line = (child.stdout ?? '').trim().split('\n').pop() ?? '';
  let parsed: Partial<FlaggedResult & { error: string }> | undefined;
  try {
    parsed = JSON.parse(line) as Partial<FlaggedResult & { error: string }>;
  } catch {
    parsed = undefined;
  }
  if (parsed?.error) throw new Error(parsed.error);
  if (child.status !== 0 || !parsed || typeof parsed.checksum !== 'number' || !Array.isArray(parsed.samples)) {
    const why = child.error?.message ?? (child.stderr ?? '').trim().split('\n')[0] ?? `exit ${child.status}`;
    throw new Error(`node ${flags.join(' ')} failed: ${why || `exit ${child.status}`}`);
  }
  return { checksum: parsed.checksum, samples: parsed.samples };
}
