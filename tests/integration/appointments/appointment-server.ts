// A small SAS backend for the appointment tests: the real appointment routes (V3 receiver, the console's list,
// live stream and booking intents) over PGlite in memory, on a real loopback server — plain HTTP, or HTTPS with
// client certificates requested when `tls` is given. Console callers are told apart by their bearer token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as fhir from 'fhir/r4';
import type { ApiCaller } from '@backend/api/auth';
import { storedBookingIntents } from '@backend/appointments/booking-intents';
import { AppointmentFeed } from '@backend/appointments/feed';
import { appointmentRoutes } from '@backend/appointments/routes';
import type { PublisherAuthenticator } from '@backend/appointments/v3-receiver';
import { bearerKeyAuthenticator } from '@backend/app';
import { bindServer, type BoundServer, type ServerTls } from '@backend/http/listen';
import { createRouter } from '@backend/http/router';
import { openStorage, type Storage } from '@backend/storage';
import { buildAppointment } from '@shared/fhir/build-v1-v3';
import type { AppointmentReport } from '@shared/fhir/map-appointment';

export const PUBLISHER_ID = 'agendaplume';
const PUBLISHER_KEY = 'cle-editeur-agendaplume-0123456789abcdef';
export const IDENTIFIER_SYSTEM = 'urn:sas-console:training:agendaplume:appointment';

/** Two regulators, each with the console token the test uses for them. */
export const ALICE = {
  nationalId: '899999000005',
  token: 'jeton-console-alice-0123456789',
  familyName: 'Plumevert',
  givenName: 'Alice',
};
export const BRUNO = {
  nationalId: '899999000013',
  token: 'jeton-console-bruno-0123456789',
  familyName: 'Lunedoux',
  givenName: 'Bruno',
};
export const PRACTITIONER = { nationalId: '899990002299', name: 'Dr Paul Lavandevif' };

export interface AppointmentServer {
  url: string;
  bound: BoundServer;
  storage: Storage;
  feed: AppointmentFeed;
  /** Errors the routes reported as unexpected (a 500): every test expects none. */
  unexpected: unknown[];
  close(): Promise<void>;
}

export interface AppointmentServerOptions {
  tls?: ServerTls;
  /** Default: the training way, a bearer key for PUBLISHER_ID. */
  authenticatePublisher?: PublisherAuthenticator;
}

export async function startAppointmentServer(options: AppointmentServerOptions = {}): Promise<AppointmentServer> {
  const storage = await openStorage({ driver: 'pglite' });
  const feed = new AppointmentFeed();
  const unexpected: unknown[] = [];
  const callers = new Map<string, ApiCaller>(
    [ALICE, BRUNO].map((r) => [
      r.token,
      { nationalId: r.nationalId, familyName: r.familyName, givenName: r.givenName },
    ]),
  );
  const router = createRouter(
    appointmentRoutes({
      appointments: storage.appointments,
      feed,
      intents: storedBookingIntents(storage.db),
      regulatorByTechnicalId: async (id) => (await storage.regulators.getByTechnicalId(id))?.nationalId,
      authenticatePublisher: options.authenticatePublisher ?? bearerKeyAuthenticator({ [PUBLISHER_ID]: PUBLISHER_KEY }),
      verifyAccessToken: async ({ token }) => callers.get(token),
      onUnexpected: (error) => unexpected.push(error),
    }),
    [],
    (error) => unexpected.push(error),
  );
  const bound = await bindServer('127.0.0.1', 0, options.tls);
  bound.setHandler((request: IncomingMessage, response: ServerResponse) => void router(request, response));
  return {
    url: bound.origin,
    bound,
    storage,
    feed,
    unexpected,
    close: async () => {
      await bound.close();
      await storage.close();
    },
  };
}

let sequence = 0;

/** A valid FrAppointmentSAS as a training publisher sends it: tomorrow 09:00–09:20 (Paris), booked by Alice. */
function validReport(overrides: Partial<AppointmentReport> = {}): AppointmentReport {
  sequence += 1;
  return {
    profile: 'ps',
    publisherAppointmentId: `RDV-TEST${String(sequence).padStart(8, '0')}`,
    identifierSystem: IDENTIFIER_SYSTEM,
    status: 'booked',
    start: '2030-03-14T09:00:00+01:00',
    end: '2030-03-14T09:20:00+01:00',
    operatorId: ALICE.nationalId,
    practitionerId: PRACTITIONER.nationalId,
    practitionerName: PRACTITIONER.name,
    ...overrides,
  };
}

export function validAppointment(overrides: Partial<AppointmentReport> = {}): fhir.Appointment {
  return buildAppointment(validReport(overrides));
}

export interface FhirAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

/** POST (or conditional PUT with `identifier`) of a V3 body; `body` is sent as is when it is a string. */
export async function sendV3(
  server: { url: string },
  body: unknown,
  options: { method?: 'POST' | 'PUT'; identifier?: string; key?: string | null; contentType?: string } = {},
): Promise<FhirAnswer> {
  const method = options.method ?? 'POST';
  const query = options.identifier === undefined ? '' : `?identifier=${encodeURIComponent(options.identifier)}`;
  const key = options.key === undefined ? PUBLISHER_KEY : options.key;
  const response = await fetch(`${server.url}/fhir/Appointment${query}`, {
    method,
    headers: {
      'content-type': options.contentType ?? 'application/fhir+json',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* kept as text: the assertion will show it */
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed };
}

export interface OutcomeIssue {
  severity: string;
  code: string;
  details: { coding: { code: string }[]; text: string };
  expression?: string[];
}

/** The issues of an OperationOutcome answer; throws (failing the test) when the body is not one. */
export function outcomeIssues(answer: FhirAnswer): OutcomeIssue[] {
  const body = answer.body as { resourceType?: unknown; issue?: unknown };
  if (body?.resourceType !== 'OperationOutcome' || !Array.isArray(body.issue)) {
    throw new Error(`an OperationOutcome was expected, got ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return body.issue as OutcomeIssue[];
}

/** The machine codes of the issues (our CodeSystem), e.g. `appointment-status-unknown`. */
export function issueCodes(answer: FhirAnswer): string[] {
  return outcomeIssues(answer).map((i) => i.details.coding[0]?.code ?? '');
}
