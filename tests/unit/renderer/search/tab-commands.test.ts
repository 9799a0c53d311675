import { describe, expect, it, vi } from 'vitest';
import type { PractitionerCard } from '@shared/ranking/results';
import { runTabCommand, type TabCommandContext } from '@renderer/search/tab-commands';
import { initialTabView, type TabView } from '@renderer/search/tab-view';
import { practitioner, slot } from '@tests/unit/renderer/fixtures';

function card(n: number, slots = 1): PractitionerCard {
  const p = practitioner(n);
  return {
    kind: 'practitioner',
    key: `ps:${p.nationalId}`,
    practitioner: p,
    isGp: false,
    slots: Array.from({ length: slots }, (_, i) => slot(`${n}-${i}`, 'a', p.nationalId, `2025-06-13T1${i}:00:00Z`)),
    totalSlots: slots,
    acceptsBeyondSlots: false,
  };
}

function context(view: TabView = initialTabView, extra: Partial<TabCommandContext> = {}): TabCommandContext {
  return {
    cards: [card(1), card(2, 0)],
    view,
    failedSourceIds: [],
    dispatchView: vi.fn(),
    select: vi.fn(),
    book: vi.fn(),
    retry: vi.fn(),
    focusFilters: vi.fn(),
    focusedSlot: () => undefined,
    ...extra,
  };
}

describe('tab keyboard commands', () => {
  it('moves the selection card by card and focuses it', () => {
    const c = context();
    expect(runTabCommand('next-card', c)).toBe(true);
    expect(c.select).toHaveBeenCalledWith(c.cards[0]?.key, 'focus');
    const d = context({ ...initialTabView, selectedKey: card(1).key });
    runTabCommand('next-card', d);
    expect(d.select).toHaveBeenCalledWith(card(2).key, 'focus');
    expect(runTabCommand('next-card', context(initialTabView, { cards: [] }))).toBe(false);
  });

  it('opens the selected card’s first slot, or says there is none', () => {
    const c = context({ ...initialTabView, selectedKey: card(1).key });
    expect(runTabCommand('open-slot', c)).toBe(true);
    expect(c.book).toHaveBeenCalledWith(c.cards[0]?.slots[0], c.cards[0]);
    expect(runTabCommand('open-slot', context({ ...initialTabView, selectedKey: card(2).key }))).toBe(false);
  });

  it('turns filter and intention keys into view actions', () => {
    const c = context();
    runTabCommand('filter-teleconsultation', c);
    runTabCommand('second-intention', c);
    runTabCommand('clear-filters', c);
    expect(c.dispatchView).toHaveBeenNthCalledWith(1, { type: 'toggle-mode', mode: 'teleconsultation' });
    expect(c.dispatchView).toHaveBeenNthCalledWith(2, { type: 'set-intention', intention: 'second' });
    expect(c.dispatchView).toHaveBeenNthCalledWith(3, { type: 'clear-filters' });
  });

  it('retries only when a source failed', () => {
    expect(runTabCommand('retry', context())).toBe(false);
    const c = context(initialTabView, { failedSourceIds: ['b'] });
    expect(runTabCommand('retry', c)).toBe(true);
    expect(c.retry).toHaveBeenCalledWith(['b']);
  });

  it('Échap leaves an opened CPTS first, then returns to the list', () => {
    const inCpts = context({ ...initialTabView, cptsFocus: '470000011' });
    runTabCommand('escape', inCpts);
    expect(inCpts.dispatchView).toHaveBeenCalledWith({ type: 'leave-cpts' });
    const plain = context();
    runTabCommand('escape', plain);
    expect(plain.select).toHaveBeenCalledWith(card(1).key, 'focus');
  });

  it('leaves keys it does not own to the workspace', () => {
    expect(runTabCommand('help', context())).toBe(false);
    expect(runTabCommand('next-tab', context())).toBe(false);
  });
});
