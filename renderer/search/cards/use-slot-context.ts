// A tab's slot context: the patient's zone (from the resolved location), the slots booked from this tab's search
// (appointments the publishers reported with this search id, and SAS-agenda bookings confirmed here until the
// backend's list carries them), the slots whose booking page this tab opened and the agenda slots found taken.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConsoleApi } from '@shared/api/console-api';
import type { Appointment } from '@shared/domain/appointment';
import type { ResolvedLocation } from '@shared/domain/search';
import { timeZoneOfPlace } from '@shared/util/time-zone';
import { bookedKey, type SlotContextValue } from './slot-context';

function bookedFrom(list: readonly Appointment[], searchId: string): Set<string> {
  const keys = new Set<string>();
  for (const appointment of list)
    if (appointment.searchId === searchId && appointment.status !== 'cancelled')
      keys.add(bookedKey(appointment.practitionerId, appointment.start));
  return keys;
}

/**
 * Bookings confirmed here that the backend's list does not carry yet: once a list names the appointment, the list
 * decides (a cancelled one is no longer booked).
 */
export function pendingBookings(
  local: ReadonlyMap<string, string>,
  list: readonly Pick<Appointment, 'id'>[],
): ReadonlyMap<string, string> {
  const listed = new Set(list.map((a) => a.id));
  const kept = [...local].filter(([id]) => !listed.has(id));
  return kept.length === local.size ? local : new Map(kept);
}

export interface SlotContextControls {
  value: SlotContextValue;
  markOpened: (slotId: string) => void;
  /** A SAS-agenda booking confirmed from this tab: its chip shows booked at once. */
  markBooked: (appointment: Pick<Appointment, 'id' | 'practitionerId' | 'start'>) => void;
  markTaken: (slotId: string) => void;
}

export function useSlotContext(
  api: ConsoleApi,
  searchId: string | undefined,
  location: ResolvedLocation | undefined,
): SlotContextControls {
  const [listed, setListed] = useState<ReadonlySet<string>>(() => new Set());
  const [local, setLocal] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const [taken, setTaken] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!searchId) return undefined;
    return api.on('appointments', (list) => {
      setListed(bookedFrom(list, searchId));
      setLocal((l) => pendingBookings(l, list));
    });
  }, [api, searchId]);
  const markOpened = useCallback((slotId: string) => setOpened((s) => new Set(s).add(slotId)), []);
  const markTaken = useCallback((slotId: string) => setTaken((s) => new Set(s).add(slotId)), []);
  const markBooked = useCallback(
    (a: Pick<Appointment, 'id' | 'practitionerId' | 'start'>) =>
      setLocal((l) => new Map(l).set(a.id, bookedKey(a.practitionerId, a.start))),
    [],
  );
  const booked = useMemo<ReadonlySet<string>>(
    () => (local.size === 0 ? listed : new Set([...listed, ...local.values()])),
    [listed, local],
  );
  const timeZone = location ? timeZoneOfPlace(location) : undefined;
  const value = useMemo<SlotContextValue>(
    () => ({ ...(timeZone ? { timeZone } : { timeZone: 'Europe/Paris' }), booked, opened, taken }),
    [timeZone, booked, opened, taken],
  );
  return { value, markOpened, markBooked, markTaken };
}
