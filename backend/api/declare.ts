// Declares the backend's console routes from the shared route table: the method and path come from the table,
// the caller is authenticated when the table says so, the query and body are parsed with the table's schemas,
// and a JSON handler must return what the table says the route answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { BodyOf, EventOf, JsonRoute, QueryOf, ResponseOf, StreamRoute } from '../../shared/backend-api/routes';
import { HttpError, readJson, sendJson } from '../http/json';
import type { Route } from '../http/router';
import { authenticate, type AccessTokenVerifier, type ApiCaller } from './auth';

export interface RouteInput<R> {
  request: IncomingMessage;
  /** Undefined only on routes the table leaves open (`auth: 'none'`). */
  caller: R extends { auth: 'bearer' } ? ApiCaller : undefined;
  query: QueryOf<R>;
  body: BodyOf<R>;
}

export interface ReadOptions {
  verify: AccessTokenVerifier;
  /** Largest JSON body accepted (bytes). */
  bodyLimit?: number;
  /** The refusal for a query or body the table's schema rejects (default: a plain "invalid request"). */
  invalid?: (issues: readonly z.core.$ZodIssue[]) => HttpError;
}

function refuse(options: ReadOptions, issues: readonly z.core.$ZodIssue[]): HttpError {
  return options.invalid?.(issues) ?? new HttpError(400, 'invalid-request', 'Requête invalide.');
}

async function readInput<R extends JsonRoute | StreamRoute>(
  route: R,
  request: IncomingMessage,
  options: ReadOptions,
): Promise<RouteInput<R>> {
  // Authentication first: an anonymous caller learns nothing about what a valid request looks like.
  const caller = route.auth === 'bearer' ? await authenticate(request, options.verify) : undefined;
  let query: unknown;
  if (route.query) {
    const params = new URL(request.url ?? '/', 'http://backend').searchParams;
    const parsed = route.query.safeParse(
      Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.get(key)])),
    );
    if (!parsed.success) throw refuse(options, parsed.error.issues);
    query = parsed.data;
  }
  let body: unknown;
  if (route.body) {
    const parsed = route.body.safeParse(await readJson(request, options.bodyLimit ?? 64 * 1024));
    if (!parsed.success) throw refuse(options, parsed.error.issues);
    body = parsed.data;
  }
  return { request, caller, query, body } as RouteInput<R>;
}

export function jsonRoute<R extends JsonRoute>(
  route: R,
  options: ReadOptions,
  handle: (input: RouteInput<R>) => Promise<ResponseOf<R>> | ResponseOf<R>,
): Route {
  return {
    method: route.method,
    path: route.path,
    handle: async (request, response) => {
      const answer = await handle(await readInput(route, request, options));
      sendJson(response, route.status, answer);
    },
  };
}

/** Writes one event of a stream route as an NDJSON line. */
export type EventWriter<R> = (event: EventOf<R>) => void;

export function streamRoute<R extends StreamRoute>(
  route: R,
  options: ReadOptions,
  handle: (input: RouteInput<R>, response: ServerResponse, write: EventWriter<R>) => Promise<void> | void,
): Route {
  return {
    method: route.method,
    path: route.path,
    handle: async (request, response) => {
      const input = await readInput(route, request, options);
      await handle(input, response, (event) => response.write(`${JSON.stringify(event)}\n`));
    },
  };
}

/** Query or body fields a schema refused, named for a French message ("query.location, sources"). */
export function refusedFields(issues: readonly z.core.$ZodIssue[], whole: string): string {
  return [...new Set(issues.map((i) => i.path.join('.') || whole))].join(', ');
}
