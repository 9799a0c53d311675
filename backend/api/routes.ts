// The backend's API for the console (documented in backend/API.md).
import type { LocationSuggestion } from '../../shared/api/console-api';
import { HttpError, sendJson } from '../http/json';
import type { Route } from '../http/router';
import type { SearchServiceDeps } from '../search/search-service';
import { authenticate, type AccessTokenVerifier } from './auth';
import { handleSearch } from './search-route';

export interface PublicPublisher {
  id: string;
  name: string;
  /** Origins (scheme://host:port) of its booking pages: the console opens only these. */
  bookingOrigins: string[];
}

export interface ApiDeps {
  search: SearchServiceDeps;
  verifyAccessToken: AccessTokenVerifier;
  suggestLocations: (text: string) => Promise<LocationSuggestion[]>;
  publishers: () => PublicPublisher[];
  version: string;
  onUnexpected: (error: unknown) => void;
}

export function apiRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/health',
      handle: (_request, response) => sendJson(response, 200, { status: 'ok', version: deps.version }),
    },
    {
      method: 'POST',
      path: '/api/search',
      handle: async (request, response) => {
        await authenticate(request, deps.verifyAccessToken);
        await handleSearch(request, response, deps.search, deps.onUnexpected);
      },
    },
    {
      method: 'GET',
      path: '/api/places',
      handle: async (request, response) => {
        await authenticate(request, deps.verifyAccessToken);
        const text = new URL(request.url ?? '/', 'http://backend').searchParams.get('q') ?? '';
        if (text.length > 200) throw new HttpError(400, 'invalid-query', 'Texte de recherche trop long.');
        sendJson(response, 200, { suggestions: await deps.suggestLocations(text) });
      },
    },
    {
      method: 'GET',
      path: '/api/publishers',
      handle: async (request, response) => {
        await authenticate(request, deps.verifyAccessToken);
        sendJson(response, 200, { publishers: deps.publishers() });
      },
    },
  ];
}
