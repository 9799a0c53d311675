// "Mes orientations": the appointments this regulator booked, kept live from the backend's stream while a session
// is open, and written to the shift's journal when they are confirmed or change.
import type { AppointmentsLink } from '../../shared/api/console-api';
import { backendRoutes } from '../../shared/backend-api/routes';
import { APPOINTMENT_STATUS_LABELS, type Appointment } from '../../shared/domain/appointment';
import { describeError, type Logger, silentLogger } from '@shared/util/logger';
import { TypedEmitter } from '@shared/util/typed-emitter';
import type { BackendApi } from './backend-api';
import type { Journal } from './journal';
import type { AppointmentsPort } from './ports';

/** French status labels (kept here under their historical name for the journal). */
const STATUS_LABELS = APPOINTMENT_STATUS_LABELS;

export interface AppointmentsServiceDeps {
  api: BackendApi;
  journal: Journal;
  /** Delay before reconnecting a dropped stream. */
  retryDelayMs?: number;
  logger?: Logger;
}

export function createAppointmentsService(deps: AppointmentsServiceDeps): AppointmentsPort & {
  start(): void;
  stop(): void;
} {
  const logger = (deps.logger ?? silentLogger).child('appointments');
  const changes = new TypedEmitter<{ change: Appointment[]; link: AppointmentsLink }>((error) =>
    logger.unexpected('appointments listener', error),
  );
  const byId = new Map<string, Appointment>();
  let controller: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;

  const snapshot = () => [...byId.values()].sort((a, b) => b.start.localeCompare(a.start));
  const notify = () => {
    changes.emit('change', snapshot());
  };

  function apply(appointment: Appointment, fromStream: boolean) {
    const previous = byId.get(appointment.id);
    byId.set(appointment.id, appointment);
    if (!fromStream) return;
    const name = appointment.practitionerName ?? appointment.practitionerId ?? appointment.publisherId;
    const target = appointment.practitionerId ?? appointment.publisherId;
    // The journal logs its own write failures; the appointment itself is shown whatever happens to its note.
    const noted = (error: unknown) => logger.warn('appointment not noted in the journal', describeError(error));
    if (!previous)
      void deps.journal
        .add('booking-confirmed', target, name, appointment.searchId, STATUS_LABELS[appointment.status])
        .catch(noted);
    else if (previous.status !== appointment.status || previous.start !== appointment.start) {
      void deps.journal
        .add('booking-changed', target, name, appointment.searchId, STATUS_LABELS[appointment.status])
        .catch(noted);
    }
  }

  async function run(signal: AbortSignal) {
    try {
      const events = await deps.api.openStream(backendRoutes.appointmentEvents, signal);
      // Subscribe first, then load the list: nothing that happens in between is missed.
      const initial = await deps.api.get(backendRoutes.appointments, { signal });
      for (const appointment of initial.appointments) apply(appointment, false);
      notify();
      changes.emit('link', { state: 'live' });
      // Each event is checked by the client: a malformed one ends this connection (logged below), then it reconnects.
      for await (const event of events) {
        if (event.type === 'appointment') {
          apply(event.appointment, true);
          notify();
        }
      }
    } catch (error) {
      // Dropped or refused: retried below while the session lasts.
      if (!signal.aborted) logger.warn('appointments stream interrupted', describeError(error));
    }
    // A stream that ends without an error (the backend closed it) is lost all the same: it reconnects below.
    if (!signal.aborted) changes.emit('link', { state: 'reconnecting' });
    if (!signal.aborted) timer = setTimeout(() => void run(signal), deps.retryDelayMs ?? 2_000);
  }

  return {
    list: async () => snapshot(),
    onChange: (listener) => changes.on('change', listener),
    onLinkChange: (listener) => changes.on('link', listener),
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
