// RDV V2 + V3 at a simulated publisher, end to end on loopback: the console logs in (training PSC → backend
// provider), the same browser opens a booking URL with origin=sas and is let in silently, books, and every change
// reaches the backend's real V3 receiver. Refusals: no V1 account, withdrawn account, no origin, bad CSRF token.
import { afterEach, describe, expect, it } from 'vitest';
import { parseForms, type Page, TestBrowser, textOf } from '../identity/browser';
import { ALICE, BRUNO } from '../identity/fixtures';
import { consoleLogin, loginAtTrainingPsc, startConsole } from '../identity/harness';
import { type BookingStack, PRACTITIONER, PUBLISHER_ID, PUBLISHER_NAME, startBookingStack } from './booking-stack';

let stack: BookingStack | undefined;

afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const ALICE_ACCOUNT = {
  nationalId: ALICE.nationalId,
  familyName: 'Martin',
  givenName: 'Alice',
  email: 'alice.martin@sas75.test',
  active: true,
};
const BRUNO_ACCOUNT = {
  nationalId: BRUNO.nationalId,
  familyName: 'Durand',
  givenName: 'Bruno',
  email: 'bruno.durand@sas75.test',
  active: true,
};
const PATIENT = {
  patientFamilyName: 'Lefèvre',
  patientGivenName: 'Zoé',
  patientBirthDate: '1984-05-17',
  patientPhone: '06 12 34 56 78',
};

/** Submits the form of `page` whose action ends with `actionSuffix`. */
function submitForm(
  browser: TestBrowser,
  page: Page,
  actionSuffix: string,
  values: Record<string, string> = {},
): Promise<Page> {
  const index = parseForms(page.body, page.url).findIndex((f) => new URL(f.action).pathname.endsWith(actionSuffix));
  if (index < 0)
    throw new Error(`no form ending with ${actionSuffix} on ${page.url}: ${textOf(page.body).slice(0, 400)}`);
  return browser.submit(page, values, index);
}

/** A console login in a fresh browser: the browser then holds the backend's session cookie. */
async function loggedInBrowser(s: BookingStack, nationalId: string): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const app = startConsole(s.identity);
  const { state } = await consoleLogin(app, browser, nationalId, 'cps');
  expect(state.status).toBe('logged-in');
  await app.session.close();
  return browser;
}

async function openSlot(s: BookingStack, browser: TestBrowser, slotId: string): Promise<Page> {
  return browser.get(s.bookingUrl(slotId));
}

async function stored(s: BookingStack, operatorId: string) {
  return s.storage.appointments.listByOperator(operatorId);
}

