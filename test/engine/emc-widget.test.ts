import { describe, expect, it } from 'vitest';
import { cssHiders, scriptHiders } from '../../src/engine/emc-widget.js';

const W = ['#yhy-append', '.yhy-append-wrap', '#btnEMC'];

describe('cssHiders', () => {
  it('finds display:none / visibility:hidden rules whose selector ends on a widget element', () => {
    const css =
      '/* footer */ .footer #yhy-append { margin: 0; display : none !important } .x{color:red}\n@media (min-width: 1px) { .yhy-append-wrap{visibility:hidden} }';
    expect(cssHiders(css, W)).toEqual([
      { selector: '.footer #yhy-append', declaration: 'display:none' },
      { selector: '.yhy-append-wrap', declaration: 'visibility:hidden' },
    ]);
  });

  it('ignores rules on something inside the widget, on look-alike names, and rules that do not hide', () => {
    expect(
      cssHiders(
        '#yhy-append img { display:none } #yhy-append-old{display:none} #btnEMC{display:block} .yhy-append-wrapper{display:none}',
        W,
      ),
    ).toEqual([]);
  });
});

describe('scriptHiders', () => {
  it('finds statements that hide or remove a widget element, ignoring comments', () => {
    const js = [
      "document.getElementById('yhy-append').style.display = 'none';",
      "$('#btnEMC').remove();",
      "var w = document.querySelector('.yhy-append-wrap'); w.parentNode.removeChild(w);",
      "// $('#yhy-append').hide();",
    ].join('\n');
    const found = scriptHiders(js, W);
    expect(found).toHaveLength(3);
    expect(found[0]).toContain("style.display = 'none'");
    expect(found.join('\n')).toContain('removeChild');
  });

  it('a script that only reads or shows the widget hides nothing', () => {
    expect(scriptHiders("var b = document.getElementById('btnEMC'); b.title = 'EMC'; $('#yhy-append').show();", W)).toEqual([]);
  });
});
