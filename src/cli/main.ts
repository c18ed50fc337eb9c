#!/usr/bin/env node
// The `glasswasm` command: dispatches to one module per subcommand, each exporting
// `main(args: string[]): Promise<number>` (the exit code) and `HELP` (its --help text).

const COMMANDS: Record<string, { file: string; summary: string }> = {
  run: { file: './run.js', summary: 'run an exported function of a .wasm or .wat file' },
  wast: { file: './wast.js', summary: 'run WAST spec scripts and report per-assertion results' },
  validate: { file: './validate.js', summary: 'validate a .wasm or .wat module' },
  inspect: { file: './inspect.js', summary: 'list sections, imports, exports and counts of a .wasm' },
  dump: { file: './dump.js', summary: 'disassemble a .wasm, one instruction per line with offsets' },
  wat2wasm: { file: './wat2wasm.js', summary: 'convert WebAssembly text to binary' },
  wasm2wat: { file: './wasm2wat.js', summary: 'convert WebAssembly binary to text' },
};

function usage(): string {
  const lines = ['usage: glasswasm <command> [options]', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', "Run 'glasswasm <command> --help' for a command's options.");
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(usage() + '\n');
    return cmd ? 0 : 2;
  }
  const entry = COMMANDS[cmd];
  if (!entry) {
    process.stderr.write(`glasswasm: unknown command '${cmd}'\n\n${usage()}\n`);
    return 2;
  }
  const mod = (await import(entry.file)) as { main(args: string[]): Promise<number>; HELP: string };
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(mod.HELP + '\n');
    return 0;
  }
  return mod.main(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`glasswasm: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 70;
  },
);
