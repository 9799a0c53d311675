// Per-token caps on what one console can hold open at once: running searches and live appointment streams. A
// runaway or hostile client with one token gets 429 and a French message instead of taking every socket and
// publisher slot of the instance. Counted per instance (a load balancer spreads a client over several).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/json';

export type StreamKind = 'search' | 'appointments';

export interface TokenCapLimits {
  searchesPerToken: number;
  streamsPerToken: number;
}

const MESSAGES: Record<StreamKind, string> = {
  search: 'Trop de recherches en cours pour cette session : attendez la fin des précédentes puis réessayez.',
  appointments: 'Trop de flux de rendez-vous ouverts pour cette session : fermez les onglets en trop puis réessayez.',
};

export interface TokenCaps {
  /** Which capped stream this request opens, if any. */
  kindOf(request: IncomingMessage): StreamKind | undefined;
  /** True when the request may go on (its slot is freed when the response closes); false: 429 already sent. */
  admit(request: IncomingMessage, response: ServerResponse): boolean;
  /** Open streams of each kind, all tokens together (metrics). */
  open(): Iterable<[StreamKind, number]>;
  onRefused?: (kind: StreamKind) => void;
}

export function createTokenCaps(limits: TokenCapLimits, onRefused?: (kind: StreamKind) => void): TokenCaps {
  const counts = new Map<string, number>();
  const totals: Record<StreamKind, number> = { search: 0, appointments: 0 };
  const kindOf = (request: IncomingMessage): StreamKind | undefined => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'POST' && path === '/api/search') return 'search';
    if (request.method === 'GET' && path === '/api/appointments/events') return 'appointments';
    return undefined;
  };
  return {
    kindOf,
    admit(request, response) {
      const kind = kindOf(request);
      const token = /^(?:Bearer|DPoP)\s+(\S+)$/iu.exec(request.headers.authorization ?? '')?.[1];
      // No token: the route itself answers 401; nothing to count.
      if (!kind || !token) return true;
      // Only a digest is kept: the table must not become a store of live tokens.
      const key = `${kind}|${createHash('sha256').update(token).digest('base64url')}`;
      const count = counts.get(key) ?? 0;
      const cap = kind === 'search' ? limits.searchesPerToken : limits.streamsPerToken;
      if (count >= cap) {
        onRefused?.(kind);
        sendJson(
          response,
          429,
          { error: { code: 'too-many-requests', message: MESSAGES[kind] } },
          { 'retry-after': kind === 'search' ? '2' : '10' },
        );
        return false;
      }
      counts.set(key, count + 1);
      totals[kind] += 1;
      response.once('close', () => {
        totals[kind] -= 1;
        const left = (counts.get(key) ?? 1) - 1;
        if (left === 0) counts.delete(key);
        else counts.set(key, left);
      });
      return true;
    },
    open: () => Object.entries(totals) as [StreamKind, number][],
  };
}
