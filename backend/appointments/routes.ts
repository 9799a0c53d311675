// Appointment routes: the V3 receiver for publishers (FHIR), and for the console the regulator's appointments,
// a live stream of their changes, and the booking intents that link an appointment to its search tab.
import { withAgendaSlotIds } from '../agenda/appointment-list';
import type { SqlExecutor } from '../storage/sql-database';
import { backendRoutes } from '../../shared/backend-api/routes';
import type { AccessTokenVerifier } from '../api/auth';
import { jsonRoute, streamRoute } from '../api/declare';
import { HttpError } from '../http/json';
import type { Route } from '../http/router';
import { visibleAppointment, type AppointmentRepository } from '../storage/appointments';
import type { BookingIntents } from './booking-intents';
import type { AppointmentFeed } from './feed';
import { handleAppointmentWrite, type PublisherAuthenticator } from './v3-receiver';

export interface AppointmentRoutesDeps {
  appointments: AppointmentRepository;
  feed: AppointmentFeed;
  intents: BookingIntents;
  authenticatePublisher: PublisherAuthenticator;
  regulatorByTechnicalId: (technicalId: string) => Promise<string | undefined>;
  publicOrigin?: string;
  verifyAccessToken: AccessTokenVerifier;
  onUnexpected: (error: unknown) => void;
  /** Where SAS-agenda bookings are kept: « Mes orientations » names the slot each agenda appointment holds. */
  db?: SqlExecutor;
}

export function appointmentRoutes(deps: AppointmentRoutesDeps): Route[] {
  const write = (request: Parameters<Route['handle']>[0], response: Parameters<Route['handle']>[1]) =>
    handleAppointmentWrite(request, response, {
      appointments: deps.appointments,
      feed: deps.feed,
      intents: deps.intents,
      authenticate: deps.authenticatePublisher,
      regulatorByTechnicalId: deps.regulatorByTechnicalId,
      ...(deps.publicOrigin ? { publicOrigin: deps.publicOrigin } : {}),
      onUnexpected: deps.onUnexpected,
    });
  const verify = deps.verifyAccessToken;
  return [
    // The guide's V3 endpoint is versioned (`/fhir/v1/Appointment`); the unversioned path stays for publishers
    // already configured with it.
    { method: 'POST', path: '/fhir/Appointment', handle: write },
    { method: 'PUT', path: '/fhir/Appointment', handle: write },
    { method: 'POST', path: '/fhir/v1/Appointment', handle: write },
    { method: 'PUT', path: '/fhir/v1/Appointment', handle: write },
    jsonRoute(backendRoutes.appointments, { verify }, async ({ caller }) => {
      const list = await deps.appointments.listByOperator(caller.nationalId, { limit: 200 });
      const visible = list.map(visibleAppointment);
      return { appointments: deps.db ? await withAgendaSlotIds(deps.db, visible) : visible };
    }),
    streamRoute(backendRoutes.appointmentEvents, { verify }, ({ caller }, response, send) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
      const unsubscribe = deps.feed.subscribe(
        caller.nationalId,
        (appointment) => send({ type: 'appointment', appointment }),
        () => {
          // The instance is stopping: say so, then end, so the console reconnects at once (to another instance).
          send({ type: 'closing' });
          response.end();
        },
      );
      // A heartbeat lets both ends notice a dead connection.
      const heartbeat = setInterval(() => send({ type: 'heartbeat' }), 15_000);
      send({ type: 'ready' });
      response.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    }),
    jsonRoute(
      backendRoutes.bookings,
      {
        verify,
        bodyLimit: 8 * 1024,
        invalid: () => new HttpError(400, 'invalid-booking', 'Ouverture de réservation invalide.'),
      },
      async ({ caller, body }) => {
        await deps.intents.record({ operatorId: caller.nationalId, ...body });
        return { recorded: true as const };
      },
    ),
  ];
}
