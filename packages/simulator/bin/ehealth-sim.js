#!/usr/bin/env node
// The `ehealth-sim` command as `npm ci` links it (node_modules/.bin/ehealth-sim). Committed, so that a fresh clone
// links the command before anything is built and `npx --no-install ehealth-sim` never asks the registry;
// the command itself is compiled into dist/ by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(
    `ehealth-sim: not built yet (${fileURLToPath(entry)} is missing): run \`npm run build\` at the root of the repository, then try again.`,
  );
  process.exit(1);
}
await import(entry.href);
