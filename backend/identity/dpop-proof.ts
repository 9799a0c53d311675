// Proof of possession (DPoP, RFC 9449) for the console's access tokens at the backend API. The provider binds the
// console's tokens to a key held by the console instance (`cnf.jkt`); each API request must come with a fresh proof
// signed by that key, for this method and this URL, naming this token. A token copied out of a console (or obtained
// by another local process) cannot be presented on its own.
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify, type JWTPayload } from 'jose';
import { ExpiringMap } from '../../shared/util/expiring-map';

/** How old a proof may be, and how far in the future a client's clock may put it. */
const MAX_AGE_S = 120;
const MAX_SKEW_S = 10;

interface ProofExpectations {
  proof: string;
  method: string;
  /** The request's path as this instance received it (a proxy may have removed a prefix). */
  path: string;
  accessToken: string;
  /** The thumbprint the token is bound to (`cnf.jkt`). */
  jkt: string;
}

export type ProofCheck = { ok: true } | { ok: false; reason: string };

export interface DpopProofVerifier {
  verify(expected: ProofExpectations): Promise<ProofCheck>;
}

/**
 * `seenJti` keeps the proofs' ids for their lifetime, per instance: a proof replayed to the same instance is refused;
 * to another instance within two minutes it is not (the proof still names one method, one URL and one token).
 */
export function createDpopProofVerifier(now: () => number = Date.now): DpopProofVerifier {
  const seenJti = new ExpiringMap<string, true>((MAX_AGE_S + MAX_SKEW_S) * 1000, 100_000, now);
  return {
    async verify({ proof, method, path, accessToken, jkt }) {
      let payload: JWTPayload;
      let header;
      try {
        ({ payload, protectedHeader: header } = await jwtVerify(proof, EmbeddedJWK, {
          typ: 'dpop+jwt',
          algorithms: ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA'],
          currentDate: new Date(now()),
        }));
      } catch (error) {
        return { ok: false, reason: `signature: ${(error as Error).name}` };
      }
      if (!header.jwk || (await calculateJwkThumbprint(header.jwk, 'sha256')) !== jkt)
        return { ok: false, reason: 'key is not the one the token is bound to' };
      if (payload['htm'] !== method.toUpperCase()) return { ok: false, reason: 'htm' };
      if (!sameTarget(payload['htu'], path)) return { ok: false, reason: 'htu' };
      const iat = payload.iat;
      const nowS = now() / 1000;
      if (typeof iat !== 'number' || iat < nowS - MAX_AGE_S || iat > nowS + MAX_SKEW_S)
        return { ok: false, reason: 'iat' };
      if (payload['ath'] !== createHash('sha256').update(accessToken).digest('base64url'))
        return { ok: false, reason: 'ath' };
      const jti = payload.jti;
      if (typeof jti !== 'string' || jti.length < 8 || jti.length > 200) return { ok: false, reason: 'jti' };
      if (seenJti.get(jti)) return { ok: false, reason: 'proof replayed' };
      seenJti.set(jti, true);
      return { ok: true };
    },
  };
}

/** The proof's `htu` names this request: an http(s) URL whose path is the request's (or ends with it, behind a
 * proxy that serves the backend under a prefix). */
function sameTarget(htu: unknown, path: string): boolean {
  if (typeof htu !== 'string') return false;
  let url: URL;
  try {
    url = new URL(htu);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const requested = path.split('?')[0] ?? path;
  return url.pathname === requested || url.pathname.endsWith(requested);
}
