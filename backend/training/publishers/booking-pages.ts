// A simulated publisher's booking pages (issue 8 part 2): the page a slot's booking URL opens. With the SAS origin,
// the publisher logs the regulator in through the SAS identity provider (RDV V2: silent, no form), checks the
// regulator has an active account here (RDV V1), shows the practitioner's agenda and a short patient form, books,
// and reports every state of the appointment to the platform (RDV V3). Without it, its ordinary login page.
// Mounted by the lead through `startSimulatedPublisher({ handle })`; the pieces live in ./booking/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Practitioner } from '../../../shared/domain/care-offer';
import type { Slot } from '../../../shared/domain/slot';
import { parisDate } from '../../../shared/fhir/paris-time';
import { readForm } from '../../identity/http';
import { type AppointmentSender, createAppointmentSender } from './booking/appointment-sender';
import { type BookedAppointment, type BookingStore, Bookings } from './booking/bookings';
import { clearCookie, cookieNames, readCookie, setCookie } from './booking/cookies';
import { sendPage, sendRedirect, sendStylesheet } from './booking/html';
import { type BookingOidcClient, createBookingOidcClient, SsoFailure } from './booking/oidc-client';
import { agendaPage, type AgendaSlotView, appointmentPage, messagePage, ordinaryLoginPage, type RegulatorView } from './booking/pages';
import { type BookingRoute, matchBookingRoute, readSlotId, slotSegment } from './booking/paths';
import { readPatientForm, type PatientField } from './booking/patient-form';
import { ExpiringStore, PENDING_LOGIN_TTL_MS, type PendingLogin, type PublisherSession, SESSION_MAX_MS } from './booking/sessions';
import { randomToken, sameToken } from './booking/tokens';
import type { V1Account } from './v1-receiver';

export { bookingUrlFor } from './booking/paths';
export type { BookedAppointment, BookingStore } from './booking/bookings';

type MaybePromise<T> = T | Promise<T>;

