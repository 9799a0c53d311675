// The SAS agenda's routes: the console books and cancels slots (regulator token); structure managers and the
// training environment put and delete availabilities (manager token). Declared from the shared route table.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { Availability } from '../../shared/backend-api/agenda-schemas';
import { backendRoutes, type JsonRoute, type ResponseOf } from '../../shared/backend-api/routes';
import type { AccessTokenVerifier } from '../api/auth';
import { jsonRoute, refusedFields, type RouteInput } from '../api/declare';
import type { Directory } from '../directory/directory';
import { HttpError } from '../http/json';
import type { Route } from '../http/router';
import {
  AgendaSlotBookedError,
  agendaSlotStorageId,
  createAgendaSlotRepository,
  type AgendaSlotRecord,
  type AgendaSlotRepository,
} from '../storage/agenda-slots';
import type { SqlDatabase } from '../storage/sql-database';
import type { AgendaBookings } from './bookings';
import { unmanagedOwners, type AgendaManager } from './managers';

export interface AgendaRoutesDeps {
  bookings: AgendaBookings;
  slots: AgendaSlotRepository;
  /** A batch of availabilities is written in one transaction: all or nothing. */
  db: SqlDatabase;
  directory: Pick<Directory, 'getCpts'>;
  authenticateManager: (request: IncomingMessage) => AgendaManager;
  verifyAccessToken: AccessTokenVerifier;
}

const invalid = (what: string, whatEn: string) => (issues: readonly z.core.$ZodIssue[]) => {
  const detail = issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(corps)'} : ${issue.message}`)
    .join(' ; ');
  return new HttpError(
    400,
    'invalid-request',
    `${what} invalide(s) / invalid ${whatEn} — ${refusedFields(issues, '(corps)')} (${detail})`,
  );
};

const slotBooked = (id: string) =>
  new HttpError(
    409,
    'agenda-slot-booked',
    `Disponibilité ${id} réservée par un régulateur : elle ne peut être modifiée ou supprimée qu’après annulation du rendez-vous / availability booked by a regulator.`,
  );

function forbidden(fields: readonly string[]): HttpError {
  return new HttpError(
    403,
    'agenda-structure-forbidden',
    `Structure non gérée par ce jeton / structure not managed by this token : ${fields.join(', ')}.`,
  );
}

function toAvailability(record: AgendaSlotRecord): Availability {
  const { createdAt: _createdAt, updatedAt: _updatedAt, bookingId, ...rest } = record;
  return { ...rest, booked: bookingId !== undefined };
}

/** A manager's route: the token is checked before anything in the request is read. */
function managerRoute<R extends JsonRoute>(
  route: R,
  deps: AgendaRoutesDeps,
  invalidRequest: (issues: readonly z.core.$ZodIssue[]) => HttpError,
  handle: (input: RouteInput<R>, manager: AgendaManager) => Promise<ResponseOf<R>>,
): Route {
  const declared = (manager: AgendaManager) =>
    jsonRoute(route, { verify: deps.verifyAccessToken, bodyLimit: 512 * 1024, invalid: invalidRequest }, (input) =>
      handle(input, manager),
    );
  return {
    method: route.method,
    path: route.path,
    handle: async (request, response, params) => {
      const manager = deps.authenticateManager(request);
      await declared(manager).handle(request, response, params);
    },
  };
}

export function agendaRoutes(deps: AgendaRoutesDeps): Route[] {
  const verify = deps.verifyAccessToken;
  return [
    jsonRoute(
      backendRoutes.agendaBook,
      { verify, bodyLimit: 8 * 1024, invalid: invalid('Réservation', 'booking') },
      async ({ caller, body }) => ({
        appointment: await deps.bookings.book({ operatorId: caller.nationalId, ...body }),
      }),
    ),
    jsonRoute(
      backendRoutes.agendaCancel,
      { verify, bodyLimit: 8 * 1024, invalid: invalid('Annulation', 'cancellation') },
      async ({ caller, body }) => ({ appointment: await deps.bookings.cancel(caller.nationalId, body.appointmentId) }),
    ),
    managerRoute(
      backendRoutes.agendaAvailabilitiesPut,
      deps,
      invalid('Disponibilités', 'availabilities'),
      async ({ body }, manager) => {
        // Every availability is checked before any is written: a refused batch changes nothing.
        for (const [index, availability] of body.availabilities.entries()) {
          const refused = unmanagedOwners(manager, availability, deps.directory);
          const existing = availability.id !== undefined ? await deps.slots.get(availability.id) : undefined;
          const taken = existing ? unmanagedOwners(manager, existing, deps.directory) : [];
          if (refused.length > 0 || taken.length > 0)
            throw forbidden(
              [...refused, ...taken.map((field) => `${field} (existant)`)].map((f) => `availabilities.${index}.${f}`),
            );
          if (existing?.bookingId !== undefined) throw slotBooked(existing.id);
        }
        try {
          const written = await deps.db.transaction(async (tx) => {
            const slots = createAgendaSlotRepository(tx);
            const records: AgendaSlotRecord[] = [];
            for (const availability of body.availabilities) records.push(await slots.put(availability));
            return records;
          });
          return { availabilities: written.map(toAvailability) };
        } catch (error) {
          // Booked between the check and the write.
          if (error instanceof AgendaSlotBookedError) throw slotBooked(error.slotId);
          throw error;
        }
      },
    ),
    managerRoute(
      backendRoutes.agendaAvailabilitiesDelete,
      deps,
      invalid('Suppression', 'deletion'),
      async ({ query }, manager) => {
        const id = agendaSlotStorageId(query.id);
        const existing = await deps.slots.get(id);
        const unknown = new HttpError(
          404,
          'agenda-slot-unknown',
          `Disponibilité inconnue / unknown availability : ${id}.`,
        );
        if (!existing) throw unknown;
        const refused = unmanagedOwners(manager, existing, deps.directory);
        if (refused.length > 0) throw forbidden(refused);
        const outcome = await deps.slots.removeFree(id);
        if (outcome === 'booked') throw slotBooked(id);
        if (outcome === 'unknown') throw unknown;
        return { removed: id };
      },
    ),
  ];
}
