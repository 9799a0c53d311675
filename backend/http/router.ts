// A minimal router over node:http: exact or pattern routes, prefix mounts (the OpenID provider), JSON errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStorageUnavailable } from '../storage/availability';
import { HttpError, sendError, serviceUnavailable } from './json';

type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
  params: Record<string, string>,
) => Promise<void> | void;

export interface Route {
  method: string;
  /** Exact path, or a pattern with named groups. */
  path: string | RegExp;
  handle: Handler;
}

export interface Mount {
  prefix: string;
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;
}

export function createRouter(
  routes: readonly Route[],
  mounts: readonly Mount[],
  onUnexpected: (error: unknown) => void,
) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const pathname = new URL(request.url ?? '/', 'http://backend').pathname;
    try {
      for (const mount of mounts) {
        if (pathname === mount.prefix || pathname.startsWith(`${mount.prefix}/`))
          return await mount.handle(request, response);
      }
      let pathMatched = false;
      for (const route of routes) {
        const params = matchPath(route.path, pathname);
        if (!params) continue;
        pathMatched = true;
        if (route.method !== request.method) continue;
        return await route.handle(request, response, params);
      }
      throw pathMatched
        ? new HttpError(405, 'method-not-allowed', 'Méthode non autorisée.')
        : new HttpError(404, 'not-found', 'Ressource introuvable.');
    } catch (error) {
      if (response.headersSent) {
        if (!(error instanceof HttpError)) onUnexpected(error);
        response.end();
        return;
      }
      if (error instanceof HttpError) return sendError(response, error);
      // The database down is an outage to wait out, not a bug in this request.
      if (isStorageUnavailable(error)) return sendError(response, serviceUnavailable());
      onUnexpected(error);
      sendError(response, new HttpError(500, 'internal', 'Erreur interne du serveur SAS.'));
    }
  };
}

function matchPath(path: string | RegExp, pathname: string): Record<string, string> | undefined {
  if (typeof path === 'string') return path === pathname ? {} : undefined;
  const match = path.exec(pathname);
  return match ? { ...(match.groups ?? {}) } : undefined;
}
