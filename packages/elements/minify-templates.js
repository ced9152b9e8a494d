// Shrinks the text of the elements' Lit templates at build time: the indentation and comments of `css`
// templates and the spaces around their punctuation, and the indentation of `html` templates. Minifiers keep
// template literals as written, and that whitespace was about a tenth of what a page downloaded for the styles
// and markup.
//
// Why our own 200 lines rather than `@lit-labs/rollup-plugin-minify-html-literals`: that plugin runs
// html-minifier and clean-css over the templates (two large dependencies for whitespace), and its HTML
// minifier removes whitespace between tags, which changes what inline content renders. This transform only
// ever shortens a run of whitespace to one that renders the same:
// - every line stays a line (a run with newlines keeps its newlines, loses its indentation), so each file's
//   source map stays right without a source-map library;
// - in `html`, a whitespace run outside a quoted attribute value becomes its newlines, or one space; quoted
//   attribute values and `<!-- -->` are left as they are. Only `white-space: pre*` would tell the difference,
//   and no element uses it (the browser test checks this);
// - in `css`, comments go; strings and escapes stay; the space next to `{ } ; : , > ( )` goes, but never the
//   space before `:` (`a :hover` is not `a:hover`) nor before `(` (`and (` is not `and(`) nor around
//   `+ - * / ~` (calc() needs its spaces).
// The browser test (src/internal/minify-templates.test.ts) checks that every stylesheet parses to the same
// rules before and after, and that the transform survives the scanner's hard cases.

/**
 * `text` (one static part of a `css` template) without comments, indentation and the spaces next to
 * punctuation. Line breaks are kept.
 * @param {string} text
 * @returns {string}
 */
export function minifyCss(text) {
  let out = '';
  let i = 0;
  // After an escape (`\` and its character) the next whitespace may be content; keep one space of it.
  let afterEscape = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      afterEscape = true;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += '\n'.repeat(lineBreaks(text.slice(i, stop)));
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const stop = endOfQuote(text, i);
      out += text.slice(i, stop);
      i = stop;
      afterEscape = false;
      continue;
    }
    if (isSpace(c)) {
      let stop = i;
      while (stop < text.length && isSpace(text[stop])) stop++;
      const breaks = lineBreaks(text.slice(i, stop));
      const before = lastSignificant(out);
      const after = text[stop];
      if (breaks > 0) out += '\n'.repeat(breaks);
      else if (afterEscape || before === undefined || after === undefined) out += ' ';
      else if (!'{};:,>('.includes(before) && !'{};,>)'.includes(after)) out += ' ';
      i = stop;
      afterEscape = false;
      continue;
    }
    out += c;
    i++;
    afterEscape = false;
  }
  return out;
}

/**
 * `text` (one static part of an `html` template) with each whitespace run outside quoted attribute values and
 * comments shortened to its newlines, or to one space. `state` carries what the previous part ended inside.
 * @param {string} text
 * @param {HtmlState} state
 * @returns {{ text: string, state: HtmlState }}
 * @typedef {'text' | 'tag' | '"' | "'" | 'comment'} HtmlState
 */
export function minifyHtml(text, state = 'text') {
  let out = '';
  let i = 0;
  let afterEscape = false;
  while (i < text.length) {
    const c = text[i];
    if (state === 'comment') {
      const end = text.indexOf('-->', i);
      const stop = end < 0 ? text.length : end + 3;
      out += text.slice(i, stop);
      i = stop;
      if (end >= 0) state = 'text';
      continue;
    }
    if (state === '"' || state === "'") {
      const end = text.indexOf(state, i);
      const stop = end < 0 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop;
      if (end >= 0) state = 'tag';
      continue;
    }
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      afterEscape = true;
      continue;
    }
    if (isSpace(c)) {
      let stop = i;
      while (stop < text.length && isSpace(text[stop])) stop++;
      const breaks = afterEscape ? 0 : lineBreaks(text.slice(i, stop));
      out += breaks > 0 ? '\n'.repeat(breaks) : ' ';
      i = stop;
      afterEscape = false;
      continue;
    }
    afterEscape = false;
    if (state === 'text' && c === '<') {
      if (text.startsWith('<!--', i)) {
        state = 'comment';
        continue;
      }
      if (/[a-zA-Z/]/.test(text[i + 1] ?? '')) state = 'tag';
    } else if (state === 'tag') {
      if (c === '>') state = 'text';
      else if (c === '"' || c === "'") state = c;
    }
    out += c;
    i++;
  }
  return { text: out, state };
}

/**
 * The `html` and `css` tagged templates of a JavaScript or TypeScript module, nested ones included: for each,
 * its tag and the [start, end) offsets of its static parts (the raw text between the backticks and `${…}`).
 * Throws on an unterminated string, comment or template, which means the scanner lost its way.
 * @param {string} code
 * @returns {Array<{ tag: 'html' | 'css', parts: Array<[number, number]> }>}
 */
