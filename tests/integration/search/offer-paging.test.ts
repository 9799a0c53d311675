// The offer's further pages, end to end on loopback: the training backend with a small page size, the console's
// own search service. Publishers are asked only about the practitioners a page sends; a further page brings the
// next practitioners with their slots on the same search, never one twice, the radius total unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchStreamEvent } from '@shared/api/console-api';
import { ConsoleError } from '@shared/api/errors';
import { backendRoutes } from '@shared/backend-api/routes';
import type { CareOffer, SearchEvent, SearchQuery } from '@shared/domain/search';
import { parseSlotSearchUrl } from '@shared/fhir/build-search';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { createBackendApi } from '@services/backend-api';
import { createBackendSearch } from '@services/search-service';
import { loginToTraining, type LoggedIn } from '../support/training-session';

const PAGE = 20;
let env: TrainingEnvironment;
let console_: LoggedIn;

beforeAll(async () => {
  env = await startTrainingEnvironment({ latency: { minMs: 5, maxMs: 30 }, backend: { offerPageSize: PAGE } });
  console_ = await loginToTraining(env);
}, 60_000);

afterAll(async () => {
  await console_?.session.close();
  await env?.close();
});

// Bordeaux, the urban training department: far more general practitioners in the radius than a page.
const BORDEAUX: SearchQuery = { location: { inseeCode: '33063', city: 'Bordeaux' } };

/** National ids the simulated publishers were asked about since `from` (request counts per publisher). */
function askedSince(from: Map<string, number>): string[] {
  const ids: string[] = [];
  for (const [id, publisher] of env.publishers) {
    if (publisher.entry.kind === 'sos') continue;
    for (const request of publisher.server.requests.slice(from.get(id) ?? 0)) {
      const parsed = parseSlotSearchUrl(request.url);
      if (parsed.ok) ids.push(...parsed.search.nationalIds);
    }
  }
  return ids;
}

function requestCounts(): Map<string, number> {
  return new Map([...env.publishers].map(([id, p]) => [id, p.server.requests.length]));
}

interface Harness {
  search: ReturnType<typeof createBackendSearch>;
  events: SearchEvent[];
  searchId: string;
  /** Resolves at the next `done` after `count` events were received. */
  doneAfter: (count: number) => Promise<void>;
}

