import type { ArgTypes } from '@storybook/web-components-vite';

// Storybook lists the `@cssproperty` entries of custom-elements.json in each component's arg table, but with no
// control: the manifest gives them no type it knows. .storybook/preview.ts runs this over every story's arg
// types, so every documented custom property of every component can be tried from its stories, and a property
// documented tomorrow gets its control without anyone listing it in a story. The stories' render sets every
// `--trackline-*` arg on the element (stories/frame.ts).

/** The category Storybook's web-components framework files the manifest's custom properties under. */
export const customPropertyCategory = 'css custom properties';

// A documented default such as `#1f5fbf` or `rgb(0 0 0)`: that property takes a colour.
const colour = /^(?:#[\da-f]{3,8}|(?:rgb|hsl|hwb|lab|lch|oklab|oklch)a?\(.*\))$/i;

/** Gives each documented custom property without a control a colour picker (when its default is a colour) or a text field. */
export function customPropertyControls({ argTypes }: { argTypes: ArgTypes }): ArgTypes {
  return Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      if (argType.table?.category !== customPropertyCategory || argType.control !== undefined) return [name, argType];
      const fallback = String(argType.table?.defaultValue?.summary ?? '').trim();
      return [
        name,
        { ...argType, type: { name: 'string' }, control: { type: colour.test(fallback) ? 'color' : 'text' } },
      ];
    }),
  );
}
