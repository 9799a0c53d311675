// The LRM outbox as the dispatcher works it: claim the next message of each appointment (one instance per message:
// FOR UPDATE SKIP LOCKED, then a lease while it is sent), keep the composed envelope, record the broker's confirm,
// and apply what comes back (RC-DE acknowledgement, error) to the message and to the appointment's LRM state.
// The appointment's state follows its latest message only: an answer about an older one changes nothing shown.
import { z } from 'zod';
import type { LrmAppointmentSnapshot } from './appointment-changes';
import type { SqlDatabase, SqlExecutor } from './sql-database';

export interface OutboxMessage {
  id: number;
  appointmentId: string;
  lrmOrigin: string;
  appointment: LrmAppointmentSnapshot;
  recipient?: string;
  distributionId?: string;
  payload?: Record<string, unknown>;
  attempts: number;
}

const jsonColumn = z.union([
  z.string().transform((text) => JSON.parse(text) as unknown),
  z.record(z.string(), z.unknown()),
]);

const messageRowSchema = z
  .object({
    id: z.union([z.number(), z.string()]).transform(Number),
    appointment_id: z.string(),
    lrm_origin: z.string(),
    appointment: jsonColumn,
    recipient: z.string().nullable(),
    distribution_id: z.string().nullable(),
    payload: jsonColumn.nullable(),
    attempts: z.number(),
  })
  .transform((row): OutboxMessage => ({
    id: row.id,
    appointmentId: row.appointment_id,
    lrmOrigin: row.lrm_origin,
    appointment: row.appointment as LrmAppointmentSnapshot,
    ...(row.recipient !== null ? { recipient: row.recipient } : {}),
    ...(row.distribution_id !== null ? { distributionId: row.distribution_id } : {}),
    ...(row.payload !== null ? { payload: row.payload as Record<string, unknown> } : {}),
    attempts: row.attempts,
  }));

const MESSAGE_COLUMNS = `o.id, o.appointment_id, o.lrm_origin, o.appointment, o.recipient, o.distribution_id, o.payload,
  o.attempts`;

/** What an answer from the LRM side did to the appointment, so its consoles can be told. */
export interface LrmAnswerEffect {
  appointmentId: string;
  /** The appointment's shown LRM state changed. */
  changed: boolean;
}

interface LrmRefusal {
  distributionId: string;
  code: number;
  /** The French reason shown on the appointment. */
  reason: string;
  /** Last error kept on the message (the Hub's or LRM's own words, bounded). */
  detail: string;
  /** Queue a fresh message once, when this one was not already a resend. */
  resend: boolean;
}

