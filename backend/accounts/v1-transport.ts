// How V1 pushes reach publishers: the same mutual-TLS material as the slot searches (IGC-Santé certificate of the
// SAS platform), and never a redirect — a 3xx is an answer, not a place to send the account to.
import { Agent, fetch as undiciFetch } from 'undici';

export interface V1TlsOptions {
  cert?: string | Buffer;
  key?: string | Buffer;
  ca?: string | Buffer | (string | Buffer)[];
}

export interface V1Transport {
  fetch: typeof fetch;
  close(): Promise<void>;
}

export function createV1Transport(tls: V1TlsOptions | undefined, connectTimeoutMs = 5_000): V1Transport {
  const dispatcher = new Agent({ connect: { timeout: connectTimeoutMs, ...tls } });
  const send = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      redirect: 'manual',
      dispatcher,
    })) as unknown as typeof fetch;
  return { fetch: send, close: () => dispatcher.close() };
}
