// Trims, in package-lock.json, optional dependencies that the lock has no entry for.
// Why: the npm registry mirror this project is built against lacks most of rollup's
// per-platform optional packages (e.g. @rollup/rollup-darwin-arm64 answers 404), so
// `npm install` writes a lock whose rollup entry names packages it could not record,
// and `npm ci` then refuses the lock as out of sync. Run after any `npm install`:
//   node tools/trim-lock-optional.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((k) => k.split('node_modules/').pop()));
let trimmed = 0;
for (const entry of Object.values(lock.packages)) {
  const opt = entry.optionalDependencies;
  if (!opt) continue;
  for (const name of Object.keys(opt)) {
    if (!present.has(name) && name !== 'fsevents') {
      delete opt[name];
      trimmed++;
    }
  }
}
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`trimmed ${trimmed} optional dependencies absent from the lock`);
