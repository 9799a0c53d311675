// Verification of the bearer tokens the backend API receives from the console. Decision: the provider issues JWT
// access tokens (resource indicator = the API), checked here offline with the provider's public keys, then the
// regulator is looked up again so a withdrawn account stops working at once, not at token expiry.
import { createLocalJWKSet, errors as joseErrors, type JWK, jwtVerify } from 'jose';
import type { RegulatorAccount, RegulatorAccounts } from './regulator-accounts';

export interface AccessTokenVerifierConfig {
  issuer: string;
  /** The API's resource indicator (the `aud` of the tokens). */
  audience: string;
  jwks: { keys: JWK[] };
  accounts: RegulatorAccounts;
  /** Clock in ms (default Date.now). */
  now?: () => number;
}

type AccessTokenFailureCode = 'missing' | 'invalid' | 'expired' | 'regulator_unknown' | 'regulator_inactive';

export type AccessTokenVerification =
  | {
      ok: true;
      regulator: RegulatorAccount;
      clientId: string;
      scopes: string[];
      expiresAt: Date;
      /** The token is bound to this key (DPoP `cnf.jkt`): a request must prove possession of it. */
      jkt?: string;
    }
  | { ok: false; code: AccessTokenFailureCode; message: string };

const MESSAGES: Record<AccessTokenFailureCode, string> = {
  missing: 'Authentification requise : jeton d’accès absent.',
  invalid: 'Jeton d’accès invalide.',
  expired: 'Jeton d’accès expiré : la console doit le renouveler.',
  regulator_unknown: 'Ce compte n’est pas un régulateur connu du SAS.',
  regulator_inactive: 'L’accès de ce régulateur au SAS a été retiré.',
};

function failure(code: AccessTokenFailureCode): AccessTokenVerification {
  return { ok: false, code, message: MESSAGES[code] };
}

/** Extracts the token of an `Authorization: Bearer <token>` header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)$/u.exec(header?.trim() ?? '');
  return match?.[1];
}

export function createAccessTokenVerifier(
  config: AccessTokenVerifierConfig,
): (token: string | undefined) => Promise<AccessTokenVerification> {
  const keys = createLocalJWKSet(config.jwks);
  const now = config.now ?? Date.now;
  return async (token) => {
    if (!token) return failure('missing');
    if (token.length > 8192) return failure('invalid');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        typ: 'at+jwt',
        algorithms: ['RS256', 'PS256', 'ES256'],
        currentDate: new Date(now()),
        requiredClaims: ['sub', 'exp', 'client_id'],
      }));
    } catch (error) {
      return failure(error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid');
    }
    if (
      typeof payload.sub !== 'string' ||
      typeof payload['client_id'] !== 'string' ||
      typeof payload.exp !== 'number'
    ) {
      return failure('invalid');
    }
    const regulator = await config.accounts.findByNationalId(payload.sub);
    if (!regulator) return failure('regulator_unknown');
    if (!regulator.active) return failure('regulator_inactive');
    const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
    const cnf = payload['cnf'] as { jkt?: unknown } | undefined;
    const jkt = typeof cnf?.jkt === 'string' ? cnf.jkt : undefined;
    return {
      ...(jkt ? { jkt } : {}),
      ok: true,
      regulator,
      clientId: payload['client_id'],
      scopes: scope.split(' ').filter(Boolean),
      expiresAt: new Date(payload.exp * 1000),
    };
  };
}
