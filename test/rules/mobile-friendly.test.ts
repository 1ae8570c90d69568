import { describe } from 'vitest';
import rule from '../../rules/mobile-friendly.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('mobile-friendly', name);

describe('mobile-friendly', () => {
  runRuleCases(rule, [
    {
      name: 'NukeViet responsive theme passes',
      artifacts: makeArtifacts({ html: page('responsive-nukeviet.html') }),
      expected: { status: 'pass', messageId: 'viewportOk', evidence: ['width=device-width'] },
    },
    {
      name: 'upper-case attribute and spaces around = still pass',
      artifacts: makeArtifacts({
        html: page('viewport-spaced-uppercase.html'),
        unit: { website: 'https://thlelo.haiphong.edu.vn/', province: ['haiphong'] },
      }),
      expected: { status: 'pass', messageId: 'viewportOk' },
    },
    {
      name: 'old table-layout portal without viewport fails',
      artifacts: makeArtifacts({
        html: page('table-layout-no-viewport.html'),
        unit: { website: 'http://pgdvinhlinh.quangtri.edu.vn/', type: 'phong', province: ['quangtri'] },
      }),
      expected: { status: 'fail', messageId: 'noViewport' },
    },
    {
      name: 'a fixed-width viewport fails',
      artifacts: makeArtifacts({ html: page('viewport-fixed-width.html') }),
      expected: { status: 'fail', messageId: 'noDeviceWidth', data: { content: 'width=1024' } },
    },
    {
      name: 'an unreachable home page is an error, not a fail',
      artifacts: makeArtifacts({ failure: { reason: 'timeout', detail: 'timeout' } }),
      expected: { status: 'error', messageId: 'missingArtifact' },
    },
  ]);
});
