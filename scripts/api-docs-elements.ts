// Renders docs/api/elements.md, the reference of `@trackline/elements`, from the package's custom-elements.json
// (which @custom-elements-manifest/analyzer builds from the elements' JSDoc and Lit properties). scripts/api-docs.ts
// calls it, so `pnpm docs:api` writes it with the other pages and the same test checks it is fresh.
//
// Like the other pages it must come out the same on every machine: elements in a fixed order, members in the
// order the manifest lists them (source order), no paths but the package's own, no dates.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

/** The documented elements, in the order the page shows them. */
const tagNames = ['order-tracker', 'tracking-progress', 'tracking-timeline', 'delay-banner'];

export const elementsNote =
  'Generated from the JSDoc comments of the elements in `packages/elements/src` (through `custom-elements.json`) ' +
  'by `pnpm docs:api`; edit the comments there, not this file.';

// The parts of the custom-elements manifest (schema 2.x) that the page reads.
interface Described {
  name: string;
  description?: string;
  summary?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  type?: { text: string };
  default?: string;
  attribute?: string;
  reflects?: boolean;
  parameters?: (Described & { type?: { text: string }; optional?: boolean })[];
  return?: { type?: { text: string } };
}
interface Declaration extends Described {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  members?: Member[];
  attributes?: (Described & { fieldName?: string; type?: { text: string }; default?: string })[];
  events?: (Described & { type?: { text: string } })[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: (Described & { default?: string; syntax?: string })[];
}
interface Manifest {
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
}

/** Reads the built manifest of `packages/elements`, or says how to build it. */
export async function readElementsManifest(root: string): Promise<Manifest> {
  const path = join(root, 'packages/elements/custom-elements.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      'packages/elements/custom-elements.json is missing, so docs/api/elements.md cannot be written: ' +
        'run pnpm --filter @trackline/elements build',
    );
  }
  return JSON.parse(text) as Manifest;
}

/** The Markdown of docs/api/elements.md, formatted with the repository's Prettier settings. */
export async function renderElementsPage(root: string): Promise<string> {
  const manifest = await readElementsManifest(root);
  const packageJson = JSON.parse(await readFile(join(root, 'packages/elements/package.json'), 'utf8')) as {
    exports: Record<string, string | { default?: string }>;
  };
  const lines = [
    '# @trackline/elements',
    '',
    elementsNote,
    '',
    'The attributes, properties, methods, events, slots, CSS parts and CSS custom properties of each element. ' +
      'A property with "—" as its default is unset (`undefined`) until you set it; a default in words says what ' +
      'the element does while it is unset. "—" in the attribute column means the property has no attribute ' +
      '(set it from script). The guide, with examples, is [elements.md](../elements.md).',
    '',
    ...tagNames.map((tag) => `- [\`<${tag}>\`](#${tag})`),
  ];
  for (const tag of tagNames) {
    const declaration = findElement(manifest, tag);
    lines.push('', `## \`<${tag}>\``, '', ...elementIntro(manifest, packageJson.exports, tag, declaration));
    lines.push(...renderElement(declaration));
  }
  const file = join(root, 'docs/api/elements.md');
  const options = await resolveConfig(file, { config: join(root, '.prettierrc.json') });
  return format(lines.join('\n') + '\n', { ...options, filepath: file, parser: 'markdown' });
}

function findElement(manifest: Manifest, tag: string): Declaration {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName === tag) return declaration;
    }
  }
  throw new Error(
    `custom-elements.json has no <${tag}>: rebuild it (pnpm --filter @trackline/elements build), or update ` +
      'the element list in scripts/api-docs-elements.ts if the element was renamed or removed.',
  );
}

/** The element's description, then where its class and its definition are imported from. */
function elementIntro(
  manifest: Manifest,
  exports: Record<string, string | { default?: string }>,
  tag: string,
  declaration: Declaration,
): string[] {
  // Paragraphs kept as written; Prettier leaves their line breaks alone.
  const description = (declaration.summary || declaration.description || '').trim();
  // The module whose `customElements.define` registers the tag, and the package subpath that publishes it.
  const defineModule = manifest.modules.find((module) =>
    module.exports?.some((entry) => entry.kind === 'custom-element-definition' && entry.name === tag),
  );
  const subpath = Object.entries(exports).find(
    ([, target]) => typeof target === 'object' && target.default === `./${defineModule?.path}`,
  )?.[0];
  const usage = subpath
    ? `Class \`${declaration.name}\` (exported from \`@trackline/elements\`); ` +
      `\`import '@trackline/elements${subpath.slice(1)}'\` defines \`<${tag}>\`.`
    : `Class \`${declaration.name}\` (exported from \`@trackline/elements\`).`;
  return [description, '', usage].filter((line, index) => index > 0 || line);
}

