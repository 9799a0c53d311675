// Small helpers for the backend's JSON API over node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from './read-body';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/**
 * The backend cannot answer for now (storage unreachable, instance stopping): the caller should retry shortly,
 * possibly on another instance. Never a refusal: the regulator's session is still good.
 */
export function serviceUnavailable(): HttpError {
  return new HttpError(503, 'service-unavailable', 'Service momentanément indisponible : réessayez dans un instant.');
}

export function sendError(response: ServerResponse, error: HttpError): void {
  sendJson(
    response,
    error.status,
    { error: { code: error.code, message: error.message } },
    error.status === 503 ? { 'retry-after': '2' } : {},
  );
}

export async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new HttpError(413, 'body-too-large', 'Requête trop volumineuse.');
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-json', 'Corps de requête JSON invalide.');
  }
}
