// What every slot chip of a tab needs besides its slot: the patient's time zone (slot times are read there), the
// slots booked from this tab and the one whose booking page was just opened.
import { createContext } from 'react';
import { PARIS_TIME_ZONE } from '@shared/util/time-zone';

export interface SlotContextValue {
  timeZone: string;
  /** Keys of slots an appointment was received for from this tab's search (`bookedKey`). */
  booked: ReadonlySet<string>;
  /** Slot ids whose booking page was opened from this tab. */
  opened: ReadonlySet<string>;
  /** SAS-agenda slot ids another regulator took first: marked so, and no longer clickable. */
  taken?: ReadonlySet<string>;
}

export const SlotContext = createContext<SlotContextValue>({
  timeZone: PARIS_TIME_ZONE,
  booked: new Set(),
  opened: new Set(),
});

/** An appointment and the slot it was booked on match by practitioner and start instant. */
export function bookedKey(practitionerId: string | undefined, start: string): string {
  const ms = Date.parse(start);
  return `${practitionerId ?? ''}@${Number.isNaN(ms) ? start : ms}`;
}