export interface BookingPagesOptions {
  publisher: { id: string; name: string };
  /** This publisher as a confidential client of the SAS identity provider (redirect URI `<origin>/rdv/callback`). */
  oidc: { issuer: string; clientId: string; clientSecret: string; tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post' };
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

export type BookingPagesHandler = ((request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>) & {
  /** The publisher's appointments; `isTaken(slotId)` lets its slot search stop offering booked slots. */
  bookings: BookingStore;
  /** System of this publisher's appointment identifiers in RDV V3. */
  identifierSystem: string;
};

const MAX_SESSIONS = 5_000;
const MAX_PENDING = 5_000;
const AGENDA_MAX_SLOTS = 300;

export function appointmentIdentifierSystem(publisherId: string): string {
  return `urn:sas-console:training:${publisherId}:appointment`;
}

/** The slot id a booking URL of this publisher names, else the slot's own id: how the agenda links each slot. */
function linkedSlotId(slot: Slot, origin: string): string {
  const prefix = `${origin}/rdv/`;
  if (slot.bookingUrl?.startsWith(prefix)) {
    const segment = slot.bookingUrl.slice(prefix.length).split(/[?#/]/u)[0] ?? '';
    const id = readSlotId(segment);
    if (id !== undefined) return id;
  }
  return slot.id;
}

function practitionerName(p: Practitioner): string {
  return [p.prefix ?? 'Dr', p.givenName, p.familyName].filter((s) => s && s.trim() !== '').join(' ');
}

export function createBookingPages(options: BookingPagesOptions): BookingPagesHandler {
  const publisherName = options.publisher.name;
  const expectedOrigin = options.expectedOrigin ?? 'sas';
  const now = options.now ?? Date.now;
  const names = cookieNames(options.publisher.id);
  const identifierSystem = appointmentIdentifierSystem(options.publisher.id);
  const bookings = new Bookings(now);
  const sessions = new ExpiringStore<PublisherSession>(MAX_SESSIONS, now);
  const pendingLogins = new ExpiringStore<PendingLogin>(MAX_PENDING, now);
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

  const page = (response: ServerResponse, status: number, title: string, message: string, extra: { detail?: string; link?: { href: string; text: string }; cookies?: string[] } = {}) =>
    sendPage(response, status, messagePage({ publisherName, title, message, ...(extra.detail ? { detail: extra.detail } : {}), ...(extra.link ? { link: extra.link } : {}) }), extra.cookies);

  const reopenLink = (slotId: string) => ({ href: `/rdv/${slotSegment(slotId)}?origin=${encodeURIComponent(expectedOrigin)}`, text: 'Se reconnecter via la plateforme SAS' });

  function activeAccount(nationalId: string): V1Account | undefined {
    const account = options.accounts.get(nationalId);
    return account?.active ? account : undefined;
  }

  /** The publisher session of this browser, if any and if the regulator's account is still active here. */
  function currentSession(request: IncomingMessage): { id: string; session: PublisherSession } | undefined {
    const id = readCookie(request.headers.cookie, names.session);
    const session = id ? sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    // V1 withdrawal takes effect at once: an account deactivated since login ends the publisher session.
    if (!activeAccount(session.nationalId)) {
      sessions.delete(id);
      return undefined;
    }
    return { id, session };
  }

  function regulatorView(session: PublisherSession): RegulatorView {
    return { displayName: session.displayName, ...(session.idpConnect ? { idpConnect: session.idpConnect } : {}) };
  }

  function noSession(response: ServerResponse, slotId?: string) {
    const cookies = [clearCookie(names.session)];
    page(response, 401, 'Session expirée', `Votre session chez ${publisherName} a expiré ou n’existe pas. Rouvrez le créneau depuis la console SAS.`, {
      ...(slotId ? { link: reopenLink(slotId) } : {}),
      cookies,
    });
  }

  async function entry(request: IncomingMessage, response: ServerResponse, url: URL, slotId: string) {
    // Without the SAS origin this is any visitor: the publisher's ordinary login, never SSO.
    if (url.searchParams.get('origin') !== expectedOrigin) return sendPage(response, 200, ordinaryLoginPage(publisherName));
    if (!(await options.findSlot(slotId))) return page(response, 404, 'Créneau introuvable', `Ce créneau n’existe pas ou plus chez ${publisherName}.`);
    const cookies: string[] = [];
    let browserId = readCookie(request.headers.cookie, names.browser);
    if (!browserId) {
      browserId = randomToken();
      cookies.push(setCookie(names.browser, browserId, { secure: url.protocol === 'https:' }));
    }
    try {
      const start = await oidcClient.begin({ redirectUri: `${url.origin}/rdv/callback`, slotId, browserId });
      pendingLogins.set(start.state, start.pending, PENDING_LOGIN_TTL_MS);
      return sendRedirect(response, start.url.href, cookies);
    } catch (error) {
      options.logger?.warn('booking SSO could not start', { publisher: options.publisher.id, error: String(error) });
      return page(response, 502, 'Plateforme SAS injoignable', 'La plateforme SAS ne répond pas : la connexion automatique est impossible pour l’instant. Réessayez dans un instant depuis la console.', { cookies });
    }
  }

  async function callback(request: IncomingMessage, response: ServerResponse, url: URL) {
    const state = url.searchParams.get('state') ?? '';
    const pending = state ? pendingLogins.take(state) : undefined;
    const browserId = readCookie(request.headers.cookie, names.browser);
    if (!pending || !browserId || !sameToken(browserId, pending.browserId))
      return page(response, 400, 'Connexion expirée', 'Cette connexion a expiré ou n’a pas été demandée depuis ce navigateur. Rouvrez le créneau depuis la console SAS.');
    let identity;
    try {
      identity = await oidcClient.complete(url, state, pending);
    } catch (error) {
      const failure = error instanceof SsoFailure ? error : new SsoFailure('invalid-response', String(error));
      options.logger?.warn('booking SSO refused', { publisher: options.publisher.id, reason: failure.reason, detail: failure.detail });
      if (failure.reason === 'provider-refused')
        return page(response, 403, 'Connexion refusée', 'La plateforme SAS n’a pas confirmé votre identité : votre session SAS est peut-être terminée. Reconnectez-vous à la console, puis rouvrez le créneau.', {
          detail: `Motif technique : ${failure.detail}`,
        });
      if (failure.reason === 'provider-unreachable')
        return page(response, 502, 'Plateforme SAS injoignable', 'La plateforme SAS ne répond pas : la connexion automatique est impossible pour l’instant. Réessayez dans un instant depuis la console.');
      return page(response, 502, 'Connexion refusée', 'La réponse de la plateforme SAS n’a pas pu être vérifiée : connexion refusée.');
    }
    // A new login replaces whatever session this browser had here (another regulator may have used it before).
    const previous = readCookie(request.headers.cookie, names.session);
    if (previous) sessions.delete(previous);
    const account = activeAccount(identity.nationalId);
    if (!account) {
      options.logger?.warn('booking refused: no active V1 account', { publisher: options.publisher.id, nationalId: identity.nationalId });
      return page(response, 403, 'Accès refusé', `Compte régulateur inconnu ou désactivé chez ${publisherName}.`, {
        detail: 'Votre compte est créé ici par la plateforme SAS lors de votre connexion à la console. Si le problème persiste, contactez votre référent SAS.',
        cookies: [clearCookie(names.session)],
      });
    }
    const displayName = [account.givenName, account.familyName].filter(Boolean).join(' ');
    const ttl = Math.min(SESSION_MAX_MS, identity.sessionEndsAt !== undefined ? identity.sessionEndsAt - now() : SESSION_MAX_MS);
    if (ttl <= 0) return page(response, 403, 'Connexion refusée', 'Votre session SAS est terminée. Reconnectez-vous à la console, puis rouvrez le créneau.');
    const session: PublisherSession = { nationalId: account.nationalId, displayName, csrfToken: randomToken() };
    if (account.email) session.email = account.email;
    if (identity.idpConnect) session.idpConnect = identity.idpConnect;
    const sessionId = randomToken();
    sessions.set(sessionId, session, ttl);
    return sendRedirect(response, `/rdv/${slotSegment(pending.slotId)}/agenda`, [
      setCookie(names.session, sessionId, { maxAgeSeconds: ttl / 1000, secure: url.protocol === 'https:' }),
    ]);
  }

  async function renderAgenda(
    response: ServerResponse,
    url: URL,
    slotId: string,
    session: PublisherSession,
    status: number,
    form: { errors?: Partial<Record<PatientField, string>>; values?: Partial<Record<PatientField, string>>; notice?: string } = {},
  ) {
    const found = await options.findSlot(slotId);
    if (!found) return page(response, 404, 'Créneau introuvable', `Ce créneau n’existe pas ou plus chez ${publisherName}.`);
    const { slot, practitioner } = found;
    const others = (await options.agendaFor(practitioner.nationalId)).slice(0, AGENDA_MAX_SLOTS);
    const byId = new Map<string, AgendaSlotView>();
    for (const candidate of [slot, ...others]) {
      const id = linkedSlotId(candidate, url.origin);
      const current = candidate === slot || id === slotId;
      if (byId.has(id) || (!current && bookings.isTaken(id))) continue;
      byId.set(id, { href: `/rdv/${slotSegment(current ? slotId : id)}/agenda`, start: candidate.start, end: candidate.end, current });
    }
    const views = [...byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const notice = form.notice ?? (bookings.isTaken(slotId) ? 'Ce créneau vient d’être réservé : choisissez-en un autre dans l’agenda.' : undefined);
    const place = slot.place ?? practitioner.places[0];
    sendPage(
      response,
      status,
      agendaPage({
        publisherName,
        regulator: regulatorView(session),
        practitionerName: practitionerName(practitioner),
        ...(place ? { place } : {}),
        chosen: { slotId, start: slot.start, end: slot.end, modes: slot.modes, confirmAction: `/rdv/${slotSegment(slotId)}/confirm` },
        slots: views,
        csrfToken: session.csrfToken,
        ...(form.errors ? { errors: form.errors } : {}),
        ...(form.values ? { values: form.values } : {}),
        ...(notice ? { notice } : {}),
      }),
    );
  }

  /** Reads a form posted in a session and checks its CSRF token; answers and returns undefined when wrong. */
  async function sessionForm(request: IncomingMessage, response: ServerResponse, session: PublisherSession): Promise<URLSearchParams | undefined> {
    const form = await readForm(request);
    if (!form.ok) {
      page(response, 400, 'Formulaire illisible', form.message);
      return undefined;
    }
    if (!sameToken(form.fields.get('csrf'), session.csrfToken)) {
      page(response, 403, 'Formulaire refusé', 'Ce formulaire a expiré ou ne vient pas de cette page. Rechargez la page et recommencez.');
      return undefined;
    }
    return form.fields;
  }

  async function report(appointment: BookedAppointment, mode: 'create' | 'update') {
    const outcome = await sender.send(appointment, mode);
    const at = new Date(now()).toISOString();
    if (outcome.ok) bookings.recordReport(appointment, { state: 'sent', at, httpStatus: outcome.httpStatus });
    else {
      options.logger?.warn('V3 report failed', { publisher: options.publisher.id, appointment: appointment.id, status: outcome.httpStatus, message: outcome.message });
      bookings.recordReport(appointment, { state: 'failed', at, message: outcome.message, ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}) });
    }
  }

  async function confirm(request: IncomingMessage, response: ServerResponse, url: URL, slotId: string) {
    const current = currentSession(request);
    if (!current) return noSession(response, slotId);
    const { session } = current;
    const fields = await sessionForm(request, response, session);
    if (!fields) return;
    const found = await options.findSlot(slotId);
    if (!found) return page(response, 404, 'Créneau introuvable', `Ce créneau n’existe pas ou plus chez ${publisherName}.`);
    const patient = readPatientForm(fields, parisDate(now()));
    if (!patient.ok) return renderAgenda(response, url, slotId, session, 422, { errors: patient.errors, values: patient.values });
    const booked = bookings.book({
      slotId,
      practitionerId: found.practitioner.nationalId,
      practitionerName: practitionerName(found.practitioner),
      start: found.slot.start,
      end: found.slot.end,
      operatorId: session.nationalId,
      patient: patient.patient,
    });
    if (!booked.ok)
      return booked.reason === 'slot-taken'
        ? renderAgenda(response, url, slotId, session, 409, { notice: 'Ce créneau vient d’être réservé : choisissez-en un autre dans l’agenda.' })
        : page(response, 503, 'Réservation impossible', `${publisherName} ne peut plus enregistrer de rendez-vous pendant cette session de formation.`);
    await report(booked.appointment, 'create');
    return sendRedirect(response, `/rdv/appointment/${booked.appointment.id}`);
  }

  function ownAppointment(response: ServerResponse, id: string, session: PublisherSession): BookedAppointment | undefined {
    const appointment = bookings.get(id);
    if (appointment && appointment.operatorId === session.nationalId) return appointment;
    page(response, 404, 'Rendez-vous introuvable', `Ce rendez-vous n’existe pas chez ${publisherName}, ou il a été pris par un autre régulateur.`);
    return undefined;
  }

  async function route(request: IncomingMessage, response: ServerResponse, url: URL, matched: BookingRoute): Promise<void> {
    switch (matched.kind) {
      case 'stylesheet':
        return sendStylesheet(response);
      case 'login': {
        // The ordinary login exists to be seen, not used: no account of this simulated publisher has a password.
        await readForm(request);
        return sendPage(response, 200, ordinaryLoginPage(publisherName, 'Identifiant ou mot de passe incorrect.'));
      }
      case 'entry':
        return entry(request, response, url, matched.slotId);
      case 'callback':
        return callback(request, response, url);
      case 'agenda': {
        const current = currentSession(request);
        if (!current) return noSession(response, matched.slotId);
        return renderAgenda(response, url, matched.slotId, current.session, 200);
      }
      case 'confirm':
        return confirm(request, response, url, matched.slotId);
      case 'appointment': {
        const current = currentSession(request);
        if (!current) return noSession(response);
        const appointment = ownAppointment(response, matched.appointmentId, current.session);
        if (!appointment) return;
        return sendPage(response, 200, appointmentPage({ publisherName, regulator: regulatorView(current.session), appointment, csrfToken: current.session.csrfToken }));
      }
      case 'appointment-action': {
        const current = currentSession(request);
        if (!current) return noSession(response);
        const fields = await sessionForm(request, response, current.session);
        if (!fields) return;
        const appointment = ownAppointment(response, matched.appointmentId, current.session);
        if (!appointment) return;
        if (matched.action === 'retry') {
          await report(appointment, appointment.knownToPlatform ? 'update' : 'create');
        } else {
          if (!bookings.apply(appointment, matched.action))
            return page(response, 409, 'Action impossible', 'Cette action n’est plus possible pour ce rendez-vous.', {
              link: { href: `/rdv/appointment/${appointment.id}`, text: 'Revenir au rendez-vous' },
            });
          // Every change is a conditional PUT on the publisher's identifier (the backend creates it if absent).
          await report(appointment, 'update');
        }
        return sendRedirect(response, `/rdv/appointment/${appointment.id}`);
      }
    }
  }

  const handle = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/rdv' && !url.pathname.startsWith('/rdv/')) return false;
    const matched = matchBookingRoute(request.method ?? 'GET', url.pathname);
    try {
      if (!matched) page(response, 404, 'Page introuvable', `Cette page n’existe pas chez ${publisherName}.`);
      else await route(request, response, url, matched);
    } catch (error) {
      options.logger?.warn('booking page failed', { publisher: options.publisher.id, path: url.pathname, error: String(error) });
      if (!response.headersSent) page(response, 500, 'Erreur interne', `${publisherName} a rencontré une erreur. Réessayez.`);
      else response.end();
    }
    return true;
  };
  return Object.assign(handle, { bookings: bookings as BookingStore, identifierSystem });
}
