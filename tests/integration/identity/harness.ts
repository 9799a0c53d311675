// The whole login chain on loopback for the identity tests: training PSC ← backend identity provider (PSC client)
// ← console session service, plus a publisher (confidential client) for RDV V2 SSO. All real HTTP servers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oidc from 'openid-client';
import type { IdentityLogger, IdentityEventMap } from '@backend/identity/events';
import { createIdentityProvider, type IdentityProvider, type IdentityProviderConfig } from '@backend/identity/provider';
import { arrayRegulatorAccounts, type RegulatorAccount } from '@backend/identity/regulator-accounts';
import { startTrainingPsc, type TrainingPsc } from '@backend/training/psc/training-psc';
import type { SessionState } from '@shared/api/console-api';
import { MemorySecretStore, type SecretStore } from '@services/secret-store';
import { createSessionService, type SessionService, type SessionServiceDeps } from '@services/session/session-service';
import type { Page, TestBrowser } from './browser';
import { type CallbackRecorder, startCallbackRecorder } from './callback-recorder';
import { regulatorAccounts, TRAINING_IDENTITIES } from './fixtures';

export const PSC_CLIENT = { clientId: 'sas-backend', clientSecret: 'psc-secret-for-training-0001' };
export const PUBLISHER = { clientId: 'editeur-demo', clientSecret: 'publisher-secret-0000000001' };

export interface StackOptions {
  /** Changes to the provider configuration (PSC fetch wrapper, clock, session lengths...). */
  provider?: (config: IdentityProviderConfig) => IdentityProviderConfig;
  /** PSC client registered for signed userinfo. */
  pscUserinfoJwt?: boolean;
}

interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export interface IdentityStack {
  psc: TrainingPsc;
  provider: IdentityProvider;
  issuer: string;
  accounts: RegulatorAccount[];
  publisherCallback: CallbackRecorder;
  logs: LogLine[];
  events: { [E in keyof IdentityEventMap]: IdentityEventMap[E][] };
  /** Stops the training PSC only (to make it unreachable). */
  stopPsc(): Promise<void>;
  close(): Promise<void>;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export async function startIdentityStack(options: StackOptions = {}): Promise<IdentityStack> {
  // The provider needs the backend's URL (its issuer), so the server starts first and routes to it once built.
  const mounted: { provider?: IdentityProvider } = {};
  const backend = await listen((req, res) => {
    if (!mounted.provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    void mounted.provider.handler(req, res);
  });
  const issuer = `${backend.url}/oidc`;
  const publisherCallback = await startCallbackRecorder('/sso/callback');
  const psc = await startTrainingPsc({
    identities: TRAINING_IDENTITIES,
    clients: [
      {
        ...PSC_CLIENT,
        redirectUris: [`${issuer}/psc/callback`],
        userinfoFormat: options.pscUserinfoJwt ? 'jwt' : 'json',
      },
    ],
  });
  let pscRunning = true;
  const accounts = regulatorAccounts();
  const logs: LogLine[] = [];
  const logger: IdentityLogger = {
    info: (message, fields) => logs.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => logs.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message, fields) => logs.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
  };
  let config: IdentityProviderConfig = {
    issuer,
    psc: {
      issuer: psc.issuer,
      ...PSC_CLIENT,
      ...(options.pscUserinfoJwt ? { userinfoSignedResponseAlg: 'RS256' } : {}),
    },
    accounts: arrayRegulatorAccounts(accounts),
    publishers: [{ ...PUBLISHER, redirectUris: [publisherCallback.url], name: 'Éditeur de démonstration' }],
    logger,
  };
  if (options.provider) config = options.provider(config);
  const provider = await createIdentityProvider(config);
  mounted.provider = provider;
  const events: IdentityStack['events'] = { 'login-succeeded': [], 'login-refused': [] };
  provider.events.on('login-succeeded', (e) => events['login-succeeded'].push(e));
  provider.events.on('login-refused', (e) => events['login-refused'].push(e));

  return {
    psc,
    provider,
    issuer,
    accounts,
    publisherCallback,
    logs,
    events,
    stopPsc: async () => {
      if (pscRunning) await psc.close();
      pscRunning = false;
    },
    close: async () => {
      await provider.close();
      if (pscRunning) await psc.close();
      await publisherCallback.close();
      await backend.close();
    },
  };
}

export interface ConsoleUnderTest {
  session: SessionService;
  /** URLs the session asked to open in the system browser. */
  opened: string[];
  /** Resolves with the next URL opened in the system browser. */
  nextOpened(): Promise<string>;
  states: SessionState[];
  secrets: SecretStore;
}

export function startConsole(stack: IdentityStack, overrides: Partial<SessionServiceDeps> = {}): ConsoleUnderTest {
  const opened: string[] = [];
  const waiters: ((url: string) => void)[] = [];
  const secrets = overrides.secretStore ?? new MemorySecretStore();
  const session = createSessionService({
    issuer: stack.issuer,
    secretStore: secrets,
    openExternal: (url) => {
      opened.push(url);
      waiters.shift()?.(url);
    },
    ...overrides,
  });
  const states: SessionState[] = [];
  session.onChange((state) => states.push(state));
  return {
    session,
    opened,
    secrets,
    states,
    // Call before the action that opens the browser.
    nextOpened: () => new Promise<string>((resolve) => waiters.push(resolve)),
  };
}

export type LoginMethod = 'cps' | 'ecps';

/** Plays the user at the training PSC: pick the identity and method, type the PIN or confirm on the "phone". */
export async function loginAtTrainingPsc(
  browser: TestBrowser,
  page: Page,
  nationalId: string,
  method: LoginMethod,
): Promise<Page> {
  if (method === 'cps') return browser.submit(page, { identity: nationalId, method: 'cps', pin: '1234' });
  const waiting = await browser.submit(page, { identity: nationalId, method: 'ecps' });
  return browser.submit(waiting);
}

/**
 * A whole console login played in `browser`: starts `login()`, opens the URL the console gave the system browser,
 * logs in at the training PSC. Returns the final browser page and the console's resulting state.
 */
export async function consoleLogin(
  consoleUnderTest: ConsoleUnderTest,
  browser: TestBrowser,
  nationalId: string,
  method: LoginMethod = 'cps',
): Promise<{ state: SessionState; page: Page }> {
  const opened = consoleUnderTest.nextOpened();
  const result = consoleUnderTest.session.login();
  const url = await opened;
  const first = await browser.get(url);
  let page = first.url.includes('/login-actions/')
    ? await loginAtTrainingPsc(browser, first, nationalId, method)
    : first;
  // A browser that already holds a session: the regulator confirms this console login with the button.
  if (isConsoleConfirmation(page)) page = await browser.submit(page, { confirm: 'yes' });
  return { state: await result, page };
}

/** The page on which a regulator confirms a console login that did not pass PSC. */
export function isConsoleConfirmation(page: Page): boolean {
  return page.status === 200 && page.body.includes('Connecter la SAS Console de ce poste ?');
}

/** The publisher (confidential client) asks the provider for the user in `browser`, as RDV V2 does. */
export interface PublisherAuthorization {
  page: Page;
  callback: URL | undefined;
  exchange(): Promise<oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers>;
}

export async function publisherAuthorize(
  stack: IdentityStack,
  browser: TestBrowser,
  extra: Record<string, string> = {},
): Promise<PublisherAuthorization> {
  const config = new oidc.Configuration(
    (
      await oidc.discovery(new URL(stack.issuer), PUBLISHER.clientId, PUBLISHER.clientSecret, undefined, {
        execute: [oidc.allowInsecureRequests],
      })
    ).serverMetadata(),
    PUBLISHER.clientId,
    PUBLISHER.clientSecret,
  );
  oidc.allowInsecureRequests(config);
  oidc.enableNonRepudiationChecks(config);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: stack.publisherCallback.url,
    scope: 'openid profile email',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  const before = stack.publisherCallback.received.length;
  const page = await browser.get(url.href);
  const callback = stack.publisherCallback.received[before];
  return {
    page,
    callback,
    exchange: () => {
      if (!callback) throw new Error('no publisher callback');
      return oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
      });
    },
  };
}
