// Time limits against slow clients (slowloris: headers dripped a byte at a time, bodies that never end, idle
// keep-alive sockets). Node checks `headersTimeout` only every 30 s by default, so the first request's headers get
// their own deadline per connection here as well.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ServerTimeouts {
  /** Whole request headers must arrive within this. */
  headersTimeoutMs: number;
  /** Whole request (headers and body) must arrive within this; 0 for none (streams answer for long, not requests). */
  requestTimeoutMs: number;
  /** An idle keep-alive socket is closed after this. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

export function applyServerTimeouts(server: Server, timeouts: ServerTimeouts): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  const waitingForHeaders = new Map<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), timeouts.headersTimeoutMs);
    timer.unref();
    waitingForHeaders.set(socket, timer);
    socket.once('close', () => {
      clearTimeout(timer);
      waitingForHeaders.delete(socket);
    });
  });
  // TLS servers hand the plain socket to 'connection' and the TLS one to requests: both are cleared by the former.
  server.on('request', (request: { socket: Socket & { _parent?: Socket } }) => {
    for (const socket of [request.socket, request.socket._parent]) {
      const timer = socket && waitingForHeaders.get(socket);
      if (timer && socket) {
        clearTimeout(timer);
        waitingForHeaders.delete(socket);
      }
    }
  });
}
