// One interactive login (RFC 8252): authorization URL with PKCE S256, state and nonce; the system browser opened on
// it; the one callback on a loopback listener; the code exchanged and the ID token checked. Cancel and timeout
// interrupt whichever step is waiting, and the browser is always told how it ended.
import * as oidc from 'openid-client';
import { dpopHandle, newDpopKey } from './dpop-key';
import type { ClientConfiguration } from './configuration';
import { classifyLoginError, type LoginExpectations, SessionFailure } from './failure';
import { startLoopbackCallback, type LoopbackCallback, type ReceivedCallback } from './loopback-callback';
import { sessionMessage, type SessionFailureCode } from './messages';
import type { SessionTimers } from './refresh';
import { type Tokens, tokensFrom } from './token-store';

export interface LoginFlowDeps {
  configuration: ClientConfiguration;
  scope: string;
  /** Opens a URL in the system browser. */
  openExternal: (url: string) => Promise<void> | void;
  now: () => number;
  timers: SessionTimers;
  /** How long the browser step may take. */
  timeoutMs: number;
}

export interface LoginAttempt {
  /** Interrupts the login with this reason (first reason wins). */
  cancel(code: SessionFailureCode): void;
  /** The tokens, or a SessionFailure; the browser has been answered either way. */
  tokens: Promise<Tokens>;
}

interface Interruption {
  failure?: SessionFailure;
  wake?: () => void;
}

export function startLogin(deps: LoginFlowDeps): LoginAttempt {
  const interruption: Interruption = {};
  const cancel = (code: SessionFailureCode) => {
    if (interruption.failure) return;
    interruption.failure = new SessionFailure(code, code);
    interruption.wake?.();
  };
  const timeoutHandle = deps.timers.set(() => cancel('timeout'), deps.timeoutMs);
  const tokens = runLogin(deps, interruption).finally(() => deps.timers.clear(timeoutHandle));
  return { cancel, tokens };
}

async function runLogin(deps: LoginFlowDeps, interruption: Interruption): Promise<Tokens> {
  let listener: LoopbackCallback | undefined;
  let received: ReceivedCallback | undefined;
  const expected: LoginExpectations = {};
  const interrupted = new Promise<never>((_resolve, reject) => {
    interruption.wake = () => reject(interruption.failure ?? new SessionFailure('cancelled', 'interrupted'));
  });
  interrupted.catch(() => undefined);
  const checkInterrupted = () => {
    if (interruption.failure) throw interruption.failure;
  };
  try {
    const cfg = await Promise.race([deps.configuration.get(), interrupted]);
    listener = await startLoopbackCallback();
    checkInterrupted();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const expectedState = oidc.randomState();
    const expectedNonce = oidc.randomNonce();
    expected.state = expectedState;
    const url = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: listener.redirectUri,
      response_type: 'code',
      scope: deps.scope,
      // Every interactive login is a new authentication: a browser session left by the previous regulator (same
      // workstation, shift change) must not log the next one in under the previous identity.
      prompt: 'login',
      state: expectedState,
      nonce: expectedNonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    try {
      // Electronegativity asks for a review of every openExternal with a non-constant URL. Reviewed: the URL is the
      // backend provider's authorize endpoint from its discovery document; the injected opener is allow-listed.
      await deps.openExternal(url.href); // eng-disable OPEN_EXTERNAL_JS_CHECK
    } catch (error) {
      throw new SessionFailure('browser-unavailable', String(error));
    }
    checkInterrupted();
    received = await Promise.race([listener.received, interrupted]);
    // A new key for each login: the tokens of this session are bound to this console instance.
    const dpopKey = await newDpopKey();
    const response = await Promise.race([
      oidc.authorizationCodeGrant(
        cfg,
        received.url,
        { pkceCodeVerifier: codeVerifier, expectedState, expectedNonce, idTokenExpected: true },
        undefined,
        { DPoP: dpopHandle(cfg, dpopKey) },
      ),
      interrupted,
    ]);
    const tokens = { ...tokensFrom(response, deps.now()), dpopKey };
    checkInterrupted();
    received.answer({ ok: true });
    return tokens;
  } catch (err) {
    const failure = classifyLoginError(err, expected);
    received?.answer({ ok: false, message: sessionMessage(failure.code, failure.denialReason) });
    throw failure;
  } finally {
    listener?.close();
  }
}
