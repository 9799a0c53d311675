// Two backend instances on one PostgreSQL behind a round-robin proxy, every request alternating: login (each browser
// step on another instance), refreshes, a search, single sign-on at a publisher, the publisher's V3 report reaching
// the live streams held on both instances, logout. Then one instance is killed mid-search: the console's search
// ends with a clear error, and the next search is served by the other instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import type { Slot } from '@shared/domain/slot';
import { backendRoutes } from '@shared/backend-api/routes';
import { loadTrainingDataset } from '@backend/training/dataset/files';
import { parseForms, type Page } from '../identity/browser';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';
import { BORDEAUX, consoleApi, consoleSearch, startCluster, type Cluster } from './support';

let cluster: Cluster;
let alice: LoggedIn;
/** A second bookable slot, opened after logout. */
let otherBookingUrl: string | undefined;

beforeAll(async () => {
  // One publisher answers slowly, so a search is still streaming when an instance is killed.
  const dataset = await loadTrainingDataset();
  const slow = dataset.careOffer.publishers.find((p) => p.kind !== 'sos' && !p.acceptsV1Accounts);
  cluster = await startCluster({
    latency: { minMs: 20, maxMs: 80 },
    publisherTimeoutMs: 4_000,
    ...(slow ? { publishers: { [slow.id]: { latency: { minMs: 1_500, maxMs: 1_500 } } } } : {}),
  });
  alice = await loginToTraining(cluster.env, ALICE);
}, 90_000);

afterAll(async () => {
  await alice?.session.close();
  await cluster?.close();
});

const targetsOf = (prefix: string) =>
  new Set(cluster.proxy.served.filter((s) => s.path.startsWith(prefix)).map((s) => s.target));

function submitForm(page: Page, actionSuffix: string, values: Record<string, string>): Promise<Page> {
  const index = parseForms(page.body, page.url).findIndex((f) => new URL(f.action).pathname.endsWith(actionSuffix));
  if (index < 0) throw new Error(`pas de formulaire ${actionSuffix} sur ${page.url}`);
  return alice.browser.submit(page, values, index);
}

