import type { Plugin } from 'rollup';

export type HtmlState = 'text' | 'tag' | '"' | "'" | 'comment';

/** One static part of a `css` template without comments, indentation and the spaces next to punctuation. */
export function minifyCss(text: string): string;
/** One static part of an `html` template with its whitespace runs shortened; `state` carries over between parts. */
export function minifyHtml(text: string, state?: HtmlState): { text: string; state: HtmlState };
/** The `html` and `css` tagged templates of a module and the offsets of their static parts. */
export function findTemplates(code: string): Array<{ tag: 'html' | 'css'; parts: Array<[number, number]> }>;
/** `code` with its `html` and `css` templates minified; every line stays where it was. */
export function minifyTemplates(code: string): string;
/** The rollup plugin that minifies the templates of the elements' sources. */
export function minifyTemplatesPlugin(options?: { include?: RegExp }): Plugin;
