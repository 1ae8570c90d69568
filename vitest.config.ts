import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // the browser tests need the npm-installed Chromium unpacked once, before any of them starts
    globalSetup: ['test/global-browser.ts'],
  },
});
