// The console side of a search: one backend stream per search tab (and one more per retry or further page of its
// practitioners), events forwarded to the renderer tagged with the tab's search id. The query (the patient's address) lives only here, in memory, until
// the tab is closed (cancelSearch).
import type { SearchStreamEvent } from '../../shared/api/console-api';
import { ConsoleError } from '../../shared/api/errors';
import { backendRoutes, type BodyIn } from '../../shared/backend-api/routes';
import type { ResolvedLocation, SearchEvent, SearchQuery } from '../../shared/domain/search';
import { backendEndpoint } from '@shared/util/backend-url';
import { describeError, silentLogger, type Logger } from '@shared/util/logger';
import { readEvents, refusalMessage } from './backend-api';
import { type ApiCredential, authorizationHeaders } from './session/dpop-key';
import {
  advance,
  nextPage,
  pageEventForTab,
  pageFailureMessage,
  pagesSent,
  pagingOf,
  samePlace,
  type OfferPaging,
} from './offer-paging';
import type { SearchPort } from './ports';

export interface BackendSearchDeps {
  backendUrl: () => string;
  /** The session's credential: each request carries it (with a fresh DPoP proof when it is bound to a key). */
  accessToken: () => Promise<ApiCredential>;
  fetch: typeof fetch;
  newId: () => string;
  logger?: Logger;
}

interface ActiveSearch {
  query: SearchQuery;
  emit: (event: SearchStreamEvent) => void;
  controllers: Set<AbortController>;
  /** Where the search stands in its offer's pages (set by its first offer). */
  paging?: OfferPaging;
  /** The search's own stream, then its last page's: a page starts once the stream before it has ended. */
  streaming: Promise<void>;
  /** How long the search itself took: a page's end says the search's time, not the page's. */
  durationMs?: number;
  /** The page being asked for: a second call while it loads waits for the same page. */
  loading?: Promise<void>;
}

/** What the search request adds to the query: a retry's sources, or a further page. */
type StreamRequest = Omit<BodyIn<typeof backendRoutes.search>, 'query'>;

/** Reads one stream's events: `send` passes an event to the tab; a thrown ConsoleError ends the stream as failed. */
interface StreamReader {
  take: (event: SearchEvent, send: (event: SearchEvent) => void) => void;
  /** The stream failed (refused, unreachable, malformed, or `take` threw). */
  fail: (error: unknown, send: (event: SearchEvent) => void) => void;
}

