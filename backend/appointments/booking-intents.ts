// When the console opens a booking page, it says which search tab it came from. When the publisher reports the
// appointment (V3), the backend links it back to that tab, and tells an appointment the console started from one it
// did not. Kept in storage (a restart or a second backend instance must not lose them), only ids and times, never
// patient data, and only for a few hours.
import type { SqlExecutor } from '../storage/sql-database';

interface BookingIntent {
  operatorId: string;
  searchId: string;
  /** LRM origin of the tab's launch: the appointment that follows is sent back to that SAMU's LRM. */
  origin?: string;
  sourceId: string;
  practitionerId?: string;
  start?: string;
}

/** What the intents say about a reported appointment. */
interface IntentMatch {
  /** The search tab it came from: same regulator and publisher, and the same practitioner and start when known. */
  searchId?: string;
  /** The LRM origin of that tab's launch, when it came from an LRM. */
  lrmOrigin?: string;
  /** The regulator opened one of this publisher's booking pages from the console within the last hours. */
  initiated: boolean;
}

export interface BookingIntents {
  record(intent: BookingIntent): Promise<void>;
  match(appointment: {
    operatorId: string;
    publisherId: string;
    practitionerId?: string;
    start: string;
  }): Promise<IntentMatch>;
}

/** How long an opened booking page vouches for the appointments that follow. */
const INTENT_KEEP_MS = 4 * 60 * 60 * 1000;

interface IntentRow {
  search_id: string;
  lrm_origin: string | null;
  practitioner_id: string | null;
  start_at: Date | string | null;
}

export function storedBookingIntents(db: SqlExecutor, now: () => number = Date.now): BookingIntents {
  const since = () => new Date(now() - INTENT_KEEP_MS).toISOString();
  return {
    async record(intent) {
      await db.query(`DELETE FROM booking_intents WHERE recorded_at < $1`, [since()]);
      await db.query(
        `INSERT INTO booking_intents (operator_id, source_id, search_id, practitioner_id, start_at, recorded_at,
           lrm_origin)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          intent.operatorId,
          intent.sourceId,
          intent.searchId,
          intent.practitionerId ?? null,
          // The console sends the slot's start as the publisher wrote it: kept only when it reads as an instant.
          intent.start !== undefined && !Number.isNaN(Date.parse(intent.start))
            ? new Date(intent.start).toISOString()
            : null,
          new Date(now()).toISOString(),
          intent.origin ?? null,
        ],
      );
    },
    async match(appointment) {
      const result = await db.query<IntentRow>(
        `SELECT search_id, lrm_origin, practitioner_id, start_at FROM booking_intents
         WHERE operator_id = $1 AND source_id = $2 AND recorded_at >= $3
         ORDER BY recorded_at DESC, id DESC LIMIT 200`,
        [appointment.operatorId, appointment.publisherId, since()],
      );
      const startMs = Date.parse(appointment.start);
      const same = result.rows.find(
        (row) =>
          (row.practitioner_id === null ||
            appointment.practitionerId === undefined ||
            row.practitioner_id === appointment.practitionerId) &&
          (row.start_at === null || new Date(row.start_at).getTime() === startMs),
      );
      return {
        initiated: result.rows.length > 0,
        ...(same ? { searchId: same.search_id } : {}),
        ...(same?.lrm_origin ? { lrmOrigin: same.lrm_origin } : {}),
      };
    },
  };
}
