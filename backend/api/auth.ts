// Every API call carries the console's bearer token; the verifier is pluggable (the identity module provides the
// real one; tests may pass their own).
import type { IncomingMessage } from 'node:http';
import { HttpError, serviceUnavailable } from '../http/json';

export interface ApiCaller {
  /** The regulator's national id (IDNPS). */
  nationalId: string;
  familyName?: string;
  givenName?: string;
}

export type AccessTokenVerifier = (token: string) => Promise<ApiCaller | undefined>;

export async function authenticate(request: IncomingMessage, verify: AccessTokenVerifier): Promise<ApiCaller> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/u.exec(header);
  if (!match?.[1]) throw new HttpError(401, 'unauthenticated', 'Authentification requise.');
  // A verifier that throws could not decide (storage unreachable): the token may well be good, so this is a 503 to
  // retry, never a 401 that would send every console back to the login page.
  const caller = await verify(match[1]).catch(() => {
    throw serviceUnavailable();
  });
  if (!caller) throw new HttpError(401, 'invalid-token', 'Session expirée ou invalide : reconnectez-vous.');
  return caller;
}
