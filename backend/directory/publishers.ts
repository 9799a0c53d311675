// The publisher registry: every booking software (éditeur) the backend calls for slots, where its FHIR server is,
// which origins its booking pages live on (the console's allow-list for opening them), and whether it takes RDV V1
// regulator accounts.
import { SAS_AGENDA_SOURCE_ID } from '../../shared/domain/appointment';
import type { SourceInfo } from '../../shared/domain/search';

/** `ps`: practitioners' agendas; `cpts`: also CPTS slots (CPTS includes); `sos`: SOS Médecins sites (Schedule). */
export const PUBLISHER_KINDS = ['ps', 'cpts', 'sos'] as const;
type PublisherKind = (typeof PUBLISHER_KINDS)[number];

export interface Publisher {
  /** Stable id, used as the source id of its slots. */
  id: string;
  name: string;
  kind: PublisherKind;
  /**
   * FHIR base URL. In the training data set it is a placeholder, `training:<id>`, replaced at start-up by the
   * address of the simulated publisher (`bindPublisherEndpoints`).
   */
  fhirBaseUrl: string;
  /** Origins of its booking pages (`https://host[:port]`), or placeholders like the base URL. */
  bookingOrigins: string[];
  /** Receives regulator accounts (RDV V1) at login. */
  acceptsV1Accounts: boolean;
}

/** Source id of the SAS agenda, the source of practitioners without an interfaced publisher. */
export const SAS_AGENDA_ID = SAS_AGENDA_SOURCE_ID;
export const SAS_AGENDA_SOURCE: SourceInfo = { id: SAS_AGENDA_ID, name: 'Agenda SAS', kind: 'sas-agenda' };

const TRAINING_PLACEHOLDER_PREFIX = 'training:';

export function trainingPlaceholder(publisherId: string): string {
  return `${TRAINING_PLACEHOLDER_PREFIX}${publisherId}`;
}

function isPlaceholder(value: string): boolean {
  return value.startsWith(TRAINING_PLACEHOLDER_PREFIX);
}

export interface PublisherEndpoint {
  fhirBaseUrl: string;
  /** Origin of the booking pages; absent: the FHIR base URL's origin. */
  bookingOrigin?: string;
}

/**
 * Replaces placeholders with the real addresses (the simulated publishers' ephemeral ports). Publishers without an
 * endpoint are returned unchanged; a URL that is not a placeholder is never overwritten.
 */
export function bindPublisherEndpoints(
  publishers: readonly Publisher[],
  endpoints: Readonly<Record<string, PublisherEndpoint>>,
): Publisher[] {
  return publishers.map((publisher) => {
    const endpoint = endpoints[publisher.id];
    if (!endpoint) return publisher;
    const origin = endpoint.bookingOrigin ?? new URL(endpoint.fhirBaseUrl).origin;
    return {
      ...publisher,
      fhirBaseUrl: isPlaceholder(publisher.fhirBaseUrl) ? endpoint.fhirBaseUrl : publisher.fhirBaseUrl,
      bookingOrigins: publisher.bookingOrigins.map((value) => (isPlaceholder(value) ? origin : value)),
    };
  });
}
