// Every colour, font, radius, spacing and size of the elements is a documented `--trackline-*` custom property:
// what each element's styles read is what its custom-elements.json entry and its section of docs/elements.md list,
// and no colour or font is written into the styles except as a custom property's default.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');
const src = 'packages/elements/src/';

/** The shared sheet every element adopts: private `--_name`s read from public tokens. */
const tokens = read(`${src}internal/tokens.styles.ts`);
/** Each element's own sheets (the tracker adopts the look-up's once it has an endpoint). */
const sheets: Record<string, string[]> = {
  'tracking-progress': ['tracking-progress/tracking-progress.styles.ts'],
  'tracking-timeline': ['tracking-timeline/tracking-timeline.styles.ts'],
  'delay-banner': ['delay-banner/delay-banner.styles.ts'],
  'order-tracker': ['order-tracker/order-tracker.styles.ts', 'order-tracker/lookup.styles.ts'],
};

const names = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!);

/** The public properties an element's styles read, directly or through a shared private token. */
function propertiesRead(tag: string): Set<string> {
  const own = sheets[tag]!.map((file) => read(src + file)).join('\n');
  const fromToken = new Map(
    [...tokens.matchAll(/(--_[\w-]+)\s*:\s*var\((--trackline-[\w-]+)/g)].map((m) => [m[1]!, m[2]!]),
  );
  const viaTokens = names(own, /var\((--_[\w-]+)/g).flatMap((name) => fromToken.get(name) ?? []);
  return new Set([...names(own, /var\((--trackline-[\w-]+)/g), ...viaTokens]);
}

/** A stylesheet's text with every `var(--trackline-…, default)` taken out, defaults and all. */
function withoutPublicProperties(css: string): string {
  let out = '';
  let at = 0;
  for (let start = css.indexOf('var(--trackline-'); start !== -1; start = css.indexOf('var(--trackline-', at)) {
    out += css.slice(at, start);
    let depth = 0;
    let end = start;
    for (; end < css.length; end++) {
      if (css[end] === '(') depth++;
      if (css[end] === ')' && --depth === 0) break;
    }
    at = end + 1;
  }
  return out + css.slice(at);
}

const manifest = JSON.parse(read('packages/elements/custom-elements.json')) as {
  modules: { declarations?: { tagName?: string; cssProperties?: { name: string; default?: string }[] }[] }[];
};
function manifestProperties(tag: string) {
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  assert.ok(declaration, `custom-elements.json has <${tag}> (run \`pnpm build\` first)`);
  return new Map((declaration.cssProperties ?? []).map((p) => [p.name, p.default]));
}

const docs = read('docs/elements.md');
const section = (text: string, heading: string) => {
  const start = text.indexOf(`${heading}\n`);
  assert.ok(start !== -1, `docs/elements.md has the heading ${heading}`);
  const level = heading.split(' ')[0]!;
  const next = text.slice(start + heading.length).search(new RegExp(`\\n#{1,${level.length}} `));
  return next === -1 ? text.slice(start) : text.slice(start, start + heading.length + next);
};
/** The rows of a markdown table's first column that name a custom property, with their second column. */
const rows = (text: string) =>
  new Map([...text.matchAll(/^\| `(--trackline-[\w-]+)`\s*\|\s*`([^`]*)`/gm)].map((m) => [m[1]!, m[2]!] as const));
const theming = rows(section(docs, '## Theming'));
/** Every property an element's "Custom properties" section names, `--trackline-color-*` meaning Theming's colours. */
function documented(tag: string) {
  const text = section(section(docs, `## \`<${tag}>\``), '### Custom properties');
  const named = new Set(names(text, /`(--trackline-[\w-]+)`/g));
  if (text.includes('`--trackline-color-*`')) {
    for (const name of theming.keys()) if (name.startsWith('--trackline-color-')) named.add(name);
  }
  return { named, rows: rows(text) };
}

describe('the custom properties of each element', () => {
  for (const tag of Object.keys(sheets)) {
    describe(`<${tag}>`, () => {
      const used = propertiesRead(tag);

      it('are listed in custom-elements.json exactly as its styles read them', () => {
        assert.deepEqual([...manifestProperties(tag).keys()].sort(), [...used].sort());
      });

      it('are each documented in its section of docs/elements.md, and the section lists none it does not read', () => {
        const { named, rows: table } = documented(tag);
        assert.deepEqual(
          [...used].filter((name) => !named.has(name)),
          [],
          'read by the styles, not documented',
        );
        assert.deepEqual(
          [...table.keys()].filter((name) => !used.has(name)),
          [],
          'documented, not read by the styles',
        );
      });

      it('have the same light default in the docs as in custom-elements.json', () => {
        const defaults = manifestProperties(tag);
        for (const [name, light] of documented(tag).rows) assert.equal(light, defaults.get(name), name);
      });

      it('leave no colour or font written into the styles outside a property default', () => {
        for (const file of sheets[tag]!) {
          const rest = withoutPublicProperties(read(src + file));
          assert.deepEqual(rest.match(/#[\da-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi), null, file);
          const fonts = names(rest, /font-family:([^;]*);/g)
            .map((value) => value.trim())
            .filter((value) => value !== '' && !value.startsWith('var(--_'));
          assert.deepEqual(fonts, [], file);
        }
      });
    });
  }

  it('leave the shared tokens reading only documented Theming properties', () => {
    const shared = new Set(names(tokens, /var\((--trackline-[\w-]+)/g));
    assert.deepEqual(
      [...shared].filter((name) => !theming.has(name)),
      [],
    );
    assert.equal(withoutPublicProperties(tokens).match(/#[\da-f]{3,8}\b/gi), null);
  });
});
