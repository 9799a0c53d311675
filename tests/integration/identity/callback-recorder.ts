// A loopback HTTP endpoint that records the redirects it receives: the "relying party" end of a flow when a test
// drives a client by hand.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CallbackRecorder {
  url: string;
  received: URL[];
  close(): Promise<void>;
}

export async function startCallbackRecorder(path = '/callback'): Promise<CallbackRecorder> {
  const received: URL[] = [];
  let base = '';
  const server = createServer((req, res) => {
    received.push(new URL(req.url ?? '/', base));
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('reçu');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