describe('booking pages with single sign-on (RDV V2) and appointment feedback (RDV V3)', () => {
  it('lets a logged-in regulator in without any login form and shows the agenda with the chosen slot', async () => {
    stack = await startBookingStack();
    expect((await stack.pushV1(ALICE_ACCOUNT)).status).toBe(201);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const pscVisits = browser.history.filter((u) => u.startsWith(stack!.identity.psc.issuer)).length;

    const page = await openSlot(stack, browser, 'creneau-2');

    expect(page.status).toBe(200);
    // Silent: through the provider and back, never to PSC, never a login form.
    expect(browser.history.filter((u) => u.startsWith(stack!.identity.psc.issuer)).length).toBe(pscVisits);
    expect(page.chain.some((u) => u.startsWith(`${stack!.identity.issuer}/auth`))).toBe(true);
    expect(page.chain.some((u) => u.startsWith(`${stack!.publisher.origin}/rdv/callback?`))).toBe(true);
    expect(page.body).not.toContain('data-testid="booking-login-form"');
    expect(page.body).not.toMatch(/type="password"/u);
    expect(page.url).toBe(`${stack.publisher.origin}/rdv/creneau-2/agenda`);
    // The authorization request: code flow with PKCE S256, state and nonce, our callback.
    const authorize = new URL(page.chain.find((u) => u.startsWith(`${stack!.identity.issuer}/auth`)) ?? '');
    expect(authorize.searchParams.get('client_id')).toBe(PUBLISHER_ID);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${stack.publisher.origin}/rdv/callback`);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{16,}$/u);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{16,}$/u);

    const text = textOf(page.body);
    expect(page.body).toMatch(/<html lang="fr">/u);
    expect(text).toContain('FORMATION');
    expect(page.body).toContain(`<h1 id="publisher-name">${PUBLISHER_NAME}</h1>`);
    expect(page.body).toMatch(
      /data-testid="booking-regulator">Connecté en tant que <strong>Alice Martin<\/strong>, via la plateforme SAS/u,
    );
    expect(text).toContain('carte CPS');
    expect(text).toContain('Agenda de Dr Jeanne Dupont');
    // Every slot of the agenda, the chosen one marked; labelled patient fields; the CSRF token.
    expect(page.body.match(/<a href="\/rdv\/creneau-\d\/agenda"/gu)).toHaveLength(4);
    expect(page.body).toContain(
      '<a href="/rdv/creneau-2/agenda" aria-current="true" data-testid="booking-selected-slot">09:30</a>',
    );
    expect(page.body.match(/aria-current/gu)).toHaveLength(1);
    for (const [id, label] of [
      ['patientFamilyName', 'Nom'],
      ['patientGivenName', 'Prénom'],
      ['patientBirthDate', 'Date de naissance'],
      ['patientPhone', 'Téléphone'],
    ])
      expect(page.body).toContain(`<label for="${id}">${label}</label><input id="${id}" name="${id}"`);
    const form = parseForms(page.body, page.url).find((f) => f.action.endsWith('/rdv/creneau-2/confirm'));
    expect(form?.fields.find((f) => f.name === 'csrf')?.value).toMatch(/^[\w-]{43}$/u);
    expect(browser.cookieNames()).toContain(`rdv_${PUBLISHER_ID.replace(/-/gu, '_')}_session`);
  });

  it('confirms: the backend stores a booked appointment for that regulator, without any patient data', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const agenda = await openSlot(stack, browser, 'creneau-1');

    const confirmed = await submitForm(browser, agenda, '/confirm', PATIENT);

    expect(confirmed.status).toBe(200);
    expect(confirmed.url).toMatch(/\/rdv\/appointment\/RDV-[0-9A-F]{12}$/u);
    const text = textOf(confirmed.body);
    expect(text).toContain('Rendez-vous confirmé');
    expect(text).toContain('État : Confirmé');
    expect(text).toContain('Compte rendu transmis à la plateforme SAS.');
    for (const label of ['Annuler le rendez-vous', 'Marquer honoré', 'Marquer non honoré'])
      expect(confirmed.body).toContain(`>${label}</button>`);
    const publisherId = confirmed.url.split('/').at(-1) ?? '';

    const [appointment, ...others] = await stored(stack, ALICE.nationalId);
    expect(others).toHaveLength(0);
    expect(appointment).toMatchObject({
      publisherId: PUBLISHER_ID,
      publisherAppointmentId: publisherId,
      status: 'booked',
      operatorId: ALICE.nationalId,
      practitionerId: PRACTITIONER.nationalId,
      practitionerStatus: 'accepted',
    });
    expect(Date.parse(appointment?.start ?? '')).toBe(Date.parse(stack.slots[0]?.start ?? ''));
    expect(Date.parse(appointment?.end ?? '')).toBe(Date.parse(stack.slots[0]?.end ?? ''));
    // The FrAppointmentSAS as sent: POST, publisher key, identifier system, no patient identity.
    expect(stack.v3Requests).toEqual([
      { method: 'POST', url: '/fhir/Appointment', authorization: 'Bearer training-publisher-key-0123456789' },
    ]);
    // What the backend keeps holds no patient identity (the publisher's resource itself is not stored).
    const kept = JSON.stringify(appointment);
    for (const value of ['Lefèvre', 'Zoé', '1984-05-17', '0612345678']) expect(kept).not.toContain(value);
    // The slot is taken: the store says so, and the agenda no longer offers it to anyone.
    expect(stack.pages.bookings.isTaken('creneau-1')).toBe(true);
    const again = await openSlot(stack, browser, 'creneau-2');
    expect(again.body).not.toContain('href="/rdv/creneau-1/agenda"');
  });

  it('cancel, honoured and not honoured: each change is a conditional PUT the backend stores', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);

    const first = await submitForm(browser, await openSlot(stack, browser, 'creneau-1'), '/confirm', PATIENT);
    const cancelled = await submitForm(browser, first, '/cancel');
    expect(textOf(cancelled.body)).toContain('Rendez-vous annulé');
    expect(textOf(cancelled.body)).toContain('État : Annulé');
    expect(cancelled.body).not.toContain('<button');
    const firstId = first.url.split('/').at(-1) ?? '';
    expect(await stack.storage.appointments.getByPublisherId(PUBLISHER_ID, firstId)).toMatchObject({
      status: 'cancelled',
    });
    expect(stack.v3Requests.at(-1)).toMatchObject({
      method: 'PUT',
      url: `/fhir/Appointment?identifier=${encodeURIComponent(`urn:sas-console:training:${PUBLISHER_ID}:appointment|${firstId}`)}`,
    });
    // Cancelled frees the slot.
    expect(stack.pages.bookings.isTaken('creneau-1')).toBe(false);

    const second = await submitForm(browser, await openSlot(stack, browser, 'creneau-3'), '/confirm', PATIENT);
    const secondId = second.url.split('/').at(-1) ?? '';
    const honoured = await submitForm(browser, second, '/fulfil');
    expect(textOf(honoured.body)).toContain('État : Honoré');
    expect(await stack.storage.appointments.getByPublisherId(PUBLISHER_ID, secondId)).toMatchObject({
      status: 'fulfilled',
    });
    // A correction: it did not take place after all.
    const notHonoured = await submitForm(browser, honoured, '/noshow');
    expect(textOf(notHonoured.body)).toContain('État : Non honoré');
    expect(await stack.storage.appointments.getByPublisherId(PUBLISHER_ID, secondId)).toMatchObject({
      status: 'noshow',
    });

    expect((await stored(stack, ALICE.nationalId)).map((a) => a.status).sort()).toEqual(['cancelled', 'noshow']);
    expect(stack.v3Requests.map((r) => r.method)).toEqual(['POST', 'PUT', 'POST', 'PUT', 'PUT']);
  });

  it('without a SAS session, the provider asks for a PSC login (not the publisher’s form); then the agenda', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = new TestBrowser();

    const psc = await openSlot(stack, browser, 'creneau-1');
    expect(psc.url.startsWith(stack.identity.psc.issuer)).toBe(true);
    expect(psc.body).not.toContain('booking-login-form');
    const agenda = await loginAtTrainingPsc(browser, psc, ALICE.nationalId, 'cps');

    expect(agenda.url).toBe(`${stack.publisher.origin}/rdv/creneau-1/agenda`);
    expect(textOf(agenda.body)).toMatch(/Connecté en tant que Alice Martin ?, via la plateforme SAS/u);
  });

  it('when the regulator gives up at PSC, the publisher says the platform did not confirm the identity', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = new TestBrowser();
    const psc = await openSlot(stack, browser, 'creneau-1');
    const refusedAtBackend = await browser.follow(psc, 'Annuler la connexion');

    const page = await browser.follow(refusedAtBackend, 'Revenir');

    expect(page.url.startsWith(`${stack.publisher.origin}/rdv/callback?error=access_denied`)).toBe(true);
    expect(page.status).toBe(403);
    expect(textOf(page.body)).toContain('La plateforme SAS n’a pas confirmé votre identité');
    expect(browser.cookieNames().filter((n) => n.startsWith('rdv_') && n.endsWith('_session'))).toEqual([]);
  });

  it('refuses a regulator without a V1 account at this publisher: French page, no publisher session', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, BRUNO.nationalId);

    const page = await openSlot(stack, browser, 'creneau-1');

    expect(page.status).toBe(403);
    expect(textOf(page.body)).toContain(`Compte régulateur inconnu ou désactivé chez ${PUBLISHER_NAME}`);
    expect(page.body).toMatch(/<html lang="fr">/u);
    expect(page.body).not.toContain('booking-regulator');
    expect(browser.cookieNames().filter((n) => n.endsWith('_session') && n.startsWith('rdv_'))).toEqual([]);
    // No way around it: the agenda and the confirmation need the session.
    const agenda = await browser.get(`${stack.publisher.origin}/rdv/creneau-1/agenda`);
    expect(agenda.status).toBe(401);
    expect(textOf(agenda.body)).toContain('Votre session chez');
    expect(await stored(stack, BRUNO.nationalId)).toEqual([]);
  });

  it('refuses a regulator whose account the platform deactivated (active=false), and ends a session at once', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const agenda = await openSlot(stack, browser, 'creneau-1');
    expect(agenda.status).toBe(200);

    expect((await stack.pushV1({ ...ALICE_ACCOUNT, active: false }, 'PUT')).status).toBe(200);

    // The session opened before the withdrawal no longer books.
    const refused = await submitForm(browser, agenda, '/confirm', PATIENT);
    expect(refused.status).toBe(401);
    expect(stack.pages.bookings.list()).toEqual([]);
    // A new SSO is refused with the French page.
    const again = await openSlot(stack, browser, 'creneau-1');
    expect(again.status).toBe(403);
    expect(textOf(again.body)).toContain(`Compte régulateur inconnu ou désactivé chez ${PUBLISHER_NAME}`);
    expect(stack.v3Requests).toEqual([]);
  });

  it('without origin=sas (or with another origin) shows the ordinary login page, which logs nobody in', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const authorizeBefore = browser.history.filter((u) => u.startsWith(`${stack!.identity.issuer}/auth`)).length;

    for (const origin of [null, 'lrm', 'SAS', '']) {
      const page = await browser.get(stack.bookingUrl('creneau-1', origin));
      expect(page.status).toBe(200);
      expect(page.chain).toHaveLength(1);
      expect(page.body).toContain('data-testid="booking-login-form"');
      expect(page.body).toMatch(/<label for="login-username">Identifiant<\/label>/u);
      expect(page.body).toMatch(/<label for="login-password">Mot de passe<\/label>/u);
      expect(page.body).not.toContain('booking-regulator');
      expect(page.body).toContain(`<h1 id="publisher-name">${PUBLISHER_NAME}</h1>`);
    }
    expect(browser.history.filter((u) => u.startsWith(`${stack!.identity.issuer}/auth`)).length).toBe(authorizeBefore);
    const login = await browser.get(stack.bookingUrl('creneau-1', null));
    const refused = await browser.submit(login, { username: 'alice', password: 'secret' });
    expect(textOf(refused.body)).toContain('Identifiant ou mot de passe incorrect.');
    expect(refused.body).not.toContain('booking-regulator');
  });

  it('serves strict security headers and its own stylesheet; no script, no inline style', async () => {
    stack = await startBookingStack();
    const response = await fetch(stack.bookingUrl('creneau-1', null));
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await response.text();
    expect(body).not.toMatch(/<script|\sstyle=|<style/iu);
    expect(body).toContain('<link rel="stylesheet" href="/rdv/style.css">');
    const css = await fetch(`${stack.publisher.origin}/rdv/style.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/u);
    expect(await css.text()).toContain('.banner');
    // An unknown slot, opened from the SAS: a French 404, no SSO started.
    const unknownSlot = await fetch(stack.bookingUrl('inconnu'), { redirect: 'manual' });
    expect(unknownSlot.status).toBe(404);
    expect(await unknownSlot.text()).toContain('Ce créneau n’existe pas ou plus');
    // Unknown booking paths get a French 404, other paths still reach the publisher's FHIR routes.
    const unknown = await fetch(`${stack.publisher.origin}/rdv/creneau-1/autre`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Cette page n’existe pas');
    const slots = await fetch(`${stack.publisher.fhirBaseUrl}/Slot?status=free`, {
      headers: { accept: 'application/fhir+json' },
    });
    expect(slots.status).toBe(200);
  });

  it('sets its cookies HttpOnly and SameSite=Lax, scoped to its pages; a callback cannot be replayed', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    // The publisher's steps by hand (raw headers), the provider's in the browser that holds the SAS session.
    const entry = await fetch(stack.bookingUrl('creneau-1'), { redirect: 'manual' });
    expect(entry.status).toBe(303);
    const browserCookie = entry.headers.getSetCookie().find((c) => c.startsWith('rdv_')) ?? '';
    expect(browserCookie).toMatch(/^rdv_\w+_browser=[\w-]{43}; Path=\/rdv; HttpOnly; SameSite=Lax$/u);
    let callbackUrl: string | undefined;
    browser.rewrite = (url) => {
      if (!url.startsWith(`${stack!.publisher.origin}/rdv/callback?`)) return url;
      callbackUrl = url;
      return `${stack!.publisher.origin}/rdv/style.css`;
    };
    await browser.get(entry.headers.get('location') ?? '');
    expect(callbackUrl).toBeDefined();
    const cookie = browserCookie.split(';')[0] ?? '';

    // Without the browser cookie that started the login, the callback is refused.
    const foreign = await fetch(callbackUrl ?? '', { redirect: 'manual' });
    expect(foreign.status).toBe(400);
    expect(foreign.headers.getSetCookie()).toEqual([]);
    // That refusal consumed the login: single use, even for the right browser.
    const late = await fetch(callbackUrl ?? '', { redirect: 'manual', headers: { cookie } });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('Cette connexion a expiré');
  });

  it('opens its session with an HttpOnly, SameSite=Lax cookie at the callback', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const entry = await fetch(stack.bookingUrl('creneau-1'), { redirect: 'manual' });
    const cookie = (entry.headers.getSetCookie().find((c) => c.startsWith('rdv_')) ?? '').split(';')[0] ?? '';
    let callbackUrl: string | undefined;
    browser.rewrite = (url) => {
      if (!url.startsWith(`${stack!.publisher.origin}/rdv/callback?`)) return url;
      callbackUrl = url;
      return `${stack!.publisher.origin}/rdv/style.css`;
    };
    await browser.get(entry.headers.get('location') ?? '');

    const callback = await fetch(callbackUrl ?? '', { redirect: 'manual', headers: { cookie } });

    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/rdv/creneau-1/agenda');
    const session = callback.headers.getSetCookie().find((c) => c.includes('_session=')) ?? '';
    expect(session).toMatch(/^rdv_\w+_session=[\w-]{43}; Path=\/rdv; HttpOnly; SameSite=Lax; Max-Age=\d+$/u);
    // At most the 12-hour shift.
    expect(Number(/Max-Age=(\d+)/u.exec(session)?.[1])).toBeLessThanOrEqual(12 * 3600);
    const agenda = await fetch(`${stack.publisher.origin}/rdv/creneau-1/agenda`, {
      headers: { cookie: session.split(';')[0] ?? '' },
    });
    expect(agenda.status).toBe(200);
    expect(await agenda.text()).toContain('Alice Martin');
  });

  it('refuses a confirmation without the session’s CSRF token', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const agenda = await openSlot(stack, browser, 'creneau-1');

    for (const csrf of ['', 'x'.repeat(43), 'forged']) {
      const refused = await submitForm(browser, agenda, '/confirm', { ...PATIENT, csrf });
      expect(refused.status).toBe(403);
      expect(textOf(refused.body)).toContain('Ce formulaire a expiré ou ne vient pas de cette page');
    }
    expect(stack.pages.bookings.list()).toEqual([]);
    expect(stack.v3Requests).toEqual([]);
  });

  it('shows the patient form again with French errors naming each wrong field', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const agenda = await openSlot(stack, browser, 'creneau-1');

    const page = await submitForm(browser, agenda, '/confirm', {
      ...PATIENT,
      patientBirthDate: '2999-01-01',
      patientPhone: 'abc',
      patientFamilyName: '',
    });

    expect(page.status).toBe(422);
    const text = textOf(page.body);
    expect(text).toContain('Nom du patient obligatoire.');
    expect(text).toContain('Date de naissance invalide');
    expect(text).toContain('Téléphone invalide');
    expect(page.body).toContain('id="patientPhone" name="patientPhone" type="tel" required value="abc"');
    expect(page.body).toContain('aria-describedby="patientPhone-error"');
    // The given name was right: kept, not flagged.
    expect(page.body).toContain('value="Zoé" autocomplete="off" maxlength="100">');
    expect(stack.pages.bookings.list()).toEqual([]);
  });

  it('another regulator cannot see or change an appointment', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    await stack.pushV1(BRUNO_ACCOUNT);
    const alice = await loggedInBrowser(stack, ALICE.nationalId);
    const confirmed = await submitForm(alice, await openSlot(stack, alice, 'creneau-1'), '/confirm', PATIENT);
    const bruno = await loggedInBrowser(stack, BRUNO.nationalId);
    const brunoAgenda = await openSlot(stack, bruno, 'creneau-2');

    const seen = await bruno.get(confirmed.url);
    expect(seen.status).toBe(404);
    expect(textOf(seen.body)).not.toContain('Lefèvre');
    // With his own (valid) CSRF token, Bruno still cannot cancel Alice's appointment.
    const csrf =
      parseForms(brunoAgenda.body, brunoAgenda.url)
        .flatMap((f) => f.fields)
        .find((f) => f.name === 'csrf')?.value ?? '';
    expect(csrf).not.toBe('');
    const changed = await bruno.request('POST', `${confirmed.url}/cancel`, new URLSearchParams({ csrf }));
    expect(changed.status).toBe(404);
    expect(await stored(stack, ALICE.nationalId)).toMatchObject([{ status: 'booked' }]);
    expect(stack.v3Requests.map((r) => r.method)).toEqual(['POST']);
  });
});

