import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BROWSER_ENV, findBrowser, launchBrowser } from '../../src/render/browser.js';

describe('findBrowser', () => {
  it('--browser wins over the environment and the npm Chromium', async () => {
    expect(await findBrowser(process.execPath, { [BROWSER_ENV]: '/nonexistent' })).toEqual({ path: process.execPath, source: 'option' });
  });
  it('a missing --browser or EDU_AUDIT_BROWSER file is an error naming it', async () => {
    expect(await findBrowser('/nonexistent/chrome')).toEqual({ error: expect.stringContaining('/nonexistent/chrome') });
    expect(await findBrowser(undefined, { [BROWSER_ENV]: '/nonexistent/chrome' })).toEqual({ error: expect.stringContaining(BROWSER_ENV) });
  });
  it('the environment variable names a system browser', async () => {
    expect(await findBrowser(undefined, { [BROWSER_ENV]: process.execPath })).toEqual({ path: process.execPath, source: 'env' });
  });
  it('without either, the npm-installed Chromium', async () => {
    const found = await findBrowser(undefined, {});
    expect(found).toMatchObject({ source: 'npm' });
  });
  it('launched with BROWSER_ARGS, the browser reaches nothing by itself, not even loopback', async () => {
    const server = createServer((_, res) => res.end('<p>reached</p>'));
    let connections = 0;
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const found = await findBrowser();
    if ('error' in found) throw new Error(found.error);
    const browser = await launchBrowser(found.path);
    try {
      const page = await browser.newPage();
      for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://school.hcm.edu.vn:${port}/`]) {
        await expect(page.goto(url, { timeout: 10_000 })).rejects.toThrow(/ERR_/);
      }
      expect(connections).toBe(0);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
