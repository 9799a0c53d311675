// The training stand-in for Pro Santé Connect: an oidc-provider instance shaped like PSC's
// Keycloak realm — issuer path, `wallet-openid-configuration` alias, Keycloak endpoint paths, `scope_all` claims,
// acr / authMode, confidential clients with PKCE — and a French login page marked FORMATION.
import {
  ACCESS_TOKEN_TTL,
  CARD_AMR,
  ECPS_AMR,
  epochNow,
  REFRESH_TOKEN_TTL,
  SESSION_IDLE,
  SESSION_MAX,
} from './psc-policy';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { readForm, requestUrl, sendHtml, sendText } from '../../identity/http';
import { generateSigningJwks, randomCookieKeys } from '../../identity/keys';
import { type TrainingPscIdentity, scopeAllClaims, trainingSubject } from './identities';
import { ecpsPage, loginPage, messagePage } from './pages';

export const PSC_REALM_PATH = '/auth/realms/esante-wallet';
const TRAINING_CARD_PIN = '1234';

interface TrainingPscClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** `jwt`: userinfo answered as a signed JWT (some PSC clients are configured so). Default `json`. */
  userinfoFormat?: 'json' | 'jwt';
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface TrainingPscOptions {
  host?: string;
  port?: number;
  identities: readonly TrainingPscIdentity[];
  clients: readonly TrainingPscClient[];
  /** PIN accepted for every training card; default `1234`. */
  cardPin?: string;
}

export interface TrainingPsc {
  issuer: string;
  close(): Promise<void>;
}

