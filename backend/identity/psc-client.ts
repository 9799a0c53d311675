// The backend as a confidential client of Pro Santé Connect (domain.md "Pro Santé Connect"): discovery at PSC's
// non-standard path, authorization code + PKCE S256 with state and nonce, the whole callback URL to the token
// exchange (PSC adds `iss`), ID token signature checked, userinfo read as JSON or signed JWT.
import * as oidc from 'openid-client';
import { z } from 'zod';
import { classifyOidcError } from './oidc-errors';
import { isLoopbackUrl } from '@shared/util/loopback';
import { isAllowedTransport } from './loopback';
import { type IdpConnect, idpConnectFrom, isAcceptedAcr, parsePscUserinfo, type PscUserinfo } from './psc-claims';

export type PscEnvironment = 'sandbox' | 'production' | 'training';

/** Issuers of the real PSC environments; training uses the issuer of the running training PSC. */
export const PSC_ISSUERS: Record<Exclude<PscEnvironment, 'training'>, string> = {
  sandbox: 'https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet',
  production: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet',
};

const WALLET_DISCOVERY_PATH = '/.well-known/wallet-openid-configuration';
const STANDARD_DISCOVERY_PATH = '/.well-known/openid-configuration';

export interface PscClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The backend's PSC callback, as registered at PSC. */
  redirectUri: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  /** `wallet` (default): PSC's path only. `wallet-then-standard`: fall back to the standard path. */
  discovery?: 'wallet' | 'wallet-then-standard';
  /** Set when this client is registered at PSC for signed userinfo (e.g. `RS256`). */
  userinfoSignedResponseAlg?: string;
  /** Default `eidas1` (PSC's guide). */
  acrValues?: string;
  /** Per-request timeout; default 10 s. */
  timeoutSeconds?: number;
  /** Seconds a discovery document is reused; default 1 h. */
  discoveryCacheSeconds?: number;
  /** HTTP client (default: global fetch). */
  fetch?: typeof fetch;
  /** Clock used for the token checks, in ms (default Date.now). */
  now?: () => number;
}

export interface PendingPscLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

interface PscIdentity {
  /** PSC's technical subject (opaque). */
  sub: string;
  /** `SubjectNameID`: the national id (IDNPS) the SAS knows regulators by. */
  nationalId: string;
  givenName?: string;
  familyName?: string;
  acr?: string;
  authMode?: string;
  idpConnect: IdpConnect;
  userinfo: PscUserinfo;
}

export type PscFailureReason =
  | 'psc-unreachable'
  | 'psc-cancelled'
  | 'psc-refused'
  | 'psc-invalid-response'
  | 'psc-invalid-claims'
  | 'psc-acr-refused';

type PscFailure = { ok: false; reason: PscFailureReason; detail: string };
type PscLoginOutcome = { ok: true; identity: PscIdentity } | PscFailure;
type PscLoginStart = { ok: true; url: string; pending: PendingPscLogin } | PscFailure;

export interface PscClient {
  readonly issuer: string;
  /** Builds the PSC authorization URL and the secrets to keep until the callback. */
  beginLogin(): Promise<PscLoginStart>;
  /** Checks the callback, exchanges the code, reads userinfo. Never throws. */
  completeLogin(callbackUrl: URL, pending: PendingPscLogin): Promise<PscLoginOutcome>;
}

const discoverySchema = z
  .object({
    issuer: z.string().url(),
    authorization_endpoint: z.string().url(),
    token_endpoint: z.string().url(),
    jwks_uri: z.string().url(),
    userinfo_endpoint: z.string().url(),
  })
  .loose();

/** Validates a PSC client configuration before anything is sent; throws with a French message when unusable. */
export function assertPscClientConfig(config: PscClientConfig): void {
  if (!isAllowedTransport(config.issuer)) {
    throw new Error(`Émetteur PSC refusé (${config.issuer}) : HTTPS obligatoire hors de cette machine.`);
  }
  if (!isAllowedTransport(config.redirectUri)) {
    throw new Error(`Adresse de retour PSC refusée (${config.redirectUri}) : HTTPS obligatoire hors de cette machine.`);
  }
  if (!config.clientId || !config.clientSecret) {
    throw new Error('Identifiant ou secret client PSC manquant : PSC n’accepte que des clients confidentiels.');
  }
}

