// Which publisher is calling the V3 receiver: in production its client certificate (mutual TLS, IGC-Santé), in
// training a bearer key. Both map to a publisher id of the registry, or to nobody.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { PublisherAuthenticator } from './v3-receiver';

/** SHA-256 fingerprints (as Node prints them, `AB:CD:...`) of each publisher's client certificate(s). */
export function clientCertificateAuthenticator(
  fingerprints: Readonly<Record<string, readonly string[]>>,
): PublisherAuthenticator {
  const byFingerprint = new Map<string, string>();
  for (const [publisherId, list] of Object.entries(fingerprints))
    for (const fp of list) byFingerprint.set(fp.toUpperCase(), publisherId);
  return (request: IncomingMessage) => {
    const socket = request.socket as Partial<TLSSocket>;
    // `authorized`: the chain was verified against the configured CA; a self-signed or foreign certificate is not.
    if (!socket.encrypted || socket.authorized !== true || typeof socket.getPeerCertificate !== 'function')
      return undefined;
    const certificate = socket.getPeerCertificate();
    return certificate?.fingerprint256 ? byFingerprint.get(certificate.fingerprint256.toUpperCase()) : undefined;
  };
}

/** Tries each authenticator in turn. */
export function anyOf(...authenticators: PublisherAuthenticator[]): PublisherAuthenticator {
  return (request) => {
    for (const authenticate of authenticators) {
      const publisherId = authenticate(request);
      if (publisherId) return publisherId;
    }
    return undefined;
  };
}
