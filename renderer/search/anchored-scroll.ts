// Scroll anchoring for the virtualized list (the browser's own `overflow-anchor` does not see rows positioned by
// transforms): after every render, if the anchored card moved on screen without the regulator scrolling, the list
// scrolls by the same amount, so the card stays under the pointer and the eyes.
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

function cardTop(scroller: HTMLElement, key: string): number | undefined {
  const element = scroller.querySelector<HTMLElement>(`[data-card-key="${CSS.escape(key)}"]`);
  return element ? element.getBoundingClientRect().top - scroller.getBoundingClientRect().top : undefined;
}

export function useAnchoredScroll(scroller: RefObject<HTMLDivElement | null>, anchorKey: string | undefined): void {
  const last = useRef<{ key: string; top: number } | undefined>(undefined);

  // The regulator's own scrolling moves the anchor on purpose: remember where it is now.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = () => {
      const key = last.current?.key;
      const top = key ? cardTop(element, key) : undefined;
      if (key && top !== undefined) last.current = { key, top };
    };
    // Capture: before the virtualizer's own listener, which may re-render synchronously.
    element.addEventListener('scroll', onScroll, { passive: true, capture: true });
    return () => element.removeEventListener('scroll', onScroll, { capture: true });
  }, [scroller]);

  // Runs after every render (new rows, measured heights), before paint.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !anchorKey) {
      last.current = undefined;
      return;
    }
    const top = cardTop(element, anchorKey);
    if (top === undefined) return;
    const previous = last.current;
    if (previous?.key === anchorKey && Math.abs(top - previous.top) >= 1) {
      element.scrollTop += top - previous.top;
      const after = cardTop(element, anchorKey);
      last.current = { key: anchorKey, top: after ?? top };
      return;
    }
    last.current = { key: anchorKey, top };
  });
}
