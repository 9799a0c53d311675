// Binds a node:http server before its handler exists: the OpenID provider needs the server's own URL (its issuer)
// to be created, and the handler needs the provider. Closing is graceful: no new connection, requests arriving on
// kept-alive connections get 503 (the load balancer sends them elsewhere), and requests in progress (a search
// streaming its last answers) get `graceMs` to finish before the remaining connections are cut.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { sendError, serviceUnavailable } from './json';

export interface BoundServer {
  server: Server;
  origin: string;
  setHandler(handler: (request: IncomingMessage, response: ServerResponse) => void): void;
  /** True once `close` started: `/ready` answers 503 so no new traffic comes. */
  readonly closing: boolean;
  /** Stops accepting, waits up to `graceMs` (default 0) for requests in progress, then cuts what is left. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * TLS for the backend's own server. Client certificates are requested but not required at the TLS layer: the
 * console's API authenticates with bearer tokens; publishers' V3 calls are authenticated by their certificate.
 */
export interface ServerTls {
  cert: string | Buffer;
  key: string | Buffer;
  /** CA(s) that issue publishers' client certificates (IGC-Santé in production). */
  ca?: string | Buffer | (string | Buffer)[];
}

export async function bindServer(host = '127.0.0.1', port = 0, tls?: ServerTls): Promise<BoundServer> {
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  let drained: (() => void) | undefined;
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (closing || !handler) {
      response.setHeader('connection', 'close');
      return sendError(response, serviceUnavailable());
    }
    inFlight.add(response);
    response.on('close', () => {
      inFlight.delete(response);
      if (inFlight.size === 0) drained?.();
    });
    handler(request, response);
  };
  const server: Server = tls
    ? createTlsServer(
        {
          cert: tls.cert,
          key: tls.key,
          ...(tls.ca ? { ca: tls.ca } : {}),
          requestCert: true,
          rejectUnauthorized: false,
        },
        handle,
      )
    : createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    origin: `${tls ? 'https' : 'http'}://${hostPart}:${address.port}`,
    setHandler: (next) => {
      handler = next;
    },
    get closing() {
      return closing;
    },
    close: async (options = {}) => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const graceMs = options.graceMs ?? 0;
      if (graceMs > 0 && inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, graceMs);
          }),
        ]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await stopped;
    },
  };
}
