// What a regulator can do with a slot, which decides how its chip looks: book it online (publisher's booking page),
// book it in the console (SAS agenda: no page, the regulator confirms here), call the number shown (no booking
// page, or a publisher that takes no regulator accounts), or send the patient without an appointment (walk-in).
import { SAS_AGENDA_SOURCE_ID } from '@shared/domain/appointment';
import type { Slot } from '@shared/domain/slot';

export type SlotKind = 'bookable' | 'sas-agenda' | 'no-url' | 'no-account' | 'walk-in';

export function slotKind(
  slot: Pick<Slot, 'withAppointment' | 'bookingUrl' | 'sourceId' | 'regulatorAccountsRefused'>,
): SlotKind {
  if (!slot.withAppointment) return 'walk-in';
  // The SAS agenda is booked in the console itself: whether a page was given does not matter.
  if (slot.sourceId === SAS_AGENDA_SOURCE_ID) return 'sas-agenda';
  if (slot.regulatorAccountsRefused) return 'no-account';
  return slot.bookingUrl ? 'bookable' : 'no-url';
}

/** A walk-in site's slots of one day as one span: first start to last end (its opening hours that day). */
export function walkInSpan(slots: readonly Pick<Slot, 'start' | 'end'>[]): { from: string; to: string } | undefined {
  let from: string | undefined;
  let to: string | undefined;
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const slot of slots) {
    const start = Date.parse(slot.start);
    const end = Date.parse(slot.end);
    if (!Number.isNaN(start) && start < fromMs) [fromMs, from] = [start, slot.start];
    if (!Number.isNaN(end) && end > toMs) [toMs, to] = [end, slot.end];
  }
  return from && to ? { from, to } : undefined;
}
