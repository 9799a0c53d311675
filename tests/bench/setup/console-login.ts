// A console session logged into the bench backend, as the integration tests do it: the console's session service
// (native OpenID client of the backend) and a scripted browser completing the training Pro Santé Connect login.
import { MemorySecretStore } from '@services/secret-store';
import { createSessionService, type SessionService } from '@services/session/session-service';
import { TestBrowser } from '../../integration/identity/browser';
import { loginAtTrainingPsc } from '../../integration/identity/harness';

/** Alice Plumevert, the training data set's active regulator. */
const BENCH_REGULATOR = '899999000005';

export async function loginConsole(issuer: string, nationalId = BENCH_REGULATOR): Promise<SessionService> {
  const browser = new TestBrowser();
  let resolveOpened: (url: string) => void = () => {};
  const opened = new Promise<string>((resolve) => {
    resolveOpened = resolve;
  });
  const session = createSessionService({
    issuer,
    secretStore: new MemorySecretStore(),
    openExternal: (url) => resolveOpened(url),
  });
  const result = session.login();
  const first = await browser.get(await opened);
  if (first.url.includes('/login-actions/')) await loginAtTrainingPsc(browser, first, nationalId, 'cps');
  const state = await result;
  if (state.status !== 'logged-in') {
    await session.close();
    throw new Error(`bench login failed: ${JSON.stringify(state)}`);
  }
  return session;
}
