import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as TooltipPosition from './tooltip-position.js';

// The positioning (tooltip-position.ts, with @floating-ui/dom) is loaded the first time a tooltip opens, so the
// timeline's first paint does not pay for it.
let positioning: Promise<typeof TooltipPosition> | undefined;
const loadPositioning = () =>
  (positioning ??= import('./tooltip-position.js').catch((error: unknown) => {
    positioning = undefined; // try again on the next open (a flaky network, a deploy that replaced the chunk)
    throw error;
  }));

/**
 * Places one tooltip at a time next to its trigger, the way Shoelace's popup does: `autoUpdate` keeps it in
 * place while open, its cleanup runs on hide and when the host leaves the page, and the listeners that close it
 * are removed through an AbortController.
 */
export class TooltipController implements ReactiveController {
  /** The trigger whose tooltip is open (or opening), else null. */
  trigger: HTMLElement | null = null;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private stopAutoUpdate?: () => void;
  private listeners?: AbortController;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.hide();
  }

  /** Opens `tooltip` beside `trigger`; `onHide` runs when it closes for any reason. */
  async show(trigger: HTMLElement, tooltip: HTMLElement, onHide: () => void): Promise<void> {
    if (this.trigger === trigger) return;
    this.hide();
    this.trigger = trigger;
    const listeners = new AbortController();
    this.listeners = listeners;
    listeners.signal.addEventListener('abort', onHide, { once: true });
    // Escape closes the tooltip wherever focus is, without moving it (WCAG 1.4.13, dismissible).
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') this.hide();
      },
      { signal: listeners.signal },
    );

    let position: typeof TooltipPosition;
    try {
      position = await loadPositioning();
    } catch {
      // Without its module the tooltip still shows, in the flow under its event instead of floating.
      tooltip.dataset.placement = 'inline';
      return;
    }
    await this.host.updateComplete; // the host has rendered the tooltip visible
    if (listeners.signal.aborted) return; // hidden while the module loaded or the host rendered
    this.stopAutoUpdate = position.placeTooltip(trigger, tooltip);
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.trigger = null;
    const listeners = this.listeners;
    this.listeners = undefined;
    listeners?.abort();
  }
}
