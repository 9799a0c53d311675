// The contract between the console and its SAS backend over HTTP (documented in backend/API.md): each route's
// method, path, who may call it, what it reads (query or JSON body) and what it answers (a JSON body, or an NDJSON
// stream of events). The backend declares its routes from this table; the console checks every answer against it.
import { z } from 'zod';
import type { LocationSuggestion } from '../domain/places';
import { searchQuerySchema } from '../domain/search-query-schema';
import { availabilityPutSchema, availabilitySchema } from './agenda-schemas';
import { appointmentAnswerSchema, appointmentEventSchema } from './appointment-schemas';
import { offerPractitionerSchema, searchEventSchema } from './search-event-schemas';
import type { ShapeOf } from './shape';

/** A publisher of the registry as the console needs it. */
const publicPublisherSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Origins (scheme://host:port) of its booking pages: the console opens only these. */
  bookingOrigins: z.array(z.string()),
});
export type PublicPublisher = z.infer<typeof publicPublisherSchema>;

const locationSuggestionSchema = z.object({
  label: z.string(),
  inseeCode: z.string(),
  city: z.string(),
  postalCode: z.string().optional(),
  department: z.string(),
  streetName: z.string().optional(),
  streetNumber: z.string().optional(),
} satisfies ShapeOf<LocationSuggestion>);

const searchRequestSchema = z.object({
  query: searchQuerySchema,
  /** Retry: re-ask only these sources. */
  sources: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
  /**
   * A further page of the search's practitioners (nearest first from `offset`): its offer event carries those
   * practitioners only, and only their sources are asked for slots.
   */
  page: z
    .object({ offset: z.number().int().min(1).max(1_000_000), limit: z.number().int().min(1).max(1_000) })
    .optional(),
});

/** LRM origin of a launch (the LRM's software id): says which SAMU an appointment is sent back to. */
const lrmOriginSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/u);

const bookingIntentSchema = z.object({
  searchId: z.string().min(1).max(200),
  /** The search came from an LRM launch: the appointment that follows is sent to that LRM. */
  origin: lrmOriginSchema.optional(),
  sourceId: z.string().min(1).max(100),
  practitionerId: z.string().min(1).max(64).optional(),
  start: z.string().max(40).optional(),
});

/**
 * A further page of a search's practitioners (the `offer` event carries the nearest ones and the total): the same
 * point, radius and specialty as the search's location event, nearest first from `offset`.
 */
const offerPageRequestSchema = z.object({
  point: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
  radiusKm: z.number().positive().max(500),
  specialty: searchQuerySchema.shape.specialty,
  offset: z.number().int().min(0).max(1_000_000),
  limit: z.number().int().min(1).max(1_000),
});

/** Booking a SAS-agenda slot from the console: the slot, and the search (and its LRM) it was found in. */
const agendaBookingRequestSchema = z.object({
  slotId: z.string().min(1).max(200),
  searchId: z.string().min(1).max(200).optional(),
  origin: lrmOriginSchema.optional(),
});

/** Body of every refusal of the console API (4xx/5xx). */
export const backendErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

interface RouteBase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /**
   * `bearer`: the regulator's access token is required (401 otherwise). `manager`: a structure manager's token
   * (backend configuration `agenda.managers`), for routes integrators call, never the console.
   */
  auth: 'none' | 'bearer' | 'manager';
  /** What the route is for, in French, to name it in a message ("Réponse inattendue du serveur SAS (recherche)"). */
  label: string;
  query?: z.ZodType;
  body?: z.ZodType;
}

export interface JsonRoute extends RouteBase {
  status: number;
  response: z.ZodType;
}

export interface StreamRoute extends RouteBase {
  /** One schema over every kind of event (a union on `type`). */
  event: z.ZodType;
}

export type BackendRoute = JsonRoute | StreamRoute;

