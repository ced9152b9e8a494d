import { expect } from '@open-wc/testing';

// Import one, get one: each entry point, loaded on a page of its own, defines its tag and the tags it renders
// inside itself, and no other. <order-tracker> embeds the progress bar and the timeline; it defines
// <delay-banner> only when a parcel has a problem (problem-loading.test.ts).
const tags = ['tracking-progress', 'tracking-timeline', 'delay-banner', 'order-tracker'] as const;
const expected: Record<(typeof tags)[number], readonly string[]> = {
  'tracking-progress': ['tracking-progress'],
  'tracking-timeline': ['tracking-timeline'],
  'delay-banner': ['delay-banner'],
  'order-tracker': ['order-tracker', 'tracking-progress', 'tracking-timeline'],
};

/** The tags defined on a fresh page that imports only `src/define/<entry>.ts`. */
async function definedBy(entry: string): Promise<string[]> {
  const frame = document.createElement('iframe');
  const loaded = new Promise<void>((resolve, reject) => {
    window.addEventListener('message', function listen(event: MessageEvent) {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', listen);
      if (event.data === 'loaded') resolve();
      else reject(new Error(String(event.data)));
    });
  });
  const url = new URL(`./${entry}.ts`, import.meta.url).pathname;
  frame.srcdoc = `<script type="module">
    import(${JSON.stringify(url)}).then(() => parent.postMessage('loaded', '*'), (e) => parent.postMessage(String(e), '*'));
  </script>`;
  document.body.append(frame);
  try {
    await loaded;
    const registry = frame.contentWindow!.customElements;
    return tags.filter((tag) => registry.get(tag) !== undefined);
  } finally {
    frame.remove();
  }
}

describe('each element’s entry point', () => {
  for (const entry of tags) {
    it(`@trackline/elements/${entry} defines ${expected[entry].join(', ')} and nothing else`, async () => {
      expect(await definedBy(entry)).to.have.members([...expected[entry]]);
    });
  }
});
