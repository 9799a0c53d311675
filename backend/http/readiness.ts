// `GET /ready`: whether a load balancer should send this instance traffic. `/health` only says the process answers;
// this one checks what a request needs (the database, the directory, the signing keys) and says no while stopping.
import { backendRoutes, type ResponseOf } from '../../shared/backend-api/routes';
import { sendJson } from './json';
import type { Route } from './router';

type Readiness = ResponseOf<typeof backendRoutes.ready>;

export interface ReadinessChecks {
  storage: () => Promise<boolean>;
  directory: () => boolean;
  keys: () => boolean;
  accepting: () => boolean;
  /** The LRM link's state, shown in the body; it does not make the instance unready. */
  lrm?: () => { connected: boolean; label: string };
}

export function readinessRoute(checks: ReadinessChecks): Route {
  const route = backendRoutes.ready;
  return {
    method: route.method,
    path: route.path,
    handle: async (_request, response) => {
      const result: Readiness['checks'] = {
        storage: await checks.storage(),
        directory: checks.directory(),
        keys: checks.keys(),
        accepting: checks.accepting(),
      };
      const ready = Object.values(result).every(Boolean);
      const body: Readiness = {
        status: ready ? 'ready' : 'not-ready',
        checks: result,
        ...(checks.lrm ? { lrm: checks.lrm() } : {}),
      };
      sendJson(response, ready ? route.status : 503, body);
    },
  };
}
