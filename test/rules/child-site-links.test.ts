import { describe } from 'vitest';
import rule from '../../rules/child-site-links.js';
import type { Artifacts, FetchResult } from '../../src/model/artifacts.js';
import type { Unit } from '../../src/model/unit.js';
import { fetchedPage, fixturePage, makeArtifacts, makeUnit, runRuleCases, type ArtifactOptions } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('child-site-links', name);
const pgd = 'https://pgdcuchi.hcm.edu.vn/';
const portal = { id: '78300', name: 'Phòng GDĐT huyện Củ Chi', type: 'phong' as const, website: pgd, parent: 'https://hcm.edu.vn/' };
const child = (id: string, name: string, website: string | null, parent = pgd): Unit =>
  makeUnit({ id, name, type: 'thcs', website, parent });

const children: Unit[] = [
  child('7830001', 'Trường Mầm non Hoa Sen', 'https://mn-hoasen.hcm.edu.vn/'),
  child('7830101', 'Trường Tiểu học Củ Chi', 'https://th-cuchi.hcm.edu.vn/'),
  child('7830201', 'Trường THCS Phước Hiệp', 'https://thcs-phuochiep.hcm.edu.vn/'),
  child('7830202', 'Trường THCS Tân Thông Hội', 'https://thcs-tanthonghoi.hcm.edu.vn/'),
  // No website: left out of the denominator.
  child('7830102', 'Trường Tiểu học An Nhơn Tây', null),
  // Another portal's school is not a child.
  child('7690201', 'Trường THCS Bình An', 'https://thcs-binhan.hcm.edu.vn/', 'https://pgdthuduc.hcm.edu.vn/'),
];
const units = [makeUnit(portal), ...children];

function portalArtifacts(
  html: string,
  pages: Record<string, string | FetchResult> = {},
  unit: ArtifactOptions['unit'] = portal,
): Artifacts {
  const a = makeArtifacts({ html, unit });
  for (const [url, p] of Object.entries(pages)) a.pages.set(url, typeof p === 'string' ? fetchedPage(url, p) : p);
  return a;
}
const directory = `${pgd}lien-ket-website.html`;

describe('child-site-links', () => {
  runRuleCases(rule, [
    {
      name: 'a footer "Website trường học" <select> jump menu plus a www. link in a news item: 4 of 4',
      artifacts: portalArtifacts(page('phong-select.html')),
      units,
      expected: {
        status: 'pass',
        messageId: 'allChildrenLinked',
        data: { linked: 4, total: 4 },
        evidence: ['select > option', 'www.thcs-tanthonghoi.hcm.edu.vn'],
      },
    },
    {
      name: 'links on the "Website trường học" page one hop away count; a look-alike host does not: 2 of 4 is a warning',
      artifacts: portalArtifacts(page('phong-directory-link.html'), { [directory]: page('link-directory.html') }),
      units,
      expected: {
        status: 'warn',
        messageId: 'someChildrenMissing',
        data: { linked: 2, total: 4, percent: 50 },
        evidence: ['missing: 7830201 Trường THCS Phước Hiệp — https://thcs-phuochiep.hcm.edu.vn/', 'missing: 7830202', directory],
      },
    },
    {
      name: '2 of 6 children linked is a failure',
      artifacts: portalArtifacts(page('phong-directory-link.html'), { [directory]: page('link-directory.html') }),
      units: [
        ...units,
        child('7830203', 'Trường THCS Phú Hòa Đông', 'https://thcs-phuhoadong.hcm.edu.vn/'),
        child('7830204', 'Trường THCS Trung An', 'https://thcs-trungan.hcm.edu.vn/'),
      ],
      expected: { status: 'fail', messageId: 'mostChildrenMissing', data: { linked: 2, total: 6, percent: 33 } },
    },
    {
      name: 'the directory page timed out: not verified, never a silent fail',
      artifacts: portalArtifacts(page('phong-directory-link.html'), {
        [directory]: { ok: false, url: directory, reason: 'timeout', detail: 'headers timeout', redirects: [] },
      }),
      units,
      expected: { status: 'error', messageId: 'directoryUnverified', data: { url: directory } },
    },
    {
      name: 'a portal with no children in the registry is not applicable',
      artifacts: portalArtifacts(page('phong-select.html')),
      units: [makeUnit(portal)],
      expected: { status: 'na', messageId: 'noChildren' },
    },
    {
      name: 'a portal whose children have no website is not applicable',
      artifacts: portalArtifacts(page('phong-select.html')),
      units: [makeUnit(portal), child('7830102', 'Trường Tiểu học An Nhơn Tây', null)],
      expected: { status: 'na', messageId: 'noChildWebsites', data: { children: 1 } },
    },
    {
      name: 'a school is not applicable',
      artifacts: makeArtifacts({ html: page('phong-select.html') }),
      units,
      expected: { status: 'na', messageId: 'notApplicable' },
    },
    {
      name: 'a child hosted under a path of the portal host needs a link to that path, not any page of the host',
      artifacts: portalArtifacts(
        '<html><body><nav><a href="https://hcm.edu.vn/tin-tuc/">Tin tức</a><a href="https://hcm.edu.vn/gdtx-q1/gioi-thieu">TT GDTX Quận 1</a></nav></body></html>',
        {},
        { id: '79000', name: 'Sở GDĐT TP.HCM', type: 'so', website: 'https://hcm.edu.vn/' },
      ),
      units: [
        makeUnit({ id: '79000', name: 'Sở GDĐT TP.HCM', type: 'so', website: 'https://hcm.edu.vn/' }),
        makeUnit({
          id: '79000901',
          name: 'TT GDTX Quận 1',
          type: 'gdtx',
          website: 'https://hcm.edu.vn/gdtx-q1/',
          parent: 'https://hcm.edu.vn/',
        }),
        makeUnit({
          id: '79000902',
          name: 'TT GDTX Quận 3',
          type: 'gdtx',
          website: 'https://hcm.edu.vn/gdtx-q3/',
          parent: 'https://hcm.edu.vn/',
        }),
      ],
      expected: { status: 'warn', messageId: 'someChildrenMissing', data: { linked: 1, total: 2 }, evidence: ['missing: 79000902'] },
    },
  ]);
});
