import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';

// The arg tables (attributes, properties, events, slots, parts, custom properties) come from the manifest the
// elements' build generates; before a first build there is none, and the tables show only the stories' args.
const manifests = import.meta.glob<{ default: object }>('../packages/elements/custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest.default);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
