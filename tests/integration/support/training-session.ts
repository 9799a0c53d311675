// Logs a console session into a running training environment, the test playing the browser (cookie jar, forms).
import type { TrainingEnvironment } from '@backend/training/environment';
import { MemorySecretStore } from '@services/secret-store';
import { createSessionService, type SessionService } from '@services/session/session-service';
import { TestBrowser } from '../identity/browser';
import { loginAtTrainingPsc } from '../identity/harness';

export const ALICE = '899999000005';

export interface LoggedIn {
  session: SessionService;
  browser: TestBrowser;
}

export async function loginToTraining(env: TrainingEnvironment, nationalId = ALICE): Promise<LoggedIn> {
  const browser = new TestBrowser();
  let resolveOpened: (url: string) => void = () => {};
  const opened = new Promise<string>((resolve) => {
    resolveOpened = resolve;
  });
  const session = createSessionService({
    issuer: env.backend.identity.issuer,
    secretStore: new MemorySecretStore(),
    openExternal: (url) => resolveOpened(url),
  });
  const result = session.login();
  const first = await browser.get(await opened);
  if (first.url.includes('/login-actions/')) await loginAtTrainingPsc(browser, first, nationalId, 'cps');
  const state = await result;
  if (state.status !== 'logged-in') throw new Error(`login failed: ${JSON.stringify(state)}`);
  return { session, browser };
}
