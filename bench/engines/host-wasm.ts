/**
 * Node's built-in WebAssembly, typed minimally: the project's tsconfig has no DOM lib, so
 * there is no global `WebAssembly` type. Used only by the benchmark as the baseline, never by
 * the engine.
 */
export interface HostWebAssembly {
  Module: new (bytes: Uint8Array) => object;
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ module: object; instance: { exports: Record<string, unknown> } }>;
}

export const hostWasm: HostWebAssembly | undefined = (globalThis as { WebAssembly?: HostWebAssembly }).WebAssembly;

export function requireHostWasm(): HostWebAssembly {
  if (!hostWasm) throw new Error('this Node has no WebAssembly');
  return hostWasm;
}
