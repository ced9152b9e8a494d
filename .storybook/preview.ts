import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { customPropertyControls } from '../packages/elements/src/stories/custom-property-controls.js';

// The arg tables (attributes, properties, events, slots, parts, custom properties) come from the manifest the
// elements' build generates; before a first build there is none, and the tables show only the stories' args.
// Each documented custom property gets its control from there too (customPropertyControls).
const manifests = import.meta.glob<{ default: object }>('../packages/elements/custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest.default);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
  argTypesEnhancers: [customPropertyControls],
};

export default preview;
