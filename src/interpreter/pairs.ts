// Superinstructions by fallthrough, in fast and exact code. After translation, each
// instruction A directly followed by an instruction B that THEN_PAIRS lists gets the pair's
// opcode in place of its own; nothing else changes (operands, B, branch targets, trap
// offsets). run.ts places the pair's case right before B's case, so it does A's work and
// falls through into B: two instructions for one dispatch, and one indirect jump fewer to
// mispredict.
//
// A B stays valid on its own (a branch may land on it), and a B is never made the first of
// another pair: the case a pair falls into must be B's own.

import { THEN_PAIRS, instructionSize } from './internal-ops.js';

const THEN = new Map<number, number>();
for (const [a, b, then] of THEN_PAIRS) THEN.set(a * 65536 + b, then);

/**
 * Rewrites the first instruction of every listed adjacent pair in `code`. In exact code a
 * pair never spans a pause point it could skip: B keeps its own case, and a FUEL op as B
 * (X_THEN_FUEL) still checks and can pause there.
 * Two passes: the second finds chains, an instruction followed by a pair made by the first
 * (A then B-then-C: its case falls into B-then-C's, which falls into C's).
 */
export function pairUp(code: number[]): void {
  const target = new Uint8Array(code.length); // 1: a pair falls into the instruction here
  for (let pass = 0; pass < 2; pass++) {
    let pc = 0;
    while (pc < code.length) {
      const next = pc + instructionSize(code, pc);
      if (next >= code.length) break;
      let then = target[pc] === 0 ? THEN.get(code[pc] * 65536 + code[next]) : undefined;
      if (then !== undefined && pass === 0 && next + instructionSize(code, next) < code.length) {
        // B and the instruction after it make a pair that A has a chain pair with: leave A
        // for the second pass (one dispatch for three, not one for A and B and one for C)
        const bc = THEN.get(code[next] * 65536 + code[next + instructionSize(code, next)]);
        if (bc !== undefined && THEN.has(code[pc] * 65536 + bc)) then = undefined;
      }
      if (then !== undefined) {
        code[pc] = then;
        target[next] = 1;
      }
      pc = next;
    }
  }
}
