import { TrackingProgress } from '../tracking-progress/tracking-progress.js';

// Defining twice (two bundles on one page) is harmless: the first definition wins.
if (!customElements.get('tracking-progress')) customElements.define('tracking-progress', TrackingProgress);

export { TrackingProgress };

declare global {
  interface HTMLElementTagNameMap {
    'tracking-progress': TrackingProgress;
  }
}
