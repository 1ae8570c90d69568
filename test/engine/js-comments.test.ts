// splitJsComments finds the comments a JavaScript engine would (acorn's tokenizer): `//` and `/*` inside strings,
// template literals and regular expressions are code, so they never hide an EMC snippet; real comments still do.
import { describe, expect, it } from 'vitest';
import { splitJsComments } from '../../src/engine/emc.js';

const SNIPPET = "_govaq.push(['setSiteId', '40001']);";
const live = (js: string): boolean => splitJsComments(js).code.includes("'setSiteId'");

describe('splitJsComments', () => {
  it('keeps a URL string whole and removes the comment after it', () => {
    const { code, comments } = splitJsComments("var u = 'https://f-emc.ngsp.gov.vn/tracking'; // tracker\nx();");
    expect(code).toBe("var u = 'https://f-emc.ngsp.gov.vn/tracking'; \nx();");
    expect(comments).toEqual([' tracker']);
  });

  it('a /* inside a regular expression opens no comment', () => {
    expect(live(`var base = location.href.replace(/\\/*$/, ''); ${SNIPPET} /* end */`)).toBe(true);
  });

  it('a quote inside a regular expression opens no string, so the comment after it is still one', () => {
    const js = `var q = /'/g; var r = 1; // ${SNIPPET}`;
    expect(live(js)).toBe(false);
    expect(splitJsComments(js).comments.join('')).toContain('setSiteId');
  });

  it('a // inside a nested template literal is no comment', () => {
    expect(live(`var p = \`\${\`//\`}\`; ${SNIPPET}`)).toBe(true);
    expect(live(`var p = \`https://\${host}/x\`; ${SNIPPET}`)).toBe(true);
  });

  it('a snippet in a real comment stays a comment, line or block', () => {
    expect(live(`// ${SNIPPET}\nvar a = 1;`)).toBe(false);
    expect(live(`/* ${SNIPPET} */ var a = 1;`)).toBe(false);
    expect(splitJsComments(`/*a*/x/*b*/`)).toEqual({ code: ' x ', comments: ['a', 'b'] });
  });

  it('does not throw on broken script: comments before the error stay comments, the rest is scanned simply', () => {
    const broken = `/* ${SNIPPET} */ var x = @@@; ${SNIPPET.replace('40001', '40002')} // tail`;
    const { code, comments } = splitJsComments(broken);
    expect(code).not.toContain('40001');
    expect(code).toContain('40002');
    expect(comments).toEqual([` ${SNIPPET} `, ' tail']);
    expect(() => splitJsComments("var s = 'never closed; // ")).not.toThrow();
    expect(() => splitJsComments('<p>markup pasted in a script</p> // x')).not.toThrow();
  });
});
