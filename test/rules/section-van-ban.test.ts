import { describe } from 'vitest';
import rule from '../../rules/section-van-ban.js';
import { fixturePage, runRuleCases } from '../../src/engine/rule-tester.js';
import { aspnet, crawledSite, home, html, nukeviet, phong, violet, wordpress } from './section-site.js';

const page = (name: string): string => fixturePage('section-van-ban', name);

describe('section-van-ban', () => {
  runRuleCases(rule, [
    {
      name: 'a NukeViet laws table with numbers and PDF/DOCX downloads passes',
      artifacts: nukeviet({ '/laws/': page('laws-nukeviet.html') }),
      expected: {
        status: 'pass',
        messageId: 'documentsListed',
        data: { number: '4210/GDĐT-TTTT' },
        evidence: ['4210/GDĐT-TTTT', '4210-gddt-tttt.pdf'],
      },
    },
    {
      name: 'a number with an en dash and a PDF in an embedded viewer pass',
      artifacts: phong({ '/van-ban': page('van-ban-pdf-viewer.html') }),
      expected: { status: 'pass', messageId: 'documentsListed', evidence: ['845/GDĐT–TH', 'docs.google.com/viewer'] },
    },
    {
      name: 'numbered documents without any downloadable file warn',
      artifacts: phong({ '/van-ban': page('van-ban-no-files.html') }),
      expected: { status: 'warn', messageId: 'noDocumentFile', evidence: ['1285/GDĐT-TH', 'https://pgdquan3.hcm.edu.vn/van-ban'] },
    },
    {
      name: 'PDF downloads without document numbers warn (dates and school years are not numbers)',
      artifacts: wordpress({ '/van-ban/': page('van-ban-no-numbers.html') }),
      expected: { status: 'warn', messageId: 'noDocumentNumber', evidence: ['ke-hoach-hkpd.pdf'] },
    },
    {
      name: 'a number with a year part (37/2020/TT-BGDĐT) is a document number on its own',
      artifacts: phong({
        '/van-ban': html(
          'Văn bản',
          '<table><tr><td>Thông tư 37/2020/TT-BGDĐT ngày 30/12/2020 về cổng thông tin</td><td><a href="/files/tt37.pdf">Tải về</a></td></tr></table>',
        ),
      }),
      expected: {
        status: 'pass',
        messageId: 'documentsListed',
        data: { number: '37/2020/TT-BGDĐT' },
        evidence: ['37/2020/TT-BGDĐT', 'tt37.pdf'],
      },
    },
    {
      name: 'an empty documents page warns that both are missing',
      artifacts: phong({ '/van-ban': page('van-ban-empty.html') }),
      expected: { status: 'warn', messageId: 'noNumberOrFile' },
    },
    {
      name: '"Văn bản" only in a headline is no section',
      artifacts: violet(),
      expected: { status: 'fail', messageId: 'noVanBan', evidence: ['văn bản | công văn'] },
    },
    {
      name: 'the documents page answering 404 fails',
      artifacts: nukeviet({ '/laws/': 404 }),
      expected: { status: 'fail', messageId: 'vanBanBroken', evidence: ['https://thcs-nguyendu.hcm.edu.vn/laws/'] },
    },
    {
      name: 'a "Văn bản" entry pointing to the Sở\'s document system (another site) passes without reading it',
      artifacts: crawledSite(home('portal-phong.html').replace('href="/van-ban"', 'href="https://vanban.hcm.edu.vn/pgd-quan3"'), {
        website: 'https://pgdquan3.hcm.edu.vn/',
        type: 'phong',
      }),
      expected: { status: 'pass', messageId: 'vanBanFound', evidence: ['https://vanban.hcm.edu.vn/pgd-quan3'] },
    },
    {
      name: 'an href="#" entry whose onclick posts back (WebForm_DoPostBackWithOptions) is a section whose page is unverified',
      artifacts: aspnet(),
      expected: { status: 'error', messageId: 'vanBanUnverified', evidence: ['liên kết postback'] },
    },
    {
      name: 'a documents page that timed out is an error',
      artifacts: nukeviet({ '/laws/': { reason: 'timeout' } }),
      expected: { status: 'error', messageId: 'vanBanUnverified' },
    },
  ]);
});
