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
      artifacts: makeArtifacts({ html: page('wordpress-menu-link.html'), unit: { website: 'https://thlelo.haiphong.edu.vn/', province: ['haiphong'], type: 'tieu-hoc', parent: 'https://www.haiphong.edu.vn/' } }),
      expected: { status: 'pass', messageId: 'parentLinked' },
    },
    {
      name: 'a subdomain of the parent or a look-alike host is not the parent',
      artifacts: makeArtifacts({ html: page('no-parent-link.html'), unit: { parent: so } }),
      expected: { status: 'fail', messageId: 'noParentLink', data: { parent: so } },
    },
    {
      name: 'no parent in the registry is not applicable',
      artifacts: makeArtifacts({ html: page('footer-banner.html'), unit: { parent: null } }),
      expected: { status: 'na', messageId: 'noParent' },
    },
  ]);
});
