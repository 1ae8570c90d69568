// Brings dist/ up to date once, before any test file starts (the e2e tests run the built CLI; several files building
// at once would race on dist/).
import { resolve } from 'node:path';
import { buildIfStale } from './e2e/build-state.js';

export default function setup(): void {
  buildIfStale(resolve(import.meta.dirname, '..'));
}
