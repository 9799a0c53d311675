// Wraps the backend's request handler: gives every request its id (and answers it in `x-request-id`), writes one
// access line when the response ends, serves /metrics to whom the configuration allows, and applies the per-token
// caps before any route runs. Paths are logged without their query: a query may hold text typed by the regulator.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@shared/util/logger';
import type { TokenCaps } from '../limits/token-caps';
import type { BackendMetrics } from './metrics';
import { normalizeAddress, requestIdFor, runWithRequestId } from './request-context';

export interface MetricsAccess {
  /** Scrapers send `Authorization: Bearer <token>`. */
  bearerToken?: string;
  /** Or connect from one of these addresses (a scraper on the host, the monitoring network). */
  allowAddresses?: readonly string[];
}

export interface HttpObserverOptions {
  logger: Logger;
  metrics?: BackendMetrics;
  /** Absent: /metrics is not served (404), the production default. */
  metricsAccess?: MetricsAccess;
  /** Addresses of the reverse proxies whose `x-request-id` is kept. */
  trustedProxies?: readonly string[];
  caps?: TokenCaps;
  /** Called when a response has been sent (per-route observations such as V3 receipts). */
  onFinished?: (request: IncomingMessage, response: ServerResponse) => void;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export function observedHandler(handler: Handler, options: HttpObserverOptions): Handler {
  const access = options.logger.child('http');
  const proxies = new Set((options.trustedProxies ?? []).map(normalizeAddress));
  return (request, response) => {
    const requestId = requestIdFor(request, proxies);
    const started = performance.now();
    response.setHeader('x-request-id', requestId);
    runWithRequestId(requestId, () => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      response.once('close', () =>
        runWithRequestId(requestId, () => {
          const fields = {
            method: request.method ?? '',
            path: path.slice(0, 200),
            status: response.statusCode,
            durationMs: Math.round(performance.now() - started),
            completed: response.writableFinished,
          };
          if (path === '/health' || path === '/ready' || path === '/metrics') access.debug('requête', fields);
          else access.info('requête', fields);
          options.onFinished?.(request, response);
        }),
      );
      if (path === '/metrics' && request.method === 'GET' && options.metrics && options.metricsAccess) {
        void serveMetrics(request, response, options.metrics, options.metricsAccess);
        return;
      }
      if (options.caps && !options.caps.admit(request, response)) return;
      handler(request, response);
    });
  };
}

function allowed(request: IncomingMessage, rules: MetricsAccess): boolean {
  const peer = normalizeAddress(request.socket.remoteAddress ?? '');
  if (rules.allowAddresses?.some((address) => normalizeAddress(address) === peer)) return true;
  const offered = /^Bearer\s+(\S+)$/iu.exec(request.headers.authorization ?? '')?.[1];
  if (!rules.bearerToken || !offered) return false;
  // Digests of equal length, so the comparison takes the same time whatever was offered.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(offered), digest(rules.bearerToken));
}

async function serveMetrics(
  request: IncomingMessage,
  response: ServerResponse,
  metrics: BackendMetrics,
  rules: MetricsAccess,
): Promise<void> {
  if (!allowed(request, rules)) {
    // The same answer as an unknown path: the endpoint is not advertised to whom may not read it.
    response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ error: { code: 'not-found', message: 'Ressource introuvable.' } }));
    return;
  }
  const text = await metrics.registry.metrics();
  response.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  response.end(text);
}