export function createPscClient(config: PscClientConfig): PscClient {
  assertPscClientConfig(config);
  const issuer = config.issuer.replace(/\/+$/u, '');
  const insecure = isLoopbackUrl(issuer);
  const timeout = config.timeoutSeconds ?? 10;
  const baseFetch = config.fetch ?? fetch;
  const fetchImpl: oidc.CustomFetch = (url, options) => baseFetch(url, options as RequestInit);
  const now = config.now ?? Date.now;
  const cacheMs = (config.discoveryCacheSeconds ?? 3600) * 1000;
  let cached: { metadata: oidc.ServerMetadata; at: number } | undefined;

  async function fetchDiscovery(path: string): Promise<oidc.ServerMetadata> {
    const url = `${issuer}${path}`;
    const response = await fetchImpl(url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      body: undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeout * 1000),
    });
    if (response.status !== 200) throw new Error(`discovery ${url}: HTTP ${response.status}`);
    const parsed = discoverySchema.safeParse(await response.json());
    if (!parsed.success) throw new Error(`discovery ${url}: document invalide`);
    // PSC's path is not the one openid-client derives, so the issuer check it would make is made here.
    if (parsed.data.issuer.replace(/\/+$/u, '') !== issuer) {
      throw new Error(`discovery ${url}: émetteur ${parsed.data.issuer} inattendu`);
    }
    for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint'] as const) {
      if (!isAllowedTransport(parsed.data[key])) throw new Error(`discovery ${url}: ${key} non HTTPS`);
    }
    return parsed.data as oidc.ServerMetadata;
  }

  async function serverMetadata(): Promise<oidc.ServerMetadata> {
    if (cached && Date.now() - cached.at < cacheMs) return cached.metadata;
    let metadata: oidc.ServerMetadata;
    try {
      metadata = await fetchDiscovery(WALLET_DISCOVERY_PATH);
    } catch (err) {
      if (config.discovery !== 'wallet-then-standard') throw err;
      metadata = await fetchDiscovery(STANDARD_DISCOVERY_PATH);
    }
    cached = { metadata, at: Date.now() };
    return metadata;
  }

  // A fresh Configuration per operation: cheap, and it carries the clock skew of the injected clock.
  function configuration(metadata: oidc.ServerMetadata): oidc.Configuration {
    const auth =
      config.tokenEndpointAuthMethod === 'client_secret_post'
        ? oidc.ClientSecretPost(config.clientSecret)
        : oidc.ClientSecretBasic(config.clientSecret);
    const clientMetadata: Partial<oidc.ClientMetadata> = {
      client_secret: config.clientSecret,
      [oidc.clockSkew]: Math.round((now() - Date.now()) / 1000),
    };
    if (config.userinfoSignedResponseAlg)
      clientMetadata.userinfo_signed_response_alg = config.userinfoSignedResponseAlg;
    const cfg = new oidc.Configuration(metadata, config.clientId, clientMetadata, auth);
    cfg.timeout = timeout;
    cfg[oidc.customFetch] = fetchImpl;
    if (insecure) oidc.allowInsecureRequests(cfg);
    // Over loopback there is no TLS to vouch for the token endpoint: check ID token and JWT userinfo signatures.
    oidc.enableNonRepudiationChecks(cfg);
    return cfg;
  }

  return {
    issuer,

    async beginLogin() {
      let metadata: oidc.ServerMetadata;
      try {
        metadata = await serverMetadata();
      } catch (err) {
        const failure = classifyOidcError(err);
        return {
          ok: false,
          reason: failure.kind === 'unreachable' ? 'psc-unreachable' : 'psc-invalid-response',
          detail: failure.detail,
        };
      }
      const pending: PendingPscLogin = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(configuration(metadata), {
        redirect_uri: config.redirectUri,
        response_type: 'code',
        scope: 'openid scope_all',
        acr_values: config.acrValues ?? 'eidas1',
        // A shared workstation changes hands at shift change: PSC must ask who is there every time, even when its
        // own session (a cookie in the system browser) is still alive from the previous regulator.
        prompt: 'login',
        max_age: '0',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { ok: true, url: url.href, pending };
    },

    async completeLogin(callbackUrl, pending) {
      const error = callbackUrl.searchParams.get('error');
      if (error) {
        return {
          ok: false,
          reason: error === 'access_denied' ? 'psc-cancelled' : 'psc-refused',
          detail: `authorization error ${error.slice(0, 100)}`,
        };
      }
      try {
        const cfg = configuration(await serverMetadata());
        const tokens = await oidc.authorizationCodeGrant(cfg, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) return { ok: false, reason: 'psc-invalid-response', detail: 'no id_token' };
        if (!isAcceptedAcr(claims.acr)) {
          return { ok: false, reason: 'psc-acr-refused', detail: `acr ${String(claims.acr).slice(0, 40)}` };
        }
        const rawUserinfo = await oidc.fetchUserInfo(cfg, tokens.access_token, claims.sub);
        const userinfo = parsePscUserinfo(rawUserinfo);
        if (!userinfo.ok) return { ok: false, reason: 'psc-invalid-claims', detail: userinfo.message };
        const authMode = typeof claims['authMode'] === 'string' ? claims['authMode'] : undefined;
        const identity: PscIdentity = {
          sub: claims.sub,
          nationalId: userinfo.value.SubjectNameID,
          idpConnect: idpConnectFrom(authMode),
          userinfo: userinfo.value,
        };
        if (userinfo.value.given_name) identity.givenName = userinfo.value.given_name;
        if (userinfo.value.family_name) identity.familyName = userinfo.value.family_name;
        if (typeof claims.acr === 'string') identity.acr = claims.acr;
        if (authMode) identity.authMode = authMode;
        return { ok: true, identity };
      } catch (err) {
        const failure = classifyOidcError(err);
        const reason: PscFailureReason =
          failure.kind === 'unreachable'
            ? 'psc-unreachable'
            : failure.kind === 'refused'
              ? 'psc-refused'
              : failure.kind === 'authorization-error'
                ? 'psc-cancelled'
                : 'psc-invalid-response';
        return { ok: false, reason, detail: failure.detail };
      }
    },
  };
}