describe('several backend instances on one PostgreSQL, requests alternating', () => {
  it('logs in with every browser step and token call spread over both instances', () => {
    expect(alice.session.getState().status).toBe('logged-in');
    // The provider's steps (authorize, interaction, PSC callback, finish, token) reached both instances.
    expect(targetsOf('/oidc').size).toBe(2);
  });

  it('refreshes on either instance without logging the console out', async () => {
    for (let round = 0; round < 4; round += 1) {
      // A refresh may take more than one request: one more on every other round moves it to the other instance.
      if (round % 2 === 1) await fetch(`${cluster.proxy.origin}/health`);
      const state = await alice.session.refresh();
      expect(state.status).toBe('logged-in');
    }
    const tokenCalls = cluster.proxy.served.filter((s) => s.path.startsWith('/oidc/token'));
    expect(new Set(tokenCalls.slice(-4).map((s) => s.target)).size).toBe(2);
  });

  it('searches, books with single sign-on at a publisher, and the V3 report reaches streams on both instances', async () => {
    const events = await consoleSearch(cluster.proxy.origin, () => alice.session.accessToken(), BORDEAUX);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    expect(events.at(-1)?.type).toBe('done');
    // Logins pushed the regulator's account (RDV V1) to the publishers that take them: book at one of those.
    await Promise.all(cluster.env.instances.map((instance) => instance.backend.settled()));
    const v1Publishers = new Set(cluster.env.directory.publishers.filter((p) => p.acceptsV1Accounts).map((p) => p.id));
    const bookable = events
      .flatMap((e) => (e.type === 'slots' ? e.slots : []))
      .filter((s: Slot) => s.bookingUrl && v1Publishers.has(s.sourceId));
    const slot = bookable[0];
    expect(slot, 'un créneau réservable chez un éditeur V1').toBeDefined();
    otherBookingUrl = bookable.find((s) => s.sourceId === slot?.sourceId && s.id !== slot.id)?.bookingUrl;

    // Two live streams through the proxy: consecutive requests, so one on each instance.
    const api = consoleApi(cluster.proxy.origin, () => alice.session.accessToken());
    const controller = new AbortController();
    const streams = [
      await api.openStream(backendRoutes.appointmentEvents, controller.signal),
      await api.openStream(backendRoutes.appointmentEvents, controller.signal),
    ];
    const streamTargets = cluster.proxy.served.filter((s) => s.path === backendRoutes.appointmentEvents.path);
    expect(new Set(streamTargets.slice(-2).map((s) => s.target)).size).toBe(2);
    const received = streams.map(async (stream) => {
      for await (const event of stream) if (event.type === 'appointment') return event.appointment;
      return undefined;
    });

    const bookingUrl = new URL(slot!.bookingUrl!);
    bookingUrl.searchParams.set('origin', 'sas');
    const agenda = await alice.browser.get(bookingUrl.href);
    expect(agenda.status).toBe(200);
    // Silent single sign-on: through the provider (behind the proxy), never through PSC.
    expect(agenda.chain.some((u) => u.startsWith(`${cluster.proxy.origin}/oidc/auth`))).toBe(true);
    expect(agenda.chain.some((u) => u.startsWith(cluster.env.psc.issuer))).toBe(false);
    const confirmed = await submitForm(agenda, '/confirm', {
      patientFamilyName: 'Lefèvre',
      patientGivenName: 'Zoé',
      patientBirthDate: '1984-05-17',
      patientPhone: '06 12 34 56 78',
    });
    expect(confirmed.status).toBe(200);

    const [onFirst, onSecond] = await Promise.all(received);
    controller.abort();
    for (const appointment of [onFirst, onSecond]) {
      expect(appointment).toMatchObject({ operatorId: ALICE, publisherId: slot!.sourceId, status: 'booked' });
    }
    const listed = await api.get(backendRoutes.appointments);
    expect(listed.appointments.map((a) => a.id)).toContain(onFirst?.id);
  }, 60_000);

  it('logs out on one instance and the session is over on both (no silent SSO any more)', async () => {
    await alice.session.logout();
    expect(alice.session.getState().status).toBe('logged-out');
    // The browser session died in the shared storage: the publisher's SSO now asks for a PSC login.
    expect(otherBookingUrl).toBeDefined();
    const url = new URL(otherBookingUrl!);
    url.searchParams.set('origin', 'sas');
    const again = await alice.browser.get(url.href);
    expect(again.chain.some((u) => u.startsWith(`${cluster.proxy.origin}/oidc/auth`))).toBe(true);
    expect(again.chain.some((u) => u.startsWith(cluster.env.psc.issuer))).toBe(true);
    alice = await loginToTraining(cluster.env, ALICE);
    expect(alice.session.getState().status).toBe('logged-in');
  }, 60_000);
});

describe('an instance killed mid-search', () => {
  it('ends that search with a clear error; the other instance serves the next search', async () => {
    const token = () => alice.session.accessToken();
    await token();
    let killed: string | undefined;
    const events = await consoleSearch(cluster.proxy.origin, token, BORDEAUX, (event: SearchEvent) => {
      if (event.type !== 'offer' || killed) return;
      const served = cluster.proxy.served.filter((s) => s.path === '/api/search').at(-1);
      const instance = cluster.env.instances.find((i) => i.backend.url === served?.target);
      killed = instance?.backend.url;
      // A crash, not a stop: connections cut, no final event.
      instance?.bound.server.close();
      instance?.bound.server.closeAllConnections();
    });
    expect(killed).toBeDefined();
    const error = events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ code: 'backend-unreachable' });
    expect((error as { message: string }).message).toMatch(/ne répond pas/u);
    expect(events.at(-1)?.type).toBe('done');

    const next = await consoleSearch(cluster.proxy.origin, token, BORDEAUX);
    expect(next.filter((e) => e.type === 'error')).toEqual([]);
    expect(next.some((e) => e.type === 'offer')).toBe(true);
    expect(next.at(-1)?.type).toBe('done');
    expect(cluster.proxy.served.filter((s) => s.path === '/api/search').at(-1)?.target).not.toBe(killed);
  }, 60_000);
});
