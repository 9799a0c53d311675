// The result list, virtualized: only the cards on screen (and a few around) are in the DOM, so a thousand cards
// scroll and filter without lag. Rows have their real height (measured), headings included.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useAnchoredScroll } from './anchored-scroll';
import { ResultCardView, type CardActions } from './cards/ResultCardView';
import type { ListRow } from './list-rows';

export interface ListController {
  /** Scrolls the card into view; with `focus`, moves the keyboard focus onto it once it is rendered. */
  reveal: (key: string, focus: boolean) => void;
}

interface ResultListProps {
  rows: readonly ListRow[];
  rowOfKey: ReadonlyMap<string, number>;
  label: string;
  now: number;
  selectedKey?: string;
  hoveredKey?: string;
  cptsFocus?: string;
  actions: CardActions;
  controller: { current: ListController | undefined };
  /** Told whether the last row rendered is within a few rows of the end (the list may hold more), on each change. */
  onNearEnd?: (near: boolean) => void;
}

const ESTIMATED_CARD_HEIGHT = 230;
const ESTIMATED_HEADING_HEIGHT = 44;
/** Rows before the end at which the next practitioners are asked for (the overscan renders a few beyond view). */
const NEAR_END_ROWS = 3;

export function ResultList({
  rows,
  rowOfKey,
  label,
  now,
  selectedKey,
  hoveredKey,
  cptsFocus,
  actions,
  controller,
  onNearEnd,
}: ResultListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'heading' ? ESTIMATED_HEADING_HEIGHT : ESTIMATED_CARD_HEIGHT),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 4,
  });

  controller.current = {
    reveal: (key, focus) => {
      const index = rowOfKey.get(key);
      if (index === undefined) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      if (focus) {
        pendingFocus.current = key;
        focusWhenRendered();
      }
    },
  };

  // A card scrolled to may not be rendered yet: try on the next frames until it is (or give up quietly).
  function focusWhenRendered(attempt = 0) {
    requestAnimationFrame(() => {
      const key = pendingFocus.current;
      if (!key) return;
      const element = scroller.current?.querySelector<HTMLElement>(`[data-card-key="${CSS.escape(key)}"]`);
      if (element) {
        pendingFocus.current = undefined;
        element.focus({ preventScroll: true });
        element.scrollIntoView({ block: 'nearest' });
      } else if (attempt < 10) focusWhenRendered(attempt + 1);
    });
  }

  // The list starts at the top when its content changes nature (intention, CPTS opened).
  const firstKey = rows[0]?.key;
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [firstKey]);

  // A card above growing or arriving late must not move the picked card (or the one under the pointer).
  useAnchoredScroll(scroller, selectedKey ?? hoveredKey);

  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index;
  const nearEnd = lastRendered !== undefined && lastRendered >= rows.length - 1 - NEAR_END_ROWS;
  useEffect(() => onNearEnd?.(nearEnd), [onNearEnd, nearEnd]);
  const focusableKey =
    selectedKey !== undefined && rowOfKey.has(selectedKey) ? selectedKey : rows.find((r) => r.kind === 'card')?.key;

  return (
    <div ref={scroller} className="result-scroller" data-testid="result-list" data-row-count={rows.length}>
      <div role="list" aria-label={label} className="result-rows" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={row.kind === 'heading' ? 'result-row result-row-heading' : 'result-row'}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'heading' ? (
                <h3 className="section-heading">{row.text}</h3>
              ) : (
                <ResultCardView
                  card={row.card}
                  now={now}
                  selected={row.key === selectedKey}
                  hovered={row.key === hoveredKey}
                  focusable={row.key === focusableKey}
                  cptsFocused={row.card.kind === 'cpts' && row.card.cpts.finess === cptsFocus}
                  actions={actions}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
