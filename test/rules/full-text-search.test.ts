import { describe } from 'vitest';
import rule from '../../rules/full-text-search.js';
import { fixturePage, makeArtifacts, runRuleCases } from '../../src/engine/rule-tester.js';

const page = (name: string): string => fixturePage('full-text-search', name);
const wrap = (body: string): string =>
  `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trường</title></head><body>${body}</body></html>`;

describe('full-text-search', () => {
  runRuleCases(rule, [
    {
      name: 'NukeViet header search: an input whose button carries data-url="/seek/?q=" passes without a form',
      artifacts: makeArtifacts({ html: page('nukeviet-header.html') }),
      expected: { status: 'pass', messageId: 'searchInput', evidence: ['div#header', 'data-url="/seek/?q="'] },
    },
    {
      name: 'the WordPress search widget (form role=search, input type=search) passes',
      artifacts: makeArtifacts({ html: page('wordpress-form.html') }),
      expected: { status: 'pass', messageId: 'searchForm', evidence: ['section#search-2 > form', 'role="search"'] },
    },
    {
      name: 'a menu entry "Tìm kiếm" to a search page passes',
      artifacts: makeArtifacts({ html: page('menu-link.html') }),
      expected: { status: 'pass', messageId: 'searchLink', data: { text: 'Tìm kiếm' }, evidence: ['div#mainmenu'] },
    },
    {
      name: 'a Violet-style form with one text input and a submit button passes',
      artifacts: makeArtifacts({
        html: wrap(
          '<div class="module"><form action="/search" method="get"><input type="text" name="q"> <input type="submit" value="Tìm"></form></div>',
        ),
      }),
      expected: { status: 'pass', messageId: 'searchForm' },
    },
    {
      name: 'a login form, a feedback form, "tìm kiếm" in an article and a footer link are not a site search',
      artifacts: makeArtifacts({ html: page('login-only.html') }),
      expected: { status: 'fail', messageId: 'noSearch' },
    },
    {
      name: 'a box without a form, whose button and input say nothing of search, is not a site search',
      artifacts: makeArtifacts({ html: wrap('<div class="box"><input type="text" id="txtName"><button type="button">OK</button></div>') }),
      expected: { status: 'fail', messageId: 'noSearch' },
    },
    {
      name: 'a hidden input with a search name is not a search box',
      artifacts: makeArtifacts({
        html: wrap('<div><input type="hidden" name="q" value=""><button data-url="/seek/?q=">Go</button></div>'),
      }),
      expected: { status: 'fail', messageId: 'noSearch' },
    },
    {
      name: 'configured search paths are honoured (/tra-cuu-thong-tin)',
      artifacts: makeArtifacts({ html: wrap('<nav><a href="/tra-cuu-thong-tin">Tra cứu thông tin</a></nav>') }),
      config: { siteSearch: { keywords: ['tìm kiếm'], paths: ['/tra-cuu-thong-tin'] } },
      expected: { status: 'pass', messageId: 'searchLink' },
    },
  ]);
});
