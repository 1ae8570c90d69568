// Reads a PDF back for the tests: page count and each page's text, with pdfjs-dist (Mozilla's PDF.js, a dev
// dependency: pure JavaScript, so the tests need no poppler-utils on the machine).
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  /** All pages, NFC. */
  text: string;
}

export async function readPdfText(file: string): Promise<PdfText> {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join('');
    pages.push(text.normalize('NFC'));
  }
  await doc.destroy();
  return { pages, text: pages.join('\n') };
}
