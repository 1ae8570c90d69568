import { describe } from 'vitest';
import rule from '../../rules/emc-label.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';
import type { Artifacts } from '../../src/model/artifacts.js';

const page = (name: string): string => fixturePage('emc-label', name);
const wpUnit = { website: 'https://thlelo.haiphong.edu.vn/', province: ['haiphong'], type: 'tieu-hoc' as const };

// The EMC code in place (inline snippet, site id), and no static label: the EMC script draws the widget.
const withTag = fixturePage('emc-tag', 'inline-snippet.html');
const site = 'https://thcs-nguyendu.hcm.edu.vn/';
// What the EMC script adds to the page (the structure of its widget; our own text around it).
const WIDGET =
  '<div class="yhy-append-wrap"><div id="yhy-append"><a id="btnEMC" class="yhy-append-btn yhy-btn-emc" title="TRUNG TÂM GIÁM SÁT QUỐC GIA VỀ CHÍNH PHỦ SỐ" href="javascript:void(0)"><img alt="EMC" src="data:image/png;base64,AAAA">Đã kết nối EMC</a></div></div>';
const withStyle = (html: string, css: string): string => html.replace('</head>', `<style>${css}</style></head>`);
const withSheet = (a: Artifacts, url: string, css: string | null): Artifacts => {
  a.stylesheets = new Map([
    [
      url,
      css === null
        ? { ok: false, url, reason: 'timeout', detail: 'no answer', redirects: [] }
        : fetchedPage(url, css, { contentType: 'text/css' }),
    ],
  ]);
  return a;
};
const rendered = (a: Artifacts): Artifacts => Object.assign(a, { rendered: { why: 'always' } });

describe('emc-label', () => {
  runRuleCases(rule, [
    {
      name: 'without rendering, a working EMC code with nothing hiding the widget passes: the script draws the label',
      artifacts: withSheet(
        makeArtifacts({ html: withTag }),
        `${site}themes/default/css/style.css`,
        '.footer a { color: #333 } #yhy-append img { display: none }',
      ),
      expected: { status: 'pass', messageId: 'drawnByScript', data: { siteId: '10523' } },
    },
    {
      name: 'a <style> rule hiding #yhy-append fails and names the rule',
      artifacts: makeArtifacts({ html: withStyle(withTag, '.footer-links #yhy-append { display: none !important; }') }),
      expected: { status: 'fail', messageId: 'widgetHidden', evidence: ['.footer-links #yhy-append { display:none }', '<style>'] },
    },
    {
      name: 'a same-site stylesheet hiding .yhy-append-wrap fails and names the stylesheet and rule',
      artifacts: withSheet(
        makeArtifacts({ html: withTag }),
        `${site}themes/default/css/style.css`,
        'body{margin:0}\n.yhy-append-wrap{visibility:hidden}',
      ),
      expected: {
        status: 'fail',
        messageId: 'widgetHidden',
        data: { where: `${site}themes/default/css/style.css` },
        evidence: ['.yhy-append-wrap { visibility:hidden }'],
      },
    },
    {
      name: 'a same-site script removing #btnEMC fails and names the script',
      artifacts: makeArtifacts({
        html: withTag,
        scripts: { [`${site}themes/default/js/main.js`]: "$(function () { $('#btnEMC').remove(); });" },
      }),
      expected: {
        status: 'fail',
        messageId: 'widgetHidden',
        data: { where: `${site}themes/default/js/main.js` },
        evidence: ["$('#btnEMC').remove()"],
      },
    },
    {
      name: 'a stylesheet that could not be read leaves the drawn label unverified, never a silent pass',
      artifacts: withSheet(makeArtifacts({ html: withTag }), `${site}themes/default/css/style.css`, null),
      expected: { status: 'error', messageId: 'stylesheetUnverified' },
    },
    {
      name: 'the widget in the page (a rendered DOM) visible passes by widget',
      artifacts: rendered(makeArtifacts({ html: withTag.replace('</body>', `${WIDGET}</body>`) })),
      expected: { status: 'pass', messageId: 'widgetShown', evidence: ['Đã kết nối EMC'] },
    },
    {
      name: 'the widget in the page hidden by an inline style fails, naming it',
      artifacts: rendered(
        makeArtifacts({
          html: withTag.replace(
            '</body>',
            `${WIDGET.replace('class="yhy-append-wrap"', 'class="yhy-append-wrap" style="display:none"')}</body>`,
          ),
        }),
      ),
      expected: { status: 'fail', messageId: 'widgetHidden', evidence: ['display:none'] },
    },
    {
      name: 'rendered, with the EMC code but no widget drawn: no label (the code does not stand in for it)',
      artifacts: rendered(makeArtifacts({ html: withTag })),
      expected: { status: 'fail', messageId: 'noEmcLabel' },
    },
    {
      name: 'a visible static label passes even when the site hides the widget',
      artifacts: makeArtifacts({ html: withStyle(page('label-alt-text.html'), '#yhy-append{display:none}') }),
      expected: { status: 'pass', messageId: 'labelFound', data: { matcher: 'text' } },
    },
    {
      name: 'a badge linking to emc.gov.vn passes by link host (next to a Tín nhiệm mạng badge)',
      artifacts: makeArtifacts({ html: page('label-link-host.html') }),
      expected: {
        status: 'pass',
        messageId: 'labelFound',
        data: { matcher: 'host', value: 'https://emc.gov.vn/' },
        evidence: ['footer#footer'],
      },
    },
    {
      name: 'an image named logo_emc.png passes by file name',
      artifacts: makeArtifacts({ html: page('label-file-name.html'), unit: wpUnit }),
      expected: { status: 'pass', messageId: 'labelFound', data: { matcher: 'fileName' }, evidence: ['logo_emc.png'] },
    },
    {
      name: 'an image with alt "Đã kết nối EMC" passes by text',
      artifacts: makeArtifacts({ html: page('label-alt-text.html') }),
      expected: { status: 'pass', messageId: 'labelFound', data: { matcher: 'text', value: 'Đã kết nối EMC' } },
    },
    {
      name: 'Tín nhiệm mạng and DMCA badges are not the EMC label (a page without the EMC code)',
      artifacts: makeArtifacts({ html: page('tinnhiemmang-only.html').replace(/_govaq\.push\(\['setSiteId'[^\n]*/, '') }),
      expected: { status: 'fail', messageId: 'onlyOtherBadges', data: { badges: 'tinnhiemmang.vn, dmca.com' } },
    },
    {
      name: 'other badges beside a working EMC code: the label the EMC script draws passes (catalogue v2)',
      artifacts: makeArtifacts({ html: page('tinnhiemmang-only.html') }),
      expected: { status: 'pass', messageId: 'drawnByScript' },
    },
    {
      name: 'emcee / nemc file names are not the label',
      artifacts: makeArtifacts({ html: page('emcee-image.html'), unit: wpUnit }),
      expected: { status: 'fail', messageId: 'noEmcLabel' },
    },
    {
      name: 'a news article about EMC training is not the label',
      artifacts: makeArtifacts({ html: page('article-mentions-emc.html'), unit: wpUnit }),
      expected: { status: 'fail', messageId: 'noEmcLabel' },
    },
    {
      name: 'label hosts come from config',
      artifacts: makeArtifacts({ html: page('tinnhiemmang-only.html') }),
      config: { notEmcLabelHosts: [], emcLabelHosts: ['tinnhiemmang.vn'] },
      expected: { status: 'pass', messageId: 'labelFound', data: { matcher: 'host' } },
    },
  ]);
});
