#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` through `prepare`).
import { main } from '../dist/src/cli/main.js';
import { tuneHeap } from '../dist/src/cli/heap.js';
import { setTimeout } from 'node:timers';

tuneHeap();
main(process.argv).then((code) => {
  process.exitCode = code;
  // a run stopped by a signal (130, 143) has saved and closed what matters: nothing still pending (a robots.txt
  // fetch of a unit never started, a retry timer) may keep the process alive
  if (code > 128) setTimeout(() => process.exit(code), 500).unref();
});
