// The publishers' circuit breaker as every backend instance sees it: consecutive failed searches per publisher, and
// until when it is set aside. Counted in one place, so N instances set a failing publisher aside after the same
// number of failures as one instance would, and all of them stop asking it.
import { z } from 'zod';
import { instantColumn } from './row-values';
import type { SqlExecutor } from './sql-database';

export interface BreakerRecord {
  publisherId: string;
  consecutiveFailures: number;
  /** Epoch ms; 0 when closed. */
  openUntil: number;
}

export interface PublisherBreakerRepository {
  /** Counts one more failure; opens the breaker for `coolDownMs` once `threshold` is reached. */
  recordFailure(publisherId: string, threshold: number, coolDownMs: number): Promise<BreakerRecord>;
  recordSuccess(publisherId: string): Promise<void>;
  list(): Promise<BreakerRecord[]>;
}

const rowSchema = z
  .object({
    publisher_id: z.string(),
    consecutive_failures: z.coerce.number(),
    open_until: instantColumn.nullable(),
  })
  .transform((row): BreakerRecord => ({
    publisherId: row.publisher_id,
    consecutiveFailures: row.consecutive_failures,
    openUntil: row.open_until === null ? 0 : Date.parse(row.open_until),
  }));

export function createPublisherBreakerRepository(db: SqlExecutor): PublisherBreakerRepository {
  return {
    async recordFailure(publisherId, threshold, coolDownMs) {
      // One statement: concurrent failures on several instances each count once.
      const result = await db.query(
        `INSERT INTO publisher_breakers AS b (publisher_id, consecutive_failures, open_until)
         VALUES ($1, 1, CASE WHEN 1 >= $2::integer THEN now() + make_interval(secs => $3::double precision) END)
         ON CONFLICT (publisher_id) DO UPDATE SET
           consecutive_failures = b.consecutive_failures + 1,
           open_until = CASE WHEN b.consecutive_failures + 1 >= $2::integer
                             THEN now() + make_interval(secs => $3::double precision)
                             ELSE b.open_until END
         RETURNING publisher_id, consecutive_failures, open_until`,
        [publisherId, threshold, coolDownMs / 1000],
      );
      return rowSchema.parse(result.rows[0]);
    },
    async recordSuccess(publisherId) {
      await db.query('DELETE FROM publisher_breakers WHERE publisher_id = $1', [publisherId]);
    },
    async list() {
      const result = await db.query('SELECT publisher_id, consecutive_failures, open_until FROM publisher_breakers');
      return result.rows.map((row) => rowSchema.parse(row));
    },
  };
}
