// Expired login records (the provider's sessions, codes and tokens; PSC logins in progress) are never read again,
// but would fill the tables: one instance or several, a periodic delete keeps them bounded. Deleting twice is
// harmless, so instances need no coordination.
import type { Repositories } from './index';

const DEFAULT_INTERVAL_MS = 10 * 60 * 1000;

export function scheduleExpiryCleanup(
  repositories: Pick<Repositories, 'oidcPayloads' | 'loginStates'>,
  onError: (error: unknown) => void,
  intervalMs = DEFAULT_INTERVAL_MS,
): () => void {
  const timer = setInterval(() => {
    Promise.all([repositories.oidcPayloads.removeExpired(), repositories.loginStates.removeExpired()]).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
