import { describe, expect, it } from 'vitest';
import rule, { decodeCfEmail, emailsIn } from '../../rules/official-email.js';
import type { Artifacts, FetchResult } from '../../src/model/artifacts.js';
import { fetchedPage, fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('official-email', name);
const site = 'https://th-kimdong.hcm.edu.vn/';

function withPages(html: string, pages: Record<string, string | FetchResult>): Artifacts {
  const a = makeArtifacts({ html, unit: { website: site, type: 'tieu-hoc' } });
  for (const [url, p] of Object.entries(pages)) a.pages.set(url, typeof p === 'string' ? fetchedPage(url, p) : p);
  return a;
}

/** Cloudflare's email protection encoding: a key byte, then every character XOR the key. */
const cfEncode = (email: string, key = 0x5a): string =>
  [key, ...[...email].map((c) => c.charCodeAt(0) ^ key)].map((b) => b.toString(16).padStart(2, '0')).join('');

const intro =
  '<html lang="vi"><body><div id="menu"><a href="/">Trang chủ</a></div><div id="content"><h1>Giới thiệu</h1><ul><li><a href="/gioi-thieu/ban-giam-hieu.html">Ban giám hiệu</a></li></ul></div></body></html>';
const bgh =
  '<html lang="vi"><body><div id="content"><p>Hiệu trưởng: Cô Hoàng Thị Thanh Thủy - ĐT: 0903 123 456 - Email: htthuy.kimdong@hcm.edu.vn</p></div></body></html>';

const hanoiHome =
  '<html lang="vi"><body><div id="content"><h1>Trường THCS Dịch Vọng</h1></div><footer>Điện thoại: 024 3754 1234 · Email: <a href="mailto:c2dichvong@hanoiedu.vn">c2dichvong@hanoiedu.vn</a> · <a href="mailto:thcsdichvong@gmail.com">thcsdichvong@gmail.com</a></footer></body></html>';

describe('official-email', () => {
  runRuleCases(rule, [
    {
      name: 'an address on Hà Nội’s school mail system hanoiedu.vn is official (province mail systems in config)',
      artifacts: makeArtifacts({ html: hanoiHome, unit: { website: 'https://thcsdichvong.hanoi.edu.vn/', province: ['hanoi'] } }),
      expected: { status: 'pass', messageId: 'officialEmail', data: { address: 'c2dichvong@hanoiedu.vn' } },
    },
    {
      name: 'hanoiedu.vn is official whatever the unit’s own province',
      artifacts: makeArtifacts({ html: hanoiHome }),
      expected: { status: 'pass', messageId: 'officialEmail', data: { address: 'c2dichvong@hanoiedu.vn' } },
    },
    {
      name: '--config can add a province mail system; without it the address is not official',
      artifacts: makeArtifacts({ html: hanoiHome.replaceAll('hanoiedu.vn', 'mail.quangtri-edu.vn') }),
      config: { provinceMailDomains: ['hanoiedu.vn', 'quangtri-edu.vn'] },
      expected: { status: 'pass', messageId: 'officialEmail', data: { address: 'c2dichvong@mail.quangtri-edu.vn' } },
    },
    {
      name: 'a look-alike of a province mail system is not official',
      artifacts: makeArtifacts({ html: hanoiHome.replaceAll('hanoiedu.vn', 'hanoiedu.vn.example.com') }),
      expected: { status: 'fail', messageId: 'noOfficialEmail' },
    },
    {
      name: 'the contact page (Liên hệ menu) lists the official address; gmail next to it does not matter',
      artifacts: withPages(page('home-no-email.html'), { [`${site}lien-he.html`]: page('contact-official.html') }),
      expected: {
        status: 'pass',
        messageId: 'officialEmail',
        data: { address: 'th-kimdong@hcm.edu.vn' },
        evidence: [`${site}lien-he.html`, 'td'],
      },
    },
    {
      name: 'a leader address on a sub-page of the introduction (one hop) counts',
      artifacts: withPages(page('home-no-email.html'), {
        [`${site}gioi-thieu.html`]: intro,
        [`${site}gioi-thieu/ban-giam-hieu.html`]: bgh,
        [`${site}lien-he.html`]: fetchedPage(`${site}lien-he.html`, 'Not Found', { status: 404 }),
      }),
      expected: { status: 'pass', messageId: 'officialEmail', data: { address: 'htthuy.kimdong@hcm.edu.vn' } },
    },
    {
      name: 'only gmail (text) and yahoo (mailto with ?subject) fail as free mail',
      artifacts: makeArtifacts({ html: page('only-gmail.html'), unit: { website: 'https://thcs-tanphu.violet.vn/' } }),
      expected: { status: 'fail', messageId: 'onlyFreeMail', data: { addresses: 'admin.tanphu@yahoo.com, thcstanphu.td@gmail.com' } },
    },
    {
      name: 'obfuscated "mn-hoamai[at]hcm.edu.vn" is found next to "(at) gmail.com"',
      artifacts: makeArtifacts({ html: page('obfuscated.html') }),
      expected: {
        status: 'pass',
        messageId: 'officialEmail',
        data: { address: 'mn-hoamai@hcm.edu.vn' },
        evidence: ['footer#footer > p:nth-of-type(2)'],
      },
    },
    {
      name: 'a Cloudflare-protected address is decoded',
      artifacts: makeArtifacts({
        html: `<html><body><footer><a href="/cdn-cgi/l/email-protection#${cfEncode('vanthu@haiphong.gov.vn')}"><span class="__cf_email__" data-cfemail="${cfEncode('vanthu@haiphong.gov.vn')}">[email&#160;protected]</span></a></footer></body></html>`,
      }),
      expected: { status: 'pass', messageId: 'officialEmail', data: { address: 'vanthu@haiphong.gov.vn' } },
    },
    {
      name: 'gmail beside an address on another domain is no official address, but not only free mail either',
      artifacts: makeArtifacts({
        html: '<html lang="vi"><body><footer><p>Email: thcs.kimdong@gmail.com - lienhe@thptleloi.com.vn</p></footer></body></html>',
      }),
      expected: { status: 'fail', messageId: 'noOfficialEmail', data: { addresses: 'thcs.kimdong@gmail.com, lienhe@thptleloi.com.vn' } },
    },
    {
      name: "an address on the school's own .com.vn domain is not official",
      artifacts: makeArtifacts({ html: page('other-domain.html') }),
      expected: { status: 'fail', messageId: 'noOfficialEmail', data: { addresses: 'lienhe@thptleloi.com.vn' } },
    },
    {
      name: 'no address anywhere (an image named hoi-thi@2x.png is not one; the contact page answers 404)',
      artifacts: withPages(page('home-no-email.html'), {
        [`${site}lien-he.html`]: fetchedPage(`${site}lien-he.html`, 'Not Found', { status: 404 }),
      }),
      expected: { status: 'fail', messageId: 'noEmail', data: { pages: 1 } },
    },
    {
      name: 'the contact page timed out and the home page has no official address: not verified',
      artifacts: withPages(page('home-no-email.html'), {
        [`${site}lien-he.html`]: { ok: false, url: `${site}lien-he.html`, reason: 'timeout', detail: 'headers timeout', redirects: [] },
      }),
      expected: { status: 'error', messageId: 'contactUnverified', evidence: [`${site}lien-he.html`] },
    },
  ]);

  it('extracts addresses from text and undoes obfuscation', () => {
    expect(emailsIn('Email: abc (at) hcm.edu.vn; logo@2x.png')).toEqual(['abc@hcm.edu.vn']);
    expect(emailsIn('vanthu[at]quangtri[dot]gov[dot]vn.')).toEqual(['vanthu@quangtri.gov.vn']);
    // each bracket kind undoes a mark, with or without an @ written plainly elsewhere
    expect(emailsIn('a{at}b.edu.vn (08) 3822')).toEqual(['a@b.edu.vn']);
    expect(emailsIn('x@hcm(dot)edu(dot)vn')).toEqual(['x@hcm.edu.vn']);
    expect(emailsIn('c@d.gov.vn, Điện thoại 0283822')).toEqual(['c@d.gov.vn']);
    expect(emailsIn('Không có thư (chưa cập nhật) [sắp có]')).toEqual([]);
    expect(decodeCfEmail(cfEncode('a@b.edu.vn'))).toBe('a@b.edu.vn');
    expect(decodeCfEmail('zz')).toBeUndefined();
  });
});
