import { DelayBanner } from '../delay-banner/delay-banner.js';

// Defining twice (two bundles on one page) is harmless: the first definition wins.
if (!customElements.get('delay-banner')) customElements.define('delay-banner', DelayBanner);

export { DelayBanner };

declare global {
  interface HTMLElementTagNameMap {
    'delay-banner': DelayBanner;
  }
}
