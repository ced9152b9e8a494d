import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

// Loaded with `import()`, with @floating-ui/dom, the first time a tooltip opens (tooltip-controller.ts): a
// timeline's first paint needs neither.

/** Keeps `tooltip` beside `trigger` while either moves or the page scrolls; returns what stops it. */
export function placeTooltip(trigger: HTMLElement, tooltip: HTMLElement): () => void {
  const place = async () => {
    const { x, y, placement } = await computePosition(trigger, tooltip, {
      strategy: 'fixed',
      placement: 'top',
      // The order matters: offset first (0: the trigger's 44 px box already leaves a gap around its icon, and
      // touching edges let the pointer move onto the tooltip without closing it), flip then picks the side with
      // room, and shift last keeps it inside the viewport on narrow screens.
      middleware: [offset(0), flip({ padding: 8 }), shift({ padding: 8 })],
    });
    tooltip.style.left = `${x}px`;
    tooltip.style.top = `${y}px`;
    tooltip.dataset.placement = placement;
  };
  return autoUpdate(trigger, tooltip, () => void place());
}
