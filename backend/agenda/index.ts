// The SAS agenda as the backend composes it: bookings announced on the appointment feed (then to whoever follows
// SAS-agenda appointments, e.g. the LRM link), managers known by their token hashes.
import type { Appointment } from '../../shared/domain/appointment';
import type { AccessTokenVerifier } from '../api/auth';
import type { AppointmentFeed } from '../appointments/feed';
import type { Directory } from '../directory/directory';
import type { Route } from '../http/router';
import type { Storage } from '../storage/index';
import { createAgendaBookings, type AgendaAppointmentContext } from './bookings';
import { agendaManagerAuthenticator, type AgendaManagerConfig } from './managers';
import { agendaRoutes } from './routes';

/** What a backend's configuration says of the SAS agenda. */
export interface AgendaOptions {
  /** Structure managers who may put and delete availabilities (token hashes and their structures). */
  managers?: readonly AgendaManagerConfig[];
  /** Called after each booking or cancellation is on the feed, with its LRM origin (the LRM link sends it on). */
  onAppointment?: (appointment: Appointment, context: AgendaAppointmentContext) => void;
}

interface AgendaParts {
  storage: Pick<Storage, 'db' | 'agendaSlots'>;
  directory: Directory;
  agenda?: AgendaOptions;
}

interface AgendaRuntime {
  feed: AppointmentFeed;
  verifyAccessToken: AccessTokenVerifier;
  now: () => Date;
}

export function agendaApi(parts: AgendaParts, runtime: AgendaRuntime): Route[] {
  return agendaRoutes({
    bookings: createAgendaBookings({
      db: parts.storage.db,
      directory: parts.directory,
      // The same path as a publisher's V3 report: the feed relays it to the regulator's consoles on every instance.
      announce: (appointment, context) => {
        runtime.feed.publish(appointment);
        parts.agenda?.onAppointment?.(appointment, context);
      },
      now: runtime.now,
    }),
    slots: parts.storage.agendaSlots,
    db: parts.storage.db,
    directory: parts.directory,
    authenticateManager: agendaManagerAuthenticator(parts.agenda?.managers ?? []),
    verifyAccessToken: runtime.verifyAccessToken,
  });
}