export async function startTrainingPsc(options: TrainingPscOptions): Promise<TrainingPsc> {
  const host = options.host ?? '127.0.0.1';
  const cardPin = options.cardPin ?? TRAINING_CARD_PIN;
  const bySubject = new Map(options.identities.map((identity) => [trainingSubject(identity), identity]));
  const byNationalId = new Map(options.identities.map((identity) => [identity.nationalId, identity]));

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => sendText(res, 503, 'démarrage');
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const issuer = `http://${hostInUrl}:${port}${PSC_REALM_PATH}`;

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
      // The backend reads PSC once per login: no refresh tokens needed in training.
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_basic',
      ...(client.userinfoFormat === 'jwt' ? { userinfo_signed_response_alg: 'RS256' } : {}),
    })),
    jwks: await generateSigningJwks(),
    cookies: {
      keys: randomCookieKeys(),
      // Cookies are not isolated by port: names distinct from the backend provider's on the same loopback host.
      names: { session: 'psc_session', interaction: 'psc_interaction', resume: 'psc_interaction_resume' },
    },
    scopes: ['openid', 'scope_all'],
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub', 'authMode'],
      scope_all: [
        'SubjectNameID',
        'SubjectRefPro',
        'SubjectOrganization',
        'given_name',
        'family_name',
        'preferred_username',
        'otherIds',
      ],
    },
    acrValues: ['eidas1', 'eidas2', 'eidas3'],
    responseTypes: ['code'],
    routes: {
      authorization: '/protocol/openid-connect/auth',
      token: '/protocol/openid-connect/token',
      userinfo: '/protocol/openid-connect/userinfo',
      jwks: '/protocol/openid-connect/certs',
      end_session: '/protocol/openid-connect/logout',
      revocation: '/protocol/openid-connect/revoke',
      introspection: '/protocol/openid-connect/token/introspect',
    },
    interactions: { url: (_ctx, interaction) => `${PSC_REALM_PATH}/login-actions/${interaction.uid}` },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: { enabled: false },
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      introspection: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = messagePage('Déconnexion de Pro Santé Connect', 'Confirmez la déconnexion.').replace(
            '</main>',
            `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button></main>`,
          );
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = messagePage('Déconnecté', 'Vous êtes déconnecté de Pro Santé Connect (formation).');
        },
      },
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL,
      AuthorizationCode: 60,
      IdToken: 300,
      RefreshToken: REFRESH_TOKEN_TTL,
      Interaction: 15 * 60,
      Grant: SESSION_MAX,
      Session: (_ctx: KoaContextWithOIDC, session: { loginTs?: number }) =>
        Math.max(
          1,
          Math.min(SESSION_IDLE, session.loginTs ? session.loginTs + SESSION_MAX - epochNow() : SESSION_IDLE),
        ),
    },
    // PSC asks no consent: every registered client gets what it asked for within its scope.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const client = oidc.client;
      const accountId = oidc.session?.accountId;
      if (!client || !accountId) return undefined;
      const grantId =
        oidc.result?.consent?.grantId ??
        (oidc.session as unknown as { grantIdFor(id: string): string | undefined }).grantIdFor(client.clientId);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new oidc.provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
      await grant.save();
      return grant;
    },
    findAccount: async (ctx, sub, token) => {
      const identity = bySubject.get(sub);
      if (!identity) return undefined;
      const amr = (token as { amr?: string[] | undefined } | undefined)?.amr ?? ctx.oidc.session?.amr;
      return {
        accountId: sub,
        claims: (use) => {
          const claims: Record<string, unknown> = { sub, ...scopeAllClaims(identity) };
          if (use === 'id_token' && amr?.includes('sc')) claims['authMode'] = 'CARD';
          return { sub, ...claims };
        },
      };
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = messagePage(
        'Erreur Pro Santé Connect (formation)',
        `La demande n’a pas pu aboutir (${String(out.error ?? 'erreur')}) ${String(out.error_description ?? '')}.`,
      );
    },
  });
  const providerCallback = provider.callback();

  async function finishLogin(
    req: IncomingMessage,
    res: ServerResponse,
    identity: TrainingPscIdentity,
    card: boolean,
  ): Promise<void> {
    await provider.interactionFinished(
      req,
      res,
      {
        login: {
          accountId: trainingSubject(identity),
          acr: card ? 'eidas2' : 'eidas1',
          amr: card ? CARD_AMR : ECPS_AMR,
        },
      },
      { mergeWithLastSubmission: false },
    );
  }

  async function loginActions(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
    const match = /^\/login-actions\/([\w-]{1,64})(?:\/(login|ecps|abort))?$/u.exec(rest);
    if (!match?.[1]) return sendText(res, 404, 'Page inconnue.');
    const uid = match[1];
    const step = match[2];
    const actionBase = `${PSC_REALM_PATH}/login-actions/${uid}`;
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      return sendHtml(
        res,
        400,
        messagePage(
          'Connexion expirée',
          'Cette demande de connexion a expiré. Relancez la connexion depuis votre application.',
        ),
      );
    }
    if (details.uid !== uid) {
      return sendHtml(
        res,
        400,
        messagePage('Connexion expirée', 'Cette demande de connexion ne correspond pas à ce navigateur.'),
      );
    }
    if (step === 'abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
    }
    if (step === undefined) {
      if (req.method !== 'GET') return sendText(res, 405, 'Méthode non permise.');
      return sendHtml(res, 200, loginPage({ actionBase, identities: options.identities, cardPin }));
    }
    if (req.method !== 'POST') return sendText(res, 405, 'Méthode non permise.');
    const form = await readForm(req);
    if (!form.ok)
      return sendHtml(
        res,
        400,
        loginPage({ actionBase, identities: options.identities, cardPin, error: form.message }),
      );
    const nationalId = form.fields.get('identity') ?? '';
    const identity = byNationalId.get(nationalId);
    const again = (error: string) =>
      sendHtml(
        res,
        400,
        loginPage({ actionBase, identities: options.identities, cardPin, error, selected: nationalId }),
      );
    if (!identity) return again('Choisissez une identité de formation.');
    if (step === 'ecps') return finishLogin(req, res, identity, false);
    const method = form.fields.get('method');
    if (method === 'ecps') return sendHtml(res, 200, ecpsPage(actionBase, identity));
    if (method !== 'cps') return again('Choisissez un moyen de connexion.');
    if ((form.fields.get('pin') ?? '') !== cardPin) return again(`Code PIN incorrect (formation : ${cardPin}).`);
    return finishLogin(req, res, identity, true);
  }

  handle = (req, res) => {
    const url = requestUrl(req);
    if (!url.pathname.startsWith(PSC_REALM_PATH)) return sendText(res, 404, 'Page inconnue.');
    const rest = url.pathname.slice(PSC_REALM_PATH.length) || '/';
    if (rest.startsWith('/login-actions/')) {
      loginActions(req, res, rest).catch(() => {
        if (!res.headersSent) sendHtml(res, 500, messagePage('Erreur', 'Erreur interne du PSC de formation.'));
        else res.end();
      });
      return;
    }
    // PSC publishes its discovery document at a non-standard path: serve the standard one there too.
    const path = rest === '/.well-known/wallet-openid-configuration' ? '/.well-known/openid-configuration' : rest;
    // oidc-provider routes relative to its mount point and builds URLs from `baseUrl`.
    (req as IncomingMessage & { baseUrl?: string }).baseUrl = PSC_REALM_PATH;
    req.url = `${path}${url.search}`;
    // oidc-provider's Koa handler answers its own errors (an error page, its 'server_error' event): nothing to await.
    void providerCallback(req, res);
  };

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
