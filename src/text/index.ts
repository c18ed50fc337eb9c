// The text format's public face: WAT -> binary, and the module/script parsers.

import { parseModuleText } from './parse-module.js';
import { encodeModule } from '../decoder/encode.js';
import type { Features } from '../syntax/features.js';

export { parseModuleText } from './parse-module.js';
export { parseScript } from './parse-script.js';
export type { Command, ScriptModule, ScriptValue, Action } from './script-ast.js';

/** Parses a module in the text format and encodes it to the binary format. */
export function watToBinary(source: string, features?: Features): Uint8Array {
  return encodeModule(parseModuleText(source, features));
}
