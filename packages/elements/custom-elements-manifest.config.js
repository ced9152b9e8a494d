// `custom-elements.json`, generated from the elements' JSDoc (`@summary`, `@slot`, `@csspart`, `@cssproperty`,
// `@fires`) and Lit properties by @custom-elements-manifest/analyzer. It reads the TypeScript sources and
// points every path at the published `dist/*.js` file, which is what editors, Storybook and users load.
const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

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
