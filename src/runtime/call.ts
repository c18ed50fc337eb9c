// Calling a function with boundary Values from outside wasm: host functions are called
// directly, wasm functions run in the interpreter.

import { invoke } from '../interpreter/invoke.js';
import type { ExecOptions } from '../interpreter/invoke.js';
import type { FuncInstance, Value } from './objects.js';

export type { ExecOptions };

export function callFunc(f: FuncInstance, args: Value[], exec?: ExecOptions): Value[] {
  if (f.host) return f.host(args);
  return invoke(f, args, exec);
}
