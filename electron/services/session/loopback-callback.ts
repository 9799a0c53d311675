// The console's redirect endpoint for a native-app login (RFC 8252 §7.3): a listener on 127.0.0.1 with an
// ephemeral port that takes exactly one callback, answers the browser once the login is settled, then closes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callbackPage } from './messages';

const CALLBACK_PATH = '/callback';
/** The browser is answered at the latest after this, even if the token exchange hangs. */
const ANSWER_DEADLINE_MS = 30_000;

export interface ReceivedCallback {
  /** The full callback URL as the browser requested it. */
  url: URL;
  /** Answers the waiting browser (once) and closes the listener. */
  answer(outcome: { ok: true } | { ok: false; message: string }): void;
}

export interface LoopbackCallback {
  redirectUri: string;
  /** Settles with the first request on `/callback`; rejects when the listener is closed first. */
  received: Promise<ReceivedCallback>;
  /** Stops listening (cancel, timeout). Safe to call more than once. */
  close(): void;
}

export async function startLoopbackCallback(): Promise<LoopbackCallback> {
  let settle!: (value: ReceivedCallback) => void;
  let fail!: (reason: Error) => void;
  const received = new Promise<ReceivedCallback>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // Callers may never await it (cancel before the browser came back): avoid an unhandled rejection.
  received.catch(() => undefined);

  let taken = false;
  let closed = false;
  let port = 0;
  const server = createServer((req, res) => onRequest(req, res));

  function close(): void {
    if (closed) return;
    closed = true;
    server.close();
    server.closeIdleConnections();
    fail(new Error('listener closed'));
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    // Only this listener's own address: a page using DNS rebinding to reach it gets nothing.
    if (req.headers.host !== `127.0.0.1:${port}`) {
      res.statusCode = 421;
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH || taken) {
      // favicon.ico and the like must not consume the one callback.
      res.statusCode = 404;
      res.setHeader('Connection', 'close');
      res.end();
      return;
    }
    taken = true;
    let answered = false;
    const deadline = setTimeout(
      () => answer({ ok: false, message: 'La connexion prend plus de temps que prévu : revenez à la console.' }),
      ANSWER_DEADLINE_MS,
    );
    deadline.unref();
    function answer(outcome: { ok: true } | { ok: false; message: string }): void {
      if (answered) return;
      answered = true;
      clearTimeout(deadline);
      res.statusCode = outcome.ok ? 200 : 400;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.setHeader('Connection', 'close');
      res.end(callbackPage(outcome), () => close());
    }
    settle({ url, answer });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, received, close };
}
