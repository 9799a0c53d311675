// Appointment routes: the V3 receiver for publishers (FHIR), and for the console the regulator's appointments,
// a live stream of their changes, and the booking intents that link an appointment to its search tab.
import { z } from 'zod';
import type { Appointment } from '../../shared/domain/appointment';
import { authenticate, type AccessTokenVerifier } from '../api/auth';
import { HttpError, readJson, sendJson } from '../http/json';
import type { Route } from '../http/router';
import type { AppointmentRecord, AppointmentRepository } from '../storage/appointments';
import type { BookingIntents } from './booking-intents';
import type { AppointmentFeed } from './feed';
import { handleAppointmentWrite, type PublisherAuthenticator } from './v3-receiver';

export interface AppointmentRoutesDeps {
  appointments: AppointmentRepository;
  feed: AppointmentFeed;
  intents: BookingIntents;
  authenticatePublisher: PublisherAuthenticator;
  verifyAccessToken: AccessTokenVerifier;
  onUnexpected: (error: unknown) => void;
}

const intentSchema = z.object({
  searchId: z.string().min(1).max(200),
  sourceId: z.string().min(1).max(100),
  practitionerId: z.string().min(1).max(64).optional(),
  start: z.string().max(40).optional(),
});

export function toAppointment(record: AppointmentRecord): Appointment {
  const { raw: _raw, createdAt: _createdAt, ...appointment } = record;
  return appointment;
}

export function appointmentRoutes(deps: AppointmentRoutesDeps): Route[] {
  const write = (request: Parameters<Route['handle']>[0], response: Parameters<Route['handle']>[1]) =>
    handleAppointmentWrite(request, response, {
      appointments: deps.appointments,
      feed: deps.feed,
      intents: deps.intents,
      authenticate: deps.authenticatePublisher,
      onUnexpected: deps.onUnexpected,
    });
  return [
    { method: 'POST', path: '/fhir/Appointment', handle: write },
    { method: 'PUT', path: '/fhir/Appointment', handle: write },
    {
      method: 'GET',
      path: '/api/appointments',
      handle: async (request, response) => {
        const caller = await authenticate(request, deps.verifyAccessToken);
        const list = await deps.appointments.listByOperator(caller.nationalId, { limit: 200 });
        sendJson(response, 200, { appointments: list.map(toAppointment) });
      },
    },
    {
      method: 'GET',
      path: '/api/appointments/events',
      handle: async (request, response) => {
        const caller = await authenticate(request, deps.verifyAccessToken);
        response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
        const unsubscribe = deps.feed.subscribe(caller.nationalId, (appointment) => {
          response.write(`${JSON.stringify({ type: 'appointment', appointment })}\n`);
        });
        // A heartbeat lets both ends notice a dead connection.
        const heartbeat = setInterval(() => response.write(`${JSON.stringify({ type: 'heartbeat' })}\n`), 15_000);
        response.write(`${JSON.stringify({ type: 'ready' })}\n`);
        response.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
        });
      },
    },
    {
      method: 'POST',
      path: '/api/bookings',
      handle: async (request, response) => {
        const caller = await authenticate(request, deps.verifyAccessToken);
        const parsed = intentSchema.safeParse(await readJson(request, 8 * 1024));
        if (!parsed.success) throw new HttpError(400, 'invalid-booking', 'Ouverture de réservation invalide.');
        deps.intents.record({ operatorId: caller.nationalId, ...parsed.data });
        sendJson(response, 201, { recorded: true });
      },
    },
  ];
}
