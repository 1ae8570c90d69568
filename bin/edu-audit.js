#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` through `prepare`).
import { main } from '../dist/src/cli/main.js';
import { tuneHeap } from '../dist/src/cli/heap.js';

tuneHeap();
main(process.argv).then((code) => { process.exitCode = code; });
