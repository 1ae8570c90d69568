// Unpacks the npm-installed Chromium once before the test files start: @sparticuz/chromium unpacks into the temp
// directory on first use, and two test processes unpacking at once could launch a half-written binary.
import { findBrowser } from '../src/render/browser.js';

export default async function setup(): Promise<void> {
  const found = await findBrowser();
  if ('error' in found) throw new Error(`no browser for the rendering tests: ${found.error}`);
}
