// Authenticated calls from the console to its SAS backend. Tokens are read here, in the main process, and never
// leave it (docs/design.md §9).
import { ConsoleError } from '../../shared/api/errors';
import {
  backendErrorSchema,
  type BodyIn,
  type JsonRoute,
  type QueryIn,
  type StreamRoute,
} from '../../shared/backend-api/routes';
import { backendEndpoint } from '@shared/util/backend-url';
import { type ApiCredential, authorizationHeaders } from './session/dpop-key';
import { readNdjson } from './ndjson';
import { z } from 'zod';

export interface BackendApiDeps {
  backendUrl: () => string;
  /** The session's credential: each request carries it (with a fresh DPoP proof when it is bound to a key). */
  accessToken: () => Promise<ApiCredential>;
  fetch: typeof fetch;
}

export interface BackendApi {
  /** A GET route's answer, checked against the route table. */
  get<R extends JsonRoute & { method: 'GET' }>(
    route: R,
    options?: { query?: QueryIn<R>; signal?: AbortSignal },
  ): Promise<z.output<R['response']>>;
  /** A POST route's answer, checked against the route table. */
  post<R extends JsonRoute & { method: 'POST' }>(
    route: R,
    body: BodyIn<R>,
    signal?: AbortSignal,
  ): Promise<z.output<R['response']>>;
  /** Opens a long-lived GET stream (NDJSON); each event is checked against the route table as it arrives. */
  openStream<R extends StreamRoute & { method: 'GET' }>(
    route: R,
    signal: AbortSignal,
  ): Promise<AsyncGenerator<z.output<R['event']>>>;
}

/** What a malformed answer becomes: a named error for the regulator, the exact problem kept for logs. */
function invalidAnswer(route: { label: string; path: string }, detail: string): ConsoleError {
  return new ConsoleError(
    'backend-invalid-answer',
    `Réponse inattendue du serveur SAS (${route.label}).`,
    `${route.path}: ${detail}`,
  );
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(racine)'} : ${issue.message}`)
    .join(' ; ');
}

/** Checks one decoded JSON value (an answer or an event) against its schema. */
function checkAnswer<S extends z.ZodType>(
  route: { label: string; path: string },
  schema: S,
  value: unknown,
): z.output<S> {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw invalidAnswer(route, describeIssues(parsed.error.issues));
  return parsed.data;
}

/** The events of an NDJSON stream, each checked against the route's event schema; a line that is not JSON too. */
export async function* readEvents<R extends StreamRoute>(
  route: R,
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<z.output<R['event']>> {
  const values = readNdjson(body);
  try {
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await values.next();
      } catch (error) {
        // The parser's message quotes the line, which may hold patient data: only the fact is kept.
        if (error instanceof SyntaxError) throw invalidAnswer(route, 'ligne NDJSON illisible');
        throw error;
      }
      if (next.done) return;
      yield checkAnswer<R['event']>(route, route.event, next.value);
    }
  } finally {
    // Stopped early (a malformed event, a consumer that left): the reader closes the connection.
    await values.return(undefined);
  }
}

export function createBackendApi(deps: BackendApiDeps): BackendApi {
  async function call(path: string, init: RequestInit): Promise<Response> {
    const credential = await deps.accessToken();
    const url = backendEndpoint(deps.backendUrl(), path);
    const auth = await authorizationHeaders(credential, init.method ?? 'GET', url);
    let response: Response;
    try {
      response = await deps.fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), ...auth } });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw new ConsoleError('backend-unreachable', 'Le serveur SAS ne répond pas. Vérifiez la connexion réseau.');
    }
    if (response.status === 401) throw new ConsoleError('session-expired', 'Session expirée : reconnectez-vous.');
    if (response.status === 503) {
      // An outage of the backend (its database, an instance stopping), not of the session: the regulator stays
      // logged in and the call can be made again; the appointments stream reconnects by itself.
      await response.body?.cancel().catch(() => {});
      throw new ConsoleError(
        'backend-unavailable',
        'Service momentanément indisponible : le serveur SAS ne peut pas répondre pour l’instant, réessayez dans un instant.',
      );
    }
    if (!response.ok) {
      const refusal = await readRefusal(response);
      throw new BackendRefusal(
        response.status,
        refusal?.code,
        refusal?.message ?? `Le serveur SAS a répondu par une erreur (HTTP ${response.status}).`,
      );
    }
    return response;
  }

  async function answer<R extends JsonRoute>(route: R, response: Response): Promise<z.output<R['response']>> {
    let value: unknown;
    try {
      value = await response.json();
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw invalidAnswer(route, 'corps JSON illisible');
    }
    return checkAnswer<R['response']>(route, route.response, value);
  }

  return {
    async get(route, options = {}) {
      const response = await call(withQuery(route.path, options.query), { method: 'GET', signal: options.signal });
      return answer(route, response);
    },
    async post(route, body, signal) {
      const response = await call(route.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
      return answer(route, response);
    },
    async openStream(route, signal) {
      const response = await call(route.path, { method: 'GET', signal, headers: { accept: 'application/x-ndjson' } });
      if (!response.body) throw new ConsoleError('backend-error', 'Flux vide du serveur SAS.');
      return readEvents(route, response.body);
    },
  };
}

/**
 * A 4xx/5xx the backend answered with (other than 401/503): a `backend-error` for the regulator, with the HTTP
 * status and the backend's own code kept for services that tell refusals apart (the SAS agenda's 409).
 */
export class BackendRefusal extends ConsoleError {
  constructor(
    readonly status: number,
    readonly backendCode: string | undefined,
    message: string,
  ) {
    super('backend-error', message);
  }
}

async function readRefusal(response: Response): Promise<{ code: string; message: string } | undefined> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = backendErrorSchema.safeParse(body);
  return parsed.success ? parsed.data.error : undefined;
}

/** The French message of a backend refusal (`{"error":{"code","message"}}`), when it sent one. */
export async function refusalMessage(response: Response): Promise<string | undefined> {
  return (await readRefusal(response))?.message;
}

function withQuery(path: string, query: Record<string, unknown> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
