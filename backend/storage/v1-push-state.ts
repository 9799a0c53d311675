// RDV V1 push state: per publisher and account, the fingerprint of the last version the publisher acknowledged (2xx).
// Kept in storage so that a restart, or another backend instance on the same database, does not send it again.
import { z } from 'zod';
import type { SqlExecutor } from './sql-database';

const rowSchema = z.object({ fingerprint: z.string() });

export interface V1PushStateRepository {
  /** Fingerprint of the last version this publisher acknowledged for this account, if any. */
  acknowledged(publisherId: string, accountKey: string): Promise<string | undefined>;
  /** Records that the publisher acknowledged this version. */
  acknowledge(publisherId: string, accountKey: string, fingerprint: string): Promise<void>;
}

export function createV1PushStateRepository(db: SqlExecutor): V1PushStateRepository {
  return {
    async acknowledged(publisherId, accountKey) {
      const result = await db.query(
        'SELECT fingerprint FROM v1_push_state WHERE publisher_id = $1 AND account_key = $2',
        [publisherId, accountKey],
      );
      return result.rows[0] ? rowSchema.parse(result.rows[0]).fingerprint : undefined;
    },
    async acknowledge(publisherId, accountKey, fingerprint) {
      await db.query(
        `INSERT INTO v1_push_state (publisher_id, account_key, fingerprint) VALUES ($1, $2, $3)
         ON CONFLICT (publisher_id, account_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
           acknowledged_at = now()`,
        [publisherId, accountKey, fingerprint],
      );
    },
  };
}
