// The tracking page's script, bundled by esbuild when the demo starts: it defines <order-tracker> (which
// brings <tracking-progress>, <tracking-timeline> and <delay-banner> with it). The element does the rest.
//
// One thing is the demo's own: its parcels run on the sandbox's clock, hours ahead of this device's (time
// there runs fast), so the page tells the element what "now" is, or a scan from the sandbox's afternoon
// would read "tomorrow". A real store leaves `now` alone: carrier times and the device's clock agree.
import '@trackline/elements/order-tracker';

async function followSandboxClock() {
  const response = await fetch('/api/clock', { cache: 'no-store' });
  if (!response.ok) return;
  const { now, speed } = await response.json();
  const fetchedAt = performance.now();
  const sandboxNow = () => new Date(Date.parse(now) + (performance.now() - fetchedAt) * speed);
  for (const tracker of document.querySelectorAll('order-tracker')) {
    // Read at each render and as each answer arrives ("Last updated" is on the element's clock): a getter keeps
    // it on the sandbox's time, which runs `speed` times faster than this device's. Each look-up (the page
    // refreshes every few seconds) renders again with it.
    Object.defineProperty(tracker, 'now', { get: sandboxNow, configurable: true });
    tracker.requestUpdate();
  }
}

followSandboxClock().catch(() => undefined);
