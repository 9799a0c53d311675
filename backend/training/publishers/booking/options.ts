// What a simulated publisher's booking pages need from the server that mounts them: who the publisher is, its OIDC
// client at the SAS identity provider, where to report appointments (RDV V3), the RDV V1 accounts it received,
// and its slots.
import type { Practitioner } from '@shared/domain/care-offer';
import type { Slot } from '@shared/domain/slot';
import type { V1Account } from '../v1-receiver';

type MaybePromise<T> = T | Promise<T>;

export interface BookingPagesOptions {
  publisher: { id: string; name: string };
  /** This publisher as a confidential client of the SAS identity provider (redirect URI `<origin>/rdv/callback`). */
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  };
  /** The backend's RDV V3 endpoint (`…/fhir/Appointment`). */
  appointmentsUrl: string;
  /** Sent as `Authorization: Bearer <key>` to the backend (training; mutual TLS in production). */
  publisherKey: string;
  /** The RDV V1 accounts this publisher received (`createV1Receiver().accounts`). */
  accounts: { get(nationalId: string): V1Account | undefined };
  /** The slot a booking URL names, with its practitioner. */
  findSlot(slotId: string): MaybePromise<{ slot: Slot; practitioner: Practitioner } | undefined>;
  /** That practitioner's free slots of the coming days. */
  agendaFor(practitionerId: string): MaybePromise<Slot[]>;
  /** Value of the `origin` parameter that means "opened from the SAS" (default `sas`). */
  expectedOrigin?: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Tuning of the V3 reports (tests make the backoff short). */
  report?: { attempts?: number; baseDelayMs?: number; timeoutMs?: number };
  logger?: { warn(message: string, fields?: Record<string, unknown>): void };
}
