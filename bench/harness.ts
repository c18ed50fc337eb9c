/**
 * glasswasm benchmark harness: `npm run bench -- [options]` (runs dist/bench/harness.js).
 *
 * For each workload: native WebAssembly, glasswasm (fast mode; also with fuel on and in
 * exact mode) and polywasm run in one process, interleaved, after warm-up: a fresh child
 * process per workload (isolate.ts says why), or this process with --in-process; wabt's
 * wasm-interp runs as a subprocess. Medians, ratios to native, geometric means. Then decode
 * throughput, time to first instruction and interpreter memory on the big module.
 */
import { writeFileSync, existsSync } from 'node:fs';
import type { Engine } from './engines/engine.js';
import { glasswasmEngine } from './engines/glasswasm.js';
import { nativeEngine } from './engines/native.js';
import { polywasmEngine } from './engines/polywasm.js';
import { processStartMs, wasmInterpUnavailable } from './engines/wasm-interp.js';
import { measureDecode, type DecodeResult } from './measure/decode.js';
import { checkFuelHonored } from './measure/fuel-check.js';
import { checkWasiBuilds } from './measure/wasi-check.js';
import { measureMemory, type MemoryResult } from './measure/memory.js';
import { functionCount } from './measure/sections.js';
import { measureStartup, type StartupResult } from './measure/startup.js';
import { runWorkload, type Row } from './run-workloads.js';
import { encodeRow, runInChild } from './isolate.js';
import { geomean } from './stats.js';
import { fmtMs, fmtPercent, fmtRatio, renderTable } from './table.js';
import { BIG_MODULE, WORKLOADS, readBytes, selectWorkloads } from './workloads.js';

const HELP = `usage: npm run bench -- [options]
  --filter A,B      only workloads whose name contains A or B
  --rounds N        timed rounds per engine (default 5; cut to fit --budget)
  --warmup N        untimed warm-up rounds, interleaved like the timed ones (default 2)
  --budget SEC      time budget per engine and workload for timed rounds (default 15)
  --json FILE       write results as JSON
  --interp-rounds N wasm-interp runs per workload (default 1; 0 skips it)
  --no-polywasm     skip polywasm
  --no-modes        skip the fuel-on and exact-mode glasswasm columns
  --no-extras       skip decode throughput, startup and memory measurements
  --extras-only     only the decode throughput, startup and memory measurements
  --check-wasi      check that each WASI build prints the checksum of its no-import build, then exit
  --in-process      run every workload in this process (default: a child process per workload)
workloads: ${WORKLOADS.map((w) => w.name).join(', ')}`;

const FUEL_ON = 'glasswasm+fuel';
const EXACT = 'glasswasm exact';
/** `run(n)` of big.wasm calls table[i % 40000] for i < n (gen/big-module.ts default count). */
const BIG_CALL_ALL = 40000;
/** Large enough never to run out in a benchmark; the engine refills in chunks below 2^30. */
const BIG_FUEL = 1e15;

interface Args {
  filter?: string;
  rounds: number;
  warmups: number;
  budgetMs: number;
  json?: string;
  interpRounds: number;
  polywasm: boolean;
  modes: boolean;
  extras: boolean;
  extrasOnly: boolean;
  checkWasi: boolean;
  inProcess: boolean;
  /** Internal: run only this workload and print its row for the parent (isolate.ts). */
  child?: string;
}

