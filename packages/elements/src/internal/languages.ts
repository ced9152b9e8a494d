import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DescribeLocale } from '@trackline/core';
import { pickLocale, type PickedLocale } from './intl-locale.js';

type Translated = Exclude<DescribeLocale, 'en'>;

/**
 * One piece of copy in every language the elements speak: English is built in, and Spanish, French and German
 * are each loaded with `import()` the first time a page asks for them, so a page downloads only its own
 * language. One catalog is shared by every instance of an element, so a language loads once per page.
 */
export class Catalog<T> {
  /** The languages loaded so far, English from the start (also read by the core's `createDescriber`). */
  readonly loaded: Partial<Record<DescribeLocale, T>>;
  readonly #english: T;
  readonly #loaders: Readonly<Record<Translated, () => Promise<T>>>;
  readonly #loading = new Map<Translated, Promise<void>>();

  constructor(english: T, loaders: Readonly<Record<Translated, () => Promise<T>>>) {
    this.loaded = { en: english };
    this.#english = english;
    this.#loaders = loaders;
  }

  /** A language's copy, or English while it is not loaded (`LanguageController.use` says which to ask for). */
  get(language: DescribeLocale): T {
    return this.loaded[language] ?? this.#english;
  }

  /** Loads a language's copy unless it is here already. Never rejects: a load that fails is tried again next time. */
  load(language: DescribeLocale): Promise<void> {
    if (language === 'en' || this.loaded[language]) return Promise.resolve();
    let loading = this.#loading.get(language);
    if (!loading) {
      loading = this.#loaders[language]().then(
        (copy) => {
          this.loaded[language] = copy;
          this.#loading.delete(language);
        },
        () => {
          // Offline, or the file is gone after a deploy: the page keeps its English copy.
          this.#loading.delete(language);
        },
      );
      this.#loading.set(language, loading);
    }
    return loading;
  }
}

/**
 * Chooses the language an element renders in: the one its `locale` (or the page's `lang`) asks for once every
 * catalog it uses has that language, English until then. It starts the loads and updates the host when they
 * are done; `settled()` lets `updateComplete` wait for them.
 */
export class LanguageController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #catalogs: readonly Catalog<unknown>[];
  #pending: { language: DescribeLocale; done: Promise<void> } | null = null;

  constructor(host: ReactiveControllerHost & Element, catalogs: readonly Catalog<unknown>[]) {
    this.#host = host;
    this.#catalogs = catalogs;
    host.addController(this);
  }

  hostConnected(): void {}

  /** `requested` as `pickLocale` reads it, or English (and English dates) while its copy is still loading. */
  use(requested: string | undefined): PickedLocale {
    const wanted = pickLocale(this.#host, requested);
    if (this.#catalogs.every((catalog) => catalog.loaded[wanted.language])) return wanted;
    if (this.#pending?.language !== wanted.language) {
      const { language } = wanted;
      const done = Promise.all(this.#catalogs.map((catalog) => catalog.load(language))).then(() => {
        if (this.#pending?.done === done) this.#pending = null;
        // After a failed load the host keeps English until something else updates it (and tries again).
        if (this.#catalogs.every((catalog) => catalog.loaded[language])) this.#host.requestUpdate();
      });
      this.#pending = { language, done };
    }
    return { language: 'en', tag: 'en' };
  }

  /** Resolves once no language is loading for this host. */
  async settled(): Promise<void> {
    while (this.#pending) await this.#pending.done;
  }
}
