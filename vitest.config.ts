import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // once, before any test file starts: dist/ rebuilt when a source is newer than it (the e2e tests run the built
    // CLI), and the npm-installed Chromium unpacked (the browser tests need it)
    globalSetup: ['test/global-build.ts', 'test/global-browser.ts'],
  },
});
