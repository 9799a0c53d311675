// Which publisher is calling the V3 receiver: in production its client certificate (mutual TLS, IGC-Santé), in
// training a bearer key. Each maps to a publisher id of the registry, or to nobody. A certificate is recognised by its
// subject (CN and OU, as the platform's mTLS specification asks), its chain always checked against the configured
// CA; fingerprints remain an option for a certificate pinned as such.
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

/** The subject fields a publisher's certificate must carry (both must match exactly). */
export interface CertificateSubject {
  cn: string;
  ou: string;
}

/** Node gives a repeated subject field as an array: every value is compared. */
function subjectValues(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Publishers known by their certificate's subject CN and OU, the chain verified by the TLS layer against the CA. */
export function certificateSubjectAuthenticator(
  subjects: Readonly<Record<string, readonly CertificateSubject[]>>,
): PublisherAuthenticator {
  const entries = Object.entries(subjects).flatMap(([publisherId, list]) =>
    list.map((subject) => ({ publisherId, subject })),
  );
  return (request: IncomingMessage) => {
    const socket = request.socket as Partial<TLSSocket>;
    if (!socket.encrypted || socket.authorized !== true || typeof socket.getPeerCertificate !== 'function')
      return undefined;
    const subject = socket.getPeerCertificate()?.subject as Record<string, string | string[] | undefined> | undefined;
    if (!subject) return undefined;
    const cns = subjectValues(subject.CN);
    const ous = subjectValues(subject.OU);
    // One CN and one OU: a certificate listing several would match more than one publisher.
    if (cns.length !== 1 || ous.length !== 1) return undefined;
    const match = entries.filter((e) => e.subject.cn === cns[0] && e.subject.ou === ous[0]);
    return match.length === 1 ? match[0]?.publisherId : undefined;
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
