import { describe } from 'vitest';
import rule from '../../rules/accessibility-basic.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('accessibility-basic', name);
const html = (body: string, head = '<title>Trường THCS Nguyễn Du</title>', lang = ' lang="vi"'): string =>
  `<!DOCTYPE html><html${lang}><head>${head}</head><body>${body}</body></html>`;

describe('accessibility-basic', () => {
  runRuleCases(rule, [
    {
      name: 'all five: lang vi-VN, title, alt (alt="" counts, 1×1 tracker left out), labelled inputs, hidden inputs ignored',
      artifacts: makeArtifacts({ html: page('all-five.html') }),
      expected: { status: 'pass', messageId: 'allChecksMet', data: { images: 4, imagesWithAlt: 4 } },
    },
    {
      name: 'one missing: 3 of 6 images have alt',
      artifacts: makeArtifacts({ html: page('one-missing.html') }),
      expected: { status: 'warn', messageId: 'oneCheckMissing', evidence: ['[imageAlt] 3/6 with alt', 'anh-2.jpg'] },
    },
    {
      name: 'an old table portal misses all five, each named in the evidence',
      artifacts: makeArtifacts({ html: page('several-missing.html'), unit: { website: 'http://th-hoabinh.hcm.edu.vn/' } }),
      expected: {
        status: 'fail',
        messageId: 'severalChecksMissing',
        data: { count: 5 },
        evidence: [
          '[lang] no lang attribute',
          '[title] empty <title>',
          '[imageAlt] 1/3 with alt',
          '[formLabels]',
          'name="user"',
          'dangnhap.gif',
          '[noMarquee]',
        ],
      },
    },
    {
      name: 'lang="en" and a <blink> are two misses',
      artifacts: makeArtifacts({ html: html('<p><blink>Mới!</blink> Thông báo tuyển sinh</p>', '<title>Trường</title>', ' lang="en"') }),
      expected: { status: 'fail', messageId: 'severalChecksMissing', data: { count: 2 }, evidence: ['lang="en"', 'blink'] },
    },
    {
      name: 'a missing <title> alone is a warning; an svg icon title does not count as the page title',
      artifacts: makeArtifacts({ html: html('<svg><title>Tìm kiếm</title></svg>', '<meta charset="utf-8">') }),
      expected: { status: 'warn', messageId: 'oneCheckMissing', evidence: ['[title] no <title>'] },
    },
    {
      name: 'a visible input with only a placeholder has no label',
      artifacts: makeArtifacts({ html: html('<form><input type="text" name="q" placeholder="Tìm kiếm"></form>') }),
      expected: { status: 'warn', messageId: 'oneCheckMissing', evidence: ['[formLabels]', 'name="q"'] },
    },
    {
      name: 'aria-labelledby, title and a wrapping label count; inputs in a display:none or hidden box are not visible',
      artifacts: makeArtifacts({
        html: html(
          '<span id="lq">Từ khóa</span><input name="q" aria-labelledby="lq"><input name="p" title="Số điện thoại"><div style="display: none"><input name="x"></div><div hidden><textarea></textarea></div><input type="image" src="/go.png" alt="Tìm">',
        ),
      }),
      expected: { status: 'pass', messageId: 'allChecksMet' },
    },
    {
      name: '9 of 10 images with alt is enough; trackers from width/height are left out',
      artifacts: makeArtifacts({
        html: html(
          `${'<img src="/a.jpg" alt="Ảnh">'.repeat(9)}<img src="/b.jpg"><img src="/t.gif" width="1" height="1"><img src="/t2.gif" width="0" height="0">`,
        ),
      }),
      expected: { status: 'pass', messageId: 'allChecksMet', data: { images: 10, imagesWithAlt: 9 } },
    },
  ]);
});
