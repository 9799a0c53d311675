// POST /api/search: the search as a stream of newline-delimited JSON events, one per line, flushed as they come.
// The search stops when the console disconnects (a closed tab, a cancelled search).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { searchQuerySchema } from '../../shared/api/console-api-schemas';
import type { SearchEvent } from '../../shared/domain/search';
import { HttpError, readJson } from '../http/json';
import { runSearch, type SearchServiceDeps } from '../search/search-service';

export const searchRequestSchema = z.object({
  query: searchQuerySchema,
  /** Retry: re-ask only these sources. */
  sources: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
});

export type SearchRequestBody = z.infer<typeof searchRequestSchema>;

export async function handleSearch(
  request: IncomingMessage,
  response: ServerResponse,
  deps: SearchServiceDeps,
  onUnexpected: (error: unknown) => void,
): Promise<void> {
  const parsed = searchRequestSchema.safeParse(await readJson(request, 64 * 1024));
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(corps)'))].join(', ');
    throw new HttpError(400, 'invalid-search', `Recherche invalide (${fields}).`);
  }
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  response.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  const emit = (event: SearchEvent) => {
    if (!controller.signal.aborted) response.write(`${JSON.stringify(event)}\n`);
  };
  try {
    await runSearch(deps, parsed.data.query, { onlySources: parsed.data.sources }, emit, controller.signal);
  } catch (error) {
    onUnexpected(error);
    emit({ type: 'error', code: 'search-failed', message: 'La recherche a échoué sur le serveur SAS.' });
    emit({ type: 'done', durationMs: 0 });
  }
  response.end();
}
