// RDV V2 at the publisher: an OpenID Connect relying party (confidential client) of the SAS identity provider.
// Authorization code + PKCE S256 + state + nonce; the provider answers silently when the browser already holds the
// platform session, which is the whole point (the regulator never logs in twice). The ID token's signature is
// always checked: on loopback there is no TLS to vouch for the token endpoint.
import * as oidc from 'openid-client';
import { isLoopbackUrl } from '@shared/util/loopback';
import type { PendingLogin } from './sessions';

export interface BookingOidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  fetch?: typeof fetch;
  now?: () => number;
  /** Per request to the provider, seconds (default 10). */
  timeoutSeconds?: number;
}

/** Who the provider says the regulator is (ID token claims). */
interface SsoIdentity {
  /** `sub`: the regulator's national id (IDNPS). */
  nationalId: string;
  familyName?: string;
  givenName?: string;
  name?: string;
  email?: string;
  idpConnect?: string;
  /** End of the platform session (epoch ms), when the provider says. */
  sessionEndsAt?: number;
}

export type SsoFailureReason = 'provider-unreachable' | 'provider-refused' | 'invalid-response';

export class SsoFailure extends Error {
  constructor(
    readonly reason: SsoFailureReason,
    /** Technical detail (ASCII error code or library message), for logs and the trainer, not the main message. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export interface BookingOidcClient {
  /** Starts a login: the URL to send the browser to, and what to keep until the callback (by `state`). */
  begin(input: {
    redirectUri: string;
    slotId: string;
    browserId: string;
  }): Promise<{ url: URL; state: string; pending: PendingLogin }>;
  /** Finishes it: token exchange with the whole callback URL, ID token checked (signature, iss, aud, exp, nonce). */
  complete(callbackUrl: URL, state: string, pending: PendingLogin): Promise<SsoIdentity>;
}

const SCOPE = 'openid profile email';

export function createBookingOidcClient(options: BookingOidcOptions): BookingOidcClient {
  const issuerUrl = new URL(options.issuer);
  const insecure = issuerUrl.protocol === 'http:' && isLoopbackUrl(issuerUrl);
  const timeout = options.timeoutSeconds ?? 10;
  const now = options.now ?? Date.now;
  const fetchImpl: oidc.CustomFetch | undefined = options.fetch
    ? (url, init) => (options.fetch as typeof fetch)(url, init as RequestInit)
    : undefined;
  let metadata: Promise<oidc.ServerMetadata> | undefined;

  function serverMetadata(): Promise<oidc.ServerMetadata> {
    if (issuerUrl.protocol !== 'https:' && !insecure)
      return Promise.reject(new SsoFailure('provider-unreachable', 'plain HTTP is allowed for a loopback issuer only'));
    metadata ??= (async () => {
      const discoveryOptions: oidc.DiscoveryRequestOptions = { timeout };
      if (insecure) discoveryOptions.execute = [oidc.allowInsecureRequests];
      if (fetchImpl) discoveryOptions[oidc.customFetch] = fetchImpl;
      const discovered = await oidc.discovery(
        issuerUrl,
        options.clientId,
        options.clientSecret,
        undefined,
        discoveryOptions,
      );
      return discovered.serverMetadata();
    })().catch((error: unknown) => {
      // Not cached: the next booking tries again (the backend may just have been starting).
      metadata = undefined;
      throw new SsoFailure('provider-unreachable', error instanceof Error ? error.message : String(error));
    });
    return metadata;
  }

  async function configuration(): Promise<oidc.Configuration> {
    const auth =
      options.tokenEndpointAuthMethod === 'client_secret_post'
        ? oidc.ClientSecretPost(options.clientSecret)
        : oidc.ClientSecretBasic(options.clientSecret);
    const config = new oidc.Configuration(
      await serverMetadata(),
      options.clientId,
      // The injected clock may differ from the machine's: tell the ID token checks.
      { [oidc.clockSkew]: Math.round((now() - Date.now()) / 1000) },
      auth,
    );
    config.timeout = timeout;
    if (fetchImpl) config[oidc.customFetch] = fetchImpl;
    if (insecure) oidc.allowInsecureRequests(config);
    oidc.enableNonRepudiationChecks(config);
    return config;
  }

  return {
    async begin({ redirectUri, slotId, browserId }) {
      const config = await configuration();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, state, pending: { nonce, codeVerifier, slotId, browserId } };
    },

    async complete(callbackUrl, state, pending) {
      const error = callbackUrl.searchParams.get('error');
      if (error) {
        const description = callbackUrl.searchParams.get('error_description');
        throw new SsoFailure(
          'provider-refused',
          `${error.slice(0, 80)}${description ? ` (${description.slice(0, 120)})` : ''}`,
        );
      }
      const config = await configuration();
      let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        const unreachable = cause instanceof TypeError || /fetch failed|ECONNREFUSED|timeout|aborted/iu.test(message);
        throw new SsoFailure(unreachable ? 'provider-unreachable' : 'invalid-response', message);
      }
      const claims = tokens.claims();
      if (!claims || typeof claims.sub !== 'string' || claims.sub === '')
        throw new SsoFailure('invalid-response', 'no subject in the ID token');
      const text = (key: string): string | undefined => {
        const value = claims[key];
        return typeof value === 'string' && value.length > 0 && value.length <= 300 ? value : undefined;
      };
      const identity: SsoIdentity = { nationalId: claims.sub };
      const familyName = text('family_name');
      const givenName = text('given_name');
      const name = text('name');
      const email = text('email');
      const idpConnect = text('idp_connect');
      if (familyName) identity.familyName = familyName;
      if (givenName) identity.givenName = givenName;
      if (name) identity.name = name;
      if (email) identity.email = email;
      if (idpConnect) identity.idpConnect = idpConnect;
      if (typeof claims['session_exp'] === 'number') identity.sessionEndsAt = claims['session_exp'] * 1000;
      return identity;
    },
  };
}
