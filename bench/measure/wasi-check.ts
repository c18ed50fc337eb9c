/**
 * Checks the checked-in WASI builds against the no-import builds: each `<name>.wasi.wasm`
 * run under Node's WASI (natively) must print the checksum native `run()` returns.
 * This guards the artifacts command-line engines run, not any engine's speed.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireHostWasm } from '../engines/host-wasm.js';
import { readBytes, type Workload } from '../workloads.js';

/** The checksum the WASI build prints. */
async function runWasi(file: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'glasswasm-wasi-'));
  const outPath = join(dir, 'stdout');
  const fd = openSync(outPath, 'w');
  try {
    // Imported here, not at the top: loading node:wasi prints an experimental warning.
    const { WASI } = await import('node:wasi');
    const wasi = new WASI({ version: 'preview1', args: [file], env: {}, stdout: fd, returnOnExit: true });
    const { instance } = await requireHostWasm().instantiate(readBytes(file), {
      wasi_snapshot_preview1: wasi.wasiImport,
    });
    wasi.start(instance as never);
  } finally {
    closeSync(fd);
  }
  const text = readFileSync(outPath, 'utf8').trim();
  rmSync(dir, { recursive: true, force: true });
  return Number(text) >>> 0;
}

export async function checkWasiBuilds(workloads: readonly Workload[]): Promise<string[]> {
  const problems: string[] = [];
  for (const w of workloads) {
    if (!w.wasiFile) continue;
    const { instance } = await requireHostWasm().instantiate(readBytes(w.file), {});
    const expected = Number((instance.exports['run'] as () => number)()) >>> 0;
    const got = await runWasi(w.wasiFile);
    if (got !== expected) problems.push(`${w.name}: WASI build prints ${got}, run() returns ${expected}`);
  }
  return problems;
}
