import './tracking-progress.js';
import './tracking-timeline.js';
// <delay-banner> is defined by the tracker itself, with import(), the first time a parcel has a problem.
import { OrderTracker } from '../order-tracker/order-tracker.js';

// Defining twice (two bundles on one page) is harmless: the first definition wins.
if (!customElements.get('order-tracker')) customElements.define('order-tracker', OrderTracker);

export { OrderTracker };

declare global {
  interface HTMLElementTagNameMap {
    'order-tracker': OrderTracker;
  }
}