describe('reports refused or failing at the backend', () => {
  it('retries 5xx answers with backoff, then the backend stores the appointment', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const agenda = await openSlot(stack, browser, 'creneau-1');
    stack.failNextV3(2, 503);

    const confirmed = await submitForm(browser, agenda, '/confirm', PATIENT);

    expect(textOf(confirmed.body)).toContain('Compte rendu transmis à la plateforme SAS.');
    expect(stack.v3Requests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
    expect(await stored(stack, ALICE.nationalId)).toHaveLength(1);
  });

  it('gives up after the attempts and says so plainly, with a retry that works once the backend is back', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const agenda = await openSlot(stack, browser, 'creneau-1');
    stack.failNextV3(3, 502);

    const page = await submitForm(browser, agenda, '/confirm', PATIENT);

    expect(stack.v3Requests).toHaveLength(3);
    const text = textOf(page.body);
    expect(text).toContain('Rendez-vous confirmé');
    expect(text).toContain(
      'La plateforme SAS n’a pas pu enregistrer le compte rendu (HTTP 502, 3 tentatives) : Indisponible.',
    );
    expect(page.body).toContain('>Renvoyer à la plateforme SAS</button>');
    expect(await stored(stack, ALICE.nationalId)).toEqual([]);

    const retried = await submitForm(browser, page, '/retry');
    expect(textOf(retried.body)).toContain('Compte rendu transmis à la plateforme SAS.');
    expect(retried.body).not.toContain('Renvoyer à la plateforme SAS');
    expect(stack.v3Requests.at(-1)?.method).toBe('POST');
    expect(await stored(stack, ALICE.nationalId)).toMatchObject([{ status: 'booked' }]);
  });

  it('does not retry a refusal (4xx) and shows the backend’s reason; the retry then goes through', async () => {
    stack = await startBookingStack();
    await stack.pushV1(ALICE_ACCOUNT);
    const browser = await loggedInBrowser(stack, ALICE.nationalId);
    const confirmed = await submitForm(browser, await openSlot(stack, browser, 'creneau-1'), '/confirm', PATIENT);
    stack.setPublisherKeyAccepted(false);

    const page = await submitForm(browser, confirmed, '/cancel');

    expect(stack.v3Requests.map((r) => r.method)).toEqual(['POST', 'PUT']);
    const text = textOf(page.body);
    expect(text).toContain('État : Annulé');
    expect(text).toContain(
      'La plateforme SAS a refusé le compte rendu du rendez-vous (HTTP 401) : Éditeur non authentifié',
    );
    expect(await stored(stack, ALICE.nationalId)).toMatchObject([{ status: 'booked' }]);

    stack.setPublisherKeyAccepted(true);
    const retried = await submitForm(browser, page, '/retry');
    expect(stack.v3Requests.at(-1)?.method).toBe('PUT');
    expect(textOf(retried.body)).toContain('Compte rendu transmis à la plateforme SAS.');
    expect(await stored(stack, ALICE.nationalId)).toMatchObject([{ status: 'cancelled' }]);
  });
});
