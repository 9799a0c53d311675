// "The database cannot be reached" as opposed to "the query is wrong": the first makes the backend answer 503
// (try again shortly), never a refusal such as 401, and makes `/ready` say the instance should get no traffic.
import { errorChain } from '@shared/util/error-chain';
import { isNetworkError } from '@shared/util/network-errors';
import type { SqlExecutor } from './sql-database';

/** SQLSTATE codes meaning the server went away or refuses connections for now. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

export function isStorageUnavailable(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  for (const current of errorChain(error)) {
    const code = (current as { code?: unknown }).code;
    // Class 08: connection exception.
    if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) return true;
    if (current.name === 'StorageError' && code === 'postgres-unreachable') return true;
    if (/Connection terminated|connection timeout|Client has encountered a connection error/iu.test(current.message))
      return true;
  }
  return false;
}

/** True when a trivial query answers within `timeoutMs`. */
export async function storageReachable(db: SqlExecutor, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.query('SELECT 1').then(() => true), deadline]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
