import { describe, expect, it } from 'vitest';
import { cssHiders, inWidget, scriptHiders, widgetElements } from '../../src/engine/emc-widget.js';
import { parseHtml } from '../../src/collect/parse.js';
import { tagged } from '../../src/page/dom-index.js';

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

describe('widget elements', () => {
  it('are elements with a widget id or class token, and what they hold; a class merely containing the name is not one', () => {
    const $ = parseHtml(
      '<html><body><div class="footer yhy-append-wrap"><a id="btnEMC" href="#"><img src="/a.png"></a></div>' +
        '<div class="yhy-append-wrapper"><img src="/b.png"></div><p id="yhy-append-old"><img src="/c.png"></p></body></html>',
    );
    const imgs = tagged($, 'img');
    expect(imgs.map((img) => inWidget(img, W))).toEqual([true, false, false]);
    expect(widgetElements($, W).map((el) => el.attribs.id ?? el.attribs.class)).toEqual(['footer yhy-append-wrap', 'btnEMC']);
  });
});
