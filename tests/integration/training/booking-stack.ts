// The whole booking chain on loopback: training PSC ← backend identity provider (the identity tests' stack) and a
// small backend V3 receiver (the real appointment routes over PGlite in memory), and one simulated publisher with its
// RDV V1 receiver and booking pages mounted through the publisher server's route hook. All real HTTP servers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppointmentFeed } from '@backend/appointments/feed';
import { storedBookingIntents } from '@backend/appointments/booking-intents';
import { appointmentRoutes } from '@backend/appointments/routes';
import { bindServer, type BoundServer } from '@backend/http/listen';
import { createRouter } from '@backend/http/router';
import { openStorage, type Storage } from '@backend/storage';
import {
  type BookingPagesHandler,
  type BookingPagesOptions,
  bookingUrlFor,
  createBookingPages,
} from '@backend/training/publishers/booking-pages';
import { type SimulatedPublisher, startSimulatedPublisher } from '@backend/training/publishers/publisher-server';
import { createV1Receiver, type V1Receiver } from '@backend/training/publishers/v1-receiver';
import type { Practitioner } from '@shared/domain/care-offer';
import type { Slot } from '@shared/domain/slot';
import { buildRegulatorPractitioner } from '@shared/fhir/build-v1-v3';
import { formatInstant } from '@shared/fhir/instant';
import { offsetMinutes, toLocal, fromLocal } from '@shared/util/time-zone';
import type { RegulatorAccount } from '@backend/identity/regulator-accounts';
import { type IdentityStack, startIdentityStack } from '../identity/harness';

export const PUBLISHER_ID = 'editeur-formation-a';
export const PUBLISHER_NAME = 'Agenda Santé Formation';
const PUBLISHER_CLIENT = { clientId: 'editeur-formation-a', clientSecret: 'booking-pages-secret-000000001' };
const PUBLISHER_KEY = 'training-publisher-key-0123456789';

export const PRACTITIONER: Practitioner = {
  nationalId: '810001234567',
  familyName: 'Dupont',
  givenName: 'Jeanne',
  prefix: 'Dr',
  specialties: [{ system: 'urn:oid:1.2.250.1.213.2.28', code: 'SM54' }],
  places: [{ line: '12 rue de la Paix', postalCode: '75002', city: 'Paris' }],
};

/** Four free 30-minute slots tomorrow morning, Paris time, with booking URLs at the publisher. */
function trainingSlots(origin: string, nowMs = Date.now()): Slot[] {
  const tomorrow = toLocal(nowMs + 24 * 3600 * 1000);
  return [9, 9.5, 10, 10.5].map((hour, index) => {
    const startMs = fromLocal({
      ...tomorrow,
      hour: Math.floor(hour),
      minute: (hour % 1) * 60,
      second: 0,
      millisecond: 0,
    });
    const endMs = startMs + 30 * 60 * 1000;
    const id = `creneau-${index + 1}`;
    return {
      id,
      start: formatInstant(startMs, offsetMinutes(startMs)),
      end: formatInstant(endMs, offsetMinutes(endMs)),
      types: ['SNP'],
      modes: ['cabinet'],
      withAppointment: true,
      bookingUrl: bookingUrlFor(origin, id),
      sourceId: PUBLISHER_ID,
      specialties: PRACTITIONER.specialties,
      practitionerId: PRACTITIONER.nationalId,
    };
  });
}

export interface BookingStack {
  identity: IdentityStack;
  storage: Storage;
  backend: BoundServer;
  publisher: SimulatedPublisher;
  v1: V1Receiver;
  pages: BookingPagesHandler;
  slots: Slot[];
  /** V3 requests the backend received, in order (method and URL). */
  v3Requests: { method: string; url: string; authorization?: string }[];
  /** Answer the next N V3 requests with this status before the real receiver sees them. */
  failNextV3(count: number, status: number): void;
  /** The backend accepts the publisher key (default) or not. */
  setPublisherKeyAccepted(accepted: boolean): void;
  bookingUrl(slotId: string, origin?: string | null): string;
  /** Pushes a regulator account to the publisher as the platform does (RDV V1). */
  pushV1(account: RegulatorAccount, method?: 'POST' | 'PUT'): Promise<Response>;
  close(): Promise<void>;
}

