// When --render auto renders: the detections over written-for-the-test pages, and none over any server-rendered
// page of the demo and hostile fixture fleets or the bench fleet (auto must cost nothing on them).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../src/collect/parse.js';
import { emcDrawnByScript, menuDrawnByScript, planRender } from '../../src/render/render-decision.js';
import { renderPage } from '../../bench/fleet/content.js';
import { hostFor } from '../../bench/fleet/units.js';
import { html } from '../collect/servers.js';
import { EMC_HOSTS, MENU_SCRIPT_HOME, SPA_HOME } from './pages.js';

const SITES = join(import.meta.dirname, '..', '..', 'fixtures', 'sites');
const TEXT = `<p>${'Tin tức nhà trường. '.repeat(20)}</p>`;

describe('planRender', () => {
  it('auto: a script shell, a script-built menu, an EMC code left to a tag manager or an empty EMC widget', () => {
    expect(planRender(parseHtml(SPA_HOME), 'auto', false, EMC_HOSTS)).toEqual({ why: 'script-shell', judge: true });
    expect(planRender(parseHtml(MENU_SCRIPT_HOME), 'auto', false, EMC_HOSTS)).toEqual({ why: 'script-menu', judge: true });
    const gtm = html(
      `<nav><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a></nav>${TEXT}<script src="https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD"></script>`,
    );
    expect(planRender(parseHtml(gtm), 'auto', false, EMC_HOSTS)).toEqual({ why: 'script-emc', judge: true });
    const widget = html(
      `<nav><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a></nav>${TEXT}<div class="yhy-append-wrap"></div><script src="/emc.js"></script>`,
    );
    expect(emcDrawnByScript(parseHtml(widget), EMC_HOSTS)).toBe(true);
  });
  it('a tag manager beside a live EMC code in the page needs no render', () => {
    const page = html(
      `${TEXT}<script src="https://www.googletagmanager.com/gtm.js?id=GTM-AB12CD"></script><script>var _govaq = window._govaq || []; _govaq.push(['setTrackerUrl', 'https://f-emc.ngsp.gov.vn/tracking']); _govaq.push(['setSiteId', '1']);</script>`,
    );
    expect(emcDrawnByScript(parseHtml(page), EMC_HOSTS)).toBe(false);
  });
  it('an empty menu beside a full server-rendered menu, or a hamburger button, is no script menu', () => {
    const builds = '<script>document.body.appendChild(document.createElement("div"));</script>';
    expect(
      menuDrawnByScript(
        parseHtml(
          html(
            `<nav class="menu"><a href="/a">A</a><a href="/b">B</a><a href="/c">C</a></nav><div class="sub-menu"></div>${TEXT}${builds}`,
          ),
        ),
      ),
    ).toBe(false);
    expect(menuDrawnByScript(parseHtml(html(`<button class="menu-toggle"></button>${TEXT}${builds}`)))).toBe(false);
    expect(menuDrawnByScript(parseHtml(html(`<div id="main-menu"></div>${TEXT}${builds}`)))).toBe(true);
    // no script builds anything: the empty menu is what a visitor sees too
    expect(menuDrawnByScript(parseHtml(html(`<div id="main-menu"></div>${TEXT}<script>var x = 1;</script>`)))).toBe(false);
  });
  it('always renders and judges; never renders only for --screenshots, and leaves the static view judged', () => {
    const plain = parseHtml(html(TEXT));
    expect(planRender(plain, 'always', false, EMC_HOSTS)).toEqual({ why: 'always', judge: true });
    expect(planRender(plain, 'never', false, EMC_HOSTS)).toBeUndefined();
    expect(planRender(parseHtml(SPA_HOME), 'never', false, EMC_HOSTS)).toBeUndefined();
    expect(planRender(plain, 'auto', true, EMC_HOSTS)).toEqual({ why: 'screenshot', judge: false });
  });

  it("auto renders none of the bench fleet's server-rendered pages", () => {
    for (let i = 0; i < 60; i++) {
      const page = renderPage(hostFor(i), '/');
      if (page === undefined) continue;
      expect(planRender(parseHtml(page), 'auto', false, EMC_HOSTS), hostFor(i)).toBeUndefined();
    }
  });

  it("auto renders none of the fixture fleets' home pages but the ones written to be rendered", () => {
    const rendered: string[] = [];
    for (const host of readdirSync(SITES)) {
      const file = join(SITES, host, 'index.html');
      if (!existsSync(file)) continue;
      if (planRender(parseHtml(readFileSync(file, 'utf8')), 'auto', false, EMC_HOSTS)) rendered.push(host);
    }
    // js-shell.fixture.test is the hostile fleet's single-page shell (src/fixture-server): a shell is always rendered
    expect(rendered.sort()).toEqual(['js-shell.fixture.test', 'th-leloi.hcm.edu.vn', 'thcs-minhduc.hcm.edu.vn']);
  });
});
