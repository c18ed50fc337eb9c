// The engine's error classes. They mirror the JS API (CompileError, LinkError, RuntimeError);
// each message starts with the spec's text (the test suite compares prefixes) and carries a
// location. Anything else escaping the engine is a bug.

export class CompileError extends Error {
  override name = 'CompileError';
}

/** Malformed binary or text. `offset` is a byte offset (binary) or -1 for text. */
export class DecodeError extends CompileError {
  override name = 'DecodeError';
  /** The spec's message without location, e.g. "unexpected end". */
  readonly reason: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  constructor(reason: string, offset: number, line = 0, column = 0) {
    super(line > 0 ? `${reason} (at ${line}:${column})` : `${reason} (at offset ${offset})`);
    this.reason = reason;
    this.offset = offset;
    this.line = line;
    this.column = column;
  }
}

/** Invalid module. `funcIndex` is -1 outside function bodies. */
export class ValidationError extends CompileError {
  override name = 'ValidationError';
  readonly reason: string;
  readonly funcIndex: number;
  readonly offset: number;
  constructor(reason: string, funcIndex = -1, offset = -1) {
    const where = funcIndex >= 0 ? ` (in func ${funcIndex} at offset ${offset})`
      : offset >= 0 ? ` (at offset ${offset})` : '';
    super(reason + where);
    this.reason = reason;
    this.funcIndex = funcIndex;
    this.offset = offset;
  }
}

export class LinkError extends Error {
  override name = 'LinkError';
  readonly reason: string;
  constructor(reason: string, detail = '') {
    super(detail ? `${reason}: ${detail}` : reason);
    this.reason = reason;
  }
}

export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

/** One frame of the wasm call stack at a trap. */
export interface WasmFrame {
  readonly funcIndex: number;
  readonly name: string | null;
  /** Absolute byte offset of the instruction in the module binary, or -1. */
  readonly offset: number;
}

/** A wasm trap. `kind` is the spec's message ("unreachable", "integer divide by zero", ...). */
export class Trap extends RuntimeError {
  override name = 'Trap';
  readonly kind: string;
  wasmStack: WasmFrame[];
  constructor(kind: string, wasmStack: WasmFrame[] = [], cause?: unknown) {
    super(kind, cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.wasmStack = wasmStack;
  }
}

/** Thrown by `throw`/`throw_ref` when no wasm handler catches it: a wasm exception. */
export class WasmException extends Error {
  override name = 'WasmException';
  /** The runtime tag instance and the payload values (runtime representation). */
  constructor(readonly tag: unknown, readonly payload: unknown[], readonly exnRef?: unknown) {
    super('uncaught wasm exception');
  }
}
