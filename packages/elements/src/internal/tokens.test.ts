import { expect, fixture, html } from '@open-wc/testing';
import { sampleShipment } from '../stories/shipments.js';
import '@trackline/elements/delay-banner';
import '@trackline/elements/order-tracker';
import { styles as banner } from '../delay-banner/delay-banner.styles.js';
import { lookupStyles } from '../order-tracker/lookup.styles.js';
import { styles as ownTracker } from '../order-tracker/order-tracker.styles.js';
import { styles as progress } from '../tracking-progress/tracking-progress.styles.js';
import { styles as timeline } from '../tracking-timeline/tracking-timeline.styles.js';
import { emulateColorScheme } from './test-commands.js';
import { tokens } from './tokens.styles.js';

const defined = (css: string) => new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!));
const used = (css: string) => new Set([...css.matchAll(/var\((--_[\w-]+)/g)].map((m) => m[1]!));
// <order-tracker> adopts the look-up's styles after its own once it has an endpoint: one sheet for these checks.
const tracker = { cssText: `${ownTracker.cssText}\n${lookupStyles.cssText}` };
const sheets = { banner, tracker, progress, timeline };

describe('the shared colour tokens', () => {
  it('are each used by some element, and no element defines one of them again', () => {
    const shared = defined(tokens.cssText);
    const everyUse = new Set(Object.values(sheets).flatMap((sheet) => [...used(sheet.cssText)]));
    expect(
      [...shared].filter((name) => !everyUse.has(name)),
      'defined but used by no element',
    ).to.deep.equal([]);
    for (const [name, sheet] of Object.entries(sheets)) {
      const again = [...defined(sheet.cssText)].filter((token) => shared.has(token));
      expect(again, `${name} defines a shared token again`).to.deep.equal([]);
    }
  });

  it('leave each element defining every private property it uses, and using every one it defines', () => {
    const shared = defined(tokens.cssText);
    for (const [name, sheet] of Object.entries(sheets)) {
      const own = defined(sheet.cssText);
      const uses = used(sheet.cssText);
      expect(
        [...uses].filter((token) => !own.has(token) && !shared.has(token)),
        `${name} uses but does not define`,
      ).to.deep.equal([]);
      expect(
        [...own].filter((token) => !uses.has(token)),
        `${name} defines but does not use`,
      ).to.deep.equal([]);
    }
  });

  it('give every element the same colours, light and dark', async () => {
    const host = document.createElement('div');
    host.innerHTML = ['tracking-progress', 'tracking-timeline', 'delay-banner', 'order-tracker']
      .map((tag) => `<${tag} theme="light"></${tag}><${tag} theme="dark"></${tag}>`)
      .join('');
    document.body.append(host);
    await Promise.all(
      ['tracking-progress', 'tracking-timeline', 'delay-banner', 'order-tracker'].map((tag) =>
        customElements.whenDefined(tag),
      ),
    );
    const read = (el: Element) => {
      const style = getComputedStyle(el);
      return ['--_accent', '--_text', '--_muted', '--_problem', '--_action'].map((name) =>
        style.getPropertyValue(name).trim(),
      );
    };
    const light = [...host.querySelectorAll('[theme="light"]')].map(read);
    const dark = [...host.querySelectorAll('[theme="dark"]')].map(read);
    expect(light[0]).to.deep.equal(['#1f5fbf', '#1b1f24', '#59636e', '#b35900', '#b42318']);
    expect(dark[0]).to.deep.equal(['#6ea8fe', '#e6edf3', '#9198a1', '#f0a04b', '#ff8a7a']);
    for (const values of light) expect(values).to.deep.equal(light[0]);
    for (const values of dark) expect(values).to.deep.equal(dark[0]);
    host.remove();
  });
});

describe('a shopper in dark mode on a store page that is light', () => {
  // The page sets no `color-scheme` and paints itself white: only the system setting is dark.
  before(() => emulateColorScheme('dark'));
  after(() => emulateColorScheme('light'));

  // A parcel held in customs: text, muted text, the problem colour and the action colour all on show.
  const parcel = sampleShipment('in_transit', 'customs');

  /** The element alone on a white page, as a store that never thought about dark mode places it. */
  async function onWhitePage(tag: 'tracking-progress' | 'tracking-timeline'): Promise<HTMLElement> {
    const page = await fixture<HTMLDivElement>(html`<div style="background: #ffffff; color: #1b1f24"></div>`);
    const el = document.createElement(tag);
    el.locale = 'en';
    el.shipment = parcel;
    page.append(el);
    await el.updateComplete;
    return el;
  }

  it('is really dark while these tests run', () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
  });

  it('can read <tracking-progress> on its own', async () => {
    await expect(await onWhitePage('tracking-progress')).to.be.accessible();
  });

  it('can read <tracking-timeline> on its own', async () => {
    await expect(await onWhitePage('tracking-timeline')).to.be.accessible();
  });

  it('paints the same surface behind the standalone elements as behind <order-tracker>', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <tracking-progress></tracking-progress><tracking-timeline></tracking-timeline><order-tracker></order-tracker>
      </div>`,
    );
    const surfaces = [...page.children].map((el) => getComputedStyle(el).getPropertyValue('--_surface').trim());
    expect(surfaces).to.deep.equal(['#0d1117', '#0d1117', '#0d1117']);
  });
});
