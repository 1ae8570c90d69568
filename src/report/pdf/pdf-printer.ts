// Prints local HTML files to PDF with the headless browser of src/render/browser.ts, launched with the same
// switches (every host resolves to NOTFOUND, a closed loopback proxy): the scorecards load nothing but their own
// file and the run's screenshots. Scripts are off, the context is offline, and any request that is not a local
// file is aborted.
import type { Browser, Page } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { findBrowser, launchBrowser } from '../../render/browser.js';

const PRINT_TIMEOUT_MS = 60_000;

export interface PdfPrinter {
  print(htmlFile: string, pdfFile: string, footerHtml: string): Promise<void>;
  close(): Promise<void>;
}

/** The browser named by the run (--browser), else EDU_AUDIT_BROWSER or the npm Chromium; an error says why none. */
export async function openPdfPrinter(browserPath?: string): Promise<PdfPrinter | { error: string }> {
  let found = await findBrowser(browserPath);
  // a run directory reported on another machine names a browser that is not there: look for this machine's
  if ('error' in found && browserPath) found = await findBrowser();
  if ('error' in found) return found;
  let browser: Browser;
  try {
    browser = await launchBrowser(found.path);
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block', acceptDownloads: false });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(PRINT_TIMEOUT_MS);
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient')));
  return {
    async print(htmlFile, pdfFile, footerHtml) {
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
      await page.pdf({
        path: pdfFile,
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerHtml,
        margin: { top: '10mm', right: '10mm', bottom: '14mm', left: '10mm' },
      });
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
