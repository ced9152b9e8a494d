import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as trackingProgress from '../tracking-progress/tracking-progress.stories.js';
import * as trackingTimeline from '../tracking-timeline/tracking-timeline.stories.js';
import * as delayBanner from '../delay-banner/delay-banner.stories.js';
import * as orderTracker from '../order-tracker/order-tracker.stories.js';

// Every story of every component renders, upgrades its elements and passes axe: a story that throws or
// renders an inaccessible state fails here, not in front of a designer. scripts/stories.test.ts checks
// that every *.stories.ts file is listed below.
interface StoryModule {
  default: { args?: Record<string, unknown>; render?: (args: never) => TemplateResult };
  [name: string]: unknown;
}
type Story = { args?: Record<string, unknown>; render?: (args: never) => TemplateResult };

const modules: Record<string, StoryModule> = {
  'tracking-progress': trackingProgress as unknown as StoryModule,
  'tracking-timeline': trackingTimeline as unknown as StoryModule,
  'delay-banner': delayBanner as unknown as StoryModule,
  'order-tracker': orderTracker as unknown as StoryModule,
};

for (const [component, module] of Object.entries(modules)) {
  describe(`${component} stories`, () => {
    for (const [name, value] of Object.entries(module)) {
      if (name === 'default') continue;
      const story = value as Story;
      it(`${name} renders and is accessible`, async () => {
        const render = story.render ?? module.default.render;
        expect(render, `${name} has no render function`).to.be.a('function');
        const args = { ...module.default.args, ...story.args } as never;
        const wrapper = await fixture<HTMLElement>(render!(args));
        const elements = [wrapper, ...wrapper.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
        expect(elements.length, 'the story renders a Trackline element').to.be.greaterThan(0);
        for (const element of elements) {
          expect(customElements.get(element.localName), `<${element.localName}> is defined`).to.be.a('function');
          await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
          expect(element.shadowRoot?.childNodes.length, `<${element.localName}> rendered`).to.be.greaterThan(0);
        }
        await expect(wrapper).to.be.accessible();
      });
    }
  });
}
