// Opens a slot on the publisher's booking page, in the system browser, already authenticated there through the
// backend's single sign-on (RDV V2). Only pages of the publisher that returned the slot may be opened.
import type { OpenBookingRequest } from '../../shared/api/console-api';
import { ConsoleError } from '../../shared/api/errors';
import { backendRoutes, type PublicPublisher } from '../../shared/backend-api/routes';
import { describeError, type Logger, silentLogger } from '@shared/util/logger';
import { isLoopbackHost } from '@shared/util/loopback';
import type { BackendApi } from './backend-api';
import type { Journal } from './journal';
import type { BookingPort } from './ports';

export interface BookingServiceDeps {
  api: BackendApi;
  journal: Journal;
  openExternal: (url: string) => Promise<void>;
  /** The `origin` parameter publishers expect from the SAS (settings, default `sas`). */
  bookingOrigin: () => string;
  /** Told the publishers' booking origins once the registry is read (Electron main's external allow-list). */
  onPublisherOrigins?: (origins: string[]) => void;
  logger?: Logger;
}

/** The booking URL with the SAS `origin` parameter, or a refusal when it is not one of the publisher's pages. */
function bookingUrlFor(
  bookingUrl: string,
  origin: string,
  allowedOrigins: readonly string[],
): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(bookingUrl);
  } catch {
    return { ok: false, message: 'Lien de réservation invalide.' };
  }
  if (url.username || url.password)
    return { ok: false, message: 'Lien de réservation refusé (identifiants dans l’adresse).' };
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: 'Lien de réservation refusé : connexion non sécurisée.' };
  }
  if (!allowedOrigins.includes(url.origin)) {
    return {
      ok: false,
      message: `Lien de réservation refusé : ${url.host} n’est pas une adresse déclarée par cet éditeur.`,
    };
  }
  url.searchParams.set('origin', origin);
  return { ok: true, url: url.toString() };
}

export function createBookingService(
  deps: BookingServiceDeps,
): BookingPort & { forget(): void; preload(): Promise<void> } {
  const logger = (deps.logger ?? silentLogger).child('booking');
  let publishers: Promise<PublicPublisher[]> | undefined;
  const loadPublishers = () => {
    publishers ??= deps.api.get(backendRoutes.publishers).then((r) => {
      deps.onPublisherOrigins?.([...new Set(r.publishers.flatMap((p) => p.bookingOrigins))]);
      return r.publishers;
    });
    return publishers.catch((error: unknown) => {
      publishers = undefined;
      throw error;
    });
  };

  return {
    async open(request: OpenBookingRequest): Promise<void> {
      const registry = await loadPublishers();
      const publisher = registry.find((p) => p.id === request.sourceId);
      if (!publisher)
        throw new ConsoleError('unknown-publisher', 'Éditeur inconnu : ce créneau ne peut pas être ouvert.');
      const checked = bookingUrlFor(request.bookingUrl, deps.bookingOrigin(), publisher.bookingOrigins);
      if (!checked.ok) throw new ConsoleError('booking-url-refused', checked.message);
      if (request.searchId) {
        // Best effort: without it the appointment still arrives, only not linked to its tab.
        await deps.api
          .post(backendRoutes.bookings, {
            searchId: request.searchId,
            sourceId: request.sourceId,
            ...(request.practitionerId ? { practitionerId: request.practitionerId } : {}),
            ...(request.start ? { start: request.start } : {}),
            ...(request.origin ? { origin: request.origin } : {}),
          })
          .catch((error: unknown) => logger.warn('booking not linked to its search', describeError(error)));
      }
      try {
        // Electronegativity asks for a review of every openExternal with a non-constant URL. Reviewed: this is the
        // injected, allow-listed opener, and bookingUrlFor has just matched the URL's exact origin to the publisher's.
        await deps.openExternal(checked.url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      } catch {
        throw new ConsoleError('open-failed', 'Impossible d’ouvrir le navigateur pour la réservation.');
      }
      await deps.journal
        .add(
          'booking-opened',
          request.practitionerId ?? request.sourceId,
          request.practitionerName ?? publisher.name,
          request.searchId,
          publisher.name,
        )
        // The booking page is open: a journal that could not note it logs that itself, the booking goes on.
        .catch((error: unknown) => logger.warn('booking not noted in the journal', describeError(error)));
    },
    forget() {
      publishers = undefined;
      deps.onPublisherOrigins?.([]);
    },
    async preload() {
      // Preloading only warms the cache: a failure is retried by the first booking, which reports it.
      await loadPublishers().catch((error: unknown) =>
        logger.warn('publisher registry not preloaded', describeError(error)),
      );
    },
  };
}