export const backendRoutes = {
  health: {
    method: 'GET',
    path: '/health',
    auth: 'none',
    label: 'état du serveur',
    status: 200,
    response: z.object({ status: z.literal('ok'), version: z.string() }),
  },
  /**
   * Whether this instance should get traffic: storage reachable, directory loaded, signing keys loaded, not stopping.
   * 200 when ready; 503 with the same body otherwise (a load balancer reads the status, a person the checks).
   */
  ready: {
    method: 'GET',
    path: '/ready',
    auth: 'none',
    label: 'disponibilité du serveur',
    status: 200,
    response: z.object({
      status: z.enum(['ready', 'not-ready']),
      checks: z.object({ storage: z.boolean(), directory: z.boolean(), keys: z.boolean(), accepting: z.boolean() }),
      /** The LRM link (Hub Santé): said, never a reason to refuse traffic (messages wait in the outbox). */
      lrm: z.object({ connected: z.boolean(), label: z.string() }).optional(),
    }),
  },
  /** Whether this backend is a training one (fictitious data): the console then says « FORMATION » in connected mode. */
  environment: {
    method: 'GET',
    path: '/api/environment',
    auth: 'none',
    label: 'environnement du serveur',
    status: 200,
    response: z.object({ training: z.boolean() }),
  },
  search: {
    method: 'POST',
    path: '/api/search',
    auth: 'bearer',
    label: 'recherche',
    body: searchRequestSchema,
    event: searchEventSchema,
  },
  places: {
    method: 'GET',
    path: '/api/places',
    auth: 'bearer',
    label: 'lieux',
    query: z.object({ q: z.string().max(200).default('') }),
    status: 200,
    response: z.object({ suggestions: z.array(locationSuggestionSchema) }),
  },
  publishers: {
    method: 'GET',
    path: '/api/publishers',
    auth: 'bearer',
    label: 'éditeurs',
    status: 200,
    response: z.object({ publishers: z.array(publicPublisherSchema) }),
  },
  appointments: {
    method: 'GET',
    path: '/api/appointments',
    auth: 'bearer',
    label: 'rendez-vous',
    status: 200,
    response: z.object({ appointments: z.array(appointmentAnswerSchema) }),
  },
  appointmentEvents: {
    method: 'GET',
    path: '/api/appointments/events',
    auth: 'bearer',
    label: 'suivi des rendez-vous',
    event: appointmentEventSchema,
  },
  bookings: {
    method: 'POST',
    path: '/api/bookings',
    auth: 'bearer',
    label: 'ouverture de réservation',
    body: bookingIntentSchema,
    status: 201,
    response: z.object({ recorded: z.literal(true) }),
  },
  /**
   * Books a SAS-agenda slot for the regulator: 201 with the appointment; 409 `agenda-slot-taken` when another
   * regulator booked it first; 404 `agenda-slot-unknown` when it no longer exists.
   */
  agendaBook: {
    method: 'POST',
    path: '/api/agenda/bookings',
    auth: 'bearer',
    label: 'réservation dans l’agenda SAS',
    body: agendaBookingRequestSchema,
    status: 201,
    response: z.object({ appointment: appointmentAnswerSchema }),
  },
  /** Cancels one of the regulator's SAS-agenda appointments and puts its slot back in every search. */
  agendaCancel: {
    method: 'POST',
    path: '/api/agenda/bookings/cancel',
    auth: 'bearer',
    label: 'annulation dans l’agenda SAS',
    body: z.object({ appointmentId: z.string().min(1).max(200) }),
    status: 200,
    response: z.object({ appointment: appointmentAnswerSchema }),
  },
  /**
   * Structure managers (and the training environment) fill the SAS agenda: availabilities of a practitioner, a CPTS
   * or a SOS Médecins site, added or replaced by id. 403 when the token does not manage the structure; 409
   * `agenda-slot-booked` when a regulator holds the slot.
   */
  agendaAvailabilitiesPut: {
    method: 'PUT',
    path: '/api/agenda/availabilities',
    auth: 'manager',
    label: 'disponibilités de l’agenda SAS',
    body: availabilityPutSchema,
    status: 200,
    response: z.object({ availabilities: z.array(availabilitySchema) }),
  },
  /** Removes one availability (`?id=`); 404 when unknown, 409 `agenda-slot-booked` when a regulator holds it. */
  agendaAvailabilitiesDelete: {
    method: 'DELETE',
    path: '/api/agenda/availabilities',
    auth: 'manager',
    label: 'suppression de disponibilité de l’agenda SAS',
    query: z.object({ id: z.string().trim().min(1).max(200) }),
    status: 200,
    response: z.object({ removed: z.string() }),
  },
  offerPage: {
    method: 'POST',
    path: '/api/search/offer-page',
    auth: 'bearer',
    label: 'suite de la liste des praticiens',
    body: offerPageRequestSchema,
    status: 200,
    response: z.object({ practitioners: z.array(offerPractitionerSchema), total: z.number().int().min(0) }),
  },
} as const satisfies Record<string, BackendRoute>;

/** What a route reads, as its sender writes it (defaults not yet applied) and as its receiver gets it. */
export type QueryIn<R> = R extends { query: z.ZodType } ? z.input<R['query']> : undefined;
export type QueryOf<R> = R extends { query: z.ZodType } ? z.output<R['query']> : undefined;
export type BodyIn<R> = R extends { body: z.ZodType } ? z.input<R['body']> : undefined;
export type BodyOf<R> = R extends { body: z.ZodType } ? z.output<R['body']> : undefined;
export type ResponseOf<R> = R extends { response: z.ZodType } ? z.output<R['response']> : never;
export type EventOf<R> = R extends { event: z.ZodType } ? z.output<R['event']> : never;
