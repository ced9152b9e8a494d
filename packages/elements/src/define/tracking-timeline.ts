import { TrackingTimeline } from '../tracking-timeline/tracking-timeline.js';

// Defining twice (two bundles on one page) is harmless: the first definition wins.
if (!customElements.get('tracking-timeline')) customElements.define('tracking-timeline', TrackingTimeline);

export { TrackingTimeline };

declare global {
  interface HTMLElementTagNameMap {
    'tracking-timeline': TrackingTimeline;
  }
}
