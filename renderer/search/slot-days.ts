// A card's slots grouped by day as on the platform: aujourd'hui / demain / après-demain (the patient's days), then any
// later day the publisher sent (shown, not hidden: a slot beyond the window is still a slot).
import type { Slot } from '../../shared/domain/slot';
import { slotStartMs } from '../../shared/ranking/filters';
import { slotDayIndex } from './format';

export interface SlotDay {
  /** 0 today, 1 tomorrow, 2 the day after; 3 = other days. */
  index: 0 | 1 | 2 | 3;
  slots: Slot[];
}

/** Days in order, empty days left out, slots by start time within a day. */
export function groupSlotsByDay(slots: readonly Slot[], nowMs: number, timeZone?: string): SlotDay[] {
  const days: Slot[][] = [[], [], [], []];
  for (const slot of slots) {
    const index = slotDayIndex(slot.start, nowMs, timeZone) ?? 3;
    days[index]?.push(slot);
  }
  const result: SlotDay[] = [];
  days.forEach((list, index) => {
    if (list.length === 0) return;
    list.sort((a, b) => slotStartMs(a) - slotStartMs(b));
    result.push({ index: index as SlotDay['index'], slots: list });
  });
  return result;
}
