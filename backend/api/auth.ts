// Every API call carries the console's access token, bound to the console instance's key (DPoP: `Authorization:
// DPoP <token>` and a `DPoP` proof header) or, for an unbound token, as a bearer. The verifier is pluggable (the
// identity module provides the real one; tests may pass their own).
import type { IncomingMessage } from 'node:http';
import { HttpError, serviceUnavailable } from '../http/json';

export interface ApiCaller {
  /** The regulator's national id (IDNPS). */
  nationalId: string;
  familyName?: string;
  givenName?: string;
}

/** What the verifier needs of the request besides the token, to check a DPoP proof. */
export interface PresentedToken {
  token: string;
  scheme: 'Bearer' | 'DPoP';
  /** The `DPoP` header, when sent. */
  proof?: string;
  method: string;
  path: string;
}

export type AccessTokenVerifier = (presented: PresentedToken) => Promise<ApiCaller | undefined>;

const AUTHORIZATION = /^(Bearer|DPoP) ([A-Za-z0-9._~+/=-]{10,4096})$/u;

/** The token of an `Authorization` header and its scheme; undefined when the header is absent or malformed. */
export function presentedToken(request: IncomingMessage): PresentedToken | undefined {
  const match = AUTHORIZATION.exec(request.headers.authorization ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  const proof = request.headers.dpop;
  return {
    token: match[2],
    scheme: match[1] as PresentedToken['scheme'],
    ...(typeof proof === 'string' ? { proof } : {}),
    method: request.method ?? 'GET',
    path: request.url ?? '/',
  };
}

export async function authenticate(request: IncomingMessage, verify: AccessTokenVerifier): Promise<ApiCaller> {
  const presented = presentedToken(request);
  if (!presented) throw new HttpError(401, 'unauthenticated', 'Authentification requise.');
  // A verifier that throws could not decide (storage unreachable): the token may well be good, so this is a 503 to
  // retry, never a 401 that would send every console back to the login page.
  const caller = await verify(presented).catch(() => {
    throw serviceUnavailable();
  });
  if (!caller) throw new HttpError(401, 'invalid-token', 'Session expirée ou invalide : reconnectez-vous.');
  return caller;
}
