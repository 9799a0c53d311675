// Binds a node:http server before its handler exists: the OpenID provider needs the server's own URL (its issuer)
// to be created, and the handler needs the provider.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface BoundServer {
  server: Server;
  origin: string;
  setHandler(handler: (request: IncomingMessage, response: ServerResponse) => void): void;
  close(): Promise<void>;
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
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    if (handler) handler(request, response);
    else response.writeHead(503, { 'retry-after': '1' }).end();
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
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
