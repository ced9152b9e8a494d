import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { problemReasons } from '@trackline/core';
import { emulateColorScheme } from '../internal/test-commands.js';
import { customPropertyCategory, customPropertyControls } from './custom-property-controls.js';
import * as trackingProgress from '../tracking-progress/tracking-progress.stories.js';
import * as trackingTimeline from '../tracking-timeline/tracking-timeline.stories.js';
import * as delayBanner from '../delay-banner/delay-banner.stories.js';
import * as orderTracker from '../order-tracker/order-tracker.stories.js';

// Every story of every component renders, upgrades its elements and passes axe: a story that throws or
// renders an inaccessible state fails here, not in front of a designer. scripts/stories.test.ts checks
// that every *.stories.ts file is listed below.
interface StoryModule {
  default: {
    component: string;
    args?: Record<string, unknown>;
    argTypes?: Record<string, { options?: readonly unknown[] }>;
    render?: (args: never) => TemplateResult;
  };
  [name: string]: unknown;
}
type Story = {
  args?: Record<string, unknown>;
  render?: (args: never) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement; args: never }) => Promise<void>;
};

/** Renders one story of a module with its args over the module's, then plays it, as Storybook does. */
async function renderStory(module: StoryModule, name: string) {
  const story = module[name] as Story;
  const render = story.render ?? module.default.render;
  expect(render, `${name} has no render function`).to.be.a('function');
  const args = { ...module.default.args, ...story.args };
  const wrapper = await fixture<HTMLElement>(render!(args as never));
  await story.play?.({ canvasElement: wrapper, args: args as never });
  return { args, wrapper };
}

const modules: Record<string, StoryModule> = {
  'tracking-progress': trackingProgress as unknown as StoryModule,
  'tracking-timeline': trackingTimeline as unknown as StoryModule,
  'delay-banner': delayBanner as unknown as StoryModule,
  'order-tracker': orderTracker as unknown as StoryModule,
};

for (const [component, module] of Object.entries(modules)) {
  describe(`${component} stories`, () => {
    const stories = Object.keys(module).filter((key) => key !== 'default');
    for (const name of stories) {
      it(`${name} renders, gives <${component}> its args and is accessible`, async () => {
        const { args, wrapper } = await renderStory(module, name);
        const elements = [wrapper, ...wrapper.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
        expect(elements.length, 'the story renders a Trackline element').to.be.greaterThan(0);
        for (const element of elements) {
          expect(customElements.get(element.localName), `<${element.localName}> is defined`).to.be.a('function');
          await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
          expect(element.shadowRoot?.childNodes.length, `<${element.localName}> rendered`).to.be.greaterThan(0);
        }
        // What the controls say is what the element gets: its theme attribute (none for `system`), the direction
        // of the page around it and every `--trackline-*` value.
        const element = wrapper.querySelector(component);
        expect(element, `the story renders <${component}>`).to.be.instanceOf(HTMLElement);
        expect(element!.getAttribute('theme')).to.equal(args['theme'] === 'system' ? null : args['theme']);
        const style = getComputedStyle(element!);
        expect(style.direction).to.equal(args['dir']);
        for (const [property, value] of Object.entries(args)) {
          if (property.startsWith('--trackline-') && value) {
            expect(style.getPropertyValue(property).trim(), property).to.equal(value);
          }
        }
        await expect(wrapper).to.be.accessible();
      });
    }

    it('include a dark, a system-theme, a right-to-left and a brand-theme story', () => {
      expect(Object.keys(module)).to.include.members(['Dark', 'SystemTheme', 'RightToLeft', 'BrandTheme']);
    });

    it('offer every problem reason the core defines', () => {
      const argTypes = module.default.argTypes ?? {};
      const options = argTypes['problem']?.options ?? argTypes['reason']?.options;
      expect(options, 'a problem or reason control with options').to.be.an('array');
      expect(options).to.include.members([...problemReasons]);
    });

    it('SystemTheme follows the system dark mode, page and element alike', async () => {
      await emulateColorScheme('dark');
      try {
        const { wrapper } = await renderStory(module, 'SystemTheme');
        const element = wrapper.querySelector(component)!;
        const dark = document.createElement(component);
        dark.setAttribute('theme', 'dark');
        document.body.append(dark);
        const text = (el: Element) => getComputedStyle(el).getPropertyValue('--_text').trim();
        expect(text(element)).to.equal(text(dark)).and.not.equal('');
        dark.remove();
        await expect(wrapper).to.be.accessible();
      } finally {
        await emulateColorScheme('light');
      }
    });
  });
}

describe('order-tracker stories', () => {
  it('show the sample estimate while it is still ahead (the stories set the clock after their newest scan)', async () => {
    const { wrapper } = await renderStory(modules['order-tracker']!, 'InTransit');
    const tracker = wrapper.querySelector('order-tracker') as HTMLElement & { updateComplete: Promise<unknown> };
    await tracker.updateComplete;
    expect(tracker.shadowRoot!.textContent).to.include('May 7').and.include('May 9');
  });
});

describe('the custom property controls', () => {
  const documented = (defaultValue: string) => ({
    name: '--trackline-x',
    type: { name: 'other' as const, value: 'void' },
    table: { category: customPropertyCategory, defaultValue: { summary: defaultValue } },
  });

  it('give a documented colour a colour picker and anything else a text field', () => {
    const argTypes = customPropertyControls({
      argTypes: {
        '--trackline-color-accent': documented('#1f5fbf'),
        '--trackline-font-family': documented('system-ui, sans-serif'),
        '--trackline-radius': documented('0.5rem'),
      },
    });
    expect(argTypes['--trackline-color-accent']?.control).to.deep.equal({ type: 'color' });
    expect(argTypes['--trackline-font-family']?.control).to.deep.equal({ type: 'text' });
    expect(argTypes['--trackline-radius']?.control).to.deep.equal({ type: 'text' });
    expect(argTypes['--trackline-radius']?.type).to.deep.equal({ name: 'string' });
  });

  it('leave a control a story chose, and args that are not custom properties, as they are', () => {
    const chosen = { ...documented('1rem'), control: { type: 'range' as const, min: 0, max: 4 } };
    const locale = { name: 'locale', control: { type: 'select' as const }, options: ['en', 'de'] };
    const argTypes = customPropertyControls({ argTypes: { '--trackline-space': chosen, locale } });
    expect(argTypes['--trackline-space']).to.deep.equal(chosen);
    expect(argTypes['locale']).to.deep.equal(locale);
  });
});
