// RDV V2 from the publisher's side: a slot opened from the SAS logs the regulator in silently through the SAS
// identity provider (authorization code, no form), then checks they hold an active RDV V1 account here before
// opening a publisher session. Opened from anywhere else, the page is the publisher's ordinary login.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BookingContext } from './context';
import { clearCookie, readCookie, setCookie } from './cookies';
import { sendPage, sendRedirect } from './html';
import { type BookingOidcClient, SsoFailure } from './oidc-client';
import { ordinaryLoginPage } from './pages';
import { slotSegment } from './paths';
import { PENDING_LOGIN_TTL_MS, type PublisherSession, SESSION_MAX_MS } from './sessions';
import { activeAccount } from './session-access';
import { randomToken, sameToken } from './tokens';

export interface SsoLogin {
  /** `/rdv/<slot>?origin=sas`: starts the login at the SAS identity provider. */
  entry(request: IncomingMessage, response: ServerResponse, url: URL, slotId: string): Promise<void>;
  /** `/rdv/callback`: completes it and opens the publisher session. */
  callback(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
}

export function createSsoLogin(ctx: BookingContext, oidcClient: BookingOidcClient): SsoLogin {
  async function entry(request: IncomingMessage, response: ServerResponse, url: URL, slotId: string) {
    // Without the SAS origin this is any visitor: the publisher's ordinary login, never SSO.
    if (url.searchParams.get('origin') !== ctx.expectedOrigin)
      return sendPage(response, 200, ordinaryLoginPage(ctx.publisherName));
    if (!(await ctx.options.findSlot(slotId)))
      return ctx.page(
        response,
        404,
        'Créneau introuvable',
        `Ce créneau n’existe pas ou plus chez ${ctx.publisherName}.`,
      );
    const cookies: string[] = [];
    let browserId = readCookie(request.headers.cookie, ctx.names.browser);
    if (!browserId) {
      browserId = randomToken();
      cookies.push(setCookie(ctx.names.browser, browserId, { secure: url.protocol === 'https:' }));
    }
    try {
      const start = await oidcClient.begin({ redirectUri: `${url.origin}/rdv/callback`, slotId, browserId });
      ctx.pendingLogins.set(start.state, start.pending, PENDING_LOGIN_TTL_MS);
      return sendRedirect(response, start.url.href, cookies);
    } catch (error) {
      ctx.options.logger?.warn('booking SSO could not start', {
        publisher: ctx.options.publisher.id,
        error: String(error),
      });
      return ctx.page(
        response,
        502,
        'Plateforme SAS injoignable',
        'La plateforme SAS ne répond pas : la connexion automatique est impossible pour l’instant. Réessayez dans un instant depuis la console.',
        { cookies },
      );
    }
  }

  async function callback(request: IncomingMessage, response: ServerResponse, url: URL) {
    const state = url.searchParams.get('state') ?? '';
    const pending = state ? ctx.pendingLogins.take(state) : undefined;
    const browserId = readCookie(request.headers.cookie, ctx.names.browser);
    if (!pending || !browserId || !sameToken(browserId, pending.browserId))
      return ctx.page(
        response,
        400,
        'Connexion expirée',
        'Cette connexion a expiré ou n’a pas été demandée depuis ce navigateur. Rouvrez le créneau depuis la console SAS.',
      );
    let identity;
    try {
      identity = await oidcClient.complete(url, state, pending);
    } catch (error) {
      const failure = error instanceof SsoFailure ? error : new SsoFailure('invalid-response', String(error));
      ctx.options.logger?.warn('booking SSO refused', {
        publisher: ctx.options.publisher.id,
        reason: failure.reason,
        detail: failure.detail,
      });
      if (failure.reason === 'provider-refused')
        return ctx.page(
          response,
          403,
          'Connexion refusée',
          'La plateforme SAS n’a pas confirmé votre identité : votre session SAS est peut-être terminée. Reconnectez-vous à la console, puis rouvrez le créneau.',
          {
            detail: `Motif technique : ${failure.detail}`,
          },
        );
      if (failure.reason === 'provider-unreachable')
        return ctx.page(
          response,
          502,
          'Plateforme SAS injoignable',
          'La plateforme SAS ne répond pas : la connexion automatique est impossible pour l’instant. Réessayez dans un instant depuis la console.',
        );
      return ctx.page(
        response,
        502,
        'Connexion refusée',
        'La réponse de la plateforme SAS n’a pas pu être vérifiée : connexion refusée.',
      );
    }
    // A new login replaces whatever session this browser had here (another regulator may have used it before).
    const previous = readCookie(request.headers.cookie, ctx.names.session);
    if (previous) ctx.sessions.delete(previous);
    const account = activeAccount(ctx, identity.nationalId);
    if (!account) {
      ctx.options.logger?.warn('booking refused: no active V1 account', {
        publisher: ctx.options.publisher.id,
        nationalId: identity.nationalId,
      });
      return ctx.page(
        response,
        403,
        'Accès refusé',
        `Compte régulateur inconnu ou désactivé chez ${ctx.publisherName}.`,
        {
          detail:
            'Votre compte est créé ici par la plateforme SAS lors de votre connexion à la console. Si le problème persiste, contactez votre référent SAS.',
          cookies: [clearCookie(ctx.names.session)],
        },
      );
    }
    const displayName = [account.givenName, account.familyName].filter(Boolean).join(' ');
    const ttl = Math.min(
      SESSION_MAX_MS,
      identity.sessionEndsAt !== undefined ? identity.sessionEndsAt - ctx.now() : SESSION_MAX_MS,
    );
    if (ttl <= 0)
      return ctx.page(
        response,
        403,
        'Connexion refusée',
        'Votre session SAS est terminée. Reconnectez-vous à la console, puis rouvrez le créneau.',
      );
    const session: PublisherSession = { nationalId: account.nationalId, displayName, csrfToken: randomToken() };
    if (account.email) session.email = account.email;
    if (identity.idpConnect) session.idpConnect = identity.idpConnect;
    const sessionId = randomToken();
    ctx.sessions.set(sessionId, session, ttl);
    return sendRedirect(response, `/rdv/${slotSegment(pending.slotId)}/agenda`, [
      setCookie(ctx.names.session, sessionId, { maxAgeSeconds: ttl / 1000, secure: url.protocol === 'https:' }),
    ]);
  }

  return { entry, callback };
}
