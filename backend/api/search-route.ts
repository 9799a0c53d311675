// POST /api/search: the search as a stream of newline-delimited JSON events, one per line, flushed as they come.
// The search stops when the console disconnects (a closed tab, a cancelled search).
import { backendRoutes, type BodyOf } from '../../shared/backend-api/routes';
import type { SearchEvent } from '../../shared/domain/search';
import { HttpError } from '../http/json';
import type { Route } from '../http/router';
import { runSearch, type SearchServiceDeps } from '../search/search-service';
import type { AccessTokenVerifier } from './auth';
import { refusedFields, streamRoute } from './declare';

export function searchRoute(
  deps: SearchServiceDeps,
  verify: AccessTokenVerifier,
  onUnexpected: (error: unknown) => void,
): Route {
  const options = {
    verify,
    bodyLimit: 64 * 1024,
    invalid: (issues: Parameters<typeof refusedFields>[0]) =>
      new HttpError(400, 'invalid-search', `Recherche invalide (${refusedFields(issues, '(corps)')}).`),
  };
  return streamRoute(backendRoutes.search, options, async ({ body }, response, write) => {
    const controller = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    response.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    const observe = deps.observe?.(controller.signal);
    const emit = (event: SearchEvent) => {
      observe?.(event);
      if (!controller.signal.aborted) write(event);
    };
    try {
      await runSearch(
        deps,
        body.query,
        { onlySources: body.sources, ...(body.page ? { page: body.page } : {}) },
        emit,
        controller.signal,
      );
    } catch (error) {
      onUnexpected(error);
      emit({ type: 'error', code: 'search-failed', message: 'La recherche a échoué sur le serveur SAS.' });
      emit({ type: 'done', durationMs: 0 });
    }
    response.end();
  });
}

/** The body of a search request, as the backend reads it. */
export type SearchRequestBody = BodyOf<typeof backendRoutes.search>;
