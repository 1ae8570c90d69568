import { describe } from 'vitest';
import rule from '../../rules/parent-portal-link.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('parent-portal-link', name);
const so = 'http://www.hcm.edu.vn/';

describe('parent-portal-link', () => {
  runRuleCases(rule, [
    {
      name: 'a footer image banner to https://hcm.edu.vn matches parent http://www.hcm.edu.vn',
      artifacts: makeArtifacts({ html: page('footer-banner.html'), unit: { parent: so } }),
      expected: { status: 'pass', messageId: 'parentLinked', evidence: ['footer#footer', 'https://hcm.edu.vn/'] },
    },
    {
      name: 'an option of the "Liên kết website" drop-down counts',
      artifacts: makeArtifacts({ html: page('select-option.html'), unit: { parent: 'https://hcm.edu.vn' } }),
      expected: { status: 'pass', messageId: 'parentLinked', data: { text: 'Sở Giáo dục và Đào tạo TP.HCM' } },
    },
    {
      name: 'a WordPress footer link http://haiphong.edu.vn matches parent https://www.haiphong.edu.vn/',
      artifacts: makeArtifacts({
        html: page('wordpress-menu-link.html'),
        unit: {
          website: 'https://thlelo.haiphong.edu.vn/',
          province: ['haiphong'],
          type: 'tieu-hoc',
          parent: 'https://www.haiphong.edu.vn/',
        },
      }),
      expected: { status: 'pass', messageId: 'parentLinked' },
    },
    {
      name: 'a subdomain of the parent or a look-alike host is not the parent',
      artifacts: makeArtifacts({ html: page('no-parent-link.html'), unit: { parent: so } }),
      expected: { status: 'fail', messageId: 'noParentLink', data: { parent: so } },
    },
    {
      name: 'a banner written href="www.haiphong.edu.vn" (no scheme) opens a page of the school: warn',
      artifacts: makeArtifacts({
        html: page('link-without-scheme.html'),
        unit: { website: 'https://thlelo.haiphong.edu.vn/', province: ['haiphong'], type: 'tieu-hoc', parent: 'https://haiphong.edu.vn/' },
      }),
      expected: {
        status: 'warn',
        messageId: 'parentLinkNoScheme',
        data: { href: 'www.haiphong.edu.vn', opens: 'https://thlelo.haiphong.edu.vn/www.haiphong.edu.vn' },
        evidence: ['href="www.haiphong.edu.vn"', 'Sở Giáo dục và Đào tạo Hải Phòng'],
      },
    },
    {
      name: 'a working link to the parent passes even beside one without a scheme',
      artifacts: makeArtifacts({
        html: page('link-without-scheme.html').replace(
          '<p>Liên kết:</p>',
          '<p>Liên kết: <a href="https://www.haiphong.edu.vn/">Sở GDĐT</a></p>',
        ),
        unit: { website: 'https://thlelo.haiphong.edu.vn/', parent: 'https://haiphong.edu.vn/' },
      }),
      expected: { status: 'pass', messageId: 'parentLinked', data: { text: 'Sở GDĐT' } },
    },
    {
      name: 'a scheme-less link to another host (a look-alike) is no parent link',
      artifacts: makeArtifacts({
        html: page('link-without-scheme.html').replace('href="www.haiphong.edu.vn"', 'href="/lien-ket"'),
        unit: { website: 'https://thlelo.haiphong.edu.vn/', parent: 'https://haiphong.edu.vn/' },
      }),
      expected: { status: 'fail', messageId: 'noParentLink' },
    },
    {
      name: "a school under a folder of its parent portal's host: its own menu links on that host are not the parent",
      artifacts: makeArtifacts({
        html: '<html lang="vi"><body><nav><a href="/thcs-a/">Trang chủ</a> <a href="/thcs-a/gioi-thieu/">Giới thiệu</a> <a href="https://haiphong.edu.vn/thcs-a/tin-tuc/">Tin tức</a></nav></body></html>',
        unit: { website: 'https://haiphong.edu.vn/thcs-a/', parent: 'https://haiphong.edu.vn/' },
      }),
      expected: { status: 'fail', messageId: 'noParentLink' },
    },
    {
      name: "a school under a folder of its parent portal's host links the portal's home page",
      artifacts: makeArtifacts({
        html: '<html lang="vi"><body><nav><a href="/thcs-a/">Trang chủ</a></nav><footer><a href="https://haiphong.edu.vn/">Sở GDĐT Hải Phòng</a></footer></body></html>',
        unit: { website: 'https://haiphong.edu.vn/thcs-a/', parent: 'https://haiphong.edu.vn/' },
      }),
      expected: { status: 'pass', messageId: 'parentLinked', data: { text: 'Sở GDĐT Hải Phòng' } },
    },
    {
      name: 'no parent in the registry is not applicable',
      artifacts: makeArtifacts({ html: page('footer-banner.html'), unit: { parent: null } }),
      expected: { status: 'na', messageId: 'noParent' },
    },
  ]);
});
