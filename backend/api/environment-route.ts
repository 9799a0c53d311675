// `GET /api/environment`: what kind of backend this is. A training backend (fictitious regulators, publishers and
// data) says so, so that a console connected to it shows « FORMATION » exactly as the embedded one does.
import { backendRoutes } from '../../shared/backend-api/routes';
import type { Route } from '../http/router';
import type { AccessTokenVerifier } from './auth';
import { jsonRoute } from './declare';

export function environmentRoute(deps: { training: boolean; verifyAccessToken: AccessTokenVerifier }): Route {
  return jsonRoute(backendRoutes.environment, { verify: deps.verifyAccessToken }, () => ({ training: deps.training }));
}
