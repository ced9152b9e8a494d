import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

// What every component's stories share: the colour scheme, the writing direction and the `--trackline-*`
// custom properties, set the same way in each story so a control does the same thing everywhere.

/**
 * The colour scheme a story shows. `system` leaves the element's `theme` attribute off, so it follows the
 * viewer's `prefers-color-scheme`, as it does on a store that sets no theme.
 */
export type StoryTheme = 'system' | 'light' | 'dark';

/**
 * The `--trackline-*` custom properties a story sets on its element. Their controls are not listed here: the
 * documented ones come from custom-elements.json, each with its default (see custom-property-controls.ts).
 */
export type CustomProperties = { [name: `--trackline-${string}`]: string | undefined };

export type FrameArgs = { theme: StoryTheme; dir: 'ltr' | 'rtl' } & CustomProperties;

export const frameArgTypes = {
  theme: { control: 'inline-radio', options: ['system', 'light', 'dark'] satisfies StoryTheme[] },
  dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
} as const;

// Light unless a story says otherwise: Storybook's canvas is white on every system, and the element should
// match the page it sits on.
export const frameArgs = { theme: 'light', dir: 'ltr' } as const satisfies Partial<FrameArgs>;

/** The value of the element's `theme` attribute: none for `system`. */
export const themeAttribute = (theme: StoryTheme) => (theme === 'system' ? nothing : theme);

/** The story's `--trackline-*` args that have a value, for the element's `style`. */
export function customProperties(args: CustomProperties): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter(
      (entry): entry is [string, string] => entry[0].startsWith('--trackline-') && Boolean(entry[1]),
    ),
  );
}

// The page behind the element, in the colours of the element's theme, so that contrast is judged (by eye and
// by axe) against what a store in that scheme would show.
const backdrops: Record<StoryTheme, Record<string, string>> = {
  light: { 'color-scheme': 'light', background: '#ffffff' },
  dark: { 'color-scheme': 'dark', background: '#0d1117' },
  system: { 'color-scheme': 'light dark', background: 'Canvas' },
};

/** Wraps a story's element in a page with the story's direction and the backdrop of its theme. */
export function frame(args: FrameArgs, content: TemplateResult, style: Record<string, string> = {}): TemplateResult {
  return html`<div dir=${args.dir} style=${styleMap({ padding: '1rem', ...backdrops[args.theme], ...style })}>
    ${content}
  </div>`;
}