async function openSearch(fetchImpl: typeof fetch = fetch): Promise<Harness> {
  const events: SearchEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const search = createBackendSearch({
    backendUrl: () => env.backendUrl,
    accessToken: () => console_.session.accessToken(),
    fetch: fetchImpl,
    newId: () => 'recherche-pages',
  });
  const searchId = await search.start(BORDEAUX, ({ event }: SearchStreamEvent) => {
    events.push(event);
    if (event.type !== 'done') return;
    for (const waiter of waiters.splice(0)) {
      if (events.length > waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const doneAfter = (count: number) =>
    new Promise<void>((resolve) => {
      const seen = events.slice(count).some((e) => e.type === 'done');
      if (seen) resolve();
      else waiters.push({ count, resolve });
    });
  await doneAfter(0);
  return { search, events, searchId, doneAfter };
}

const offersOf = (events: SearchEvent[]): CareOffer[] => events.flatMap((e) => (e.type === 'offer' ? [e.offer] : []));
const idsOf = (offer: CareOffer) => offer.practitioners.map((p) => p.practitioner.nationalId);

describe('offer pages', () => {
  it('asks publishers about the first page only, then brings each next page with its slots', async () => {
    const before = requestCounts();
    const { search, events, searchId, doneAfter } = await openSearch();
    const [first] = offersOf(events);
    expect(first?.page).toEqual({ offset: 0, end: PAGE });
    const total = first!.practitionerTotal!;
    expect(total).toBeGreaterThan(2 * PAGE);
    expect(first!.practitioners.length).toBeLessThanOrEqual(PAGE + 1);
    const firstIds = new Set(idsOf(first!));
    const askedFirst = askedSince(before);
    expect(askedFirst.length).toBeGreaterThan(0);
    expect(askedFirst.filter((id) => !firstIds.has(id))).toEqual([]);

    const beforePage = requestCounts();
    const received = events.length;
    await search.loadMore(searchId);
    await doneAfter(received);
    const pageEvents = events.slice(received);
    // The page's own events: no second location, its offer first, its end last.
    expect(pageEvents.map((e) => e.type).filter((t) => t === 'location')).toEqual([]);
    expect(pageEvents[0]?.type).toBe('offer');
    expect(pageEvents.at(-1)?.type).toBe('done');
    const [second] = offersOf(pageEvents);
    expect(second?.page).toEqual({ offset: PAGE, end: 2 * PAGE });
    expect(second?.practitionerTotal).toBe(total);
    const secondIds = idsOf(second!);
    expect(secondIds.filter((id) => firstIds.has(id))).toEqual([]);
    const askedSecond = askedSince(beforePage);
    expect(askedSecond.length).toBeGreaterThan(0);
    expect(askedSecond.filter((id) => !secondIds.includes(id))).toEqual([]);
    // Slots of the page's practitioners come on the same search.
    const pageSlots = pageEvents.flatMap((e) => (e.type === 'slots' ? e.slots : []));
    expect(pageSlots.length).toBeGreaterThan(0);
    expect(pageSlots.filter((s) => s.practitionerId && !secondIds.includes(s.practitionerId))).toEqual([]);

    // The same pages as the backend's own paging route, in its nearest-first order.
    const location = events.find((e) => e.type === 'location');
    if (location?.type !== 'location') throw new Error('no location');
    const api = createBackendApi({
      backendUrl: () => env.backendUrl,
      accessToken: () => console_.session.accessToken(),
      fetch,
    });
    const paged = await api.post(backendRoutes.offerPage, {
      point: location.location.point,
      radiusKm: location.location.radiusKm,
      offset: PAGE,
      limit: PAGE,
    });
    expect(paged.practitioners.map((p) => p.practitioner.nationalId)).toEqual(secondIds);

    // To the end: every practitioner of the radius once, then nothing more is asked.
    for (let guard = 0; guard < 100; guard += 1) {
      const count = events.length;
      await search.loadMore(searchId);
      if (events.length === count) break;
      await doneAfter(count);
    }
    const all = offersOf(events).flatMap(idsOf);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(total);
    const settled = events.length;
    await search.loadMore(searchId);
    expect(events.length).toBe(settled);
    await search.cancel(searchId);
  }, 60_000);

  it('a retry of a source after further pages asks it again for every page’s practitioners', async () => {
    const { search, events, searchId, doneAfter } = await openSearch();
    let received = events.length;
    await search.loadMore(searchId);
    await doneAfter(received);
    const pageOffer = offersOf(events.slice(received))[0]!;
    const pageIds = new Set(idsOf(pageOffer));
    // A source of the page that also served the first page's practitioners.
    const firstSources = new Set(offersOf(events)[0]!.sources.map((s) => s.id));
    const source = pageOffer.sources.find((s) => s.kind === 'publisher' && firstSources.has(s.id));
    expect(source).toBeDefined();
    const before = requestCounts();
    received = events.length;
    await search.retry(searchId, [source!.id]);
    await doneAfter(received);
    await doneAfter(events.findIndex((e, i) => i >= received && e.type === 'done') + 1);
    const retried = events.slice(received);
    const asked = new Set(askedSince(before));
    expect([...pageIds].filter((id) => asked.has(id)).length).toBeGreaterThan(0);
    const statuses = retried.flatMap((e) => (e.type === 'source-status' ? [e.status.source.id] : []));
    expect(new Set(statuses)).toEqual(new Set([source!.id]));
    expect(retried.filter((e) => e.type === 'done')).toHaveLength(2);
    await search.cancel(searchId);
  }, 60_000);

  it('says a page failed, in French, and leaves the search as it was; the page can be asked again', async () => {
    let refuse = true;
    const faulty: typeof fetch = async (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (refuse && body.includes('"page"')) return new Response('indisponible', { status: 503 });
      return fetch(input, init);
    };
    const { search, events, searchId, doneAfter } = await openSearch(faulty);
    const received = events.length;
    const failure = await search.loadMore(searchId).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConsoleError);
    expect((failure as ConsoleError).code).toBe('offer-page-failed');
    expect((failure as ConsoleError).message).toMatch(/^La suite de la liste des praticiens n’a pas pu être chargée/u);
    expect(events.length).toBe(received);

    refuse = false;
    await search.loadMore(searchId);
    await doneAfter(received);
    expect(offersOf(events.slice(received))[0]?.page).toEqual({ offset: PAGE, end: 2 * PAGE });
    await search.cancel(searchId);
    await expect(search.loadMore(searchId)).rejects.toMatchObject({ code: 'unknown-search' });
  }, 60_000);
});
