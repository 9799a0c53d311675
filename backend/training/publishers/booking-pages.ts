// A simulated publisher's booking pages: the page a slot's booking URL opens. With the SAS origin,
// the publisher logs the regulator in through the SAS identity provider (RDV V2: silent, no form), checks the
// regulator has an active account here (RDV V1), shows the practitioner's agenda and a short patient form, books,
// and reports every state of the appointment to the platform (RDV V3). Without it, its ordinary login page.
// Mounted through `startSimulatedPublisher({ handle })`; the pieces live in ./booking/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm } from '@backend/identity/http';
import { renderAgenda } from './booking/agenda-view';
import { createAppointmentPages } from './booking/appointment-pages';
import { type AppointmentSender, createAppointmentSender } from './booking/appointment-sender';
import type { BookingStore } from './booking/bookings';
import { createBookingContext } from './booking/context';
import { sendPage, sendStylesheet } from './booking/html';
import { type BookingOidcClient, createBookingOidcClient } from './booking/oidc-client';
import type { BookingPagesOptions } from './booking/options';
import { ordinaryLoginPage } from './booking/pages';
import { type BookingRoute, matchBookingRoute } from './booking/paths';
import { currentSession, noSession } from './booking/session-access';
import { createSsoLogin } from './booking/sso-login';

export { bookingUrlFor } from './booking/paths';
export type { BookingPagesOptions } from './booking/options';

export type BookingPagesHandler = ((
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => Promise<boolean>) & {
  /** The publisher's appointments; `isTaken(slotId)` lets its slot search stop offering booked slots. */
  bookings: BookingStore;
  /** System of this publisher's appointment identifiers in RDV V3. */
  identifierSystem: string;
};

function appointmentIdentifierSystem(publisherId: string): string {
  return `urn:sas-console:training:${publisherId}:appointment`;
}

export function createBookingPages(options: BookingPagesOptions): BookingPagesHandler {
  const ctx = createBookingContext(options);
  const { publisherName, bookings, now } = ctx;
  const identifierSystem = appointmentIdentifierSystem(options.publisher.id);
  const oidcClient: BookingOidcClient = createBookingOidcClient({
    ...options.oidc,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    now,
  });
  const sender: AppointmentSender = createAppointmentSender({
    appointmentsUrl: options.appointmentsUrl,
    publisherKey: options.publisherKey,
    identifierSystem,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...options.report,
  });
  const login = createSsoLogin(ctx, oidcClient);
  const appointments = createAppointmentPages(ctx, sender);
  const page = ctx.page;

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    matched: BookingRoute,
  ): Promise<void> {
    switch (matched.kind) {
      case 'stylesheet':
        return sendStylesheet(response);
      case 'login': {
        // The ordinary login exists to be seen, not used: no account of this simulated publisher has a password.
        await readForm(request);
        return sendPage(response, 200, ordinaryLoginPage(publisherName, 'Identifiant ou mot de passe incorrect.'));
      }
      case 'entry':
        return login.entry(request, response, url, matched.slotId);
      case 'callback':
        return login.callback(request, response, url);
      case 'agenda': {
        const current = currentSession(ctx, request);
        if (!current) return noSession(ctx, response, matched.slotId);
        return renderAgenda(ctx, response, url, matched.slotId, current.session, 200);
      }
      case 'confirm':
        return appointments.confirm(request, response, url, matched.slotId);
      case 'appointment':
        return appointments.show(request, response, matched.appointmentId);
      case 'appointment-action':
        return appointments.act(request, response, matched.appointmentId, matched.action);
    }
  }

  const handle = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/rdv' && !url.pathname.startsWith('/rdv/')) return false;
    const matched = matchBookingRoute(request.method ?? 'GET', url.pathname, url.search);
    try {
      if (!matched) page(response, 404, 'Page introuvable', `Cette page n’existe pas chez ${publisherName}.`);
      else await route(request, response, url, matched);
    } catch (error) {
      options.logger?.warn('booking page failed', {
        publisher: options.publisher.id,
        path: url.pathname,
        error: String(error),
      });
      if (!response.headersSent)
        page(response, 500, 'Erreur interne', `${publisherName} a rencontré une erreur. Réessayez.`);
      else response.end();
    }
    return true;
  };
  return Object.assign(handle, { bookings: bookings as BookingStore, identifierSystem });
}
