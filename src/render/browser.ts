// Finding and starting the headless browser that renders pages (docs/rendering.md). The browser is the Chromium that
// `npm ci` installs inside the optional `@sparticuz/chromium` package (no download from anywhere else), or a system
// Chrome/Chromium named by --browser or EDU_AUDIT_BROWSER. It is launched so that it can reach nothing by itself:
// every request a page makes is intercepted and fetched by the crawler (route-request.ts); anything that escapes
// interception meets a resolver that maps every host to NOTFOUND and a proxy on a closed loopback port.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const BROWSER_ENV = 'EDU_AUDIT_BROWSER';

export interface BrowserChoice {
  path: string;
  source: 'option' | 'env' | 'npm';
}

/**
 * Chromium switches. Playwright adds its own (a fresh temporary user-data dir per launch, no first run, no default
 * apps…); these are repeated or added where they keep the browser from talking to anyone.
 */
export const BROWSER_ARGS: readonly string[] = [
  // every host name and IP literal resolves to nothing: a request that escapes interception fails on the spot
  '--host-resolver-rules=MAP * ~NOTFOUND',
  // and what does not resolve names (WebRTC, a proxied fetch) goes to a closed loopback port, never out
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--safebrowsing-disable-auto-update',
  '--no-pings',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-breakpad',
  '--metrics-recording-only',
  // containers: root needs no sandbox; /dev/shm is often 64 MB
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  // a page that allocates without end crashes its own renderer (reported as a render error), not the machine
  '--js-flags=--max-old-space-size=256',
  '--font-render-hinting=none',
  '--hide-scrollbars',
  '--mute-audio',
];

/** The browser to use: --browser, then EDU_AUDIT_BROWSER, then the npm-installed Chromium (unpacked on first use). */
export async function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): Promise<BrowserChoice | { error: string }> {
  if (explicit)
    return existsSync(explicit)
      ? { path: explicit, source: 'option' }
      : { error: `--browser ${explicit}: không có tệp này / no such file` };
  const fromEnv = env[BROWSER_ENV];
  if (fromEnv)
    return existsSync(fromEnv) ? { path: fromEnv, source: 'env' } : { error: `${BROWSER_ENV}=${fromEnv}: không có tệp này / no such file` };
  try {
    // optional dependency: absent when installed with --omit=optional or on a platform it does not ship for, so the
    // specifier is a variable — the build must not need the package's types to compile
    const optional = '@sparticuz/chromium';
    const mod = (await import(optional)) as { default: { executablePath(): Promise<string> } };
    return { path: await mod.default.executablePath(), source: 'npm' };
  } catch (error) {
    return { error: `@sparticuz/chromium: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function launchBrowser(path: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: path, headless: true, args: [...BROWSER_ARGS], timeout: 30_000 });
}
