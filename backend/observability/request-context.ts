// The request being served, carried across awaits (AsyncLocalStorage) so that every log line written while serving
// it, and every publisher call it makes, carries its id without threading a parameter through every layer.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function runWithRequestId<T>(requestId: string, task: () => T): T {
  return storage.run({ requestId }, task);
}

/** Ids a proxy may hand us: short, printable, no separators a log reader could be fooled by. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/u;

/**
 * The proxy's `x-request-id` when the connection comes from a configured proxy address and the id looks like one;
 * otherwise a fresh UUID (a client must not choose the id that its own lines will be filed under).
 */
export function requestIdFor(request: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const offered = request.headers['x-request-id'];
  const peer = normalizeAddress(request.socket.remoteAddress ?? '');
  if (typeof offered === 'string' && REQUEST_ID.test(offered) && trustedProxies.has(peer)) return offered;
  return randomUUID();
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same peer. */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
