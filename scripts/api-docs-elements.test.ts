import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readElementsManifest, renderElementsPage } from './api-docs-elements.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The row of `property` in the attributes table of `<tag>`'s section, split into its cells. */
function row(page: string, tag: string, property: string): string[] {
  const section = page.split(/^## /m).find((part) => part.startsWith(`\`<${tag}>\``));
  assert.ok(section, `the page has a section for <${tag}>`);
  const line = section.split('\n').find((candidate) => candidate.split('|')[2]?.trim() === `\`${property}\``);
  assert.ok(line, `<${tag}>'s table has a row for ${property}`);
  return line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe("the elements reference's default column", () => {
  let scratch: string;
  before(async () => {
    // A package with one element whose properties cover each kind of default, beside the real Prettier settings.
    scratch = await mkdtemp(join(tmpdir(), 'trackline-elements-docs-'));
    await mkdir(join(scratch, 'packages/elements'), { recursive: true });
    await copyFile(join(root, '.prettierrc.json'), join(scratch, '.prettierrc.json'));
    const field = (name: string, extra: object) => ({ kind: 'field', name, description: `The ${name}.`, ...extra });
    const manifest = {
      schemaVersion: '2.1.0',
      modules: ['order-tracker', 'tracking-progress', 'tracking-timeline', 'delay-banner'].map((tag) => ({
        kind: 'javascript-module',
        path: `dist/${tag}/${tag}.js`,
        declarations: [
          {
            kind: 'class',
            name: 'Example',
            customElement: true,
            tagName: tag,
            members: [
              field('count', { type: { text: 'number' }, default: '5', attribute: 'count' }),
              field('mode', { type: { text: "'a' | 'b'" }, default: "'a'", attribute: 'mode' }),
              field('locale', {
                type: { text: 'string | undefined' },
                default: 'the nearest `lang` attribute, else `en`',
                attribute: 'locale',
              }),
              field('label', { type: { text: 'string | undefined' }, attribute: 'label' }),
            ],
          },
        ],
      })),
    };
    await writeFile(join(scratch, 'packages/elements/custom-elements.json'), JSON.stringify(manifest));
    await writeFile(join(scratch, 'packages/elements/package.json'), JSON.stringify({ exports: {} }));
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  it('shows a literal default as code, a default in words as written, and "—" for none', async () => {
    const page = await renderElementsPage(scratch);
    assert.equal(row(page, 'order-tracker', 'count')[3], '`5`');
    assert.equal(row(page, 'order-tracker', 'mode')[3], "`'a'`");
    assert.equal(row(page, 'order-tracker', 'locale')[3], 'the nearest `lang` attribute, else `en`');
    assert.equal(row(page, 'order-tracker', 'label')[3], '—');
  });
});

describe('the defaults in custom-elements.json', () => {
  // Built by `pnpm --filter @trackline/elements build` (scripts/test-all.js runs after `pnpm build`).
  let manifest: Awaited<ReturnType<typeof readElementsManifest>>;
  before(async () => {
    manifest = await readElementsManifest(root);
  });
  const elements = () =>
    manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);

  it('say in words what locale, theme, messages and now mean when they are not set', () => {
    for (const element of elements()) {
      for (const member of element.members ?? []) {
        if (!['locale', 'theme', 'now', 'messages'].includes(member.name)) continue;
        assert.ok(member.default, `<${element.tagName}>'s ${member.name} has a default`);
        assert.doesNotMatch(member.default, /^(?:undefined|null)$/, `<${element.tagName}>'s ${member.name}`);
      }
    }
    const tracker = elements().find((element) => element.tagName === 'order-tracker')!;
    const locale = tracker.members?.find((member) => member.name === 'locale');
    assert.match(locale?.default ?? '', /nearest `lang`.*`en`/);
  });

  it("give an attribute only the value its property starts with, never words or a constant's name", async () => {
    const source = await readFile(join(root, 'packages/elements/custom-elements.json'), 'utf8');
    assert.doesNotMatch(source, /DEFAULT_[A-Z_]+/);
    for (const element of elements()) {
      for (const attribute of element.attributes ?? []) {
        if (attribute.default === undefined) continue;
        const field = element.members?.find((member) => member.name === attribute.fieldName);
        assert.equal(attribute.default, field?.default, `<${element.tagName}>'s ${attribute.name}`);
        assert.match(attribute.default, /^(?:-?\d+(?:\.\d+)?|'[^']*'|true|false)$/, `<${element.tagName}>`);
      }
    }
    const timeline = elements().find((element) => element.tagName === 'tracking-timeline')!;
    const collapsed = timeline.attributes?.find((attribute) => attribute.name === 'collapsed-count');
    assert.equal(collapsed?.default, '5');
  });
});
