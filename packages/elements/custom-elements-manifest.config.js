// `custom-elements.json`, generated from the elements' JSDoc (`@summary`, `@slot`, `@csspart`, `@cssproperty`,
// `@fires`) and Lit properties by @custom-elements-manifest/analyzer. It reads the TypeScript sources and
// points every path at the published `dist/*.js` file, which is what editors, Storybook and users load.
const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/**
 * Whether a manifest `default` is a literal value (`0`, `'order'`, `false`), as the analyzer reads it from an
 * initializer, rather than words from a JSDoc `@default` tag (`the nearest \`lang\` attribute, else \`en\``), which
 * say what a property left unset means where that is worked out at run time. scripts/api-docs-elements.ts tells
 * them apart the same way, to show a literal as code and words as written.
 */
const isLiteral = (value) => /^(?:-?\d+(?:\.\d+)?|'[^']*'|"[^"]*"|true|false|null)$/.test(value);

const eventClasses = {
  'trackline-loaded': 'TracklineLoadedEvent',
  'trackline-error': 'TracklineErrorEvent',
  'trackline-status-change': 'TracklineStatusChangeEvent',
};

function distPaths() {
  return {
    name: 'trackline-dist-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.path = toDist(module.path);
        for (const entry of module.exports ?? []) {
          if (entry.declaration?.module) entry.declaration.module = toDist(entry.declaration.module);
        }
        for (const declaration of module.declarations ?? []) {
          // The analyzer also lists each `dispatchEvent(new XEvent())` as a nameless event; the `@fires`
          // tags name them, so the class moves onto the named entry.
          if (declaration.events) {
            const named = declaration.events.filter((event) => event.name);
            for (const event of named) event.type ??= { text: eventClasses[event.name] ?? 'Event' };
            declaration.events = named;
          }
          // An attribute's `default` is the value its property starts with, as the schema asks: the analyzer copies
          // a `@default` tag's words onto it, and leaves a constant's name (`DEFAULT_COLLAPSED_COUNT`) where the
          // property's own default has been resolved to its value.
          // The elements declare their Lit properties in `static properties`, where the analyzer takes a private
          // `{ state: true }` entry for an attribute too; internal state has none.
          const internal = new Set(
            declaration.members?.filter((member) => member.privacy === 'private').map((member) => member.name),
          );
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter((attribute) => !internal.has(attribute.fieldName));
          }
          for (const member of declaration.members ?? []) if (internal.has(member.name)) delete member.attribute;
          for (const attribute of declaration.attributes ?? []) {
            const field = declaration.members?.find((member) => member.name === attribute.fieldName);
            if (!field) continue;
            if (field.default !== undefined && isLiteral(field.default)) attribute.default = field.default;
            else delete attribute.default;
            if (field.type) attribute.type ??= field.type;
          }
          if (declaration.superclass?.module) declaration.superclass.module = toDist(declaration.superclass.module);
          for (const member of declaration.members ?? []) {
            if (member.inheritedFrom?.module) member.inheritedFrom.module = toDist(member.inheritedFrom.module);
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/stories/**', 'src/internal/**', 'src/cdn.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [distPaths()],
};
