// Catalogue v2 placeholders, the EMC widget and the province mail systems on the platform fixture sites
// (fixtures/sites/README.md, "Platform fixtures"), judged on the real fixture markup.
import { describe } from 'vitest';
import menuCongKhai from '../../rules/menu-cong-khai.js';
import sectionTuyenSinh from '../../rules/section-tuyen-sinh.js';
import emcLabel from '../../rules/emc-label.js';
import emcTag from '../../rules/emc-tag.js';
import officialEmail from '../../rules/official-email.js';
import { runRuleCases } from '../../src/engine/rule-tester.js';
import { platformSite } from './platform-site.js';

describe('v2 on the platform fixture sites', () => {
  describe('placeholder links (NukeViet Edu Gate icon menu)', () => {
    runRuleCases(menuCongKhai, [
      {
        name: 'the icon entry "Thông tin công khai" with href="/" is not a Công khai section: it only points back to the home page',
        artifacts: platformSite('edugate'),
        expected: { status: 'fail', messageId: 'congKhaiBroken', evidence: ['Thông tin công khai', 'https://thcs-nguyentrai.hcm.edu.vn/'] },
      },
      {
        name: 'a real Công khai entry of a Joomla mod-menu still passes',
        artifacts: platformSite('joomla'),
        expected: { status: 'pass', messageId: 'congKhaiFound', evidence: ['https://thpt-songsaigon.hcm.edu.vn/index.php/cong-khai'] },
      },
    ]);
    runRuleCases(sectionTuyenSinh, [
      {
        name: 'the icon entry "Tuyển sinh" with href="/" is not an admissions section',
        artifacts: platformSite('edugate'),
        expected: { status: 'fail', messageId: 'tuyenSinhBroken', evidence: ['Tuyển sinh'] },
      },
    ]);
  });
  describe('emc-label: the widget the EMC script draws', () => {
    runRuleCases(emcTag, [
      {
        name: 'Edu Gate: the EMC code before </body> is found (the premise of the drawn label)',
        artifacts: platformSite('edugate'),
        expected: { status: 'pass', messageId: 'emcFound' },
      },
    ]);
    runRuleCases(emcLabel, [
      {
        name: 'NukeViet Edu Gate with the EMC code only: the script draws the label, nothing hides it',
        artifacts: platformSite('edugate'),
        expected: { status: 'pass', messageId: 'drawnByScript' },
      },
      {
        name: 'VHV with the EMC code only: the script draws the label',
        artifacts: platformSite('vhv'),
        expected: { status: 'pass', messageId: 'drawnByScript' },
      },
      {
        name: "Joomla: the template's same-site user.css hides the widget, and the finding names the rule and the file",
        artifacts: platformSite('joomla'),
        expected: {
          status: 'fail',
          messageId: 'widgetHidden',
          evidence: ['/media/templates/site/cassiopeia/css/user.css', '#yhy-append, .yhy-append-wrap', 'display:none'],
        },
      },
      {
        name: "the ASP.NET portal's static label still passes",
        artifacts: platformSite('aspnet'),
        expected: { status: 'pass', messageId: 'labelFound' },
      },
    ]);
  });
  describe('official-email: province mail systems', () => {
    runRuleCases(officialEmail, [
      {
        name: 'a Hà Nội school on VHV publishing only @hanoiedu.vn passes',
        artifacts: platformSite('vhv'),
        expected: { status: 'pass', messageId: 'officialEmail', evidence: ['hanoiedu.vn'] },
      },
    ]);
  });
});