export function createBackendSearch(deps: BackendSearchDeps): SearchPort & { activeCount(): number } {
  const searches = new Map<string, ActiveSearch>();
  const logger = (deps.logger ?? silentLogger).child('search');

  async function stream(searchId: string, search: ActiveSearch, request: StreamRequest, reader: StreamReader) {
    const controller = new AbortController();
    search.controllers.add(controller);
    const send = (event: SearchEvent) => {
      if (!controller.signal.aborted) search.emit({ searchId, event });
    };
    try {
      const credential = await deps.accessToken();
      const route = backendRoutes.search;
      const body: BodyIn<typeof route> = { query: search.query, ...request };
      const url = backendEndpoint(deps.backendUrl(), route.path);
      const response = await deps.fetch(url, {
        method: route.method,
        headers: {
          'content-type': 'application/json',
          ...(await authorizationHeaders(credential, route.method, url)),
          accept: 'application/x-ndjson',
        },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (response.status === 401)
        throw new ConsoleError('session-expired', 'Session expirée : reconnectez-vous pour relancer la recherche.');
      if (response.status === 503)
        throw new ConsoleError(
          'backend-unavailable',
          'Service momentanément indisponible : relancez la recherche dans un instant.',
        );
      if (!response.ok || !response.body) {
        const detail = await refusalMessage(response);
        throw new ConsoleError(
          'search-refused',
          detail ?? `Le serveur SAS a refusé la recherche (HTTP ${response.status}).`,
        );
      }
      // Each event is checked against the route table: a malformed one ends the search as failed, never as empty.
      for await (const event of readEvents(route, response.body)) {
        if (controller.signal.aborted) break;
        reader.take(event, send);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      logger.warn('search stream failed', describeError(error));
      reader.fail(error, send);
    } finally {
      search.controllers.delete(controller);
    }
  }

  /** The search's own stream (or a retry's): every event goes to the tab; its first offer opens the paging. */
  function searchReader(search: ActiveSearch): StreamReader {
    let location: ResolvedLocation | undefined;
    return {
      take: (event, send) => {
        if (event.type === 'location') location = event.location;
        if (event.type === 'offer' && !search.paging)
          search.paging = pagingOf(location, event.offer.page, event.offer.practitionerTotal);
        if (event.type === 'done') search.durationMs ??= event.durationMs;
        send(event);
      },
      fail: (error, send) => {
        const message =
          error instanceof ConsoleError
            ? error.message
            : 'Le serveur SAS ne répond pas : la recherche est interrompue.';
        send({ type: 'error', code: error instanceof ConsoleError ? error.code : 'backend-unreachable', message });
        send({ type: 'done', durationMs: 0 });
      },
    };
  }

  /**
   * A further page: nothing reaches the tab before its offer (a page refused before it says so to the caller,
   * the search untouched); after it, its slots and statuses join the tab's like any source's.
   */
  function pageReader(search: ActiveSearch, settle: { offered: () => void; failed: (e: ConsoleError) => void }) {
    let offered = false;
    const failure = (reason: string) => new ConsoleError('offer-page-failed', pageFailureMessage(reason));
    const reader: StreamReader = {
      take: (event, send) => {
        if (!offered) {
          if (event.type === 'location' && search.paging && !samePlace(search.paging, event.location))
            throw failure('la position de la recherche a changé, relancez-la.');
          if (event.type === 'error') throw failure(event.message);
          if (event.type === 'done') throw failure('le serveur SAS n’a envoyé aucun praticien.');
          if (event.type !== 'offer') return;
          const { page } = event.offer;
          const total = event.offer.practitionerTotal;
          if (!page || total === undefined || !search.paging) throw failure('réponse inattendue du serveur SAS.');
          search.paging = advance(search.paging, page, total);
          offered = true;
          settle.offered();
        }
        const forwarded = pageEventForTab(event);
        if (forwarded?.type === 'done') send({ ...forwarded, durationMs: search.durationMs ?? forwarded.durationMs });
        else if (forwarded) send(forwarded);
      },
      fail: (error, send) => {
        const reason = error instanceof ConsoleError ? error.message : 'le serveur SAS ne répond pas.';
        if (!offered) {
          settle.failed(error instanceof ConsoleError && error.code === 'offer-page-failed' ? error : failure(reason));
          return;
        }
        send({ type: 'error', code: 'offer-page-failed', message: pageFailureMessage(reason) });
        send({ type: 'done', durationMs: 0 });
      },
    };
    return reader;
  }

  async function loadPage(searchId: string, search: ActiveSearch): Promise<void> {
    await search.streaming;
    const page = nextPage(search.paging);
    if (!page || !searches.has(searchId)) return;
    await new Promise<void>((resolve, reject) => {
      const reader = pageReader(search, { offered: resolve, failed: reject });
      search.streaming = stream(searchId, search, { page }, reader).then(() =>
        // A stream that ended before its offer without failing (cancelled) leaves nothing to wait for.
        resolve(),
      );
    });
    // Done once its slots are in too: the list can then tell whether the page brought it cards.
    await search.streaming;
  }

  return {
    async start(query, emit) {
      const searchId = deps.newId();
      const search: ActiveSearch = { query, emit, controllers: new Set(), streaming: Promise.resolve() };
      searches.set(searchId, search);
      search.streaming = stream(searchId, search, {}, searchReader(search));
      return searchId;
    },
    async cancel(searchId) {
      const search = searches.get(searchId);
      if (!search) return;
      for (const controller of search.controllers) controller.abort();
      searches.delete(searchId);
    },
    async retry(searchId, sourceIds) {
      const search = known(searchId);
      const sources = [...sourceIds];
      void stream(searchId, search, { sources }, searchReader(search));
      // The tab dropped these sources' slots for the further pages' practitioners too: they are asked again.
      for (const page of pagesSent(search.paging))
        void stream(searchId, search, { sources, page }, searchReader(search));
    },
    async loadMore(searchId) {
      const search = known(searchId);
      search.loading ??= loadPage(searchId, search).finally(() => {
        search.loading = undefined;
      });
      return search.loading;
    },
    activeCount: () => searches.size,
  };

  function known(searchId: string): ActiveSearch {
    const search = searches.get(searchId);
    if (!search)
      throw new ConsoleError(
        'unknown-search',
        'Cette recherche est fermée : relancez-la depuis la barre de recherche.',
      );
    return search;
  }
}
