// Random tokens (session ids, CSRF tokens, appointment ids) and their constant-time comparison.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: session ids and CSRF tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The publisher's own appointment id, e.g. `RDV-3F9A1C0B7D2E`. */
export function newAppointmentId(): string {
  return `RDV-${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** Compares a submitted token with the expected one without leaking where they differ. */
export function sameToken(submitted: string | null | undefined, expected: string): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(submitted);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
