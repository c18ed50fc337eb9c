/** Node's own WebAssembly (V8): the baseline every ratio is measured against. */
import { toChecksum, type Engine, type RunFn } from './engine.js';
import { hostWasm, requireHostWasm } from './host-wasm.js';

export const nativeEngine: Engine = {
  name: 'native',
  async unavailable() {
    return hostWasm ? undefined : 'no WebAssembly in this Node';
  },
  async load(bytes: Uint8Array): Promise<RunFn> {
    const { instance } = await requireHostWasm().instantiate(bytes, {});
    const run = instance.exports['run'] as () => unknown;
    return () => toChecksum(run());
  },
};
