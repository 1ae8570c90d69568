// Pages nested absurdly deep (issue 12): every rule judges them without "Maximum call stack size exceeded", the
// parse stays linear, and the tree helpers walk trees of any depth without recursion.
import { describe, expect, it } from 'vitest';
import type { AnyNode, Element } from 'domhandler';
import { RULES } from '../../rules/index.js';
import { MAX_TREE_DEPTH, capTreeDepth } from '../../src/collect/parse.js';
import { MAX_NESTING, limitNesting, nextToken } from '../../src/collect/nesting.js';
import { makeArtifacts, makeContext } from '../../src/engine/rule-tester.js';
import { judgeUnit } from '../../src/engine/runner.js';
import { descendants, domIndex, hasDescendant, textContent, walkTree } from '../../src/page/dom-index.js';
import { pageText } from '../../src/engine/page-text.js';
import { hiddenRoots } from '../../src/engine/visibility.js';
import { contentText } from '../../src/engine/dated-items.js';

/** A school page whose article sits inside `depth` nested <div>s (menus, footer and EMC code at normal depth). */
function schoolPage(depth: number): string {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Trường THCS Nguyễn Du</title><style>.an { display:none }</style>
<script>var _govaq = window._govaq || []; _govaq.push(['setSiteId', '1234']); var s = "<div><div>";</script></head><body>
<header><nav id="menu"><ul><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức</a></li>
<li><a href="/cong-khai">Công khai</a></li></ul></nav></header><main>
${'<div class="khung">'.repeat(depth)}<p>Ngày 02/11/2026: Lễ khai giảng năm học 2026-2027.</p><span class="an">nhà cái uy tín</span><em>Tin <b>mới</b></em>
<p>Liên hệ <a href="mailto:c2nguyendu@hcm.edu.vn">c2nguyendu@hcm.edu.vn</a></p>${'</div>'.repeat(depth)}
</main><footer><a href="https://hcm.edu.vn/">Sở GDĐT</a><form action="/tim-kiem"><input type="search" name="q" aria-label="Tìm kiếm"></form></footer></body></html>`;
}

const maxDepth = (root: AnyNode): number => {
  let depth = 0;
  let max = 0;
  walkTree(
    root,
    () => void (max = Math.max(max, ++depth)),
    () => void depth--,
  );
  return max;
};

describe('a page nested 100,000 <div>s deep', () => {
  const deep = makeArtifacts({ html: schoolPage(100_000) });

  it('is parsed into a tree no deeper than the limit, its text kept in order', () => {
    const $ = deep.home!.doc;
    expect(maxDepth($.root().get(0) as AnyNode)).toBeLessThanOrEqual(MAX_TREE_DEPTH + 3); // the root, a text-only element past the limit, its text
    const text = pageText($).text;
    expect(text).toContain('Lễ khai giảng');
    expect(text.indexOf('Lễ khai giảng')).toBeLessThan(text.indexOf('c2nguyendu@hcm.edu.vn'));
    expect($('a[href^="mailto:"]').text()).toBe('c2nguyendu@hcm.edu.vn'); // an element holding only text keeps its tags
    // bounded in the markup, before htmlparser2 (whose open-element stack is quadratic) saw 100,000 open elements
    expect($('em')).toHaveLength(0);
    expect($('b').text()).toBe('mới');
  });

  it('is judged by every rule without a crash, as the same page nested 20 deep', () => {
    const ctx = makeContext();
    const crashes: string[] = [];
    const judged = judgeUnit(deep, RULES, ctx, 'en', (rule, error) => crashes.push(`${rule}: ${String(error)}`));
    expect(crashes).toEqual([]);
    expect(judged.findings.filter((f) => f.messageId === 'ruleCrashed')).toEqual([]);
    const shallow = judgeUnit(makeArtifacts({ html: schoolPage(20) }), RULES, ctx, 'en');
    const verdicts = (j: typeof judged): Record<string, string> => Object.fromEntries(j.findings.map((f) => [f.rule, f.status]));
    expect(verdicts(judged)).toEqual(verdicts(shallow));
    expect(verdicts(judged)['official-email']).toBe('pass');
    expect(verdicts(judged)['emc-tag']).not.toBe('error');
  }, 60_000);
});

describe('limitNesting', () => {
  it('returns an ordinary page unchanged, the very same string', () => {
    const html = schoolPage(30) + '<p>'.repeat(2000); // unclosed <p>s close each other: not nesting
    expect(limitNesting(html)).toBe(html);
  });

  it('unwraps the elements past the limit and their end tags, keeping every word', () => {
    const html = `<body>${'<div>'.repeat(MAX_NESTING + 50)}<b>một</b><i>hai <u>ba</u></i>${'</div>'.repeat(MAX_NESTING + 50)}<p>bốn</p></body>`;
    const out = limitNesting(html);
    expect(out.match(/<div>/g)).toHaveLength(MAX_NESTING - 1); // <body> is the first open element
    expect(out.match(/<\/div>/g)).toHaveLength(MAX_NESTING - 1);
    expect(out).toContain('<b>một</b>hai <u>ba</u>');
    expect(out.replace(/<[^>]*>/g, '')).toBe(html.replace(/<[^>]*>/g, ''));
  });

  it('does not count tags inside scripts, comments or attribute values', () => {
    const inScript = `<script>${'document.write("<div>");'.repeat(MAX_NESTING * 2)}</script><!-- ${'<div>'.repeat(MAX_NESTING * 2)} --><a title="<div>">x</a>`;
    expect(limitNesting(inScript)).toBe(inScript);
  });
});

/** A chain of `depth` <div>s built by hand (no parse, no cap), with a hidden <span> and a text at the bottom. */
function chain(depth: number): { root: Element; leaf: Element } {
  const make = (name: string, parent: Element | null, attribs: Record<string, string> = {}): Element => {
    const el = { type: 'tag', name, attribs, children: [], parent, prev: null, next: null } as unknown as Element;
    if (parent) parent.children.push(el);
    return el;
  };
  const root = make('body', null);
  let at = root;
  for (let i = 0; i < depth; i++) at = make('div', at);
  const leaf = make('span', at, { style: 'display:none' });
  leaf.children.push({ type: 'text', data: 'đáy', parent: leaf, prev: null, next: null } as unknown as Element);
  return { root, leaf };
}

describe('tree helpers on a 100,000-deep tree (no recursion)', () => {
  const { root, leaf } = chain(100_000);

  it('walk, collect, search and read text', () => {
    expect(descendants(root, (e) => e.name === 'span')).toEqual([leaf]);
    expect(descendants(root, (e) => e.name === 'div')).toHaveLength(100_000);
    expect(hasDescendant(root, (e) => e.name === 'span')).toBe(true);
    expect(textContent(root)).toBe('đáy');
    expect(maxDepth(root)).toBe(100_003);
  });

  it('build the page index, the page text, the hidden roots and the content text', () => {
    const doc = { type: 'root', name: 'root', children: [root], parent: null } as unknown as Element;
    root.parent = doc;
    const $ = Object.assign(() => ({ get: () => undefined, toArray: () => [] }), { root: () => ({ get: () => doc }) }) as never;
    expect(domIndex($).bodyElements).toHaveLength(100_001);
    expect(pageText($).text.trim()).toBe('đáy');
    expect(hiddenRoots($, { classes: new Map(), ids: new Map() }).map((h) => h.el)).toEqual([leaf]);
    expect(contentText($, []).text).toContain('đáy');
  });

  it('are bounded by capTreeDepth for the libraries that recurse', () => {
    const { root: r } = chain(5_000);
    capTreeDepth(r, 100);
    expect(maxDepth(r)).toBeLessThanOrEqual(103);
    expect(textContent(r)).toBe('đáy');
  });
});

describe('nextToken', () => {
  // The grammar it reads by hand, as the scan matched it before: the same tokens, or the shortcut is wrong.
  const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:"[^"]*"|'[^']*'|[^'">])*>/g;
  const byRegex = (html: string): string[] => {
    const out: string[] = [];
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html))
      out.push(`${m.index}-${m.index + m[0].length}:${m[2] === undefined ? '!' : `${m[1] ? '/' : ''}${m[2].toLowerCase()}`}`);
    return out;
  };
  const byHand = (html: string): string[] => {
    const out: string[] = [];
    for (let t = nextToken(html, 0); t; t = nextToken(html, t.end))
      out.push(`${t.start}-${t.end}:${t.name === undefined ? '!' : `${t.close ? '/' : ''}${t.name}`}`);
    return out;
  };
  const PIECES = [
    '<',
    '>',
    '/',
    '"',
    "'",
    '!--',
    '--',
    '-->',
    'a',
    'DiV',
    'b2',
    ':',
    '-',
    ' ',
    '=',
    'ạ',
    '\n',
    'x="y>z"',
    "t='<p>'",
    '<br/>',
    '</P>',
  ];

  it('finds the tags and comments the regex finds, where it finds them', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let k = 0; k < 3000; k++) {
      let html = '';
      for (let i = rnd(40); i > 0; i--) html += PIECES[rnd(PIECES.length)];
      expect(byHand(html), html).toEqual(byRegex(html));
    }
    const page = schoolPage(40);
    expect(byHand(page)).toEqual(byRegex(page));
  });
});
