import { describe, expect, it } from 'vitest';
import { groupSlotsByDay } from '@renderer/search/slot-days';
import { slot } from '@tests/unit/renderer/fixtures';

describe('slots by day', () => {
  it('groups by Paris day (aujourd’hui, demain, après-demain, then later), in time order, empty days left out', () => {
    const now = Date.parse('2025-06-13T08:00:00Z');
    const slots = [
      slot('4', 'a', 'p', '2025-06-17T08:00:00Z'),
      slot('2', 'a', 'p', '2025-06-13T15:00:00Z'),
      slot('1', 'a', 'p', '2025-06-13T09:00:00+02:00'),
      slot('3', 'a', 'p', '2025-06-15T09:00:00+02:00'),
    ];
    const days = groupSlotsByDay(slots, now);
    expect(days.map((d) => [d.index, d.slots.map((s) => s.id)])).toEqual([
      [0, ['a/1', 'a/2']],
      [2, ['a/3']],
      [3, ['a/4']],
    ]);
    expect(groupSlotsByDay([], now)).toEqual([]);
  });
});