function renderElement(declaration: Declaration): string[] {
  const publicMembers = (declaration.members ?? []).filter(
    (member) => (member.privacy ?? 'public') === 'public' && !member.static && !member.name.startsWith('#'),
  );
  const fields = publicMembers.filter((member) => member.kind === 'field');
  const methods = publicMembers.filter((member) => member.kind === 'method');
  // An attribute whose property is not public (or not a field) still belongs in the table.
  const fieldNames = new Set(fields.map((field) => field.name));
  const attributesOnly = (declaration.attributes ?? []).filter(
    (attribute) => !attribute.fieldName || !fieldNames.has(attribute.fieldName),
  );
  return [
    ...table(
      'Attributes and properties',
      ['attribute', 'property', 'type', 'default', 'description'],
      [
        ...fields.map((field) => [
          field.attribute ? code(field.attribute) + (field.reflects ? ' (reflected)' : '') : '—',
          code(field.name),
          typeText(field.type?.text),
          defaultText(field.default),
          text(field.description),
        ]),
        ...attributesOnly.map((attribute) => [
          code(attribute.name),
          '—',
          typeText(attribute.type?.text),
          defaultText(attribute.default),
          text(attribute.description),
        ]),
      ],
    ),
    ...table(
      'Methods',
      ['method', 'description'],
      methods.map((method) => {
        const parameters = (method.parameters ?? [])
          .map((parameter) => `${parameter.name}${parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`)
          .join(', ');
        return [
          code(`${method.name}(${parameters}): ${method.return?.type?.text ?? 'void'}`),
          text(method.description),
        ];
      }),
    ),
    ...table(
      'Events',
      ['event', 'class', 'description'],
      (declaration.events ?? []).map((event) => [
        code(event.name),
        event.type ? code(event.type.text) : '—',
        text(event.description),
      ]),
    ),
    ...table(
      'Slots',
      ['slot', 'description'],
      (declaration.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', text(slot.description)]),
    ),
    ...table(
      'CSS parts',
      ['part', 'description'],
      (declaration.cssParts ?? []).map((part) => [code(part.name), text(part.description)]),
    ),
    ...table(
      'CSS custom properties',
      ['property', 'default', 'description'],
      (declaration.cssProperties ?? []).map((property) => [
        code(property.name),
        property.default === undefined ? '—' : code(property.default),
        text(property.description),
      ]),
    ),
  ];
}

/** A `###` section with a table, or nothing when there are no rows. */
function table(title: string, header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return ['', `### ${title}`, '', row(header), row(header.map(() => '---')), ...rows.map(row)];
}

/**
 * Whether a manifest `default` is a literal value (`0`, `'order'`), as the analyzer reads it from an initializer,
 * rather than words from a JSDoc `@default` tag, which say what an unset property means where that is worked out
 * at run time (`the nearest \`lang\` attribute, else \`en\``). packages/elements/custom-elements-manifest.config.js
 * tells them apart the same way.
 */
const isLiteral = (value: string) => /^(?:-?\d+(?:\.\d+)?|'[^']*'|"[^"]*"|true|false|null)$/.test(value);

/** A default column cell: a literal as code, words as written, "—" for none (unset). */
function defaultText(value: string | undefined): string {
  if (value === undefined) return '—';
  return isLiteral(value) ? code(value) : text(value);
}

/** A property's type as the reader sets it: `undefined` (unset) is said by the default column instead. */
function typeText(type: string | undefined): string {
  return type ? code(type.replace(/ \| undefined$/, '')) : '—';
}

/** Comment text on one line, safe in a table cell (GFM needs `\|` even inside code spans). */
function text(value: string | undefined): string {
  return (
    (value ?? '')
      .replace(/\s*\n\s*/g, ' ')
      .trim()
      .replace(/\|/g, '\\|') || '—'
  );
}

function code(value: string): string {
  return `\`${value.replace(/\|/g, '\\|')}\``;
}
