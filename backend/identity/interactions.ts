// The login interaction of the SAS provider: an authorization request with no session sends the browser to Pro
// Santé Connect; PSC's callback is checked, the regulator looked up, and the result handed back to the interaction
// that started it (in the browser that started it). Refusals end the authorization with `access_denied` and a
// reason code the console words itself, and show a French page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { grantFor } from './account-lookup';
import { confirmationPath, consoleConfirmationPage, needsConsoleConfirmation } from './console-confirmation';
import type { IdentityEventEmitter, IdentityLogger, LoginRefusalReason } from './events';
import type { LoginOutcome, LoginStates } from './login-state';
import { readForm, redirect, requestUrl, sendHtml } from './http';
import { expiredInteractionPage, refusalPage, unexpectedPscResponsePage } from './pages';
import { API_SCOPE } from './provider-options';
import { amrFor, type IdpConnect } from './psc-claims';
import type { PscClient, PscFailureReason } from './psc-client';
import type { RegulatorAccounts } from './regulator-accounts';

export interface InteractionDeps {
  provider: Provider;
  issuer: string;
  /** Where PSC sends the browser back (registered at PSC). */
  pscRedirectUri: string;
  psc: PscClient;
  accounts: RegulatorAccounts;
  events: IdentityEventEmitter;
  logger: IdentityLogger;
  /** PSC logins in progress and their outcomes: shared storage, so any instance can answer each browser step. */
  states: LoginStates;
  /** The console's client id: its authorizations need an explicit step (PSC now, or a confirmation). */
  consoleClientId?: string;
}

