// Every API call carries the console's bearer token; the verifier is pluggable (the identity module provides the
// real one; tests may pass their own).
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/json';

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
  const caller = await verify(match[1]).catch(() => undefined);
  if (!caller) throw new HttpError(401, 'invalid-token', 'Session expirée ou invalide : reconnectez-vous.');
  return caller;
}
