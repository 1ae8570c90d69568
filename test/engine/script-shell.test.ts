import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/collect/parse.js';
import { isScriptShell, shellFacts } from '../../src/engine/script-shell.js';

const page = (body: string, head = ''): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const words = (n: number): string => 'Trường học '.repeat(n);

describe('isScriptShell', () => {
  it('an empty root div with a bundle is a shell', () => {
    expect(isScriptShell(parseHtml(page('<div id="app"></div><script src="/assets/app.js"></script>')))).toBe(true);
  });
  it('an inline script is enough; a <noscript> notice and scripts do not count as visible text', () => {
    const $ = parseHtml(page(`<noscript>${words(40)}</noscript><div id="root"></div><script>var x = "${words(40)}";</script>`));
    expect(shellFacts($)).toMatchObject({ shell: true, links: 0, scripts: 1 });
    expect(shellFacts($).textLength).toBe(0);
  });
  it('a page with no script is a blank page, not a shell', () => {
    expect(isScriptShell(parseHtml(page('<div id="app"></div>')))).toBe(false);
    // an empty <script></script> loads nothing
    expect(isScriptShell(parseHtml(page('<div id="app"></div><script> </script>')))).toBe(false);
  });
  it('200 characters of visible text make it a page', () => {
    const text = 'x'.repeat(199);
    expect(isScriptShell(parseHtml(page(`<p>${text}</p><script src="a.js"></script>`)))).toBe(true);
    expect(isScriptShell(parseHtml(page(`<p>${text}y</p><script src="a.js"></script>`)))).toBe(false);
  });
  it('whitespace runs count once', () => {
    expect(shellFacts(parseHtml(page('<p>a    \n\n   b</p><script src="a.js"></script>'))).textLength).toBe(3);
  });
  it('more than two links make it a page', () => {
    const links = (n: number): string => Array.from({ length: n }, (_, i) => `<a href="/p${i}">${i}</a>`).join('');
    expect(isScriptShell(parseHtml(page(`${links(2)}<script src="a.js"></script>`)))).toBe(true);
    expect(isScriptShell(parseHtml(page(`${links(3)}<script src="a.js"></script>`)))).toBe(false);
  });
  it('a server-rendered portal is not a shell', () => {
    const body = `<ul class="menu"><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/lien-he">Liên hệ</a></li></ul><p>${words(30)}</p><script src="/js/jquery.js"></script>`;
    expect(isScriptShell(parseHtml(page(body)))).toBe(false);
  });
});
