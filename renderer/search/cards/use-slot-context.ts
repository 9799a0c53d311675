// A tab's slot context: the patient's zone (from the resolved location), the slots booked from this tab's search
// (appointments the publishers reported with this search id) and the slots whose booking page this tab opened.
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

export function useSlotContext(
  api: ConsoleApi,
  searchId: string | undefined,
  location: ResolvedLocation | undefined,
): { value: SlotContextValue; markOpened: (slotId: string) => void } {
  const [booked, setBooked] = useState<ReadonlySet<string>>(() => new Set());
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (!searchId) return undefined;
    return api.on('appointments', (list) => setBooked(bookedFrom(list, searchId)));
  }, [api, searchId]);
  const markOpened = useCallback((slotId: string) => setOpened((s) => new Set(s).add(slotId)), []);
  const timeZone = location ? timeZoneOfPlace(location) : undefined;
  const value = useMemo<SlotContextValue>(
    () => ({ ...(timeZone ? { timeZone } : { timeZone: 'Europe/Paris' }), booked, opened }),
    [timeZone, booked, opened],
  );
  return { value, markOpened };
}