function parseArgs(argv: string[]): Args | number {
  const args: Args = { rounds: 5, warmups: 2, budgetMs: 15000, interpRounds: 1, polywasm: true, modes: true, extras: true, extrasOnly: false, checkWasi: false, inProcess: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const count = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a non-negative integer`);
      return n;
    };
    switch (a) {
      case '--help': case '-h': console.log(HELP); return 0;
      case '--filter': args.filter = value(); break;
      case '--rounds': args.rounds = Math.max(1, count()); break;
      case '--warmup': args.warmups = count(); break;
      case '--budget': args.budgetMs = Number(value()) * 1000; break;
      case '--json': args.json = value(); break;
      case '--interp-rounds': args.interpRounds = count(); break;
      case '--no-polywasm': args.polywasm = false; break;
      case '--no-modes': args.modes = false; break;
      case '--no-extras': args.extras = false; break;
      case '--extras-only': args.extrasOnly = true; break;
      case '--check-wasi': args.checkWasi = true; break;
      case '--in-process': args.inProcess = true; break;
      case '--child': args.child = value(); break;
      default: throw new Error(`unknown option ${a}\n${HELP}`);
    }
  }
  return args;
}

function ratio(row: Row, engine: string): number | undefined {
  const n = row.cells.get('native')?.ms;
  const e = row.cells.get(engine)?.ms;
  return n !== undefined && e !== undefined ? e / n : undefined;
}

function between(row: Row, slow: string, fast: string): number | undefined {
  const a = row.cells.get(slow)?.ms;
  const b = row.cells.get(fast)?.ms;
  return a !== undefined && b !== undefined ? a / b : undefined;
}

/** The main table: times, ratios to native, geometric means, and per-workload notes. */
function printMainTable(
  rows: readonly Row[],
  args: Args,
  unavailable: ReadonlyMap<string, string>,
  geo: (engine: string) => number,
): void {
  const compared = ['glasswasm', ...(args.polywasm ? ['polywasm'] : []), ...(args.interpRounds > 0 ? ['wasm-interp'] : [])];
  const header = ['workload', 'native ms', ...compared.flatMap((e) => [`${e} ms`, `${e}/native`])];
  const body = rows.map((r) => [
    r.workload.name,
    fmtMs(r.cells.get('native')?.ms),
    ...compared.flatMap((e) => [fmtMs(r.cells.get(e)?.ms), fmtRatio(ratio(r, e))]),
  ]);
  body.push(['geomean', '', ...compared.flatMap((e) => ['', fmtRatio(geo(e))])]);
  console.log('\n' + renderTable(header, body));
  if (args.interpRounds > 0 && !unavailable.has('wasm-interp')) {
    console.log(
      `wasm-interp: a subprocess on the no-import build (no WASI in Debian's wabt); its times include process ` +
        `start, decode and validation: ${fmtMs(processStartMs())} ms on an empty module.`,
    );
  }
  // Engine-wide unavailability is printed once at the top; here only per-workload failures.
  const notes = rows.flatMap((r) =>
    [...r.cells]
      .filter(([e, c]) => c.note && !unavailable.has(e))
      .map(([e, c]) => `  ${r.workload.name} / ${e}: n/a (${c.note})`),
  );
  const vias = rows.flatMap((r) =>
    [...r.cells].filter(([, c]) => c.via).map(([e, c]) => `  ${r.workload.name} / ${e}: ${c.via}`),
  );
  if (vias.length) console.log('measured differently:\n' + vias.join('\n'));
  if (notes.length) console.log('notes:\n' + notes.join('\n'));
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    const parsed = parseArgs(argv);
    if (typeof parsed === 'number') return parsed;
    args = parsed;
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }

  if (args.checkWasi) {
    const problems = await checkWasiBuilds(selectWorkloads(args.filter));
    console.log(problems.length ? problems.join('\n') : 'every WASI build prints its no-import checksum');
    return problems.length ? 1 : 0;
  }

  const engines: Engine[] = [nativeEngine, glasswasmEngine()];
  if (args.modes) {
    engines.push(glasswasmEngine(FUEL_ON, { fuel: BIG_FUEL }), glasswasmEngine(EXACT, { mode: 'exact' }));
  }
  if (args.polywasm) engines.push(polywasmEngine);
  const unavailable = new Map<string, string>();
  for (const e of engines) {
    const why = await e.unavailable();
    if (why) unavailable.set(e.name, why);
  }
  const interpWhy = wasmInterpUnavailable();
  if (interpWhy) unavailable.set('wasm-interp', interpWhy);

  if (args.child !== undefined) {
    const w = WORKLOADS.find((x) => x.name === args.child);
    if (!w) { console.error(`no workload ${args.child}`); return 2; }
    const row = await runWorkload(w, engines, unavailable, { ...args, log: (l) => console.log(l) });
    console.log(encodeRow(row));
    return 0;
  }
  const childArgv = ['--rounds', String(args.rounds), '--warmup', String(args.warmups),
    '--budget', String(args.budgetMs / 1000), '--interp-rounds', String(args.interpRounds),
    ...(args.polywasm ? [] : ['--no-polywasm']), ...(args.modes ? [] : ['--no-modes'])];

  const workloads = args.extrasOnly ? [] : selectWorkloads(args.filter);
  if (workloads.length === 0 && !args.extrasOnly) {
    console.error('no workloads match (or bench/wasm is missing: run bench/build.sh)');
    return 2;
  }
  console.log(`glasswasm bench: ${workloads.length} workloads, ${args.rounds} rounds, Node ${process.version}, ` +
    (args.inProcess ? 'all in this process' : 'each workload in a fresh child process'));
  for (const [name, why] of unavailable) console.log(`  ${name}: n/a (${why})`);

  const rows: Row[] = [];
  for (const w of workloads) {
    const log = (l: string): void => console.log(l);
    rows.push(args.inProcess ? await runWorkload(w, engines, unavailable, { ...args, log })
      : runInChild(w, childArgv, log));
  }

  const geo = (e: string) => geomean(rows.map((r) => ratio(r, e) ?? NaN));
  if (rows.length > 0) printMainTable(rows, args, unavailable, geo);

  // ---- fuel and exact mode ----
  let fuelGeo = NaN;
  let exactGeo = NaN;
  let fuelCheck: string | undefined;
  if (args.modes && rows.length > 0) {
    const modeBody = rows.map((r) => [
      r.workload.name,
      fmtMs(r.cells.get('glasswasm')?.ms),
      fmtMs(r.cells.get(FUEL_ON)?.ms),
      fmtPercent((between(r, FUEL_ON, 'glasswasm') ?? NaN) - 1),
      fmtMs(r.cells.get(EXACT)?.ms),
      fmtRatio(between(r, EXACT, 'glasswasm')),
    ]);
    fuelGeo = geomean(rows.map((r) => between(r, FUEL_ON, 'glasswasm') ?? NaN));
    exactGeo = geomean(rows.map((r) => between(r, EXACT, 'glasswasm') ?? NaN));
    modeBody.push(['geomean', '', '', fmtPercent(fuelGeo - 1), '', fmtRatio(exactGeo)]);
    console.log(
      '\n' +
        renderTable(['workload', 'fast ms', 'fuel-on ms', 'fuel overhead', 'exact ms', 'exact/fast'], modeBody),
    );
    const fib = WORKLOADS.find((w) => w.name === 'fib');
    if (fib && !unavailable.has('glasswasm')) {
      fuelCheck = await checkFuelHonored(readBytes(fib.file));
      console.log(`fuel option: ${fuelCheck}`);
    }
  }

  // ---- decode throughput, startup, memory ----
  let decode: DecodeResult | undefined;
  let startup: StartupResult[] | undefined;
  let memory: MemoryResult | undefined;
  if (args.extras) {
    if (!existsSync(BIG_MODULE)) {
      console.log('\nbig.wasm missing: run bench/build.sh (after npm run build)');
    } else {
      const big = readBytes(BIG_MODULE);
      const count = functionCount(big);
      console.log(`\nbig module: ${(big.length / 1e6).toFixed(2)} MB, ${count} functions`);
      // Startup first (the engine's compile path is still cold), then memory (a clean heap),
      // then the repeated decodes.
      startup = await measureStartup(big, 0);
      for (const s of startup) {
        console.log(
          `  time to first instruction (${s.engine}): first ${fmtMs(s.firstMs)} ms, warm ${fmtMs(s.warmMs)} ms` +
            (s.note ? ` (n/a: ${s.note})` : ''),
        );
      }
      if (!unavailable.has('glasswasm')) {
        memory = await measureMemory(big, 0, BIG_CALL_ALL);
        const per = (x: number | undefined) =>
          x === undefined ? 'n/a' : `${(x / memory!.codeBytes).toFixed(2)} bytes per code byte (${(x / 1e6).toFixed(1)} MB)`;
        console.log(`  interpreter memory, code ${(memory.codeBytes / 1e6).toFixed(2)} MB:`);
        console.log(`    after instantiate + first call: ${per(memory.firstCallBytes)}`);
        console.log(`    after calling every function:   ${per(memory.allCalledBytes)}`);
        if (memory.note) console.log(`    note: ${memory.note}`);
      }
      decode = await measureDecode(big);
      const mbs = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} MB/s`);
      console.log(`  decode:               ${mbs(decode.decodeMBs)} warm, ${mbs(decode.decodeColdMBs)} first run`);
      console.log(`  decode + validate:    ${mbs(decode.decodeValidateMBs)} warm, ${mbs(decode.decodeValidateColdMBs)} first run`);
      console.log(`  native compile (ref): ${mbs(decode.nativeCompileMBs)} (V8 compiles lazily)`);
      if (decode.note) console.log(`  note: ${decode.note}`);
    }
  }

  if (args.json) {
    const json = {
      workloads: rows.map((r) => {
        const cell = r.cells.get('glasswasm');
        return {
          name: r.workload.name,
          native_ms: r.cells.get('native')?.ms ?? null,
          ...(r.cells.get('native')?.via ? { native_via: r.cells.get('native')!.via } : {}),
          glasswasm_ms: cell?.ms ?? null,
          ratio: ratio(r, 'glasswasm') ?? null,
          ...(cell?.note ? { glasswasm_note: cell.note } : {}),
          polywasm_ms: r.cells.get('polywasm')?.ms ?? null,
          wasm_interp_ms: r.cells.get('wasm-interp')?.ms ?? null,
          fuel_on_ms: r.cells.get(FUEL_ON)?.ms ?? null,
          exact_ms: r.cells.get(EXACT)?.ms ?? null,
          samples_ms: Object.fromEntries([...r.cells].map(([e, c]) => [e, c.samples])),
        };
      }),
      geomean: Number.isFinite(geo('glasswasm')) ? geo('glasswasm') : null,
      polywasm_geomean: Number.isFinite(geo('polywasm')) ? geo('polywasm') : null,
      wasm_interp_geomean: Number.isFinite(geo('wasm-interp')) ? geo('wasm-interp') : null,
      fuel_overhead: Number.isFinite(fuelGeo) ? fuelGeo - 1 : null,
      fuel_check: fuelCheck ?? null,
      exact_slowdown: Number.isFinite(exactGeo) ? exactGeo : null,
      decode: decode ?? null,
      startup: startup ?? null,
      memory: memory ?? null,
      node: process.version,
      isolation: args.inProcess ? 'one process' : 'a child process per workload',
    };
    writeFileSync(args.json, JSON.stringify(json, null, 2) + '\n');
    console.log(`\nwrote ${args.json}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
