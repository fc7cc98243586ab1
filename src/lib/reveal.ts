// What an action produces is brought into view: a ref for an element that appears in answer to
// a click (a root cause list, a confirmation) and may open below the fold of its scrolling panel.
// One function, so React calls it once when the element mounts, not on every render.

/** Ref callback: scrolls the element into view (nearest edge, no jump when it is already in view). */
export function revealOnMount(element: HTMLElement | null): void {
  element?.scrollIntoView?.({ block: 'nearest' });
}
