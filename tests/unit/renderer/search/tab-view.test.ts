import { describe, expect, it } from 'vitest';
import { activeFilterCount, initialTabView, reduceTabView, type TabViewAction } from '@renderer/search/tab-view';

const run = (actions: TabViewAction[]) => actions.reduce(reduceTabView, initialTabView);

describe('a tab’s view', () => {
  it('toggles the day filter between today, next days and none', () => {
    expect(run([{ type: 'toggle-day', day: 'today' }]).filters.day).toBe('today');
    expect(
      run([
        { type: 'toggle-day', day: 'today' },
        { type: 'toggle-day', day: 'next-days' },
      ]).filters.day,
    ).toBe('next-days');
    expect(
      run([
        { type: 'toggle-day', day: 'today' },
        { type: 'toggle-day', day: 'today' },
      ]).filters,
    ).toEqual({});
  });

  it('toggles modes and types independently, and clears them all', () => {
    const view = run([
      { type: 'toggle-mode', mode: 'cabinet' },
      { type: 'toggle-mode', mode: 'domicile' },
      { type: 'toggle-mode', mode: 'cabinet' },
      { type: 'toggle-type', slotType: 'SNP' },
      { type: 'toggle-available-only' },
    ]);
    expect(view.filters).toEqual({ modes: ['domicile'], types: ['SNP'], availableOnly: true });
    expect(activeFilterCount(view.filters)).toBe(3);
    expect(reduceTabView(view, { type: 'clear-filters' }).filters).toEqual({});
  });

  it('opening a CPTS selects its card; changing intention leaves the CPTS', () => {
    const view = run([
      { type: 'set-intention', intention: 'second' },
      { type: 'focus-cpts', finess: '470000011' },
    ]);
    expect(view.cptsFocus).toBe('470000011');
    expect(view.selectedKey).toBe('cpts:470000011');
    expect(reduceTabView(view, { type: 'set-intention', intention: 'first' }).cptsFocus).toBeUndefined();
    expect(reduceTabView(view, { type: 'leave-cpts' }).intention).toBe('second');
  });

  it('returns the same view when nothing changes (no re-render)', () => {
    expect(reduceTabView(initialTabView, { type: 'set-intention', intention: 'first' })).toBe(initialTabView);
    const selected = reduceTabView(initialTabView, { type: 'select', key: 'ps:1' });
    expect(reduceTabView(selected, { type: 'select', key: 'ps:1' })).toBe(selected);
  });
});