export async function startBookingStack(options: { pages?: Partial<BookingPagesOptions> } = {}): Promise<BookingStack> {
  // Backend V3 receiver: the real routes, a publisher authenticator that accepts our key.
  const storage = await openStorage({ driver: 'pglite' });
  let keyAccepted = true;
  let failures = { count: 0, status: 503 };
  const v3Requests: BookingStack['v3Requests'] = [];
  const unexpected: unknown[] = [];
  const router = createRouter(
    appointmentRoutes({
      appointments: storage.appointments,
      feed: new AppointmentFeed(),
      intents: storedBookingIntents(storage.db),
      regulatorByTechnicalId: async (id) => (await storage.regulators.getByTechnicalId(id))?.nationalId,
      authenticatePublisher: (request) =>
        keyAccepted && request.headers.authorization === `Bearer ${PUBLISHER_KEY}` ? PUBLISHER_ID : undefined,
      verifyAccessToken: async () => undefined,
      onUnexpected: (error) => unexpected.push(error),
    }),
    [],
    (error) => unexpected.push(error),
  );
  const backend = await bindServer();
  backend.setHandler((request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/fhir/Appointment')) {
      v3Requests.push({
        method: request.method ?? '',
        url: request.url,
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      });
      if (failures.count > 0) {
        failures = { ...failures, count: failures.count - 1 };
        request.resume();
        response.writeHead(failures.status, { 'content-type': 'application/fhir+json' });
        response.end(
          JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'transient', details: { text: 'Indisponible.' } }],
          }),
        );
        return;
      }
    }
    void router(request, response);
  });

  // The publisher first: its origin is the OIDC client's redirect URI.
  const v1 = createV1Receiver({ publisherName: PUBLISHER_NAME });
  const mounted: { pages?: BookingPagesHandler } = {};
  const publisher = await startSimulatedPublisher({
    id: PUBLISHER_ID,
    name: PUBLISHER_NAME,
    answer: () => ({ resourceType: 'Bundle', type: 'searchset', entry: [] }),
    handle: async (request, response, url) =>
      (await v1.handle(request, response, url)) || (mounted.pages ? mounted.pages(request, response, url) : false),
  });
  const identity = await startIdentityStack({
    provider: (config) => ({
      ...config,
      publishers: [
        ...(config.publishers ?? []),
        { ...PUBLISHER_CLIENT, redirectUris: [`${publisher.origin}/rdv/callback`], name: PUBLISHER_NAME },
      ],
    }),
  });
  const slots = trainingSlots(publisher.origin);
  const pages = createBookingPages({
    publisher: { id: PUBLISHER_ID, name: PUBLISHER_NAME },
    oidc: { issuer: identity.issuer, ...PUBLISHER_CLIENT },
    appointmentsUrl: `${backend.origin}/fhir/Appointment`,
    publisherKey: PUBLISHER_KEY,
    accounts: v1.accounts,
    findSlot: (slotId) => {
      const slot = slots.find((s) => s.id === slotId);
      return slot ? { slot, practitioner: PRACTITIONER } : undefined;
    },
    agendaFor: (practitionerId) => slots.filter((s) => s.practitionerId === practitionerId),
    report: { attempts: 3, baseDelayMs: 20, timeoutMs: 5000 },
    ...options.pages,
  });
  mounted.pages = pages;

  return {
    identity,
    storage,
    backend,
    publisher,
    v1,
    pages,
    slots,
    v3Requests,
    failNextV3: (count, status) => {
      failures = { count, status };
    },
    setPublisherKeyAccepted: (accepted) => {
      keyAccepted = accepted;
    },
    bookingUrl: (slotId, origin = 'sas') => {
      const url = new URL(bookingUrlFor(publisher.origin, slotId));
      if (origin !== null) url.searchParams.set('origin', origin);
      return url.href;
    },
    pushV1: (account, method = 'POST') => {
      const practitioner = buildRegulatorPractitioner({
        nationalId: account.nationalId,
        active: account.active,
        familyName: account.familyName,
        givenName: account.givenName ?? '',
        ...(account.email ? { email: account.email } : {}),
      });
      const url =
        method === 'POST'
          ? `${publisher.fhirBaseUrl}/Practitioner`
          : `${publisher.fhirBaseUrl}/Practitioner?identifier=${encodeURIComponent(`urn:oid:1.2.250.1.71.4.2.1|${account.nationalId}`)}`;
      return fetch(url, {
        method,
        headers: { 'content-type': 'application/fhir+json' },
        body: JSON.stringify(practitioner),
      });
    },
    close: async () => {
      await identity.close();
      await publisher.close();
      await backend.close();
      await storage.close();
      if (unexpected.length > 0) throw new Error(`backend errors: ${unexpected.map(String).join('; ')}`);
    },
  };
}
