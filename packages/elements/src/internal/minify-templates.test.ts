// The build's template minifier (packages/elements/minify-templates.js). The tests run the sources, which are
// not minified, so this file is where a minification that changes a rule or the markup would show.
import { expect } from '@open-wc/testing';
import { findTemplates, minifyCss, minifyHtml, minifyTemplates } from '../../minify-templates.js';
import { styles as banner } from '../delay-banner/delay-banner.styles.js';
import { lookupStyles as lookup } from '../order-tracker/lookup.styles.js';
import { styles as tracker } from '../order-tracker/order-tracker.styles.js';
import { styles as progress } from '../tracking-progress/tracking-progress.styles.js';
import { styles as timeline } from '../tracking-timeline/tracking-timeline.styles.js';
import { tokens } from './tokens.styles.js';

const sheets = { tokens, banner, tracker, lookup, progress, timeline };

/**
 * A stylesheet as the browser parsed it: each rule's selector or condition as the browser writes it, and each
 * declaration's value. Custom properties and values with `var()` keep their tokens as written until used, so
 * those are compared with the whitespace next to punctuation taken out; every other value is the browser's own
 * serialization.
 */
function parsed(cssText: string): unknown[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  const describe = (rules: CSSRuleList): unknown[] =>
    [...rules].map((rule) => {
      if (rule instanceof CSSStyleRule) {
        const declarations = [...rule.style].map((name) => {
          const value = rule.style.getPropertyValue(name);
          return [
            name,
            name.startsWith('--') || value.includes('var(') ? value.trim().replace(/\s*([,()])\s*/g, '$1') : value,
            rule.style.getPropertyPriority(name),
          ];
        });
        return { selector: rule.selectorText, declarations, nested: describe(rule.cssRules) };
      }
      if (rule instanceof CSSMediaRule) return { media: rule.conditionText, rules: describe(rule.cssRules) };
      if (rule instanceof CSSSupportsRule) return { supports: rule.conditionText, rules: describe(rule.cssRules) };
      return { other: rule.cssText };
    });
  return describe(sheet.cssRules);
}

describe('the build’s template minifier', () => {
  it('leaves every element’s stylesheet with the same rules, selectors, media queries and values', () => {
    for (const [name, sheet] of Object.entries(sheets)) {
      const minified = minifyCss(sheet.cssText);
      expect(minified.length, `${name} got no shorter`).to.be.below(sheet.cssText.length);
      expect(parsed(minified), name).to.deep.equal(parsed(sheet.cssText));
      expect(parsed(sheet.cssText).length, `${name} parsed to nothing`).to.be.above(0);
    }
  });

  it('relies on no element keeping whitespace as written (white-space: pre would show the html changes)', () => {
    for (const [name, sheet] of Object.entries(sheets)) {
      expect(sheet.cssText, name).not.to.match(/white-space\s*:\s*(pre|break-spaces)/);
    }
  });

  it('keeps the CSS whitespace that means something', () => {
    expect(minifyCss('a :hover { color: red }')).to.equal('a :hover{color:red}');
    expect(minifyCss('@media (min-width: 30rem) and (forced-colors: active) {}')).to.equal(
      '@media (min-width:30rem) and (forced-colors:active){}',
    );
    expect(minifyCss('width: calc(100% - 2 * var(--_space));')).to.equal('width:calc(100% - 2 * var(--_space));');
    expect(minifyCss("content: '  a , b  ' ;")).to.equal("content:'  a , b  ';");
    expect(minifyCss('a /* note: { } */ > b {}')).to.equal('a >b{}');
    expect(minifyCss('\\31 a {}'), 'the space ending an escape').to.equal('\\31 a{}');
  });

  it('keeps every CSS line break, so the source map stays right', () => {
    const css = '\n  .a {\n    /* one\n       two */\n    color: red;\n  }\n';
    expect(minifyCss(css)).to.equal('\n.a{\n\n\ncolor:red;\n}\n');
  });

  it('shortens markup whitespace to its line breaks or one space, outside attribute values and comments', () => {
    const { text, state } = minifyHtml(
      '<div part="base"\n      class="a   b">\n      <p>one   two</p>\n      <!--  kept   -->\n      <span title=\'x  y\'>',
    );
    expect(text).to.equal('<div part="base"\nclass="a   b">\n<p>one two</p>\n<!--  kept   -->\n<span title=\'x  y\'>');
    expect(state).to.equal('text');
  });

  it('carries the markup state across an expression', () => {
    const first = minifyHtml('<input title="a  ');
    expect(first.state).to.equal('"');
    expect(minifyHtml('  b"   id=x>  c', first.state).text).to.equal('  b" id=x> c');
  });

  it('renders the same DOM from the shortened markup, whitespace runs aside', () => {
    const markup = `<div part="base" class="base">
        <div part="header"><slot name="header"></slot></div>
        <p class="muted">  Last updated   <time>today</time> </p>
        <button part="copy-button"
          class="button"
          type="button"
          aria-label="Copy  tracking number"
        >Copy</button>
      </div>`;
    const dom = (html: string) => {
      const template = document.createElement('template');
      template.innerHTML = html;
      const walk = (node: Node): unknown =>
        node.nodeType === Node.TEXT_NODE
          ? (node.textContent ?? '').replace(/\s+/g, ' ')
          : {
              name: node.nodeName,
              attributes: node instanceof Element ? [...node.attributes].map((a) => [a.name, a.value]) : [],
              children: [...node.childNodes].map(walk),
            };
      return walk(template.content);
    };
    expect(dom(minifyHtml(markup).text)).to.deep.equal(dom(markup));
  });

  it('finds html and css templates, nested ones too, past regular expressions, strings and comments', () => {
    const code = [
      'const quote = /[\'`"]/g; // a ` in a comment',
      'const ratio = width / 2 / height;',
      "const text = 'html`not a template`';",
      'type Key = `status.${string}`;',
      'const view = html`<p>${items.map((item) => html`<b>${item}</b>`)}</p>`;',
      'const sheet = css`a { color: red; }`;',
      'const plain = `  not   touched  `;',
    ].join('\n');
    const found = findTemplates(code).map(({ tag, parts }) => [tag, parts.map(([s, e]) => code.slice(s, e))]);
    expect(found).to.deep.equal([
      ['html', ['<b>', '</b>']],
      ['html', ['<p>', '</p>']],
      ['css', ['a { color: red; }']],
    ]);
    expect(minifyTemplates(code)).to.include('const plain = `  not   touched  `;');
    expect(minifyTemplates(code)).to.include('css`a{color:red;}`');
  });

  it('stops with the line where it lost its way rather than minify the wrong text', () => {
    expect(() => findTemplates('const a = 1;\nconst b = html`<p>${x</p>`;')).to.throw(/line 2/);
    expect(() => findTemplates("const a = 'open\nconst b = html`<p></p>`;")).to.throw(/unterminated string/);
  });
});