export function findTemplates(code) {
  const found = [];
  let i = 0;
  const fail = (what) => {
    const line = code.slice(0, i).split('\n').length;
    throw new Error(`minify-templates: ${what} at line ${line}; the scanner lost its way, so nothing was minified.`);
  };

  function readTemplate(tag) {
    const parts = [];
    let partStart = ++i;
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        parts.push([partStart, i]);
        i++;
        if (tag) found.push({ tag, parts });
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        parts.push([partStart, i]);
        i += 2;
        readCode('}');
        partStart = i;
      } else {
        i++;
      }
    }
    fail('an unterminated template literal');
  }

  // Reads code until `closer` at depth 0 (consumed), or to the end when `closer` is null.
  function readCode(closer) {
    let depth = 0;
    // Whether a `/` here starts a regular expression (after an operator or keyword) or divides (after a value).
    let regexAllowed = true;
    while (i < code.length) {
      const c = code[i];
      if (isSpace(c)) {
        i++;
      } else if (c === '/' && code[i + 1] === '/') {
        const end = code.indexOf('\n', i);
        i = end < 0 ? code.length : end;
      } else if (c === '/' && code[i + 1] === '*') {
        const end = code.indexOf('*/', i + 2);
        if (end < 0) fail('an unterminated comment');
        i = end + 2;
      } else if (c === '"' || c === "'") {
        const end = endOfQuote(code, i);
        // A quote that a missed regular expression hid would run on past the end of its line.
        if (code[end - 1] !== c || end - 1 === i || /(^|[^\\])\n/.test(code.slice(i, end))) {
          fail('an unterminated string');
        }
        i = end;
        regexAllowed = false;
      } else if (c === '`') {
        const tag = /(?:^|[^\w$.])(html|css)$/.exec(code.slice(Math.max(0, i - 6), i))?.[1];
        readTemplate(tag);
        regexAllowed = false;
      } else if (c === '/' && regexAllowed) {
        skipRegex();
        regexAllowed = false;
      } else if (/[\w$]/.test(c)) {
        let end = i;
        while (end < code.length && /[\w$]/.test(code[end])) end++;
        regexAllowed = KEYWORDS_BEFORE_EXPRESSION.has(code.slice(i, end));
        i = end;
      } else if ('({['.includes(c)) {
        depth++;
        i++;
        regexAllowed = true;
      } else if (')}]'.includes(c)) {
        if (depth === 0) {
          if (c === closer) {
            i++;
            return;
          }
          fail(`an unmatched ${c}`);
        }
        depth--;
        i++;
        regexAllowed = c === '}';
      } else {
        i++;
        regexAllowed = true;
      }
    }
    if (closer) fail('an unterminated ${…}');
  }

  function skipRegex() {
    let inClass = false;
    for (i++; i < code.length; i++) {
      const c = code[i];
      if (c === '\\') i++;
      else if (c === '\n') fail('an unterminated regular expression');
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '/') break;
    }
    i++;
    while (i < code.length && /[a-z]/.test(code[i])) i++;
  }

  readCode(null);
  return found;
}

/**
 * `code` with the static parts of its `html` and `css` templates minified. Lines stay where they were.
 * @param {string} code
 * @returns {string}
 */
export function minifyTemplates(code) {
  const edits = [];
  for (const { tag, parts } of findTemplates(code)) {
    let state = 'text';
    for (const [start, end] of parts) {
      const text = code.slice(start, end);
      let minified;
      if (tag === 'css') minified = minifyCss(text);
      else ({ text: minified, state } = minifyHtml(text, state));
      if (minified !== text) edits.push([start, end, minified]);
    }
  }
  // Nested templates lie inside the expressions, never inside a static part: the edits do not overlap.
  edits.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}

/**
 * The rollup plugin: minifies the templates of the modules whose path `include` matches (by default the
 * elements' own sources, not their tests or stories).
 * @param {{ include?: RegExp }} [options]
 * @returns {import('rollup').Plugin}
 */
export function minifyTemplatesPlugin({ include = /[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/ } = {}) {
  return {
    name: 'trackline-minify-templates',
    transform(code, id) {
      if (!include.test(id) || /\.(test|stories)\.ts$/.test(id)) return null;
      if (!/\b(html|css)`/.test(code)) return null;
      // Every line keeps its place, so the previous source map still holds line for line (columns within a
      // shortened template line may be off by its indentation).
      return { code: minifyTemplates(code), map: null };
    },
  };
}

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return',
  'typeof',
  'case',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
  'else',
  'do',
]);

function isSpace(c) {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
}

function lineBreaks(text) {
  let count = 0;
  for (const c of text) if (c === '\n') count++;
  return count;
}

/** The offset just past the string that opens at `start` (its closing quote, or the end of `text`). */
function endOfQuote(text, start) {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}

function lastSignificant(out) {
  for (let i = out.length - 1; i >= 0; i--) if (!isSpace(out[i])) return out[i];
  return undefined;
}
