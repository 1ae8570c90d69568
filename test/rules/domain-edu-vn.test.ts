import { describe } from 'vitest';
import rule from '../../rules/domain-edu-vn.js';
import { fixturePage, makeArtifacts, runRuleCases, type ArtifactOptions } from '../../src/engine/rule-tester.js';

const html = fixturePage('domain-edu-vn', 'home.html');
const at = (website: string, unit: ArtifactOptions['unit'] = {}) => makeArtifacts({ html, unit: { website, ...unit } });

describe('domain-edu-vn', () => {
  runRuleCases(rule, [
    {
      name: '<school>.<province>.edu.vn passes',
      artifacts: at('https://thcs-nguyendu.hcm.edu.vn/'),
      expected: { status: 'pass', messageId: 'eduVnProvince', data: { province: 'hcm' } },
    },
    {
      name: '<school><province>.edu.vn passes',
      artifacts: at('https://www.thcsnguyenduhcm.edu.vn/'),
      expected: { status: 'pass', messageId: 'eduVnProvince', data: { host: 'thcsnguyenduhcm.edu.vn' } },
    },
    {
      name: 'a merged province keeps its old code (haiphong|haiduong)',
      artifacts: at('https://thcs-leloi.haiduong.edu.vn/', { province: ['haiphong', 'haiduong'] }),
      expected: { status: 'pass', messageId: 'eduVnProvince', data: { province: 'haiduong' } },
    },
    {
      name: 'a deeper school host under the province passes',
      artifacts: at('https://thcs-a.anduong.haiphong.edu.vn/', { province: ['haiphong'] }),
      expected: { status: 'pass', messageId: 'eduVnProvince' },
    },
    {
      name: '.edu.vn without the province warns',
      artifacts: at('https://thcsnguyendu.edu.vn/'),
      expected: { status: 'warn', messageId: 'noProvince', data: { provinces: 'hcm' } },
    },
    {
      name: 'province code alone as the label (no school part) warns',
      artifacts: at('https://hcm.edu.vn/thcs-nguyendu/'),
      expected: { status: 'warn', messageId: 'sharedPortalHost' },
    },
    {
      name: 'the province code must be a suffix of a label, not inside it',
      artifacts: at('https://hcmthcsnguyendu.edu.vn/'),
      expected: { status: 'warn', messageId: 'noProvince' },
    },
    {
      name: 'a school on violet.vn fails',
      artifacts: at('http://thcs-nguyendu.violet.vn/'),
      expected: { status: 'fail', messageId: 'notEduVn', data: { host: 'thcs-nguyendu.violet.vn' } },
    },
    { name: 'a .com domain fails', artifacts: at('https://thcsnguyendu.com/'), expected: { status: 'fail', messageId: 'notEduVn' } },
    {
      name: 'a look-alike ending in edu.vn.com fails',
      artifacts: at('https://thcsnguyendu.hcm.edu.vn.com/'),
      expected: { status: 'fail', messageId: 'notEduVn' },
    },
    {
      name: 'a Sở portal on .edu.vn passes without a province form',
      artifacts: at('https://haiphong.edu.vn/', { type: 'so', province: ['haiphong'] }),
      expected: { status: 'pass', messageId: 'eduVn' },
    },
    {
      name: 'a school without a registry province passes on .edu.vn',
      artifacts: at('https://thcsnguyendu.edu.vn/', { province: [] }),
      expected: { status: 'pass', messageId: 'eduVn' },
    },
    {
      name: 'the final host after redirects is judged, not the registry host',
      artifacts: makeArtifacts({
        html,
        unit: { website: 'https://thcsnguyendu.com/' },
        finalUrl: 'https://thcs-nguyendu.hcm.edu.vn/',
        redirects: [{ url: 'https://thcsnguyendu.com/', status: 301, location: 'https://thcs-nguyendu.hcm.edu.vn/' }],
      }),
      expected: { status: 'pass', messageId: 'eduVnProvince' },
    },
    {
      name: 'an unreachable site is judged on the registry host',
      artifacts: makeArtifacts({ unit: { website: 'http://thcs-nguyendu.violet.vn/' }, failure: { reason: 'timeout', detail: 'timeout' } }),
      expected: { status: 'fail', messageId: 'notEduVn' },
    },
    {
      name: 'no website is not applicable',
      artifacts: makeArtifacts({ unit: { website: null } }),
      expected: { status: 'na', messageId: 'noWebsite' },
    },
  ]);
});
