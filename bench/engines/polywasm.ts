/**
 * polywasm (npm `polywasm`): a WebAssembly polyfill that translates each function to JS.
 * A reference column: it does not validate, does not trap and does not keep NaN bits, so it is
 * not comparable in guarantees, only in speed.
 */
import { toChecksum, type Engine, type RunFn } from './engine.js';

interface WasmLike {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

let loaded: WasmLike | undefined;
let failure: string | undefined;

async function polywasm(): Promise<WasmLike | undefined> {
  if (loaded || failure) return loaded;
  try {
    // A computed specifier: polywasm ships no type declarations and is a dev dependency only.
    const name = 'polywasm';
    const mod = (await import(name)) as { WebAssembly: WasmLike };
    loaded = mod.WebAssembly;
  } catch (e) {
    failure = `polywasm not installed (${(e as Error).message.split('\n')[0]})`;
  }
  return loaded;
}

export const polywasmEngine: Engine = {
  name: 'polywasm',
  async unavailable() {
    await polywasm();
    return failure;
  },
  async load(bytes: Uint8Array): Promise<RunFn> {
    const wasm = (await polywasm())!;
    const { instance } = await wasm.instantiate(bytes, {});
    const run = instance.exports['run'] as () => unknown;
    return () => toChecksum(run());
  },
};
