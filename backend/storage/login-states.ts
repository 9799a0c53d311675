// Short-lived login state that must survive a change of instance between two browser steps: a login in progress at
// Pro Santé Connect (by PSC `state`) and its outcome waiting for the browser to come back (by interaction uid).
// Each entry is read once (`take` deletes it), and expires.
import { z } from 'zod';
import type { SqlExecutor } from './sql-database';

export interface LoginStateRepository {
  put(kind: string, key: string, value: unknown, ttlMs: number): Promise<void>;
  /** The entry, removed in the same statement (a second reader gets nothing), unless it expired. */
  take(kind: string, key: string): Promise<unknown>;
  removeExpired(): Promise<number>;
}

const rowSchema = z.object({ value: z.unknown(), live: z.boolean() });

export function createLoginStateRepository(db: SqlExecutor): LoginStateRepository {
  return {
    async put(kind, key, value, ttlMs) {
      await db.query(
        `INSERT INTO login_states (kind, key, value, expires_at)
         VALUES ($1, $2, $3::jsonb, now() + make_interval(secs => $4::double precision))
         ON CONFLICT (kind, key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at`,
        [kind, key, JSON.stringify(value ?? null), Math.max(0, ttlMs) / 1000],
      );
    },
    async take(kind, key) {
      const result = await db.query(
        'DELETE FROM login_states WHERE kind = $1 AND key = $2 RETURNING value, (expires_at > now()) AS live',
        [kind, key],
      );
      if (result.rows.length === 0) return undefined;
      const row = rowSchema.parse(result.rows[0]);
      return row.live ? row.value : undefined;
    },
    async removeExpired() {
      return (await db.query('DELETE FROM login_states WHERE expires_at <= now()')).rowCount;
    },
  };
}
