import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { decodeModule } from '../../src/decoder/decode.js';
import { printModule } from '../../src/decoder/print.js';
it('p', () => { for (const f of (process.env.F ?? '').split(',')) console.log(printModule(decodeModule(new Uint8Array(readFileSync(f))))); });