export interface InteractionRoutes {
  /** `GET {mount}/interaction/{uid}`: starts the PSC login, or grants a first-party client's missing scopes. */
  start(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void>;
  /** `GET {mount}/psc/callback`. */
  pscCallback(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** `GET {mount}/interaction/{uid}/finish`: the PSC result, back in the browser that started the interaction. */
  finish(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void>;
  /** `POST {mount}/interaction/{uid}/confirm`: the regulator confirmed a console login on the confirmation page. */
  confirm(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void>;
}

function pscReasonToRefusal(reason: PscFailureReason): LoginRefusalReason {
  if (reason === 'psc-unreachable') return 'psc_unreachable';
  if (reason === 'psc-cancelled') return 'psc_cancelled';
  return 'psc_failed';
}

function scopesOf(value: unknown): string[] {
  return typeof value === 'string' ? value.split(' ').filter(Boolean) : [];
}

export function createInteractionRoutes(deps: InteractionDeps): InteractionRoutes {
  const { provider, psc, events, logger, states } = deps;

  async function refuse(
    req: IncomingMessage,
    res: ServerResponse,
    reason: LoginRefusalReason,
    nationalId?: string,
  ): Promise<void> {
    // The console learns the outcome from the authorization response (ASCII reason code, it words it itself).
    let returnTo: string | undefined;
    try {
      returnTo = await provider.interactionResult(
        req,
        res,
        { error: 'access_denied', error_description: reason },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      // The interaction is gone (expired, other browser): the page still says why, without a way back.
      logger.warn('refusal not returned to the client', { reason, error: String(error) });
    }
    sendHtml(res, 403, refusalPage(reason, returnTo, nationalId));
  }

  async function loadInteraction(req: IncomingMessage, res: ServerResponse, uid: string) {
    try {
      const details = await provider.interactionDetails(req, res);
      return details.uid === uid ? details : undefined;
    } catch {
      // No interaction cookie, or an expired interaction: the caller shows the "expired" page.
      return undefined;
    }
  }

  async function start(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await loadInteraction(req, res, uid);
    if (!details) return sendHtml(res, 400, expiredInteractionPage());
    if (details.prompt.name === 'login') {
      const begun = await psc.beginLogin();
      if (!begun.ok) {
        logger.warn('PSC login could not start', { reason: begun.reason, detail: begun.detail });
        const reason = pscReasonToRefusal(begun.reason);
        events.emit('login-refused', { reason, detail: begun.detail, at: new Date() });
        return refuse(req, res, reason);
      }
      await states.putPending(begun.pending.state, { uid, login: begun.pending });
      return redirect(res, begun.url);
    }
    if (details.prompt.name === 'consent') {
      if (deps.consoleClientId && needsConsoleConfirmation(details, deps.consoleClientId)) {
        const redirectUri = details.params['redirect_uri'];
        return sendHtml(
          res,
          200,
          consoleConfirmationPage(
            confirmationPath(deps.issuer, uid),
            typeof redirectUri === 'string' ? redirectUri : undefined,
          ),
        );
      }
      return grantConsent(req, res, details);
    }
    return sendHtml(res, 400, expiredInteractionPage());
  }

  async function confirm(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    // The interaction's cookie (path-bound, never sent cross-site on a POST) ties the click to the browser that
    // holds the request; a form from another site or a process without that cookie finds no interaction.
    const form = await readForm(req);
    const details = await loadInteraction(req, res, uid);
    if (!form.ok || form.fields.get('confirm') !== 'yes' || !details || details.prompt.name !== 'consent')
      return sendHtml(res, 400, expiredInteractionPage());
    logger.info('console login confirmed in the browser', { clientId: String(details.params['client_id']) });
    return grantConsent(req, res, details);
  }

  async function grantConsent(
    req: IncomingMessage,
    res: ServerResponse,
    details: Awaited<ReturnType<Provider['interactionDetails']>>,
  ): Promise<void> {
    const accountId = details.session?.accountId;
    const clientId = typeof details.params['client_id'] === 'string' ? details.params['client_id'] : undefined;
    if (!accountId || !clientId) return sendHtml(res, 400, expiredInteractionPage());
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    const grant = await grantFor(provider, {
      accountId,
      clientId,
      existingId: details.grantId,
      oidcScopes: missing.missingOIDCScope ?? scopesOf(details.params['scope']).filter((s) => s !== API_SCOPE),
      resourceScopes: missing.missingResourceScopes ?? {},
    });
    const grantId = grant.jti;
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function outcomeOf(
    nationalId: string,
    identity: { idpConnect: IdpConnect; acr?: string },
  ): Promise<LoginOutcome> {
    const account = await deps.accounts.findByNationalId(nationalId);
    if (!account || !account.active) {
      const reason = account ? 'regulator_inactive' : 'regulator_unknown';
      logger.warn('login refused', { reason, nationalId });
      events.emit('login-refused', { reason, nationalId, detail: reason, at: new Date() });
      return { ok: false, reason, nationalId };
    }
    const outcome: LoginOutcome = { ok: true, regulator: account, idpConnect: identity.idpConnect };
    if (identity.acr) outcome.acr = identity.acr;
    return outcome;
  }

  async function pscCallback(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The whole callback URL goes to the token exchange (PSC adds `iss`), rebuilt on the registered redirect URI.
    const callbackUrl = new URL(deps.pscRedirectUri);
    callbackUrl.search = requestUrl(req).search;
    const state = callbackUrl.searchParams.get('state') ?? '';
    const entry = state ? await states.takePending(state) : undefined;
    if (!entry) {
      logger.warn('PSC callback with unknown state');
      events.emit('login-refused', { reason: 'psc_failed', detail: 'unknown state', at: new Date() });
      return sendHtml(res, 400, unexpectedPscResponsePage());
    }
    const result = await psc.completeLogin(callbackUrl, entry.login);
    let outcome: LoginOutcome;
    if (!result.ok) {
      logger.warn('PSC login failed', { reason: result.reason, detail: result.detail });
      outcome = { ok: false, reason: pscReasonToRefusal(result.reason) };
      events.emit('login-refused', {
        reason: outcome.reason,
        detail: `${result.reason}: ${result.detail}`,
        at: new Date(),
      });
    } else {
      outcome = await outcomeOf(result.identity.nationalId, result.identity);
    }
    await states.putOutcome(entry.uid, outcome);
    // Back under the interaction's path, where its cookie binds the result to the browser that started it.
    return redirect(res, `${deps.issuer}/interaction/${entry.uid}/finish`);
  }

  async function finish(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await loadInteraction(req, res, uid);
    const outcome = details ? await states.takeOutcome(uid) : undefined;
    if (!details || !outcome) return sendHtml(res, 400, expiredInteractionPage());
    if (!outcome.ok) return refuse(req, res, outcome.reason, outcome.nationalId);
    events.emit('login-succeeded', {
      regulator: outcome.regulator,
      idpConnect: outcome.idpConnect,
      acr: outcome.acr,
      at: new Date(),
    });
    logger.info('regulator logged in', { nationalId: outcome.regulator.nationalId, idpConnect: outcome.idpConnect });
    const login: { accountId: string; amr: string[]; remember: boolean; acr?: string } = {
      accountId: outcome.regulator.nationalId,
      amr: amrFor(outcome.idpConnect),
      // A browser-session cookie: the server decides the session's life (shift, idle), the cookie never outlives it.
      remember: false,
    };
    if (outcome.acr) login.acr = outcome.acr;
    await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  }

  return { start, pscCallback, finish, confirm };
}
