/**
 * What the harness needs from an engine: load a module (no imports) and hand back a
 * function that calls its `run` export and returns the checksum as an unsigned 32-bit number.
 * Loading is outside the timed region; only `run()` calls are timed.
 */
export type RunFn = () => number;

export interface Engine {
  /** Column name in the table. */
  name: string;
  /** Why the engine is unavailable, or undefined when it can run. */
  unavailable(): Promise<string | undefined>;
  load(bytes: Uint8Array): Promise<RunFn>;
}

/** Converts whatever `run` returned (number or bigint) to the unsigned checksum. */
export function toChecksum(value: unknown): number {
  if (typeof value === 'number') return value >>> 0;
  if (typeof value === 'bigint') return Number(BigInt.asUintN(32, value));
  throw new Error(`run() returned ${typeof value}, expected a number`);
}
