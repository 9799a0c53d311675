// "Mes orientations": the appointments this regulator booked, kept live from the backend's stream while a session
// is open, and written to the shift's journal when they are confirmed or change.
import { APPOINTMENT_STATUS_LABELS, type Appointment } from '../../shared/domain/appointment';
import type { BackendApi } from './backend-api';
import type { Journal } from './journal';
import { readNdjson } from './ndjson';
import type { AppointmentsPort } from './ports';

/** French status labels (kept here under their historical name for the journal). */
export const STATUS_LABELS = APPOINTMENT_STATUS_LABELS;

export interface AppointmentsServiceDeps {
  api: BackendApi;
  journal: Journal;
  /** Delay before reconnecting a dropped stream. */
  retryDelayMs?: number;
}

export function createAppointmentsService(deps: AppointmentsServiceDeps): AppointmentsPort & {
  start(): void;
  stop(): void;
} {
  const listeners = new Set<(list: Appointment[]) => void>();
  const byId = new Map<string, Appointment>();
  let controller: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;

  const snapshot = () => [...byId.values()].sort((a, b) => b.start.localeCompare(a.start));
  const notify = () => {
    const list = snapshot();
    for (const listener of listeners) listener(list);
  };

  function apply(appointment: Appointment, fromStream: boolean) {
    const previous = byId.get(appointment.id);
    byId.set(appointment.id, appointment);
    if (!fromStream) return;
    const name = appointment.practitionerName ?? appointment.practitionerId ?? appointment.publisherId;
    const target = appointment.practitionerId ?? appointment.publisherId;
    if (!previous) void deps.journal.add('booking-confirmed', target, name, appointment.searchId, STATUS_LABELS[appointment.status]).catch(() => {});
    else if (previous.status !== appointment.status || previous.start !== appointment.start) {
      void deps.journal.add('booking-changed', target, name, appointment.searchId, STATUS_LABELS[appointment.status]).catch(() => {});
    }
  }

  async function run(signal: AbortSignal) {
    try {
      const stream = await deps.api.openStream('/api/appointments/events', signal);
      // Subscribe first, then load the list: nothing that happens in between is missed.
      const initial = await deps.api.getJson<{ appointments: Appointment[] }>('/api/appointments', signal);
      for (const appointment of initial.appointments) apply(appointment, false);
      notify();
      for await (const message of readNdjson(stream)) {
        const event = message as { type: string; appointment?: Appointment };
        if (event.type === 'appointment' && event.appointment) {
          apply(event.appointment, true);
          notify();
        }
      }
    } catch {
      /* dropped or refused: retried below while the session lasts */
    }
    if (!signal.aborted) timer = setTimeout(() => void run(signal), deps.retryDelayMs ?? 2_000);
  }

  return {
    list: async () => snapshot(),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (controller) return;
      controller = new AbortController();
      void run(controller.signal);
    },
    stop() {
      controller?.abort();
      controller = undefined;
      if (timer) clearTimeout(timer);
      byId.clear();
      notify();
    },
  };
}
