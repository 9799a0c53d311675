// Authenticated calls from the console to its SAS backend. Tokens are read here, in the main process, and never
// leave it (design.md §5).
import { ConsoleError } from '../../shared/api/errors';

export interface BackendApiDeps {
  backendUrl: () => string;
  accessToken: () => Promise<string>;
  fetch: typeof fetch;
}

export interface BackendApi {
  getJson<T>(path: string, signal?: AbortSignal): Promise<T>;
  postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T>;
  /** Opens a long-lived response (NDJSON) and returns its body stream. */
  openStream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>>;
}

export function createBackendApi(deps: BackendApiDeps): BackendApi {
  async function call(path: string, init: RequestInit): Promise<Response> {
    const token = await deps.accessToken();
    let response: Response;
    try {
      response = await deps.fetch(`${deps.backendUrl()}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw new ConsoleError('backend-unreachable', 'Le serveur SAS ne répond pas. Vérifiez la connexion réseau.');
    }
    if (response.status === 401) throw new ConsoleError('session-expired', 'Session expirée : reconnectez-vous.');
    if (!response.ok) {
      const message = await response
        .json()
        .then((b: unknown) => (b as { error?: { message?: string } }).error?.message)
        .catch(() => undefined);
      throw new ConsoleError('backend-error', message ?? `Le serveur SAS a répondu par une erreur (HTTP ${response.status}).`);
    }
    return response;
  }
  return {
    async getJson<T>(path: string, signal?: AbortSignal) {
      return (await (await call(path, { method: 'GET', signal })).json()) as T;
    },
    async postJson<T>(path: string, body: unknown, signal?: AbortSignal) {
      const response = await call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
      return (await response.json()) as T;
    },
    async openStream(path: string, signal: AbortSignal) {
      const response = await call(path, { method: 'GET', signal, headers: { accept: 'application/x-ndjson' } });
      if (!response.body) throw new ConsoleError('backend-error', 'Flux vide du serveur SAS.');
      return response.body;
    },
  };
}
