// The oidc-provider settings of the SAS provider: its clients (the console as a public native client, publishers as
// confidential web clients), the claims each scope releases, token and session lifetimes, cookies and features.
// Pure data built from the provider's configuration; the behaviour it points to (accounts, grants, pages) is passed in.
import {
  type Configuration,
  errors as oidcErrors,
  type FindAccount,
  type Grant,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { type PrivateJwks, randomCookieKeys } from './keys';
import { logoutConfirmPage, logoutDonePage, providerErrorPage } from './pages';

/** Scope of the console's access tokens on the backend API. */
export const API_SCOPE = 'sas:api';

export interface PublisherClientConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  name?: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface ProviderSettings {
  mountPath: string;
  consoleClientId: string;
  consoleRedirectUris: string[];
  publishers: PublisherClientConfig[];
  apiResource: string;
  accessTokenTtlSeconds: number;
  shiftSeconds: number;
  jwks: PrivateJwks;
  cookieKeys?: string[] | undefined;
  adapter?: unknown;
}

export interface ProviderHooks {
  findAccount: FindAccount;
  loadExistingGrant: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
  /** Seconds left to a browser session (shift and idle limits). */
  sessionTtl: (session: { loginTs?: number | undefined }) => number;
}

function clients(settings: ProviderSettings): NonNullable<Configuration['clients']> {
  return [
    {
      client_id: settings.consoleClientId,
      client_name: 'Console SAS',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: settings.consoleRedirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // Every token the console gets is bound to its instance's key (DPoP): its refresh token and access tokens are
      // useless to a process that copied them without the key.
      dpop_bound_access_tokens: true,
    },
    ...settings.publishers.map((publisher) => ({
      client_id: publisher.clientId,
      client_secret: publisher.clientSecret,
      client_name: publisher.name ?? publisher.clientId,
      application_type: 'web' as const,
      token_endpoint_auth_method: publisher.tokenEndpointAuthMethod ?? 'client_secret_basic',
      redirect_uris: publisher.redirectUris,
      post_logout_redirect_uris: publisher.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code' as const],
    })),
  ];
}

function features(settings: ProviderSettings): NonNullable<Configuration['features']> {
  const { consoleClientId, apiResource } = settings;
  return {
    devInteractions: { enabled: false },
    dPoP: { enabled: true },
    revocation: {
      enabled: true,
      // A client revokes its own tokens only; anything else is ignored (200, nothing revoked), per RFC 7009.
      allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
    },
    userinfo: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: (ctx, form) => {
        ctx.type = 'html';
        ctx.body = logoutConfirmPage(form);
      },
      postLogoutSuccessSource: (ctx) => {
        ctx.type = 'html';
        ctx.body = logoutDonePage();
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: (_ctx, client, oneOf) =>
        oneOf ?? (client.clientId === consoleClientId ? apiResource : undefined),
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource, client) => {
        if (resource !== apiResource || client.clientId !== consoleClientId) throw new oidcErrors.InvalidTarget();
        return {
          scope: API_SCOPE,
          audience: apiResource,
          accessTokenTTL: settings.accessTokenTtlSeconds,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  };
}

export function providerOptions(settings: ProviderSettings, hooks: ProviderHooks): Configuration {
  const { shiftSeconds, mountPath } = settings;
  return {
    ...(settings.adapter ? { adapter: settings.adapter as Configuration['adapter'] } : {}),
    clients: clients(settings),
    jwks: settings.jwks as unknown as NonNullable<Configuration['jwks']>,
    cookies: {
      keys: settings.cookieKeys ?? randomCookieKeys(),
      names: { session: 'sas_session', interaction: 'sas_interaction', resume: 'sas_interaction_resume' },
    },
    scopes: ['openid', 'profile', 'email'],
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub', 'national_id', 'idp_connect', 'session_exp'],
      profile: ['family_name', 'given_name', 'name'],
      email: ['email'],
    },
    // Publishers read the regulator's identity and idp_connect from the ID token (RDV V2), not from userinfo.
    conformIdTokenClaims: false,
    acrValues: ['eidas1', 'eidas2', 'eidas3'],
    responseTypes: ['code'],
    // PKCE for every client, publishers included: a code intercepted on its way to a publisher is useless without
    // the verifier (oidc-provider's default asks it of public clients only).
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    features: features(settings),
    // Console refresh tokens rotate (public client) and die with the browser session (not offline_access).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: settings.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 600,
      RefreshToken: shiftSeconds,
      Interaction: 15 * 60,
      Grant: shiftSeconds,
      Session: (_ctx, session) => hooks.sessionTtl(session),
    },
    loadExistingGrant: hooks.loadExistingGrant,
    findAccount: hooks.findAccount,
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = providerErrorPage(String(out.error ?? 'erreur'));
    },
  };
}
