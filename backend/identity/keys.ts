// Signing keys of an OpenID provider. Generated at start when none are configured (training, tests): tokens then
// die with the process, which is acceptable there and documented for production (configure `jwks`).
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface PrivateJwks {
  keys: JWK[];
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

export async function generateSigningJwks(): Promise<PrivateJwks> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  return { keys: [{ ...jwk, kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] };
}

/** The public half of a key set (what a verifier may hold). */
export function publicJwksOf(jwks: PrivateJwks): { keys: JWK[] } {
  return {
    keys: jwks.keys.map((key) => {
      const copy: Record<string, unknown> = { ...key };
      for (const member of PRIVATE_MEMBERS) delete copy[member];
      return copy as JWK;
    }),
  };
}

/** Random keys for signing cookies when none are configured. */
export function randomCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')];
}
