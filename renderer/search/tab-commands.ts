// The keyboard commands a tab answers to, as one function of the tab's current state.
import type { Slot } from '../../shared/domain/slot';
import type { ShortcutCommand } from './keyboard';
import { stepCard, type ResultCard } from './list-rows';
import type { TabView, TabViewAction } from './tab-view';

export interface TabCommandContext {
  cards: readonly ResultCard[];
  view: TabView;
  failedSourceIds: string[];
  dispatchView: (action: TabViewAction) => void;
  select: (key: string, reveal: 'scroll' | 'focus') => void;
  book: (slot: Slot, card: ResultCard) => void;
  retry: (sourceIds: string[]) => void;
  focusFilters: () => void;
  /** The slot button that has the focus, if any (Entrée / o opens that one). */
  focusedSlot: () => HTMLButtonElement | undefined;
}

const VIEW_ACTIONS: Partial<Record<ShortcutCommand, TabViewAction>> = {
  'first-intention': { type: 'set-intention', intention: 'first' },
  'second-intention': { type: 'set-intention', intention: 'second' },
  'filter-today': { type: 'toggle-day', day: 'today' },
  'filter-next-days': { type: 'toggle-day', day: 'next-days' },
  'filter-cabinet': { type: 'toggle-mode', mode: 'cabinet' },
  'filter-teleconsultation': { type: 'toggle-mode', mode: 'teleconsultation' },
  'filter-domicile': { type: 'toggle-mode', mode: 'domicile' },
  'filter-available': { type: 'toggle-available-only' },
  'clear-filters': { type: 'clear-filters' },
};

/** Runs a command; false when this tab has nothing to do with it (the browser keeps the key). */
export function runTabCommand(command: ShortcutCommand, context: TabCommandContext): boolean {
  const viewAction = VIEW_ACTIONS[command];
  if (viewAction) {
    context.dispatchView(viewAction);
    return true;
  }
  const selected = context.cards.find((c) => c.key === context.view.selectedKey);
  switch (command) {
    case 'next-card':
    case 'previous-card': {
      const next = stepCard(context.cards, context.view.selectedKey, command === 'next-card' ? 1 : -1);
      if (next) context.select(next.key, 'focus');
      return next !== undefined;
    }
    case 'open-slot': {
      const focused = context.focusedSlot();
      if (focused) {
        focused.click();
        return true;
      }
      const slot = selected?.slots[0];
      if (!slot || !selected) return false;
      context.book(slot, selected);
      return true;
    }
    case 'focus-filters':
      context.focusFilters();
      return true;
    case 'retry':
      if (context.failedSourceIds.length === 0) return false;
      context.retry(context.failedSourceIds);
      return true;
    case 'escape': {
      if (context.view.cptsFocus) {
        context.dispatchView({ type: 'leave-cpts' });
        return true;
      }
      // Back to the list from a field or the map: the selected card (or the first) takes the focus.
      const key = selected?.key ?? context.cards[0]?.key;
      if (key) context.select(key, 'focus');
      return key !== undefined;
    }
    default:
      return false;
  }
}
