#!/usr/bin/env node
import { main } from './main.js';
import { processDeps } from './deps.js';

main(process.argv.slice(2), processDeps()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // main() turns every error into an exit code; reaching here is a bug in main itself.
    console.error(err);
    process.exitCode = 3;
  },
);
