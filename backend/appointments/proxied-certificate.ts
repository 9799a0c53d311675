// Mutual TLS terminated by a reverse proxy: the proxy verifies the publisher's client certificate (IGC-Santé chain)
// and passes its SHA-256 fingerprint in a header. That header is believed only on connections from the configured
// proxy addresses; from anywhere else it is ignored, so a client cannot claim a certificate it does not hold.
import type { IncomingMessage } from 'node:http';
import { normalizeAddress } from '../observability/request-context';
import type { PublisherAuthenticator } from './v3-receiver';

export interface ProxiedCertificateOptions {
  /** Header set by the proxy, e.g. `x-client-cert-sha256` (nginx: `$ssl_client_fingerprint` is SHA-1: use SHA-256). */
  header: string;
  /** Addresses of the proxies allowed to set it. */
  proxies: readonly string[];
  /** SHA-256 fingerprints per publisher id, as in `publishers.clientCertificates`. */
  fingerprints: Readonly<Record<string, readonly string[]>>;
}

/** `ab:cd:…`, `ABCD…` → `AB:CD:…`; undefined when it is not 32 bytes of hex. */
export function normalizeFingerprint(text: string): string | undefined {
  const hex = text.trim().replace(/:/gu, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/u.test(hex)) return undefined;
  return hex.match(/../gu)?.join(':');
}

export function proxiedCertificateAuthenticator(options: ProxiedCertificateOptions): PublisherAuthenticator {
  const proxies = new Set(options.proxies.map(normalizeAddress));
  const header = options.header.toLowerCase();
  const byFingerprint = new Map<string, string>();
  for (const [publisherId, list] of Object.entries(options.fingerprints))
    for (const fp of list) {
      const normalized = normalizeFingerprint(fp);
      if (normalized) byFingerprint.set(normalized, publisherId);
    }
  return (request: IncomingMessage) => {
    if (!proxies.has(normalizeAddress(request.socket.remoteAddress ?? ''))) return undefined;
    const value = request.headers[header];
    if (typeof value !== 'string') return undefined;
    const fingerprint = normalizeFingerprint(value);
    return fingerprint ? byFingerprint.get(fingerprint) : undefined;
  };
}