export interface LrmOutbox {
  /** The next message of up to `limit` appointments, each leased for `leaseMs` to this caller. */
  claim(limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  /**
   * The envelopes of the appointment's messages before `beforeId` that the LRM was sent and did not refuse, oldest
   * first (empty: the LRM does not know the appointment yet). An update names only what changed, so what the LRM
   * holds is what all of them carried.
   */
  previousSent(appointmentId: string, beforeId: number): Promise<Record<string, unknown>[]>;
  storeComposed(id: number, composed: { recipient: string; distributionId: string; payload: object }): Promise<void>;
  markSent(id: number): Promise<void>;
  /** Back in the queue after `delayMs`, with the error kept. */
  markFailed(id: number, error: string, delayMs: number): Promise<void>;
  /** Nothing to send (no SAMU for its origin): dropped, and the appointment shows no LRM state if it was its latest. */
  markSkipped(id: number, reason: string): Promise<LrmAnswerEffect | undefined>;
  acknowledge(distributionId: string): Promise<LrmAnswerEffect | undefined>;
  refuse(refusal: LrmRefusal): Promise<LrmAnswerEffect | undefined>;
  /** Messages waiting to be sent (metrics). */
  depth(): Promise<number>;
}

/** Whether message `id` is the appointment's latest one that counts (skipped ones do not). */
async function isLatest(tx: SqlExecutor, appointmentId: string, id: number): Promise<boolean> {
  const later = await tx.query(
    `SELECT 1 FROM lrm_outbox WHERE appointment_id = $1 AND id > $2 AND state <> 'skipped' LIMIT 1`,
    [appointmentId, id],
  );
  return later.rows.length === 0;
}

const answeredRowSchema = z.object({
  id: z.union([z.number(), z.string()]).transform(Number),
  appointment_id: z.string(),
  resend_of: z.union([z.number(), z.string()]).nullable(),
});

export function createLrmOutbox(db: SqlDatabase): LrmOutbox {
  return {
    claim(limit, leaseMs) {
      return db.transaction(async (tx) => {
        // The head of each appointment's queue only: a later change waits until the earlier one is confirmed.
        const result = await tx.query(
          `SELECT ${MESSAGE_COLUMNS} FROM lrm_outbox o
           WHERE o.state = 'queued' AND o.next_attempt_at <= now()
             AND (o.claimed_until IS NULL OR o.claimed_until < now())
             AND NOT EXISTS (SELECT 1 FROM lrm_outbox p
                             WHERE p.appointment_id = o.appointment_id AND p.state = 'queued' AND p.id < o.id)
           ORDER BY o.id LIMIT $1 FOR UPDATE OF o SKIP LOCKED`,
          [limit],
        );
        const messages = result.rows.map((row) => messageRowSchema.parse(row));
        if (messages.length > 0)
          await tx.query(
            `UPDATE lrm_outbox SET claimed_until = now() + ($2::integer * interval '1 millisecond')
             WHERE id = ANY($1::bigint[])`,
            [messages.map((message) => message.id), leaseMs],
          );
        return messages;
      });
    },
    async previousSent(appointmentId, beforeId) {
      const result = await db.query<{ payload: unknown }>(
        `SELECT payload FROM lrm_outbox
         WHERE appointment_id = $1 AND id < $2 AND payload IS NOT NULL AND state IN ('sent', 'acknowledged')
         ORDER BY id`,
        [appointmentId, beforeId],
      );
      return result.rows.map((row) => jsonColumn.parse(row.payload) as Record<string, unknown>);
    },
    async storeComposed(id, composed) {
      await db.query(`UPDATE lrm_outbox SET recipient = $2, distribution_id = $3, payload = $4::jsonb WHERE id = $1`, [
        id,
        composed.recipient,
        composed.distributionId,
        JSON.stringify(composed.payload),
      ]);
    },
    async markSent(id) {
      // An acknowledgement may have come back before the confirm was recorded: it is not undone.
      await db.query(
        `UPDATE lrm_outbox SET state = CASE WHEN state = 'queued' THEN 'sent' ELSE state END,
           attempts = attempts + 1, sent_at = now(), claimed_until = NULL, last_error = NULL
         WHERE id = $1`,
        [id],
      );
    },
    async markFailed(id, error, delayMs) {
      await db.query(
        `UPDATE lrm_outbox SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
           next_attempt_at = now() + ($3::integer * interval '1 millisecond')
         WHERE id = $1 AND state = 'queued'`,
        [id, error.slice(0, 500), Math.round(delayMs)],
      );
    },
    markSkipped(id, reason) {
      return db.transaction(async (tx) => {
        const row = await tx.query(
          `UPDATE lrm_outbox SET state = 'skipped', last_error = $2, claimed_until = NULL
           WHERE id = $1 AND state = 'queued' RETURNING id, appointment_id, resend_of`,
          [id, reason.slice(0, 500)],
        );
        if (!row.rows[0]) return undefined;
        const message = answeredRowSchema.parse(row.rows[0]);
        if (!(await isLatest(tx, message.appointment_id, message.id)))
          return { appointmentId: message.appointment_id, changed: false };
        const cleared = await tx.query(
          `UPDATE appointments SET lrm_state = NULL, lrm_at = NULL, lrm_code = NULL, lrm_reason = NULL
           WHERE id = $1 AND lrm_state IS NOT NULL`,
          [message.appointment_id],
        );
        return { appointmentId: message.appointment_id, changed: cleared.rowCount > 0 };
      });
    },
    acknowledge(distributionId) {
      return db.transaction(async (tx) => {
        const row = await tx.query(
          `UPDATE lrm_outbox SET state = 'acknowledged', claimed_until = NULL
           WHERE distribution_id = $1 AND state IN ('queued', 'sent', 'acknowledged')
           RETURNING id, appointment_id, resend_of`,
          [distributionId],
        );
        if (!row.rows[0]) return undefined;
        const message = answeredRowSchema.parse(row.rows[0]);
        if (!(await isLatest(tx, message.appointment_id, message.id)))
          return { appointmentId: message.appointment_id, changed: false };
        await tx.query(
          `UPDATE appointments SET lrm_state = 'transmitted', lrm_at = now(), lrm_code = NULL, lrm_reason = NULL
           WHERE id = $1`,
          [message.appointment_id],
        );
        return { appointmentId: message.appointment_id, changed: true };
      });
    },
    refuse(refusal) {
      return db.transaction(async (tx) => {
        const row = await tx.query(
          `UPDATE lrm_outbox SET state = 'refused', claimed_until = NULL, last_error = $2
           WHERE distribution_id = $1 AND state IN ('queued', 'sent', 'acknowledged')
           RETURNING id, appointment_id, resend_of`,
          [refusal.distributionId, `${refusal.code} ${refusal.detail}`.slice(0, 500)],
        );
        if (!row.rows[0]) return undefined;
        const message = answeredRowSchema.parse(row.rows[0]);
        // The appointment's row lock orders this resend with the appointment's own changes.
        const appointment = await tx.query<{ lrm_origin: string | null }>(
          `SELECT lrm_origin FROM appointments WHERE id = $1 FOR UPDATE`,
          [message.appointment_id],
        );
        if (!(await isLatest(tx, message.appointment_id, message.id)))
          return { appointmentId: message.appointment_id, changed: false };
        const origin = appointment.rows[0]?.lrm_origin ?? null;
        const resend = refusal.resend && message.resend_of === null && origin !== null;
        if (resend) {
          // A fresh message (new distribution id, new expiry) from the appointment as it is now.
          await tx.query(
            `INSERT INTO lrm_outbox (appointment_id, lrm_origin, appointment, resend_of)
             SELECT appointment_id, $2, appointment, id FROM lrm_outbox WHERE id = $1`,
            [message.id, origin],
          );
        }
        await tx.query(
          `UPDATE appointments SET lrm_state = $2, lrm_at = now(), lrm_code = $3, lrm_reason = $4 WHERE id = $1`,
          [message.appointment_id, resend ? 'pending' : 'refused', String(refusal.code), refusal.reason],
        );
        return { appointmentId: message.appointment_id, changed: true };
      });
    },
    async depth() {
      const result = await db.query<{ count: unknown }>(
        `SELECT count(*) AS count FROM lrm_outbox WHERE state = 'queued'`,
      );
      return Number(result.rows[0]?.count ?? 0);
    },
  };
}
