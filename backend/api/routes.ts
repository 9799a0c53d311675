// The backend's API for the console, declared from the shared route table (shared/backend-api/routes.ts,
// documented in backend/API.md).
import type { LocationSuggestion } from '../../shared/domain/places';
import { backendRoutes, type PublicPublisher } from '../../shared/backend-api/routes';
import { HttpError } from '../http/json';
import type { Route } from '../http/router';
import { offerPage } from '../search/offer-page';
import { DEFAULT_SPECIALTY, type SearchServiceDeps } from '../search/search-service';
import type { AccessTokenVerifier } from './auth';
import { jsonRoute } from './declare';
import { searchRoute } from './search-route';

export interface ApiDeps {
  search: SearchServiceDeps;
  verifyAccessToken: AccessTokenVerifier;
  suggestLocations: (text: string) => Promise<LocationSuggestion[]>;
  publishers: () => PublicPublisher[];
  version: string;
  onUnexpected: (error: unknown) => void;
}

export function apiRoutes(deps: ApiDeps): Route[] {
  const verify = deps.verifyAccessToken;
  return [
    jsonRoute(backendRoutes.health, { verify }, () => ({ status: 'ok' as const, version: deps.version })),
    searchRoute(deps.search, verify, deps.onUnexpected),
    jsonRoute(
      backendRoutes.places,
      { verify, invalid: () => new HttpError(400, 'invalid-query', 'Texte de recherche trop long.') },
      async ({ query }) => ({ suggestions: await deps.suggestLocations(query.q) }),
    ),
    jsonRoute(backendRoutes.publishers, { verify }, () => ({ publishers: deps.publishers() })),
    jsonRoute(backendRoutes.offerPage, { verify }, ({ body }) =>
      offerPage(deps.search.directory, { ...body, specialty: body.specialty ?? DEFAULT_SPECIALTY }),
    ),
  ];
}
