/**
 * Checks that the fuel option actually reaches the interpreter: with a tiny budget a long
 * workload must stop ("out of fuel"). Without this, "fuel on" timings could silently measure
 * an option the engine ignores.
 */
import { glasswasmRun } from '../engines/glasswasm.js';

export async function checkFuelHonored(bytes: Uint8Array): Promise<string> {
  try {
    const run = await glasswasmRun(bytes, { fuel: 1000 });
    run();
    return 'NOT honored: run() finished with fuel=1000';
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0]!;
    return /fuel/i.test(msg) ? `honored (fuel=1000 stops with "${msg}")` : `unclear: fuel=1000 threw "${msg}"`;
  }
}
