// "Mes orientations" fed live: the list at mount, then every `appointments` event of the console (the services
// follow the backend's stream). Keeps what changed last, for the live region and the row highlight.
import { useEffect, useState } from 'react';
import type { ConsoleApi } from '../../shared/api/console-api';
import type { Appointment } from '../../shared/domain/appointment';
import { announceChanges, appointmentChanges } from './appointment-changes';

export interface AppointmentsState {
  appointments: Appointment[];
  /** The first list arrived (or failed to). */
  loaded: boolean;
  failed: boolean;
  /** The live stream dropped: the list shown may be stale until the services reconnect by themselves. */
  reconnecting: boolean;
  /** When the last list was received (epoch ms). */
  receivedAt?: number;
  /** Ids that were new or changed in the last list received. */
  changedIds: readonly string[];
  /** What the live region says about the last change; `seq` grows so the same words are said again. */
  announcement: { text: string; seq: number };
}

const initial: AppointmentsState = {
  appointments: [],
  loaded: false,
  failed: false,
  reconnecting: false,
  changedIds: [],
  announcement: { text: '', seq: 0 },
};

/** How far back a "new" appointment may have changed and still be news when the session's list first arrives. */
const NEWS_MARGIN_MS = 60_000;

export function useAppointments(api: ConsoleApi, enabled: boolean): AppointmentsState {
  const [state, setState] = useState<AppointmentsState>(initial);

  useEffect(() => {
    if (!enabled) {
      setState(initial);
      return undefined;
    }
    const since = Date.now() - NEWS_MARGIN_MS;
    let eventSeen = false;
    const receive = (list: Appointment[]) => {
      eventSeen = true;
      const now = Date.now();
      setState((s) => {
        const changes = appointmentChanges(s.appointments, list, since);
        const text = announceChanges(changes, list, now);
        return {
          appointments: list,
          loaded: true,
          failed: false,
          // A list from the stream means the stream is up.
          reconnecting: false,
          receivedAt: now,
          changedIds: changes.map((c) => c.id),
          announcement: text ? { text, seq: s.announcement.seq + 1 } : s.announcement,
        };
      });
    };
    const unsubscribe = api.on('appointments', receive);
    const unsubscribeLink = api.on('appointmentsLink', (link) =>
      setState((s) => ({ ...s, reconnecting: link.state === 'reconnecting' })),
    );
    api.listAppointments().then(
      (list) => {
        // An event that overtook this answer is newer: keep it.
        if (!eventSeen)
          setState((s) => ({ ...s, appointments: list, loaded: true, failed: false, receivedAt: Date.now() }));
      },
      () => {
        if (!eventSeen) setState((s) => ({ ...s, loaded: true, failed: true }));
      },
    );
    return () => {
      unsubscribe();
      unsubscribeLink();
    };
  }, [api, enabled]);

  return state;
}
