// `glasswasm wast`: the spec-test runner (spec-tests/cli.ts) as a subcommand.

export { HELP, main } from '../../spec-tests/cli.js';
