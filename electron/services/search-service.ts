// The console side of a search: one backend stream per search tab (and one more per retry), events forwarded to
// the renderer tagged with the tab's search id. The query (the patient's address) lives only here, in memory, until
// the tab is closed (cancelSearch).
import type { SearchStreamEvent } from '../../shared/api/console-api';
import { ConsoleError } from '../../shared/api/errors';
import { backendRoutes, type BodyIn } from '../../shared/backend-api/routes';
import type { SearchEvent, SearchQuery } from '../../shared/domain/search';
import { backendEndpoint } from '@shared/util/backend-url';
import { describeError, silentLogger, type Logger } from '@shared/util/logger';
import { readEvents, refusalMessage } from './backend-api';
import { type ApiCredential, authorizationHeaders } from './session/dpop-key';
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
}

export function createBackendSearch(deps: BackendSearchDeps): SearchPort & { activeCount(): number } {
  const searches = new Map<string, ActiveSearch>();
  const logger = (deps.logger ?? silentLogger).child('search');

  async function stream(searchId: string, search: ActiveSearch, sources?: readonly string[]): Promise<void> {
    const controller = new AbortController();
    search.controllers.add(controller);
    const send = (event: SearchEvent) => {
      if (!controller.signal.aborted) search.emit({ searchId, event });
    };
    try {
      const credential = await deps.accessToken();
      const route = backendRoutes.search;
      const body: BodyIn<typeof route> = { query: search.query, ...(sources ? { sources: [...sources] } : {}) };
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
      for await (const event of readEvents(route, response.body)) send(event);
    } catch (error) {
      if (controller.signal.aborted) return;
      logger.warn('search stream failed', describeError(error));
      const message =
        error instanceof ConsoleError ? error.message : 'Le serveur SAS ne répond pas : la recherche est interrompue.';
      send({ type: 'error', code: error instanceof ConsoleError ? error.code : 'backend-unreachable', message });
      send({ type: 'done', durationMs: 0 });
    } finally {
      search.controllers.delete(controller);
    }
  }

  return {
    async start(query, emit) {
      const searchId = deps.newId();
      const search: ActiveSearch = { query, emit, controllers: new Set() };
      searches.set(searchId, search);
      void stream(searchId, search);
      return searchId;
    },
    async cancel(searchId) {
      const search = searches.get(searchId);
      if (!search) return;
      for (const controller of search.controllers) controller.abort();
      searches.delete(searchId);
    },
    async retry(searchId, sourceIds) {
      const search = searches.get(searchId);
      if (!search)
        throw new ConsoleError(
          'unknown-search',
          'Cette recherche est fermée : relancez-la depuis la barre de recherche.',
        );
      void stream(searchId, search, sourceIds);
    },
    activeCount: () => searches.size,
  };
}
