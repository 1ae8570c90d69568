// Catalogue v2 emc-label and official-email on the rule fixture pages taken from the platform sites
// (fixtures/pages/emc-label/*, fixtures/pages/official-email/vhv-hanoiedu.html; docs/platforms.md).
import { describe } from 'vitest';
import emcLabel from '../../rules/emc-label.js';
import officialEmail from '../../rules/official-email.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';
import type { Artifacts } from '../../src/model/artifacts.js';

const nguyenTrai = { website: 'https://thcs-nguyentrai.hcm.edu.vn/' };
const rendered = (a: Artifacts): Artifacts => Object.assign(a, { rendered: { why: 'always' } });

describe('emc-label on the platform pages', () => {
  runRuleCases(emcLabel, [
    {
      name: 'Edu Gate: only the EMC code, nothing hides the widget → pass, the EMC script draws the label',
      artifacts: makeArtifacts({ html: fixturePage('emc-label', 'edugate-script-drawn.html'), unit: nguyenTrai }),
      expected: { status: 'pass', messageId: 'drawnByScript', data: { siteId: '30131' } },
    },
    {
      name: 'Edu Gate after the EMC script ran (rendered DOM): the visible widget passes by widget',
      artifacts: rendered(makeArtifacts({ html: fixturePage('emc-label', 'widget-drawn-rendered.html'), unit: nguyenTrai })),
      expected: { status: 'pass', messageId: 'widgetShown', evidence: ['#yhy-append', 'Đã kết nối EMC'] },
    },
    {
      name: 'Joomla: a <style> rule hiding .yhy-append-wrap fails, naming the rule',
      artifacts: makeArtifacts({
        html: fixturePage('emc-label', 'joomla-widget-hidden-style.html'),
        unit: { website: 'https://thpt-songsaigon.hcm.edu.vn/', type: 'thpt' },
      }),
      expected: {
        status: 'fail',
        messageId: 'widgetHidden',
        data: { hider: '.yhy-append-wrap { display:none }' },
        evidence: ['<style> .yhy-append-wrap'],
      },
    },
  ]);
});

describe('official-email on the VHV page of a Hà Nội school', () => {
  runRuleCases(officialEmail, [
    {
      name: 'only @hanoiedu.vn addresses: official (the city’s school mail system)',
      artifacts: makeArtifacts({
        html: fixturePage('official-email', 'vhv-hanoiedu.html'),
        unit: { website: 'https://thcs-hoasua.edu.vn/', province: ['hanoi'] },
      }),
      expected: { status: 'pass', messageId: 'officialEmail', data: { address: 'ntlan.c2hoasua@hanoiedu.vn' } },
    },
  ]);
});
