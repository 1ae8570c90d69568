import { describe } from 'vitest';
import rule from '../../rules/emc-label.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('emc-label', name);
const wpUnit = { website: 'https://thlelo.haiphong.edu.vn/', province: ['haiphong'], type: 'tieu-hoc' as const };

describe('emc-label', () => {
  runRuleCases(rule, [
    {
      name: 'a badge linking to emc.gov.vn passes by link host (next to a Tín nhiệm mạng badge)',
      artifacts: makeArtifacts({ html: page('label-link-host.html') }),
      expected: { status: 'pass', messageId: 'labelFound', data: { matcher: 'host', value: 'https://emc.gov.vn/' }, evidence: ['footer#footer'] },
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
      name: 'Tín nhiệm mạng and DMCA badges are not the EMC label',
      artifacts: makeArtifacts({ html: page('tinnhiemmang-only.html') }),
      expected: { status: 'fail', messageId: 'onlyOtherBadges', data: { badges: 'tinnhiemmang.vn, dmca.com' } },
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
